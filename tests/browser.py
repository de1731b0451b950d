"""Headless Chromium for map tests and scripts (Playwright over Debian's ``chromium``).

Never downloads a browser (no ``playwright install``): it drives the system
``/usr/bin/chromium``. If that is missing and we are root on a Debian-like
system, it tries ``apt-get install -y chromium`` once; otherwise callers get
:class:`BrowserUnavailable` with the reason (tests turn it into a skip).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class BrowserUnavailable(RuntimeError):
    """Headless Chromium cannot be started here (the message says why)."""


def chromium_path() -> str:
    """Return the Chromium executable, installing the Debian package if root.

    Raises:
        BrowserUnavailable: no chromium and no way to install it.
    """
    found = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if found:
        return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "chromium"],
            check=False, capture_output=True, timeout=600,
        )
        if os.path.exists(CHROMIUM):
            return CHROMIUM
        raise BrowserUnavailable("chromium is not installed and `apt-get install -y chromium` failed")
    raise BrowserUnavailable(
        "chromium is not installed (/usr/bin/chromium); install the Debian package `chromium`"
    )


@contextmanager
def launch():
    """Yield a Playwright ``Browser`` on headless system Chromium; closes it after.

    Raises:
        BrowserUnavailable: Chromium or Playwright is missing.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - dev dependency
        raise BrowserUnavailable(f"playwright is not installed ({exc})") from None
    executable = chromium_path()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


class PageLog:
    """What a page did: console errors, page errors, dialogs and every request URL."""

    def __init__(self, page) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))

        def on_dialog(dialog) -> None:
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)

    def external_requests(self) -> list[str]:
        """Requests that left the local file (anything but file:, data:, about:, blob:)."""
        return [u for u in self.requests if not u.startswith(("file:", "data:", "about:", "blob:"))]


def open_map(browser, path: Path, timeout_ms: float = 60_000, viewport=(1400, 900)):
    """Open a map file in a new page and wait until it is interactive.

    Returns ``(page, log, seconds)``: seconds from navigation start to the
    page's ready flag (first drawing after layout), read from the page's own
    ``performance.now()`` clock.
    """
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    log = PageLog(page)
    page.goto(Path(path).resolve().as_uri(), wait_until="load", timeout=timeout_ms)
    page.wait_for_function("window.civicgraph && window.civicgraph.ready", timeout=timeout_ms)
    seconds = page.evaluate("window.civicgraph.readyAt") / 1000.0
    return page, log, seconds
