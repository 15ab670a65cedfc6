"""One quiz as an assessment of the Common Cartridge 1.1 QTI 1.2 profile (imsqti_xmlv1p2/imscc_xmlv1p1/assessment).

single -> multiple choice, multiple -> multiple response, true-false -> true/false,
short-text -> fill in the blank (any accepted text, case ignored), numeric -> fill in the blank listing
every number the tolerance allows at the precision the bank writes (and each followed by the unit).
A scenario's steps become questions of their own, each repeating the case. The profile has no ordering,
matching or numeric-range question: those are left out (`left_out` says why), never half-expressed.

Each item scores 100 when right (the profile's one scoring condition, SCORE set to 100); option and
right/wrong feedback are item feedback, the explanation is general feedback.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal

from cpch.exports.common import Item, Selection, Unsupported, build_all, html, number, numeric_answer, step_html
from cpch.quiz.model import Question

NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd"
LABEL = "Common Cartridge QTI"
PROFILES = {
    "single": "cc.multiple_choice.v0p1",
    "multiple": "cc.multiple_response.v0p1",
    "true-false": "cc.true_false.v0p1",
    "short-text": "cc.fib.v0p1",
    "numeric": "cc.fib.v0p1",
}
MOST_NUMBERS = 21  # a numeric question travels if its tolerance allows at most this many written numbers
RESPONSE = "response1"


@dataclass(frozen=True)
class Part:
    """One question of the assessment: a question, or a scenario's step with its case."""

    item: Item
    question: Question
    ident: str
    case: Question | None = None


def left_out(question: Question) -> str:
    """Why the profile cannot carry `question` (a question or a step), or "" when it can."""
    if question.type not in PROFILES:
        return f"the Common Cartridge QTI profile has no {question.type} question"
    if question.type == "numeric" and 2 * _numeric_steps(question)[2] + 1 > MOST_NUMBERS:
        return (
            f"its tolerance allows more than {MOST_NUMBERS} numbers, and the profile can only list the accepted "
            "answers one by one"
        )
    return ""


def _numeric_steps(question: Question) -> tuple[Decimal, Decimal, int]:
    """The answer, the step (the last decimal place the answer or tolerance writes) and the steps either side."""
    answer, tolerance = Decimal(number(numeric_answer(question))), Decimal(number(question.tolerance))
    places = max(-int(answer.as_tuple().exponent), -int(tolerance.as_tuple().exponent), 0)
    step = Decimal(1).scaleb(-places)
    return answer, step, int(tolerance / step)


def accepted_numbers(question: Question) -> list[str]:
    """Every number within the tolerance, in steps of the last decimal place the answer or tolerance writes."""
    answer, step, count = _numeric_steps(question)
    if 2 * count + 1 > MOST_NUMBERS:
        raise Unsupported(question, "its tolerance allows too many numbers to list")
    return [number(float(answer + k * step)) for k in range(-count, count + 1)]


def parts(selection: Selection) -> tuple[list[Part], list[tuple[Item, Question, str]]]:
    """The questions the assessment carries, in order, and those left out with the reason."""
    carried, dropped = [], []
    for item in selection.items:
        q = item.question
        steps = [(step, q) for step in q.steps] if q.type == "scenario" else [(q, None)]
        for part, case in steps:
            reason = left_out(part)
            if reason:
                dropped.append((item, part, reason))
            else:
                carried.append(Part(item, part, ident(item.quiz.id, part.id), case))
    return carried, dropped


def ident(*names: str) -> str:
    """An XML name from stable ids (they may start with a digit)."""
    return "q-" + "-".join(names)


def render(selection: Selection, title: str, labels: dict[str, str], language: str = "en") -> bytes:
    """The assessment file of `selection`'s carried questions, or ExportError naming those it cannot write.
    Its language is said once, on the assessment (the profile's highest element with xml:lang); the items inherit it."""
    carried, _ = parts(selection)
    root = ET.Element("questestinterop", {"xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": SCHEMA_LOCATION})
    attributes = {"ident": ident("quiz", selection.name), "title": title, "xml:lang": language}
    assessment = ET.SubElement(root, "assessment", attributes)
    _metadata(
        assessment,
        [
            ("cc_profile", "cc.exam.v0p1"),
            ("qmd_assessmenttype", "Examination"),
            ("qmd_scoretype", "Percentage"),
            ("cc_maxattempts", "unlimited"),
        ],
    )
    section = ET.SubElement(assessment, "section", ident=ident("section", selection.name))
    groups = {id(item): [part for part in carried if part.item is item] for item in selection.items}
    chosen = Selection(selection.name, title, tuple(item for item in selection.items if groups[id(item)]))
    for elements in build_all(chosen, LABEL, lambda item: [_item(part, labels) for part in groups[id(item)]]):
        section.extend(elements)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def _metadata(parent: ET.Element, fields: list[tuple[str, str]]) -> None:
    metadata = ET.SubElement(parent, "qtimetadata")
    for label, entry in fields:
        field = ET.SubElement(metadata, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def _material(parent: ET.Element, text: str) -> ET.Element:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype="text/html").text = text
    return material


def _item(part: Part, labels: dict[str, str]) -> ET.Element:
    q = part.question
    element = ET.Element("item", ident=part.ident, title=part.item.ident(q))
    _metadata(ET.SubElement(element, "itemmetadata"), [("cc_profile", PROFILES[q.type]), ("cc_weighting", "1")])
    presentation = ET.SubElement(element, "presentation")
    _material(presentation, step_html(part.case, q) if part.case else html(q, q.prompt))
    feedback: dict[str, str] = {}
    if q.explanation:
        feedback["general_fb"] = html(q, q.explanation)
    if q.type in ("short-text", "numeric"):
        answers = q.accept if q.type == "short-text" else _numbers_with_unit(q)
        if any("*" in text for text in answers):  # Moodle reads '*' in an answer as "any text"
            raise Unsupported(q, "an accepted answer holds '*', which Moodle would read as a wildcard")
        _blank(presentation, element, q, answers, feedback)
    else:
        _choices(presentation, element, q, feedback, labels)
    for identifier, text in feedback.items():
        _material(ET.SubElement(ET.SubElement(element, "itemfeedback", ident=identifier), "flow_mat"), text)
    return element


def _numbers_with_unit(q: Question) -> list[str]:
    numbers = accepted_numbers(q)
    return numbers + [f"{n} {q.unit}" for n in numbers] if q.unit else numbers


def _processing(element: ET.Element, feedback: dict[str, str]) -> ET.Element:
    processing = ET.SubElement(element, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(outcomes, "decvar", varname="SCORE", vartype="Decimal", minvalue="0", maxvalue="100")
    if "general_fb" in feedback:  # shown whatever the answer: the only condition that continues
        _condition(processing, "Yes", feedback="general_fb").append(ET.Element("other"))
    return processing


def _condition(processing: ET.Element, go_on: str, score: str = "", feedback: str = "") -> ET.Element:
    """A new response condition; returns its test (conditionvar), for the caller to fill."""
    condition = ET.SubElement(processing, "respcondition", {"continue": go_on})
    test = ET.SubElement(condition, "conditionvar")
    if score:
        ET.SubElement(condition, "setvar", varname="SCORE", action="Set").text = score
    if feedback:
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid=feedback)
    return test


def _equal(value: str, case: str = "No") -> ET.Element:
    equal = ET.Element("varequal", respident=RESPONSE, case=case)
    equal.text = value
    return equal


def _choices(
    presentation: ET.Element, element: ET.Element, q: Question, feedback: dict[str, str], labels: dict[str, str]
) -> None:
    if q.type == "true-false":
        right, wrong = html(q, q.feedback_correct), html(q, q.feedback_incorrect)
        # Moodle reads a true/false question's answers by these two identifiers.
        options = [
            (str(value).lower(), labels[str(value).lower()], value == q.answer, right if value == q.answer else wrong)
            for value in (True, False)
        ]
    else:
        options = [(f"choice-{n}", html(q, o.text), o.correct, html(q, o.feedback)) for n, o in enumerate(q.options, 1)]
    response = ET.SubElement(
        presentation, "response_lid", ident=RESPONSE, rcardinality="Multiple" if q.type == "multiple" else "Single"
    )
    render_choice = ET.SubElement(response, "render_choice", shuffle="No" if q.type == "true-false" else "Yes")
    for identifier, text, _, _ in options:
        _material(ET.SubElement(render_choice, "response_label", ident=identifier), text)
    processing = _processing(element, feedback)
    if q.type == "multiple":
        # One condition scores: every right option chosen and no wrong one.
        both = ET.SubElement(_condition(processing, "Yes", score="100"), "and")
        for identifier, _, correct, _ in options:
            equal = _equal(identifier, "Yes")
            if correct:
                both.append(equal)
            else:
                ET.SubElement(both, "not").append(equal)
    for identifier, _, correct, note in options:
        # Moodle takes an option's grade and feedback from the condition that names it alone.
        if not note and (q.type == "multiple" or not correct):
            continue
        name = f"{identifier}_fb" if note else ""
        if note:
            feedback[name] = note
        scored = "100" if correct and q.type != "multiple" else ""
        _condition(processing, "No", score=scored, feedback=name).append(_equal(identifier))


def _blank(presentation: ET.Element, element: ET.Element, q: Question, answers, feedback: dict[str, str]) -> None:
    response = ET.SubElement(presentation, "response_str", ident=RESPONSE, rcardinality="Single")
    ET.SubElement(ET.SubElement(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    if q.unit:
        _material(presentation, html(q, q.unit))
    processing = _processing(element, feedback)
    right, wrong = html(q, q.feedback_correct), html(q, q.feedback_incorrect)
    if right:
        feedback["correct_fb"] = right
    if wrong:
        feedback["incorrect_fb"] = wrong
    # Any one of the accepted texts (the profile lists them side by side), case ignored.
    _condition(processing, "No", score="100", feedback="correct_fb" if right else "").extend(map(_equal, answers))
    _condition(processing, "No", score="0", feedback="incorrect_fb" if wrong else "").append(ET.Element("other"))
