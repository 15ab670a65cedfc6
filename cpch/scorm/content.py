"""Turn pages of the built site into the sections of one self-contained module page.

Each page's main text is taken from the site as built (so it has the site's look and quizzes),
its ids are prefixed so pages cannot clash, links to pages in the module become in-page links,
links anywhere else become plain text (a package refers to nothing outside itself), and images
are collected to be copied into the package.
"""

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from cpch.core.problems import LocatedError, Problem

ID_REFERENCES = ("for", "aria-describedby", "aria-labelledby", "aria-controls", "name")


@dataclass
class Page:
    docname: str
    anchor: str  # the section id of the page in the module
    title: str
    html: str = ""
    images: set[str] = field(default_factory=set)  # paths relative to the site
    quizzes: list[Tag] = field(default_factory=list)


def page_from_html(docname: str, index: int, title: str, html: str) -> Page:
    """A module page made from HTML rendered outside the site, such as a quiz of chosen questions."""
    soup = BeautifulSoup(html, "html.parser")
    return Page(docname, anchor_for(index), title, html, quizzes=soup.select("section.quiz"))


def anchor_for(index: int) -> str:
    return f"page-{index + 1}"


def extract_pages(site: Path, docnames: tuple[str, ...]) -> list[Page]:
    anchors = {docname: anchor_for(i) for i, docname in enumerate(docnames)}
    return [_extract(site, docname, anchors) for docname in docnames]


def _extract(site: Path, docname: str, anchors: dict[str, str]) -> Page:
    path = site / f"{docname}.html"
    main = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("main", id="main")
    if not isinstance(main, Tag):
        raise LocatedError([Problem(path, 1, 1, 'no <main id="main">: is this a page of a site built by cpch?')])
    for junk in main.select("nav.prev-next, a.headerlink"):
        junk.decompose()
    heading = main.find("h1")
    page = Page(docname, anchors[docname], heading.get_text(" ", strip=True) if heading else docname)
    prefix = page.anchor
    for element in main.find_all(True):
        _prefix_ids(element, prefix)
    for link in main.find_all("a", href=True):
        _relink(link, docname, anchors)
    for image in main.find_all("img", src=True):
        source = posixpath.normpath(posixpath.join(posixpath.dirname(docname), str(image["src"])))
        page.images.add(source)
        image["src"] = f"images/{posixpath.basename(source)}"
    page.quizzes = main.select("section.quiz")
    page.html = "".join(str(child) for child in main.children)
    return page


def _prefix_ids(element: Tag, prefix: str) -> None:
    if element.has_attr("id"):
        element["id"] = f"{prefix}-{element['id']}"
    for name in ID_REFERENCES:
        if element.has_attr(name):
            value = element[name]
            tokens = value if isinstance(value, list) else value.split()
            element[name] = " ".join(f"{prefix}-{token}" for token in tokens)


def _relink(link: Tag, docname: str, anchors: dict[str, str]) -> None:
    href = str(link["href"])
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        link.unwrap()
        return
    if not parts.path:  # a link within the same page
        link["href"] = f"#{anchors[docname]}-{parts.fragment}" if parts.fragment else f"#{anchors[docname]}"
        return
    target = posixpath.normpath(posixpath.join(posixpath.dirname(docname), parts.path)).removesuffix(".html")
    if target not in anchors:
        link.unwrap()
        return
    link["href"] = f"#{anchors[target]}-{parts.fragment}" if parts.fragment else f"#{anchors[target]}"
