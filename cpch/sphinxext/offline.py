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
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urlsplit

from sphinx.application import Sphinx

WORKER = Path(__file__).parent / "worker" / "sw.js"
WORKER_NAME = "sw.js"
MANIFEST_NAME = "manifest.webmanifest"
PAGE_SCRIPT = "cpch-offline.js"
REFERENCE = re.compile(r'(?:href|src)="([^"#]+)')
# Loaded by a script or by the browser, not named in a tag.
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


def offline_files(outdir: Path) -> dict[str, str]:
    """Every page and every file the pages use: address -> SHA-256 (first 16 hex digits)."""
    pages = sorted(outdir.rglob("*.html"))
    addresses = {p.relative_to(outdir).as_posix() for p in pages} | {
        name for name in EXTRA if (outdir / name).is_file()
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


def write_manifest(app: Sphinx, outdir: Path) -> None:
    manifest = {
        "name": app.config.html_title or app.config.project,
        "short_name": app.config.html_short_title or app.config.project,
        "lang": app.config.language or "en",
        "start_url": "index.html",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#123c69",
        "icons": [{"src": "_static/favicon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
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
