"""Take screenshots of built pages in Debian's Chromium, to look at them.

Usage: .venv/bin/python scripts/screenshot.py SITE_DIR OUT_DIR URL_PATH [URL_PATH ...]
       (add --phone for a 390x844 viewport)
"""
from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main(argv: list[str]) -> None:
    phone = "--phone" in argv
    argv = [a for a in argv if a != "--phone"]
    site, out, paths = Path(argv[0]), Path(argv[1]), argv[2:]
    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        size = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
        page = browser.new_page(viewport=size, device_scale_factor=1)
        for path in paths:
            page.goto(base + path.lstrip("/"))
            name = (path.strip("/").replace("/", "_") or "home") + ("-phone" if phone else "") + ".png"
            page.screenshot(path=str(out / name), full_page=True)
            print(out / name)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:])
