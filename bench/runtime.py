"""The quiz runtime: its size gzipped, and how soon after navigation a big quiz becomes interactive.

"Interactive" is the moment the runtime unhides the quiz's actions (`.quiz-actions`), which it does
once it has set the quiz up. A script injected before the page (through the debugger, so the page's
Content-Security-Policy does not apply) notes that moment with performance.now(), whose zero is the
start of the navigation. The runtime's own share is the time from the end of parsing (domInteractive,
after which deferred scripts run) to that moment.
"""

import gzip
from pathlib import Path

import cpch
from bench.browser import PHONE
from bench.timing import summary

RUNTIME = Path(cpch.__file__).resolve().parent / "sphinxext" / "static" / "cpch-quiz.js"

WATCH = """
(() => {
  const seen = () => {
    if (window.__benchInteractive === undefined && document.querySelector(".quiz-actions:not([hidden])")) {
      window.__benchInteractive = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, {subtree: true, attributes: true, attributeFilter: ["hidden"]});
})();
"""
TIMES = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return {interactive: window.__benchInteractive, dom_interactive: nav.domInteractive,
          dom_content_loaded: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd, questions: document.querySelectorAll(".quiz-questions > li").length};
}"""


def gzip_size(path: Path = RUNTIME) -> dict:
    data = Path(path).read_bytes()
    return {
        "file": Path(path).name,
        "bytes": len(data),
        "gzip_bytes": len(gzip.compress(data, compresslevel=9, mtime=0)),
    }


def load_times(browser, url: str, cpu_slowdown: float = 1) -> dict:
    """One cold load of `url`: milliseconds from navigation start to interactive, DOMContentLoaded, load."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        if cpu_slowdown > 1:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
        page.add_init_script(WATCH)
        page.goto(url, wait_until="load")
        page.wait_for_function(
            "window.__benchInteractive !== undefined && performance.getEntriesByType('navigation')[0].loadEventEnd > 0",
            timeout=30_000,
        )
        return page.evaluate(TIMES)
    finally:
        context.close()


def measure(browser, url: str, loads: int, cpu_slowdowns=(1, 4)) -> dict:
    """Median over `loads` cold loads, without and with a CPU slowdown (Lighthouse's mobile uses 4×)."""
    results = {}
    for slowdown in cpu_slowdowns:
        times = [load_times(browser, url, slowdown) for _ in range(loads)]
        results[f"cpu_{slowdown}x"] = {
            "interactive_ms": summary([t["interactive"] for t in times], 1),
            "parsed_ms": summary([t["dom_interactive"] for t in times], 1),
            "runtime_ms": summary([t["interactive"] - t["dom_interactive"] for t in times], 1),
            "dom_content_loaded_ms": summary([t["dom_content_loaded"] for t in times], 1),
            "load_ms": summary([t["load"] for t in times], 1),
            "questions": times[0]["questions"],
        }
    return results
