"""The handbook offline: a web app manifest and a service worker at the site's root.

Once the build is done, this lists every file a reader may need (every page, and every script,
style, figure and icon the pages refer to, under the very address they use, checksum query
included) with a SHA-256 of each, and writes them into sw.js (from worker/sw.js) with a version
made from them all. Any change to any file gives a new version, so a new cache, and the browser
offers the new edition. See book/reference/hosting.md for the headers a host should send.
"""

import hashlib
import json
import re
import struct
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urlsplit

from sphinx.application import Sphinx

WORKER = Path(__file__).parent / "worker" / "sw.js"
WORKER_NAME = "sw.js"
MANIFEST_NAME = "manifest.webmanifest"
PAGE_SCRIPT = "cpch-offline.js"
REFERENCE = re.compile(r'(?:href|src)="([^"#]+)')
THEME_COLOR = "#123c69"
ICON = "_static/favicon.svg"
# PNG icons for installing the site as an app, listed in the manifest when the book's _static/ has
# them: name -> (pixels, purpose). `python -m cpch.icons _static/favicon.svg` draws them.
ICONS = {"icon-192.png": (192, "any"), "icon-512.png": (512, "any"), "icon-maskable-512.png": (512, "maskable")}
# Loaded by a script or by the browser, not named in a tag (the manifest's icons are added to these).
EXTRA = ("searchindex.js", MANIFEST_NAME, "_static/cpch-highlight.js")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def referenced(outdir: Path, page: Path) -> set[str]:
    """Addresses (relative to the site's root, query kept) of the site's files `page` refers to."""
    found = set()
    folder = page.parent.relative_to(outdir).as_posix()
    for address in REFERENCE.findall(page.read_text(encoding="utf-8")):
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = normpath(f"{folder}/{unquote(parts.path)}" if folder != "." else unquote(parts.path))
        if not path.startswith("..") and (outdir / path).is_file():
            found.add(path + (f"?{parts.query}" if parts.query else ""))
    return found


def manifest_icons(outdir: Path) -> list[str]:
    """The addresses of the icons the site's manifest lists."""
    path = outdir / MANIFEST_NAME
    return [icon["src"] for icon in json.loads(path.read_text(encoding="utf-8"))["icons"]] if path.is_file() else []


def offline_files(outdir: Path) -> dict[str, str]:
    """Every page and every file the pages use: address -> SHA-256 (first 16 hex digits)."""
    pages = sorted(outdir.rglob("*.html"))
    addresses = {p.relative_to(outdir).as_posix() for p in pages} | {
        name for name in [*EXTRA, *manifest_icons(outdir)] if (outdir / name).is_file()
    }
    for page in pages:
        addresses |= referenced(outdir, page)
    return {address: digest((outdir / address.split("?")[0]).read_bytes()) for address in sorted(addresses)}


def build_record(outdir: Path) -> dict:
    files = offline_files(outdir)
    sizes = {address.split("?")[0] for address in files}
    return {
        "version": digest("\n".join(f"{a} {h}" for a, h in files.items()).encode()),
        "bytes": sum((outdir / path).stat().st_size for path in sizes),
        "files": files,
    }


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header (its IHDR chunk comes first, at byte 16)."""
    header = path.read_bytes()[:24]
    if header[:8] != b"\x89PNG\r\n\x1a\n" or header[12:16] != b"IHDR":
        raise ValueError(f"{path}: not a PNG file")
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def png_icons(outdir: Path) -> list[dict]:
    """The manifest's entries for the PNG icons the site has, each with its true size."""
    icons = []
    for name, (_, purpose) in ICONS.items():
        path = outdir / "_static" / name
        if path.is_file():
            width, height = png_size(path)
            icons.append(
                {"src": f"_static/{name}", "sizes": f"{width}x{height}", "type": "image/png", "purpose": purpose}
            )
    return icons


def write_manifest(app: Sphinx, outdir: Path) -> None:
    manifest = {
        "name": app.config.html_title or app.config.project,
        "short_name": app.config.html_short_title or app.config.project,
        "lang": app.config.language or "en",
        "start_url": "index.html",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [{"src": ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any"}, *png_icons(outdir)],
    }
    (outdir / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def write_worker(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    write_manifest(app, outdir)
    record = json.dumps(build_record(outdir), separators=(",", ":"))
    worker = WORKER.read_text(encoding="utf-8").replace('/* BUILD */ { version: "", bytes: 0, files: {} }', record, 1)
    (outdir / WORKER_NAME).write_text(worker, encoding="utf-8")


def add_page_script(app: Sphinx) -> None:
    app.add_js_file(PAGE_SCRIPT, defer="defer")
