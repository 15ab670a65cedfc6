"""Forms in a module that are saved but not scored (a self-assessment): their free text is bounded
so that every answer fits the suspend data of the SCORM version, checked when the package is built.
"""

from bs4 import BeautifulSoup

from cpch.core.problems import LocatedError, Problem
from cpch.scorm.content import Page
from cpch.scorm.suspend import SUSPEND_LIMITS, FormField, ScoredQuestion, longest_suspend_data

LONGEST_TEXT = 2000  # no answer needs more
SHORTEST_USEFUL_TEXT = 200


def form_fields(soup: BeautifulSoup) -> list[FormField]:
    fields = []
    for element in soup.select("[data-item]"):
        item, controls = str(element["data-item"]), element.select("[data-field]")
        choices = [c for c in controls if c.get("type") == "radio"]
        if choices:
            fields.append(FormField(item, "choice", max(len(str(c.get("value", ""))) for c in choices)))
        if any(c.get("type") == "checkbox" for c in controls):
            fields.append(FormField(item, "mark"))
        fields += [FormField(item, "text") for c in controls if c.name == "textarea" or c.get("type") == "text"]
    return fields


def bound_text_fields(
    pages: list[Page],
    version: str,
    source,
    questions: list[ScoredQuestion] | None = None,
    quizzes: int = 0,
    identity: str = "",
) -> int:
    """Give every free-text field of the pages' forms a maxlength that fits; return that length."""
    soups = [BeautifulSoup(page.html, "html.parser") for page in pages]
    fields = [field for soup in soups for field in form_fields(soup)]
    texts = sum(field.kind == "text" for field in fields)
    if not texts:
        return 0
    fixed = longest_suspend_data(questions or [], len(pages), quizzes, identity, fields, 0)
    length = min(LONGEST_TEXT, (SUSPEND_LIMITS[version] - fixed) // (2 * texts))
    if length < SHORTEST_USEFUL_TEXT:
        raise LocatedError(
            [
                Problem(
                    source,
                    1,
                    1,
                    (
                        f"{texts} free-text fields leave {max(length, 0)} characters each in SCORM {version} suspend data; "
                        f'at least {SHORTEST_USEFUL_TEXT} are needed: package this form for SCORM 2004 only (scorm: ["2004"])'
                    ),
                )
            ]
        )
    for page, soup in zip(pages, soups):
        for field in soup.select("[data-item] textarea[data-field], [data-item] input[type=text][data-field]"):
            field["maxlength"] = str(length)
        page.html = str(soup)
    return length
