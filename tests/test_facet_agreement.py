"""One answer to "which postings does this choice show?" for EVERY facet value:
the count in its option on /job/, the cards the page script shows when it is
chosen (Chromium), the entries of the value's Atom feed, the events of its
calendar and the postings jobs.json lists under it, all equal to
generator/facets.py's `matching` (which applies the model's ROLE_INCLUDES and
AGE_INCLUDES: "Pædagog" includes ressourcepædagog posts, an age group the
posts whose ages overlap it).

Checked on the example site and on a synthetic one with an open posting of
every role for every age group (and the benchmark's content around them).
"""
from __future__ import annotations

import dataclasses
import html as htmllib
import re
import sys
from datetime import date, datetime, time
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import icalendar
import pytest
import yaml
from conftest import ROOT, Site, _serve, mkdocs_build
from project_copy import copy_project

from generator.clock import TZ
from generator.content import load_site
from generator.facets import facet_values, keys_of, listed_under, matching
from generator.listing import build_listing
from generator.model import AGE_GROUPS, AGE_INCLUDES, ROLE_INCLUDES, ROLE_TYPES
from generator.render import filters
from generator.slugs import slug

TODAY = "2026-01-05"
SELECT = {"kommune": "kommune", "district": "distrikt", "role": "stilling", "age_group": "alder"}
AGE_SETS = (["0-3"], ["3-6"], ["0-6"], ["0-3", "3-6"])

sys.path.insert(0, str(ROOT / "benchmarks"))  # as tests/search_project.py: a module its dataclasses can find
import synthetic  # noqa: E402


# --- The hierarchy itself (fast: no build) ---

def test_the_hierarchy_names_only_values_of_the_model():
    for includes, values in ((ROLE_INCLUDES, ROLE_TYPES), (AGE_INCLUDES, AGE_GROUPS)):
        for choice, included in includes.items():
            assert choice in values and set(included) <= set(values) and choice not in included


def test_the_hints_under_the_filters_say_what_a_choice_includes():
    hints = {f.facet: f.hint for f in filters.filters((), load_site(ROOT)) if f.facet}
    for choice, included in ROLE_INCLUDES.items():
        for role in included:
            assert ROLE_TYPES[choice] in hints["role"] and role in hints["role"], (choice, role)
    for choice, included in AGE_INCLUDES.items():
        for age in (choice, *included):
            assert age.replace("-", "–") in hints["age_group"], (choice, age)


def _job(role: str, ages: list[str]):
    """A posting of the example site with another role and age groups."""
    content = load_site(ROOT)
    listing = build_listing(content, datetime.combine(date.fromisoformat(TODAY), time(10), TZ))
    job = listing.open[0]
    return dataclasses.replace(job, posting=job.posting.model_copy(update={"role": role, "age_groups": ages}))


@pytest.mark.parametrize("role, under", [
    ("ressourcepædagog", ("pædagog", "ressourcepædagog")),
    ("pædagog", ("pædagog",)),
    ("pædagogisk leder", ("pædagogisk leder",)),  # a leadership post, not a pædagog post
    ("pædagogisk assistent", ("pædagogisk assistent",)),
    ("pædagogisk medhjælper", ("pædagogisk medhjælper",)),
])
def test_a_role_is_listed_under_the_choices_that_include_it(role, under):
    job = _job(role, ["0-3"])
    assert listed_under(job, "role") == under
    assert keys_of(job, "role") == tuple(slug(u) for u in under)


@pytest.mark.parametrize("ages, under", [
    (["0-3"], ("0-3", "0-6")), (["3-6"], ("3-6", "0-6")), (["0-6"], ("0-3", "3-6", "0-6")),
    (["0-3", "3-6"], ("0-3", "3-6", "0-6")),
])
def test_an_age_group_is_listed_under_the_choices_it_overlaps(ages, under):
    assert listed_under(_job("pædagog", ages), "age_group") == under


# --- Every facet value, in every output ---

def _write(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def synthetic_project(dest: Path) -> Path:
    """The benchmark's content, and an open posting of every role for every set of age groups."""
    import random

    root = copy_project(dest)
    day = date.fromisoformat(TODAY)
    synthetic.write_content(root, n=10, open_count=6, today=day)
    tree = yaml.safe_load((root / "data" / "organisations.yml").read_text(encoding="utf-8"))
    workplaces = [(w["id"], w["name"]) for k in tree["kommuner"] for d in k["units"] for w in d["units"]]
    rng = random.Random(22)
    for r, role in enumerate(ROLE_TYPES):
        for a, ages in enumerate(AGE_SETS):
            data = synthetic.posting(rng, workplaces[(r * 7 + a * 3) % len(workplaces)], day, True)
            data |= {"role": role, "age_groups": ages}
            if role not in synthetic.ROLE_DESCRIPTIONS:
                data.pop("role_description", None)
            else:
                data["role_description"] = synthetic.ROLE_DESCRIPTIONS[role]
            _write(root / "jobs" / f"alle-{r}-{a}.yml", data)
    return root


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory) -> tuple[Path, Site]:
    root = synthetic_project(tmp_path_factory.mktemp("agreement") / "project")
    site = root.parent / "site"
    result = mkdocs_build(root, site, TODAY)
    assert result.code == 0, result.text
    return root, Site(TODAY, site, result)


@pytest.fixture(scope="module", params=["example", "synthetic"])
def sites(request):
    """(project root, built site) of the example and of the synthetic content."""
    if request.param == "example":
        return ROOT, request.getfixturevalue("built_site")(TODAY)
    return request.getfixturevalue("synthetic_site")


def expected(root: Path):
    """Each facet value and the ids of the open postings facets.matching gives it, as the build sees them."""
    content = load_site(root)
    listing = build_listing(content, datetime.combine(date.fromisoformat(TODAY), time(0, 0), TZ))
    return [(fv, [j.id for j in matching(listing.open, fv)]) for fv in facet_values(content)], listing


def option_counts(html: str, name: str) -> dict[str, int]:
    select = re.search(rf'<select id="filter-{name}" name="{name}"[^>]*>(.*?)</select>', html, re.S)[1]
    return {m[1]: int(m[2]) for m in re.finditer(r'<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)</option>', select)}


def test_count_feed_calendar_and_jobs_json_agree_for_every_value(sites):
    root, site = sites
    values, listing = expected(root)
    html = site.page("job/")
    doc = site.jobs()
    postings = {p["id"]: p for p in doc["postings"] if p["status"] == "open"}
    assert set(postings) == {j.id for j in listing.open}
    assert len(values) >= 15
    for fv, ids in values:
        where = (fv.facet, fv.key)
        assert option_counts(html, SELECT[fv.facet])[fv.key] == len(ids), where
        atom = feedparser.parse((site.root / fv.atom_path).read_bytes())
        assert not atom.bozo, where
        assert sorted(e.link.rstrip("/").rsplit("/", 1)[-1] for e in atom.entries) == sorted(ids), where
        cal = icalendar.Calendar.from_ical((site.root / fv.ics_path).read_bytes())
        deadlines = [str(e["UID"]).split(".frist@")[0] for e in cal.walk("VEVENT")
                     if ".frist@" in str(e["UID"]) and str(e["STATUS"]) != "CANCELLED"]
        assert sorted(deadlines) == sorted(ids), where
        # jobs.json: a role or age value's postings are those that list it under listed_under
        if fv.facet in ("role", "age_group"):
            listed = [i for i, p in postings.items() if fv.value in p["categories"]["listed_under"][fv.facet]]
            assert sorted(listed) == sorted(ids), where
        # the cards carry the key for exactly these postings
        cards = re.findall(rf'<li class="jobsite-card" data-id="([^"]+)"[^>]* data-{filters_attr(fv.facet)}="([^"]*)"',
                           html)
        assert sorted(i for i, keys in cards if fv.key in keys.split()) == sorted(ids), where


def filters_attr(facet: str) -> str:
    return {f[0]: f[3] for f in filters.FACET_FILTERS}[facet]


def test_the_synthetic_site_has_every_role_and_age_group_open(synthetic_site):
    root, _ = synthetic_site
    values, listing = expected(root)
    assert {j.posting.role for j in listing.open} == set(ROLE_TYPES)
    for fv, ids in values:
        if fv.facet in ("role", "age_group"):
            assert ids, fv
    pædagog = dict((fv.key, ids) for fv, ids in values if fv.facet == "role")
    assert set(pædagog["ressourcepaedagog"]) < set(pædagog["paedagog"])


# Every option of every facet chosen in turn through the form, as a visitor does: the ids of the
# cards the page script then shows, and its count text.
CHOOSE_EACH = """() => {
    const form = document.getElementById("jobsite-filter");
    const found = {};
    for (const select of form.querySelectorAll("select[data-facet]")) {
        for (const option of select.options) {
            if (!option.value) continue;
            select.value = option.value;
            select.dispatchEvent(new Event("change", {bubbles: true}));
            found[select.name + "=" + option.value] = {
                shown: [...document.querySelectorAll("li.jobsite-card")].filter(c => !c.hidden && c.offsetParent)
                    .map(c => c.dataset.id),
                text: option.textContent,
            };
        }
        select.value = "";
        select.dispatchEvent(new Event("change", {bubbles: true}));
    }
    return found;
}"""


def test_the_page_script_shows_the_same_postings_for_every_value(sites, browser):
    root, site = sites
    values, _ = expected(root)
    url, server = _serve(site.root)
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen",
                                  viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url + "job/")
        page.locator("#jobsite-filter[data-ready]").wait_for(state="attached")
        found = page.evaluate(CHOOSE_EACH)
        for fv, ids in values:
            got = found[f"{SELECT[fv.facet]}={fv.key}"]
            assert sorted(got["shown"]) == sorted(ids), (fv.facet, fv.key)
            assert htmllib.unescape(got["text"]) == f"{fv.label} ({len(ids)})"  # the script's recount agrees
        # A shared link to a value shows the same postings.
        role = next((fv, ids) for fv, ids in values if fv.key == "paedagog")
        page.goto(url + "job/?stilling=paedagog")
        page.locator("#jobsite-filter[data-ready]").wait_for(state="attached")
        shown = page.locator("li.jobsite-card:visible").evaluate_all("cs => cs.map(c => c.dataset.id)")
        assert sorted(shown) == sorted(role[1])
    finally:
        context.close()
        server.shutdown()


def site_path(url: str) -> str:
    return urlsplit(url).path.lstrip("/")
