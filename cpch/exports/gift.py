"""GIFT, Moodle's text format: one block per question, separated by blank lines.

Texts are HTML (marked [html]) with GIFT's special characters escaped. GIFT has no ordering type:
an ordering question becomes a matching one, each item matched with its position (1 is first).
"""

from cpch.exports.common import (
    Item,
    Selection,
    Unsupported,
    build_all,
    case_html,
    html,
    number,
    numeric_answer,
    option_fractions,
    step_html,
)
from cpch.quiz.messages import messages
from cpch.quiz.model import Question

LABEL = "GIFT"
SUFFIX = ".gift.txt"
SPECIAL = "~=#{}:"


def escape(text: str) -> str:
    """Backslash before GIFT's special characters (and the backslash itself); newlines as \\n."""
    text = text.replace("\\", "\\\\")
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def answer(text: str) -> str:
    """An answer's HTML, escaped: a leading % would read as a grade (~%50%...), so it is written &#37;."""
    escaped = escape(text)
    return escape("&#37;") + escaped[1:] if escaped.startswith("%") else escaped


def render(selection: Selection) -> bytes:
    title = " ".join(selection.title.split())
    blocks = [f"// {title}\n$CATEGORY: $course$/top/{title.replace('/', '//')}"]
    note = messages(selection.language)["export_ordering_note"]
    for item_blocks in build_all(selection, LABEL, lambda item: _item(item, note)):
        blocks.extend(item_blocks)
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def _item(item: Item, note: str) -> list[str]:
    """`note` tells the learner how an ordering question reads as a matching one."""
    q = item.question
    if q.type != "scenario":
        return [_question(item.ident(), item.ident(), q, html(q, q.prompt), note)]
    case = f"{_comment(item.ident(), q)}\n::{escape(item.ident())}::[html]{escape(case_html(q))}"
    return [case] + [
        _question(item.step_name(n), item.ident(step), step, step_html(q, step), note)
        for n, step in enumerate(q.steps, 1)
    ]


def _comment(idnumber: str, q: Question) -> str:
    """Moodle reads a question's ID number and tags from its comment: // [id:…] [tag:…]."""
    tags = "".join(f" [tag:{_bracketed(tag)}]" for tag in q.lms_tags)
    return f"// [id:{_bracketed(idnumber)}]{tags}"


def _bracketed(text: str) -> str:
    return text.replace("]", r"\]")


def _question(name: str, idnumber: str, q: Question, text: str, note: str) -> str:
    text, answers = ANSWERS[q.type](q, f"{text} {note}" if q.type == "ordering" else text)
    if q.explanation:
        answers.append("####" + escape(html(q, q.explanation)))
    body = "\n\t".join(["{", *answers])
    return f"{_comment(idnumber, q)}\n::{escape(name)}::[html]{escape(text)}{body}\n}}"


def _feedback(q: Question, text: str) -> str:
    return "#" + escape(html(q, text)) if text else ""


def _single(q: Question, text: str):
    return text, [("=" if o.correct else "~") + answer(html(q, o.text)) + _feedback(q, o.feedback) for o in q.options]


def _multiple(q: Question, text: str):
    return text, [
        f"~%{fraction}%" + answer(html(q, o.text)) + _feedback(q, o.feedback)
        for o, fraction in zip(q.options, option_fractions(q))
    ]


def _true_false(q: Question, text: str):
    # GIFT puts the feedback for a wrong answer first, then the one for a right answer.
    answer = "TRUE" if q.answer else "FALSE"
    wrong, right = _feedback(q, q.feedback_incorrect), _feedback(q, q.feedback_correct)
    return text, [answer + (wrong or ("#" if right else "")) + right]


def _short_text(q: Question, text: str):
    if any(a.startswith("%") for a in q.accept):
        raise Unsupported(q, "an accepted answer starts with %, which GIFT reads as a grade")
    answers = ["=" + escape(a.replace("*", r"\*")) + _feedback(q, q.feedback_correct) for a in q.accept]
    if q.feedback_incorrect:  # '*' matches any other answer
        answers.append("=%0%*" + _feedback(q, q.feedback_incorrect))
    return text, answers


def _numeric(q: Question, text: str):
    answers = ["#", f"={number(numeric_answer(q))}:{number(q.tolerance)}" + _feedback(q, q.feedback_correct)]
    if q.feedback_incorrect:
        answers.append("~" + _feedback(q, q.feedback_incorrect))
    unit = f" ({html(q, q.unit)})" if q.unit else ""
    return text + unit, answers


def _matching(q: Question, text: str):
    return text, [f"={answer(html(q, left))} -> {escape(right)}" for left, right in q.pairs]


def _ordering(q: Question, text: str):
    return text, [f"={answer(html(q, item))} -> {n}" for n, item in enumerate(q.items, 1)]


ANSWERS = {
    "single": _single,
    "multiple": _multiple,
    "true-false": _true_false,
    "short-text": _short_text,
    "numeric": _numeric,
    "matching": _matching,
    "ordering": _ordering,
}
