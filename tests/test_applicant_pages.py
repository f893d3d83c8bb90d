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
    # There without the script too: a GET form to the list's own address with a submit button.
    assert " hidden" not in form.split("\n", 1)[0] and 'method="get" action="./"' in form.split("\n", 1)[0]
    assert '<button type="submit" class="md-button md-button--primary">Vis stillinger</button>' in form
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
    assert 'data-kommune="ballerup" data-district="distrikt-baltorp" data-role="paedagogisk-leder" data-age="0-3 0-6"' in html
    assert 'id="jobsite-count" aria-live="polite"' in html


def test_filter_choices_stay_when_their_postings_close(built_site):
    html = built_site("2026-01-11").page("job/")
    assert options(html, "kommune") == ["", "aarhus", "ballerup", "haderslev"]
    assert ">Ballerup Kommune (0)</option>" in html and ">Aarhus Kommune (1)</option>" in html
    assert "jobsite-filter" not in built_site("2026-03-01").page("job/")  # nothing to filter


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
                     r'data-deadline="2026-01-10T23:59:59\+01:00">', html)
    assert html.count('class="jobsite-apply"') == 2


def test_closed_posting_has_no_calendar_link_and_no_deadline_for_the_script(built_site):
    html = built_site("2026-01-11").page(f"job/{LEDER}/")
    assert "Tilføj til kalender" not in html
    assert '<aside class="jobsite-facts" aria-labelledby="jobsite-facts-title">' in html


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


def test_search_index_weighs_open_postings_and_skips_the_filter_form(built_site):
    from search_project import indexed

    index = indexed(built_site("2026-01-05").root)
    postings = [f for url, f in index.items() if url in (f"/job/{LEDER}/", f"/job/{RESSOURCE}/")]
    assert len(postings) == 2 and all(f["meta"].get("emner") for f in postings)  # weighed above the text
    assert not [f for url, f in index.items() if f not in postings and f["meta"].get("emner")]
    job_list = index["/job/"]
    assert "Filtrér" not in job_list["content"] and "Aldersgruppe" not in job_list["content"]
    first = index[f"/job/{LEDER}/"]
    assert "Ballerup Kommune" in first["meta"]["emner"] and "0–3 år (vuggestue)" in first["meta"]["emner"]


def test_job_sitemap_lists_the_open_postings(built_site):
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for today, ids in [("2026-01-05", [LEDER, RESSOURCE]), ("2026-01-11", [RESSOURCE])]:
        root = ET.fromstring(built_site(today).root.joinpath("job/sitemap.xml").read_bytes())
        locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
        assert [loc.split("/job/", 1)[1] for loc in locs] == [""] + [f"{i}/" for i in ids]
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", u.findtext("s:lastmod", namespaces=ns))
                   for u in root.findall("s:url", ns))


# --- A missing address: the Danish 404 page, served at any depth (overrides/404.html) ---

def test_the_404_page_is_danish_with_the_way_to_the_open_jobs_and_a_search_and_absolute_links(built_site):
    html = built_site("2026-01-05").page("404.html")
    text = " ".join(re.sub(r"<[^>]+>", " ", html[html.index("<article"):html.index("</article>")]).split())
    assert text.startswith("Siden findes ikke")
    assert "stillingsopslag, er stillingen lukket: et opslag tages ned nogle måneder efter ansøgningsfristen" in text
    assert re.search(r'<a class="md-button md-button--primary" href="/job/">Se de 2 ledige stillinger</a>', html)
    assert re.search(r"<form class=\"[^\"]*jobsite-notfound-search\" action=\"/soeg/\" method=\"get\" role=\"search\"", html)
    assert '<label for="jobsite-notfound-q">' in html and 'id="jobsite-notfound-q" name="q"' in html
    assert "<title>Siden findes ikke - Job og viden i dagtilbud</title>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'class="md-tabs' in html or 'class="md-nav' in html  # the site's header and menu
    # Served at any depth: every address is absolute from the site's root, or another site's.
    for address in re.findall(r'\s(?:href|src|action)="([^"]*)"', html):
        assert address.startswith(("/", "https://", "mailto:", "tel:")), address
    # The count follows the day: one open job after the first deadline, none when both have passed.
    assert "Se den 1 ledig stilling<" in built_site("2026-01-11").page("404.html")
    assert "Se listen over ledige stillinger<" in built_site("2026-03-01").page("404.html")


@pytest.mark.parametrize("missing", ["job/en-lukket-stilling/", "findes/ikke/i/flere/lag/side.html"])
def test_a_missing_address_shows_the_danish_page_whose_links_work(served_site, page, missing):
    from playwright.sync_api import expect

    base = served_site("2026-01-05")
    response = page.goto(base + missing)
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Siden findes ikke")
    expect(page).to_have_title("Siden findes ikke - Job og viden i dagtilbud")
    # The theme's stylesheet loaded from this depth too: the header is the theme's colour, not unstyled.
    expect(page.locator(".md-header")).to_have_css("position", "sticky")
    page.get_by_role("link", name="Se de 2 ledige stillinger").click()
    expect(page).to_have_url(base + "job/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ledige stillinger")
    page.goto(base + missing)
    search = page.get_by_label("Skriv et eller flere ord, fx en stilling, et børnehus eller en by")
    search.fill("pædagog")
    search.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(base) + r"soeg/\?q=p%C3%A6dagog$"))
    page.goto(base + missing)
    page.get_by_role("link", name="forsiden").click()
    expect(page).to_have_url(re.compile(re.escape(base) + r"\.?$"))
