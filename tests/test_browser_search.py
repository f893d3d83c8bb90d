"""Search as an applicant uses it: Chromium types into Material's search box on a served
build of the example content plus 60 synthetic open postings (tests/search_project.py), and
reads the result list. The expected first result of each query is a page, or an open posting
described by what the site's jobs.json says of it (role, age group, kommune, workplace)."""
from __future__ import annotations

import re
from urllib.parse import quote_plus, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import _serve, mkdocs_build
from search_project import HOSTILE_ID, HOSTILE_TITLE, TODAY, write_search_project

LEDER = "paedagogisk-leder-stjernehuset"
RESSOURCE = "ressourcepaedagoger-midtbyens-dagtilbud"
LEADERS = {"leder", "pædagogisk leder"}
PAEDAGOG_ROLES = {"pædagog", "ressourcepædagog", "pædagogisk leder", "pædagogisk assistent", "pædagogisk medhjælper"}


def posting(**want):
    """The first result is an open posting whose jobs.json entry has these values (a set: one of them)."""
    def check(job: dict | None) -> bool:
        if job is None or job["status"] != "open":
            return False
        values = {"role": job["categories"]["role"], "kommune": job["kommune"], "workplace": job["workplace"],
                  "id": job["id"], "age_groups": job["categories"]["age_groups"]}
        for key, allowed in want.items():
            have = values[key]
            if key == "age_groups":
                if not set(have) & allowed:
                    return False
            elif have not in allowed:
                return False
        return True
    check.want = want
    return check


def kindergarten(job):  # a børnehave workplace, or a posting for 3-6 year olds
    return posting(age_groups={"3-6"})(job) or (job is not None and job["workplace"].startswith("Børnehave"))


def nursery(job):
    return posting(age_groups={"0-3"})(job) or (job is not None and job["workplace"].startswith("Vuggestue"))


QUERIES = [
    ("paedagog", posting(role=PAEDAGOG_ROLES)),
    ("pædagog", posting(role=PAEDAGOG_ROLES)),
    ("pædagoger", posting(role=PAEDAGOG_ROLES)),
    ("paedagoger", posting(role=PAEDAGOG_ROLES)),
    ("ressourcepaedagog", posting(role={"ressourcepædagog"})),
    ("ressourcepædagoger", posting(role={"ressourcepædagog"})),
    ("børnehaven", kindergarten),
    ("boernehave", kindergarten),
    ("vuggestue", nursery),
    ("vuggestuer", nursery),
    ("leder", posting(role=LEADERS)),
    ("ledere", posting(role=LEADERS)),
    ("distriktsleder", posting(role={"leder"})),
    ("medhjaelper", posting(role={"pædagogisk medhjælper"})),
    ("assistent", posting(role={"pædagogisk assistent"})),
    ("køkkenmedarbejder", posting(role={"andet"})),
    ("Ballerup", posting(id={LEDER})),
    ("Aarhus", posting(id={RESSOURCE})),
    ("Århus", posting(id={RESSOURCE})),
    ("Stjernehuset", posting(id={LEDER})),
    ("Baltorp", posting(id={LEDER})),
    ("Midtbyens", posting(id={RESSOURCE})),
    ("Odense", posting(kommune={"Odense Kommune"})),
    ("ressourcegruppe", "foldere/ressourcegrupper-haderslev/"),
    ("ressourcegrupperne", "foldere/ressourcegrupper-haderslev/"),
    ("Haderslev", "foldere/"),  # the leaflets, under "Haderslev Kommune"
    ("stillingsbeskrivelser", "stillingsbeskrivelser/"),
]


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    project = write_search_project(tmp_path_factory.mktemp("search") / "project")
    site = project / "site"
    result = mkdocs_build(project, site, TODAY)
    assert result.code == 0, result.text
    url, server = _serve(site)
    import json
    jobs = {j["id"]: j for j in json.loads((site / "job" / "jobs.json").read_text("utf-8"))["postings"]}
    yield url, jobs
    server.shutdown()


@pytest.fixture(scope="module")
def search_page(browser, search_site):
    """One page for the whole table: the index is loaded once, each query typed into the box."""
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen",
                                  viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.goto(search_site[0] + "job/")
    pg.wait_for_load_state("networkidle")  # the worker has the index and the Danish scripts
    yield pg
    context.close()


def search(pg, query: str):
    """Type `query` as a user would (Material reads key events) and wait for its result list."""
    box = pg.locator(".md-search__input")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    box.press_sequentially(query, delay=15)
    results = pg.locator(".md-search-result__list > li")
    # Material marks each matching result's link with ?h=<matched terms>; wait until the list is for this query.
    expect(results.locator(f'a[href*="?h={quote_plus(query.lower())}"]').first).to_be_attached()
    return results


def result_path(href: str, base: str) -> str:
    return urlsplit(href).path.removeprefix(urlsplit(base).path)


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_the_first_result_is_what_the_applicant_looks_for(search_page, search_site, query, expected):
    base, jobs = search_site
    results = search(search_page, query)
    first = results.first
    path = result_path(first.locator("a").first.get_attribute("href"), base)
    if isinstance(expected, str):
        assert path == expected, (query, path)
        return
    match = re.fullmatch(r"job/([^/]+)/", path)
    job = jobs.get(match[1]) if match else None
    assert expected(job), (query, path, job and (job["title"], job["categories"]))
    # The result says where the job is and when to apply, in its first line ...
    teaser = first.locator("article").first.locator("p").first.inner_text()
    assert teaser.startswith(f"{job['workplace']}, {job['kommune']} · Ansøgningsfrist "), teaser
    # ... and none of the tokens added for search shows.
    shown = first.inner_text().lower()
    assert "paedagog" not in shown and "boernehave" not in shown and "stillingernes" not in shown, shown


@pytest.mark.parametrize("folded, written", [("paedagog", "pædagog"), ("boernehave", "børnehave"),
                                             ("Aarhus", "Århus"), ("medhjaelper", "medhjælper")])
def test_ae_oe_aa_find_the_same_as_the_danish_letters(search_page, folded, written):
    counts = []
    for query in (folded, written):
        search(search_page, query)
        counts.append(search_page.locator(".md-search-result__meta").inner_text())
    assert counts[0] == counts[1] and re.match(r"\d+ resultat", counts[0]), counts


def all_results(pg, results):
    """Scroll the result list to its end: Material renders ten results, then more as they come into view."""
    total = int(re.match(r"(\d+)", pg.locator(".md-search-result__meta").inner_text())[1])
    for _ in range(40):
        if results.count() >= total:
            break
        # from the top to the end again: each arrival at the end shows the next few
        pg.locator(".md-search__scrollwrap").evaluate("el => { el.scrollTop = 0 }")
        pg.wait_for_timeout(50)
        pg.locator(".md-search__scrollwrap").evaluate("el => { el.scrollTop = el.scrollHeight }")
        pg.wait_for_timeout(150)
    assert results.count() == total
    return results


@pytest.mark.parametrize("query, roles", [("assistent", {"pædagogisk assistent"}),
                                          ("medhjælper", {"pædagogisk medhjælper"}),
                                          ("pædagogisk leder", {"pædagogisk leder"}),
                                          ("ressourcepædagog", {"ressourcepædagog"})])
def test_open_postings_rank_above_role_descriptions_and_other_pages(search_page, search_site, query, roles):
    """Every open posting for the role comes before the role description and every other page; a
    posting for another role that only mentions the word in its text may come after them."""
    base, jobs = search_site
    results = all_results(search_page, search(search_page, query))
    paths = [result_path(r.locator("a").first.get_attribute("href"), base) for r in results.all()]
    ids = [p[4:-1] if re.fullmatch(r"job/[^/]+/", p) and p[4:-1] in jobs else None for p in paths]
    wanted = {i for i, j in jobs.items() if j["status"] == "open" and j["categories"]["role"] in roles}
    assert None in ids, paths  # a page matches too
    first_page = ids.index(None)
    assert wanted and set(ids[:first_page]) >= wanted, list(zip(paths, ids))


def test_hostile_text_in_a_result_stays_text(search_page, search_site):
    base, _ = search_site
    results = search(search_page, "citat")
    first = results.first
    assert result_path(first.locator("a").first.get_attribute("href"), base) == f"job/{HOSTILE_ID}/"
    assert first.locator("h1").first.inner_text() == HOSTILE_TITLE
    assert first.locator("img, script, svg, iframe, [onerror], [onload]").count() == 0
    assert "&lt;img src=x onerror=" in first.inner_text()
    assert search_page.evaluate("window.__pwned") is None
