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
from cpch.quiz.messages import plural
from cpch.quiz.model import Question, Quiz

TEMPLATES = Path(__file__).parent / "templates"
# Longest answer a text box accepts: it bounds what a learning platform must store per question.
TEXT_LIMITS = {"short-text": 60, "numeric": 20}
RUNTIME_MESSAGES = (
    "question_number",
    "case_questions",
    "correct",
    "incorrect",
    "unanswered",
    "score",
    "passed",
    "failed",
    "restored",
    "cleared",
    "unanswered_left",
    "review",
    "order_right",
    "order_wrong",
    "pairs_right",
    "pairs_wrong",
    "duplicate_position",
    "fix_first",
)


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
    # Every scored part (a case's steps included) is numbered and counted, as the score counts them.
    total = sum(len(q.scored_parts) for q in questions)
    firsts = [1 + sum(len(p.scored_parts) for p in questions[:i]) for i in range(len(questions))]
    return render(
        TEMPLATES,
        "quiz.html",
        quiz=quiz,
        questions=questions,
        settings=settings,
        m=m,
        total=total,
        firsts=firsts,
        intro=_intro(questions, total, settings),
        key=encode_key(key, quiz.id, quiz.version),
        text_limits=TEXT_LIMITS,
        runtime_messages=json.dumps({k: m[k] for k in RUNTIME_MESSAGES}, ensure_ascii=False),
        display_order=display_order,
        option_labels=_option_labels,
        positions=_positions,
        rights=_rights,
    )


def _intro(questions: tuple[Question, ...], total: int, s: Settings) -> str:
    m = s.messages
    text = plural(m["intro"], total, m["language"]).format(count=total, pass_mark=s.pass_mark)
    return text + (" " + m["intro_cases"] if any(q.type == "scenario" for q in questions) else "")


def _option_labels(q: Question) -> list[tuple[str, Markup]]:
    """(value, label) of each option in display order; the value is the option's authored position."""
    return [(str(i), Markup(inline(q.options[i].text))) for i in display_order(q, len(q.options))]


def _positions(q: Question) -> list[tuple[str, str]]:
    return [(str(p), str(p)) for p in range(1, len(q.items) + 1)]


def _rights(q: Question) -> list[tuple[str, str]]:
    """A matching question's right-hand texts in display order, each valued by its display position."""
    return [(str(d), q.pairs[i][1]) for d, i in enumerate(display_order(q, len(q.pairs)))]
