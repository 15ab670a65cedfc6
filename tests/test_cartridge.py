"""Static checks of the Common Cartridges: the CC 1.1 schemas Moodle validates with, the package's structure,
the chapter pages, and every assessment item scored by the profile's rules (right answers 100, wrong ones 0).
Moodle's own restore of a cartridge is in tests/lms/test_moodle_cartridge.py."""

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from conftest import MODULES_FILE, ROOT
from cpch.cartridge.assessment import PROFILES, accepted_numbers, left_out, render
from cpch.cartridge.messages import messages
from cpch.cartridge.package import build_cartridge, parts_of_book
from cpch.cartridge.pages import main_text
from cpch.cli import main as cpch
from cpch.exports.common import ExportError, number
from cpch.exports.writer import bank_selection
from cpch.i18n.localized import load_banks_in, load_modules_in
from cpch.quiz import load_quiz
from cpch.quiz.banks import bank_files, load_banks
from cpch.quiz.labels import book_labels
from cpch.scorm.command import site_pages
from lms.moodle_site import TARBALL

TESTS = Path(__file__).parent
CP = {"cp": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"}
QTI = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
EVERY_TYPE = TESTS / "banks" / "good" / "every-type.yml"
HOSTILE = TESTS / "banks" / "good" / "hostile.yml"
TEXT = messages("en")
LOCALES = ROOT / "quizzes" / "locales"


@pytest.fixture(scope="session")
def quizzes():
    return load_banks(bank_files(ROOT / "quizzes"), book_labels(ROOT / "book"))


@pytest.fixture(scope="session")
def cartridges(site, modules, quizzes) -> dict:
    parts = parts_of_book(ROOT / "book")
    return {m: build_cartridge(modules[m], quizzes, site, parts, MODULES_FILE) for m in modules if modules[m].quizzes}


@pytest.fixture(scope="session")
def french(edition):
    """The French edition's inputs and cartridges: modules, quizzes and parts of the book in French."""
    files = bank_files(ROOT / "quizzes")
    quizzes = load_banks_in(files, book_labels(ROOT / "book"), "fr", LOCALES)
    modules = load_modules_in(MODULES_FILE, site_pages(edition / "fr"), set(quizzes), "fr", LOCALES)
    parts = parts_of_book(ROOT / "book", "fr")
    built = {
        m: build_cartridge(modules[m], quizzes, edition / "fr", parts, MODULES_FILE, "fr")
        for m in modules
        if modules[m].quizzes
    }
    return {"modules": modules, "quizzes": quizzes, "parts": parts, "cartridges": built}


@pytest.fixture(scope="session")
def every_language(cartridges, french) -> dict:
    """language -> the cartridges in it."""
    return {"en": cartridges, "fr": french["cartridges"]}


def unzipped(cartridge) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(cartridge.data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="session")
def schemas(tmp_path_factory):
    """The Common Cartridge 1.1 schemas Moodle's converter validates a manifest with (backup/cc/schemas11)."""
    if not TARBALL.exists():
        pytest.skip(f"no Moodle tarball at {TARBALL} (MOODLE_TARBALL): it holds the CC 1.1 schemas")
    folder = tmp_path_factory.mktemp("cc-schemas")
    subprocess.run(["tar", "xzf", TARBALL, "-C", folder, "./backup/cc/schemas11"], check=True)
    found = folder / "backup" / "cc" / "schemas11"
    return (
        etree.XMLSchema(etree.parse(str(found / "cc11libxml2validator.xsd"))),
        etree.XMLSchema(etree.parse(str(found / "ccv1p1_qtiasiv1p2p1_v1p0.xsd"))),
    )


def test_every_scored_module_has_a_cartridge_and_the_command_writes_them(tmp_path, site, cartridges, capsys):
    out = tmp_path / "out"
    main_text.cache_clear()  # the command takes every page from the site again, not from the fixture's build
    assert (
        cpch(
            [
                "cartridge",
                "--site",
                str(site),
                "--out",
                str(out),
                "--quizzes",
                str(ROOT / "quizzes"),
                "--book",
                str(ROOT / "book"),
            ]
        )
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == sorted(c.name for c in cartridges.values())
    assert all((out / c.name).read_bytes() == c.data for c in cartridges.values())  # same input, same bytes
    printed = capsys.readouterr().out
    assert "whole-handbook.imscc: 24 pages, 12 quizzes" in printed
    assert re.search(r"^  opportunities/enforcement-cycle-order \(ordering\): ", printed, re.M)
    project = ["--quizzes", str(ROOT / "quizzes"), "--book", str(ROOT / "book")]
    assert (
        cpch(["cartridge", "--site", str(site), "--out", str(tmp_path / "one"), "--module", "integrity", *project]) == 0
    )
    assert [p.name for p in (tmp_path / "one").iterdir()] == ["integrity.imscc"]


def test_manifests_and_assessments_pass_the_schemas_moodle_validates_with(every_language, schemas):
    manifest_schema, qti_schema = schemas
    for cartridge in [c for built in every_language.values() for c in built.values()]:
        files = unzipped(cartridge)
        manifest = etree.fromstring(files["imsmanifest.xml"])
        assert manifest_schema.validate(manifest), f"{cartridge.name}: {manifest_schema.error_log}"
        for name in [n for n in files if n.endswith("assessment.xml")]:
            assert qti_schema.validate(etree.fromstring(files[name])), (
                f"{cartridge.name} {name}: {qti_schema.error_log}"
            )


def test_the_schemas_refuse_a_broken_manifest(cartridges, schemas):
    files = unzipped(cartridges["foundations"])
    broken = files["imsmanifest.xml"].replace(b'structure="rooted-hierarchy"', b'structure="rooted-hierarchy" x="1"')
    assert not schemas[0].validate(etree.fromstring(broken))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_organisation_holds_each_chapter_then_its_quiz_grouped_by_part_of_the_book(
    language, cartridges, modules, quizzes, french
):
    if language == "fr":
        cartridges, modules, quizzes = french["cartridges"], french["modules"], french["quizzes"]
    parts, text = parts_of_book(ROOT / "book", language), messages(language)
    for module_id, cartridge in cartridges.items():
        module, files = modules[module_id], unzipped(cartridge)
        manifest = etree.fromstring(files["imsmanifest.xml"])
        resources = {r.get("identifier"): r for r in manifest.iterfind("cp:resources/cp:resource", CP)}
        sections = manifest.findall("cp:organizations/cp:organization/cp:item/cp:item", CP)
        found = []
        for section in sections:
            for item in section.iterfind("cp:item", CP):
                resource = resources[item.get("identifierref")]
                found.append((section.findtext("cp:title", namespaces=CP), resource.get("type")))
        page_sections = [title for title, kind in found if kind == "webcontent"]
        assert len(page_sections) == len(module.chapters)
        # A page in a part of the book sits in that part's section (the root page, in no part, opens one of its own).
        assert all(title == parts[d] for title, d in zip(page_sections, module.chapters) if d in parts)
        quiz_titles = [
            i.findtext("cp:title", namespaces=CP)
            for i in manifest.iterfind(".//cp:item[@identifierref]", CP)
            if resources[i.get("identifierref")].get("type").endswith("/assessment")
        ]
        assert quiz_titles == [text["quiz_title"].format(title=quizzes[q].title) for q in module.quizzes]
        titles = [s.findtext("cp:title", namespaces=CP) for s in sections]
        assert len(titles) == len(set(titles)), "one section per part, in book order"


def test_every_file_is_listed_and_every_listed_file_is_there(every_language):
    for cartridge in [c for built in every_language.values() for c in built.values()]:
        files = unzipped(cartridge)
        manifest = etree.fromstring(files["imsmanifest.xml"])
        listed = {f.get("href") for f in manifest.iterfind(".//cp:file", CP)}
        assert listed == set(files) - {"imsmanifest.xml"}
        for resource in manifest.iterfind(".//cp:resource", CP):
            assert resource.get("href") in (None, resource.find("cp:file", CP).get("href"))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_chapter_pages_stand_alone_with_their_images_and_no_scripts(every_language, language):
    for cartridge in every_language[language].values():
        files = unzipped(cartridge)
        for name in [n for n in files if n.endswith(".html")]:
            page = files[name].decode()
            assert page.count("<h1") == 1 and f'<html lang="{language}">' in page
            assert not re.search(r"<(script|form|input|button|select|textarea)\b", page), name
            for src in re.findall(r'<img[^>]*\bsrc="([^"]+)"', page):
                assert f"pages/{src}" in files, f"{name}: {src}"
            for href in re.findall(r'<a[^>]*\bhref="([^"]+)"', page):
                assert href.startswith(("#", "http://", "https://", "mailto:")), f"{name}: {href}"


def test_a_page_that_embeds_a_quiz_names_the_quiz_activity_instead(cartridges, quizzes):
    page = unzipped(cartridges["foundations"])["pages/01-foundations-why-cooperate.html"].decode()
    title = TEXT["quiz_title"].format(title=quizzes["why-cooperate"].title)
    assert f'<p class="quiz-note">{TEXT["quiz_note"].format(title=title)}</p>' in page
    assert "data-quiz" not in page


# The French edition --------------------------------------------------------------------------------------------


def test_the_command_writes_french_cartridges_beside_the_english_ones(tmp_path, edition, french):
    out = tmp_path / "out"
    project = ["--quizzes", str(ROOT / "quizzes"), "--book", str(ROOT / "book"), "--out", str(out)]
    assert cpch(["cartridge", "--site", str(edition / "en"), "--module", "integrity", *project]) == 0
    assert cpch(["cartridge", "--site", str(edition / "fr"), "--language", "fr", *project]) == 0
    names = sorted(c.name for c in french["cartridges"].values())
    assert sorted(p.name for p in out.iterdir()) == sorted([*names, "integrity.imscc"])
    assert all((out / c.name).read_bytes() == c.data for c in french["cartridges"].values())
    assert cpch(["cartridge", "--site", str(edition / "fr"), "--language", "f r", *project]) == 1


def prompts(assessment: bytes) -> dict[str, str]:
    """item title -> the question's text (its presentation's first text)."""
    items = etree.fromstring(assessment).iterfind(".//q:item", QTI)
    return {i.get("title"): i.findtext("q:presentation//q:mattext", namespaces=QTI) for i in items}


def test_a_french_cartridge_carries_the_same_questions_in_french(cartridges, french):
    for module_id, english in cartridges.items():
        translated = french["cartridges"][module_id]
        assert translated.name == f"{module_id}-fr.imscc"
        assert (translated.pages, translated.quizzes, translated.questions) == (
            english.pages,
            english.quizzes,
            english.questions,
        )
        files = unzipped(translated)
        manifest = etree.fromstring(files["imsmanifest.xml"])
        lom = "{http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest}"
        assert manifest.findtext(f".//{lom}general/{lom}language") == "fr"
        assert manifest.findtext(f".//{lom}general/{lom}title/{lom}string") == french["modules"][module_id].title
        assert manifest.get("identifier").startswith(f"cpch-{module_id}-fr-v")
        english_files = unzipped(english)
        for name in [n for n in files if n.endswith("assessment.xml")]:
            assessment = etree.fromstring(files[name]).find("q:assessment", QTI)
            assert assessment.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
            quiz_id = name.split("/")[0].removeprefix("quiz-")
            title = french["quizzes"][quiz_id].title
            assert assessment.get("title") == messages("fr")["quiz_title"].format(title=title)
            assert prompts(files[name]).keys() == prompts(english_files[name]).keys()
            same = [i for i, text in prompts(files[name]).items() if text == prompts(english_files[name])[i]]
            assert not same, f"{translated.name} {name}: not translated: {same}"
    assert french["parts"]["foundations/why-cooperate"] == "Fondements"


# The assessments, scored as the profile says ----------------------------------------------------------------------


def holds(condition, response) -> bool:
    """One test of the profile: varequal, and, not, other. Tests side by side are alternatives (as the CC
    profile writes a fill-in-the-blank's accepted answers, and as Moodle reads them)."""
    tag = etree.QName(condition).localname
    if tag == "conditionvar":
        return any(holds(child, response) for child in condition)
    if tag == "and":
        return all(holds(child, response) for child in condition)
    if tag == "not":
        return not holds(condition[0], response)
    if tag == "other":
        return True
    if isinstance(response, set):
        return condition.text in response
    given, wanted = response.strip(), condition.text
    return given == wanted if condition.get("case") == "Yes" else given.lower() == wanted.lower()


def score(item, response) -> float:
    result = 0.0
    for condition in item.iterfind("q:resprocessing/q:respcondition", QTI):
        if holds(condition.find("q:conditionvar", QTI), response):
            for setvar in condition.iterfind("q:setvar", QTI):
                result = float(setvar.text)
            if condition.get("continue", "No") == "No":
                break
    return result


def responses(question, item) -> list[tuple[object, float]]:
    """(response, expected score) pairs: the right answer, and wrong ones."""
    labels = [label.get("ident") for label in item.iterfind(".//q:response_label", QTI)]
    if question.type == "true-false":
        return [({str(question.answer).lower()}, 100), ({str(not question.answer).lower()}, 0)]
    if question.type in ("single", "multiple"):
        right = {label for label, o in zip(labels, question.options) if o.correct}
        wrong = [{label} for label, o in zip(labels, question.options) if not o.correct]
        found = [(right, 100.0)] + [(w, 0.0) for w in wrong]
        return found + ([(right | wrong[0], 0.0), (set(sorted(right)[:1]), 0.0)] if question.type == "multiple" else [])
    if question.type == "numeric":
        right = [number(question.answer), f"{number(question.answer)} {question.unit}".strip()]
        return [(r, 100.0) for r in right] + [(number(question.answer + question.tolerance + 1), 0.0)]
    return [(text.upper(), 100.0) for text in question.accept] + [("no such answer", 0.0)]


def check_items(quiz, xml: bytes) -> int:
    items = {i.get("title"): i for i in etree.fromstring(xml).iterfind(".//q:item", QTI)}
    parts = [p for q in quiz.questions for p in q.scored_parts]
    carried = [p for p in parts if not left_out(p)]
    assert list(items) == [f"{quiz.id}/{p.id}" for p in carried]
    for part in carried:
        item = items[f"{quiz.id}/{part.id}"]
        profile = item.findtext(".//q:qtimetadatafield[q:fieldlabel='cc_profile']/q:fieldentry", namespaces=QTI)
        assert profile == PROFILES[part.type]
        for response, expected in responses(part, item):
            assert score(item, response) == expected, f"{part.id}: {response}"
    return len(carried)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_carried_question_scores_100_when_right_and_0_when_wrong(language, cartridges, quizzes, french):
    if language == "fr":
        cartridges, quizzes = french["cartridges"], french["quizzes"]
    for cartridge in cartridges.values():
        files = unzipped(cartridge)
        counted = sum(
            check_items(quizzes[n.split("/")[0].removeprefix("quiz-")], files[n])
            for n in files
            if n.endswith("assessment.xml")
        )
        assert counted == cartridge.questions


def test_every_type_of_the_model_is_carried_or_left_out_with_its_reason():
    quiz = load_quiz(EVERY_TYPE)
    carried = check_items(quiz, render(bank_selection(quiz), quiz.title, TEXT))
    assert carried == 7  # 9 questions and scenario steps, less the ordering and the matching one
    reasons = {p.type: left_out(p) for q in quiz.questions for p in q.scored_parts}
    assert "no ordering question" in reasons["ordering"] and "no matching question" in reasons["matching"]


def test_hostile_text_stays_text():
    quiz = load_quiz(HOSTILE)
    check_items(quiz, render(bank_selection(quiz), quiz.title, TEXT))


@pytest.mark.parametrize(
    "answer, tolerance, expected",
    [(74.4, 0.1, ["74.3", "74.4", "74.5"]), (2011, 0, ["2011"]), (5, 2, ["3", "4", "5", "6", "7"])],
)
def test_a_numeric_tolerance_becomes_the_numbers_it_allows(answer, tolerance, expected):
    question = load_quiz(EVERY_TYPE).questions[6]
    assert question.type == "numeric"
    assert accepted_numbers(replace(question, answer=answer, tolerance=tolerance)) == expected


def test_a_wide_numeric_tolerance_is_left_out_with_its_reason():
    question = replace(load_quiz(EVERY_TYPE).questions[6], answer=205000, tolerance=5000)
    assert "more than 21 numbers" in left_out(question)


def test_a_question_that_cannot_be_written_fails_with_file_and_line():
    quiz = load_quiz(TESTS / "exports" / "image-in-step.yml")
    with pytest.raises(ExportError) as error:
        render(bank_selection(quiz), quiz.title, TEXT)
    assert [p.line for p in error.value.problems] == [15]
    assert "cannot be exported to Common Cartridge QTI: it shows an image" in str(error.value)


# The command's failures ----------------------------------------------------------------------------------------


def test_the_command_fails_clearly_and_writes_nothing(tmp_path, site, capsys):
    quizzes = tmp_path / "quizzes"
    shutil.copytree(ROOT / "quizzes", quizzes)
    bank = quizzes / "why-cooperate.yml"
    text = bank.read_text()
    prompt = re.search(r"^    prompt: (.*)$", text, re.M)
    bank.write_text(text[: prompt.start(1)] + "Look at ![a map](map.png)." + text[prompt.end(1) :])
    line = text[: text.rindex("  - id: ", 0, prompt.start())].count("\n") + 1  # the question's own line
    out = tmp_path / "out"
    common = ["--site", str(site), "--book", str(ROOT / "book"), "--out", str(out)]
    assert cpch(["cartridge", "--quizzes", str(quizzes), *common]) == 1
    err = capsys.readouterr().err
    assert re.search(
        rf"why-cooperate.yml:{line}:1: question '[a-z-]+' cannot be exported to Common Cartridge QTI: it shows an", err
    )
    assert "nothing was written" in err and not out.exists()
    assert cpch(["cartridge", "--quizzes", str(ROOT / "quizzes"), "--module", "no-such", *common]) == 1
    assert "no module 'no-such'" in capsys.readouterr().err and not out.exists()
    assert cpch(["cartridge", "--quizzes", str(ROOT / "quizzes"), "--module", "diagnostic", *common]) == 1
    assert "module 'diagnostic' has no quizzes" in capsys.readouterr().err and not out.exists()
    assert cpch(["cartridge", "--site", str(tmp_path), "--out", str(out)]) == 1
    assert "no built site" in capsys.readouterr().err and not out.exists()
