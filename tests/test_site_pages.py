"""Every page of the book in Chromium, as an officer on a phone would load it, in light and dark mode."""

import pytest
from sphinx_external_toc.parsing import parse_toc_yaml

from browser import axe_violations, cold_load
from conftest import BOOK
from layout import BROKEN_WORDS, OVERFLOW

pytestmark = pytest.mark.content
PAGE_BUDGET_BYTES = 250 * 1024
PAGES = [*parse_toc_yaml(BOOK / "_toc.yml").keys(), "search"]


@pytest.fixture(scope="session")
def loads(browser, site_url):
    """Load each page once; the tests below check different things about the same load."""
    cache = {}

    def load(docname):
        if docname not in cache:
            cache[docname] = cold_load(browser, f"{site_url}{docname}.html")
        return cache[docname]

    yield load
    for page, _ in cache.values():
        page.context.close()


@pytest.mark.parametrize("docname", PAGES)
def test_page_stays_on_this_machine(loads, site_url, docname):
    _, load = loads(docname)
    outside = [url for url in load.urls if not url.startswith((site_url, "data:"))]
    assert outside == []


@pytest.mark.parametrize("docname", PAGES)
def test_page_fits_the_size_budget(loads, docname):
    _, load = loads(docname)
    assert 0 < load.bytes <= PAGE_BUDGET_BYTES, f"{docname}: {load.bytes} bytes over {len(load.urls)} requests"


@pytest.mark.parametrize("docname", PAGES)
def test_page_logs_no_console_error(loads, docname):
    _, load = loads(docname)
    assert load.errors == []


@pytest.mark.parametrize("docname", PAGES)
def test_page_has_no_serious_accessibility_violation(loads, docname):
    page, _ = loads(docname)
    assert axe_violations(page) == []


@pytest.mark.parametrize("docname", PAGES)
def test_page_fits_a_phone_screen(loads, docname):
    page, _ = loads(docname)
    overflow = page.evaluate(OVERFLOW)
    assert overflow <= 0, f"{docname} scrolls sideways by {overflow}px on a 360px screen"


@pytest.mark.parametrize("docname", PAGES)
def test_no_word_is_broken_in_a_table_on_a_phone(loads, docname):
    page, _ = loads(docname)  # test_site_screens checks the same at a laptop's size
    assert page.evaluate(BROKEN_WORDS) == [], f"{docname}: words broken or sticking out of table cells"


# Dark mode changes colours only (book.css's prefers-color-scheme rules): each page loaded above is
# switched to dark and back, and only the axe rules about colour run (the full run is above, in light
# mode; a full axe run takes several times longer).
COLOUR_RULES = ("color-contrast", "link-in-text-block")


@pytest.mark.parametrize("docname", PAGES)
def test_dark_mode_keeps_every_colour_pair_readable(loads, docname):
    page, _ = loads(docname)
    page.emulate_media(color_scheme="dark")
    try:
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
        assert axe_violations(page, rules=COLOUR_RULES) == []
    finally:
        page.emulate_media(color_scheme="light")
