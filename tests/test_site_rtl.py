"""Right-to-left languages: a tiny book written in Arabic (tests/roots/rtl) builds into pages marked
dir="rtl", whose quiz and diagnostic can be used, and which fit a phone's screen."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser import PHONE, cold_load
from cpch.build import build_edition
from cpch.serve import serve_in_background
from layout import OVERFLOW

BOOK = Path(__file__).resolve().parent / "roots" / "rtl"


@pytest.fixture(scope="session")
def rtl_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rtl") / "html"
    assert build_edition(BOOK, out, BOOK, jobs="1") == 0
    return out


@pytest.fixture(scope="session")
def rtl_url(rtl_site):
    server, url = serve_in_background(rtl_site)
    yield url
    server.shutdown()


def test_every_page_is_right_to_left(rtl_site):
    pages = sorted((rtl_site / "ar").rglob("*.html"))
    assert pages
    for page in pages:
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").html
        assert (html["lang"], html.get("dir")) == ("ar", "rtl"), page
    chooser = BeautifulSoup((rtl_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert chooser.select_one('a[hreflang="ar"]')["dir"] == "rtl"


@pytest.mark.parametrize("name", ["index.html", "travel.html", "check.html"])
def test_a_right_to_left_page_fits_a_phone(browser, rtl_url, name):
    page, load = cold_load(browser, f"{rtl_url}ar/{name}", viewport=PHONE)
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate(OVERFLOW) <= 0, "the page is wider than the screen"
    assert not load.errors, load.errors
    page.context.close()


def test_a_right_to_left_quiz_is_checked(browser, rtl_url):
    page, load = cold_load(browser, f"{rtl_url}ar/travel.html", viewport=PHONE)
    colour = page.locator('.quiz-question[data-question="colour"]')
    colour.locator(".quiz-option label", has_text="أزرق").click()
    page.locator('.quiz-question[data-question="water"] input[value="false"]').check()
    page.locator(".quiz-actions button[type=submit]").click()
    page.locator(".quiz-result").filter(has_text="1").wait_for(timeout=10_000)
    assert colour.get_attribute("data-result") == "correct"
    assert page.locator('.quiz-question[data-question="water"]').get_attribute("data-result") == "incorrect"
    assert page.evaluate(OVERFLOW) <= 0, "the checked quiz is wider than the screen"
    assert not load.errors, load.errors
    page.context.close()


def test_a_right_to_left_diagnostic_shows_the_weakness_of_an_answer(browser, rtl_url):
    page, load = cold_load(browser, f"{rtl_url}ar/check.html", viewport=PHONE)
    question = page.locator('.diagnostic-item[data-item="Q.1"]')
    question.locator('input[value="no"]').check()
    question.locator(".diagnostic-flag").wait_for(timeout=10_000)
    advice = question.locator("details.diagnostic-details")
    assert advice.get_attribute("open") is not None
    assert advice.get_by_text("لا تتبادل الإدارتان المعلومات.", exact=True).is_visible()
    assert page.evaluate(OVERFLOW) <= 0, "the answered diagnostic is wider than the screen"
    assert not load.errors, load.errors
    page.context.close()
