"""The printable document: a contents page, then the trainer notes, then every answer key.

Each section prints on its own named page (CSS `page`), whose margin boxes carry a running header
(the section's title) and a footer "Page N of M". The contents page gives each section's first
page, which only a print can tell: cpch.trainer.pdf prints until those numbers stay the same."""

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from cpch.core.markup import render
from cpch.trainer.notes import Note

TEMPLATES = Path(__file__).parent / "templates"
TITLE = "Trainer notes and answer keys"
NOTES_GROUP, KEYS_GROUP = "Trainer notes", "Answer keys"


@dataclass(frozen=True)
class Section:
    anchor: str  # the id of the section's element, and its named destination in the PDF
    title: str  # in the contents and the outline
    header: str  # the running header on its pages
    group: str


def note_anchor(note: Note) -> str:
    return "notes-" + note.chapter.replace("/", "-")


def sections(notes: list[Note], docs: dict, quizzes) -> list[Section]:
    found = [
        Section(note_anchor(n), docs[n.chapter][1], f"Trainer notes: {docs[n.chapter][1]}", NOTES_GROUP) for n in notes
    ]
    return found + [Section(f"key-{q.id}", q.title, f"Answer key: {q.title}", KEYS_GROUP) for q in quizzes]


def css_string(text: str) -> str:
    """`text` as a CSS string that cannot end the string or the style element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", " ")
    return f'"{escaped}"'


def running_headers(found: list[Section]) -> str:
    """A named page per section, whose top margin names it."""
    rules = [f"@page {{ @top-right {{ content: {css_string(TITLE)}; }} }}"]
    for n, section in enumerate(found, 1):
        rules.append(f"#{section.anchor} {{ page: section-{n}; }}")
        rules.append(f"@page section-{n} {{ @top-left {{ content: {css_string(section.header)}; }} }}")
    return "\n".join(rules)


def contents(found: list[Section], pages: dict[str, int]) -> str:
    groups = {group: [s for s in found if s.group == group] for group in (NOTES_GROUP, KEYS_GROUP)}
    return render(TEMPLATES, "contents.html", groups={g: s for g, s in groups.items() if s}, pages=pages)


def document_body(found: list[Section], pages: dict[str, int], notes_html: str, keys_html: str) -> str:
    return contents(found, pages) + notes_html + keys_html


def head_style(found: list[Section]) -> Markup:
    return Markup(running_headers(found))
