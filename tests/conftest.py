"""Shared fixtures: a fresh build of the book, a local server with the site's headers, and Chromium.

Test tiers, as markers (see [tool.pytest.ini_options] in pyproject.toml and the Makefile):
- `browser`: the test drives Chromium. Set here for every test using the `browser` fixture; a test
  that starts Chromium itself is marked by hand.
- `book`: the test needs the whole handbook built (the `site` fixture here, or a copy of the book).
- `content`: the test checks the handbook's own content (book/, quizzes/), not the engine; every
  other test is marked `engine` here.
`make test-fast` runs the tests that are neither `browser` nor `book`.
"""

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from cpch.browser import HEADLESS_SHELL, launch
from cpch.build import build_edition, site_languages
from cpch.quiz.banks import bank_files
from cpch.scorm.command import site_pages
from cpch.scorm.modules import load_modules
from cpch.scorm.package import build_package, package_name
from cpch.serve import serve_in_background

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
MODULES_FILE = ROOT / "quizzes" / "modules.yml"
SOURCE_LANGUAGE = site_languages(ROOT)[0]  # the sources' language: the site the tests read


def pytest_collection_modifyitems(items):
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if "site" in fixtures:
            item.add_marker(pytest.mark.book)
        if not item.get_closest_marker("content"):
            item.add_marker(pytest.mark.engine)


def once_per_run(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder filled by `make` once per test run. Under pytest-xdist the first worker to need it
    makes it while the others wait on a lock, then every worker reads the same folder."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    shared = tmp_path_factory.getbasetemp().parent  # one per run, common to its workers
    folder, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The English site (`_build/html/en/`) built from the book's current sources. `make test`
    builds the whole site first (`make html`, which is incremental) and names its English folder in
    CPCH_TEST_SITE; otherwise every language is built into a temporary folder (see `edition`)."""
    given = os.environ.get("CPCH_TEST_SITE")
    if given:
        if not (Path(given) / "index.html").is_file():
            pytest.fail(f"CPCH_TEST_SITE={given} holds no built site: run `make html` first")
        return Path(given).resolve()

    def build(folder: Path) -> None:
        assert build_edition(BOOK, folder / "html", ROOT) == 0, "the book does not build cleanly"

    return once_per_run(tmp_path_factory, "site", build) / "html" / SOURCE_LANGUAGE


@pytest.fixture(scope="session")
def edition(site) -> Path:
    """The whole site: a folder per language of conf.py's cpch_languages and the page to choose one."""
    return site.parent


@pytest.fixture(scope="session")
def modules(site):
    return load_modules(MODULES_FILE, site_pages(site), {p.stem for p in bank_files(ROOT / "quizzes")})


@pytest.fixture(scope="session")
def packages(site, modules, tmp_path_factory):
    """Every SCORM package of quizzes/modules.yml, built from the session's site."""
    wanted = [(m, v) for m in modules for v in modules[m].versions]

    def build(folder: Path) -> None:
        for m, v in wanted:
            build_package(modules[m], v, site, folder, MODULES_FILE)

    out = once_per_run(tmp_path_factory, "scorm", build)
    return {(m, v): out / package_name(modules[m], v) for m, v in wanted}


@pytest.fixture(scope="session")
def site_url(site):
    server, url = serve_in_background(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(HEADLESS_SHELL).exists():
        pytest.fail(f"{HEADLESS_SHELL} is missing: run `make test`, which installs it")
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright, HEADLESS_SHELL)
        yield browser
        browser.close()


def copy_book(tmp_path: Path) -> Path:
    """A private copy of the book's sources that a test may break."""
    book = tmp_path / "book"
    shutil.copytree(BOOK, book)
    return book


def run_trainer(site: Path, out: Path, notes: Path, *options) -> subprocess.CompletedProcess:
    """`cpch trainer` in its own process (it drives Chromium itself), on the project's banks and book;
    `options` adds others, such as --scorm, --exports and --site-url."""
    command = ["trainer", "--site", site, "--out", out, "--quizzes", ROOT / "quizzes", "--book", BOOK, "--notes", notes]
    command += options
    return subprocess.run([sys.executable, "-m", "cpch.cli", *map(str, command)], capture_output=True, text=True)
