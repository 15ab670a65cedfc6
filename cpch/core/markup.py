"""HTML from Markdown and templates: every text from an input file is escaped or rendered safe.

Inline and block Markdown are rendered with raw HTML switched off, so an input file cannot inject
markup or scripts; templates autoescape everything else.
"""

import html
import json
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.ext import Extension
from markdown_it import MarkdownIt
from markupsafe import Markup

_markdown = MarkdownIt("commonmark", {"html": False})


def inline(text: str) -> str:
    return _markdown.renderInline(text) if text else ""


def block(text: str) -> str:
    return _markdown.render(text) if text else ""


class _OneLine(Extension):
    """Templates are written one element per line, indented to show the nesting; the lines are joined
    without their indentation, so whitespace in the output is only what a template writes mid-line."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return "".join(line.strip() for line in source.splitlines())


def _escaped(value) -> Markup:
    """Every value a template writes, escaped as html.escape does it (&quot;, &#x27;) unless already safe."""
    return value if isinstance(value, Markup) else Markup(html.escape(str(value), quote=True))


@cache
def templates(folder: Path, one_line: bool = True) -> Environment:
    """The templates in `folder`, autoescaped, with `inline`, `block` and `json` filters.

    `one_line` joins each template's lines (for fragments); without it, line breaks stay as written
    and lines holding only a {% tag %} disappear (for whole documents)."""
    environment = Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_escaped,
        extensions=[_OneLine] if one_line else [],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["inline"] = lambda text: Markup(inline(text))
    environment.filters["block"] = lambda text: Markup(block(text))
    environment.filters["json"] = lambda value: json.dumps(value, ensure_ascii=False)
    return environment


def render(folder: Path, name: str, one_line: bool = True, **context) -> str:
    return templates(Path(folder), one_line).get_template(name).render(**context)
