"""A French build: the quiz, the objectives and the diagnostic read their texts from the catalogues,
check answers as the English do, and an incomplete translation fails the build at its entry."""

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup

from cpch.build import build_site
from cpch.i18n.catalogues import extract
from cpch.i18n.sources import Source
from cpch.quiz.answer_key import decode_key
from cpch.serve import serve_in_background

TESTS = Path(__file__).parent
FRENCH = TESTS / "i18n" / "locales" / "fr" / "LC_MESSAGES"


def lay_out(root: Path) -> Path:
    """The French test book with its banks, diagnostic and catalogues, laid out as in tests/."""
    for folder in ("banks", "diagnostic", "i18n"):
        shutil.copytree(TESTS / folder, root / folder)
    shutil.copytree(TESTS / "roots" / "i18n", root / "roots" / "i18n")
    return root / "roots" / "i18n"


def build(book: Path, capsys):
    out = book.parent.parent / "out" / "html"
    status = build_site(book, out, book, jobs="1")
    return status, out, capsys.readouterr().err


def english_texts(name: str) -> list[str]:
    """The English of the fixture catalogue's entries whose French differs (whole words)."""
    with open(FRENCH / f"{name}.po", "rb") as file:
        return [m.id for m in read_po(file) if m.id and m.string != m.id and "<" not in m.id]


@pytest.fixture()
def book(tmp_path):
    return lay_out(tmp_path)


def change_entry(book: Path, name: str, context: str, change) -> int:
    """Apply `change` to one entry of a copied catalogue; return the entry's line."""
    path = book.parent.parent / "i18n" / "locales" / "fr" / "LC_MESSAGES" / f"{name}.po"
    with open(path, "rb") as file:
        catalogue = read_po(file)
    for message in catalogue:
        if message.context == context:
            change(message)
    with open(path, "wb") as file:
        write_po(file, catalogue)
    with open(path, "rb") as file:
        return next(m.lineno for m in read_po(file) if m.context == context)


def test_the_page_shows_only_french_texts(book, capsys):
    status, out, err = build(book, capsys)
    assert status == 0, err
    page = (out / "index.html").read_text()
    text = BeautifulSoup(page, "html.parser").get_text(" ")
    assert "De quelle couleur est le ciel par temps clair ?" in " ".join(text.replace(" ?", " ?").split())
    assert "Rangez ces nombres dans l'ordre" in text and "Huilez les gonds." in text and "Petit contrôle" in page
    for english in english_texts("every-type") + english_texts("small"):
        for line in english.split("\n"):
            assert not re.search(rf"\b{re.escape(line.strip())}\b", text), line
    assert '<html lang="fr"' in page
    assert "Vérifier les réponses" in page  # the controls speak French too


def test_the_answer_key_is_the_english_one_with_french_words(book, capsys):
    status, out, err = build(book, capsys)
    assert status == 0, err
    page = (out / "index.html").read_text()
    key = decode_key(re.search(r'data-key="([^"]+)"', page).group(1), "every-type", 2)
    assert key["pick-one"]["correct"] == [0] and key["pick-many"]["correct"] == [0, 1]
    assert key["pick-one"]["feedback"][0] == "Oui, bleu."
    assert key["type-it"]["correct"] == ["Paris", "Ville de Paris"]  # the French, and the English still
    assert "Le ciel paraît bleu" in key["pick-one"]["explanation"]


@pytest.mark.parametrize(
    "name, context, change, message",
    [
        ("every-type", "pick-one.hint", lambda m: setattr(m, "string", ""), "'pick-one.hint' is not translated"),
        ("every-type", "type-it.prompt", lambda m: m.flags.add("fuzzy"), "'type-it.prompt' is fuzzy"),
        ("small", "Q.2.1.options.green", lambda m: setattr(m, "string", "Rouge"), "two options cannot read the same"),
    ],
)
def test_an_incomplete_translation_fails_the_build_at_its_entry(book, capsys, name, context, change, message):
    line = change_entry(book, name, context, change)
    status, _, err = build(book, capsys)
    assert status != 0
    assert re.search(rf"i18n/locales/fr/LC_MESSAGES/{name}\.po:{line}:1: .*{re.escape(message)}", err), err


def test_a_missing_catalogue_fails_the_build(book, capsys):
    (book.parent.parent / "i18n" / "locales" / "fr" / "LC_MESSAGES" / "small.po").unlink()
    status, _, err = build(book, capsys)
    assert status != 0
    assert "LC_MESSAGES/small.po:1:1: no catalogue for" in err and "run `cpch i18n extract --language fr`" in err


def test_editing_a_translation_rebuilds_the_page(book, capsys):
    status, out, err = build(book, capsys)
    assert status == 0, err
    change_entry(
        book, "every-type", "count-it.prompt", lambda m: setattr(m, "string", "Combien de jours a une semaine ?")
    )
    status, out, err = build(book, capsys)
    assert status == 0, err
    assert "Combien de jours a une semaine ?" in (out / "index.html").read_text()


# ---- In Chromium: the French quiz checks answers exactly as the English one does (test_quiz_browser) ----

RIGHT = {
    "pick-one": ("choose", ["Bleu"]),
    "pick-many": ("choose", ["2", "3"]),
    "true-or-false": ("choose", ["Vrai"]),
    "put-in-order": ("select", {"Un": "1", "Deux": "2", "Trois": "3", "Quatre": "4"}),
    "match-them": ("select", {"Chat": "Miaou", "Chien": "Ouaf", "Vache": "Meuh"}),
    "type-it": ("type", "ville de paris"),
    "count-it": ("type", "7"),
    "a-case-first": ("choose", ["Elle ramasse la clé"]),
    "a-case-then": ("choose", ["Vrai"]),
}
WRONG = {
    "pick-one": ("choose", ["Vert"]),
    "pick-many": ("choose", ["2", "4"]),
    "true-or-false": ("choose", ["Faux"]),
    "put-in-order": ("select", {"Un": "2", "Deux": "1", "Trois": "3", "Quatre": "4"}),
    "match-them": ("select", {"Chat": "Ouaf", "Chien": "Miaou", "Vache": "Meuh"}),
    "type-it": ("type", "Lyon"),
    "count-it": ("type", "6"),
    "a-case-first": ("choose", ["Elle s'en va"]),
    "a-case-then": ("choose", ["Faux"]),
}


@pytest.fixture(scope="session")
def french_url(tmp_path_factory):
    book = lay_out(tmp_path_factory.mktemp("french"))
    out = book.parent.parent / "out" / "html"
    assert build_site(book, out, book, jobs="1") == 0
    server, url = serve_in_background(out)
    yield url + "index.html"
    server.shutdown()


def answer(page, answers) -> str:
    for qid, (how, value) in answers.items():
        item = page.locator(f'.quiz-question[data-question="{qid}"]')
        if how == "choose":
            for label in item.locator(".quiz-option label").all():
                if (label.text_content() in value) != label.locator("xpath=../input").is_checked():
                    label.click()
        elif how == "select":
            for left, right in value.items():
                item.get_by_label(left, exact=True).select_option(label=right)
        else:
            item.get_by_label("Votre réponse").fill(value)
    page.get_by_role("button", name="Vérifier les réponses").click()
    return page.locator(".quiz-result").inner_text()


@pytest.mark.parametrize(
    "answers, score, result", [(RIGHT, "9 sur 9 (100 %)", "correct"), (WRONG, "0 sur 9 (0 %)", "incorrect")]
)
def test_the_french_quiz_checks_answers_as_the_english_one(browser, french_url, answers, score, result):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    errors: list[str] = []
    # Sphinx's French translations.js needs doctools.js, which the theme leaves out: the site's
    # business (branch i18n-site), not the quiz's, so only the quiz's own errors count here.
    page.on("pageerror", lambda error: "translations.js" in (error.stack or "") or errors.append(str(error)))
    page.goto(french_url)
    summary = answer(page, answers)
    assert f"Vous avez obtenu {score}" in summary
    states = {
        qid: page.locator(f'.quiz-question[data-question="{qid}"]').get_attribute("data-result") for qid in answers
    }
    assert states == dict.fromkeys(answers, result)
    assert errors == []
    page.close()


def test_objectives_come_from_the_translated_bank(book, capsys):
    root = book.parent.parent
    bank = root / "banks" / "good" / "every-type.yml"
    bank.write_text(
        bank.read_text().replace("questions:\n", "objectives:\n  colours: name the colour of things.\nquestions:\n", 1)
    )
    extract(Source(bank, "bank"), root / "i18n" / "locales", "fr")
    change_entry(
        book, "every-type", "objective.colours", lambda m: setattr(m, "string", "nommer la couleur des choses.")
    )
    page = book / "index.md"
    page.write_text(page.read_text().replace("# Section A\n", "# Section A\n\n```{objectives} every-type\n```\n", 1))
    status, out, err = build(book, capsys)
    assert status == 0, err
    html = (out / "index.html").read_text()
    assert 'id="objective-every-type-colours"' in html and "nommer la couleur des choses." in html
    assert "name the colour" not in html


def test_a_draft_preview_shows_an_untranslated_bank_in_english(book, capsys):
    (book.parent.parent / "i18n" / "locales" / "fr" / "LC_MESSAGES" / "small.po").unlink()
    change_entry(book, "every-type", "pick-one.hint", lambda m: setattr(m, "string", ""))
    with open(book / "conf.py", "a") as conf:
        conf.write("cpch_quiz_draft_translations = True\n")
    status, out, err = build(book, capsys)
    assert status == 0, err
    page = (out / "index.html").read_text()
    assert "Which colour is the <em>sky</em>" in page and "Is the door open?" in page


def test_a_book_whose_banks_are_in_its_own_language_needs_no_catalogue(book, capsys):
    shutil.rmtree(book.parent.parent / "i18n" / "locales")
    with open(book / "conf.py", "a") as conf:
        conf.write('cpch_quiz_language = "fr"  # as if the banks were written in French\n')
    status, out, err = build(book, capsys)
    assert status == 0, err
    assert "Which colour is the <em>sky</em>" in (out / "index.html").read_text()
