"""The trainer pages (templates/): a catalogue of quizzes and modules, and one answer key per quiz."""

from pathlib import Path

from markupsafe import Markup

from cpch.core.markup import render
from cpch.quiz.model import Question, Quiz
from cpch.scorm.manifest import VERSIONS
from cpch.scorm.modules import Module
from cpch.scorm.package import package_name
from cpch.sphinxext.tables import label_cells

TEMPLATES = Path(__file__).parent / "templates"
MINUTES_PER_POINT = 1  # a point is a question, or one step of a scenario
STYLES = ["assets/basic.css", "assets/book.css", "assets/trainer.css"]


def page(title: str, body: str, site_link: str) -> str:
    # Wide tables carry their headers cell by cell, so a phone shows them as labelled rows (book.css).
    return render(
        TEMPLATES,
        "page.html",
        one_line=False,
        title=title,
        body=Markup(label_cells(body)),
        site_link=site_link,
        styles=STYLES,
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


def catalogue(quizzes: dict[str, Quiz], modules: dict[str, Module], inventory: dict, has_notes: bool = False) -> str:
    labels, docs = inventory["std:label"], inventory["std:doc"]
    objectives = render(TEMPLATES, "objectives.html", quizzes=quizzes, numbers=numbers, anchor=anchor)
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
        versions=VERSIONS,
        package_name=package_name,
        objectives=Markup(objectives),
        has_notes=has_notes,
    )
    return page("Catalogue of quizzes and modules", body, "../html/index.html")


def answer_key_body(quiz: Quiz, labels: dict) -> str:
    return render(TEMPLATES, "key.html", quiz=quiz, labels=labels, anchor=anchor)


def answer_key(quiz: Quiz, labels: dict) -> str:
    return page(f"Answer key: {quiz.title}", answer_key_body(quiz, labels), "../html/index.html")


def all_answer_keys(quizzes: dict[str, Quiz], labels: dict, notes: str = "") -> str:
    """Every answer key on one page, after the trainer notes (if any): the source of the printable PDF."""
    title = "Trainer notes and answer keys" if notes else "Answer keys"
    return page(title, notes + "".join(answer_key_body(q, labels) for q in quizzes.values()), "../html/index.html")
