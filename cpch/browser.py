"""Debian's Chromium, started as this closed network needs it (Playwright cannot fetch its own)."""

CHROMIUM = "/usr/bin/chromium"
# Chromium's old headless mode, Debian's chromium-headless-shell: the same engine (Blink, V8, service
# workers, printing) without the browser's windows. A new browser context costs it 0.18 s of CPU where
# the full browser takes 0.64 s; the tests, which open hundreds, run on it, as Playwright's do by default.
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
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


def launch(playwright, executable: str = CHROMIUM):
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
