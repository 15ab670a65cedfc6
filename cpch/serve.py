"""Preview a built site on 127.0.0.1 with the headers a host should send.

    python -m cpch.serve _build/html [--port 8000]

`_build/html` holds the page to choose a language (index.html) and one folder per language.

The same server runs the browser tests, so the site is always tested under its
Content-Security-Policy.
"""

import argparse
import contextlib
import functools
import http.server
import threading
from pathlib import Path

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
# An asset whose address carries its checksum (?v=..., which the build adds to every script and
# style) never changes: a browser may keep it a year. Anything else (pages, figures, the search
# index, sw.js) is checked with the server on each use; unchanged, it costs a 304 and no body.
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def cache_control(path: str) -> str:
    """The Cache-Control header for a request path (with its query)."""
    name, _, query = path.partition("?")
    versioned = any(part.startswith("v=") for part in query.split("&"))
    return IMMUTABLE if versioned and "/_static/" in name else REVALIDATE


SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
    }

    def end_headers(self):
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", cache_control(self.path))
        super().end_headers()

    def log_message(self, format, *args):
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)


class SiteServer(http.server.ThreadingHTTPServer):
    verbose = False  # log every request (the preview does, the tests do not)


def make_server(root: Path, port: int = 0, verbose: bool = False) -> SiteServer:
    """A server for `root` on 127.0.0.1; port 0 picks a free one (see server.server_address)."""
    handler = functools.partial(SiteHandler, directory=str(root))
    server = SiteServer(("127.0.0.1", port), handler)
    server.verbose = verbose
    return server


def serve_in_background(root: Path) -> tuple[SiteServer, str]:
    server = make_server(root)
    # shutdown() waits for the serving loop's next poll: a short one lets a caller stop it at once.
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Preview a built site on 127.0.0.1.")
    parser.add_argument("root", type=Path, help="the built site, e.g. _build/html")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if not (args.root / "index.html").is_file():
        parser.error(f"{args.root}: no index.html; run `make html` first")
    server = make_server(args.root, args.port, verbose=True)
    print(f"Serving {args.root} at http://127.0.0.1:{args.port}/ (Ctrl+C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
