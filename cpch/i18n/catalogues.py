"""Gettext catalogues of a source's texts: extract them, update them, read them (with Babel).

Each entry is keyed by its message context (`<question-id>.<field>`, see cpch.i18n.fields), never by
its English text: when the English changes, the entry keeps its translation, marked fuzzy with the
previous English in a comment (`#. Previous English: ...`; Babel cannot read gettext's `#| msgid`)
so the translator sees what changed. An entry whose context is gone
becomes obsolete (`#~`), kept for reference.
"""

import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, write_po

from cpch.core.problems import LocatedError, Problem
from cpch.i18n.sources import Source

FUZZY = "fuzzy"
PREVIOUS = "Previous English: "
ACCEPT_NOTE = "One accepted answer per line; the English answers stay accepted too."


@dataclass(frozen=True)
class Entry:
    context: str
    text: str  # the English
    line: int  # where it stands in the source
    one_line: bool = False
    lines: bool = False  # a list of texts, one per line (accepted answers)


class _Recorder:
    """The `Texts` of extraction: records each English text and gives it back unchanged."""

    def __init__(self):
        self.entries: list[Entry] = []
        self.groups: list[tuple[tuple[str, ...], str]] = []

    def text(self, context: str, english: str, line: int, one_line: bool = False) -> str:
        self.entries.append(Entry(context, english, line, one_line))
        return english

    def lines(self, context: str, english: tuple[str, ...], line: int) -> tuple[str, ...]:
        self.entries.append(Entry(context, "\n".join(english), line, lines=True))
        return english

    def group(self, contexts: tuple[str, ...], what: str) -> None:
        self.groups.append((contexts, what))


def template(source: Source, loaded=None) -> _Recorder:
    """Every translatable text of `source` (or of `loaded`, what source.load() gave), in file order.
    Raises LocatedError on a bad source."""
    recorder = _Recorder()
    source.walk(source.load() if loaded is None else loaded, recorder)
    seen: set[str] = set()
    for entry in recorder.entries:
        if entry.context in seen:  # two ids would make one context: the walk cannot tell them apart
            raise LocatedError([Problem(source.path, entry.line, 1, f"two texts have the id '{entry.context}'")])
        seen.add(entry.context)
    return recorder


def read(path: Path) -> Catalog:
    """A catalogue, or LocatedError at the line Babel cannot read."""
    try:
        with open(path, "rb") as file:
            return read_po(file, abort_invalid=True)
    except PoFileError as error:
        raise LocatedError([Problem(path, error.lineno + 1, 1, f"not a valid catalogue: {error.args[0]}")]) from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise LocatedError([Problem(path, 1, 1, f"cannot read the catalogue: {error}")]) from None


def rendered(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalogue)
    return out.getvalue()


def updated(source: Source, entries: list[Entry], existing: Catalog | None, language: str) -> Catalog:
    """The catalogue of `entries`, keeping every translation of `existing` whose context still exists."""
    catalogue = Catalog(locale=language, project=source.name, fuzzy=False, charset="utf-8")
    catalogue.header_comment = (
        f"# Translation ({language}) of {source.path.as_posix()}, made with `cpch i18n extract`.\n"
        "# msgctxt names the text (<question-id>.<field>); translate msgstr only.\n"
        "# Keep the markup (**bold**, *emphasis*, `code`, [text](target): translate the text, keep the target)."
    )
    if existing is not None:
        for attribute in ("creation_date", "revision_date", "last_translator", "language_team", "header_comment"):
            setattr(catalogue, attribute, getattr(existing, attribute))
    old = {m.context: m for m in existing if m.id} if existing is not None else {}
    where = source.path.as_posix()
    for entry in entries:
        before = old.pop(entry.context, None)
        message = Message(entry.text, "", locations=[(where, entry.line)], context=entry.context)
        if entry.lines:
            message.auto_comments = [ACCEPT_NOTE]
        if before is not None:
            message.string = before.string
            # Babel reads gettext's `#| msgid` as a user comment: drop those, keep the translator's own.
            message.user_comments = [c for c in before.user_comments if not c.startswith("|")]
            message.flags = set(before.flags)
            previous = [c for c in before.auto_comments if c.startswith(PREVIOUS)]
            if before.id != entry.text and before.string:
                message.flags.add(FUZZY)
                previous = [
                    PREVIOUS + (" | " if entry.lines else " ").join(before.id.split("\n" if entry.lines else None))
                ]
            if FUZZY in message.flags:  # the old English helps until the translator has checked the entry
                message.auto_comments += previous
        catalogue[entry.text] = message
    for context, message in old.items():  # gone from the source: kept, obsolete, for reference
        if message.string:
            catalogue.obsolete[(message.id, context)] = message
    if existing is not None:
        for key, message in existing.obsolete.items():
            if message.context not in {e.context for e in entries}:
                catalogue.obsolete.setdefault(key, message)
    return catalogue


def extract(source: Source, locales: Path, language: str) -> tuple[Path, str]:
    """Create or update `source`'s catalogue; returns its path and what happened."""
    entries = template(source).entries
    path = source.catalogue(locales, language)
    existing = read(path) if path.is_file() else None
    data = rendered(updated(source, entries, existing, language))
    if existing is not None and path.read_bytes() == data:
        return path, "unchanged"
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".po.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)  # never a half-written catalogue
    return path, "updated" if existing is not None else "created"
