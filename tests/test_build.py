"""The build fails loudly on any problem in the sources, and never leaves a half-written site.

The engine's behaviour is proven on a small book (tests/roots/build: three pages and a glossary), which
builds in a second or two; the handbook itself is checked through the session's site."""

import re
import shutil
from pathlib import Path

from cpch.build import build_site

SMALL_BOOK = Path(__file__).parent / "roots" / "build"


def copy_small_book(tmp_path: Path) -> Path:
    """A private copy of the small book that a test may break."""
    return shutil.copytree(SMALL_BOOK, tmp_path / "book")


def build(book: Path, tmp_path: Path, capsys):
    out = tmp_path / "out" / "html"
    status = build_site(book, out, book, jobs="1")
    return status, out, capsys.readouterr().err


def test_a_clean_book_builds_every_page_in_the_toc(site):
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert {"index.html", "interpol/sltd.html", "reference/glossary.html", "search.html"} <= pages


def test_a_broken_cross_reference_fails_naming_file_and_line(tmp_path, capsys):
    book = copy_small_book(tmp_path)
    page = book / "part" / "chapter.md"
    lines = page.read_text().splitlines()
    lines[5:5] = ["", "See {ref}`no-such-section` for more.", ""]  # its own paragraph, on line 7
    page.write_text("\n".join(lines) + "\n")

    status, out, err = build(book, tmp_path, capsys)

    assert status != 0
    assert re.search(r"part/chapter\.md:7: WARNING: undefined label: 'no-such-section'", err), err
    assert not out.exists(), "a failed build must not publish a site"


def test_a_page_missing_from_the_toc_fails(tmp_path, capsys):
    book = copy_small_book(tmp_path)
    (book / "part" / "orphan.md").write_text("# Orphan\n\nNot listed anywhere.\n")

    status, _, err = build(book, tmp_path, capsys)

    assert status != 0
    assert re.search(r"part/orphan\.md: WARNING: document isn't included in any toctree", err), err


def test_an_unknown_glossary_term_fails(tmp_path, capsys):
    book = copy_small_book(tmp_path)
    page = book / "part" / "chapter.md"
    page.write_text(page.read_text() + "\nThe {term}`XYZQ` is not defined.\n")

    status, _, err = build(book, tmp_path, capsys)

    assert status != 0
    assert "chapter.md" in err and "term not in glossary: 'XYZQ'" in err, err


def test_a_failed_build_keeps_the_last_good_site(tmp_path, capsys):
    book = copy_small_book(tmp_path)
    status, out, _ = build(book, tmp_path, capsys)
    assert status == 0 and (out / "index.html").exists()

    (book / "index.md").write_text((book / "index.md").read_text() + "\n{ref}`missing-label`\n")
    status, out, _ = build(book, tmp_path, capsys)

    assert status != 0
    assert "missing-label" not in (out / "index.html").read_text()


def test_changing_the_engine_rebuilds_every_page(tmp_path, capsys):
    book = copy_small_book(tmp_path)
    status, out, _ = build(book, tmp_path, capsys)
    assert status == 0
    (out / "_static" / "book.css").write_text("stale")
    (out / "part" / "chapter.html").write_text("stale")
    # Unchanged sources built by a changed engine, theme or static file must be written again.
    (tmp_path / "out" / ".html-staging" / "engine.sha256").write_text("different")

    status, out, _ = build(book, tmp_path, capsys)

    assert status == 0
    assert (out / "_static" / "book.css").read_text() != "stale"
    assert (out / "part" / "chapter.html").read_text() != "stale"


def test_building_again_with_nothing_changed_succeeds_and_keeps_the_search_index(tmp_path, capsys):
    book = copy_small_book(tmp_path)
    status, out, _ = build(book, tmp_path, capsys)
    assert status == 0
    index = (out / "searchindex.js").read_text()

    status, out, err = build(book, tmp_path, capsys)  # nothing to write: Sphinx makes no search indexer

    assert status == 0, err
    assert (out / "searchindex.js").read_text() == index
