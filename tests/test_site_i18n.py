"""The bilingual site: one folder per language, a page to choose one, the same page in the other
language one link away, French search with French stemming, and a translated edition that is
whole or fails the build (on a small test book, so these tests do not wait for the handbook's
translations)."""

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup

from browser import PHONE, cold_load
from conftest import ROOT
from cpch.build import build_edition, site_languages
from cpch.page_catalogues import main as i18n_main
from cpch.serve import serve_in_background

BOOK = Path(__file__).resolve().parent / "roots" / "bilingual"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def copy_test_book(tmp_path: Path) -> Path:
    book = tmp_path / "book"
    shutil.copytree(BOOK, book)
    return book


def edit_catalogue(book: Path, name: str, change) -> None:
    path = book / "locales" / "fr" / "LC_MESSAGES" / name
    with path.open("rb") as file:
        catalogue = read_po(file)
    change(catalogue)
    with path.open("wb") as file:
        write_po(file, catalogue)


@pytest.fixture(scope="session")
def bilingual(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bilingual") / "html"
    assert build_edition(BOOK, out, BOOK, jobs="1") == 0
    return out


def test_each_language_has_its_folder_and_the_root_lets_the_reader_choose(bilingual):
    assert (bilingual / "en" / "index.html").is_file() and (bilingual / "fr" / "index.html").is_file()
    chooser = soup(bilingual / "index.html")
    links = {a["hreflang"]: (a["href"], a.get_text(" ", strip=True)) for a in chooser.select("main a")}
    assert links["en"] == ("en/index.html", "English — Bilingual test book")
    assert links["fr"] == ("fr/index.html", "Français — Livre de test bilingue")
    assert not chooser.find("script"), "the chooser works without JavaScript"


def test_every_page_says_its_language(bilingual):
    for language in ("en", "fr"):
        for page in pages(bilingual / language):
            assert soup(page).html["lang"] == language, page


def test_the_language_links_lead_to_the_same_page(bilingual):
    for page in pages(bilingual / "fr"):
        name = page.relative_to(bilingual / "fr").as_posix()
        document = soup(page)
        if name == "genindex.html" or document.find("header") is None:
            continue
        link = document.select_one("header a.language-link")
        assert link["hreflang"] == "en" and link["lang"] == "en"
        target = (page.parent / link["href"]).resolve()
        assert target == (bilingual / "en" / name).resolve() and target.is_file(), (name, link["href"])
        alternates = {a["hreflang"]: a["href"] for a in document.select('link[rel="alternate"]')}
        assert (page.parent / alternates["en"]).resolve() == target
        assert (page.parent / alternates["fr"]).resolve() == page.resolve()
        assert (page.parent / alternates["x-default"]).resolve() == (bilingual / "index.html").resolve()


def test_the_french_edition_is_french_to_its_buttons_title_and_figures(bilingual):
    page = soup(bilingual / "fr" / "travel" / "documents.html")
    assert page.select_one(".skip-link").get_text() == "Aller au contenu"
    assert page.select_one(".site-title .title-long").get_text() == "Livre de test bilingue"
    text = page.select_one("main").get_text()
    assert "Les agents vérifient chaque passeport dans la base de données d’SLTD." in text, "an apostrophe, not ”"
    figure = page.select_one("main img")
    assert figure["alt"] == "Un plan avec deux cases reliées par une flèche."
    assert figure["src"].endswith("plan.fr.svg"), "name.fr.svg replaces name.svg in French"
    assert soup(bilingual / "en" / "travel" / "documents.html").select_one("main img")["src"].endswith("/plan.svg")
    offline = page.select_one(".offline")
    assert offline["data-save"] == "Enregistrer le manuel pour le lire hors connexion ({size})"
    manifest = (bilingual / "fr" / "manifest.webmanifest").read_text(encoding="utf-8")
    assert '"lang": "fr"' in manifest and '"name": "Livre de test bilingue"' in manifest


def test_each_language_has_its_own_offline_worker(bilingual):
    for language in ("en", "fr"):
        worker = (bilingual / language / "sw.js").read_text(encoding="utf-8")
        assert '"travel/documents.html"' in worker, language  # addresses within its own folder


def break_catalogues(book: Path) -> None:
    def fuzzy(catalogue):
        catalogue["Stolen and Lost Travel Documents database."].flags.add("fuzzy")

    edit_catalogue(book, "glossary.po", fuzzy)
    edit_catalogue(
        book, "index.po", lambda catalogue: catalogue.delete("This book checks the French edition of a site.")
    )


def test_a_fuzzy_or_missing_entry_fails_the_build_naming_file_line_and_msgid(tmp_path, capfd):
    book = copy_test_book(tmp_path)
    break_catalogues(book)
    out = tmp_path / "html"

    status = build_edition(book, out, book, jobs="1")

    err = capfd.readouterr().err  # the languages build in child processes
    assert status != 0
    glossary = book / "locales" / "fr" / "LC_MESSAGES" / "glossary.po"
    line = next(i for i, text in enumerate(glossary.read_text().splitlines(), 1) if "Stolen and Lost" in text)
    assert f"{glossary}:{line}: WARNING: fuzzy entry" in err, err
    assert "msgid 'Stolen and Lost Travel Documents database.'" in err, err
    assert re.search(
        r"index\.md:3: WARNING: .*locales/fr/LC_MESSAGES/index\.po: no entry .*"
        r"msgid 'This book checks the French edition of a site\.'",
        err,
    ), err
    assert not out.exists(), "a failed language publishes nothing, not even the other languages"


def test_a_page_without_a_catalogue_fails_the_build(tmp_path, capfd):
    book = copy_test_book(tmp_path)
    (book / "locales" / "fr" / "LC_MESSAGES" / "travel" / "documents.po").unlink()

    assert build_edition(book, tmp_path / "html", book, jobs="1") != 0
    assert "travel/documents.po: missing catalogue" in capfd.readouterr().err


def test_update_marks_changed_english_fuzzy_and_stats_count_it(tmp_path, capsys):
    book = copy_test_book(tmp_path)
    page = book / "index.md"
    page.write_text(page.read_text().replace("the French edition of a site", "the French edition of this site"))
    templates = tmp_path / "gettext"
    args = ["--book", str(book), "--conf", str(book), "--templates", str(templates)]

    assert i18n_main(["update", *args]) == 0
    with (book / "locales" / "fr" / "LC_MESSAGES" / "index.po").open("rb") as file:
        entry = read_po(file)["This book checks the French edition of this site."]
    assert entry.fuzzy and entry.string == "Ce livre vérifie l'édition française d'un site."

    capsys.readouterr()
    assert i18n_main(["stats", *args]) == 0
    report = capsys.readouterr().out
    assert "fr: 10/11 translated (91%), 1 fuzzy, 0 missing" in report, report
    assert "  index.po: 1/2 translated (50%), 1 fuzzy, 0 missing" in report, report


def test_the_handbook_in_each_published_language(edition):
    """Every language conf.py publishes: each page says its language and links to its other editions."""
    languages = site_languages(ROOT)
    assert (edition / "index.html").is_file(), "the page to choose a language"
    for language in languages:
        for page in pages(edition / language):
            document = soup(page)
            assert document.html["lang"] == language, page
            name = page.relative_to(edition / language).as_posix()
            for link in document.select("header a.language-link"):
                assert (page.parent / link["href"]).resolve() == (edition / link["hreflang"] / name).resolve()
                assert link["hreflang"] in languages and link["hreflang"] != language
    # The parts' headings in the contents (added after Sphinx translates a page) are translated too.
    captions = {
        language: [c.get_text() for c in soup(edition / language / "index.html").select(".caption-text")]
        for language in languages
    }
    for language in languages[1:]:
        assert len(captions[language]) == len(captions[languages[0]]) and captions[language] != captions[languages[0]]


@pytest.fixture(scope="session")
def bilingual_url(bilingual):
    server, url = serve_in_background(bilingual)
    yield url
    server.shutdown()


def test_french_search_finds_a_french_word_by_its_stem(browser, bilingual_url):
    # "passeports" is nowhere in the book: only French stemming leads it to "passeport".
    page, load = cold_load(browser, urljoin(bilingual_url, "fr/search.html?q=passeports"))
    results = page.locator("#search-results li > a")
    results.first.wait_for(timeout=10_000)
    targets = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(t.startswith("travel/documents.html") for t in targets), targets
    assert "Documents de voyage" in results.all_inner_texts()
    assert not load.errors, load.errors
    page.context.close()


def test_the_language_link_works_in_the_browser(browser, bilingual_url):
    page, load = cold_load(browser, urljoin(bilingual_url, "en/travel/documents.html"))
    page.get_by_role("link", name="Français").click()
    page.wait_for_load_state("networkidle")
    assert page.url == urljoin(bilingual_url, "fr/travel/documents.html")
    assert page.locator("h1").inner_text().startswith("Documents de voyage")
    assert not load.errors, load.errors  # a French page runs under the same strict policy
    page.context.close()


def test_each_language_keeps_its_own_offline_copy(browser, bilingual_url):
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    for language, saved in (("en", "Saved: the handbook"), ("fr", "Enregistré : le manuel")):
        page.goto(urljoin(bilingual_url, f"{language}/travel/documents.html"))
        page.locator(".offline button").click()
        page.get_by_text(saved).wait_for(timeout=30_000)
    names = page.evaluate("async () => (await caches.keys()).filter((name) => !name.endsWith(':settings'))")
    assert sorted(name.rsplit(":", 1)[0] for name in names) == ["cpch:/en/", "cpch:/fr/"], names
    context.set_offline(True)
    for language in ("en", "fr"):
        page.goto(urljoin(bilingual_url, f"{language}/glossary.html"))
        assert page.locator("html").get_attribute("lang") == language
    context.close()
