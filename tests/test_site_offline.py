"""The handbook offline: after one visit, or once saved, it works with the network off; a new
build replaces the saved copy whole, after the reader accepts it."""

import re
import shutil
from pathlib import Path

import pytest

from browser import PHONE
from cpch.build import build_site
from cpch.serve import serve_in_background
from test_site_pages import PAGES

VERSION = re.compile(r'const BUILD = \{"version":"([0-9a-f]+)"')
# Waits inside the page (page.wait_for_function would need eval, which the site's CSP forbids).
CACHED = """async (address) => {
  for (let i = 0; i < 200; i++) {
    if (await caches.match(new URL(address, location.href).href)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}"""
CACHE_NAMES = "async () => (await caches.keys()).filter((name) => name !== 'cpch-settings')"
SMALL_BOOK = Path(__file__).parent / "roots" / "build"


@pytest.fixture()
def small(tmp_path):
    """A private build of a small book (tests/roots/build), served, that the test may rebuild: (book, out, url).
    Replacing a saved copy is the engine's doing, proven without building the whole handbook twice."""
    book, out = shutil.copytree(SMALL_BOOK, tmp_path / "book"), tmp_path / "html"
    assert build_site(book, out, book, jobs="1") == 0
    server, url = serve_in_background(out)
    yield book, out, url
    server.shutdown()


@pytest.fixture()
def context(browser):
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    yield context
    context.close()


def version(out) -> str:
    return VERSION.search((out / "sw.js").read_text()).group(1)


def save_for_offline(page):
    button = page.get_by_role("button", name=re.compile(r"^Save the handbook for offline use \(\d[\d.,]* MB\)$"))
    button.click()
    page.get_by_text(re.compile("^Saved: the handbook")).wait_for(timeout=60_000)


def test_a_page_once_read_opens_again_without_a_connection(context, site_url):
    url = site_url
    page = context.new_page()
    page.goto(f"{url}interpol/sltd.html")
    assert page.evaluate(CACHED, "sltd.html")  # the first page, loaded before the worker ran
    page.goto(f"{url}interpol/ccc.html")
    assert page.evaluate(CACHED, "ccc.html")
    context.set_offline(True)
    for name in ("sltd", "ccc"):
        page.goto(f"{url}interpol/{name}.html")
        assert page.locator("main h1").is_visible()
        assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).display") == "flex"  # styled


def test_a_saved_handbook_works_without_a_connection(context, site_url):
    url = site_url
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{url}index.html")
    save_for_offline(page)
    context.set_offline(True)
    for docname in PAGES:
        response = page.goto(f"{url}{docname}.html")
        assert response.ok and page.locator("main h1").count() == 1, docname
    page.goto(f"{url}search.html?q=SLTD")
    page.locator("p.search-summary", has_text="Search finished").wait_for(timeout=10_000)
    assert page.locator("#search-results li > a").first.get_attribute("href").startswith("interpol/sltd.html")
    page.goto(f"{url}cooperation/partnership-levels.html")
    page.locator(".quiz-option label").first.click()
    page.get_by_role("button", name="Check answers").first.click()
    assert "You scored" in page.locator(".quiz-result").first.inner_text()
    page.reload()
    assert "You scored" in page.locator(".quiz-result").first.inner_text()  # progress kept offline
    assert errors == []


def test_a_new_build_replaces_the_saved_copy_whole(context, small):
    book, out, url = small
    page = context.new_page()
    page.goto(f"{url}index.html")
    save_for_offline(page)
    old = version(out)
    assert page.evaluate(CACHE_NAMES) == [f"cpch-{old}"]

    glossary = book / "glossary.md"
    glossary.write_text(glossary.read_text().replace("This list explains", "This new list explains", 1))
    assert build_site(book, out, book, jobs="1") == 0
    new = version(out)
    assert new != old

    page.goto(f"{url}glossary.html")
    assert "This new list" not in page.locator("main").inner_text()  # the saved edition, until the reader agrees
    notice = page.get_by_role("button", name="Reload to read it")
    notice.wait_for(timeout=60_000)
    with page.expect_navigation():
        notice.click()
    assert "This new list explains" in page.locator("main").inner_text()
    assert page.evaluate(CACHE_NAMES) == [f"cpch-{new}"]
    context.set_offline(True)
    page.goto(f"{url}part/chapter.html")
    assert page.locator("main h1").is_visible()
