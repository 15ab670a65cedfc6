"""Helpers for tests that load pages in Chromium."""

from dataclasses import dataclass, field
from pathlib import Path

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}


@dataclass
class PageLoad:
    """What a cold load of one page did: every request, its bytes, and every console error."""

    urls: list = field(default_factory=list)
    bytes: int = 0
    errors: list = field(default_factory=list)


def cold_load(browser, url: str, viewport=PHONE):
    """Open `url` in a new, empty browser context and return (page, PageLoad)."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    load = PageLoad()
    responses = []
    page.on("request", lambda request: load.urls.append(request.url))
    page.on("response", lambda response: responses.append(response))
    page.on(
        "response",
        lambda response: response.status >= 400 and load.errors.append(f"HTTP {response.status}: {response.url}"),
    )
    page.on("console", lambda message: message.type == "error" and load.errors.append(message.text))
    page.on("pageerror", lambda error: load.errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    load.bytes = sum(len(response.body()) for response in responses if response.status < 300)
    return page, load


def axe_violations(page, impacts=("serious", "critical"), rules=None) -> list:
    """Run axe-core in the page (through the debugger, so the page's CSP does not block it): every
    rule, or only the axe `rules` named."""
    page.evaluate(AXE.read_text())
    options = {"resultTypes": ["violations"]} | ({"runOnly": {"type": "rule", "values": list(rules)}} if rules else {})
    results = page.evaluate("(options) => axe.run(document, options)", options)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in impacts
    ]
