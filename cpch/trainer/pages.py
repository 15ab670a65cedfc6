"""The trainer pages: a catalogue of quizzes and modules, and one answer key per quiz."""

from html import escape

from cpch.quiz.html import block, inline
from cpch.quiz.model import Question, Quiz
from cpch.scorm.manifest import VERSIONS
from cpch.scorm.modules import Module
from cpch.scorm.package import package_name
from cpch.trainer.answers import correct_answer

NOTES_LINK = ('<p><a href="notes.html">Trainer notes</a>: for each chapter, discussion questions, a group exercise '
              'and timings; the printable PDF holds them too.</p>')
MINUTES_PER_POINT = 1  # a point is a question, or one step of a scenario
STYLES = ["assets/basic.css", "assets/book.css", "assets/trainer.css"]


def page(title: str, body: str, site_link: str) -> str:
    links = "".join(f'<link rel="stylesheet" href="{href}" />' for href in STYLES)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>{escape(title)}</title><link rel="icon" href="assets/favicon.svg" type="image/svg+xml" />{links}</head>
<body>
<header class="site-header"><a class="site-title" href="index.html">Trainer pages</a>
<nav class="header-links" aria-label="Trainer"><a href="index.html">Catalogue</a> <a href="{site_link}">The handbook</a></nav></header>
<div class="trainer"><main id="main" class="body">
{body}
</main></div>
</body>
</html>
"""


def _topics(quiz: Quiz) -> list[str]:
    return sorted({tag for q in quiz.questions for part in (q, *q.steps) for tag in part.tags})


def _sections(quiz: Quiz, labels: dict) -> list[str]:
    seen = {}
    for q in quiz.questions:
        for part in q.scored_parts:
            if part.source in labels:
                seen.setdefault(part.source, labels[part.source])
    return [f'<a href="../html/{escape(uri)}">{escape(title)}</a>' for uri, title in seen.values()]


def _numbers(quiz: Quiz) -> dict[str, str]:
    """The number each scored item has in the answer key: "3." for a question, "4.2" for a scenario's step."""
    numbers = {}
    for n, question in enumerate(quiz.questions, 1):
        if question.type == "scenario":
            numbers.update({step.id: f"{n}.{i}" for i, step in enumerate(question.steps, 1)})
        else:
            numbers[question.id] = f"{n}."
    return numbers


def _anchor(quiz: Quiz, question: Question) -> str:
    return f"key-{quiz.id}-{question.id}"


def objectives_section(quiz: Quiz) -> str:
    """The bank's learning objectives, each with links to the questions that check it."""
    if not quiz.objectives:
        return ""
    numbers = _numbers(quiz)
    parts = [part for q in quiz.questions for part in q.scored_parts]
    rows = []
    for objective in quiz.objectives:
        links = ", ".join(
            f'<a href="key-{escape(quiz.id)}.html#{escape(_anchor(quiz, p))}">{escape(numbers[p.id])} '
            f'<span class="key-level">({escape(p.level or "no level")})</span></a>'
            for p in parts if p.objective == objective.id
        )
        rows.append(f"<li>{escape(objective.text)}<br><span class=\"key-checked\">Checked by questions: {links or 'none'}</span></li>")
    return f'<h3>{escape(quiz.title)}</h3><p>After this chapter, learners can:</p><ol>{"".join(rows)}</ol>'


def catalogue(quizzes: dict[str, Quiz], modules: dict[str, Module], inventory: dict, has_notes: bool = False) -> str:
    labels, docs = inventory["std:label"], inventory["std:doc"]
    rows = "".join(
        f"<tr><th scope=\"row\"><a href=\"key-{escape(q.id)}.html\">{escape(q.title)}</a></th>"
        f"<td>{len(q.questions)} ({q.points} points)</td><td>about {q.points * MINUTES_PER_POINT} min</td>"
        f"<td>{escape(', '.join(_topics(q)))}</td><td>{escape(q.description)}<br>{', '.join(_sections(q, labels))}</td>"
        f"<td>{q.pass_mark}%</td></tr>"
        for q in quizzes.values()
    )
    def package_links(module: Module) -> str:
        return " ".join(f'<a href="../scorm/{package_name(module, v)}">SCORM {v}</a>' for v in VERSIONS)

    module_rows = "".join(
        f"<tr><th scope=\"row\">{escape(m.title)}<br><code>{escape(m.id)}</code></th>"
        f"<td>{', '.join(escape(docs[c][1]) for c in m.chapters if c in docs)}</td>"
        f"<td>{', '.join(escape(quizzes[q].title) for q in m.quizzes)}</td><td>{m.pass_mark}%</td>"
        f"<td>{package_links(m)}</td></tr>"
        for m in modules.values()
    )
    return page("Catalogue of quizzes and modules", f"""
<h1>Catalogue of quizzes and modules</h1>
<p>Each quiz is a question bank that the handbook embeds at the end of a chapter.
Estimated time counts {MINUTES_PER_POINT} minute per point: a question, or one step of a scenario.
Each quiz's answer key lists the right answers, the explanations and the section of the handbook that backs each answer; all keys are also in <a href="answer-keys.pdf">one printable PDF</a>.</p>
{NOTES_LINK if has_notes else ""}
<p>For graded tests, import the quiz into your learning platform's own quiz engine from <code>_build/exports/</code> (Moodle XML, GIFT or QTI 2.1).</p>
<h2>Quizzes</h2>
<table class="docutils"><thead><tr><th scope="col">Quiz</th><th scope="col">Questions</th><th scope="col">Time</th><th scope="col">Topics</th><th scope="col">What it checks</th><th scope="col">Pass mark</th></tr></thead>
<tbody>{rows}</tbody></table>
<h2>Learning objectives</h2>
<p>Each chapter opens with its objectives. Each objective is checked by the questions listed under it; the level says whether a question asks to recall a fact or to apply it to a situation.</p>
{"".join(objectives_section(q) for q in quizzes.values())}
<h2>SCORM modules</h2>
<table class="docutils"><thead><tr><th scope="col">Module</th><th scope="col">Chapters</th><th scope="col">Quizzes counted</th><th scope="col">Pass mark</th><th scope="col">Packages</th></tr></thead>
<tbody>{module_rows}</tbody></table>
""", "../html/index.html")


def _question(question: Question, number: str, labels: dict, anchor: str) -> str:
    source = labels.get(question.source)
    link = f'<p class="key-source">Backed by: <a href="../html/{escape(source[0])}">{escape(source[1])}</a></p>' if source else ""
    explanation = f'<p class="key-explanation">{inline(question.explanation)}</p>' if question.explanation else ""
    level = f'<p class="key-level">Level: {escape(question.level)}; objective: {escape(question.objective)}</p>' if question.level else ""
    return (f'<section class="key-question" id="{escape(anchor)}"><h3>{escape(number)} {inline(question.prompt)}</h3>'
            f'{correct_answer(question)}{explanation}{link}{level}</section>')


def _objectives_list(quiz: Quiz) -> str:
    if not quiz.objectives:
        return ""
    items = "".join(f"<li><code>{escape(o.id)}</code>: {escape(o.text)}</li>" for o in quiz.objectives)
    return f'<p>After this chapter, learners can:</p><ul class="key-objectives">{items}</ul>'


def answer_key_body(quiz: Quiz, labels: dict) -> str:
    parts = []
    for n, question in enumerate(quiz.questions, 1):
        if question.type == "scenario":
            steps = "".join(_question(step, f"{n}.{i}", labels, _anchor(quiz, step)) for i, step in enumerate(question.steps, 1))
            parts.append(f'<section class="key-scenario"><h3>{n}. Case</h3>{block(question.prompt)}{steps}</section>')
        else:
            parts.append(_question(question, f"{n}.", labels, _anchor(quiz, question)))
    return (f'<article class="answer-key" id="key-{escape(quiz.id)}"><h1>Answer key: {escape(quiz.title)}</h1>'
            f'<p>{len(quiz.questions)} questions, {quiz.points} points, pass mark {quiz.pass_mark}%. '
            f'Bank <code>{escape(quiz.id)}</code>, version {quiz.version}.</p>{_objectives_list(quiz)}{"".join(parts)}</article>')


def answer_key(quiz: Quiz, labels: dict) -> str:
    return page(f"Answer key: {quiz.title}", answer_key_body(quiz, labels), "../html/index.html")


def all_answer_keys(quizzes: dict[str, Quiz], labels: dict, notes: str = "") -> str:
    """Every answer key on one page, after the trainer notes (if any): the source of the printable PDF."""
    title = "Trainer notes and answer keys" if notes else "Answer keys"
    return page(title, notes + "".join(answer_key_body(q, labels) for q in quizzes.values()), "../html/index.html")
