"""The web app's PNG icons, drawn by Chromium from the site's SVG icon.

Phones want PNG icons of 192 and 512 pixels to install a site as an app, and a "maskable" one that
they may crop to a circle or a rounded square. They are drawn once, whenever the SVG changes, and
kept beside it in the book's _static/ folder (a few KB in all), rather than drawn at every build,
which would make `make html` start a browser. tests/test_site_offline.py checks that they still
match the SVG. To draw them again:

    .venv/bin/python -m cpch.icons _static/favicon.svg
"""

import argparse
import base64
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from cpch.browser import launch
from cpch.sphinxext.offline import ICONS, THEME_COLOR

# A maskable icon is cropped to a shape of the phone's choice; only its middle 80% is sure to show.
SAFE_ZONE = 0.8
DECODED = "img => img.decode()"


def icon_page(svg: bytes, size: int, background: str) -> str:
    """A page showing the SVG at `size` pixels; on `background`, and shrunk to the safe zone, when given."""
    source = "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
    drawn = round(size * SAFE_ZONE) if background else size
    return (
        f'<body style="margin:0;width:{size}px;height:{size}px;display:grid;place-items:center;'
        f'background:{background or "transparent"}"><img src="{source}" width="{drawn}" height="{drawn}" alt="">'
    )


def draw(browser, svg: bytes, size: int, background: str = "") -> bytes:
    """The SVG as a PNG of `size` x `size` pixels (transparent where the SVG is, without a background)."""
    page = browser.new_page(viewport={"width": size, "height": size})
    try:
        page.set_content(icon_page(svg, size, background))
        page.locator("img").evaluate(DECODED)
        return page.screenshot(omit_background=True)
    finally:
        page.close()


def write_icons(svg_path: Path, background: str = THEME_COLOR) -> list[Path]:
    """Draw every icon the manifest lists (cpch.sphinxext.offline.ICONS) beside `svg_path`."""
    svg = svg_path.read_bytes()
    written = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, (size, purpose) in ICONS.items():
            path = svg_path.parent / name
            path.write_bytes(draw(browser, svg, size, background if purpose == "maskable" else ""))
            written.append(path)
        browser.close()
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cpch.icons", description=__doc__.split("\n\n")[0])
    parser.add_argument("svg", type=Path, help="the site's icon, e.g. _static/favicon.svg")
    parser.add_argument(
        "--background", default=THEME_COLOR, help=f"the maskable icon's background colour (default: {THEME_COLOR})"
    )
    args = parser.parse_args(argv)
    if not args.svg.is_file():
        parser.error(f"{args.svg}: no such file")
    for path in write_icons(args.svg, args.background):
        print(f"{path}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
