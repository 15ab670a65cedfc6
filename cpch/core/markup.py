"""HTML from Markdown and templates: every text from an input file is escaped or rendered safe.

Inline and block Markdown are rendered with raw HTML switched off, so an input file cannot inject
markup or scripts; templates autoescape everything else.
"""

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markdown_it import MarkdownIt
from markupsafe import Markup

_markdown = MarkdownIt("commonmark", {"html": False})


def inline(text: str) -> str:
    return _markdown.renderInline(text) if text else ""


def block(text: str) -> str:
    return _markdown.render(text) if text else ""


@cache
def templates(folder: Path) -> Environment:
    """The templates in `folder`, autoescaped, with `inline` and `block` Markdown filters."""
    environment = Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    environment.filters["inline"] = lambda text: Markup(inline(text))
    environment.filters["block"] = lambda text: Markup(block(text))
    return environment


def render(folder: Path, name: str, **context) -> str:
    return templates(Path(folder)).get_template(name).render(**context)
