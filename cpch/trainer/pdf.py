"""Print the printable document to PDF with headless Chromium, then give it an outline with pypdf.

Chromium draws the running headers and page numbers (CSS margin boxes) and makes a named
destination of each section the contents page links to; pypdf reads where those land, so the
contents page can show page numbers, and adds one bookmark per section. (Chromium can make an
outline itself from the headings, but it drops the space where a heading wraps onto a new line.)"""

import io
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader, PdfWriter
from pypdf.generic import IndirectObject

from cpch.browser import launch
from cpch.files import write_atomically
from cpch.trainer.printable import Section

MAX_PRINTS = 4  # page numbers settle after the second print unless the contents page changes length


def section_pages(document: bytes) -> dict[str, int]:
    """The 1-based page each named destination (a section the contents page links to) starts on."""
    reader = PdfReader(io.BytesIO(document))
    pages = {}
    for name, destination in reader.named_destinations.items():
        number = reader.get_destination_page_number(destination)
        if number is not None:
            pages[name.lstrip("/")] = number + 1
    return pages


def with_outline(document: bytes, found: list[Section], pages: dict[str, int], contents: str = "Contents") -> bytes:
    """`document` with a bookmark per group and per section; viewers open it with the outline shown."""
    writer = PdfWriter(io.BytesIO(document), incremental=True)  # appends to Chromium's bytes: twice as fast
    writer.add_outline_item(title=contents, page_number=0)
    parents: dict[str, IndirectObject] = {}
    for section in found:
        if section.anchor not in pages:
            continue
        page = pages[section.anchor] - 1
        if section.group not in parents:
            parents[section.group] = writer.add_outline_item(title=section.group, page_number=page)
        writer.add_outline_item(title=section.title, page_number=page, parent=parents[section.group])
    writer.page_mode = "/UseOutlines"
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def print_pdf(
    write_html: Callable[[dict[str, int]], Path], found: list[Section], pdf: Path, contents: str = "Contents"
) -> Path:
    """Print the HTML that `write_html(pages)` writes (A4, backgrounds on) until its contents page
    gives the right page numbers; write `pdf` only once complete."""
    pages: dict[str, int] = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        for _ in range(MAX_PRINTS):
            page.goto(write_html(pages).resolve().as_uri(), wait_until="load")
            document = page.pdf(format="A4", print_background=True, prefer_css_page_size=True, tagged=True)
            printed = section_pages(document)
            if printed == pages:
                break
            pages = printed
        else:
            raise RuntimeError(f"the page numbers of {pdf.name} changed at each of {MAX_PRINTS} prints")
        browser.close()
    return write_atomically(pdf, with_outline(document, found, pages, contents))
