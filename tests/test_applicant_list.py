"""The job list and a posting as built, before any script runs: every filter
choice with its count of open postings (0 included) and the feeds it leads to,
the sort control, the "Ny" mark, the workplace's address with a map link, the
way back to the list and the address printed on paper."""
from __future__ import annotations

import html as htmllib
import posixpath
import re
from datetime import date, datetime, time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest

from generator.content import load_site
from generator.facets import facet_values, keys_of, matching
from generator.listing import build_listing
from generator.model import EMPLOYMENT
from generator.render import pages

ROOT = Path(__file__).resolve().parent.parent
TZ = ZoneInfo("Europe/Copenhagen")
TODAY = "2026-01-05"
LEDER = "paedagogisk-leder-stjernehuset"  # published 2025-12-12
RESSOURCE = "ressourcepaedagoger-midtbyens-dagtilbud"  # published 2026-01-02
FACET_SELECT = {"kommune": "kommune", "district": "distrikt", "role": "stilling", "age_group": "alder"}


def listing_on(day: str, root: Path = ROOT):
    content = load_site(root)
    return content, build_listing(content, datetime.combine(date.fromisoformat(day), time(10, 0), TZ))


def select(html: str, name: str) -> str:
    found = re.search(rf'<select id="filter-{name}" name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert found, name
    return found[1]


def options(html: str, name: str) -> dict[str, dict[str, str]]:
    """value -> {'text': what the option shows, and its data-* attributes}."""
    found = {}
    for m in re.finditer(r'<option value="([^"]*)"([^>]*)>([^<]*)</option>', select(html, name)):
        data = dict(re.findall(r'data-([a-z]+)="([^"]*)"', m[2]))
        found[m[1]] = {"text": htmllib.unescape(m[3]), **{k: htmllib.unescape(v) for k, v in data.items()}}
    return found


def test_every_facet_value_is_a_choice_with_its_count_and_its_feeds(built_site):
    site = built_site(TODAY)
    html = site.page("job/")
    content, listing = listing_on(TODAY)
    values = facet_values(content)
    assert {fv.facet for fv in values} == set(FACET_SELECT)
    for fv in values:
        option = options(html, FACET_SELECT[fv.facet])[fv.key]
        n = len(matching(listing.open, fv))
        assert option["text"] == f"{fv.label} ({n})"
        assert option["label"] == fv.label
        # The option leads to the same feed and calendar as the per-facet feeds, relative from /job/.
        assert posixpath.normpath(posixpath.join("job", option["atom"])) == fv.atom_path
        assert posixpath.normpath(posixpath.join("job", option["ics"])) == fv.ics_path
        assert (site.root / fv.atom_path).is_file() and (site.root / fv.ics_path).is_file(), fv
    # What a visitor reads, including values no open posting has.
    kommuner = options(html, "kommune")
    assert [o["text"] for o in kommuner.values()] == ["Alle", "Aarhus Kommune (1)", "Ballerup Kommune (1)",
                                                        "Haderslev Kommune (0)"]
    assert options(html, "stilling")["paedagog"]["text"] == "Pædagog (1)"  # the ressourcepædagog post
    assert options(html, "alder")["0-6"]["text"] == "0–6 år (2)"  # every age of a dagtilbud
    assert options(html, "alder")["3-6"]["text"] == "3–6 år (børnehave) (1)"  # the 0-6 post has 3-6 children


def test_cards_carry_the_facet_keys_the_options_match(built_site):
    html = built_site(TODAY).page("job/")
    content, listing = listing_on(TODAY)
    for job in listing.open:
        card = re.search(rf'<li class="jobsite-card" data-id="{job.id}"([^>]*)>', html)[1]
        attrs = dict(re.findall(r'data-([a-z]+)="([^"]*)"', card))
        for facet, attr in (("kommune", "kommune"), ("district", "district"), ("role", "role"), ("age_group", "age")):
            assert attrs[attr].split() == list(keys_of(job, facet)), (job.id, facet)
            for key in attrs[attr].split():
                assert key in options(html, FACET_SELECT[facet])


def test_age_groups_and_roles_include_what_an_applicant_means_and_the_hints_say_so(built_site):
    html = built_site(TODAY).page("job/")
    assert list(options(html, "alder")) == ["", "0-3", "3-6", "0-6"]
    assert re.search(r'<select id="filter-alder" name="alder"[^>]* aria-describedby="filter-alder-hint">', html)
    hint = re.search(r'<small id="filter-alder-hint"[^>]*>([^<]*)</small>', html)[1]
    assert "En stilling for 0–6 år står også under 0–3 år og 3–6 år" in hint
    hint = re.search(r'<small id="filter-stilling-hint"[^>]*>([^<]*)</small>', html)[1]
    assert hint == "Pædagog viser også stillinger som ressourcepædagog."
    # The cards carry the key of every choice that includes them.
    assert re.search(rf'data-id="{RESSOURCE}"[^>]* data-role="paedagog ressourcepaedagog" data-age="0-3 3-6 0-6"', html)
    assert re.search(rf'data-id="{LEDER}"[^>]* data-role="paedagogisk-leder" data-age="0-3 0-6"', html)


def test_hours_and_employment_offer_every_value_with_counts(built_site):
    html = built_site(TODAY).page("job/")
    assert {v: o["text"] for v, o in options(html, "tid").items()} == {
        "": "Alle", "fuldtid": "Fuldtid (2)", "deltid": "Deltid (0)"}
    employment = options(html, "ansaettelse")
    assert [o["text"] for v, o in employment.items() if v] == [f"{label} ({n})" for label, n in
                                                               zip(EMPLOYMENT.values(), (2, 0))]


def test_counts_follow_the_open_postings_of_the_day(built_site):
    html = built_site("2026-01-11").page("job/")  # the Ballerup posting has closed
    assert options(html, "kommune")["ballerup"]["text"] == "Ballerup Kommune (0)"
    assert options(html, "kommune")["aarhus"]["text"] == "Aarhus Kommune (1)"
    assert options(html, "alder")["0-3"]["text"] == "0–3 år (vuggestue) (1)"  # the 0-6 post


def test_the_follow_links_and_the_sort_control_are_in_the_page(built_site):
    html = built_site(TODAY).page("job/")
    assert re.search(r'<a href="feed.xml" type="application/atom\+xml" data-jobsite-follow="atom">', html)
    assert re.search(r'<a href="kalender.ics" type="text/calendar" data-jobsite-follow="ics">', html)
    sort = re.search(r'<p class="jobsite-sort" id="jobsite-sort"[^>]* hidden>.*?</p>', html, re.S)[0]
    assert '<select id="jobsite-sort-select" name="sortering" form="jobsite-filter">' in sort
    assert re.findall(r'<option value="([^"]*)">([^<]*)</option>', sort) == [
        ("", "Korteste frist først"), ("nyeste", "Nyeste først")]
    # The sort sits above the list, outside the folded filters.
    assert html.index('id="jobsite-sort"') < html.index('<ul class="jobsite-list"')
    assert html.index("</form>") < html.index('id="jobsite-sort"')
    # Each card carries the day it was published, for sorting and for the script's "Ny".
    assert re.search(rf'data-id="{LEDER}"[^>]* data-published="2025-12-12"', html)


@pytest.mark.parametrize("day, new", [("2026-01-02", {RESSOURCE}), ("2026-01-05", {RESSOURCE}),
                                      ("2026-01-08", {RESSOURCE}), ("2026-01-09", set())])
def test_ny_marks_postings_published_in_the_last_7_days(day, new):
    content, listing = listing_on(day)
    html = pages.job_list(listing, content)
    cards = dict(re.findall(r'<li class="jobsite-card" data-id="([^"]+)".*?<h2[^>]*>(.*?)</h2>', html, re.S))
    marked = {job_id for job_id, title in cards.items() if '<span class="jobsite-new">Ny</span>' in title}
    assert marked == new
    for job in listing.open:
        page = pages.posting(job, content, today=listing.today)
        assert ('<span class="jobsite-new">Ny</span>' in page) == (job.id in new), (day, job.id)


def test_a_closed_posting_is_never_new(built_site):
    html = built_site("2026-01-11").page("job/arkiv/")
    assert "jobsite-new" not in html


def test_posting_shows_the_workplace_city_with_a_map_link(built_site):
    html = built_site(TODAY).page(f"job/{LEDER}/")
    row = re.search(r"<div><dt>By</dt><dd>(.*?)</dd></div>", html, re.S)
    assert row, "the workplace's city"
    assert row[1].startswith("Ballerup<span class=\"jobsite-map\">")
    href = re.search(r'<a href="([^"]+)">Find på kort \(OpenStreetMap\)</a>', row[1])[1]
    url = urlsplit(htmllib.unescape(href))
    assert (url.scheme, url.netloc, url.path) == ("https", "www.openstreetmap.org", "/search")
    assert parse_qs(url.query) == {"query": ["Børnehuset Stjernehuset, Ballerup"]}
    # Not the kommune's town hall address: that is not where the job is.
    facts = re.search(r'<aside class="jobsite-facts".*?</aside>', html, re.S)[0]
    assert "Hold-an Vej" not in facts


def test_a_street_address_is_shown_and_searched_as_written(project):
    path = project / "data" / "organisations.yml"
    text = path.read_text(encoding="utf-8")
    hostile = 'Ved "Kilden" 7 & 9 ?x=1#top'
    text = text.replace("            name: Børnehuset Stjernehuset\n            address:\n              city: Ballerup\n",
                        "            name: Børnehuset Stjernehuset\n            address:\n"
                        f"              street: '{hostile}'\n              postal_code: \"2750\"\n"
                        "              city: Ballerup\n", 1)
    assert hostile in text
    path.write_text(text, encoding="utf-8")
    content, listing = listing_on(TODAY, project)
    job = next(j for j in listing.jobs if j.id == LEDER)
    page = pages.posting(job, content, today=listing.today)
    row = re.search(r"<div><dt>Adresse</dt><dd>(.*?)<span", page, re.S)
    assert row and htmllib.unescape(row[1]) == f"{hostile}, 2750 Ballerup"
    assert "&amp;" in row[1] and '"' not in row[1]  # escaped, never raw
    href = htmllib.unescape(re.search(r'<a href="([^"]+)">Find på kort', page)[1])
    url = urlsplit(href)
    assert (url.netloc, url.fragment) == ("www.openstreetmap.org", "")  # the # stayed inside the query
    assert parse_qs(url.query) == {"query": [f"{hostile}, 2750 Ballerup"]}


def test_a_workplace_without_an_address_gets_none_invented(project):
    path = project / "data" / "organisations.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("            name: Børnehuset Stjernehuset\n            address:\n              city: Ballerup\n",
                        "            name: Børnehuset Stjernehuset\n", 1)
    path.write_text(text, encoding="utf-8")
    content, listing = listing_on(TODAY, project)
    job = next(j for j in listing.jobs if j.id == LEDER)
    page = pages.posting(job, content, today=listing.today)
    assert "<dt>Adresse</dt>" not in page and "<dt>By</dt>" not in page
    assert "openstreetmap" not in page


def test_posting_has_a_way_back_and_prints_its_own_address(built_site):
    site = built_site(TODAY)
    for job_id, day in ((LEDER, TODAY), (RESSOURCE, TODAY), (LEDER, "2026-01-11")):
        html = built_site(day).page(f"job/{job_id}/")
        back = re.search(r'<p class="jobsite-back"[^>]*><a href="([^"]+)">Alle ledige stillinger</a></p>', html)
        assert back and back[1] == "../"
        # The way back comes right after the title, before the facts.
        assert html.index("</h1>") < back.start() < html.index('<aside class="jobsite-facts"')
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)[1]
        printed = re.search(r'<p class="jobsite-print-url">Opslaget på nettet: '
                            r'<a class="jobsite-url" href="([^"]+)">([^<]+)</a></p>', html)
        assert printed and printed[1] == printed[2] == canonical
        assert canonical.endswith(f"/job/{job_id}/")
    assert (site.root / "job" / "index.html").is_file()  # where ../ leads from a posting
    # print.css shows the address on paper only, and hides what paper cannot use.
    css = (site.root / "assets" / "print.css").read_text(encoding="utf-8")
    block = css[css.rindex("@media print", 0, css.index(".jobsite-print-url {")):]  # the posting's print block
    assert ".jobsite-print-url { display: block !important;" in block
    assert ".jobsite-share" in block and ".jobsite-back" in block
    assert ".md-typeset .jobsite-print-url { display: none; }" in (site.root / "assets" / "jobsite.css").read_text()


def test_sharing_is_a_button_of_the_site_and_no_widget(built_site):
    html = built_site(TODAY).page(f"job/{RESSOURCE}/")
    share = re.search(r'<p class="jobsite-share" hidden>(.*?)</p>', html, re.S)[1]
    assert '<button type="button" class="md-button" id="jobsite-share">Kopiér link</button>' in share
    assert '<span class="jobsite-share__status" id="jobsite-share-status" aria-live="polite"></span>' in share
    assert not re.search(r"\son[a-z]+=", share)  # no inline handlers: the page script wires it
    assert "jobsite-share" not in built_site("2026-01-11").page(f"job/{LEDER}/")  # closed: nothing to share
