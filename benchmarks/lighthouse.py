"""Lighthouse scores of the example site, as a visitor on a phone gets them.

Builds the example site as on 2026-01-05 (both postings open), serves it on
127.0.0.1 with gzip like any web host does, and runs the `lighthouse` npm
package (pinned in package.json) in Debian's Chromium with its default
mobile settings on /job/ and on an open posting. Lighthouse is noisy, so this
reports and never fails.

The browser's clock says today, and the page script closes postings whose
deadline has passed by the visitor's clock (the list shrinks, which
Lighthouse counts as layout shift). So the example postings' dates are moved
by the days between 2026-01-05 and today, and the site is built for today:
the example site as on 2026-01-05, seen on that day.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".ics", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it (as GitHub Pages and most hosts do)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL with a slash
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or not path.is_file() or "gzip" not in self.headers.get(
                "Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def audit(url: str) -> dict:
    """One Lighthouse run: the report as a dict."""
    proc = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)],
        env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuntimeError(f"lighthouse failed on {url}: {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout)


def summary(name: str, report: dict) -> list[str]:
    scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    lines = [f"{name}: " + ", ".join(f"{c} {scores[c]}" + ("" if scores[c] >= TARGETS[c] else f" (target {TARGETS[c]})")
                                    for c in CATEGORIES)]
    audits = report["audits"]
    lines.append("    " + ", ".join(f"{audits[m]['title']} {audits[m].get('displayValue', '')}".strip()
                                    for m in METRICS if m in audits))
    for c in CATEGORIES:
        if scores[c] >= 100:
            continue
        for ref in report["categories"][c]["auditRefs"]:
            a = audits.get(ref["id"], {})
            if ref.get("weight", 0) > 0 and a.get("score") is not None and a["score"] < 1:
                lines.append(f"    {c}: {a['title']} ({a.get('displayValue') or round(a['score'] * 100)})")
    return lines


EXAMPLE_DAY = date(2026, 1, 5)
PROJECT_PARTS = ("mkdocs.yml", "content", "data", "jobs", "overrides", "schema")


def shifted_example(dest: Path, by: timedelta) -> Path:
    """A copy of the project whose postings' dates are all `by` later."""
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, dest / part)
        elif (ROOT / part).is_file():
            shutil.copy2(ROOT / part, dest / part)
    for posting in (dest / "jobs").glob("*.yml"):
        text = posting.read_text("utf-8")
        posting.write_text(re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b",
                                  lambda m: (date(*map(int, m.groups())) + by).isoformat(), text), "utf-8")
    return dest


def run() -> list[str]:
    """Build the example site, audit /job/ and an open posting; the report lines."""
    if not LIGHTHOUSE.exists():
        return ["Lighthouse: node_modules/.bin/lighthouse is missing (npm ci); skipped"]
    if not Path(CHROME).exists():
        return [f"Lighthouse: {CHROME} is missing (make browser); skipped"]
    with tempfile.TemporaryDirectory(prefix="jobsite-lighthouse-") as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        base, server = serve(site)
        try:
            project = shifted_example(Path(tmp) / "project", date.today() - EXAMPLE_DAY)
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "JOBSITE_TODAY": date.today().isoformat(),
                   "SITE_URL": base}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
                           cwd=project, env=env, check=True)
            jobs = json.loads((site / "job" / "jobs.json").read_text("utf-8"))["postings"]
            posting = next(p for p in jobs if p["status"] == "open")
            lines = [f"Lighthouse (mobile, Chromium {_chrome_version()}), "
                     "example site as on 2026-01-05 (its dates moved to today):"]
            for name, path in (("/job/", "job/"), (f"/job/{posting['id']}/", f"job/{posting['id']}/")):
                try:
                    lines += ["  " + line for line in summary(name, audit(base + path))]
                except (RuntimeError, subprocess.TimeoutExpired) as err:
                    lines.append(f"  {name}: {err}")
            return lines
        finally:
            server.shutdown()


def _chrome_version() -> str:
    try:
        out = subprocess.run([CHROME, "--version"], capture_output=True, text=True, timeout=30).stdout
        words = out.split()
        return words[words.index("Chromium") + 1] if "Chromium" in words[:-1] else "?"
    except OSError:
        return "?"


if __name__ == "__main__":
    print("\n".join(run()))
