"""pa11y (HTML_CodeSniffer, WCAG 2.1 AA) over every page of the example site, served over http.

Each built .html file is a page a visitor can reach (404.html too, at a missing address), except
the editor at /admin/, which is Decap CMS's own application for HR and needs its backend. The
pages are tested in one Chromium (Debian's) by a small Node script using pa11y's API
(tests/pa11y_pages.js), two at a time; warnings and notices are not errors. Under CI=true a missing
browser, Node or pa11y fails the test, never skips it.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CHROMIUM, ROOT

SCRIPT = Path(__file__).resolve().parent / "pa11y_pages.js"
DAY = "2026-01-05"  # both example postings open: every kind of page exists
NOT_PAGES = ("admin/",)  # Decap CMS's editor, not a page of the site


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)"
    if shutil.which("node") is None:
        return "node is missing: install Node.js (make test does)"
    if not (ROOT / "node_modules" / "pa11y").is_dir():
        return "pa11y is missing: run `npm ci --ignore-scripts` (make test does)"
    return None


def pages_of(root: Path) -> list[str]:
    """Every page of a built site as its address from the root ('', 'job/', '404.html')."""
    found = []
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(NOT_PAGES) or "<html" not in path.read_text(encoding="utf-8")[:500]:
            continue
        found.append(rel.removesuffix("index.html"))
    return found


def report(results: list[dict]) -> str:
    """Each error as 'page: code — message (element: selector) context', one a line."""
    lines = []
    for result in results:
        for issue in result["issues"]:
            lines.append(f"{result['url']}: {issue['code']} — {issue['message']} "
                         f"(element: {issue['selector']}) {issue['context'][:160]}")
    return "\n".join(lines)


def test_every_page_has_no_wcag2aa_error_by_html_codesniffer(built_site, served_site):
    if why := _missing():
        if os.environ.get("CI") == "true":
            pytest.fail(why)
        pytest.skip(why)
    base = served_site(DAY)
    pages = pages_of(built_site(DAY).root)
    assert len(pages) >= 15 and "" in pages and "job/" in pages and "404.html" in pages, pages
    urls = [base + page for page in pages]
    run = subprocess.run(["node", str(SCRIPT), CHROMIUM, *urls], cwd=ROOT, capture_output=True, text=True,
                         timeout=3600)  # a ceiling for a stuck browser, far above the minute it takes
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    assert [r["url"] for r in results] == urls  # every page was tested
    assert all(r["title"] for r in results)  # and was a page, not an error
    errors = report(results)
    assert errors == "", "pa11y (HTML_CodeSniffer, WCAG2AA) found errors:\n" + errors
