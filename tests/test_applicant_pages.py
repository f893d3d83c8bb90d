"""What the built pages give an applicant without any script: the filter
choices, deadline badges, the calendar link, sharing metadata and search."""
from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from generator.content import load_site
from generator.listing import build_listing
from generator.render import pages

ROOT = Path(__file__).resolve().parent.parent
TZ = ZoneInfo("Europe/Copenhagen")
LEDER = "paedagogisk-leder-stjernehuset"
RESSOURCE = "ressourcepaedagoger-midtbyens-dagtilbud"


def options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select id="filter-{name}" name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, name
    return re.findall(r'<option value="([^"]*)"', select[1])


def test_filter_form_offers_every_choice_the_data_defines(built_site):
    html = built_site("2026-01-05").page("job/")
    start = html.index('<form class="jobsite-filter"')
    form = html[start:html.index("</form>", start)]
    assert " hidden>" in form.split("\n", 1)[0]  # shown by the script; without it the full list is the page
    for name, label in [("kommune", "Kommune"), ("distrikt", "Distrikt eller dagtilbud"),
                        ("stilling", "Stillingstype"), ("alder", "Aldersgruppe"), ("tid", "Arbejdstid"),
                        ("ansaettelse", "Ansættelse")]:
        assert f'<label for="filter-{name}">{label}</label>' in form
    assert options(html, "kommune") == ["", "aarhus", "ballerup", "haderslev"]
    assert options(html, "distrikt") == ["", "midtbyens-dagtilbud", "distrikt-baltorp"]
    assert re.search(r'<optgroup label="Ballerup Kommune"><option value="distrikt-baltorp"[^>]*>Distrikt Baltorp \(1\)</option>',
                     form)
    assert options(html, "stilling") == ["", "paedagog", "ressourcepaedagog", "paedagogisk-assistent",
                                         "paedagogisk-medhjaelper", "paedagogisk-leder", "leder", "andet"]
    assert options(html, "alder") == ["", "0-3", "3-6", "0-6"]
    assert options(html, "tid") == ["", "fuldtid", "deltid"]
    assert options(html, "ansaettelse") == ["", "fast", "tidsbegraenset"]
    # Each choice matches a data attribute of the cards.
    assert 'data-kommune="ballerup" data-district="distrikt-baltorp" data-role="paedagogisk-leder" data-age="0-3"' in html
    assert 'id="jobsite-count" aria-live="polite"' in html


def test_filter_choices_stay_when_their_postings_close(built_site):
    html = built_site("2026-01-11").page("job/")
    assert options(html, "kommune") == ["", "aarhus", "ballerup", "haderslev"]
    assert ">Ballerup Kommune (0)</option>" in html and ">Aarhus Kommune (1)</option>" in html
    assert "jobsite-filter" not in built_site("2026-11-22").page("job/")  # nothing to filter


@pytest.mark.parametrize("today, badge", [("2026-01-05", "Frist om 5 dage"), ("2026-01-08", "Frist om 2 dage"),
                                          ("2026-01-09", "Frist i morgen"), ("2026-01-10", "Frist i dag")])
def test_deadline_badges_on_the_list_and_the_posting(today, badge):
    content = load_site(ROOT)
    listing = build_listing(content, datetime.combine(date.fromisoformat(today), time(0, 0), TZ))
    job = next(j for j in listing.jobs if j.id == LEDER)
    assert f'data-deadline="2026-01-10T23:59:59+01:00">{badge}</span>' in pages.posting(job, content)
    assert f'data-deadline="2026-01-10T23:59:59+01:00">{badge}</span>' in pages.job_list(listing, content)


def test_open_posting_has_calendar_link_and_what_kind_of_job_it_is(built_site):
    html = built_site("2026-01-05").page(f"job/{LEDER}/")
    assert f'<a href="{LEDER}.ics" type="text/calendar">Tilføj til kalender</a>' in html
    assert "Pædagogisk leder · 0–3 år (vuggestue) · Fuldtid · Fast stilling" in html
    other = built_site("2026-01-05").page(f"job/{RESSOURCE}/")
    assert "Ressourcepædagog · 0–6 år · Fuldtid · Fast stilling" in other
    # The deadline the script checks, to close the page if it passes while the page is out there.
    assert re.search(r'<aside class="jobsite-facts" aria-labelledby="jobsite-facts-title" '
                     r'data-deadline="2026-01-10T23:59:59\+01:00" data-search-exclude>', html)
    assert html.count('class="jobsite-apply"') == 2


def test_closed_posting_has_no_calendar_link_and_no_deadline_for_the_script(built_site):
    html = built_site("2026-01-11").page(f"job/{LEDER}/")
    assert "Tilføj til kalender" not in html
    assert '<aside class="jobsite-facts" aria-labelledby="jobsite-facts-title" data-search-exclude>' in html


def test_every_page_has_open_graph_title_and_description(built_site):
    site = built_site("2026-01-05")
    for page in site.root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "<html" not in html:
            continue
        assert re.search(r'<meta property="og:title" content="[^"]+">', html), page
        assert re.search(r'<meta property="og:description" content="[^"]+">', html), page
    posting = site.page(f"job/{LEDER}/")
    assert '<meta property="og:title" content="Pædagogisk leder til Børnehuset Stjernehuset – Distrikt Baltorp">' \
        in posting


def test_search_index_boosts_open_postings_and_skips_the_filter_form(built_site):
    index = json.loads(built_site("2026-01-05").page("search/search_index.json"))
    postings = [d for d in index["docs"] if d["location"].startswith((f"job/{LEDER}/", f"job/{RESSOURCE}/"))]
    assert postings and all(d.get("boost", 1) > 1 for d in postings)
    others = [d for d in index["docs"] if d not in postings]
    assert all(d.get("boost", 1) == 1 for d in others)
    job_list = next(d for d in index["docs"] if d["location"] == "job/")
    assert "Filtrér" not in job_list["text"] and "Aldersgruppe" not in job_list["text"]
    first = next(d for d in index["docs"] if d["location"] == f"job/{LEDER}/")
    assert "Ballerup Kommune" in first["text"] and "0–3 år (vuggestue)" in first["text"]


def test_job_sitemap_lists_the_open_postings(built_site):
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for today, ids in [("2026-01-05", [LEDER, RESSOURCE]), ("2026-01-11", [RESSOURCE])]:
        root = ET.fromstring(built_site(today).root.joinpath("job/sitemap.xml").read_bytes())
        locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
        assert [loc.split("/job/", 1)[1] for loc in locs] == [""] + [f"{i}/" for i in ids]
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", u.findtext("s:lastmod", namespaces=ns))
                   for u in root.findall("s:url", ns))
