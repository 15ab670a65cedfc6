"""One Moodle XML bank carrying several languages in each question, for Moodle's multilang filter.

Each language's Moodle XML is made as usual (moodle_xml), then the documents are merged: every
displayed text that differs becomes `<span lang="en" class="multilang">…</span><span lang="fr"
class="multilang">…</span>`, which Moodle's "Multi-Language Content" filter shows in the reader's (or
the course's) language. What Moodle compares or stores as data stays single: names, id numbers, tags,
numbers, true/false answers and units (the first language's). Short answers cannot be filtered (Moodle
compares the typed text with them), so a short-text question accepts the answers of every language.
The translations change texts only (cpch.i18n.fields), so the documents have the same shape.
"""

import html
import xml.etree.ElementTree as ET

from cpch.exports import moodle_xml
from cpch.exports.common import Selection

SUFFIX = moodle_xml.SUFFIX
# Texts Moodle shows through its filters (format_text, or format_string for matching choices).
SHOWN = {
    "questiontext",
    "generalfeedback",
    "feedback",
    "hint",
    "correctfeedback",
    "partiallycorrectfeedback",
    "incorrectfeedback",
    "info",
    "subquestion",
}
DATA_FORMAT = "moodle_auto_format"  # an answer Moodle compares (true/false, short answer, number)


class ShapeError(ValueError):
    """The languages' documents differ in more than their texts (a bug: translations only change texts)."""


def spans(texts: list[str], languages: list[str]) -> str:
    if len(set(texts)) == 1:
        return texts[0]
    return "".join(f'<span lang="{lang}" class="multilang">{text}</span>' for lang, text in zip(languages, texts))


def render(selections: list[Selection]) -> bytes:
    """The selections (the same questions, one per language, the first the source) as one bank."""
    languages = [s.language.replace("_", "-") for s in selections]
    roots = [ET.fromstring(moodle_xml.render(s)) for s in selections]
    category = roots[0].find("question[@type='category']/category/text")
    if category is not None:
        titles = list(dict.fromkeys(" ".join(s.title.split()).replace("/", "//") for s in selections))
        category.text = "$course$/top/" + " | ".join(titles)
    _merge(roots, languages, "quiz")
    ET.indent(roots[0])
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(roots[0], encoding="utf-8") + b"\n"


def _merge(elements: list[ET.Element], languages: list[str], parent: str) -> None:
    first = elements[0]
    if first.tag == "question" and first.get("type") == "shortanswer":
        _accept_every_language(elements, languages)
    shapes = [[child.tag for child in element] for element in elements]
    if any(shape != shapes[0] for shape in shapes):
        raise ShapeError(f"<{first.tag}> holds different elements in different languages")
    if not len(first):
        texts = [element.text or "" for element in elements]
        if first.tag == "text" and parent in SHOWN:
            first.text = spans(texts, languages)
        elif first.tag == "text" and parent == "answer":
            if all(e.get("format") != DATA_FORMAT for e in elements):
                plain = first.get("format") is None  # a matching choice: plain text, shown with format_string
                first.text = spans([html.escape(t) if plain else t for t in texts], languages)
            elif len(set(texts)) > 1:
                raise ShapeError(f"an answer Moodle compares differs between languages: {texts}")
        return
    for children in zip(*elements):
        _merge(list(children), languages, first.tag if first.tag != "text" else parent)


def _accept_every_language(questions: list[ET.Element], languages: list[str]) -> None:
    """Every language's accepted answers, each once, with the feedback in every language."""
    answers = [q.findall("answer") for q in questions]
    accepted = [[a for a in found if a.get("fraction") == "100"] for found in answers]
    others = [[a for a in found if a.get("fraction") != "100"] for found in answers]
    merged: dict[str, ET.Element] = {}
    for found in accepted:
        for answer in found:
            merged.setdefault(answer.findtext("text") or "", answer)
    feedback = [found[0].findtext("feedback/text") if found else None for found in accepted]
    first = questions[0]
    position = list(first).index(answers[0][0])
    for answer in answers[0]:
        first.remove(answer)
    for offset, answer in enumerate([*merged.values(), *others[0]]):
        first.insert(position + offset, answer)
    if all(text is not None for text in feedback):
        for answer in merged.values():
            answer.find("feedback/text").text = spans(feedback, languages)
    for n, answer in enumerate(others[0]):  # the wildcard '*' and its feedback for any other answer
        texts = [found[n].findtext("feedback/text") for found in others]
        if all(text is not None for text in texts):
            answer.find("feedback/text").text = spans(texts, languages)
    for question in questions[1:]:  # the other languages now mirror the merged answers
        for answer in question.findall("answer"):
            question.remove(answer)
        for offset, answer in enumerate(first.findall("answer")):
            question.insert(position + offset, _copy(answer))


def _copy(element: ET.Element) -> ET.Element:
    return ET.fromstring(ET.tostring(element))
