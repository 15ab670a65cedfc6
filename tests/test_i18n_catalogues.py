"""`cpch i18n extract|check`: catalogues of the banks', diagnostic's and modules' texts.

The fixture catalogues in tests/i18n/locales translate tests/banks/good/every-type.yml,
tests/diagnostic/good/small.yml and tests/modules/good/modules.yml.
"""

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from cpch.cli import main

TESTS = Path(__file__).parent
BANK = TESTS / "banks" / "good" / "every-type.yml"
DIAGNOSTIC = TESTS / "diagnostic" / "good" / "small.yml"
MODULES = TESTS / "modules" / "good" / "modules.yml"
LOCALES = TESTS / "i18n" / "locales"
FRENCH = LOCALES / "fr" / "LC_MESSAGES"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with one bank, the diagnostic, modules.yml and the fixture French catalogues."""
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "book").mkdir()
    shutil.copy(BANK, tmp_path / "quizzes" / BANK.name)
    shutil.copy(MODULES, tmp_path / "quizzes" / "modules.yml")
    shutil.copy(DIAGNOSTIC, tmp_path / "book" / "diagnostic.yml")
    target = tmp_path / "quizzes" / "locales" / "fr" / "LC_MESSAGES"
    target.mkdir(parents=True)
    shutil.copy(FRENCH / "every-type.po", target)
    shutil.copy(FRENCH / "modules.po", target)
    shutil.copy(FRENCH / "small.po", target / "diagnostic.po")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def catalogue(name: str):
    with open(Path("quizzes/locales/fr/LC_MESSAGES") / f"{name}.po", "rb") as file:
        return read_po(file)


def edit(name: str, change) -> None:
    path = Path("quizzes/locales/fr/LC_MESSAGES") / f"{name}.po"
    messages = catalogue(name)
    for message in messages:
        if message.id:
            change(message)
    with open(path, "wb") as file:
        write_po(file, messages)


def test_extract_lists_texts_by_id_and_never_answer_keys(tmp_path, monkeypatch, capsys):
    for folder in ("quizzes", "book"):
        (tmp_path / folder).mkdir()
    shutil.copy(BANK, tmp_path / "quizzes")
    monkeypatch.chdir(tmp_path)
    assert main(["i18n", "extract", "--language", "fr", "every-type"]) == 0
    assert "every-type.po: created" in capsys.readouterr().out
    messages = {m.context: m for m in catalogue("every-type") if m.id}
    assert messages["pick-one.options.1.text"].id == "Blue"
    assert messages["pick-one.options.1.text"].locations == [("quizzes/every-type.yml", 16)]
    assert messages["match-them.pairs.2.right"].id == "Woof"
    assert messages["put-in-order.items.3"].id == "Three"
    assert messages["type-it.accept"].id == "Paris"
    assert messages["a-case-first.prompt"].id == "What do they do first?"
    assert messages["count-it.unit"].id == "days"
    ids = {m.id for m in messages.values()}
    # ids, sources, tags, difficulty, answers and tolerances are not texts to translate
    assert not ids & {"pick-one", "sec-a", "colours", "easy", "hard", "7", "True", "true", "single"}
    assert all(m.string == "" and not m.fuzzy for m in messages.values())
    assert catalogue("every-type").locale_identifier == "fr"


def test_fixture_catalogues_are_complete(project, capsys):
    assert main(["i18n", "check", "--language", "fr"]) == 0, capsys.readouterr().err
    assert "3 catalogue(s) in 'fr': complete" in capsys.readouterr().out


def test_extract_keeps_translations_and_marks_changed_english_fuzzy(project, capsys):
    bank = project / "quizzes" / "every-type.yml"
    bank.write_text(bank.read_text().replace("How many days are there in a week?", "How many days make a week?"))
    assert main(["i18n", "extract", "--language", "fr", "every-type"]) == 0
    messages = {m.context: m for m in catalogue("every-type") if m.id}
    changed = messages["count-it.prompt"]
    assert changed.fuzzy and changed.string == "Combien de jours compte une semaine ?"
    assert "Previous English: How many days are there in a week?" in changed.auto_comments
    assert not messages["count-it.unit"].fuzzy and messages["count-it.unit"].string == "jours"
    assert main(["i18n", "extract", "--language", "fr", "every-type"]) == 0  # still fuzzy, still explained
    assert "every-type.po: unchanged" in capsys.readouterr().out
    capsys.readouterr()
    assert main(["i18n", "check", "--language", "fr", "every-type"]) == 1
    err = capsys.readouterr().err
    line = next(m.lineno for m in catalogue("every-type") if m.context == "count-it.prompt")
    assert f"quizzes/locales/fr/LC_MESSAGES/every-type.po:{line}:1: 'count-it.prompt' is fuzzy" in err
    assert "1 problem(s) found" in err


def test_extract_twice_changes_nothing(project, capsys):
    assert main(["i18n", "extract", "--language", "fr", "every-type"]) == 0
    before = Path("quizzes/locales/fr/LC_MESSAGES/every-type.po").read_bytes()
    assert main(["i18n", "extract", "--language", "fr", "every-type"]) == 0
    assert "every-type.po: unchanged" in capsys.readouterr().out
    assert Path("quizzes/locales/fr/LC_MESSAGES/every-type.po").read_bytes() == before


def test_a_removed_question_becomes_obsolete(project):
    bank = project / "quizzes" / "every-type.yml"
    text = bank.read_text()
    bank.write_text(text[: text.index("  - id: count-it")] + text[text.index("  - id: a-case") :])
    assert main(["i18n", "extract", "--language", "fr", "every-type"]) == 0
    messages = catalogue("every-type")
    assert "count-it.prompt" not in {m.context for m in messages}
    assert "count-it.prompt" in {m.context for m in messages.obsolete.values()}
    assert main(["i18n", "check", "--language", "fr", "every-type"]) == 0


@pytest.mark.parametrize(
    "context, french, message",
    [
        ("pick-one.options.2.text", "", "'pick-one.options.2.text' is not translated"),
        ("pick-one.options.2.text", "Bleu", "'pick-one.options.2.text' is translated like 'pick-one.options.1.text'"),
        ("put-in-order.items.4", "Un", "two items cannot read the same"),
        ("match-them.pairs.3.right", "Miaou", "two right texts cannot read the same"),
        ("pick-one.prompt", "De quelle couleur est le ciel ?", "keep the English's **bold** and *emphasis* marks"),
        ("pick-one.hint", "Levez\nles yeux.", "the English fits on one line: so must the translation"),
        ("type-it.accept", "Paris\n\nParigi", "one accepted answer per line, with no empty line"),
        ("type-it.accept", "Paris\nParis", "an accepted answer is listed twice"),
        ("title", "Chaque\x07type", "the control character U+0007"),
    ],
)
def test_check_reports_a_bad_entry_at_its_line(project, capsys, context, french, message):
    edit("every-type", lambda m: setattr(m, "string", french) if m.context == context else None)
    line = next(m.lineno for m in catalogue("every-type") if m.context == context)
    assert main(["i18n", "check", "--language", "fr", "every-type"]) == 1
    err = capsys.readouterr().err
    assert f"quizzes/locales/fr/LC_MESSAGES/every-type.po:{line}:1: " in err
    assert message in err


def test_check_reports_missing_entries_at_the_source(project, capsys):
    edit("modules", lambda m: None)
    path = Path("quizzes/locales/fr/LC_MESSAGES/modules.po")
    text = path.read_text()
    path.write_text(text[: text.rindex("#:", 0, text.index('msgctxt "mod-b.title"'))])  # drop the last entry
    assert main(["i18n", "check", "--language", "fr", "modules"]) == 1
    err = capsys.readouterr().err
    assert "quizzes/modules.yml:9:1: 'mod-b.title' has no entry in quizzes/locales/fr/LC_MESSAGES/modules.po" in err


def test_check_reports_an_unreadable_catalogue_and_a_missing_one(project, capsys):
    Path("quizzes/locales/fr/LC_MESSAGES/modules.po").write_text('msgid "a"\nmsgstr "b"\nnonsense\n')
    Path("quizzes/locales/fr/LC_MESSAGES/diagnostic.po").unlink()
    assert main(["i18n", "check", "--language", "fr"]) == 1
    err = capsys.readouterr().err
    assert "quizzes/locales/fr/LC_MESSAGES/modules.po:3:1: not a valid catalogue" in err
    assert "quizzes/locales/fr/LC_MESSAGES/diagnostic.po:1:1: no catalogue for book/diagnostic.yml" in err


def test_unknown_names_and_languages_are_refused(project, capsys):
    assert main(["i18n", "extract", "--language", "fr", "no-such-bank"]) == 1
    assert "no-such-bank: no bank, diagnostic or modules file of that name" in capsys.readouterr().err
    assert main(["i18n", "check", "--language", "en"]) == 1
    assert main(["i18n", "check", "--language", "../x"]) == 1
