"""The quality rules a published bank keeps (see quizzes/README.md), and a summary of each bank.

The loader checks that a bank can be read; these rules check that it teaches and tests well:
every scored item names its cognitive level and the objective it checks, choice questions offer
enough options, true/false statements keyed false do not give themselves away, and the right
answers are spread over the option positions.
"""

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from cpch.core.problems import Problem
from cpch.quiz.model import LEVELS, Question, Quiz

MIN_SINGLE_OPTIONS = 3
MIN_WRONG_OPTIONS = 2  # in a multiple-response question
MIN_PAIRS = 3
OBJECTIVES_RANGE = (2, 5)
MIN_APPLY_SHARE = 0.4  # of a bank's scored items
# A bank with this many single-choice questions or more must not put most right answers in one position.
SPREAD_FROM = 4
MAX_SHARE_IN_ONE_POSITION = 0.5
# Absolute words that tell a guessing learner a statement is false.
GIVEAWAY_WORDS = ("only", "always", "never", "every", "must")
CATCH_ALL = re.compile(r"\b(all|none|both|neither) of the (above|previous|others)\b", re.I)


def giveaway(text: str) -> str | None:
    return next((w for w in GIVEAWAY_WORDS if re.search(rf"\b{w}\b", text, re.I)), None)


def scored_items(quiz: Quiz) -> list[Question]:
    return [part for question in quiz.questions for part in question.scored_parts]


def right_position(question: Question) -> int | None:
    """1-based position of the right option of a single-choice question."""
    return next((i for i, o in enumerate(question.options, 1) if o.correct), None)


class _Checker:
    def __init__(self, quiz: Quiz):
        self.quiz = quiz
        self.problems: list[Problem] = []

    def problem(self, where: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(Path(self.quiz.path), where[0], where[1], message))

    def bank_start(self, key: str) -> tuple[int, int]:
        return self.quiz.where.get(key, (1, 1))

    def run(self) -> list[Problem]:
        self.objectives()
        for item in scored_items(self.quiz):
            self.labels(item)
            getattr(self, "item_" + item.type.replace("-", "_"), lambda _: None)(item)
        self.apply_share()
        self.key_spread()
        return self.problems

    def objectives(self) -> None:
        low, high = OBJECTIVES_RANGE
        count = len(self.quiz.objectives)
        if not low <= count <= high:
            self.problem(
                self.bank_start("objectives" if count else "id"),
                f"a bank needs {low} to {high} 'objectives', found {count}",
            )
        checked = {item.objective for item in scored_items(self.quiz)}
        for objective in self.quiz.objectives:
            if objective.id not in checked:
                self.problem(objective.where, f"objective '{objective.id}' is checked by no question")

    def labels(self, item: Question) -> None:
        if not item.level:
            self.problem(item.at(), f"question '{item.id}' needs a 'level' ({' or '.join(LEVELS)})")
        known = [o.id for o in self.quiz.objectives]
        if not item.objective:
            self.problem(
                item.at(), f"question '{item.id}' needs an 'objective' (one of: {', '.join(known) or 'none declared'})"
            )
        elif item.objective not in known:
            self.problem(
                item.at("objective"),
                f"unknown objective '{item.objective}' (the bank declares: {', '.join(known) or 'none'})",
            )

    def item_single(self, item: Question) -> None:
        if len(item.options) < MIN_SINGLE_OPTIONS:
            self.problem(
                item.at("options"),
                f"a single-choice question needs at least {MIN_SINGLE_OPTIONS} options, found {len(item.options)}",
            )
        self.catch_all(item)

    def item_multiple(self, item: Question) -> None:
        wrong = sum(not o.correct for o in item.options)
        if wrong < MIN_WRONG_OPTIONS:
            self.problem(
                item.at("options"),
                f"a multiple-response question needs at least {MIN_WRONG_OPTIONS} wrong options, found {wrong}",
            )
        self.catch_all(item)

    def catch_all(self, item: Question) -> None:
        for option in item.options:
            if CATCH_ALL.search(option.text):
                self.problem(
                    option.where, f"option '{option.text}' points at other options: write each answer out instead"
                )

    def item_matching(self, item: Question) -> None:
        if len(item.pairs) < MIN_PAIRS:
            self.problem(
                item.at("pairs"), f"a matching question needs at least {MIN_PAIRS} pairs, found {len(item.pairs)}"
            )

    def item_true_false(self, item: Question) -> None:
        word = giveaway(item.prompt)
        if item.answer is False and word:
            self.problem(
                item.at("prompt"),
                f"a false statement with '{word}' gives itself away: state the wrong claim without absolute words",
            )

    def apply_share(self) -> None:
        items = scored_items(self.quiz)
        applied = sum(item.level == "apply" for item in items)
        if items and applied < MIN_APPLY_SHARE * len(items):
            self.problem(
                self.bank_start("questions"),
                f"{applied} of {len(items)} scored items apply knowledge (level: apply), "
                f"fewer than {MIN_APPLY_SHARE:.0%}",
            )

    def key_spread(self) -> None:
        positions = Counter(p for p in (right_position(i) for i in scored_items(self.quiz) if i.type == "single") if p)
        total = sum(positions.values())
        if total < SPREAD_FROM:
            return
        position, count = positions.most_common(1)[0]
        if count > MAX_SHARE_IN_ONE_POSITION * total:
            self.problem(
                self.bank_start("questions"),
                f"the right option is number {position} in {count} of {total} single-choice questions: "
                "spread the right answers over the positions",
            )


def check_quality(quiz: Quiz) -> list[Problem]:
    """Every quality problem of a bank that loaded, each at its file:line:column."""
    return _Checker(quiz).run()


@dataclass(frozen=True)
class BankStats:
    items: int
    questions: int
    types: Counter
    levels: Counter
    single_options: Counter  # number of options -> questions
    multiple_wrong: Counter  # number of wrong options -> questions
    single_keys: Counter  # position of the right option -> questions
    true_false: Counter  # True/False -> questions

    @property
    def apply_share(self) -> float:
        return self.levels["apply"] / self.items if self.items else 0.0


def bank_stats(quiz: Quiz) -> BankStats:
    items = scored_items(quiz)

    def of(kind: str) -> list[Question]:
        return [i for i in items if i.type == kind]

    return BankStats(
        items=len(items),
        questions=len(quiz.questions),
        types=Counter(i.type for i in items),
        levels=Counter(i.level or "none" for i in items),
        single_options=Counter(len(i.options) for i in of("single")),
        multiple_wrong=Counter(sum(not o.correct for o in i.options) for i in of("multiple")),
        single_keys=Counter(right_position(i) for i in of("single")),
        true_false=Counter("true" if i.answer else "false" for i in of("true-false")),
    )


def _counts(counter: Counter, sort=sorted) -> str:
    return ", ".join(f"{key}: {counter[key]}" for key in sort(counter)) or "-"


def format_stats(quiz: Quiz) -> str:
    s = bank_stats(quiz)
    return "\n".join(
        [
            f"{quiz.path}: {quiz.id} (version {quiz.version})",
            f"  items: {s.items} scored, in {s.questions} questions; objectives: {len(quiz.objectives)}",
            f"  types: {_counts(s.types, lambda c: sorted(c, key=lambda k: -c[k]))}",
            f"  levels: {_counts(s.levels)}; apply share {s.apply_share:.0%}",
            f"  single-choice options (count: questions): {_counts(s.single_options)}",
            f"  multiple-response wrong options (count: questions): {_counts(s.multiple_wrong)}",
            f"  single-choice right option by position: {_counts(s.single_keys)}",
            f"  true-false keys: {_counts(s.true_false)}",
        ]
    )
