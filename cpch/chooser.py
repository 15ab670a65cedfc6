"""The page at the site's root that lets a reader choose a language: plain links, no script.

Each language's name and the book's title come from that language's own build (its language name
in that language, its web app manifest's title), so a new language needs no change here.
"""

import html
import json
import re
from pathlib import Path

from cpch.sphinxext.languages import language_name, right_to_left
from cpch.sphinxext.offline import MANIFEST_NAME

STYLESHEET = re.compile(r'href="(_static/book\.css[^"]*)"')


def direction(code: str) -> str:
    return ' dir="rtl"' if right_to_left(code) else ""


def book_title(folder: Path) -> str:
    manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    return str(manifest["name"])


def language_chooser(built: dict[str, Path]) -> str:
    """The chooser's HTML for the languages built (code -> built folder), the sources' own first."""
    codes = list(built)
    first = codes[0]
    titles = {code: book_title(folder) for code, folder in built.items()}
    stylesheet = STYLESHEET.search((built[first] / "index.html").read_text(encoding="utf-8"))
    links = [f'<link rel="alternate" hreflang="{code}" href="{code}/index.html" />' for code in codes]
    links.append('<link rel="alternate" hreflang="x-default" href="index.html" />')
    if stylesheet:
        links.append(f'<link rel="stylesheet" href="{first}/{html.escape(stylesheet.group(1))}" />')
    items = []
    for code in codes:
        items.append(
            f'<li><a href="{code}/index.html" hreflang="{code}" lang="{code}"{direction(code)}>'
            f"<strong>{html.escape(language_name(code))}</strong> — {html.escape(titles[code])}</a></li>"
        )
    head = "\n".join(links)
    title = " · ".join(html.escape(titles[code]) for code in codes)
    heading = " · ".join(f'<span lang="{code}"{direction(code)}>{html.escape(titles[code])}</span>' for code in codes)
    return f"""<!DOCTYPE html>
<html lang="{first}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{title}</title>
<link rel="icon" href="{first}/_static/favicon.svg" type="image/svg+xml" />
{head}
</head>
<body>
<main id="main" class="body language-chooser">
<h1>{heading}</h1>
<ul>
{chr(10).join(items)}
</ul>
</main>
</body>
</html>
"""
