"""Read a diagnostic file and check it, reporting every problem as file:line:column."""

import re
from pathlib import Path

from cpch.core.ids import ID_RULE, is_id
from cpch.core.problems import LocatedError, shown
from cpch.core.yaml_reader import Marked, MarkedReader, read_marked
from cpch.diagnostic.model import KINDS, YES_PARTLY_NO, Diagnostic, Item, Level, Option

NUMBER = re.compile(r"[A-Za-z0-9]+(\.[A-Za-z0-9]+)*")
TOP_KEYS = {"id", "version", "title", "levels", "suggestion", "items"}
LEVEL_KEYS = {"id", "name", "description", "chapter"}
SUGGESTION_KEYS = {"minimum", "rule"}
ITEM_KEYS = {
    "number",
    "question",
    "answer",
    "options",
    "weak",
    "evidence",
    "weaknesses",
    "solutions",
    "chapters",
    "notes",
}
OPTION_KEYS = {"value", "text"}
BARE_BOOLEAN = 'write "yes" and "no" in quotes: without them YAML reads true and false'


class DiagnosticError(LocatedError):
    """One or more problems in a diagnostic file; str() lists them one per line."""


class _Reader(MarkedReader):
    """Turns one file's YAML into model objects, collecting every problem on the way."""

    @staticmethod
    def clean(value: str) -> str:
        return " ".join(value.split())

    def mapping(self, data, what: str, allowed: set[str], where=(1, 1)) -> Marked | None:
        if not isinstance(data, Marked):
            self.problem(where, f"{what} must be a mapping with the keys {', '.join(sorted(allowed))}")
            return None
        self.unknown_keys(data, allowed, what)
        return data

    def texts(self, data: Marked, key: str) -> tuple[str, ...]:
        """A required list of texts; an empty list says the source gives none."""
        if key not in data:
            self.problem(data.where(), f"'{key}' is missing (write {key}: [] where the source gives none)")
            return ()
        values = data[key]
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            # A text holding ": " reads as a mapping, which knows where it stands: point at it.
            where = (
                next((v.where() for v in values if isinstance(v, Marked)), data.where(key))
                if isinstance(values, list)
                else data.where(key)
            )
            self.problem(where, f"'{key}' must be a list of texts (put a text in quotes if it holds ': ')")
            return ()
        return tuple(" ".join(v.split()) for v in values)

    def whole(self, data: Marked, key: str, default: int, low: int, high: int | None = None) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < low or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"of {low} or more"
            self.problem(self.at(data, key), f"'{key}' must be a whole number {bounds}")
            return default
        return value

    def label(self, data: Marked, key: str, value) -> str:
        if not isinstance(value, str) or not value.strip():
            self.problem(self.at(data, key), f"'{key}' must name a section label")
            return ""
        if self.labels is not None and value not in self.labels:
            self.problem(self.at(data, key), f"unknown section label '{shown(value)}': no section of the book has it")
        return value

    # ---- The file ----------------------------------------------------------------------------

    def diagnostic(self, data) -> Diagnostic | None:
        data = self.mapping(data, "a diagnostic", TOP_KEYS)
        if data is None:
            return None
        identifier = data.get("id")
        if not is_id(identifier):
            self.problem(self.at(data, "id"), f"the diagnostic needs an 'id' of {ID_RULE}")
            identifier = ""
        levels = self.levels(data)
        suggestion = self.mapping(data.get("suggestion"), "'suggestion'", SUGGESTION_KEYS, self.at(data, "suggestion"))
        minimum = self.whole(suggestion, "minimum", 1, 1) if suggestion is not None else 1
        rule = self.text(suggestion, "rule") if suggestion is not None else ""
        return Diagnostic(
            id=identifier,
            version=self.whole(data, "version", 1, 1),
            title=self.text(data, "title"),
            levels=levels,
            items=self.items(data, levels),
            minimum=minimum,
            rule=rule,
            path=str(self.path),
            where={"title": self.at(data, "title")[0], "rule": self.at(suggestion, "rule")[0] if suggestion else 1},
        )

    def levels(self, data: Marked) -> tuple[Level, ...]:
        entries = data.get("levels")
        if not isinstance(entries, list) or len(entries) < 2:
            self.problem(self.at(data, "levels"), "'levels' must list at least two levels, lowest first")
            return ()
        levels: list[Level] = []
        for number, entry in enumerate(entries, 1):
            entry = self.mapping(entry, "a level", LEVEL_KEYS, data.where("levels"))
            if entry is None:
                continue
            identifier = entry.get("id")
            if not is_id(identifier):
                self.problem(self.at(entry, "id"), f"a level needs an 'id' of {ID_RULE}")
            elif identifier in {level.id for level in levels}:
                self.problem(entry.where("id"), f"two levels have the id '{identifier}'")
            chapter = self.label(entry, "chapter", entry["chapter"]) if "chapter" in entry else ""
            levels.append(
                Level(
                    str(identifier),
                    number,
                    self.text(entry, "name"),
                    self.text(entry, "description"),
                    chapter,
                    entry.where()[0],
                )
            )
        return tuple(levels)

    def items(self, data: Marked, levels: tuple[Level, ...]) -> tuple[Item, ...]:
        entries = data.get("items")
        if not isinstance(entries, list) or not entries:
            self.problem(self.at(data, "items"), "'items' must be a non-empty list")
            return ()
        items: list[Item] = []
        seen: dict[str, int] = {}
        for entry in entries:
            item = self.item(entry, levels, data.where("items"))
            if item is None:
                continue
            if item.number in seen:
                self.problem(
                    (item.line, 1), f"two items have the number '{item.number}' (first on line {seen[item.number]})"
                )
            seen.setdefault(item.number, item.line)
            items.append(item)
        return tuple(items)

    def item(self, entry, levels: tuple[Level, ...], where) -> Item | None:
        data = self.mapping(entry, "an item", ITEM_KEYS, where)
        if data is None:
            return None
        number = data.get("number")
        if not isinstance(number, str) or not NUMBER.fullmatch(number):
            self.problem(self.at(data, "number"), "an item needs a 'number' such as \"A.2.1\" (in quotes)")
            number = ""
        kind = data.get("answer")
        if kind not in KINDS:
            self.problem(
                self.at(data, "answer"), f"unknown answer kind '{shown(kind)}' (use one of: {', '.join(KINDS)})"
            )
            return None
        options = self.options(data, kind, levels)
        values = [o.value for o in options]
        weaknesses = self.texts(data, "weaknesses")
        weak = self.weak(data, kind, values, weaknesses)
        if kind == "text" and "notes" in data:
            self.problem(data.where("notes"), "a text item has no separate notes box")
        return Item(
            number=number,
            question=self.text(data, "question"),
            kind=kind,
            options=options,
            weak=weak,
            evidence=self.evidence(data, kind, values, len(levels)),
            weaknesses=weaknesses,
            solutions=self.texts(data, "solutions"),
            chapters=self.chapters(data),
            notes=self.text(data, "notes", required=False),
            line=data.where()[0],
        )

    def options(self, data: Marked, kind: str, levels: tuple[Level, ...]) -> tuple[Option, ...]:
        if kind != "choice":
            if "options" in data:
                self.problem(data.where("options"), f"'options' belongs to choice items only, not to {kind} items")
            if kind == "yes-partly-no":
                return tuple(Option(value, "") for value in YES_PARTLY_NO)
            if kind == "level":
                return tuple(Option(level.id, level.name) for level in levels)
            return ()
        entries = data.get("options")
        if not isinstance(entries, list) or len(entries) < 2:
            self.problem(self.at(data, "options"), "a choice item needs at least two 'options'")
            return ()
        options: list[Option] = []
        for entry in entries:
            entry = self.mapping(entry, "an option", OPTION_KEYS, data.where("options"))
            if entry is None:
                continue
            value = entry.get("value")
            if isinstance(value, bool):
                self.problem(entry.where("value"), BARE_BOOLEAN)
            elif not is_id(value):
                self.problem(self.at(entry, "value"), f"an option needs a 'value' of {ID_RULE}")
            elif value in {o.value for o in options}:
                self.problem(entry.where("value"), f"two options have the value '{value}'")
            options.append(Option(str(value), self.text(entry, "text")))
        return tuple(options)

    def answer_values(self, data: Marked, key: str, raw, values: list[str]) -> list[str]:
        """Answer values named in `weak` or `evidence`, each checked against the item's answers."""
        named = []
        for value in raw:
            if isinstance(value, bool):
                self.problem(data.where(key), BARE_BOOLEAN)
            elif value not in values:
                self.problem(
                    data.where(key),
                    f"'{key}' names '{shown(value)}', which is not an answer of this item (answers: {', '.join(values)})",
                )
            else:
                named.append(value)
        return named

    def weak(self, data: Marked, kind: str, values: list[str], weaknesses: tuple[str, ...]) -> tuple[str, ...]:
        if "weak" not in data:
            return ()
        if kind == "text":
            self.problem(
                data.where("weak"), "a text item cannot be judged: leave out 'weak' (the reader ticks a box instead)"
            )
            return ()
        raw = data["weak"]
        if not isinstance(raw, list):
            self.problem(data.where("weak"), '\'weak\' must be a list of answers, such as ["no", "partly"]')
            return ()
        weak = self.answer_values(data, "weak", raw, values)
        if weak and not weaknesses:
            self.problem(data.where("weak"), "'weak' answers need the 'weaknesses' they signal")
        return tuple(weak)

    def evidence(self, data: Marked, kind: str, values: list[str], level_count: int) -> tuple[tuple[str, int], ...]:
        if "evidence" not in data:
            return ()
        raw = data["evidence"]
        if kind in ("text", "level"):
            self.problem(data.where("evidence"), f"a {kind} item cannot count as evidence for a level")
            return ()
        if not isinstance(raw, Marked):
            self.problem(
                data.where("evidence"), '\'evidence\' must map answers to level numbers, such as {"yes": 3, "no": 1}'
            )
            return ()
        evidence = []
        for value in self.answer_values(data, "evidence", list(raw), values):
            level = raw[value]
            if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= level_count:
                self.problem(
                    raw.where(value), f"the level for '{shown(value)}' must be a whole number from 1 to {level_count}"
                )
                continue
            evidence.append((value, level))
        return tuple(evidence)

    def chapters(self, data: Marked) -> tuple[str, ...]:
        raw = data.get("chapters")
        if not isinstance(raw, list) or not raw:
            self.problem(
                self.at(data, "chapters"), "'chapters' must list the labels of the sections that explain the item"
            )
            return ()
        return tuple(label for label in (self.label(data, "chapters", value) for value in raw) if label)


def load_diagnostic(path: Path, labels: set[str] | None = None) -> Diagnostic:
    """Read and check one diagnostic file. `labels`, when given, are the section labels it may name."""
    path = Path(path)
    data = read_marked(path, DiagnosticError)
    reader = _Reader(path, labels)
    diagnostic = reader.diagnostic(data)
    if reader.problems or diagnostic is None:  # no diagnostic comes with a problem saying why
        raise DiagnosticError(reader.problems)
    return diagnostic
