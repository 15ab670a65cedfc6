"""What every export format shares: the questions to export, their stable names, and the errors."""

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from cpch.core.markup import block, inline
from cpch.core.problems import LocatedError, Problem
from cpch.quiz.model import Question, Quiz


class ExportError(LocatedError):
    """Questions that a format cannot express; str() lists them one per line as file:line:column."""


class Unsupported(Exception):
    """Raised while building one question: `question` (a step, for scenarios) cannot be expressed."""

    def __init__(self, question: Question, reason: str):
        super().__init__(reason)
        self.question, self.reason = question, reason


@dataclass(frozen=True)
class Item:
    """One question to export and the bank it comes from."""

    quiz: Quiz
    question: Question

    def ident(self, question: Question | None = None) -> str:
        """The stable name LMS records attach to: quiz id / question id."""
        return f"{self.quiz.id}/{(question or self.question).id}"

    def step_name(self, number: int) -> str:
        """A scenario step's name: it sorts right after its case, e.g. 'bank/case step 1'."""
        return f"{self.ident()} step {number}"


@dataclass(frozen=True)
class Selection:
    """Questions exported together under one title: a whole bank, or a set picked from several."""

    name: str  # file stem, e.g. the quiz id
    title: str
    items: tuple[Item, ...]
    description: str = ""
    pass_mark: int = 70
    language: str = "en"  # of the texts: the words an export adds (True/False, notes) follow it

    @property
    def points(self) -> int:
        return sum(len(item.question.scored_parts) for item in self.items)


def problem(item: Item, error: Unsupported, format_label: str) -> Problem:
    path = Path(item.quiz.path or item.quiz.id)
    message = f"question '{error.question.id}' cannot be exported to {format_label}: {error.reason}"
    return Problem(path, error.question.line or 1, 1, message)


def build_all(selection: Selection, format_label: str, build) -> list:
    """`build(item)` for every item, or ExportError naming every question that failed."""
    results, problems = [], []
    for item in selection.items:
        try:
            results.append(build(item))
        except Unsupported as error:
            problems.append(problem(item, error, format_label))
    if problems:
        raise ExportError(problems)
    return results


def html(question: Question, text: str) -> str:
    """Inline Markdown as safe HTML (raw HTML is shown as text); images cannot travel with a bank."""
    rendered = inline(text)
    if "<img" in rendered:
        raise Unsupported(question, "it shows an image, which the export cannot carry")
    return rendered


def case_html(scenario: Question) -> str:
    rendered = block(scenario.prompt)
    if "<img" in rendered:
        raise Unsupported(scenario, "its case shows an image, which the export cannot carry")
    return rendered


def step_html(scenario: Question, step: Question) -> str:
    """A scenario step's text: the case repeated, then the step's own prompt."""
    return f"{case_html(scenario)}<p>{html(step, step.prompt)}</p>"


def number(value: float) -> str:
    """A number as written in exports: 7 rather than 7.0, and never with an exponent (gift-pegjs refuses 1e-08)."""
    text = format(Decimal(repr(float(value) + 0.0)), "f")  # + 0.0 turns -0.0 into 0.0
    return text.rstrip("0").rstrip(".") if "." in text else text


def numeric_answer(q: Question) -> float:
    """The answer of a numeric question (the model keeps true-false answers in the same field)."""
    if q.answer is None or isinstance(q.answer, bool):
        raise Unsupported(q, "a numeric question needs a number as its answer")
    return q.answer


# Moodle grades an option with a fraction from a fixed list (question_bank::fraction_options_full):
# splitting 100% among n options is possible for these n only.
MOODLE_SHARES = {
    1: "100",
    2: "50",
    3: "33.33333",
    4: "25",
    5: "20",
    6: "16.66667",
    7: "14.28571",
    8: "12.5",
    9: "11.11111",
    10: "10",
    20: "5",
}


def option_fractions(question: Question) -> list[str]:
    """Moodle fractions (percent) of a multiple-response question's options.

    The correct options share +100%; the wrong ones share -100%, so ticking every box scores 0.
    """
    right = sum(o.correct for o in question.options)
    wrong = len(question.options) - right
    for count, kind in ((right, "correct"), (wrong, "wrong")):
        if count and count not in MOODLE_SHARES:
            raise Unsupported(
                question,
                f"{count} {kind} options would need a grade of {100 / count:.5g}% each, "
                f"which Moodle does not offer (at most 10 {kind} options)",
            )
    return [("" if o.correct else "-") + MOODLE_SHARES[right if o.correct else wrong] for o in question.options]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "selection"
