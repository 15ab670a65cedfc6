"""Helpers for tests that load pages in Chromium."""

from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}


@dataclass
class PageLoad:
    """What a cold load of one page did: every request, every response and every console error."""

    urls: list = field(default_factory=list)
    responses: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @cached_property
    def bytes(self) -> int:
        """The bytes of the page's successful responses, fetched from the browser only when asked."""
        return sum(len(response.body()) for response in self.responses if response.status < 300)


def cold_load(browser, url: str, viewport=PHONE):
    """Open `url` in a new, empty browser context and return (page, PageLoad)."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    load = PageLoad()
    page.on("request", lambda request: load.urls.append(request.url))
    page.on("response", lambda response: load.responses.append(response))
    page.on(
        "response",
        lambda response: response.status >= 400 and load.errors.append(f"HTTP {response.status}: {response.url}"),
    )
    page.on("console", lambda message: message.type == "error" and load.errors.append(message.text))
    page.on("pageerror", lambda error: load.errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    return page, load


@cache
def axe_source() -> str:
    return AXE.read_text()


def axe_violations(page, impacts=("serious", "critical"), rules=None) -> list:
    """Run axe-core in the page (through the debugger, so the page's CSP does not block it): every
    rule, or only the axe `rules` named. Its half-megabyte source goes into a page once, however
    many times the page is checked."""
    if not page.evaluate("typeof axe === 'object'"):
        page.evaluate(axe_source())
    options = {"resultTypes": ["violations"]} | ({"runOnly": {"type": "rule", "values": list(rules)}} if rules else {})
    results = page.evaluate("(options) => axe.run(document, options)", options)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in impacts
    ]


# How many presses of Tab move the focus from where it is to `target`: the shown, enabled controls
# between them in document order, a radio group counting once (Tab enters it at one option). The
# pages give no positive tabindex; if one does, the count is 0 and tab_to checks after every press.
TABS_TO_REACH = """(target) => {
  const controls = "a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]";
  const stops = new Map();
  const groups = new Map();
  let count = 0;
  for (const element of document.querySelectorAll(controls)) {
    if (element.tabIndex > 0) return 0;
    if (element.tabIndex < 0 || element.matches(":disabled") || !element.checkVisibility({visibilityProperty: true})) continue;
    if (element.type === "radio" && element.name) {
      if (!groups.has(element.name)) groups.set(element.name, count++);
      stops.set(element, groups.get(element.name));
    } else {
      stops.set(element, count++);
    }
  }
  const from = stops.has(document.activeElement) ? stops.get(document.activeElement) : -1;
  const to = stops.get(target);
  return to === undefined || to <= from ? 0 : to - from;
}"""


def tab_to(page, locator, limit=150):
    """Press Tab until `locator` has the focus, as a keyboard user would. The presses it takes are
    counted first, so the focus is checked once they are made rather than after each of them; past
    that count (a stop the count missed), each press is checked."""
    planned = locator.evaluate(TABS_TO_REACH)
    for pressed in range(limit):
        if pressed >= planned and locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator} in {limit} presses ({planned} counted to reach it)")
