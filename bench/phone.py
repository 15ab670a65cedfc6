"""What an officer's phone pays: each page's weight against its floor, the first chapter on a slow
link, a repeat visit, and the size of the offline copy.

The floor of a page is what it cannot do without: its own HTML, the theme's style sheet and its
figures, plus, on a page with a quiz or a diagnostic, that runtime's script and style sheet.
"""

import re
import statistics
from pathlib import Path

from bench.browser import PHONE
from bench.pages import cold_load
from cpch.sphinxext.offline import build_record

THEME_STYLE = "_static/book.css"
RUNTIMES = {
    "quiz": ("cpch-quiz.js", "cpch-quiz.css"),
    "diagnostic": ("cpch-diagnostic.js", "cpch-diagnostic.css"),
    # The search page's runtime is Sphinx's: its scripts, and the index they search.
    "search": (
        "searchtools.js",
        "language_data.js",
        "doctools.js",
        "documentation_options.js",
        "sphinx_highlight.js",
        "../searchindex.js",
    ),
}
SLOW_LINK = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
FIRST_PAINT = """() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null"""
LOADED = """() => { const n = performance.getEntriesByType("navigation")[0]; return n.loadEventEnd || n.domContentLoadedEventEnd; }"""


def runtimes_used(html: str) -> list[str]:
    return [name for name, (script, *_) in RUNTIMES.items() if script in html]


def floor_bytes(site: Path, path: str) -> int:
    """The page's HTML, the theme's CSS, its figures and the runtime it embeds, in bytes."""
    page = site / f"{path}.html"
    html = page.read_text(encoding="utf-8")
    files = {page, site / THEME_STYLE}
    for source in re.findall(r'<img[^>]+src="([^"]+)"', html):
        files.add((page.parent / source.split("?")[0]).resolve())
    for name in runtimes_used(html):
        files |= {(site / "_static" / f).resolve() for f in RUNTIMES[name]}
    return sum(f.stat().st_size for f in {f.resolve() for f in files} if f.is_file())


def request_budget(site: Path, path: str) -> int:
    """8 requests; a page with a runtime may add that runtime's files."""
    return 8 + sum(len(RUNTIMES[name]) for name in runtimes_used((site / f"{path}.html").read_text(encoding="utf-8")))


def every_page(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).with_suffix("").as_posix(): p.relative_to(site).with_suffix("").as_posix()
        for p in sorted(site.rglob("*.html"))
    }


def weights(browser, url: str, site: Path) -> dict:
    """Each page's cold load against its floor."""
    result = {}
    for name, path in every_page(site).items():
        load = cold_load(browser, f"{url}{path}.html")
        floor = floor_bytes(site, path)
        result[name] = {
            "bytes": load["bytes"],
            "requests": load["requests"],
            "floor_bytes": floor,
            "ratio": round(load["bytes"] / floor, 2),
            "request_budget": request_budget(site, path),
        }
    return result


def first_paint_on_slow_link(browser, url: str, runs: int = 3) -> float | None:
    """Milliseconds to first contentful paint of a cold load over 400 kbps with 400 ms latency, the
    median of `runs` loads (a single one swings by a second on a busy machine)."""
    paints = [paint for paint in (slow_first_paint(browser, url) for _ in range(runs)) if paint is not None]
    return statistics.median(paints) if paints else None


def slow_first_paint(browser, url: str) -> float | None:
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        context.new_cdp_session(page).send("Network.emulateNetworkConditions", SLOW_LINK)
        page.goto(url, wait_until="load")
        return page.evaluate(FIRST_PAINT)
    finally:
        context.close()


def repeat_visit(browser, url: str) -> dict:
    """A second visit over the slow link once the first has run (the service worker keeps the page):
    milliseconds to load, and how many requests still went to the network."""
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.evaluate("async () => { await navigator.serviceWorker.ready; }")
        page.evaluate(
            """async (address) => {
          for (let i = 0; i < 200 && !(await caches.match(address)); i++) await new Promise((r) => setTimeout(r, 50));
        }""",
            url,
        )
        context.new_cdp_session(page).send("Network.emulateNetworkConditions", SLOW_LINK)
        network = []
        page.on("response", lambda response: response.from_service_worker or network.append(response.url))
        context.on("request", lambda request: request.service_worker and network.append(request.url))
        page.goto(url, wait_until="load")
        return {"load_ms": page.evaluate(LOADED), "network_requests": len(network), "urls": network}
    finally:
        context.close()


def offline_bundle(site: Path) -> dict:
    record = build_record(site)
    return {"bytes": record["bytes"], "files": len(record["files"])}
