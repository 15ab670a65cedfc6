"""The trainer pack: catalogue, answer keys, notes and a printable PDF with the SCORM packages and
question banks they describe, checked from an unzipped copy in another folder."""

import re
import shutil
import unicodedata
import zipfile
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pypdfium2 as pdfium
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from browser import axe_violations
from conftest import MODULES_FILE, ROOT, run_trainer
from cpch.cli import main as cpch
from cpch.core.problems import LocatedError
from cpch.exports.writer import FORMATS, export_banks, export_multilang
from cpch.i18n.localized import load_banks_in, load_modules_in
from cpch.quiz.banks import bank_files, load_banks
from cpch.scorm.command import site_pages
from cpch.scorm.modules import load_modules
from cpch.scorm.package import build_package
from cpch.trainer.links import on_site, site_inventory
from cpch.trainer.messages import messages
from cpch.trainer.note_catalogues import translated, update
from cpch.trainer.notes import read_note
from cpch.trainer.pack import copy_built_files
from cpch.trainer.pages import catalogue

QUIZZES = load_banks(bank_files(ROOT / "quizzes"))
NOTES = ROOT / "trainer-notes"
SITE_URL = "https://handbook.test/cpch/"  # not the default: the pack must take the one it is given
LINKED = {"a": "href", "link": "href", "img": "src", "script": "src", "iframe": "src", "source": "src"}


def note_phrases() -> list[str]:
    """Two headings from each notes file that appear nowhere in the book: its title and its exercise."""
    phrases = []
    for path in sorted(NOTES.rglob("*.md")):
        headings = [line.lstrip("# ").strip() for line in path.read_text().splitlines() if line.startswith("#")]
        phrases += [headings[0], next(h for h in headings if "exercise" in h.lower())]
    return phrases


@pytest.fixture(scope="session")
def built(site, packages, tmp_path_factory):
    """`cpch trainer` as `make` runs it (in its own process: it drives Chromium itself), from the
    session's SCORM packages and freshly exported banks. The PDF print is slow: one per test run."""
    exports = tmp_path_factory.mktemp("exports")
    export_banks(QUIZZES.values(), exports, list(FORMATS))
    scorm = next(iter(packages.values())).parent
    out = tmp_path_factory.mktemp("build") / "trainer-pack"
    options = ["--scorm", scorm, "--exports", exports, "--site-url", SITE_URL]
    result = run_trainer(site, out, NOTES, *options)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def pack(built, tmp_path_factory) -> Path:
    """The pack as a trainer gets it: the zip, unzipped in another folder."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    with zipfile.ZipFile(built.with_name("trainer-pack.zip")) as archive:
        archive.extractall(elsewhere)
    return elsewhere / "trainer-pack"


def pack_files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def on_the_site(url: str, site: Path) -> bool:
    """Whether `url` is a page of the configured site that the built site holds."""
    path = unquote(urlsplit(url).path.removeprefix("/cpch/"))
    return (
        url.startswith(SITE_URL)
        and (site / path / "index.html" if path.endswith("/") or not path else site / path).is_file()
    )


def test_the_zip_holds_exactly_the_folder(built, pack):
    assert pack_files(pack) == pack_files(built)
    assert {"index.html", "notes.html", "answer-keys.pdf", "key-conclusion.html"} <= pack_files(pack)
    assert all(f"banks/{quiz_id}.moodle.xml" in pack_files(pack) for quiz_id in QUIZZES)


def test_every_link_of_every_page_resolves_inside_the_pack_or_on_the_site(pack, site):
    assert links_resolve(pack, site) > 500


def links_resolve(pack: Path, site: Path) -> int:
    """Check that every link of every page of `pack` resolves inside it or on the site; count them."""
    soups = {page: BeautifulSoup(page.read_text(), "html.parser") for page in sorted(pack.rglob("*.html"))}
    ids = {page: {element["id"] for element in soup.find_all(id=True)} for page, soup in soups.items()}
    checked = 0
    for page, soup in soups.items():
        for tag, attribute in LINKED.items():
            for element in soup.find_all(tag, attrs={attribute: True}):
                link, checked = element[attribute], checked + 1
                assert not link.lower().startswith("file:"), f"{page.name}: {link}"
                if urlsplit(link).scheme:
                    assert on_the_site(link, site), f"{page.name}: {link}"
                    continue
                path, _, fragment = link.partition("#")
                target = (page.parent / unquote(path)).resolve() if path else page
                assert target.is_relative_to(pack) and target.is_file(), f"{page.name}: {link}"
                if fragment and target.suffix == ".html":
                    assert fragment in ids[target], f"{page.name}: {link}"
    return checked


def pdf_links(reader: PdfReader) -> list[tuple[str, str]]:
    """(kind, target) of every link annotation: ("uri", address) or ("dest", named destination)."""
    found = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A") or {}
            if "/URI" in action:
                found.append(("uri", str(action["/URI"])))
            else:
                found.append(("dest", str(annotation.get("/Dest") or action.get("/D"))))
    return found


@pytest.fixture(scope="session")
def pdf(pack) -> PdfReader:
    return PdfReader(pack / "answer-keys.pdf")


def test_every_pdf_link_goes_to_the_site_or_inside_the_document(pdf, site):
    links = pdf_links(pdf)
    destinations = set(pdf.named_destinations)
    assert len(links) > 100
    for kind, target in links:
        assert "file:" not in target.lower()
        assert on_the_site(target, site) if kind == "uri" else target in destinations, target


def page_texts(path: Path, count: int | None = None) -> list[str]:
    """The text of each page (of the first `count`), read by PDFium: pypdf's pure-Python text extraction
    takes seconds over a hundred pages. Titles may wrap; NFKC undoes the ligatures fonts draw ("ﬃ")."""
    document = pdfium.PdfDocument(path)
    try:
        pages = range(len(document) if count is None else count)
        return [
            " ".join(unicodedata.normalize("NFKC", document[n].get_textpage().get_text_range()).split()) for n in pages
        ]
    finally:
        document.close()


@pytest.fixture(scope="session")
def texts(pack) -> list[str]:
    """Each page's text, read once."""
    return page_texts(pack / "answer-keys.pdf")


def test_the_pdf_has_page_numbers_and_running_headers(texts):
    assert all(f"Page {n} of {len(texts)}" in text for n, text in enumerate(texts, 1))
    for quiz in QUIZZES.values():
        headed = [text for text in texts if text.startswith(f"Answer key: {quiz.title} ")]
        assert headed and f"Answer key: {quiz.title}" in " ".join(headed)


def outline(pdf: PdfReader) -> dict[str, list[tuple[str, int]]]:
    """Each top-level bookmark's title -> its children's (title, 1-based page)."""
    found: dict[str, list[tuple[str, int]]] = {}
    last = ""
    for item in pdf.outline:
        if isinstance(item, list):
            found[last] = [(child.title, pdf.get_destination_page_number(child) + 1) for child in item]
        else:
            last = item.title
            found[last] = []
    return found


def test_the_pdf_has_a_contents_page_and_a_bookmark_per_quiz_at_its_key(pdf, texts):
    bookmarks = outline(pdf)
    assert list(bookmarks) == ["Contents", "Trainer notes", "Answer keys"]
    assert {title for title, _ in bookmarks["Answer keys"]} == {q.title for q in QUIZZES.values()}
    assert len(bookmarks["Trainer notes"]) == len(list(NOTES.rglob("*.md")))
    contents = texts[0]
    assert "Contents" in contents
    for title, number in bookmarks["Answer keys"]:
        assert f"Answer key: {title}" in texts[number - 1]
        assert re.search(rf"{re.escape(title)} {number}\b", contents), f"{title} {number} not in the contents"
    for title, number in bookmarks["Trainer notes"]:
        assert re.search(rf"{re.escape(title)} {number}\b", contents)
        assert "Trainer notes: " in texts[number - 1]


def test_an_answer_key_shows_answers_explanations_and_sources(browser, pack):
    page = browser.new_page()
    page.goto((pack / "key-partnership-levels.html").as_uri())
    quiz = QUIZZES["partnership-levels"]
    ordering = next(q for q in quiz.questions if q.type == "ordering")
    steps = page.locator(".key-question").filter(has_text=ordering.prompt).locator("ol li").all_inner_texts()
    assert steps == list(ordering.items)
    single = next(q for q in quiz.questions if q.type == "single")
    right = next(o.text for o in single.options if o.correct)
    block = page.locator(".key-question").filter(has_text=single.prompt)
    assert right in block.locator("li").filter(has_text="✓ right").inner_text()
    source = block.locator(".key-source a")
    assert source.get_attribute("href").startswith(f"{SITE_URL}cooperation/partnership-levels.html#")
    assert axe_violations(page) == []
    page.close()


def rows(html: str, heading: str) -> dict[str, dict[str, BeautifulSoup]]:
    """The table after `heading` in the catalogue: each row's first cell text -> {column: cell}."""
    soup = BeautifulSoup(html, "html.parser")
    table = soup.find("h2", string=heading).find_next("table")
    columns = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    found = {}
    for row in table.tbody.find_all("tr"):
        cells = dict(zip(columns, row.find_all(["th", "td"], recursive=False)))
        found[cells[columns[0]].get_text(" ", strip=True)] = cells
    return found


def test_the_catalogue_gives_a_pass_mark_only_to_scored_modules(pack, modules):
    table = rows((pack / "index.html").read_text(), "SCORM modules")
    assert len(table) == len(modules)
    for module in modules.values():
        cells = table[f"{module.title} {module.id}"]
        mark = cells["Pass mark"].get_text(strip=True)
        assert mark == (f"{module.pass_mark}%" if module.scored else "not scored"), module.id
        links = [a["href"] for a in cells["Packages"].find_all("a")]
        assert links == [f"scorm/{module.id}-scorm{v.replace('.', '')}.zip" for v in module.versions]
    assert "diagnostic-scorm12.zip" not in (pack / "index.html").read_text()


def test_the_catalogue_links_each_quiz_to_its_key_and_banks(pack):
    table = rows((pack / "index.html").read_text(), "Quizzes")
    for quiz in QUIZZES.values():
        cells = table[quiz.title]
        assert cells["Quiz"].a["href"] == f"key-{quiz.id}.html"
        banks = [a["href"] for a in cells["Question banks"].find_all("a")]
        assert banks == [f"banks/{quiz.id}{exporter.SUFFIX}" for exporter in FORMATS.values()]


def test_the_catalogue_lists_only_files_that_were_built(site, tmp_path):
    """A pack made where one SCORM package and no bank was built links to that one file only."""
    modules = load_modules(ROOT / "quizzes" / "modules.yml", site_pages(site), set(QUIZZES))
    scorm, exports = tmp_path / "scorm", tmp_path / "exports"
    scorm.mkdir()
    exports.mkdir()
    (scorm / "diagnostic-scorm2004.zip").write_bytes(b"a package")
    copied = copy_built_files(modules, QUIZZES, scorm, exports, tmp_path / "pack", messages("en"))
    html = catalogue(QUIZZES, modules, site_inventory(site), copied.files, on_site(SITE_URL), messages("en"))
    links = set(re.findall(r'href="((?:scorm|banks)/[^"]*)"', html))
    assert links == {"scorm/diagnostic-scorm2004.zip"}
    assert pack_files(tmp_path / "pack") == {"scorm/diagnostic-scorm2004.zip"}
    assert len(copied.missing) == sum(len(m.versions) for m in modules.values()) - 1 + 3 * len(QUIZZES)


def test_a_site_url_that_is_not_a_web_address_is_refused(site, tmp_path, capsys):
    out = tmp_path / "pack"
    status = cpch(["trainer", "--site", str(site), "--out", str(out), "--site-url", "file:///tmp/site/"])
    assert status == 2 and "--site-url 'file:///tmp/site/': give the address" in capsys.readouterr().err
    assert not out.exists() and not out.with_name("pack.zip").exists()


def test_the_trainer_notes_are_in_the_trainer_pages_and_pdf(pack, texts):
    html = (pack / "notes.html").read_text()
    assert all(escape(phrase) in html for phrase in note_phrases())
    assert html.count('class="trainer-note"') == len(list(NOTES.rglob("*.md")))
    assert f'href="{SITE_URL}diagnostic.html"' in html
    assert 'href="notes.html"' in (pack / "index.html").read_text()
    text = " ".join(texts)
    assert "Trainer notes: Running the diagnostic as a team workshop" in text


@pytest.fixture(scope="session")
def learner_files(site: Path, packages: dict) -> list[tuple[str, str]]:
    """(name, text) of every text file of the learner's site and of every SCORM module, read once."""
    found = []
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".json", ".txt"):
            found.append((path.relative_to(site).as_posix(), path.read_text(errors="replace")))
    for package in packages.values():
        with zipfile.ZipFile(package) as archive:
            for name in archive.namelist():
                found.append((f"{package.name}:{name}", archive.read(name).decode(errors="replace")))
    return found


def test_the_trainer_notes_never_reach_the_learners_site_or_modules(learner_files):
    phrases = [phrase.lower() for phrase in note_phrases()]
    for name, text in learner_files:
        lowered = text.lower()
        assert not [p for p in phrases if p in lowered], name


def test_the_answer_keys_never_reach_the_learners_site_or_modules(site, learner_files, pack):
    """No key page, no PDF and no key markup in what learners get; the pack's key pages do hold it."""
    marks = ['class="answer-key"', "Answer key:", "✓ right"]
    assert all(mark in (pack / "key-conclusion.html").read_text() for mark in marks)
    trainer_pages = {p.name for p in pack.iterdir() if p.is_file()} - {"index.html"}
    assert {"answer-keys.pdf", "key-conclusion.html"} <= trainer_pages
    assert not [p for p in site.rglob("*") if p.name in trainer_pages or p.suffix == ".pdf"]
    for name, text in learner_files:
        assert not [mark for mark in marks if mark in text], name


def test_the_catalogue_lists_each_objective_with_the_questions_that_check_it(pack):
    html = (pack / "index.html").read_text()
    key = (pack / "key-database-access.html").read_text()
    quiz = QUIZZES["database-access"]
    for objective in quiz.objectives:
        assert objective.text.replace("'", "&#x27;") in html
    checkers = [p for q in quiz.questions for p in q.scored_parts if p.objective == "sltd"]
    for part in checkers:
        anchor = f"key-database-access-{part.id}"
        assert f'href="key-database-access.html#{anchor}"' in html and f'id="{anchor}"' in key


@pytest.mark.parametrize("name", ["index.html", "notes.html"])
def test_the_catalogue_and_notes_have_no_serious_accessibility_problem(browser, pack, name):
    page = browser.new_page()
    page.goto((pack / name).as_uri())
    assert axe_violations(page) == []
    page.close()


def test_trainer_tables_keep_whole_words_on_every_screen(browser, pack):
    """Each page loaded once, then laid out at each screen size (the pages have no script: resizing
    lays them out as loading at that size would)."""
    from layout import BROKEN_WORDS, OVERFLOW

    page = browser.new_page()
    for html in sorted(pack.glob("*.html")):
        page.goto(html.as_uri())
        for viewport in ({"width": 360, "height": 740}, {"width": 1366, "height": 768}):
            page.set_viewport_size(viewport)
            assert page.evaluate(BROKEN_WORDS) == [], (html.name, viewport)
            assert page.evaluate(OVERFLOW) <= 0, (html.name, viewport)
    page.close()


# --- The French pack (`cpch trainer --language fr`), from the French site, banks and one French module.

FRENCH = load_banks_in(bank_files(ROOT / "quizzes"), None, "fr", ROOT / "quizzes" / "locales")


@pytest.fixture(scope="session")
def french_pack(edition, tmp_path_factory) -> Path:
    """The French pack, unzipped elsewhere; built from French banks exported here (with the bilingual
    Moodle XML) and one French SCORM package, the diagnostic's (the smallest: one more PDF print)."""
    french_site, root = edition / "fr", tmp_path_factory.mktemp("french")
    exports, scorm = root / "exports", root / "scorm"
    export_banks(FRENCH.values(), exports, list(FORMATS), language="fr")
    export_multilang(list(QUIZZES.values()), list(FRENCH.values()), "fr", exports)
    modules = load_modules_in(MODULES_FILE, site_pages(french_site), set(FRENCH), "fr", ROOT / "quizzes" / "locales")
    build_package(modules["diagnostic"], "2004", french_site, scorm, MODULES_FILE, "fr")
    options = ["--language", "fr", "--scorm", scorm, "--exports", exports, "--site-url", SITE_URL]
    result = run_trainer(french_site, root / "trainer-pack-fr", NOTES, *options)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(root / "trainer-pack-fr.zip") as archive:
        archive.extractall(root / "elsewhere")
    return root / "elsewhere" / "trainer-pack-fr"


def test_the_french_pack_is_french_and_links_its_french_files(french_pack, edition):
    assert links_resolve(french_pack, edition / "fr") > 500
    for page in french_pack.glob("*.html"):
        assert '<html lang="fr">' in page.read_text(), page.name
    files = pack_files(french_pack)
    assert {"scorm/diagnostic-fr-scorm2004.zip", "notes.html"} <= files
    for quiz_id in FRENCH:
        wanted = [f"{quiz_id}-fr{exporter.SUFFIX}" for exporter in FORMATS.values()] + [f"{quiz_id}-en-fr.moodle.xml"]
        assert {f"banks/{name}" for name in wanted} <= files
        assert f"banks/{quiz_id}.moodle.xml" not in files
    index = (french_pack / "index.html").read_text()
    assert "Catalogue des quiz et des modules" in index and 'href="notes.html">Notes du formateur<' in index
    notes = (french_pack / "notes.html").read_text()
    assert notes.count('class="trainer-note"') == len(list(NOTES.rglob("*.md")))
    text = BeautifulSoup(notes, "html.parser").get_text(" ")
    assert "Notes du formateur : animer l'autodiagnostic en atelier d'équipe" in text
    assert not any(escape(phrase) in notes for phrase in note_phrases())
    assert 'href="banks/conclusion-en-fr.moodle.xml">Moodle XML, anglais et français<' in index


def test_a_french_answer_key_holds_the_french_bank(french_pack):
    for quiz_id, quiz in FRENCH.items():
        text = BeautifulSoup((french_pack / f"key-{quiz_id}.html").read_text(), "html.parser").get_text(" ")
        assert f"Corrigé : {quiz.title}" in text and "Source :" in text
        words = " ".join(text.split())
        french, english = [next(q for q in bank.questions if q.explanation) for bank in (quiz, QUIZZES[quiz_id])]
        assert " ".join(french.explanation.split()[:4]) in words
        assert " ".join(english.explanation.split()[:4]) not in words


def test_the_french_pdf_is_french_and_links_no_file(french_pack, edition):
    reader = PdfReader(french_pack / "answer-keys.pdf")
    assert list(outline(reader)) == ["Sommaire", "Notes du formateur", "Corrigés"]
    [first] = page_texts(french_pack / "answer-keys.pdf", 1)
    assert "Sommaire" in first and f"Page 1 sur {len(reader.pages)}" in first
    for kind, target in pdf_links(reader):
        assert "file:" not in target.lower()
        assert on_the_site(target, edition / "fr") if kind == "uri" else target in reader.named_destinations


def test_a_changed_paragraph_of_the_notes_fails_the_french_pack_naming_its_entry(tmp_path):
    """A paragraph changed in English makes its French entry fuzzy (update); the translation then fails."""
    notes = tmp_path / "notes"
    shutil.copytree(NOTES, notes)
    note_file = notes / "conclusion.md"
    note_file.write_text(note_file.read_text().replace("Groups of three to five.", "Groups of two to five."))
    update(notes, "fr")
    note = read_note(note_file, {"conclusion"})
    with pytest.raises(LocatedError) as error:
        translated(note, notes, "fr")
    [problem] = error.value.problems
    assert problem.path == notes / "locales/fr/LC_MESSAGES/conclusion.po" and problem.line > 1
    assert "'Groups of two to five.' is fuzzy" in problem.message
