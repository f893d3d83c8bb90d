"""Search as an applicant uses it, in Chromium on a served build of the example content plus 60
synthetic open postings, a hostile posting and a closed one (tests/search_project.py): the
header's form on every page, the search page "Søg" (soeg/) with Pagefind's results, and the
preview's search from disk.

The expected first result of each query is a page, or an open posting described by what the
site's jobs.json says of it (role, age group, kommune, workplace, id)."""
from __future__ import annotations

import re
import shutil
import sys
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from conftest import ROOT, _serve, mkdocs_build, run
from search_project import (CLOSED_ID, CLOSED_WORD, HOSTILE_ID, HOSTILE_TITLE, TODAY, search_from_header,
                            write_search_project)
from waiting import patient, patient_browser  # noqa: F401 - patient_browser: autouse

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
    # roles, as typed with æ/ø/å or ae/oe/aa, in base and inflected forms, and inside compounds
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
    # kommuner, districts and workplaces
    ("Ballerup", posting(id={LEDER})),
    ("Aarhus", posting(id={RESSOURCE})),
    ("Århus", posting(id={RESSOURCE})),
    ("Stjernehuset", posting(id={LEDER})),
    ("Baltorp", posting(id={LEDER})),
    ("Midtbyens", posting(id={RESSOURCE})),
    ("Odense", posting(kommune={"Odense Kommune"})),
    # leaflets and role descriptions
    ("ressourcegruppe", "foldere/ressourcegrupper-haderslev/"),
    ("ressourcegrupperne", "foldere/ressourcegrupper-haderslev/"),
    ("Haderslev", "foldere/"),  # the leaflets, under "Haderslev Kommune"
    ("stillingsbeskrivelser", "stillingsbeskrivelser/"),
    # words from deep in a posting's text, its contacts and the about texts shown on it
    ("støttebehov", posting(id={RESSOURCE})),
    ("prøvehandling", posting(id={RESSOURCE})),
    ("prøvehandlingen", posting(id={RESSOURCE})),      # inflected: the text has both
    ("Nancy Engberg", posting(id={RESSOURCE})),        # a contact
    ("dobbeltledelse", posting(id={LEDER})),
    ("handleplaner", posting(id={RESSOURCE})),
    ("handleplan", posting(id={RESSOURCE})),           # the base form finds 'handleplaner'
    ("Charlotte Sønderhave", posting(id={LEDER})),     # a contact without a title
    ("indsatsgruppe", posting(id={LEDER})),
    ("ledelsesfællesskab", posting(id={LEDER})),
    ("Bredere Børnefællesskaber", posting(id={RESSOURCE})),
    ("deltagelsesmuligheder", posting(id={RESSOURCE})),
    ("deltid", posting()),                             # the facts: any open part-time posting
    ("børneattest", posting()),
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
    yield url, jobs, project
    server.shutdown()


@pytest.fixture(scope="module")
def search_page(browser, search_site):
    """One page for the tables: the search page, each query typed into its field and sent with Enter."""
    context = patient(browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen",
                                          viewport={"width": 1280, "height": 900}))
    pg = context.new_page()
    pg.goto(search_site[0] + "soeg/")
    yield pg
    context.close()


def search(pg, query: str):
    """Type `query` into the search page's field, press Enter, and wait until the count says it is for it."""
    field = pg.locator("#jobsite-searchpage-q")
    field.fill(query)
    field.press("Enter")
    status = pg.locator("#jobsite-searchpage-status")
    expect(status).to_have_text(re.compile(r"(\d+ resultat|Ingen resultater).* for »" + re.escape(query) + "«"))
    return pg.locator("#jobsite-searchpage-results > li")


def result_path(href: str, base: str) -> str:
    return urlsplit(href).path.removeprefix(urlsplit(base).path)


def paths(results, base: str) -> list[str]:
    return [result_path(h, base) for h in results.locator(".jobsite-searchpage__title a").evaluate_all(
        "links => links.map(a => a.href)")]


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_the_first_result_is_what_the_applicant_looks_for(search_page, search_site, query, expected):
    base, jobs, _ = search_site
    results = search(search_page, query)
    first = results.first
    path = result_path(first.locator("a").first.get_attribute("href"), base)
    if isinstance(expected, str):
        assert path == expected, (query, path)
        return
    match = re.fullmatch(r"job/([^/]+)/", path)
    job = jobs.get(match[1]) if match else None
    assert expected(job), (query, path, job and (job["title"], job["categories"]))
    # The result says where the job is and when to apply, under its title ...
    line = first.locator(".jobsite-searchpage__line").inner_text()
    assert line.startswith(f"{job['workplace']}, {job['kommune']} · Ansøgningsfrist "), line
    # ... a word of the query is marked in its excerpt when the text has it, and none of the forms
    # added for the search shows.
    shown = first.inner_text()
    assert "⁂" not in shown and "boernehave" not in shown.lower() and "paedagog" not in shown.lower(), shown


def test_the_table_has_words_from_deep_in_the_postings():
    queries = [q for q, _ in QUERIES]
    deep = queries[queries.index("støttebehov"):]
    assert len(queries) >= 30 and len(deep) >= 10


def test_a_word_from_the_text_is_marked_in_the_excerpt(search_page, search_site):
    results = search(search_page, "prøvehandling")
    marks = results.first.locator(".jobsite-searchpage__excerpt mark")
    assert marks.count() >= 1 and all(m.lower().startswith("prøvehandling") for m in marks.all_inner_texts())


@pytest.mark.parametrize("folded, written", [("paedagog", "pædagog"), ("boernehave", "børnehave"),
                                             ("Aarhus", "Århus"), ("medhjaelper", "medhjælper")])
def test_ae_oe_aa_find_the_same_as_the_danish_letters(search_page, folded, written):
    counts = []
    for query in (folded, written):
        search(search_page, query)
        counts.append(re.match(r"(\d+) resultat", search_page.locator("#jobsite-searchpage-status").inner_text())[1])
    assert counts[0] == counts[1], counts


def all_results(pg, results):
    """Every result: "Vis flere resultater" until it is gone."""
    more = pg.locator("#jobsite-searchpage-more button")
    while more.count():
        shown = results.count()
        more.click()
        expect(results).not_to_have_count(shown)
    return results


@pytest.mark.parametrize("query, roles", [("assistent", {"pædagogisk assistent"}),
                                          ("medhjælper", {"pædagogisk medhjælper"}),
                                          ("pædagogisk leder", {"pædagogisk leder"}),
                                          ("ressourcepædagog", {"ressourcepædagog"})])
def test_open_postings_rank_above_role_descriptions_and_other_pages(search_page, search_site, query, roles):
    """Every open posting for the role comes before the role description and every other page; a
    posting for another role that only mentions the word in its text may come after them."""
    base, jobs, _ = search_site
    results = all_results(search_page, search(search_page, query))
    found = paths(results, base)
    total = int(re.search(r"(\d+) resultat", search_page.locator("#jobsite-searchpage-status").inner_text())[1])
    assert len(found) == total
    ids = [p[4:-1] if re.fullmatch(r"job/[^/]+/", p) and p[4:-1] in jobs else None for p in found]
    wanted = {i for i, j in jobs.items() if j["status"] == "open" and j["categories"]["role"] in roles}
    assert None in ids, found  # a page matches too
    first_page = ids.index(None)
    assert wanted and set(ids[:first_page]) >= wanted, list(zip(found, ids))


def test_closed_postings_and_the_archive_are_not_found(search_page, search_site):
    base, jobs, project = search_site
    assert jobs[CLOSED_ID]["status"] == "closed"
    assert (project / "site" / "job" / CLOSED_ID / "index.html").is_file()  # the page is there, the index skips it
    search(search_page, CLOSED_WORD)
    expect(search_page.locator("#jobsite-searchpage-status")).to_have_text(
        f"Ingen resultater for »{CLOSED_WORD}«. Prøv et andet ord, et kortere ord eller færre ord.")
    expect(search_page.locator("#jobsite-searchpage-results > li")).to_have_count(0)
    found = paths(all_results(search_page, search(search_page, "tidligere stillinger")), base)
    assert found and "job/arkiv/" not in found and f"job/{CLOSED_ID}/" not in found


def test_hostile_text_in_a_result_stays_text(search_page, search_site):
    base, _, _ = search_site
    for query in ("onload", "fed"):
        first = search(search_page, query).first
        assert result_path(first.locator("a").first.get_attribute("href"), base) == f"job/{HOSTILE_ID}/"
        assert first.locator(".jobsite-searchpage__title").inner_text() == HOSTILE_TITLE
        results = search_page.locator("#jobsite-searchpage-results")
        assert results.locator("img, script, svg, iframe, b, [onerror], [onload]").count() == 0
        assert {el for el in results.locator("*").evaluate_all("els => els.map(e => e.localName)")} <= \
            {"li", "p", "a", "mark"}
        if query == "onload":  # the intro's markup, shown as the characters it is
            assert "<svg onload=window.__pwned=1>" in first.inner_text(), first.inner_text()
    assert search_page.evaluate("window.__pwned") is None


def test_the_count_is_announced_in_danish(search_page):
    status = search_page.locator("#jobsite-searchpage-status")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    search(search_page, "Stjernehuset")
    expect(status).to_have_text("1 resultat for »Stjernehuset«.")
    search(search_page, "ressourcepædagog")
    expect(status).to_have_text(re.compile(r"^\d+ resultater for »ressourcepædagog«\.$"))
    search(search_page, "zzxq")
    expect(status).to_have_text("Ingen resultater for »zzxq«. Prøv et andet ord, et kortere ord eller færre ord.")


def test_nothing_is_downloaded_for_search_before_the_visitor_searches(browser, search_site):
    base, _, _ = search_site
    context = patient(browser.new_context())
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(urlsplit(r.url).path))
    page.goto(base + f"job/{LEDER}/")
    page.wait_for_load_state("networkidle")
    page.get_by_label("Søg på sitet").focus()
    page.get_by_label("Søg på sitet").fill("pæd")
    page.wait_for_load_state("networkidle")
    assert requests and not [r for r in requests if "/pagefind/" in r or r.endswith("/search.js")], requests
    search_from_header(page, "pædagog")  # the search page loads it
    assert [r for r in requests if r.endswith("/pagefind/pagefind.js")]
    context.close()


def test_the_header_form_works_without_script(browser, search_site):
    """A plain form: without JavaScript it still goes to the search page with the words in ?q=."""
    base, _, _ = search_site
    context = patient(browser.new_context(java_script_enabled=False))
    page = context.new_page()
    page.goto(base + "job/")
    form = page.locator("form.jobsite-search")
    assert form.get_attribute("method") == "get"
    page.get_by_label("Søg på sitet").fill("pædagog")
    page.get_by_role("button", name="Søg", exact=True).click()
    expect(page).to_have_url(re.compile(r"/soeg/\?q=p%C3%A6dagog$"))
    expect(page.locator("h1")).to_have_text("Søg")
    expect(page.locator("#jobsite-searchpage-status")).to_contain_text("JavaScript")
    context.close()


def test_keyboard_type_enter_tab_to_the_first_result_and_open_it(browser, search_site):
    base, _, _ = search_site
    context = patient(browser.new_context(locale="da-DK"))
    page = context.new_page()
    page.goto(base + f"job/{RESSOURCE}/")
    page.get_by_label("Søg på sitet").focus()
    page.keyboard.type("Stjernehuset")
    page.keyboard.press("Enter")
    status = page.locator("#jobsite-searchpage-status")
    expect(status).to_have_text("1 resultat for »Stjernehuset«.")
    # The search page's own form searches in place with Enter, and the address keeps the words.
    page.locator("#jobsite-searchpage-q").fill("")
    page.locator("#jobsite-searchpage-q").focus()
    page.keyboard.type("Stjernehuset")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/soeg/\?q=Stjernehuset$"))
    expect(status).to_have_text("1 resultat for »Stjernehuset«.")
    # From the search page's field: its button, then the first result.
    page.locator("#jobsite-searchpage-q").focus()
    first = page.locator("#jobsite-searchpage-results > li a").first
    for _ in range(6):
        page.keyboard.press("Tab")
        if first.evaluate("a => a === document.activeElement"):
            break
    assert first.evaluate("a => a === document.activeElement")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/job/{LEDER}/$"))
    context.close()


def test_on_a_phone_the_header_form_and_the_results_fit(phone, search_site):
    base, _, _ = search_site
    phone.goto(base + f"job/{LEDER}/")
    field, button = phone.get_by_label("Søg på sitet"), phone.get_by_role("button", name="Søg", exact=True)
    expect(field).to_be_visible()
    expect(button).to_be_visible()
    for box in (field.bounding_box(), button.bounding_box()):
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["height"] >= 24, box
    results = search_from_header(phone, "Nancy Engberg")
    expect(results.first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    first = results.first.bounding_box()
    assert first["x"] >= 0 and first["x"] + first["width"] <= 390


@pytest.fixture(scope="module")
def preview_site(search_site, tmp_path_factory):
    """The search project's preview (make preview): use_directory_urls off, opened from disk."""
    _, _, project = search_site
    site = tmp_path_factory.mktemp("preview") / "preview"
    shutil.copy2(ROOT / "mkdocs.preview.yml", project / "mkdocs.preview.yml")
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.preview.yml", "-d", str(site)],
                 project, TODAY, JOBSITE_PREVIEW="true")
    assert result.code == 0, result.text
    return site


def test_the_preview_from_disk_finds_a_posting(browser, preview_site):
    """From file:// Pagefind cannot fetch its files: the search page loads the light index as a script.
    Pages whose front matter excludes them from search (the preview's Jobnet sheets) are not in it."""
    light = (preview_site / "pagefind" / "jobsite-preview.js").read_text("utf-8")
    assert '"title":"Pædagog til' in light and '"title":"Jobnet:' not in light and CLOSED_WORD not in light
    context = patient(browser.new_context(locale="da-DK"))
    page = context.new_page()
    page.goto((preview_site / "job" / "index.html").as_uri())
    results = search_from_header(page, "prøvehandling")
    assert page.url.startswith((preview_site / "soeg.html").as_uri())
    first = results.first.locator("a").first
    expect(first).to_have_text("Ressourcepædagoger søges til Midtbyens Dagtilbud")
    assert "Midtbyens Dagtilbud, Aarhus Kommune · Ansøgningsfrist" in results.first.inner_text()
    assert results.first.locator("mark").count() >= 1
    for query in ("paedagoger", "Århus"):
        assert search_from_header(page, query).count() >= 1, query
    search_from_header(page, CLOSED_WORD)
    expect(page.locator("#jobsite-searchpage-results > li")).to_have_count(0)
    first = search_from_header(page, "dobbeltledelse").first.locator("a").first
    first.click()
    expect(page).to_have_url((preview_site / "job" / f"{LEDER}.html").as_uri())
    context.close()
