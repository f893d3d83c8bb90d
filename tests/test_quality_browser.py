"""Every kind of page in a real browser (Debian's Chromium), the way the law
and a visitor see it: WCAG 2.1 AA by axe-core on a desktop and a phone, no
request to any host but the site's own (GDPR), and no errors in the console.

axe-core comes from npm (package-lock.json; `make test` runs `npm ci`) and is
injected into the page; nothing is downloaded at run time. The browser's clock
is set to noon of the build's day, so the script that recounts deadlines
(assets/jobsite.js) sees the same day as the build.
"""
from __future__ import annotations

import os
import re
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest

from conftest import ROOT
from waiting import patient, patient_browser  # noqa: F401 - patient_browser: autouse

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPEN, CLOSED = "2026-01-05", "2026-01-11"  # Stjernehuset's deadline (10 January) lies between them
LEDER = "job/paedagogisk-leder-stjernehuset/"
SEARCH_QUERY = "pædagog"

# name: (JOBSITE_TODAY of the build, path). "search" is the job list with the search open and typed into.
PAGE_TYPES = {
    "home": (OPEN, ""),
    "job-list": (OPEN, "job/"),
    "job-list-filtered": (OPEN, "job/?kommune=ballerup"),
    "open-posting": (OPEN, LEDER),
    "closed-posting": (CLOSED, LEDER),
    "archive": (CLOSED, "job/arkiv/"),
    "role-table": (OPEN, "stillingsbeskrivelser/"),
    "role-page": (OPEN, "stillingsbeskrivelser/paedagog/"),
    "leaflet-index": (OPEN, "foldere/"),
    "leaflet": (OPEN, "foldere/ressourcegrupper-haderslev/"),
    "recruitment": (OPEN, "vaer-med/"),
    "not-found": (OPEN, "404.html"),
    "search": (OPEN, "job/"),
}
VIEWPORTS = {
    "desktop": dict(viewport={"width": 1280, "height": 900}),
    "phone": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True),
}


def _context(browser, viewport: str):
    return patient(browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen", **VIEWPORTS[viewport]))


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per viewport for the checks that look at a single page."""
    made = {name: _context(browser, name) for name in VIEWPORTS}
    yield made
    for context in made.values():
        context.close()


def open_search(page, query: str = SEARCH_QUERY) -> None:
    """Search from the header's field as a visitor does and wait for the results on the search page."""
    from search_project import search_from_header

    search_from_header(page, query).first.wait_for(state="attached")


def visit(page, served_site, name: str):
    """Open a page type with the browser's clock on the build's day; returns the page once it is ready."""
    day, path = PAGE_TYPES[name]
    page.clock.set_fixed_time(datetime.fromisoformat(day).replace(hour=12, tzinfo=ZoneInfo("Europe/Copenhagen")))
    page.goto(served_site(day) + path)
    if name == "job-list-filtered":
        page.locator("#jobsite-filter[data-ready]").wait_for(state="attached")
    if name == "search":
        open_search(page)
    return page


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        message = f"{AXE.relative_to(ROOT)} is missing: run `make test` (npm ci installs axe-core)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def run_axe(page, source: str) -> dict:
    page.evaluate(source)  # evaluated by the test tool, not as an inline script the page's CSP would refuse
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        WCAG_TAGS)


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def visits(browser, served_site, axe_source) -> dict:
    """Every page type visited once per viewport: axe's result, and every request the browser made
    (web workers included), console error, uncaught exception and failed load while the page was open."""
    results = {}
    for viewport in VIEWPORTS:
        context = _context(browser, viewport)
        for name in PAGE_TYPES:
            seen = {"requests": [], "console": [], "failed": []}
            page = context.new_page()
            page.on("request", lambda r: seen["requests"].append(r.url))
            page.on("worker", lambda w: seen["requests"].append(w.url))
            page.on("console", lambda m: m.type == "error" and seen["console"].append(m.text))
            page.on("pageerror", lambda e: seen["console"].append(f"uncaught: {e}"))
            page.on("requestfailed", lambda r: seen["failed"].append(f"{r.url}: {r.failure}"))
            page.on("response", lambda r: r.status >= 400 and seen["failed"].append(f"{r.url}: HTTP {r.status}"))
            visit(page, served_site, name)
            seen["lang"] = page.locator("html").get_attribute("lang")
            seen["axe"] = run_axe(page, axe_source)
            page.wait_for_load_state("networkidle")  # the search index and its Danish stemmer too
            page.close()
            results[name, viewport] = seen
        context.close()
    return results


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_axe_finds_no_wcag_21_aa_violations(visits, name, viewport):
    result = visits[name, viewport]["axe"]
    assert result["passes"], "axe ran no rule at all"
    assert result["violations"] == [], f"{name} on {viewport}:\n{describe(result['violations'])}"


def test_every_page_type_is_danish(visits):
    assert {key: seen["lang"] for key, seen in visits.items() if seen["lang"] != "da"} == {}


def test_no_request_leaves_the_site(visits):
    """GDPR: no Google Fonts, no CDN, no analytics: the browser asks 127.0.0.1 and nobody else."""
    requests = [url for seen in visits.values() for url in seen["requests"]]
    hosts = {urlsplit(url).hostname for url in requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, sorted({url for url in requests if urlsplit(url).hostname != "127.0.0.1"})
    assert any("/pagefind/" in url and url.endswith(".pf_index") for url in requests)  # the search was used


def report(visits: dict, key: str) -> str:
    """Each problem once, with the page types it appeared on (the server's port left out)."""
    where: dict[str, list[str]] = {}
    for (name, viewport), seen in visits.items():
        for problem in seen[key]:
            where.setdefault(re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1", problem), []).append(f"{name}/{viewport}")
    return "\n".join(f"{problem}  <- {', '.join(pages)}" for problem, pages in sorted(where.items()))


def test_nothing_fails_to_load_and_the_console_shows_no_errors(visits):
    assert not report(visits, "failed"), "\n" + report(visits, "failed")
    assert not report(visits, "console"), "\n" + report(visits, "console")


def test_the_filter_is_applied_from_the_address(served_site, contexts):
    """/job/?kommune=ballerup shows Ballerup's posting only, and says so (the page axe checks filtered)."""
    page = visit(contexts["desktop"].new_page(), served_site, "job-list-filtered")
    try:
        assert page.locator("#jobsite-filter select[name=kommune]").input_value() == "ballerup"
        visible = page.locator("li.jobsite-card:visible")
        assert visible.count() == 1
        assert visible.first.get_attribute("data-kommune") == "ballerup"
        assert page.locator("#jobsite-count").inner_text().startswith("Viser 1 af 2 ledige stillinger")
    finally:
        page.close()


def test_role_table_reads_as_a_table_on_a_phone(served_site, contexts):
    """On a phone the rows are stacked cards, but a screen reader still gets a table: caption, column
    headers, and each statement as a cell naming the roles it applies to; nothing scrolls sideways."""
    page = visit(contexts["phone"].new_page(), served_site, "role-table")
    try:
        tables = page.locator("table.jobsite-roletable")
        assert tables.count() >= 3
        first = tables.nth(1)
        tree = first.aria_snapshot()
        assert tree.startswith('- table "Faglige kompetencer og forpligtelser"'), tree[:200]
        assert '- columnheader "Pædagog"' in tree and '- columnheader "Pædagogisk medhjælper"' in tree
        assert "- cell " in tree
        assert "Alle stillinger" not in tree  # the visual role labels are not read a second time
        label = first.locator("td[data-roles]").first.evaluate(
            "td => getComputedStyle(td, '::before').content")
        assert "Pædagog" in label
        widths = page.evaluate("[...document.querySelectorAll('.jobsite-table-wrap')]"
                               ".map(w => w.scrollWidth - w.clientWidth)")
        assert set(widths) == {0}, widths
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        page.close()
