"""Shared fixtures: a fresh build of the book, a local server with the site's headers, and Chromium."""

import shutil
from pathlib import Path

import pytest

from cpch.browser import CHROMIUM, launch
from cpch.build import build_site
from cpch.quiz.banks import bank_files
from cpch.scorm.command import site_pages
from cpch.scorm.modules import load_modules
from cpch.scorm.package import build_package
from cpch.serve import serve_in_background

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
MODULES_FILE = ROOT / "quizzes" / "modules.yml"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The book built from its current sources into a temporary folder."""
    out = tmp_path_factory.mktemp("site") / "html"
    assert build_site(BOOK, out, ROOT) == 0, "the book does not build cleanly"
    return out


@pytest.fixture(scope="session")
def modules(site):
    return load_modules(MODULES_FILE, site_pages(site), {p.stem for p in bank_files(ROOT / "quizzes")})


@pytest.fixture(scope="session")
def packages(site, modules, tmp_path_factory):
    """Every SCORM package of quizzes/modules.yml, built from the session's site."""
    out = tmp_path_factory.mktemp("scorm")
    return {(m, v): build_package(modules[m], v, site, out, MODULES_FILE) for m in modules for v in modules[m].versions}


@pytest.fixture(scope="session")
def site_url(site):
    server, url = serve_in_background(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs it")
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


def copy_book(tmp_path: Path) -> Path:
    """A private copy of the book's sources that a test may break."""
    book = tmp_path / "book"
    shutil.copytree(BOOK, book)
    return book
