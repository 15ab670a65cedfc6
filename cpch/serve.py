"""Preview a built site on 127.0.0.1 with the headers a host should send.

    python -m cpch.serve _build/html [--port 8000]

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
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'self'"
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".svg": "image/svg+xml"}

    def end_headers(self):
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-cache")
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
    threading.Thread(target=server.serve_forever, daemon=True).start()
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
