"""The self-assessment model every output is a view of: the site, exports, and later a SCORM module.

A diagnostic is a list of items (questions) an organisation answers about itself, a scale of levels
it rates itself on, and a rule that suggests a level from the answers.
"""

from dataclasses import dataclass, field

YES_PARTLY_NO = ("yes", "partly", "no")
KINDS = ("yes-partly-no", "choice", "level", "text")


@dataclass(frozen=True)
class Level:
    id: str
    number: int  # 1 = the lowest
    name: str
    description: str
    chapter: str = ""  # label of the book section that explains it
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Option:
    value: str
    text: str


@dataclass(frozen=True)
class Item:
    """One question. `weak` lists the answer values that signal a weakness; for a `text` item, whose
    answer cannot be judged, the reader marks the weakness as their own with a tick box instead."""

    number: str  # "A.2.1": the item's stable id, as the source numbers it
    question: str
    kind: str
    options: tuple[Option, ...] = ()  # what the reader can answer, in display order (not for text)
    weak: tuple[str, ...] = ()
    evidence: tuple[tuple[str, int], ...] = ()  # (answer value, level number) pairs for the suggestion
    weaknesses: tuple[str, ...] = ()  # empty: the source gives none
    solutions: tuple[str, ...] = ()  # empty: the source gives none
    chapters: tuple[str, ...] = ()  # labels of the sections that explain the topic
    notes: str = ""  # label of the optional notes box; empty for the default
    line: int = field(default=0, compare=False)

    @property
    def slug(self) -> str:
        """The number as an HTML-id-safe word: A.2.1 -> a2-1."""
        return self.number.lower().replace(".", "", 1).replace(".", "-")

    @property
    def self_check(self) -> bool:
        """A free-text item with a known weakness gets a 'this applies to us' tick box."""
        return self.kind == "text" and bool(self.weaknesses)

    def in_group(self, selector: str) -> bool:
        """True for "A.2" and "A.2.1" when the selector is "A.2" (but not for "A.20")."""
        return self.number == selector or self.number.startswith(selector + ".")


@dataclass(frozen=True)
class Diagnostic:
    id: str
    version: int
    title: str
    levels: tuple[Level, ...]
    items: tuple[Item, ...]
    minimum: int  # answers that carry evidence needed before a level is suggested
    rule: str  # the suggestion rule in plain words, shown on the page
    path: str = field(default="", compare=False)
    where: dict = field(default_factory=dict, compare=False, hash=False, repr=False)  # {"title"|"rule": line}

    def item(self, number: str) -> Item:
        return next(i for i in self.items if i.number == number)

    def level(self, number: int) -> Level:
        return self.levels[number - 1]

    def select(self, selectors: tuple[str, ...]) -> tuple[Item, ...]:
        return tuple(i for i in self.items if any(i.in_group(s) for s in selectors))
