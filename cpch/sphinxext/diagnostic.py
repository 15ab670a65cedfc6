"""The `diagnostic` directive: shows a self-assessment file as HTML built at build time.

    ```{diagnostic} diagnostic.yml
    :show: controls, A.1, report
    ```

The path is relative to the page. `show` picks what this block holds: `controls` (privacy note, saved
status, import, clear), question numbers or groups (`A.2` shows A.2.1 and A.2.2), `questions` (all of
them) and `report`; without it, the block holds everything. A page may split one diagnostic into
several blocks, one per section say, so each group keeps its own heading and label; a page that shows
the report must show every question exactly once.

The directive only records what to show; the HTML is made after references are resolved, because
each question links to the book sections named by its `chapters`.
"""

import re
from functools import cache
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cpch.core.problems import LocatedError
from cpch.diagnostic.html import Settings, render_block
from cpch.diagnostic.messages import messages
from cpch.i18n.localized import load_diagnostic_in
from cpch.sphinxext.links import section_links
from cpch.sphinxext.quiz import load_in_language, translation_of

logger = logging.getLogger(__name__)
RAW_CLASS = "cpch-diagnostic"
PARTS = ("controls", "report")
ALL = "questions"


class diagnostic_node(nodes.General, nodes.Element):
    """Placeholder for a diagnostic block until its links can be resolved."""


@cache
def _load(path: str, mtime: float, language: str | None, locales: str, catalogue_mtime: float, draft: bool):
    return load_diagnostic_in(Path(path), language, Path(locales), draft=draft)


def load_file(path: Path, app: Sphinx):
    """The diagnostic at `path` in the build's language (translated like the banks: see quiz.py)."""
    return load_in_language(path, app, _load)


class DiagnosticDirective(SphinxDirective):
    required_arguments = 1
    option_spec = {"show": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        path = Path(absolute)
        if not path.is_file():
            logger.warning(f"diagnostic: no file at {path}", location=self.get_location())
            return []
        self.env.note_dependency(relative)
        catalogue = translation_of(self.env.app, path)
        if catalogue is not None:
            self.env.note_dependency(str(catalogue))
        try:
            diagnostic = load_file(path, self.env.app)
        except LocatedError as error:  # a DiagnosticError, or a problem of its translation
            for problem in error.problems:
                logger.warning(str(problem), location=self.get_location())
            return []
        words = [w for w in re.split(r"[\s,]+", self.options.get("show", "")) if w] or [*PARTS, ALL]
        numbers: list[str] = []
        for word in words:
            if word in PARTS:
                continue
            chosen = diagnostic.items if word == ALL else diagnostic.select((word,))
            if not chosen:
                logger.warning(
                    f"diagnostic '{diagnostic.id}': no question is numbered {word}", location=self.get_location()
                )
            numbers.extend(item.number for item in chosen if item.number not in numbers)
        node = diagnostic_node(
            path=str(path), numbers=tuple(numbers), controls="controls" in words, report="report" in words
        )
        self.set_source_info(node)
        return [node]


def named_sections(diagnostic) -> list[tuple[str, int]]:
    """(label, line) of every section the diagnostic names."""
    named = [(level.chapter, 0) for level in diagnostic.levels if level.chapter]
    return named + [(label, item.line) for item in diagnostic.items for label in item.chapters]


def heading_level(node: nodes.Node) -> int:
    """The level of a heading written just inside the section that holds `node`."""
    depth, parent = 0, node.parent
    while parent is not None:
        depth += isinstance(parent, nodes.section)
        parent = parent.parent
    return depth + 1


def check_coverage(found: list, diagnostic, location) -> None:
    """On a page with the report, every question must be shown once, or the report would miss some."""
    shown = [number for node in found for number in node["numbers"]]
    twice = sorted({n for n in shown if shown.count(n) > 1})
    if twice:
        logger.warning(
            f"diagnostic '{diagnostic.id}': questions shown twice on this page: {', '.join(twice)}", location=location
        )
    if any(node["report"] for node in found):
        missing = [item.number for item in diagnostic.items if item.number not in shown]
        if missing:
            logger.warning(
                f"diagnostic '{diagnostic.id}': the report needs every question on its page; missing: {', '.join(missing)}",
                location=location,
            )


def render_diagnostics(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    by_file: dict[str, list] = {}
    for node in doctree.findall(diagnostic_node):
        by_file.setdefault(node["path"], []).append(node)
    for path, found in by_file.items():
        diagnostic = load_file(Path(path), app)
        check_coverage(found, diagnostic, found[0])
        if app.builder.format != "html":
            for node in found:
                node.replace_self(nodes.paragraph(text=f"{diagnostic.title}: {len(node['numbers'])} questions."))
            continue
        sources = section_links(app, docname, found[0], named_sections(diagnostic), diagnostic.path, "section")
        for serial, node in enumerate(found):
            settings = Settings(
                messages=messages(app.config.language),
                sources=sources,
                config=serial == 0,
                controls=node["controls"],
                report=node["report"],
                heading_level=heading_level(node),
            )
            items = tuple(diagnostic.item(number) for number in node["numbers"])
            html = render_block(diagnostic, items, settings)
            node.replace_self(nodes.raw("", html, format="html", classes=[RAW_CLASS]))


def add_diagnostic_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if doctree is not None and any(RAW_CLASS in n["classes"] for n in doctree.findall(nodes.raw)):
        app.add_css_file("cpch-diagnostic.css")
        app.add_js_file("cpch-diagnostic.js", defer="defer")
