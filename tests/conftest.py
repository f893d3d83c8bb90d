"""Shared fixtures: the example site built once per date, and a scratch copy
of the project for tests that break the content on purpose."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest

from project_copy import ROOT, copy_project  # noqa: F401 - shared with benchmarks/bench.py


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


# --- Tiers: each test's tier follows from the fixtures it uses (never marked by hand) -------------
# browser: Chromium drives a served site; site: a build, a subprocess or files on disk (a project
# copy, a temporary folder, the command line on the example); fast: everything else, in process.
# `make test-fast` runs the fast tier with JOBSITE_TIER=fast, where starting a subprocess fails the
# test: one that needs the command line asks for the `cli` fixture (or a project), and so moves tier.
BROWSER_FIXTURES = frozenset({"browser", "page", "phone"})
SITE_FIXTURES = frozenset({"built_site", "served_site", "project", "tmp_path", "tmp_path_factory", "cli"})


def tier_of(fixtures) -> str:
    names = set(fixtures)
    return "browser" if names & BROWSER_FIXTURES else "site" if names & SITE_FIXTURES else "fast"


def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(getattr(pytest.mark, tier_of(getattr(item, "fixturenames", ()))))


@pytest.fixture(scope="session")
def cli():
    """The command line (`run`), for a test that runs it on the example project itself: its tier is site."""
    return run


@pytest.fixture(autouse=True)
def _fast_tier_stays_in_process(request, monkeypatch):
    """Under `make test-fast`, a test of the fast tier that starts a process fails and says how to move it."""
    if os.environ.get("JOBSITE_TIER") == "fast" and tier_of(request.fixturenames) == "fast":
        from generator import glyphs
        glyphs._coverage()  # the machine's fonts (fc-list, once per run, cached): a fact, not the test's work
        def refuse(*args, **kwargs):
            raise RuntimeError(f"{request.node.nodeid}: a fast-tier test started a process; ask for the `cli` "
                               "fixture (or `project`, `tmp_path`), so it runs in the site tier")
        monkeypatch.setattr(subprocess, "Popen", refuse)


def run(args: list[str], cwd: Path, today: str | None = None, **env: str) -> Run:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    environment.pop("JOBSITE_TODAY", None)
    if today:
        environment["JOBSITE_TODAY"] = today
        # MkDocs dates sitemap.xml.gz's header by this (reproducible builds' convention), else by the clock.
        environment["SOURCE_DATE_EPOCH"] = str(int(datetime.fromisoformat(today).replace(tzinfo=timezone.utc).timestamp()))
    proc = subprocess.run(args, cwd=cwd, env=environment, capture_output=True, text=True, timeout=300)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def mkdocs_build(project: Path, site: Path, today: str | None) -> Run:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], project, today)


@dataclass
class Site:
    today: str
    root: Path
    build: Run

    def page(self, url: str) -> str:
        path = self.root / url.strip("/") / "index.html" if not url.endswith((".html", ".json", ".xml", ".ics")) \
            else self.root / url.strip("/")
        return path.read_text(encoding="utf-8")

    def jobs(self) -> dict:
        return json.loads((self.root / "job" / "jobs.json").read_text(encoding="utf-8"))


_built: dict[str, Site] = {}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """built_site('2026-01-05') -> the example site as built on that day (cached)."""

    def build(today: str) -> Site:
        if today not in _built:
            out = tmp_path_factory.mktemp(f"site-{today}")
            result = mkdocs_build(ROOT, out, today)
            assert result.code == 0, result.text
            _built[today] = Site(today, out, result)
        return _built[today]

    return build


@pytest.fixture
def project(tmp_path) -> Path:
    """A scratch copy of the project's content and configuration."""
    return copy_project(tmp_path / "project")


# --- Browser tests: the built site served on 127.0.0.1, driven in Debian's Chromium ---

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]



def _serve(directory: Path) -> tuple[str, object]:
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep test output readable
            pass

        def send_error(self, code, message=None, explain=None):
            # As GitHub Pages does: a missing address gets the site's own 404.html, with status 404.
            page = directory / "404.html"
            if code != 404 or not page.is_file():
                return super().send_error(code, message, explain)
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def served_site(built_site):
    """served_site('2026-01-05') -> base URL of that day's build, served on 127.0.0.1."""
    servers: dict[str, str] = {}
    handles = []

    def serve(today: str) -> str:
        if today not in servers:
            url, server = _serve(built_site(today).root)
            servers[today] = url
            handles.append(server)
        return servers[today]

    yield serve
    for server in handles:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. Under CI=true a missing browser fails, never skips."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen",
                                  viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen",
                                  viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    yield pg
    context.close()
