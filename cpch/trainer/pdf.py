"""Print an HTML file to PDF with headless Chromium."""

import os
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from cpch.browser import launch


def print_pdf(html: Path, pdf: Path) -> Path:
    """Print `html` (A4, backgrounds on) to `pdf`, replacing it only once complete."""
    handle, temporary = tempfile.mkstemp(dir=pdf.parent, prefix=f".{pdf.name}.", suffix=".tmp")
    os.close(handle)
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.pdf(path=temporary, format="A4", print_background=True, prefer_css_page_size=True)
            browser.close()
        os.chmod(temporary, 0o644)
        os.replace(temporary, pdf)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return pdf
