"""Trainer notes in other languages: one gettext catalogue per notes file, one entry per paragraph.

`trainer-notes/<chapter>.md` is translated in `trainer-notes/locales/<lang>/LC_MESSAGES/<chapter>.po`.
Each block of the Markdown (text between blank lines: a paragraph, a heading, a list, a table) is one
msgid. `update` brings the catalogues in line with the notes with Babel (a changed paragraph keeps its
old translation, marked fuzzy); a note is translated only when every block has a translation that is
not fuzzy, otherwise the error names the catalogue and the entry.

    python -m cpch.trainer.note_catalogues update|stats --language fr [--notes trainer-notes]
"""

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from babel.messages.catalog import Catalog

from cpch.core.problems import LocatedError, Problem
from cpch.i18n.catalogues import read, rendered, text
from cpch.trainer.notes import Note

LOCALES = "locales"


def blocks(body: str) -> list[str]:
    """The Markdown's blocks: runs of lines between blank lines, without trailing spaces."""
    found, current = [], []
    for line in body.splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            found.append("\n".join(current))
            current = []
    if current:
        found.append("\n".join(current))
    return found


def catalogue_path(notes: Path, language: str, note_file: Path) -> Path:
    relative = note_file.relative_to(notes).with_suffix(".po")
    return notes / LOCALES / language / "LC_MESSAGES" / relative


def note_files(notes: Path) -> list[Path]:
    return sorted(p for p in notes.rglob("*.md") if LOCALES not in p.relative_to(notes).parts)


def template(note_file: Path, notes: Path, language: str) -> Catalog:
    catalogue = Catalog(locale=language, project=note_file.stem, fuzzy=False, charset="utf-8")
    catalogue.header_comment = (
        f"# Translation ({language}) of {note_file.relative_to(notes).as_posix()}: one entry per paragraph.\n"
        "# Keep the Markdown: headings' #, list numbers, table bars, **bold**, [text](target)."
    )
    body = note_file.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    for block in blocks(body):
        catalogue.add(block, locations=[(note_file.relative_to(notes).as_posix(), 0)])
    return catalogue


def update(notes: Path, language: str) -> list[Path]:
    """Create or update the catalogue of every notes file in `language`; return those written."""
    written = []
    for note_file in note_files(notes):
        path = catalogue_path(notes, language, note_file)
        fresh = template(note_file, notes, language)
        if path.is_file():
            catalogue = read(path)
            created = catalogue.creation_date
            catalogue.update(fresh, update_header_comment=False)
            catalogue.creation_date = created  # a file changes only when its entries do
        else:
            catalogue = fresh
        path.parent.mkdir(parents=True, exist_ok=True)
        data = rendered(catalogue)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            written.append(path)
    return written


def translated(note: Note, notes: Path, language: str) -> Note:
    """`note` with each block replaced by its translation, or LocatedError naming the catalogue's entries."""
    path = catalogue_path(notes, language, note.path)
    if not path.is_file():
        raise LocatedError(
            [Problem(path, 1, 1, f"no catalogue for {note.path}: run `python -m cpch.trainer.note_catalogues update`")]
        )
    catalogue = read(path)
    out, problems = [], []
    for block in blocks(note.body):
        message = catalogue.get(block)
        if message is None:
            problems.append(Problem(path, 1, 1, f"no entry for the paragraph '{block[:60]}': run the update"))
        elif not text(message.string).strip() or message.fuzzy:
            state = "fuzzy (the English changed)" if message.fuzzy else "not translated"
            problems.append(Problem(path, message.lineno or 1, 1, f"entry '{block[:60]}' is {state}"))
        else:
            out.append(text(message.string).strip())
    if problems:
        raise LocatedError(problems)
    return replace(note, body="\n\n".join(out))


def coverage(notes: Path, language: str) -> tuple[int, int, int]:
    """(paragraphs, translated, fuzzy) over every notes file, by its catalogue in `language`."""
    total = done = fuzzy = 0
    for note_file in note_files(notes):
        path = catalogue_path(notes, language, note_file)
        catalogue = read(path) if path.is_file() else Catalog()
        for block in blocks(note_file.read_text(encoding="utf-8").split("\n---\n", 1)[-1]):
            message = catalogue.get(block)
            total += 1
            if message is not None and text(message.string).strip():
                fuzzy += message.fuzzy
                done += not message.fuzzy
    return total, done, fuzzy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cpch.trainer.note_catalogues", description=__doc__)
    parser.add_argument("action", choices=["update", "stats"])
    parser.add_argument("--language", required=True)
    parser.add_argument("--notes", type=Path, default=Path("trainer-notes"))
    args = parser.parse_args(argv)
    if args.action == "stats":
        total, done, fuzzy = coverage(args.notes, args.language)
        print(f"trainer notes ({args.language}): {done}/{total} paragraphs translated, {fuzzy} fuzzy")
        return 0
    try:
        written = update(args.notes, args.language)
    except LocatedError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{len(written)} catalogue(s) written under {args.notes / LOCALES / args.language}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
