"""Where each labelled section and page of the built site lives, and its address on the published site."""

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from sphinx.util.inventory import InventoryFile

EMBEDDED_QUIZ = re.compile(r'data-quiz="([^"]+)"')


def site_inventory(site: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """{"std:label": {label: (uri, title)}, "std:doc": {docname: (uri, title)}}, uris relative to the site."""
    with open(site / "objects.inv", "rb") as stream:
        inventory = InventoryFile.load(stream, "", posixpath.join)
    return {
        kind: {name: (entry[2], entry[3]) for name, entry in entries.items()}
        for kind, entries in inventory.items()
        if kind in ("std:label", "std:doc")
    }


def site_url_problem(url: str) -> str | None:
    """Why `url` cannot be the published site's address, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        return (
            f"--site-url '{url}': give the address where the site is published, such as https://example.org/handbook/"
        )
    return None


def on_site(site_url: str):
    """A function giving a site page's address (a uri relative to the site) on the published site."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return lambda uri="": base + uri


def quiz_order(site: Path, docs: dict[str, tuple[str, str]], order: list[str]) -> list[str]:
    """Quiz ids in the order the book embeds them: its pages in table-of-contents order."""
    found: dict[str, None] = {}
    for docname in order:
        if docname in docs and (site / docs[docname][0]).is_file():
            found.update(dict.fromkeys(EMBEDDED_QUIZ.findall((site / docs[docname][0]).read_text(encoding="utf-8"))))
    return list(found)
