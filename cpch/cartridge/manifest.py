"""imsmanifest.xml of a Common Cartridge 1.1: course metadata, one organisation, the resources.

The organisation is what an LMS turns into the course outline: a root item, one item per section (a
part of the book), and under each the activities in order (a page, then the chapter's quiz).
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_MANIFEST = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
LOM_RESOURCE = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
PROFILE = "http://www.imsglobal.org/profile/cc/ccv1p1"
SCHEMA_LOCATION = " ".join(
    (
        f"{CP} {PROFILE}/ccv1p1_imscp_v1p2_v1p0.xsd",
        f"{LOM_MANIFEST} {PROFILE}/LOM/ccv1p1_lommanifest_v1p0.xsd",
        f"{LOM_RESOURCE} {PROFILE}/LOM/ccv1p1_lomresource_v1p0.xsd",
    )
)
WEBCONTENT = "webcontent"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"


@dataclass(frozen=True)
class Resource:
    identifier: str
    kind: str  # WEBCONTENT or ASSESSMENT
    files: tuple[str, ...]  # the first is the one an item opens


@dataclass(frozen=True)
class Activity:
    title: str
    resource: Resource


@dataclass
class Section:
    title: str
    activities: list[Activity] = field(default_factory=list)


def render_manifest(identifier: str, title: str, description: str, language: str, sections: list[Section]) -> bytes:
    root = ET.Element(
        "manifest",
        {"xmlns": CP, "xmlns:lomimscc": LOM_MANIFEST, "xmlns:xsi": XSI, "xsi:schemaLocation": SCHEMA_LOCATION},
        identifier=identifier,
    )
    _metadata(ET.SubElement(root, "metadata"), title, description, language)
    organization = ET.SubElement(
        ET.SubElement(root, "organizations"), "organization", identifier="organization", structure="rooted-hierarchy"
    )
    top = ET.SubElement(organization, "item", identifier="root")
    resources = ET.SubElement(root, "resources")
    for number, section in enumerate(sections, 1):
        group = ET.SubElement(top, "item", identifier=f"section-{number}")
        ET.SubElement(group, "title").text = section.title
        for activity in section.activities:
            item = ET.SubElement(
                group,
                "item",
                identifier=f"item-{activity.resource.identifier}",
                identifierref=activity.resource.identifier,
            )
            ET.SubElement(item, "title").text = activity.title
            _resource(resources, activity.resource)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def _metadata(metadata: ET.Element, title: str, description: str, language: str) -> None:
    ET.SubElement(metadata, "schema").text = "IMS Common Cartridge"
    ET.SubElement(metadata, "schemaversion").text = "1.1.0"
    general = ET.SubElement(ET.SubElement(metadata, "lomimscc:lom"), "lomimscc:general")
    ET.SubElement(ET.SubElement(general, "lomimscc:title"), "lomimscc:string", language=language).text = title
    ET.SubElement(general, "lomimscc:language").text = language
    if description:
        described = ET.SubElement(general, "lomimscc:description")
        ET.SubElement(described, "lomimscc:string", language=language).text = description


def _resource(resources: ET.Element, resource: Resource) -> None:
    attributes = {"identifier": resource.identifier, "type": resource.kind}
    if resource.kind == WEBCONTENT:
        attributes["href"] = resource.files[0]  # an assessment has no href: its one file is the QTI document
    element = ET.SubElement(resources, "resource", attributes)
    for path in resource.files:
        ET.SubElement(element, "file", href=path)
