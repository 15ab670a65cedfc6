"""Forms in a module that are saved but not scored (a self-assessment): their free text is bounded
so that every answer fits the suspend data of the SCORM version, checked when the package is built.

The module runtime saves a form's state as {"a": {item: answer}, "n": {item: notes}, "m": [item]}.
"""

from bs4 import BeautifulSoup

from cpch.core.problems import LocatedError, Problem
from cpch.scorm.content import Page

SUSPEND_LIMITS = {"1.2": 4096, "2004": 64000}
LONGEST_TEXT = 2000  # no answer needs more
SHORTEST_USEFUL_TEXT = 200
OVERHEAD = 96  # the module's own keys, page and flags


def _fields(soup: BeautifulSoup):
    for item in soup.select("[data-item]"):
        yield item["data-item"], item.select("[data-field]")


def _fixed_length(soup: BeautifulSoup) -> tuple[int, list]:
    """Characters taken whatever is typed, and the text fields whose length is free."""
    fixed, texts = OVERHEAD, []
    for item, fields in _fields(soup):
        choices = [f for f in fields if f.get("type") == "radio"]
        if choices:
            fixed += len(item) + max(len(f.get("value", "")) for f in choices) + 6
        if any(f.get("type") == "checkbox" for f in fields):
            fixed += len(item) + 3
        texts += [(item, f) for f in fields if f.name == "textarea" or f.get("type") == "text"]
    return fixed, texts


def bound_text_fields(pages: list[Page], version: str, source) -> int:
    """Give every free-text field of the pages' forms a maxlength that fits; return that length."""
    soups = [BeautifulSoup(page.html, "html.parser") for page in pages]
    measured = [_fixed_length(soup) for soup in soups]
    fixed = sum(f for f, _ in measured)
    texts = [text for _, found in measured for text in found]
    if not texts:
        return 0
    room = SUSPEND_LIMITS[version] - fixed - sum(len(item) + 6 for item, _ in texts)
    length = min(LONGEST_TEXT, room // (2 * len(texts)))  # every character could need a backslash
    if length < SHORTEST_USEFUL_TEXT:
        raise LocatedError([Problem(source, 1, 1, (
            f"{len(texts)} free-text fields leave {max(length, 0)} characters each in SCORM {version} suspend data; "
            f"at least {SHORTEST_USEFUL_TEXT} are needed: package this form for SCORM 2004 only (scorm: [\"2004\"])"))])
    for page, soup, (_, found) in zip(pages, soups, measured):
        for _, field in found:
            field["maxlength"] = str(length)
        page.html = str(soup)
    return length
