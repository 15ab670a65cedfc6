"""imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th Edition: one organisation, one SCO."""

from xml.sax.saxutils import escape, quoteattr

from cpch.scorm.modules import VERSIONS, Module

__all__ = ["VERSIONS", "render_manifest"]

HEADERS = {
    "1.2": (
        'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
        'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd '
        'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"'
    ),
    "2004": (
        'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" '
        'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" '
        'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" '
        'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" '
        'xmlns:imsss="http://www.imsglobal.org/xsd/imsss" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd '
        'http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd '
        'http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd '
        'http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd '
        'http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"'
    ),
}
SCHEMA_VERSION = {"1.2": "1.2", "2004": "2004 4th Edition"}


def _mastery(module: Module, version: str) -> str:
    if not module.scored:
        return ""
    if version == "1.2":
        return f"<adlcp:masteryscore>{module.pass_mark}</adlcp:masteryscore>"
    measure = f"{module.pass_mark / 100:.2f}"
    return (
        "<imsss:sequencing><imsss:objectives>"
        '<imsss:primaryObjective objectiveID="pass-mark" satisfiedByMeasure="true">'
        f"<imsss:minNormalizedMeasure>{measure}</imsss:minNormalizedMeasure>"
        "</imsss:primaryObjective></imsss:objectives></imsss:sequencing>"
    )


def manifest_identifier(module: Module, identity: str) -> str:
    """Unique to the module and its exact question set (cpch.scorm.identity)."""
    return f"cpch-{module.id}-v{module.version}-{identity}" if identity else f"cpch-{module.id}-v{module.version}"


def render_manifest(module: Module, version: str, files: list[str], identity: str = "") -> str:
    """The manifest listing `files` (paths in the package, launch page first)."""
    scorm_type = "adlcp:scormtype" if version == "1.2" else "adlcp:scormType"
    title = escape(module.title)
    file_list = "\n      ".join(f"<file href={quoteattr(name)}/>" for name in files)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier={quoteattr(manifest_identifier(module, identity))} version="{module.version}" {HEADERS[version]}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>{SCHEMA_VERSION[version]}</schemaversion>
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>{title}</title>
      <item identifier="item" identifierref="resource">
        <title>{title}</title>
        {_mastery(module, version)}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="resource" type="webcontent" {scorm_type}="sco" href={quoteattr(files[0])}>
      {file_list}
    </resource>
  </resources>
</manifest>
"""
