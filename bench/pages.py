"""What a cold load of a page costs in Chromium: uncompressed bytes and requests (as tests/browser.py)."""

from bench.browser import PHONE


def cold_load(browser, url: str) -> dict:
    """Open `url` in a new, empty browser context on a phone-sized screen; count what it fetched."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        requests, responses, errors = [], [], []
        page.on("request", lambda request: requests.append(request.url))
        page.on("response", lambda response: responses.append(response))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        response = page.goto(url, wait_until="networkidle")
        if response is None or response.status >= 400:
            raise AssertionError(f"{url}: HTTP {response.status if response else 'no response'}")
        size = sum(len(r.body()) for r in responses if r.status < 300)
        errors += [f"HTTP {r.status}: {r.url}" for r in responses if r.status >= 400]
        return {"bytes": size, "requests": len(requests), "errors": errors}
    finally:
        context.close()


def measure(browser, base_url: str, pages: dict[str, str]) -> dict:
    """{name: cold-load figures} for each page {name: path without .html}."""
    return {name: {"path": path, **cold_load(browser, f"{base_url}{path}.html")} for name, path in pages.items()}
