"""Debian's Chromium, started as this closed network needs it (Playwright cannot fetch its own)."""

CHROMIUM = "/usr/bin/chromium"
# No background traffic (the network is closed), no GPU, no sandbox (CI runs as root).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
