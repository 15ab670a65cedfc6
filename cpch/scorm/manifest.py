"""imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th Edition: one organisation, one SCO."""

from pathlib import Path

from markupsafe import Markup

from cpch.core.markup import render
from cpch.i18n.localized import is_source
from cpch.scorm.modules import VERSIONS, Module

__all__ = ["VERSIONS", "render_manifest"]

TEMPLATES = Path(__file__).parent / "templates"

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
        "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
        "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
        "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
        'http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"'
    ),
}
SCHEMA_VERSION = {"1.2": "1.2", "2004": "2004 4th Edition"}


def manifest_identifier(module: Module, identity: str, language: str = "en") -> str:
    """Unique to the module, its exact question set (cpch.scorm.identity) and its language."""
    name = module.id if is_source(language) else f"{module.id}-{language}"
    return f"cpch-{name}-v{module.version}-{identity}" if identity else f"cpch-{name}-v{module.version}"


def render_manifest(module: Module, version: str, files: list[str], identity: str = "", language: str = "en") -> str:
    """The manifest listing `files` (paths in the package, launch page first); it says its language
    (xml:lang, which both SCORM versions' schemas accept on the manifest)."""
    return render(
        TEMPLATES,
        "imsmanifest.xml",
        one_line=False,
        module=module,
        version=version,
        files=files,
        identifier=manifest_identifier(module, identity, language),
        language=language.replace("_", "-"),
        header=Markup(HEADERS[version]),
        schema_version=SCHEMA_VERSION[version],
        scorm_type="adlcp:scormtype" if version == "1.2" else "adlcp:scormType",
    )
