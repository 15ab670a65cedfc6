"""Moodle XML: one <question> per question, in a category named after the selection.

single/multiple -> multichoice, true-false -> truefalse, short-text -> shortanswer,
numeric -> numerical, matching -> matching, ordering -> ordering (core since Moodle 4.4),
scenario -> a description question carrying the case, then one question per step.
"""

import xml.etree.ElementTree as ET

from cpch.core.markup import inline
from cpch.exports.common import (
    Item,
    Selection,
    Unsupported,
    build_all,
    case_html,
    html,
    number,
    numeric_answer,
    option_fractions,
    step_html,
)
from cpch.quiz.model import Question

LABEL = "Moodle XML"
SUFFIX = ".moodle.xml"
IDNUMBER_LIMIT = 100  # Moodle's question.idnumber column


def render(selection: Selection) -> bytes:
    root = ET.Element("quiz")
    root.append(_category(selection))
    for elements in build_all(selection, LABEL, _item):
        root.extend(elements)
    ET.indent(root)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"
    )


def _category(selection: Selection) -> ET.Element:
    element = ET.Element("question", type="category")
    _text(element, "category", "$course$/top/" + selection.title.replace("/", "//"))
    if selection.description:
        _text(element, "info", inline(selection.description), format="html")
    return element


def _item(item: Item) -> list[ET.Element]:
    q = item.question
    if q.type != "scenario":
        return [_question(item, q, item.ident(), html(q, q.prompt))]
    case = _base("description", item.ident(), item.ident(), case_html(q), q, grade=0)
    return [case] + [
        _question(item, step, item.step_name(n), step_html(q, step), idnumber=item.ident(step))
        for n, step in enumerate(q.steps, 1)
    ]


def _question(item: Item, q: Question, name: str, text: str, idnumber: str = "") -> ET.Element:
    element = _base(QTYPES[q.type], name, idnumber or item.ident(q), text, q)
    BUILDERS[q.type](element, q)
    if q.hint and q.type != "true-false":
        _text(element, "hint", html(q, q.hint), format="html")
    _tags(element, q)
    return element


def _base(qtype: str, name: str, idnumber: str, text: str, q: Question, grade: int = 1) -> ET.Element:
    if len(idnumber) > IDNUMBER_LIMIT:
        raise Unsupported(q, f"its id number '{idnumber}' is longer than Moodle's {IDNUMBER_LIMIT} characters")
    element = ET.Element("question", type=qtype)
    _text(element, "name", name)
    _text(element, "questiontext", text, format="html")
    _text(element, "generalfeedback", html(q, q.explanation), format="html")
    for tag, value in (
        ("defaultgrade", grade),
        ("penalty", "0.3333333" if grade else "0"),
        ("hidden", 0),
        ("idnumber", idnumber),
    ):
        ET.SubElement(element, tag).text = str(value)
    return element


def _text(parent: ET.Element, tag: str, text: str, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    ET.SubElement(element, "text").text = text
    return element


def _answer(parent: ET.Element, fraction: str, text: str, feedback: str = "", fmt: str = "html") -> ET.Element:
    answer = _text(parent, "answer", text, fraction=fraction, format=fmt)
    if feedback:
        _text(answer, "feedback", feedback, format="html")
    return answer


def _tags(element: ET.Element, q: Question) -> None:
    tags = ET.SubElement(element, "tags")
    for tag in q.lms_tags:
        _text(tags, "tag", tag)


def _combined_feedback(element: ET.Element, q: Question) -> None:
    right, wrong = html(q, q.feedback_correct), html(q, q.feedback_incorrect)
    for tag, text in (("correctfeedback", right), ("partiallycorrectfeedback", wrong), ("incorrectfeedback", wrong)):
        _text(element, tag, text, format="html")


def _choices(element: ET.Element, q: Question) -> None:
    single = q.type == "single"
    for tag, value in (("single", str(single).lower()), ("shuffleanswers", "true"), ("answernumbering", "none")):
        ET.SubElement(element, tag).text = value
    fractions = ["100" if o.correct else "0" for o in q.options] if single else option_fractions(q)
    for option, fraction in zip(q.options, fractions):
        _answer(element, fraction, html(q, option.text), html(q, option.feedback))


def _true_false(element: ET.Element, q: Question) -> None:
    right, wrong = html(q, q.feedback_correct), html(q, q.feedback_incorrect)
    for value in (True, False):
        correct = value == q.answer
        _answer(
            element, "100" if correct else "0", str(value).lower(), right if correct else wrong, "moodle_auto_format"
        )


def _short_text(element: ET.Element, q: Question) -> None:
    ET.SubElement(element, "usecase").text = "0"
    for text in q.accept:  # '*' is Moodle's wildcard: a literal one is written \*
        _answer(element, "100", text.replace("*", r"\*"), html(q, q.feedback_correct), "moodle_auto_format")
    if q.feedback_incorrect:
        _answer(element, "0", "*", html(q, q.feedback_incorrect), "moodle_auto_format")


def _numeric(element: ET.Element, q: Question) -> None:
    answer = _answer(element, "100", number(numeric_answer(q)), html(q, q.feedback_correct), "moodle_auto_format")
    ET.SubElement(answer, "tolerance").text = number(q.tolerance)
    if q.feedback_incorrect:
        ET.SubElement(
            _answer(element, "0", "*", html(q, q.feedback_incorrect), "moodle_auto_format"), "tolerance"
        ).text = "0"
    if q.unit:
        unit = ET.SubElement(ET.SubElement(element, "units"), "unit")
        ET.SubElement(unit, "multiplier").text = "1"
        ET.SubElement(unit, "unit_name").text = q.unit
    # Units are optional and not graded: "7" and "7 days" are both right.
    for tag, value in (("unitgradingtype", "0"), ("unitpenalty", "0.1000000"), ("showunits", "0"), ("unitsleft", "0")):
        ET.SubElement(element, tag).text = value


def _matching(element: ET.Element, q: Question) -> None:
    ET.SubElement(element, "shuffleanswers").text = "true"
    _combined_feedback(element, q)
    for left, right in q.pairs:
        sub = _text(element, "subquestion", html(q, left), format="html")
        _text(sub, "answer", right)  # plain text, as the site shows it


def _ordering(element: ET.Element, q: Question) -> None:
    settings = (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", str(len(q.items))),
        ("gradingtype", "ALL_OR_NOTHING"),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    )
    for tag, value in settings:
        ET.SubElement(element, tag).text = value
    _combined_feedback(element, q)
    # Moodle's own export always writes it. Without it, qtype_ordering's importer (4.3 to 4.5) pads the
    # hint settings to two entries, saves the second with no format, and the import stops part-way.
    ET.SubElement(element, "shownumcorrect").text = "1"
    for position, text in enumerate(q.items, 1):  # the authored order is the right one
        _answer(element, str(position), html(q, text))


QTYPES = {
    "single": "multichoice",
    "multiple": "multichoice",
    "true-false": "truefalse",
    "short-text": "shortanswer",
    "numeric": "numerical",
    "matching": "matching",
    "ordering": "ordering",
}
BUILDERS = {
    "single": _choices,
    "multiple": _choices,
    "true-false": _true_false,
    "short-text": _short_text,
    "numeric": _numeric,
    "matching": _matching,
    "ordering": _ordering,
}
