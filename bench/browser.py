"""Debian's Chromium through Playwright (which cannot download a browser here), and the two servers:
ours with the site's security headers (cpch.serve), a plain static one for the baseline."""

import contextlib
import functools
import http.server
import threading
from pathlib import Path

from cpch.browser import CHROMIUM, CHROMIUM_ARGS, launch
from cpch.serve import serve_in_background

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "PHONE", "chromium", "serving"]
PHONE = {"width": 360, "height": 740}


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serving(root: Path, site_headers: bool = True):
    """Serve `root` on a free port of 127.0.0.1; yield its base URL (ending in /)."""
    if site_headers:
        server, url = serve_in_background(root)
    else:
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
