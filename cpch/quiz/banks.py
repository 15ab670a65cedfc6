"""All the question banks of a folder, checked together."""

from pathlib import Path

from cpch.core.problems import LocatedError, Problem
from cpch.quiz.loader import QuizError, load_quiz
from cpch.quiz.model import Quiz

BANK_SUFFIX = ".yml"
NOT_BANKS = {"modules.yml"}


def bank_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).glob(f"*{BANK_SUFFIX}") if p.name not in NOT_BANKS)


def load_banks(paths: list[Path], labels: set[str] | None = None, load=load_quiz) -> dict[str, Quiz]:
    """Load every bank with `load(path, labels)`, gathering the problems of all files before failing."""
    quizzes: dict[str, Quiz] = {}
    problems: list[Problem] = []
    for path in paths:
        try:
            quiz = load(path, labels)
        except LocatedError as error:  # a QuizError, or a problem of the bank's translation
            problems.extend(error.problems)
            continue
        if quiz.id in quizzes:
            problems.append(Problem(path, 1, 1, f"quiz id '{quiz.id}' is also used by {quizzes[quiz.id].path}"))
        quizzes[quiz.id] = quiz
    if problems:
        raise QuizError(problems)
    return quizzes
