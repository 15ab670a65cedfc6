"""The quiz model every output is a view of: site, SCORM packages, LMS exports, answer keys."""

from dataclasses import dataclass, field

TYPES = ("single", "multiple", "true-false", "ordering", "matching", "short-text", "numeric", "scenario")
DIFFICULTIES = ("easy", "medium", "hard")


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: str
    source: str = ""
    explanation: str = ""
    hint: str = ""
    difficulty: str = "medium"
    tags: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()  # single, multiple
    answer: bool | float | None = None  # true-false, numeric
    tolerance: float = 0.0  # numeric
    unit: str = ""  # numeric
    accept: tuple[str, ...] = ()  # short-text
    items: tuple[str, ...] = ()  # ordering, in the right order
    pairs: tuple[tuple[str, str], ...] = ()  # matching: (left, right)
    steps: tuple["Question", ...] = ()  # scenario
    feedback_correct: str = ""  # types without options
    feedback_incorrect: str = ""
    line: int = field(default=0, compare=False)

    @property
    def scored_parts(self) -> tuple["Question", ...]:
        """The questions that earn a point each: a scenario's steps, or the question itself."""
        return self.steps if self.type == "scenario" else (self,)

    def matches(self, tag: str) -> bool:
        return tag in self.tags or tag == self.difficulty


@dataclass(frozen=True)
class Quiz:
    id: str
    title: str
    version: int
    questions: tuple[Question, ...]
    pass_mark: int = 70
    description: str = ""
    path: str = field(default="", compare=False)

    @property
    def points(self) -> int:
        return sum(len(q.scored_parts) for q in self.questions)

    def select(self, tags: tuple[str, ...] = (), count: int | None = None) -> tuple[Question, ...]:
        """Questions carrying any of `tags` (all when none), the first `count` of them."""
        chosen = [q for q in self.questions if not tags or any(q.matches(t) for t in tags)]
        return tuple(chosen[:count] if count else chosen)
