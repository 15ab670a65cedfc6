"""The trainer pages (templates/): a catalogue of quizzes and modules, and one answer key per quiz.

Pages link to each other and to the pack's files by relative addresses, and to the handbook by its
address on the published site (`handbook`, from cpch.trainer.links.on_site)."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from cpch.core.markup import render
from cpch.quiz.model import Question, Quiz
from cpch.scorm.modules import Module
from cpch.sphinxext.tables import label_cells

TEMPLATES = Path(__file__).parent / "templates"
MINUTES_PER_POINT = 1  # a point is a question, or one step of a scenario
STYLES = ["assets/basic.css", "assets/book.css", "assets/trainer.css"]

Handbook = Callable[..., str]  # a site page's uri -> its address on the published site


@dataclass(frozen=True)
class PackFiles:
    """The files of the pack a page may link to, as (label, relative address), for each module and quiz."""

    packages: dict[str, list[tuple[str, str]]]
    banks: dict[str, list[tuple[str, str]]]
    pdf: bool = True
    notes: bool = False


def page(title: str, body: str, handbook: Handbook, m: dict, lang: str = "en", head_style: str = "") -> str:
    # Wide tables carry their headers cell by cell, so a phone shows them as labelled rows (book.css).
    return render(
        TEMPLATES,
        "page.html",
        one_line=False,
        title=title,
        body=Markup(label_cells(body)),
        site_link=handbook(),
        styles=STYLES,
        head_style=Markup(head_style),
        m=m,
        lang=lang,
    )


def _topics(quiz: Quiz) -> list[str]:
    return sorted({tag for q in quiz.questions for part in (q, *q.steps) for tag in part.tags})


def _sections(quiz: Quiz, labels: dict) -> list[tuple[str, str]]:
    """(uri, title) of each section the quiz's questions name, in order of first use."""
    seen: dict[str, tuple[str, str]] = {}
    for q in quiz.questions:
        for part in q.scored_parts:
            if part.source in labels:
                seen.setdefault(part.source, labels[part.source])
    return list(seen.values())


def numbers(quiz: Quiz) -> dict[str, str]:
    """The number each scored item has in the answer key: "3." for a question, "4.2" for a scenario's step."""
    found = {}
    for n, question in enumerate(quiz.questions, 1):
        if question.type == "scenario":
            found.update({step.id: f"{n}.{i}" for i, step in enumerate(question.steps, 1)})
        else:
            found[question.id] = f"{n}."
    return found


def anchor(quiz: Quiz, question: Question) -> str:
    return f"key-{quiz.id}-{question.id}"


def catalogue(
    quizzes: dict[str, Quiz],
    modules: dict[str, Module],
    inventory: dict,
    files: PackFiles,
    handbook: Handbook,
    m: dict,
    lang: str = "en",
) -> str:
    labels, docs = inventory["std:label"], inventory["std:doc"]
    objectives = render(TEMPLATES, "objectives.html", quizzes=quizzes, numbers=numbers, anchor=anchor, m=m)
    body = render(
        TEMPLATES,
        "catalogue.html",
        one_line=False,
        quizzes=quizzes,
        modules=modules,
        docs=docs,
        minutes_per_point=MINUTES_PER_POINT,
        topics=_topics,
        sections=lambda q: _sections(q, labels),
        files=files,
        handbook=handbook,
        objectives=Markup(objectives),
        m=m,
    )
    return page(m["catalogue_title"], body, handbook, m, lang)


def answer_key_body(quiz: Quiz, labels: dict, handbook: Handbook, m: dict) -> str:
    return render(TEMPLATES, "key.html", quiz=quiz, labels=labels, anchor=anchor, handbook=handbook, m=m)


def answer_key(quiz: Quiz, labels: dict, handbook: Handbook, m: dict, lang: str = "en") -> str:
    title = m["answer_key_title"].format(title=quiz.title)
    return page(title, answer_key_body(quiz, labels, handbook, m), handbook, m, lang)
