"""A quiz as HTML: real fieldsets, legends and labels, readable without JavaScript.

Every text from a bank is escaped; prompts, feedback and explanations may use inline Markdown,
rendered with raw HTML switched off, so a bank cannot inject markup or scripts.
"""

import json
from dataclasses import dataclass
from html import escape

from cpch.core.markup import block, inline
from cpch.quiz.answer_key import display_order, encode_key, key_entry
from cpch.quiz.model import Question, Quiz

# Longest answer a text box accepts: it bounds what a learning platform must store per question.
TEXT_LIMITS = {"short-text": 60, "numeric": 20}
RUNTIME_MESSAGES = ("question_number", "correct", "incorrect", "unanswered", "score", "passed", "failed", "restored", "cleared", "unanswered_left")


def attr(value) -> str:
    return escape(str(value), quote=True)


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
    items = "".join(_question(q, n, len(questions), settings) for n, q in enumerate(questions, 1))
    runtime_messages = json.dumps({k: m[k] for k in RUNTIME_MESSAGES}, ensure_ascii=False)
    return (
        f'<section class="quiz" id="{attr(settings.dom_id)}" aria-labelledby="{attr(settings.dom_id)}-title" '
        f'data-quiz="{attr(quiz.id)}" data-version="{quiz.version}" data-pass-mark="{settings.pass_mark}" '
        f'data-shuffle="{str(settings.shuffle).lower()}" data-key="{attr(encode_key(key, quiz.id, quiz.version))}" '
        f'data-messages="{attr(runtime_messages)}">'
        f'<p class="quiz-title" id="{attr(settings.dom_id)}-title">{escape(m["quiz_label"].format(title=quiz.title))}</p>'
        f'<p class="quiz-intro">{escape(m["intro"].format(count=len(questions), pass_mark=settings.pass_mark))}</p>'
        f'<p class="quiz-nojs">{escape(m["no_script"])}</p>'
        f'<form class="quiz-form" novalidate><ol class="quiz-questions">{items}</ol>'
        f'<div class="quiz-actions" hidden><button type="submit">{escape(m["check"])}</button> '
        f'<button type="button" data-action="retry">{escape(m["retry"])}</button> '
        f'<button type="button" data-action="reset">{escape(m["reset"])}</button></div>'
        f'<div class="quiz-result" role="status" tabindex="-1"></div></form></section>'
    )


def _question(q: Question, n: int, total: int, s: Settings) -> str:
    number = s.messages["question_number"].format(n=n, total=total)
    if q.type == "scenario":
        steps = "".join(_part(step, f"{s.messages['step_number'].format(n=i)}", s) for i, step in enumerate(q.steps, 1))
        return (
            f'<li class="quiz-scenario" data-question="{attr(q.id)}">'
            f'<p class="quiz-case-title"><span class="quiz-number">{escape(number)}</span> {escape(s.messages["case"])}</p>'
            f'<div class="quiz-case">{block(q.prompt)}</div><ol class="quiz-steps">{steps}</ol></li>'
        )
    return _part(q, number, s)


def _part(q: Question, number: str, s: Settings) -> str:
    base = f"{s.dom_id}-{q.id}"
    hint = (f'<details class="quiz-hint"><summary>{escape(s.messages["hint"])}</summary>'
            f'<p>{inline(q.hint)}</p></details>') if q.hint else ""
    controls = CONTROLS[q.type](q, base, s.messages)
    return (
        f'<li class="quiz-question" id="{attr(base)}" data-question="{attr(q.id)}" data-type="{q.type}">'
        f'<fieldset aria-describedby="{attr(base)}-feedback"><legend><span class="quiz-number">{escape(number)}</span> '
        f'{inline(q.prompt)}</legend>{hint}{controls}</fieldset>'
        f'<div class="quiz-feedback" id="{attr(base)}-feedback"></div>{_source(q, s)}</li>'
    )


def _source(q: Question, s: Settings) -> str:
    if q.source not in s.sources:
        return ""
    url, title = s.sources[q.source]
    return f'<p class="quiz-source">{escape(s.messages["read_more"])} <a href="{attr(url)}">{escape(title)}</a></p>'


def _choices(q: Question, base: str, kind: str, labels: list[tuple[str, str]]) -> str:
    """Radio buttons or checkboxes; `labels` are (value, label HTML) in display order."""
    return '<div class="quiz-options">' + "".join(
        f'<div class="quiz-option"><input type="{kind}" id="{attr(base)}-{value}" name="{attr(base)}" value="{value}">'
        f'<label for="{attr(base)}-{value}">{label}</label></div>'
        for value, label in labels
    ) + "</div>"


def _options(kind: str):
    def render(q: Question, base: str, m: dict) -> str:
        order = display_order(q, len(q.options))
        return _choices(q, base, kind, [(str(i), inline(q.options[i].text)) for i in order])
    return render


def _true_false(q: Question, base: str, m: dict) -> str:
    return _choices(q, base, "radio", [("true", escape(m["true"])), ("false", escape(m["false"]))])


def _select(select_id: str, label: str, choices: list[tuple[str, str]], m: dict) -> str:
    options = "".join(f'<option value="{value}">{escape(text)}</option>' for value, text in choices)
    return (f'<li><label for="{attr(select_id)}">{label}</label> '
            f'<select id="{attr(select_id)}"><option value="">{escape(m["choose"])}</option>{options}</select></li>')


def _ordering(q: Question, base: str, m: dict) -> str:
    positions = [(str(p), str(p)) for p in range(1, len(q.items) + 1)]
    rows = "".join(_select(f"{base}-{d}", inline(q.items[i]), positions, m)
                   for d, i in enumerate(display_order(q, len(q.items))))
    return f'<ul class="quiz-selects">{rows}</ul>'


def _matching(q: Question, base: str, m: dict) -> str:
    rights = [(str(d), q.pairs[i][1]) for d, i in enumerate(display_order(q, len(q.pairs)))]
    rows = "".join(_select(f"{base}-{i}", inline(left), rights, m) for i, (left, _) in enumerate(q.pairs))
    return f'<ul class="quiz-selects">{rows}</ul>'


def _text_box(q: Question, base: str, m: dict) -> str:
    mode = ' inputmode="decimal"' if q.type == "numeric" else ""
    unit = f' <span class="quiz-unit">{escape(q.unit)}</span>' if q.unit else ""
    return (f'<p class="quiz-text"><label for="{attr(base)}-text">{escape(m["your_answer"])}</label> '
            f'<input type="text" id="{attr(base)}-text" maxlength="{TEXT_LIMITS[q.type]}" autocomplete="off" spellcheck="false"'
            f'{mode}>{unit}</p>')


CONTROLS = {
    "single": _options("radio"),
    "multiple": _options("checkbox"),
    "true-false": _true_false,
    "ordering": _ordering,
    "matching": _matching,
    "short-text": _text_box,
    "numeric": _text_box,
}
