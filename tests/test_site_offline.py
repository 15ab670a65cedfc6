"""The handbook offline: after one visit, or once saved, it works with the network off; a new
build replaces the saved copy whole, after the reader accepts it."""

import base64
import json
import re
import shutil
from pathlib import Path

import pytest

from browser import PHONE
from cpch.browser import CHROMIUM_ARGS, HEADLESS_SHELL
from cpch.build import build_site
from cpch.icons import draw
from cpch.serve import serve_in_background
from cpch.sphinxext.offline import ICONS, THEME_COLOR
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
# How many main headings each saved page holds, as the service worker would serve it offline.
SAVED_PAGES = """async (pages) => {
  const found = {};
  for (const [name, address] of pages) {
    const saved = await caches.match(address);
    const html = saved && saved.ok ? await saved.text() : "";
    found[name] = new DOMParser().parseFromString(html, "text/html").querySelectorAll("main h1").length;
  }
  return found;
}"""
CACHE_NAMES = "async () => (await caches.keys()).filter((name) => !name.endsWith(':settings'))"
# An image's size, and whether every pixel is opaque (a maskable icon must fill its square).
IMAGE = """async (src) => {
  const image = new Image();
  image.src = src;
  await image.decode();
  const canvas = Object.assign(document.createElement("canvas"), { width: image.naturalWidth, height: image.naturalHeight });
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  return { width: image.naturalWidth, height: image.naturalHeight, opaque: pixels.every((v, i) => i % 4 !== 3 || v === 255) };
}"""
# The mean difference per colour channel (0-255) between two images of the same size.
DIFFERENCE = """async ([a, b]) => {
  const pixels = async (src) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    const canvas = Object.assign(document.createElement("canvas"), { width: image.naturalWidth, height: image.naturalHeight });
    canvas.getContext("2d").drawImage(image, 0, 0);
    return canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  };
  const [first, second] = [await pixels(a), await pixels(b)];
  if (first.length !== second.length) return 255;
  let sum = 0;
  for (let i = 0; i < first.length; i++) sum += Math.abs(first[i] - second[i]);
  return sum / first.length;
}"""
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


def test_every_icon_the_manifest_lists_is_there_with_its_stated_size(browser, site, site_url):
    manifest = json.loads((site / "manifest.webmanifest").read_text())
    pngs = [icon for icon in manifest["icons"] if icon["type"] == "image/png"]
    assert {icon["sizes"] for icon in pngs} == {"192x192", "512x512"}
    assert [icon["purpose"] for icon in pngs].count("maskable") == 1
    kept = (site / "sw.js").read_text()
    page = browser.new_page()
    page.goto(f"{site_url}index.html")  # under the site's CSP
    for icon in manifest["icons"]:
        assert f'"{icon["src"]}":' in kept, f"the service worker does not keep {icon['src']}"
        response = page.request.get(f"{site_url}{icon['src']}")
        assert response.ok and response.headers["content-type"].startswith(icon["type"]), icon
        image = page.evaluate(IMAGE, icon["src"])
        if icon["sizes"] != "any":
            assert f"{image['width']}x{image['height']}" == icon["sizes"], icon
        if icon["purpose"] == "maskable":
            assert image["opaque"], f"{icon['src']}: a maskable icon must have no transparent pixel"
    page.close()


def test_the_png_icons_are_drawn_from_the_svg(browser, site):
    """Drawn once and kept in _static/ (see cpch/icons.py): they must still be the SVG's image."""
    static = site / "_static"
    svg = (static / "favicon.svg").read_bytes()
    page = browser.new_page()
    for name, (size, purpose) in ICONS.items():
        fresh = draw(browser, svg, size, THEME_COLOR if purpose == "maskable" else "")
        images = [
            f"data:image/png;base64,{base64.b64encode(data).decode()}" for data in (fresh, (static / name).read_bytes())
        ]
        assert page.evaluate(DIFFERENCE, images) < 1, f"{name} no longer matches favicon.svg: run python -m cpch.icons"
    page.close()


def test_chromium_finds_the_site_installable(browser, site_url, tmp_path):
    """An installable web app for Chromium (in a profile on disk: it never installs from an incognito one)."""
    context = browser.browser_type.launch_persistent_context(
        tmp_path, executable_path=HEADLESS_SHELL, args=CHROMIUM_ARGS, service_workers="allow"
    )
    try:
        page = context.new_page()
        page.goto(f"{site_url}index.html")
        page.evaluate("async () => { await navigator.serviceWorker.ready; }")
        errors = context.new_cdp_session(page).send("Page.getInstallabilityErrors")["installabilityErrors"]
    finally:
        context.close()
    assert errors == []


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
    # Every page is kept whole; the worker serves each the same way, so one page per folder is opened.
    assert page.evaluate(SAVED_PAGES, [[name, f"{url}{name}.html"] for name in PAGES]) == dict.fromkeys(PAGES, 1)
    for docname in {docname.rpartition("/")[0]: docname for docname in reversed(PAGES)}.values():
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
    assert page.evaluate(CACHE_NAMES) == [f"cpch:/:{old}"]

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
    assert page.evaluate(CACHE_NAMES) == [f"cpch:/:{new}"]
    context.set_offline(True)
    page.goto(f"{url}part/chapter.html")
    assert page.locator("main h1").is_visible()
