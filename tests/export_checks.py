"""Read an export back with independent parsers and the official schemas, question for question.

Used by the fuzz tests: whatever bank the reader accepts, its Moodle XML must parse with lxml, its
GIFT must be read back by pygiftparser and by the npm gift-pegjs parser with the same questions
(names, ids and tags: a text can never start a new question), and every file of its QTI 2.1
package must validate against the IMS schemas in ../shared/schemas/qti21/.
"""

import io
import json
import re
import subprocess
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree
from pygiftparser import parser as gift_parser

from cpch.exports.common import number

ROOT = Path(__file__).resolve().parent.parent
QTI_SCHEMAS = ROOT.parent / "shared" / "schemas" / "qti21"
GIFT_SCRIPT = Path(__file__).parent / "tools" / "gift-parse.mjs"
MANIFEST_DRIVER = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
<xs:import namespace="http://www.imsglobal.org/xsd/imscp_v1p1" schemaLocation="{cp}"/>
<xs:import namespace="http://www.imsglobal.org/xsd/imsmd_v1p2" schemaLocation="{md}"/>
<xs:import namespace="http://www.imsglobal.org/xsd/imsqti_metadata_v2p1" schemaLocation="{qti}"/>
</xs:schema>"""


def expected_parts(picked) -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, id number, tags) of each exported question of `picked`, (quiz, question) pairs in export order:
    a scenario gives its case, then its steps."""
    parts = []
    for quiz, q in picked:
        ident = f"{quiz.id}/{q.id}"
        if q.type != "scenario":
            parts.append((ident, ident, q.lms_tags))
            continue
        parts.append((ident, ident, q.lms_tags))
        parts += [(f"{ident} step {n}", f"{quiz.id}/{s.id}", s.lms_tags) for n, s in enumerate(q.steps, 1)]
    return parts


@cache
def qti_schemas() -> tuple[etree.XMLSchema, etree.XMLSchema]:
    """(items and tests, manifest): loading them takes a few seconds, so once per session."""
    items = etree.XMLSchema(etree.parse(str(QTI_SCHEMAS / "qtiv2p1" / "imsqti_v2p1.xsd")))
    driver = MANIFEST_DRIVER.format(
        cp=(QTI_SCHEMAS / "imscp_v1p1.xsd").as_uri(),
        md=(QTI_SCHEMAS / "imsmd_v1p2p4.xsd").as_uri(),
        qti=(QTI_SCHEMAS / "qtiv2p1" / "imsqti_metadata_v2p1.xsd").as_uri(),
    )
    return items, etree.XMLSchema(etree.fromstring(driver.encode()))


class GiftPegjs:
    """One node process running gift-pegjs for every document of a session."""

    def __init__(self):
        self.process = subprocess.Popen(
            ["node", str(GIFT_SCRIPT)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def parse(self, text: str):
        self.process.stdin.write(json.dumps(text) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


def check_moodle(data: bytes, picked) -> None:
    root = etree.fromstring(data)
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    names = [q.findtext("name/text") for q in questions]
    numbers = [q.findtext("idnumber") for q in questions]
    parts = expected_parts(picked)
    assert names == [name for name, _, _ in parts]
    assert numbers == [number for _, number, _ in parts]


def _gift_unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text.strip())


def pygiftparser_reads(question) -> bool:
    """What pygiftparser 1.1 cannot read, though Moodle's GIFT importer and gift-pegjs do: a `}` anywhere
    in the answers (its pattern ends them at the first brace, escaped or not), and for numeric questions a
    sign or an exponent (its numbers are digits with an optional fraction) or feedback for wrong answers
    (~#...). Such a question is checked by gift-pegjs alone."""
    answers = [
        question.explanation,
        question.feedback_correct,
        question.feedback_incorrect,
        *question.accept,
        *question.items,
        *(text for pair in question.pairs for text in pair),
        *(text for option in question.options for text in (option.text, option.feedback)),
    ]
    if any("}" in text for text in answers):
        return False
    if question.type != "numeric":
        return True
    plain = all(re.fullmatch(r"\d+(\.\d+)?", number(v)) for v in (question.answer, question.tolerance))
    return plain and not question.feedback_incorrect


def check_gift(data: bytes, picked, pegjs: GiftPegjs) -> None:
    text, parts = data.decode("utf-8"), expected_parts(picked)
    questions = gift_parser.parseFile(io.StringIO(text))
    assert [_gift_unescape(q.title) for q in questions] == [name for name, _, _ in parts]
    exported = [part for _, q in picked for part in ((q,) if q.type != "scenario" else (q, *q.steps))]
    assert all(read.valid for read, part in zip(questions, exported) if pygiftparser_reads(part))
    read = pegjs.parse(text)
    assert isinstance(read, list), read
    assert read[0]["type"] == "Category"
    read = read[1:]
    assert [q["title"] for q in read] == [name for name, _, _ in parts]
    assert [q["id"] for q in read] == [number for _, number, _ in parts]
    assert [tuple(q["tags"] or ()) for q in read] == [tags for _, _, tags in parts]


def check_qti(data: bytes) -> None:
    items, manifest = qti_schemas()
    package = zipfile.ZipFile(io.BytesIO(data))
    for name in package.namelist():
        schema = manifest if name == "imsmanifest.xml" else items
        document = etree.fromstring(package.read(name))
        assert schema.validate(document), f"{name}: {schema.error_log.last_error}"
