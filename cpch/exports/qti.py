"""An IMS QTI 2.1 content package: imsmanifest.xml, one item file per question and an assessmentTest.

A scenario becomes one item per step, each repeating the case; the test keeps them together in
a section of their own. Identifiers are quiz-id.question-id, so LMS records stay attached.
"""

import re
import xml.etree.ElementTree as ET

from cpch.exports import qti_items
from cpch.exports.common import Item, Selection, build_all, number
from cpch.files import zip_bytes
from cpch.quiz.model import Question

LABEL = "QTI 2.1"
SUFFIX = ".qti21.zip"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
MD = "http://www.imsglobal.org/xsd/imsmd_v1p2"
QTI_MD = "http://www.imsglobal.org/xsd/imsqti_metadata_v2p1"
TEST_FILE = "assessment-test.xml"


def identifier(*parts: str) -> str:
    """A QTI identifier (an XML name) from stable ids: 'quiz.question', never starting with a digit."""
    joined = ".".join(parts)
    return joined if re.match(r"[A-Za-z_]", joined) else "id-" + joined


def render(selection: Selection) -> bytes:
    groups = build_all(selection, LABEL, lambda item: _item(item, selection.language))  # [(identifier, question, xml)]
    files = {f"items/{ident}.xml": xml for group in groups for ident, _, xml in group}
    files[TEST_FILE] = _test(selection, groups)
    files["imsmanifest.xml"] = _manifest(selection, groups)
    return zip_bytes(files)


def _item(item: Item, language: str) -> list:
    q = item.question
    parts: list[tuple[Question, Question | None, str]]
    if q.type != "scenario":
        parts = [(q, None, item.ident())]
    else:
        parts = [(step, q, item.step_name(n)) for n, step in enumerate(q.steps, 1)]
    idents = [identifier(item.quiz.id, part.id) for part, _, _ in parts]
    return [
        (ident, part, qti_items.item(ident, title, part, case, language))
        for ident, (part, case, title) in zip(idents, parts)
    ]


def _test(selection: Selection, groups: list) -> bytes:
    sub = qti_items.sub
    root = ET.Element(
        "assessmentTest",
        qti_items.root_namespaces(),
        identifier=identifier("test", selection.name),
        title=selection.title,
    )
    for name, base_type in (("SCORE", "float"), ("MAXSCORE", "float"), ("PASS", "boolean")):
        sub(root, "outcomeDeclaration", identifier=name, cardinality="single", baseType=base_type)
    part = sub(root, "testPart", identifier="part", navigationMode="nonlinear", submissionMode="simultaneous")
    section = sub(part, "assessmentSection", identifier="questions", title=selection.title, visible="true")
    for item, group in zip(selection.items, groups):
        parent = section
        if item.question.type == "scenario":
            parent = sub(
                section,
                "assessmentSection",
                identifier=identifier(item.quiz.id, item.question.id),
                title=item.ident(),
                visible="false",
                keepTogether="true",
            )
        for ident, _, _ in group:
            sub(parent, "assessmentItemRef", identifier=ident, href=f"items/{ident}.xml")
    _test_processing(root, selection)
    return qti_items.serialize(root)


def _test_processing(root: ET.Element, selection: Selection) -> None:
    """SCORE and MAXSCORE add up the items'; PASS when SCORE reaches the pass mark."""
    sub = qti_items.sub
    processing = sub(root, "outcomeProcessing")
    for name in ("SCORE", "MAXSCORE"):
        sub(sub(sub(processing, "setOutcomeValue", identifier=name), "sum"), "testVariables", variableIdentifier=name)
    compare = sub(sub(processing, "setOutcomeValue", identifier="PASS"), "gte")
    sub(compare, "variable", identifier="SCORE")
    sub(compare, "baseValue", number(selection.points * selection.pass_mark / 100), baseType="float")


def _manifest(selection: Selection, groups: list) -> bytes:
    root = ET.Element(
        "manifest",
        {"xmlns": CP, "xmlns:imsmd": MD, "xmlns:imsqti": QTI_MD},
        identifier=identifier("manifest", selection.name),
    )
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "QTIv2.1 Package"
    ET.SubElement(metadata, "schemaversion").text = "1.0.0"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    items = [entry for group in groups for entry in group]
    test = _resource(resources, "test", "imsqti_test_xmlv2p1", TEST_FILE)
    for ident, _, _ in items:
        ET.SubElement(test, "dependency", identifierref=f"res.{ident}")
    for ident, question, _ in items:
        _resource(resources, f"res.{ident}", "imsqti_item_xmlv2p1", f"items/{ident}.xml", question)
    return qti_items.serialize(root)


def _resource(resources: ET.Element, ident: str, kind: str, href: str, question=None) -> ET.Element:
    resource = ET.SubElement(resources, "resource", identifier=ident, type=kind, href=href)
    if question is not None:
        _item_metadata(ET.SubElement(resource, "metadata"), question)
    ET.SubElement(resource, "file", href=href)
    return resource


def _item_metadata(metadata: ET.Element, question) -> None:
    """Tags and difficulty as LOM keywords; the interaction type as QTI metadata."""
    general = ET.SubElement(ET.SubElement(metadata, "imsmd:lom"), "imsmd:general")
    for keyword in question.lms_tags:
        ET.SubElement(ET.SubElement(general, "imsmd:keyword"), "imsmd:langstring").text = keyword
    qti = ET.SubElement(metadata, "imsqti:qtiMetadata")
    ET.SubElement(qti, "imsqti:interactionType").text = qti_items.INTERACTIONS[question.type]
