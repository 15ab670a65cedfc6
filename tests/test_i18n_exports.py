"""Exports in French, and the Moodle XML bank carrying English and French in each question.

The French every-type bank (fixture catalogue tests/i18n/locales) passes the checks every export
passes (lxml, pygiftparser, gift-pegjs, the QTI 2.1 schemas); test_exports.py runs its per-format
tests on it too ("every-type-fr").
"""

import argparse
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from lxml import etree

from conftest import ROOT
from cpch.exports import bank_selection, render
from cpch.exports.command import add_command
from cpch.exports.multilang import render as render_multilang
from cpch.i18n.catalogues import extract
from cpch.i18n.localized import load_quiz_in
from cpch.i18n.sources import Source
from cpch.quiz import load_quiz
from cpch.quiz.banks import bank_files
from export_checks import GiftPegjs, check_gift, check_moodle, check_qti

TESTS = Path(__file__).parent
BANK = TESTS / "banks" / "good" / "every-type.yml"
LOCALES = TESTS / "i18n" / "locales"
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
SPANS = '<span lang="en" class="multilang">{}</span><span lang="fr" class="multilang">{}</span>'


@pytest.fixture(scope="session")
def banks():
    return load_quiz(BANK), load_quiz_in(BANK, "fr", LOCALES)


@pytest.fixture(scope="session")
def pegjs():
    parser = GiftPegjs()
    yield parser
    parser.close()


def test_french_exports_pass_every_check_and_keep_the_ids(banks, pegjs):
    english, french = banks
    files = render(bank_selection(french, language="fr"))
    assert sorted(files) == ["every-type-fr.gift.txt", "every-type-fr.moodle.xml", "every-type-fr.qti21.zip"]
    picked = [(french, q) for q in french.questions]  # the same names and id numbers as the English
    check_moodle(files["every-type-fr.moodle.xml"], picked)
    check_gift(files["every-type-fr.gift.txt"], picked, pegjs)
    check_qti(files["every-type-fr.qti21.zip"])
    english_files = render(bank_selection(english))
    check_moodle(english_files["every-type.moodle.xml"], picked)


def test_french_exports_say_french_words(banks):
    _, french = banks
    files = render(bank_selection(french, language="fr"))
    gift = files["every-type-fr.gift.txt"].decode()
    assert "Associez chaque élément à sa position (1 est le premier)." in gift
    assert "$CATEGORY: $course$/top/Chaque type de question" in gift
    package = zipfile.ZipFile(io.BytesIO(files["every-type-fr.qti21.zip"]))
    item = etree.fromstring(package.read("items/every-type.true-or-false.xml"))
    assert item.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert [c.text for c in item.iter(f"{QTI}simpleChoice")] == ["Vrai", "Faux"]
    moodle = etree.fromstring(files["every-type-fr.moodle.xml"])
    short = moodle.find("question[@type='shortanswer']")
    assert [a.findtext("text") for a in short.findall("answer")] == ["Paris", "Ville de Paris"]


def test_the_multilang_bank_carries_both_languages_in_each_text(banks):
    english, french = banks
    data = render_multilang([bank_selection(english), bank_selection(french, language="fr")])
    root = etree.fromstring(data)
    check_moodle(data, [(english, q) for q in english.questions])
    assert root.findtext("question/category/text") == "$course$/top/Every question type | Chaque type de question"
    one = root.xpath("question[name/text='every-type/pick-one']")[0]
    assert one.findtext("questiontext/text") == SPANS.format(
        "Which colour is the <em>sky</em> on a clear day?", "De quelle couleur est le <em>ciel</em> par temps clair ?"
    )
    assert [a.findtext("text") for a in one.findall("answer")] == [
        SPANS.format("Blue", "Bleu"),
        SPANS.format("Green", "Vert"),
        SPANS.format("Red", "Rouge"),
    ]
    assert [a.get("fraction") for a in one.findall("answer")] == ["100", "0", "0"]
    assert one.findtext("hint/text") == SPANS.format("Look up.", "Levez les yeux.")
    many = root.xpath("question[name/text='every-type/pick-many']")[0]
    assert [a.findtext("text") for a in many.findall("answer")] == ["2", "3", "4"]  # the same in both: once
    match = root.find("question[@type='matching']")
    assert match.findtext("subquestion/answer/text") == SPANS.format("Meow", "Miaou")
    short = root.find("question[@type='shortanswer']")
    assert [a.findtext("text") for a in short.findall("answer")] == ["Paris", "Ville de Paris"]
    numeric = root.find("question[@type='numerical']")
    assert numeric.findtext("answer/text") == "7" and numeric.findtext("units/unit/unit_name") == "days"
    truefalse = root.find("question[@type='truefalse']")
    assert [a.findtext("text") for a in truefalse.findall("answer")] == ["true", "false"]
    assert [t.text for t in root.iter("tag")] == [
        t.text for t in etree.fromstring(render(bank_selection(english))["every-type.moodle.xml"]).iter("tag")
    ]


def export(*args) -> int:
    parser = argparse.ArgumentParser()
    add_command(parser.add_subparsers(required=True))
    parsed = parser.parse_args(["export", *map(str, args)])
    return parsed.run(parsed)


@pytest.fixture
def project(tmp_path):
    """A bank, a book with its section labels, and its French catalogue beside it (quizzes/locales)."""
    (tmp_path / "quizzes").mkdir()
    shutil.copy(BANK, tmp_path / "quizzes")
    shutil.copytree(LOCALES, tmp_path / "quizzes" / "locales")
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "index.md").write_text("(sec-a)=\n# A\n\n(sec-b)=\n# B\n")
    return tmp_path


def test_the_command_writes_french_and_multilang_files_beside_the_english(project, capsys):
    out = project / "out"
    common = ("--quizzes", project / "quizzes", "--book", project / "book", "--out", out)
    assert export(*common) == 0
    assert export(*common, "--language", "fr", "--multilang") == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "every-type-en-fr.moodle.xml",
        "every-type-fr.gift.txt",
        "every-type-fr.moodle.xml",
        "every-type-fr.qti21.zip",
        "every-type.gift.txt",
        "every-type.moodle.xml",
        "every-type.qti21.zip",
    ]
    assert "4 file(s) written" in capsys.readouterr().out


def test_an_incomplete_translation_fails_the_export_and_writes_nothing(project, capsys):
    path = project / "quizzes" / "locales" / "fr" / "LC_MESSAGES" / "every-type.po"
    with open(path, "rb") as file:
        catalogue = read_po(file)
    for message in catalogue:
        if message.context == "match-them.pairs.2.right":
            message.flags.add("fuzzy")
    with open(path, "wb") as file:
        write_po(file, catalogue)
    with open(path, "rb") as file:
        line = next(m.lineno for m in read_po(file) if m.context == "match-them.pairs.2.right")
    out = project / "out"
    args = ("--quizzes", project / "quizzes", "--book", project / "book", "--out", out, "--language", "fr")
    assert export(*args) == 1
    err = capsys.readouterr().err
    assert f"{path}:{line}:1: 'match-them.pairs.2.right' is fuzzy" in err
    assert "nothing was written" in err and not out.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (("--multilang",), "--multilang needs --language"),
        (("--language", "fr fr"), "use a language code such as en, fr or fr_CA"),
    ],
)
def test_bad_language_options_are_refused(project, capsys, args, message):
    assert export("--quizzes", project / "quizzes", "--book", project / "book", *args) == 1
    assert message in capsys.readouterr().err


def pseudo_translate(locales: Path, source: Source) -> None:
    """Every text of `source` 'translated' as « text » (accepted answers as given plus « answer »)."""
    path, _ = extract(source, locales, "fr")
    with open(path, "rb") as file:
        catalogue = read_po(file)
    for message in catalogue:
        if message.id:
            lines = message.id.split("\n") if message.context.endswith(".accept") else [message.id]
            message.string = "\n".join(f"« {line} »" for line in lines)
    with open(path, "wb") as file:
        write_po(file, catalogue)


@pytest.mark.parametrize("path", bank_files(ROOT / "quizzes"), ids=lambda p: p.stem)
def test_every_real_bank_translated_exports_in_every_format(path, tmp_path, pegjs):
    """The real banks' structures (scenarios, long options, units...) survive a translation and its export."""
    pseudo_translate(tmp_path, Source(path, "bank"))
    english, french = load_quiz(path), load_quiz_in(path, "fr", tmp_path)
    assert [q.id for q in french.questions] == [q.id for q in english.questions]
    files = render(bank_selection(french, language="fr"))
    picked = [(french, q) for q in french.questions]
    check_moodle(files[f"{english.id}-fr.moodle.xml"], picked)
    check_gift(files[f"{english.id}-fr.gift.txt"], picked, pegjs)
    check_qti(files[f"{english.id}-fr.qti21.zip"])
    both = etree.fromstring(render_multilang([bank_selection(english), bank_selection(french, language="fr")]))
    check_moodle(etree.tostring(both), [(english, q) for q in english.questions])
    assert "« " not in "".join(t.text or "" for t in both.iter("name", "idnumber"))
