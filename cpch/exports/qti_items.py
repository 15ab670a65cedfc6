"""One QTI 2.1 assessmentItem per question, scored 1 when right, with its feedback.

single/multiple/true-false -> choiceInteraction, ordering -> orderInteraction,
matching -> matchInteraction (directedPair), short-text -> textEntryInteraction (string, mapping
without case), numeric -> textEntryInteraction (float, equal within the tolerance).
"""

import xml.etree.ElementTree as ET

from cpch.exports.common import Unsupported, case_html, html, number, numeric_answer
from cpch.quiz.messages import messages
from cpch.quiz.model import Question

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
INTERACTIONS = {
    "single": "choiceInteraction",
    "multiple": "choiceInteraction",
    "true-false": "choiceInteraction",
    "ordering": "orderInteraction",
    "matching": "matchInteraction",
    "short-text": "textEntryInteraction",
    "numeric": "textEntryInteraction",
}


def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
    """Elements are built unqualified; the root declares QTI as the default namespace."""
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def markup(parent: ET.Element, tag: str, rendered: str, q: Question, **attributes) -> ET.Element:
    """`rendered` HTML from the Markdown renderer, as QTI's XHTML elements inside a new <tag>."""
    try:
        fragment = ET.fromstring(f"<{tag}>{rendered}</{tag}>")
    except ET.ParseError as error:
        raise Unsupported(q, f"its text is not well-formed XHTML ({error})") from None
    fragment.attrib.update(attributes)
    parent.append(fragment)
    return fragment


def item(identifier: str, title: str, q: Question, case: Question | None = None, language: str = "en") -> bytes:
    """The item says its language (xml:lang), and the words it adds (True, False) are in that language."""
    root = ET.Element(
        "assessmentItem", root_namespaces(), identifier=identifier, title=title, adaptive="false", timeDependent="false"
    )
    root.set(LANG, language.replace("_", "-"))
    condition, feedback_per_choice = BODIES[q.type](root, q, case)
    _processing(root, condition, feedback_per_choice)
    _modal_feedback(root, q)
    return serialize(root)


def root_namespaces() -> dict[str, str]:
    return {"xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": SCHEMA_LOCATION}


# Elements whose content is HTML-like mixed content: indenting inside them would change the text.
CONTENT = {"prompt", "simpleChoice", "simpleAssociableChoice", "p", "div", "modalFeedback"}


def indent(element: ET.Element, level: int = 0) -> None:
    """Like ET.indent, but leaves mixed content (texts with markup) exactly as written."""
    if element.tag in CONTENT or not len(element):
        return
    element.text = "\n" + "  " * (level + 1)
    for child in element:
        indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    child.tail = "\n" + "  " * level


def serialize(root: ET.Element) -> bytes:
    indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def _declare(root: ET.Element, cardinality: str, base_type: str, values: list[str]) -> ET.Element:
    declaration = sub(root, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality, baseType=base_type)
    correct = sub(declaration, "correctResponse")
    for value in values:
        sub(correct, "value", value)
    return declaration


def _outcomes(root: ET.Element) -> None:
    for identifier, cardinality, base_type, default in (
        ("SCORE", "single", "float", "0"),
        ("MAXSCORE", "single", "float", "1"),
        ("FEEDBACK", "multiple", "identifier", None),
    ):
        outcome = sub(root, "outcomeDeclaration", identifier=identifier, cardinality=cardinality, baseType=base_type)
        if default is not None:
            sub(sub(outcome, "defaultValue"), "value", default)


def _body(root: ET.Element, q: Question, case: Question | None) -> ET.Element:
    _outcomes(root)
    body = sub(root, "itemBody")
    if case is not None:
        markup(body, "div", case_html(case), case, **{"class": "case"})
    return body


def _choice_body(root: ET.Element, q: Question, case: Question | None):
    if q.type == "true-false":
        words = messages(root.get(LANG))
        choices = [("true", words["true"], q.answer is True), ("false", words["false"], q.answer is False)]
        feedback = ["", ""]
    else:
        choices = [(f"choice-{n}", html(q, o.text), o.correct) for n, o in enumerate(q.options, 1)]
        feedback = [o.feedback for o in q.options]
    single = q.type != "multiple"
    _declare(root, "single" if single else "multiple", "identifier", [c[0] for c in choices if c[2]])
    interaction = sub(
        _body(root, q, case),
        "choiceInteraction",
        responseIdentifier="RESPONSE",
        shuffle=str(q.type != "true-false").lower(),
        maxChoices="1" if single else "0",
    )
    markup(interaction, "prompt", html(q, q.prompt), q)
    for (identifier, text, _), note in zip(choices, feedback):
        choice = markup(interaction, "simpleChoice", text, q, identifier=identifier)
        if note:
            markup(
                choice,
                "feedbackInline",
                html(q, note),
                q,
                outcomeIdentifier="FEEDBACK",
                identifier=identifier,
                showHide="show",
            )
    return _matches(), True


def _ordering_body(root: ET.Element, q: Question, case: Question | None):
    ids = [f"item-{n}" for n in range(1, len(q.items) + 1)]
    _declare(root, "ordered", "identifier", ids)
    interaction = sub(_body(root, q, case), "orderInteraction", responseIdentifier="RESPONSE", shuffle="true")
    markup(interaction, "prompt", html(q, q.prompt), q)
    for identifier, text in zip(ids, q.items):
        markup(interaction, "simpleChoice", html(q, text), q, identifier=identifier)
    return _matches(), False


def _matching_body(root: ET.Element, q: Question, case: Question | None):
    count = len(q.pairs)
    _declare(root, "multiple", "directedPair", [f"left-{n} right-{n}" for n in range(1, count + 1)])
    interaction = sub(
        _body(root, q, case),
        "matchInteraction",
        responseIdentifier="RESPONSE",
        shuffle="true",
        maxAssociations=str(count),
    )
    markup(interaction, "prompt", html(q, q.prompt), q)
    lefts, rights = sub(interaction, "simpleMatchSet"), sub(interaction, "simpleMatchSet")
    for n, (left, right) in enumerate(q.pairs, 1):
        markup(lefts, "simpleAssociableChoice", html(q, left), q, identifier=f"left-{n}", matchMax="1")
        sub(rights, "simpleAssociableChoice", right, identifier=f"right-{n}", matchMax="1")  # plain text
    return _matches(), False


def _text_body(root: ET.Element, q: Question, case: Question | None):
    if q.type == "short-text":
        declaration = _declare(root, "single", "string", [q.accept[0]])
        mapping = sub(declaration, "mapping", defaultValue="0")
        for text in q.accept:
            sub(mapping, "mapEntry", mapKey=text, mappedValue="1", caseSensitive="false")
        condition = ET.Element("gte")
        sub(condition, "mapResponse", identifier="RESPONSE")
        sub(condition, "baseValue", "1", baseType="float")
    else:
        _declare(root, "single", "float", [number(numeric_answer(q))])
        condition = _within_tolerance(q)
    body = _body(root, q, case)
    markup(body, "p", html(q, q.prompt), q)
    line = sub(body, "p")
    entry = sub(line, "textEntryInteraction", responseIdentifier="RESPONSE")
    if q.unit:
        entry.tail = " " + q.unit
    return condition, False


def _within_tolerance(q: Question) -> ET.Element:
    if q.tolerance:
        condition = ET.Element("equal", toleranceMode="absolute", tolerance=number(q.tolerance))
    else:
        condition = ET.Element("equal", toleranceMode="exact")
    sub(condition, "variable", identifier="RESPONSE")
    sub(condition, "correct", identifier="RESPONSE")
    return condition


def _matches() -> ET.Element:
    condition = ET.Element("match")
    sub(condition, "variable", identifier="RESPONSE")
    sub(condition, "correct", identifier="RESPONSE")
    return condition


def _processing(root: ET.Element, condition: ET.Element, feedback_per_choice: bool) -> None:
    """SCORE 1 or 0; FEEDBACK holds 'correct' or 'incorrect' and, for choices, the chosen ones."""
    branches = sub(sub(root, "responseProcessing"), "responseCondition")
    for branch, score, outcome in (("responseIf", "1", "correct"), ("responseElse", "0", "incorrect")):
        element = sub(branches, branch)
        if branch == "responseIf":
            element.append(condition)
        sub(sub(element, "setOutcomeValue", identifier="SCORE"), "baseValue", score, baseType="float")
        values = sub(sub(element, "setOutcomeValue", identifier="FEEDBACK"), "multiple")
        if feedback_per_choice:
            sub(values, "variable", identifier="RESPONSE")
        sub(values, "baseValue", outcome, baseType="identifier")


def _modal_feedback(root: ET.Element, q: Question) -> None:
    for identifier, text in (("correct", q.feedback_correct), ("incorrect", q.feedback_incorrect)):
        paragraphs = [html(q, t) for t in (text, q.explanation) if t]
        if paragraphs:
            feedback = sub(root, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier=identifier, showHide="show")
            for paragraph in paragraphs:
                markup(feedback, "p", paragraph, q)


BODIES = {
    "single": _choice_body,
    "multiple": _choice_body,
    "true-false": _choice_body,
    "ordering": _ordering_body,
    "matching": _matching_body,
    "short-text": _text_body,
    "numeric": _text_body,
}
