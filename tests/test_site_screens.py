"""Every page at a laptop's size (test_site_pages checks them at a phone's, in light and dark mode):
tables readable, nothing wider than the screen; and the layout's controls at both sizes."""

import pytest

from browser import PHONE, axe_violations, cold_load
from layout import BROKEN_WORDS, OVERFLOW
from test_site_pages import PAGES

LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="session")
def laptop(browser):
    context = browser.new_context(viewport=LAPTOP)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("docname", PAGES)
def test_no_word_is_broken_and_nothing_is_wider_than_a_laptop_screen(laptop, site_url, docname):
    laptop.goto(f"{site_url}{docname}.html")
    assert laptop.evaluate(BROKEN_WORDS) == [], f"{docname}: words broken or sticking out of table cells"
    assert laptop.evaluate(OVERFLOW) <= 0, f"{docname} is wider than the screen"


def test_a_wide_table_becomes_labelled_rows_on_a_phone(browser, site_url):
    page, _ = cold_load(browser, f"{site_url}interpol/index.html")
    cell = page.locator("table.reflow tbody td").nth(1)
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    header = page.locator("table.reflow thead th").nth(1).inner_text()
    assert label == f'"{header}"'
    assert cell.bounding_box()["width"] > 250  # the cell takes the row's width, not a sliver of it
    page.context.close()


def test_dark_mode_quiz_feedback_is_readable(browser, site_url):
    # Every page in dark mode is in test_site_pages; this is a checked quiz's feedback.
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    dark = context.new_page()
    dark.goto(f"{site_url}cooperation/partnership-levels.html")
    dark.locator(".quiz-option label").first.click()
    dark.get_by_role("button", name="Check answers").first.click()
    assert axe_violations(dark) == []
    context.close()


def test_a_phone_header_is_one_line_and_wide_screens_list_the_sections(browser, site_url):
    page, _ = cold_load(browser, f"{site_url}cooperation/partnership-levels.html")
    assert page.locator(".site-header").bounding_box()["height"] <= 60
    assert not page.get_by_role("navigation", name="On this page").is_visible()
    page.set_viewport_size(LAPTOP)
    toc = page.get_by_role("navigation", name="On this page")
    assert toc.is_visible() and toc.get_by_role("link", name="The five levels compared").is_visible()
    page.context.close()


def test_every_control_has_a_strong_focus_ring(browser, site_url):
    page, _ = cold_load(browser, f"{site_url}cooperation/partnership-levels.html")
    for selector in ("select", "input[type=radio]", "input[type=search]", "button", "a"):
        control = page.locator(f"main {selector}, header {selector}").first
        control.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
        width = control.evaluate("element => parseFloat(getComputedStyle(element).outlineWidth)")
        assert width >= 3, selector
    page.context.close()


def test_one_viewport_tag(site):
    for html in site.rglob("*.html"):
        assert html.read_text().count('name="viewport"') == 1, html
