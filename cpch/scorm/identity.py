"""A module's identity: a short hash of its exact question set (each question's id and type, its
quiz's version, and any form's tool and version), in the order the module runtime numbers them.
It goes into the manifest identifier and into every saved state, so that an LMS record or a browser
copy of one question set is never read as answers to another (a changed package, another
`cpch assign` selection under the same title, another module)."""

import hashlib

from cpch.scorm.suspend import ScoredQuestion


def question_set(quizzes: tuple[str, ...], questions: list[ScoredQuestion], forms: list[str]) -> str:
    """12 hexadecimal characters naming `questions` (numbered quiz by quiz in `quizzes` order) and `forms`."""
    lines = [f"{q.key}@{q.quiz_version}:{q.type}" for q in runtime_order(quizzes, questions)] + [
        f"form:{form}" for form in forms
    ]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:12]


def runtime_order(quizzes: tuple[str, ...], questions: list[ScoredQuestion]) -> list[ScoredQuestion]:
    """Quiz by quiz in the module's order, each quiz's questions as on its page (a stable sort)."""
    return sorted(questions, key=lambda q: quizzes.index(q.quiz))
