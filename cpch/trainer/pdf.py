"""Print an HTML file to PDF with headless Chromium."""

from pathlib import Path

from playwright.sync_api import sync_playwright

from cpch.browser import launch
from cpch.files import write_atomically


def print_pdf(html: Path, pdf: Path) -> Path:
    """Print `html` (A4, backgrounds on) to `pdf`, replacing it only once complete."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        page.goto(html.resolve().as_uri(), wait_until="load")
        document = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        browser.close()
    return write_atomically(pdf, document)
