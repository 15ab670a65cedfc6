"""Errors that point at the file, line and column that caused them."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class LocatedError(Exception):
    """One or more located problems in the inputs; str() lists them one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


class ProblemCollector:
    """Gathers the problems of one file, so a reader can report them all at once."""

    def __init__(self, path: Path, labels: set[str] | None = None):
        self.path = path
        self.labels = labels
        self.problems: list[Problem] = []

    def problem(self, where: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(self.path, where[0], where[1], message))


def shown(value, limit: int = 60) -> str:
    """A value as a message may quote it: on one line, and never longer than `limit` characters, however
    big the value (a list or mapping is named, not written out)."""
    text = value if isinstance(value, str) else type(value).__name__ if isinstance(value, (list, dict)) else repr(value)
    if not text.isprintable():
        text = repr(text)[1:-1]  # line breaks, control characters and lone surrogates as escapes
    return text if len(text) <= limit else text[: limit - 1] + "…"
