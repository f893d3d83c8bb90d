"""The Content-Security-Policy on the built site (render/csp.py), in Chromium:
every page carries one, the theme and the site still work under it (the search
with its WebAssembly, the job filter), and script put into a built page afterwards -
event handler attributes, an unhashed <script> - does not run."""
from __future__ import annotations

import re
import shutil
from datetime import datetime
from zoneinfo import ZoneInfo

import html5lib
import pytest
from conftest import _serve
from playwright.sync_api import expect

from generator.render import csp
from waiting import patient_browser, until  # noqa: F401 - patient_browser: autouse

TODAY = "2026-01-05"
LEDER = "paedagogisk-leder-stjernehuset"
RESSOURCE = "ressourcepaedagoger-midtbyens-dagtilbud"
RESSOURCE_TITLE = "Ressourcepædagoger søges til Midtbyens Dagtilbud"
PAGES = ["", "job/", f"job/{RESSOURCE}/", "stillingsbeskrivelser/", "soeg/?q=leder"]
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# Record every violation the policy reports, from before the page's first script.
RECORD = """window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(
  {directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, line: e.lineNumber}), true);"""


def html_pages(root):
    # The editor's page (admin/) has its own policy: tests/test_hr_cms.py.
    return sorted(p for p in root.rglob("*.html") if p.relative_to(root).parts[0] != "admin")


def watch(page):
    """Record CSP violations, page errors and console errors on the page."""
    problems = []
    page.add_init_script(RECORD)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    return problems


def violations(page) -> list[dict]:
    return page.evaluate("window.__cspViolations")


@pytest.fixture(scope="module")
def site(built_site):
    return built_site(TODAY)


def test_every_page_has_one_policy_first_in_head(site):
    pages = html_pages(site.root)
    assert len(pages) >= 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert len(META.findall(html)) == 1, path
        head = re.search(r"<head\b[^>]*>", html)
        assert html[head.end():].startswith('<meta http-equiv="Content-Security-Policy"'), path
        # The meta tag does not push <meta charset> out of the bytes a browser reads for it.
        assert html.encode().index(b'<meta charset="utf-8">') < 1024 - 30, path
        # The hashes are those of the page's inline scripts, as an HTML5 parser reads them.
        document = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
        inline = [s.text or "" for s in document.iter("script") if "src" not in s.attrib
                  and s.get("type") in (None, "", "module", "text/javascript")]
        script_src = META.search(html).group(1).split("; ")[1].split()
        searches = path.relative_to(site.root).parts[0] == "soeg"  # only the search page compiles WebAssembly
        assert script_src == ["script-src", "'self'", *(["'wasm-unsafe-eval'"] if searches else []),
                              *dict.fromkeys(f"'sha256-{csp.script_hash(t)}'" for t in inline)], path


def test_the_404_page_has_a_policy_too(site):
    assert len(META.findall((site.root / "404.html").read_text(encoding="utf-8"))) == 1


@pytest.mark.parametrize("path", PAGES)
def test_pages_run_under_the_policy_without_violations(served_site, page, path):
    problems = watch(page)
    page.goto(served_site(TODAY) + path)
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    assert problems == []
    # The theme's inline script in <head> ran (a blocked one would leave these undefined) ...
    assert page.evaluate("typeof __md_get === 'function' && typeof __md_scope === 'object'")
    # ... and so did the bundle, which replaces the html element's "no-js" class.
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bno-js\b"))


def test_search_works_under_the_policy(served_site, page):
    """The header's form goes to the search page, whose script loads Pagefind (its WebAssembly
    needs 'wasm-unsafe-eval') and shows the results: no violation, no error."""
    problems = watch(page)
    page.goto(served_site(TODAY) + "job/")
    page.get_by_label("Søg på sitet").fill("ressourcepædagog")
    page.get_by_role("button", name="Søg", exact=True).click()
    expect(page.locator("#jobsite-searchpage-status")).to_have_text(re.compile(r"^\d+ resultat"))
    first = page.locator("#jobsite-searchpage-results > li").first
    expect(first.locator("a").first).to_have_text(RESSOURCE_TITLE)
    assert violations(page) == []
    assert problems == []


def test_the_job_filter_works_under_the_policy(served_site, page):
    problems = watch(page)
    page.clock.set_fixed_time(datetime.fromisoformat(f"{TODAY}T10:00").replace(tzinfo=ZoneInfo("Europe/Copenhagen")))
    page.goto(served_site(TODAY) + "job/")
    expect(page.locator("#jobsite-filter")).to_be_visible()  # the filter's inline script ran
    cards = page.locator("li.jobsite-card:visible")
    expect(cards).to_have_count(2)
    page.get_by_label("Kommune").select_option("ballerup")
    expect(cards).to_have_count(1)
    assert cards.evaluate_all("cards => cards.map(c => c.dataset.id)") == [LEDER]
    expect(page).to_have_url(re.compile(r"/job/\?kommune=ballerup$"))
    assert violations(page) == []
    assert problems == []


INJECTED = ('<img src="x" onerror="window.__pwned=1;alert(1)">'
            '<div onclick="alert(2)" id="evil">x</div>'
            '<script>alert(3)</script>')


def _tampered_copy(site, tmp_path, with_policy: bool):
    """A copy of the built site whose job list had script put into its body after the build."""
    root = tmp_path / ("site" if with_policy else "site-without-policy")
    shutil.copytree(site.root, root)
    path = root / "job" / "index.html"
    html = path.read_text(encoding="utf-8")
    if not with_policy:
        html = META.sub("", html)
    html = re.sub(r"(<body\b[^>]*>)", lambda m: m.group(1) + INJECTED, html, count=1)
    assert INJECTED in html
    path.write_text(html, encoding="utf-8")
    return root


def _open_tampered(page, root):
    url, server = _serve(root)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.add_init_script(RECORD)
    try:
        page.goto(url + "job/")
        page.wait_for_load_state("networkidle")
        page.locator("#evil").click()
        # Both inline handlers (the picture's onerror, the div's onclick) have had their turn: each
        # either ran (its alert) or was blocked (a violation report, which comes as a task after the event).
        until(lambda: len({"1", "2"} & set(dialogs)) + sum(v["directive"] == "script-src-attr"
                                                          for v in violations(page)) >= 2,
              lambda: f"the handlers neither ran nor were reported: {dialogs}, {violations(page)}")
        return dialogs, page.evaluate("typeof window.__pwned"), violations(page)
    finally:
        server.shutdown()


def test_script_injected_into_a_built_page_does_not_run(site, page, tmp_path):
    dialogs, pwned, found = _open_tampered(page, _tampered_copy(site, tmp_path, with_policy=True))
    assert dialogs == []
    assert pwned == "undefined"
    # Blocked by the policy, not by luck: the handlers and the unhashed script were reported.
    directives = {v["directive"] for v in found}
    assert {"script-src-attr", "script-src-elem"} <= directives, found
    assert sum(v["directive"] == "script-src-attr" for v in found) >= 2  # onerror and onclick
    assert any(v["directive"] == "script-src-elem" and v["blocked"] == "inline" for v in found), found
    # The page's own scripts still ran.
    assert page.evaluate("typeof __md_get") == "function"
    expect(page.locator("#jobsite-filter")).to_be_visible()


def test_without_the_policy_the_injected_script_would_run(site, page, tmp_path):
    """The control for the test above: the same injection does run once the meta tag is gone."""
    dialogs, pwned, found = _open_tampered(page, _tampered_copy(site, tmp_path, with_policy=False))
    assert sorted(dialogs) == ["1", "2", "3"]
    assert pwned == "number"
    assert found == []
