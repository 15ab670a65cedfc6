"""The longest suspend data a module can need, so SCORM 1.2's 4096-character limit is checked at
build time. The module runtime stores: {"v":1,"p":page,"s":seen pages,"c":checked quizzes,
"r":results,"a":[answers]} with one compact string (or null) per question; see cpch-module.js."""

from dataclasses import dataclass

from cpch.quiz.html import TEXT_LIMITS

SCORM12_SUSPEND_LIMIT = 4096
OVERHEAD = 64  # the keys, braces, page number and version


@dataclass(frozen=True)
class ScoredQuestion:
    key: str  # "<quiz>.<question>", the interaction id
    type: str
    choices: int  # options, items or pairs; 0 for text answers


def longest_answer(question: ScoredQuestion) -> int:
    """Characters of the longest JSON entry for one answer, with its comma."""
    if question.type in TEXT_LIMITS:
        return 2 * TEXT_LIMITS[question.type] + 3  # every character could need a backslash
    if question.type in ("single", "true-false"):
        return max(len('"a",'), len("null,"))
    return max(question.choices + 3, len("null,"))


def longest_suspend_data(questions: list[ScoredQuestion], pages: int, quizzes: int) -> int:
    return OVERHEAD + pages + quizzes + len(questions) + sum(longest_answer(q) for q in questions)
