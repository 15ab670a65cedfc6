"""A meta description for every page, taken from its first paragraph.

Search engines and link previews show it; a page can set its own with the MyST front matter
`html_meta: {description: ...}`, which wins.
"""

import html
import re

from docutils import nodes

MAX_LENGTH = 160


def summarise(text: str, limit: int = MAX_LENGTH) -> str:
    """Collapse whitespace and cut at a word boundary so the result fits in `limit` characters."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def first_paragraph(doctree: nodes.document) -> str:
    for paragraph in doctree.findall(nodes.paragraph):
        if not isinstance(paragraph.parent, (nodes.Admonition, nodes.field_body, nodes.list_item)):
            return paragraph.astext()
    return ""


def add_description(app, pagename, templatename, context, doctree) -> None:
    if doctree is None or 'name="description"' in context.get("metatags", ""):
        return
    text = summarise(first_paragraph(doctree))
    if text:
        tag = f'<meta name="description" content="{html.escape(text)}" />\n'
        context["metatags"] = context.get("metatags", "") + tag
