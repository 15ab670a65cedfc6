"""What makes the site feel like a book: search, contents, previous/next, print and keyboard use."""

from browser import cold_load


def test_search_finds_pages_offline(browser, site_url):
    page, load = cold_load(browser, f"{site_url}search.html?q=travel+documents")
    results = page.locator("#search-results li a")
    results.first.wait_for(timeout=10_000)
    targets = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(t.startswith("interpol/sltd.html") for t in targets), targets
    assert all(url.startswith(site_url) for url in load.urls)
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
