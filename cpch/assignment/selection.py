"""Pick questions from the banks; the same seed always picks the same questions in the same order."""

import random
import textwrap
from collections import Counter
from dataclasses import replace

from cpch.quiz.model import Question, Quiz


class SelectionError(ValueError):
    """A selection that picks nothing, or more than there is; the message names the option at fault."""


def labels(question: Question) -> set[str]:
    """What --tag matches, without regard to case: the question's tags and its difficulty."""
    return {tag.casefold() for tag in (*question.tags, question.difficulty)}


def known_tags(questions: list[Question]) -> str:
    """Every tag of `questions` with how many questions carry it, e.g. "easy (12), sltd (4)"."""
    counts = Counter(tag for question in questions for tag in labels(question))
    return textwrap.fill(", ".join(f"{tag} ({count})" for tag, count in sorted(counts.items())), 100)


def pick(
    quizzes: dict[str, Quiz], quiz_ids: list[str], tags: list[str], count: int | None, seed: int, shuffle: bool
) -> list[tuple[Quiz, Question]]:
    """Questions of `quiz_ids` (all banks when empty) carrying any of `tags` (any when empty)."""
    unknown = [q for q in quiz_ids if q not in quizzes]
    if unknown:
        raise SelectionError(f"--quiz: no question bank {', '.join(unknown)} (known: {', '.join(sorted(quizzes))})")
    chosen_banks = list(dict.fromkeys(quiz_ids)) or sorted(quizzes)  # a bank named twice is picked from once
    every = [(quizzes[quiz_id], question) for quiz_id in chosen_banks for question in quizzes[quiz_id].questions]
    wanted = {tag.casefold() for tag in tags}
    unmatched = [tag for tag in tags if not any(tag.casefold() in labels(q) for _, q in every)]
    if unmatched:
        where = "the banks named by --quiz" if quiz_ids else "the banks"
        raise SelectionError(
            f"--tag: no question in {where} has the tag {', '.join(unmatched)}; "
            f"known tags (and how many questions carry each):\n{known_tags([q for _, q in every])}"
        )
    pool = [(quiz, question) for quiz, question in every if not wanted or wanted & labels(question)]
    if count is not None and not 0 < count <= len(pool):
        raise SelectionError(f"--count: asked for {count} questions; the selection has {len(pool)}")
    rng = random.Random(seed)
    chosen = rng.sample(range(len(pool)), count) if count else list(range(len(pool)))
    if shuffle:
        rng.shuffle(chosen)
    else:
        chosen.sort()
    return [pool[i] for i in chosen]


def as_quiz(assignment_id: str, title: str, pass_mark: int, picked: list[tuple[Quiz, Question]]) -> Quiz:
    """One quiz holding the picked questions, ids prefixed by their bank's so they stay unique and stable."""

    def renamed(quiz: Quiz, question: Question) -> Question:
        steps = tuple(replace(step, id=f"{quiz.id}.{step.id}") for step in question.steps)
        return replace(question, id=f"{quiz.id}.{question.id}", steps=steps)

    return Quiz(assignment_id, title, 1, tuple(renamed(quiz, q) for quiz, q in picked), pass_mark)
