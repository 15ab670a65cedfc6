"""Trainer notes: Markdown files kept outside the book, one per chapter, shown only in the trainer pages.

Each file opens with a front matter block that names the chapter it is for, by the chapter's
path in the book without its suffix:

    ---
    chapter: part/page
    ---
    # Notes for trainers ...

The notes are read here and nowhere else, so they never reach the learner's site or its modules.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markupsafe import Markup
from sphinx_external_toc.parsing import parse_toc_yaml

from cpch.core.markup import render
from cpch.core.problems import LocatedError, Problem, shown
from cpch.core.yaml_reader import Marked, load_marked

FENCE = "---"
TEMPLATES = Path(__file__).parent / "templates"
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


@dataclass(frozen=True)
class Note:
    chapter: str  # the chapter's docname, e.g. "part/page"
    path: Path
    body: str  # Markdown, without the front matter


def _front_matter(path: Path, lines: list[str]) -> tuple[Marked, int]:
    """The front matter as a Marked mapping, and the index of the first body line."""
    if not lines or lines[0].strip() != FENCE:
        raise LocatedError(
            [Problem(path, 1, 1, f"no front matter: start the file with '{FENCE}', 'chapter: <path>', '{FENCE}'")]
        )
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == FENCE), None)
    if end is None:
        raise LocatedError([Problem(path, 1, 1, f"the front matter has no closing '{FENCE}' line")])
    try:
        meta = load_marked("\n".join(lines[1:end])) or Marked()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 2, mark.column + 1) if mark else (2, 1)
        reason = getattr(error, "problem", None) or str(error)
        raise LocatedError([Problem(path, line, column, f"the front matter is not valid YAML: {reason}")]) from None
    if not isinstance(meta, Marked):
        raise LocatedError([Problem(path, 2, 1, "the front matter must be a mapping such as 'chapter: <path>'")])
    return meta, end + 1


def read_note(path: Path, chapters: set[str]) -> Note:
    """Read one notes file; its chapter must be one of `chapters` (docnames of the built book)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    meta, body_start = _front_matter(path, lines)
    if "chapter" not in meta:
        raise LocatedError([Problem(path, 2, 1, "the front matter names no 'chapter'")])
    chapter = meta["chapter"]
    line, column = meta.where("chapter")
    if not isinstance(chapter, str) or chapter.removesuffix(".md") not in chapters:
        raise LocatedError([Problem(path, line + 1, column, f"no chapter '{shown(chapter)}' in the book")])
    return Note(chapter.removesuffix(".md"), path, "\n".join(lines[body_start:]))


def book_order(book: Path) -> list[str]:
    """The book's docnames in the order of its table of contents (empty when it has none)."""
    toc = book / "_toc.yml"
    if not toc.is_file():
        return []
    site_map = parse_toc_yaml(toc)

    def walk(docname: str):
        yield docname
        for subtree in site_map[docname].subtrees:
            for item in subtree.items:
                if isinstance(item, str):
                    yield from walk(str(item))

    return list(walk(site_map.root.docname))


def load_notes(folder: Path, chapters: set[str], order: list[str]) -> list[Note]:
    """Every notes file under `folder`, in book order; problems in all files are reported together."""
    notes: list[Note] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.rglob("*.md")):
        try:
            note = read_note(path, chapters)
        except LocatedError as error:
            problems += error.problems
            continue
        if note.chapter in seen:
            problems.append(Problem(path, 2, 1, f"chapter '{note.chapter}' already has notes in {seen[note.chapter]}"))
            continue
        seen[note.chapter] = path
        notes.append(note)
    if problems:
        raise LocatedError(problems)
    rank = {docname: i for i, docname in enumerate(order)}
    return sorted(notes, key=lambda note: (rank.get(note.chapter, len(rank)), note.chapter))


def notes_body(notes: list[Note], docs: dict[str, tuple[str, str]], handbook, m: dict) -> str:
    """The notes as HTML articles (templates/notes.html), each headed by a link to its chapter on the
    published site (`handbook` gives a site page's address there)."""
    return render(
        TEMPLATES,
        "notes.html",
        notes=notes,
        docs=docs,
        handbook=handbook,
        markdown=lambda text: Markup(_MARKDOWN.render(text)),
        m=m,
    )
