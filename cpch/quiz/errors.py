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


class QuizError(Exception):
    """One or more problems in question banks; str() lists them one per line."""

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
