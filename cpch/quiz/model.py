"""The quiz model every output is a view of: site, SCORM packages, LMS exports, answer keys."""

from dataclasses import dataclass, field

TYPES = ("single", "multiple", "true-false", "ordering", "matching", "short-text", "numeric", "scenario")
DIFFICULTIES = ("easy", "medium", "hard")
LEVELS = ("recall", "apply")  # cognitive level: remember a fact, or use it in a situation


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool = False
    feedback: str = ""
    where: tuple[int, int] = field(default=(0, 0), compare=False)  # line, column in the bank


@dataclass(frozen=True)
class Objective:
    """What a learner can do after a chapter; questions name it by id to show what they check."""

    id: str
    text: str
    where: tuple[int, int] = field(default=(0, 0), compare=False)


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
    level: str = ""  # one of LEVELS; empty when the bank does not say
    objective: str = ""  # the id of one of the quiz's objectives
    line: int = field(default=0, compare=False)
    # Where the question and each of its keys stand in the bank: {key: (line, column)}, "" for itself.
    where: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def at(self, key: str = "") -> tuple[int, int]:
        return self.where.get(key) or self.where.get("") or (self.line, 1)

    @property
    def scored_parts(self) -> tuple["Question", ...]:
        """The questions that earn a point each: a scenario's steps, or the question itself."""
        return self.steps if self.type == "scenario" else (self,)

    @property
    def lms_tags(self) -> tuple[str, ...]:
        """What an LMS can select questions by: the tags, the difficulty, the level and the objective."""
        labels = (f"level-{self.level}",) if self.level else ()
        return (*self.tags, self.difficulty, *labels, *((f"objective-{self.objective}",) if self.objective else ()))

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
    objectives: tuple[Objective, ...] = ()
    path: str = field(default="", compare=False)
    where: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def points(self) -> int:
        return sum(len(q.scored_parts) for q in self.questions)

    def select(self, tags: tuple[str, ...] = (), count: int | None = None) -> tuple[Question, ...]:
        """Questions carrying any of `tags` (all when none), the first `count` of them."""
        chosen = [q for q in self.questions if not tags or any(q.matches(t) for t in tags)]
        return tuple(chosen[:count] if count else chosen)
