"""A module's chapters as stand-alone web pages, taken from the built site.

Each page is the chapter's main text as the site shows it (cpch.scorm.content does the taking: ids made
unique, links to other pages turned into text, images collected). An LMS shows these pages without the
site's scripts, so an embedded quiz is replaced by a note naming the quiz activity that follows the page.
"""

import functools
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from markupsafe import Markup

from cpch.core.markup import render
from cpch.scorm.content import Page, extract_pages

TEMPLATES = Path(__file__).parent / "templates"
INTERACTIVE = "script, form, button, input, select, textarea"  # nothing works without the site's scripts


@dataclass(frozen=True)
class Chapter:
    docname: str
    title: str
    html: bytes  # the whole page
    images: tuple[str, ...]  # paths in the site
    quizzes: tuple[str, ...]  # ids of the quizzes the page embeds, in order


@functools.lru_cache(maxsize=256)
def main_text(site: Path, docname: str, version: tuple[int, int]) -> tuple[str, str, tuple[str, ...]]:
    """(title, main HTML, images) of a page of the site, taken once per version of its file (`version`:
    modification time and size): the whole-handbook cartridge holds the chapters of every other one."""
    page: Page = extract_pages(site, (docname,))[0]
    return page.title, page.html, tuple(sorted(page.images))


def chapter(site: Path, docname: str, quiz_titles: dict[str, str], messages: dict[str, str], language: str) -> Chapter:
    """The chapter page; each embedded quiz named in `quiz_titles` (id -> activity title) leaves a note."""
    stat = (site / f"{docname}.html").stat()
    title, html, images = main_text(site.resolve(), docname, (stat.st_mtime_ns, stat.st_size))
    soup = BeautifulSoup(html, "html.parser")
    quizzes = []
    for quiz in soup.select("section.quiz[data-quiz]"):
        quiz_id = str(quiz["data-quiz"])
        wrapper = quiz.find_parent("div", class_="cpch-quiz") or quiz
        if quiz_id in quiz_titles:
            quizzes.append(quiz_id)
            note = soup.new_tag("p", attrs={"class": "quiz-note"})
            note.string = messages["quiz_note"].format(title=quiz_titles[quiz_id])
            wrapper.replace_with(note)
        else:
            wrapper.decompose()
    for element in soup.select(INTERACTIVE):
        element.decompose()
    text = render(TEMPLATES, "chapter.html", one_line=False, title=title, body=Markup(str(soup)), language=language)
    return Chapter(docname, title, text.encode(), images, tuple(quizzes))
