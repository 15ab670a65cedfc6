"""The printable document: a contents page, then the trainer notes, then every answer key.

Each section prints on its own named page (CSS `page`), whose margin boxes carry a running header
(the section's title) and a footer "Page N of M". The contents page gives each section's first
page, which only a print can tell: cpch.trainer.pdf prints until those numbers stay the same.
Its words come from the pack's messages (`m`, cpch.trainer.messages)."""

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from cpch.core.markup import render
from cpch.trainer.notes import Note

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Section:
    anchor: str  # the id of the section's element, and its named destination in the PDF
    title: str  # in the contents and the outline
    header: str  # the running header on its pages
    group: str


def note_anchor(note: Note) -> str:
    return "notes-" + note.chapter.replace("/", "-")


def sections(notes: list[Note], docs: dict, quizzes, m: dict) -> list[Section]:
    found = [
        Section(note_anchor(n), title, str(m["notes_header"].format(title=title)), str(m["notes_title"]))
        for n in notes
        for title in [docs[n.chapter][1]]
    ]
    keys = [
        Section(f"key-{q.id}", q.title, str(m["answer_key_title"].format(title=q.title)), str(m["answer_keys"]))
        for q in quizzes
    ]
    return found + keys


def css_string(text: str) -> str:
    """`text` as a CSS string that cannot end the string or the style element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", " ")
    return f'"{escaped}"'


def running_headers(found: list[Section], m: dict) -> str:
    """A named page per section, whose top margin names it; every page's footer numbers it."""
    page, of = css_string(m["page"] + " "), css_string(" " + m["of"] + " ")
    rules = [
        f"@page {{ @top-right {{ content: {css_string(m['printable_title'])}; }} }}",
        f"@page {{ @bottom-center {{ content: {page} counter(page) {of} counter(pages); }} }}",
    ]
    for n, section in enumerate(found, 1):
        rules.append(f"#{section.anchor} {{ page: section-{n}; }}")
        rules.append(f"@page section-{n} {{ @top-left {{ content: {css_string(section.header)}; }} }}")
    return "\n".join(rules)


def contents(found: list[Section], pages: dict[str, int], m: dict) -> str:
    groups: dict[str, list[Section]] = {}
    for section in found:
        groups.setdefault(section.group, []).append(section)
    return render(TEMPLATES, "contents.html", groups=groups, pages=pages, title=m["contents"])


def document_body(found: list[Section], pages: dict[str, int], notes_html: str, keys_html: str, m: dict) -> str:
    return contents(found, pages, m) + notes_html + keys_html


def head_style(found: list[Section], m: dict) -> Markup:
    return Markup(running_headers(found, m))
