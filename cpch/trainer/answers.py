"""The right answer to a question, written out for a printed answer key."""

from html import escape

from cpch.core.markup import inline
from cpch.quiz.model import Question


def _list(items: list[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def correct_answer(question: Question) -> str:
    """HTML stating the right answer of a non-scenario question."""
    kind = question.type
    if kind in ("single", "multiple"):
        return _list([
            f'<span class="key-mark">{"✓ right" if option.correct else "✗"}</span> {inline(option.text)}'
            + (f'<br><span class="key-feedback">{inline(option.feedback)}</span>' if option.feedback else "")
            for option in question.options
        ])
    if kind == "true-false":
        return f"<p><strong>{'True' if question.answer else 'False'}</strong></p>"
    if kind == "ordering":
        return _list([inline(item) for item in question.items], ordered=True)
    if kind == "matching":
        rows = "".join(f"<tr><td>{inline(left)}</td><td>{inline(right)}</td></tr>" for left, right in question.pairs)
        return f'<table class="key-pairs"><tbody>{rows}</tbody></table>'
    if kind == "short-text":
        return "<p>Accepted: " + ", ".join(f"<strong>{escape(a)}</strong>" for a in question.accept) + "</p>"
    tolerance = f" ± {question.tolerance:g}" if question.tolerance else ""
    return f"<p><strong>{question.answer:g}{tolerance}</strong> {escape(question.unit)}</p>"
