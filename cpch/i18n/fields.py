"""Which texts of a bank, the diagnostic and the modules a translation may replace, under which id.

One walk per kind of file lists every translatable text with a stable message context
("<question-id>.<field>"), and rebuilds the object with the texts a `Texts` gives back. Extracting a
catalogue and applying one are the same walk, so they cannot disagree on what is translatable.

Everything else is never offered to a translation: ids, answer keys (`correct`, `answer`, numbers,
`weak`, `evidence`), section labels, tags, levels and objectives named by id, module chapters and
quizzes. A translation can therefore change words only, never answers, counts, order or structure.
"""

from dataclasses import replace
from typing import Protocol

from cpch.diagnostic.model import Diagnostic, Item, Level
from cpch.diagnostic.model import Option as ItemOption
from cpch.quiz.model import Option, Question, Quiz


class Texts(Protocol):
    """Given an English text and its context, the text to use (the English itself when extracting)."""

    def text(self, context: str, english: str, line: int, one_line: bool = False) -> str: ...

    def lines(self, context: str, english: tuple[str, ...], line: int) -> tuple[str, ...]: ...

    def group(self, contexts: tuple[str, ...], what: str) -> None:
        """The texts of `contexts` must stay different from each other (options, items, pairs)."""


def _optional(texts: Texts, context: str, english: str, line: int) -> str:
    return texts.text(context, english, line) if english else english


# ---- Question banks -----------------------------------------------------------------------------


def quiz(bank: Quiz, texts: Texts) -> Quiz:
    line = bank.where.get("title", (1, 1))[0]
    return replace(
        bank,
        title=texts.text("title", bank.title, line, one_line=True),
        description=_optional(texts, "description", bank.description, bank.where.get("description", (line,))[0]),
        objectives=tuple(replace(o, text=texts.text(f"objective.{o.id}", o.text, o.where[0])) for o in bank.objectives),
        questions=tuple(question(q, texts) for q in bank.questions),
    )


def question(q: Question, texts: Texts) -> Question:
    def at(key: str) -> int:
        return q.at(key)[0]

    name = q.id
    changes: dict = dict(
        prompt=texts.text(f"{name}.prompt", q.prompt, at("prompt")),
        explanation=_optional(texts, f"{name}.explanation", q.explanation, at("explanation")),
        hint=_optional(texts, f"{name}.hint", q.hint, at("hint")),
        feedback_correct=_optional(texts, f"{name}.feedback.correct", q.feedback_correct, at("feedback")),
        feedback_incorrect=_optional(texts, f"{name}.feedback.incorrect", q.feedback_incorrect, at("feedback")),
        unit=_optional(texts, f"{name}.unit", q.unit, at("unit")),
    )
    if q.options:
        changes["options"] = tuple(_option(texts, f"{name}.options.{n}", o) for n, o in enumerate(q.options, 1))
        texts.group(tuple(f"{name}.options.{n}.text" for n in range(1, len(q.options) + 1)), "options")
    if q.items:
        contexts = tuple(f"{name}.items.{n}" for n in range(1, len(q.items) + 1))
        changes["items"] = tuple(texts.text(c, item, at("items")) for c, item in zip(contexts, q.items, strict=True))
        texts.group(contexts, "items")
    if q.pairs:
        changes["pairs"] = tuple(
            (
                texts.text(f"{name}.pairs.{n}.left", left, at("pairs")),
                texts.text(f"{name}.pairs.{n}.right", right, at("pairs")),
            )
            for n, (left, right) in enumerate(q.pairs, 1)
        )
        for side in ("left", "right"):
            texts.group(tuple(f"{name}.pairs.{n}.{side}" for n in range(1, len(q.pairs) + 1)), f"{side} texts")
    if q.accept:
        # A learner types the answer in their language: the translation lists the answers it accepts,
        # one per line; the English ones stay accepted too (names and acronyms are often the same).
        translated = texts.lines(f"{name}.accept", q.accept, at("accept"))
        changes["accept"] = tuple(dict.fromkeys((*translated, *q.accept)))
    if q.steps:
        changes["steps"] = tuple(question(step, texts) for step in q.steps)
    return replace(q, **changes)


def _option(texts: Texts, context: str, option: Option) -> Option:
    line = option.where[0]
    return replace(
        option,
        text=texts.text(f"{context}.text", option.text, line),
        feedback=_optional(texts, f"{context}.feedback", option.feedback, line),
    )


# ---- The diagnostic -----------------------------------------------------------------------------


def diagnostic(source: Diagnostic, texts: Texts) -> Diagnostic:
    return replace(
        source,
        title=texts.text("title", source.title, source.where.get("title", 1)),
        rule=texts.text("rule", source.rule, source.where.get("rule", 1)),
        levels=tuple(_level(texts, level) for level in source.levels),
        items=tuple(_item(texts, item) for item in source.items),
    )


def _level(texts: Texts, level: Level) -> Level:
    return replace(
        level,
        name=texts.text(f"level.{level.id}.name", level.name, level.line, one_line=True),
        description=texts.text(f"level.{level.id}.description", level.description, level.line),
    )


def _item(texts: Texts, item: Item) -> Item:
    name, line = item.number, item.line
    question = texts.text(f"{name}.question", item.question, line)
    options = item.options
    if item.kind == "choice":
        options = tuple(
            ItemOption(o.value, texts.text(f"{name}.options.{o.value}", o.text, line)) for o in item.options
        )
        texts.group(tuple(f"{name}.options.{o.value}" for o in item.options), "options")
    return replace(
        item,
        question=question,
        options=options,
        weaknesses=tuple(texts.text(f"{name}.weaknesses.{n}", w, line) for n, w in enumerate(item.weaknesses, 1)),
        solutions=tuple(texts.text(f"{name}.solutions.{n}", s, line) for n, s in enumerate(item.solutions, 1)),
        notes=_optional(texts, f"{name}.notes", item.notes, line),
    )


def level_options(source: Diagnostic) -> Diagnostic:
    """`level` items offer the level names: after a translation, offer the translated names."""
    names = {level.id: level.name for level in source.levels}
    items = tuple(
        replace(i, options=tuple(ItemOption(o.value, names[o.value]) for o in i.options)) if i.kind == "level" else i
        for i in source.items
    )
    return replace(source, items=items)


# ---- Modules ------------------------------------------------------------------------------------


def modules(source: dict, texts: Texts) -> dict:
    return {
        key: replace(
            module,
            title=texts.text(f"{module.id}.title", module.title, module.where.get("title", 1), one_line=True),
            description=_optional(
                texts, f"{module.id}.description", module.description, module.where.get("description", 1)
            ),
        )
        for key, module in source.items()
    }
