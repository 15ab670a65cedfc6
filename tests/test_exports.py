"""LMS exports: each format is read back by an independent parser (or checked against its documented
structure) and must hold the same questions and the same right answers as the banks."""

import argparse
import functools
import html
import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from moodle_xml_parser import parser as moodle_parser
from pygiftparser import parser as gift_parser

from conftest import BOOK, ROOT
from cpch.core.markup import block, inline
from cpch.exports import ExportError, bank_selection, render, write_exports
from cpch.exports.command import add_command
from cpch.i18n.localized import load_quiz_in
from cpch.quiz import Question, load_quiz
from cpch.quiz.banks import bank_files, load_banks
from cpch.quiz.labels import book_labels

TESTS = Path(__file__).parent
REAL = bank_files(ROOT / "quizzes")
TEST_BANKS = [TESTS / "banks" / "good" / "every-type.yml", TESTS / "banks" / "good" / "hostile.yml"]
CANNOT = TESTS / "exports"
QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
MOODLE_TYPES = {
    "single": "multichoice",
    "multiple": "multichoice",
    "true-false": "truefalse",
    "ordering": "ordering",
    "matching": "matching",
    "short-text": "shortanswer",
    "numeric": "numerical",
}
INTERACTIONS = {
    "single": "choiceInteraction",
    "multiple": "choiceInteraction",
    "true-false": "choiceInteraction",
    "ordering": "orderInteraction",
    "matching": "matchInteraction",
    "short-text": "textEntryInteraction",
    "numeric": "textEntryInteraction",
}


# Banks in another language, under their own key: the French every-type, from the fixture catalogue.
TRANSLATED = {"every-type-fr": (TESTS / "banks" / "good" / "every-type.yml", "fr")}
LOCALES = TESTS / "i18n" / "locales"


@functools.cache
def quizzes() -> dict:
    banks = load_banks(REAL, book_labels(BOOK))
    banks.update({q.id: q for q in (load_quiz(path) for path in TEST_BANKS)})
    banks.update({key: load_quiz_in(path, language, LOCALES) for key, (path, language) in TRANSLATED.items()})
    return banks


def language_of(quiz_id: str) -> str:
    return TRANSLATED[quiz_id][1] if quiz_id in TRANSLATED else "en"


@functools.cache
def exported(quiz_id: str) -> dict[str, bytes]:
    files = render(bank_selection(quizzes()[quiz_id], language=language_of(quiz_id)))
    return {name.split(".", 1)[1]: data for name, data in files.items()}


ALL = [p.stem for p in REAL] + ["every-type", "hostile", *TRANSLATED]
every_bank = pytest.mark.parametrize("quiz_id", ALL)


def parts(quiz) -> list[tuple[str, object, str]]:
    """(expected name, question, kind) in export order: a scenario gives its case, then its steps."""
    result = []
    for q in quiz.questions:
        if q.type != "scenario":
            result.append((f"{quiz.id}/{q.id}", q, q.type))
            continue
        result.append((f"{quiz.id}/{q.id}", q, "case"))
        result += [(f"{quiz.id}/{q.id} step {n}", step, step.type) for n, step in enumerate(q.steps, 1)]
    return result


def scenario_of(quiz, step):
    return next((q for q in quiz.questions if step in q.steps), None)


def shown(text: str) -> str:
    """What a reader sees of a bank text: its HTML with entities decoded, as parsers give it back."""
    return html.unescape(inline(text))


def test_real_banks_are_all_exported():
    assert len(REAL) >= 10 and {q.type for q in quizzes()["every-type"].questions} >= set(MOODLE_TYPES) | {"scenario"}


# Moodle XML ----------------------------------------------------------------------------------------------------


@every_bank
def test_moodle_choices_read_back_by_moodle_xml_parser(quiz_id):
    quiz = quizzes()[quiz_id]
    read = moodle_parser.parse_bytes(exported(quiz_id)["moodle.xml"])["multichoice"]
    expected = [(name, q) for name, q, kind in parts(quiz) if kind in ("single", "multiple")]
    assert [r.name for r in read] == [name for name, _ in expected]
    for question, (_, source) in zip(read, expected):
        assert question.single == (source.type == "single")
        assert [o.answer for o in question.options] == [shown(o.text) for o in source.options]
        assert [o.feedback or "" for o in question.options] == [shown(o.feedback) for o in source.options]
        right = [o.score_fraction for o in question.options if o.score_fraction > 0]
        wrong = [o.score_fraction for o in question.options if o.score_fraction <= 0]
        assert [o.score_fraction > 0 for o in question.options] == [o.correct for o in source.options]
        assert sum(right) == pytest.approx(100, abs=0.001)
        assert sum(wrong) == pytest.approx(-100 if wrong and source.type == "multiple" else 0, abs=0.001)
        assert question.general_feedback == shown(source.explanation)


def moodle_questions(quiz_id):
    root = etree.fromstring(exported(quiz_id)["moodle.xml"])
    assert root.tag == "quiz"
    return root.findall("question")


def texts(element, path):
    return [t.text or "" for t in element.findall(path)]


@every_bank
def test_moodle_every_type_has_moodles_documented_structure(quiz_id):
    quiz = quizzes()[quiz_id]
    category, *questions = moodle_questions(quiz_id)
    assert category.get("type") == "category"
    assert category.findtext("category/text") == "$course$/top/" + quiz.title.replace("/", "//")
    assert len(questions) == len(parts(quiz))
    for element, (name, q, kind) in zip(questions, parts(quiz)):
        assert element.findtext("name/text") == name
        assert element.findtext("idnumber") == f"{quiz.id}/{q.id}"
        if kind == "case":
            assert element.get("type") == "description" and element.findtext("defaultgrade") == "0"
            assert element.findtext("questiontext/text") == block(q.prompt)
            continue
        assert element.get("type") == MOODLE_TYPES[kind]
        assert element.findtext("defaultgrade") == "1"
        assert element.find("questiontext").get("format") == "html"
        case = scenario_of(quiz, q)
        text = inline(q.prompt) if case is None else f"{block(case.prompt)}<p>{inline(q.prompt)}</p>"
        assert element.findtext("questiontext/text") == text
        assert (element.findtext("generalfeedback/text") or "") == inline(q.explanation)
        labels = [f"level-{q.level}", f"objective-{q.objective}"] if q.level else []
        assert texts(element, "tags/tag/text") == [*q.tags, q.difficulty, *labels]
        CHECK_MOODLE.get(kind, lambda e, q: None)(element, q)


def _moodle_true_false(element, q):
    answers = {a.findtext("text"): a for a in element.findall("answer")}
    assert set(answers) == {"true", "false"}
    assert answers[str(q.answer).lower()].get("fraction") == "100"
    assert answers[str(not q.answer).lower()].get("fraction") == "0"
    assert (answers[str(q.answer).lower()].findtext("feedback/text") or "") == inline(q.feedback_correct)


def _moodle_short_text(element, q):
    assert element.findtext("usecase") == "0"
    right = [a.findtext("text") for a in element.findall("answer") if a.get("fraction") == "100"]
    assert right == [a.replace("*", r"\*") for a in q.accept]
    others = [a.findtext("text") for a in element.findall("answer") if a.get("fraction") != "100"]
    assert others == (["*"] if q.feedback_incorrect else [])


def _moodle_numeric(element, q):
    answer = element.find("answer[@fraction='100']")
    assert float(answer.findtext("text")) == q.answer
    assert float(answer.findtext("tolerance")) == q.tolerance
    assert texts(element, "units/unit/unit_name") == ([q.unit] if q.unit else [])


def _moodle_matching(element, q):
    subquestions = element.findall("subquestion")
    assert [(s.findtext("text"), s.findtext("answer/text")) for s in subquestions] == [
        (inline(left), right) for left, right in q.pairs
    ]


def _moodle_ordering(element, q):
    assert element.findtext("gradingtype") == "ALL_OR_NOTHING" and element.findtext("selecttype") == "ALL"
    assert element.findtext("shownumcorrect") == "1"  # without it, Moodle's importer fails on a question with one hint
    answers = element.findall("answer")
    assert [a.findtext("text") for a in answers] == [inline(i) for i in q.items]
    assert [a.get("fraction") for a in answers] == [str(n) for n in range(1, len(q.items) + 1)]


CHECK_MOODLE = {
    "true-false": _moodle_true_false,
    "short-text": _moodle_short_text,
    "numeric": _moodle_numeric,
    "matching": _moodle_matching,
    "ordering": _moodle_ordering,
}


def test_moodle_hostile_text_stays_text():
    questions = moodle_questions("hostile")
    prompt = questions[1].findtext("questiontext/text")
    assert "<script" not in prompt and "&lt;script&gt;" in prompt and "<img" not in prompt
    assert 'href="javascript' not in questions[1].findtext("generalfeedback/text")


# GIFT ------------------------------------------------------------------------------------------------------------


def gift_questions(quiz_id):
    text = exported(quiz_id)["gift.txt"].decode()
    return text, gift_parser.parseFile(io.StringIO(text))


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text.strip())


@every_bank
def test_gift_read_back_by_pygiftparser(quiz_id):
    quiz = quizzes()[quiz_id]
    text, questions = gift_questions(quiz_id)
    assert f"$CATEGORY: $course$/top/{quiz.title.replace('/', '//')}\n" in text
    assert len(questions) == len(parts(quiz))
    for question, (name, q, kind) in zip(questions, parts(quiz)):
        assert question.valid and unescape(question.title) == name
        assert f"// [id:{quiz.id}/{q.id}]" in text
        if kind == "case":
            assert type(question.answers).__name__ == "Description"
            continue
        assert question.markup == "html"
        assert unescape(question.generalFeedback) == inline(q.explanation)
        CHECK_GIFT[kind](question.answers, q)


def _right(answers, minimum=100):
    return [unescape(a.answer) for a in answers.answers if a.fraction >= minimum]


def _gift_single(answers, q):
    assert type(answers).__name__ == "SelectSet"
    assert _right(answers) == [inline(o.text) for o in q.options if o.correct]
    assert [unescape(a.answer) for a in answers.answers] == [inline(o.text) for o in q.options]


def _gift_multiple(answers, q):
    assert type(answers).__name__ == "MultipleChoicesSet" and answers.checkValidity()
    assert _right(answers, minimum=0.001) == [inline(o.text) for o in q.options if o.correct]
    assert sum(a.fraction for a in answers.answers if a.fraction < 0) == pytest.approx(
        -100 if len(q.options) > sum(o.correct for o in q.options) else 0
    )


def _gift_true_false(answers, q):
    assert type(answers).__name__ == "TrueFalseSet" and answers.answer is q.answer
    assert unescape(answers.feedbackCorrect) == inline(q.feedback_correct)
    assert unescape(answers.feedbackWrong) == inline(q.feedback_incorrect)


def _pairs(answers):
    assert type(answers).__name__ == "MatchingSet"
    return [(unescape(a.question), unescape(a.answer)) for a in answers.answers]


def _gift_matching(answers, q):
    assert _pairs(answers) == [(inline(left), right) for left, right in q.pairs]


def _gift_ordering(answers, q):  # GIFT has no ordering type: each item is matched with its position
    assert _pairs(answers) == [(inline(item), str(n)) for n, item in enumerate(q.items, 1)]


def _gift_short_text(answers, q):
    # With feedback for wrong answers, a 0% catch-all '*' makes pygiftparser read a "select" set.
    assert type(answers).__name__ == ("SelectSet" if q.feedback_incorrect else "ShortSet")
    assert _right(answers) == [a.replace("*", r"\*") for a in q.accept]


def _gift_numeric(answers, q):
    assert type(answers).__name__ == "NumericAnswerSet"
    [answer] = answers.answers
    assert (answer.value, answer.tolerance, answer.fraction) == (q.answer, q.tolerance, 100)


CHECK_GIFT = {
    "single": _gift_single,
    "multiple": _gift_multiple,
    "true-false": _gift_true_false,
    "matching": _gift_matching,
    "ordering": _gift_ordering,
    "short-text": _gift_short_text,
    "numeric": _gift_numeric,
}


def test_gift_escapes_its_special_characters():
    quiz = load_quiz(TEST_BANKS[0])
    tricky = Question(
        id="tricky", type="short-text", prompt="Type {a}: ~b = #c \\d", accept=("x=y",), explanation="a:b"
    )
    text = render(bank_selection(quiz, [tricky]), ["gift"])["every-type.gift.txt"].decode()
    assert r"[html]Type \{a\}\: \~b \= \#c \\d{" in text
    assert r"=x\=y" in text and r"####a\:b" in text
    [question] = gift_parser.parseFile(io.StringIO(text))
    assert unescape(question.text) == "Type {a}: ~b = #c \\d"
    assert _right(question.answers) == ["x=y"] and unescape(question.generalFeedback) == "a:b"


# QTI 2.1 ---------------------------------------------------------------------------------------------------------


def qti_package(quiz_id) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(exported(quiz_id)["qti21.zip"]))


def q(tag):
    return f"{{{QTI}}}{tag}"


@every_bank
def test_qti_manifest_lists_every_file_and_every_item(quiz_id):
    quiz, package = quizzes()[quiz_id], qti_package(quiz_id)
    manifest = etree.fromstring(package.read("imsmanifest.xml"))
    assert manifest.tag == f"{{{CP}}}manifest"
    resources = manifest.findall(f"{{{CP}}}resources/{{{CP}}}resource")
    listed = {f.get("href") for r in resources for f in r.findall(f"{{{CP}}}file")}
    assert listed | {"imsmanifest.xml"} == set(package.namelist())
    assert all(r.get("href") in listed for r in resources)
    ids = [r.get("identifier") for r in resources]
    assert len(ids) == len(set(ids))
    items = [r for r in resources if r.get("type") == "imsqti_item_xmlv2p1"]
    scored = [(name, part) for name, part, kind in parts(quiz) if kind != "case"]
    assert [r.get("href") for r in items] == [f"items/{quiz.id}.{part.id}.xml" for _, part in scored]
    [test] = [r for r in resources if r.get("type") == "imsqti_test_xmlv2p1"]
    assert [d.get("identifierref") for d in test.findall(f"{{{CP}}}dependency")] == [r.get("identifier") for r in items]


ITEM_ORDER = ["responseDeclaration", "outcomeDeclaration", "itemBody", "responseProcessing", "modalFeedback"]


@every_bank
def test_qti_items_declare_what_they_use_and_hold_the_right_answers(quiz_id):
    quiz, package = quizzes()[quiz_id], qti_package(quiz_id)
    for name, part, kind in parts(quiz):
        if kind == "case":
            continue
        item = etree.fromstring(package.read(f"items/{quiz.id}.{part.id}.xml"))
        assert item.tag == q("assessmentItem") and item.get("identifier") == f"{quiz.id}.{part.id}"
        assert item.get("title") == name and item.get("adaptive") == "false" and item.get("timeDependent") == "false"
        assert all(el.tag.startswith(f"{{{QTI}}}") for el in item.iter(etree.Element))
        order = [ITEM_ORDER.index(child.tag.split("}")[1]) for child in item]
        assert order == sorted(order)
        responses = {d.get("identifier"): d for d in item.findall(q("responseDeclaration"))}
        outcomes = {d.get("identifier") for d in item.findall(q("outcomeDeclaration"))}
        assert "SCORE" in outcomes and all(d.find(q("correctResponse")) is not None for d in responses.values())
        interactions = [el for el in item.find(q("itemBody")).iter() if el.tag.endswith("Interaction")]
        assert [el.tag for el in interactions] == [q(INTERACTIONS[kind])]
        assert {el.get("responseIdentifier") for el in interactions} == set(responses)
        used = {
            el.get("identifier")
            for el in item.find(q("responseProcessing")).iter(q("variable"), q("correct"), q("mapResponse"))
        }
        assert used <= set(responses) | outcomes
        assert {el.get("identifier") for el in item.iter(q("setOutcomeValue"))} <= outcomes
        assert {el.get("outcomeIdentifier") for el in item.iter(q("modalFeedback"), q("feedbackInline"))} <= outcomes
        case = scenario_of(quiz, part)
        assert (item.find(f"{q('itemBody')}/{q('div')}[@class='case']") is not None) == (case is not None)
        CHECK_QTI[kind](interactions[0], responses["RESPONSE"], part)


def content(element) -> str:
    """An element's inner XHTML without the QTI namespace, as the renderer wrote it."""
    inner = (element.text or "") + "".join(
        etree.tostring(child, encoding="unicode", with_tail=True)
        for child in element
        if child.tag != q("feedbackInline")
    )
    return html.unescape(re.sub(r' xmlns="[^"]+"', "", inner.strip()))


def correct(response) -> list[str]:
    return [v.text for v in response.findall(f"{q('correctResponse')}/{q('value')}")]


def _qti_choices(interaction, response, part):
    choices = {c.get("identifier"): content(c) for c in interaction.findall(q("simpleChoice"))}
    if part.type == "true-false":
        assert correct(response) == [str(part.answer).lower()]
        return
    assert list(choices.values()) == [shown(o.text) for o in part.options]
    assert [choices[v] for v in correct(response)] == [shown(o.text) for o in part.options if o.correct]
    assert response.get("cardinality") == ("single" if part.type == "single" else "multiple")
    assert interaction.get("maxChoices") == ("1" if part.type == "single" else "0")


def _qti_ordering(interaction, response, part):
    choices = {c.get("identifier"): content(c) for c in interaction.findall(q("simpleChoice"))}
    assert response.get("cardinality") == "ordered"
    assert [choices[v] for v in correct(response)] == [shown(i) for i in part.items]


def _qti_matching(interaction, response, part):
    sets = [
        {c.get("identifier"): content(c) for c in s.findall(q("simpleAssociableChoice"))}
        for s in interaction.findall(q("simpleMatchSet"))
    ]
    assert response.get("baseType") == "directedPair"
    pairs = [value.split() for value in correct(response)]
    assert [(sets[0][left], sets[1][right]) for left, right in pairs] == [(shown(a), b) for a, b in part.pairs]


def _qti_text(interaction, response, part):
    if part.type == "numeric":
        assert response.get("baseType") == "float" and float(correct(response)[0]) == part.answer
        return
    entries = response.findall(f"{q('mapping')}/{q('mapEntry')}")
    assert [e.get("mapKey") for e in entries] == list(part.accept)
    assert {(e.get("mappedValue"), e.get("caseSensitive")) for e in entries} == {("1", "false")}


CHECK_QTI = {
    "single": _qti_choices,
    "multiple": _qti_choices,
    "true-false": _qti_choices,
    "ordering": _qti_ordering,
    "matching": _qti_matching,
    "short-text": _qti_text,
    "numeric": _qti_text,
}


def test_qti_numeric_tolerance_is_checked_in_response_processing():
    quiz = next(quiz for quiz in quizzes().values() for q_ in quiz.questions if q_.type == "numeric" and q_.tolerance)
    part = next(q_ for q_ in quiz.questions if q_.type == "numeric" and q_.tolerance)
    package = qti_package(quiz.id)
    item = etree.fromstring(package.read(f"items/{quiz.id}.{part.id}.xml"))
    equal = item.find(f".//{q('equal')}")
    assert equal.get("toleranceMode") == "absolute" and float(equal.get("tolerance")) == part.tolerance


@every_bank
def test_qti_test_references_every_item_and_keeps_scenarios_together(quiz_id):
    quiz, package = quizzes()[quiz_id], qti_package(quiz_id)
    test = etree.fromstring(package.read("assessment-test.xml"))
    assert test.tag == q("assessmentTest") and test.get("title") == quiz.title
    refs = test.findall(f".//{q('assessmentItemRef')}")
    assert [r.get("href") for r in refs] == [
        f"items/{quiz.id}.{p.id}.xml" for _, p, kind in parts(quiz) if kind != "case"
    ]
    assert all(r.get("href") in package.namelist() for r in refs)
    for scenario in (s for s in quiz.questions if s.type == "scenario"):
        section = test.find(f".//{q('assessmentSection')}[@identifier='{quiz.id}.{scenario.id}']")
        assert [r.get("identifier") for r in section] == [f"{quiz.id}.{s.id}" for s in scenario.steps]


# Every format ----------------------------------------------------------------------------------------------------


def test_same_input_gives_the_same_bytes(tmp_path):
    quiz = quizzes()["every-type"]
    first = write_exports(quiz.title, quiz, tmp_path / "a", name=quiz.id)
    second = write_exports(quiz.title, quiz, tmp_path / "b", name=quiz.id)
    assert [p.name for p in first] == ["every-type.gift.txt", "every-type.moodle.xml", "every-type.qti21.zip"]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    infos = zipfile.ZipFile(first[2]).infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_selection_from_several_banks_is_exported_under_a_new_title(tmp_path):
    banks = quizzes()
    picked = [(banks["every-type"], banks["every-type"].questions[0]), banks["conclusion"]]
    written = write_exports("Mid-term test", picked, tmp_path, ["moodle", "gift"])
    assert [p.name for p in written] == ["mid-term-test.gift.txt", "mid-term-test.moodle.xml"]
    root = etree.parse(str(written[1])).getroot()
    assert root.findtext("question/category/text") == "$course$/top/Mid-term test"
    names = [t.text for t in root.findall("question/name/text")]
    assert names == ["every-type/pick-one"] + [
        f"conclusion/{q_.id}" for q_ in banks["conclusion"].questions if q_.type != "scenario"
    ]


def line_of(path: Path, question_id: str) -> int:
    lines = path.read_text().splitlines()
    return next(n for n, line in enumerate(lines, 1) if re.search(rf"- id: {question_id}$", line))


@pytest.mark.parametrize(
    "bank, question, formats",
    [
        ("too-many-options", "eleven-right", ["Moodle XML", "GIFT"]),
        ("image-in-step", "a-case-picture", ["Moodle XML", "GIFT", "QTI 2.1"]),
    ],
)
def test_a_question_that_cannot_be_expressed_fails_clearly_and_writes_nothing(tmp_path, bank, question, formats):
    path = CANNOT / f"{bank}.yml"
    quiz = load_quiz(path)
    (tmp_path / f"{bank}.moodle.xml").write_text("an older export")
    with pytest.raises(ExportError) as error:
        write_exports(quiz.title, quiz, tmp_path, name=quiz.id)
    where = f"{path}:{line_of(path, question)}:1: question '{question}' cannot be exported to"
    assert str(error.value).splitlines() == [line for line in str(error.value).splitlines() if line.startswith(where)]
    assert [p.message.split(": ")[0].split(" to ")[1] for p in error.value.problems] == formats
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{bank}.moodle.xml"]
    assert (tmp_path / f"{bank}.moodle.xml").read_text() == "an older export"


def test_a_format_that_can_express_the_bank_is_still_written(tmp_path):
    quiz = load_quiz(CANNOT / "too-many-options.yml")
    assert [p.name for p in write_exports(quiz.title, quiz, tmp_path, ["qti"], name=quiz.id)] == [
        "too-many-options.qti21.zip"
    ]


# The command -----------------------------------------------------------------------------------------------------


def export(*args) -> int:
    parser = argparse.ArgumentParser()
    add_command(parser.add_subparsers(required=True))
    parsed = parser.parse_args(["export", *map(str, args)])
    return parsed.run(parsed)


@pytest.fixture
def labels_book(tmp_path) -> Path:
    book = tmp_path / "book"
    book.mkdir()
    (book / "index.md").write_text("(sec-a)=\n# A\n\n(sec-b)=\n# B\n")
    return book


def test_the_command_exports_every_real_bank(tmp_path, capsys):
    assert export("--quizzes", ROOT / "quizzes", "--book", BOOK, "--out", tmp_path) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"{p.stem}{suffix}" for p in REAL for suffix in (".moodle.xml", ".gift.txt", ".qti21.zip"))
    captured = capsys.readouterr()
    assert f"{len(names)} file(s) written" in captured.out and "Exporting question banks" in captured.err


def test_the_command_writes_only_the_chosen_format(tmp_path, labels_book):
    assert export(TEST_BANKS[0], "--book", labels_book, "--out", tmp_path / "out", "--format", "gift") == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["every-type.gift.txt"]


def test_the_command_fails_with_file_and_line_and_writes_nothing(tmp_path, labels_book, capsys):
    bad = CANNOT / "too-many-options.yml"
    assert export(TEST_BANKS[0], bad, "--book", labels_book, "--out", tmp_path / "out") == 1
    err = capsys.readouterr().err
    assert f"{bad}:{line_of(bad, 'eleven-right')}:1: question 'eleven-right' cannot be exported to Moodle XML" in err
    assert "2 question(s) cannot be exported; nothing was written" in err
    assert not (tmp_path / "out").exists()


def test_the_command_fails_on_a_bad_bank(tmp_path, labels_book, capsys):
    bad = TESTS / "banks" / "bad" / "duplicate-id.yml"
    assert export(bad, "--book", labels_book, "--out", tmp_path / "out") == 1
    assert f"{bad}:" in (err := capsys.readouterr().err) and "duplicate question id" in err
    assert not (tmp_path / "out").exists()
