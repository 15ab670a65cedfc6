"""A quiz as HTML (templates/quiz.html): real fieldsets, legends and labels, readable without JavaScript.

Every text from a bank is escaped; prompts, feedback and explanations may use inline Markdown,
rendered with raw HTML switched off, so a bank cannot inject markup or scripts.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from cpch.core.markup import inline, render
from cpch.quiz.answer_key import display_order, encode_key, key_entry
from cpch.quiz.model import Question, Quiz

TEMPLATES = Path(__file__).parent / "templates"
# Longest answer a text box accepts: it bounds what a learning platform must store per question.
TEXT_LIMITS = {"short-text": 60, "numeric": 20}
RUNTIME_MESSAGES = ("question_number", "correct", "incorrect", "unanswered", "score", "passed", "failed", "restored", "cleared", "unanswered_left")


@dataclass(frozen=True)
class Settings:
    dom_id: str
    pass_mark: int
    shuffle: bool
    messages: dict
    sources: dict  # label -> (url, title)


def render_quiz(quiz: Quiz, questions: tuple[Question, ...], settings: Settings) -> str:
    m = settings.messages
    key = {part.id: key_entry(part, inline) for q in questions for part in q.scored_parts}
    return render(
        TEMPLATES, "quiz.html", quiz=quiz, questions=questions, settings=settings, m=m,
        key=encode_key(key, quiz.id, quiz.version), text_limits=TEXT_LIMITS,
        runtime_messages=json.dumps({k: m[k] for k in RUNTIME_MESSAGES}, ensure_ascii=False),
        display_order=display_order, option_labels=_option_labels, positions=_positions, rights=_rights,
    )


def _option_labels(q: Question) -> list[tuple[str, Markup]]:
    """(value, label) of each option in display order; the value is the option's authored position."""
    return [(str(i), Markup(inline(q.options[i].text))) for i in display_order(q, len(q.options))]


def _positions(q: Question) -> list[tuple[str, str]]:
    return [(str(p), str(p)) for p in range(1, len(q.items) + 1)]


def _rights(q: Question) -> list[tuple[str, str]]:
    """A matching question's right-hand texts in display order, each valued by its display position."""
    return [(str(d), q.pairs[i][1]) for d, i in enumerate(display_order(q, len(q.pairs)))]
