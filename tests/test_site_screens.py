"""Every page at a phone's and a laptop's size: tables readable, nothing wider than the screen."""

import pytest

from browser import PHONE, cold_load
from layout import BROKEN_WORDS, OVERFLOW
from test_site_pages import PAGES

LAPTOP = {"width": 1366, "height": 768}
SCREENS = {"phone": PHONE, "laptop": LAPTOP}


@pytest.fixture(scope="module", params=SCREENS)
def screen(request, browser):
    context = browser.new_context(viewport=SCREENS[request.param])
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("docname", PAGES)
def test_no_word_is_broken_and_nothing_is_wider_than_the_screen(screen, site_url, docname):
    screen.goto(f"{site_url}{docname}.html")
    assert screen.evaluate(BROKEN_WORDS) == [], f"{docname}: words broken or sticking out of table cells"
    assert screen.evaluate(OVERFLOW) <= 0, f"{docname} is wider than the screen"


def test_a_wide_table_becomes_labelled_rows_on_a_phone(browser, site_url):
    page, _ = cold_load(browser, f"{site_url}interpol/index.html")
    cell = page.locator("table.reflow tbody td").nth(1)
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    header = page.locator("table.reflow thead th").nth(1).inner_text()
    assert label == f'"{header}"'
    assert cell.bounding_box()["width"] > 250  # the cell takes the row's width, not a sliver of it
    page.context.close()
