"""What makes the site feel like a book: search, contents, previous/next, print and keyboard use."""

import pytest

from browser import cold_load


def test_search_finds_pages_offline(browser, site_url):
    page, load = cold_load(browser, f"{site_url}search.html?q=travel+documents")
    results = page.locator("#search-results li a")
    results.first.wait_for(timeout=10_000)
    targets = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(t.startswith("interpol/sltd.html") for t in targets), targets
    assert all(url.startswith(site_url) for url in load.urls)
    page.context.close()


def search(browser, site_url, words):
    """The results for `words`, once the search has finished: (page, [(link, title)])."""
    page, _ = cold_load(browser, f"{site_url}search.html?q={words}")
    page.locator("p.search-summary", has_text="Search finished").wait_for(timeout=10_000)
    links = page.locator("#search-results li > a")
    # Less the words each link carries for the page it opens to mark (test_search_words_are_marked...).
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href').replace(/[?]highlight=[^#]*/, ''))")
    return page, list(zip(hrefs, links.all_inner_texts()))


def test_a_page_whose_title_spells_out_the_acronym_comes_first(browser, site_url):
    page, results = search(browser, site_url, "SLTD")
    assert results[0][0].startswith("interpol/sltd.html"), results
    # The glossary entry is its own, titled result, and the glossary page is listed once.
    assert ("reference/glossary.html#term-SLTD", "Glossary > SLTD") in results
    assert [title for _, title in results].count("Glossary") == 1
    page.locator("#search-results li p.context").first.wait_for(timeout=10_000)  # results show an excerpt
    page.context.close()


@pytest.mark.parametrize(
    "words, first",
    [
        ("stolen passports", "interpol/sltd.html"),
        ("lost travel documents", "interpol/sltd.html"),
        ("CCC", "interpol/ccc.html"),
        ("I-24/7", "interpol/access.html"),
    ],
)
def test_acronyms_and_their_expansions_find_each_other(browser, site_url, words, first):
    page, results = search(browser, site_url, words.replace(" ", "+"))
    assert results and results[0][0].startswith(first), results
    page.context.close()


def test_search_words_are_marked_on_the_page_a_result_opens_until_hidden(browser, site_url):
    page, _ = search(browser, site_url, "lost+the+travel+documents")
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    link = page.locator("#search-results li > a").first
    # The words as typed, less the stop word.
    assert link.get_attribute("href").startswith("interpol/sltd.html?highlight=lost%20travel%20documents")
    link.click()
    page.wait_for_url("**/interpol/sltd.html")  # the words leave the address: a reload shows the page plain
    marks = page.locator("main mark.search-match")
    marks.first.wait_for()
    assert {text.lower() for text in marks.all_inner_texts()} == {"lost", "travel", "documents"}
    text = page.locator("main").inner_text()
    hide = page.get_by_role("button", name="Hide Search Matches")
    hide.focus()
    page.keyboard.press("Enter")
    assert marks.count() == 0 and hide.is_hidden()
    assert page.locator("main").inner_text() == text  # the words themselves stay
    assert page.evaluate("document.activeElement.id") == "main"  # focus is not lost
    page.go_back()
    page.locator("#search-results li > a").first.click()
    marks.first.wait_for()
    page.keyboard.press("Escape")
    assert marks.count() == 0
    assert errors == []  # the site's CSP allowed all of it
    page.context.close()


def test_header_search_box_leads_to_results(browser, site_url):
    page, _ = cold_load(browser, f"{site_url}foundations/why-cooperate.html")
    page.get_by_label("Search the handbook").fill("CENcomm")
    page.keyboard.press("Enter")
    page.locator("#search-results li a").first.wait_for(timeout=10_000)
    assert "support/wco-tools.html" in page.locator("#search-results").inner_html()
    page.context.close()


def test_keyboard_user_can_skip_to_the_text(browser, site_url):
    page, _ = cold_load(browser, f"{site_url}cooperation/partnership-levels.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.context.close()


def test_chapter_has_contents_and_previous_next(browser, site_url):
    page, _ = cold_load(browser, f"{site_url}cooperation/partnership-levels.html")
    nav = page.get_by_role("navigation", name="Book contents")
    assert nav.get_by_role("link", name="Partnership levels").count() == 1
    assert page.locator("a[rel=prev]").get_attribute("href") == "opportunities.html"
    assert page.locator("a[rel=next]").get_attribute("href") == "key-elements.html"
    page.context.close()


def test_every_page_has_a_description_for_search_engines(site):
    for html in site.rglob("*.html"):
        if html.name != "search.html":
            assert '<meta name="description" content="' in html.read_text(), html


def test_print_shows_the_text_only(browser, site_url):
    page, _ = cold_load(browser, f"{site_url}interpol/sltd.html")
    page.emulate_media(media="print")
    for selector in (".site-header", ".site-nav", ".prev-next", ".site-footer"):
        assert not page.locator(selector).is_visible(), selector
    assert page.locator("main h1").is_visible()
    page.context.close()
