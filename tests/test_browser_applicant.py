"""An applicant in Chromium on the example site built for 2026-01-05 (both
postings open): filters with mouse and keyboard, a shared filtered address,
Danish search, deadlines checked against the visitor's clock, and printing."""
from __future__ import annotations

import io
import re
from datetime import datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from waiting import patient_browser  # noqa: F401 - autouse: the ceiling for waits

TODAY = "2026-01-05"
TZ = ZoneInfo("Europe/Copenhagen")
LEDER = "paedagogisk-leder-stjernehuset"
RESSOURCE = "ressourcepaedagoger-midtbyens-dagtilbud"
LEDER_TITLE = "Pædagogisk leder til Børnehuset Stjernehuset – Distrikt Baltorp"
RESSOURCE_TITLE = "Ressourcepædagoger søges til Midtbyens Dagtilbud"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


def as_deployed(page):
    """Pages without <meta name="jobsite-now">: a build for a fixed day pins the script's "now" to
    that day, the deployed site does not, and these tests move the visitor's clock."""
    def strip(route):
        response = route.fetch()
        route.fulfill(response=response, body=re.sub(r'<meta name="jobsite-now"[^>]*>', "", response.text()))
    page.route(re.compile(r"^[^?#]*/(\?[^#]*)?$"), strip)


def visible_cards(page) -> list[str]:
    return page.locator("li.jobsite-card:visible").evaluate_all("cards => cards.map(c => c.dataset.id)")


@pytest.fixture
def job_list(served_site, page):
    page.clock.set_fixed_time(at(f"{TODAY}T10:00"))
    page.goto(served_site(TODAY) + "job/")
    return page


def test_filtering_by_kommune_leaves_the_matching_postings_and_updates_the_address(job_list):
    page = job_list
    expect(page.locator("#jobsite-filter")).to_be_visible()
    assert visible_cards(page) == [LEDER, RESSOURCE]
    page.get_by_label("Kommune").select_option("ballerup")
    assert visible_cards(page) == [LEDER]
    expect(page).to_have_url(re.compile(r"/job/\?kommune=ballerup$"))
    expect(page.locator("#jobsite-count")).to_have_text("Viser 1 af 2 ledige stillinger, den med den korteste frist står først.")
    expect(page.locator("#jobsite-count")).to_have_attribute("aria-live", "polite")
    page.get_by_label("Kommune").select_option("aarhus")
    assert visible_cards(page) == [RESSOURCE]
    expect(page).to_have_url(re.compile(r"/job/\?kommune=aarhus$"))
    page.get_by_label("Stillingstype").select_option("paedagogisk-leder")
    assert visible_cards(page) == []
    expect(page.locator("#jobsite-count")).to_contain_text("Ingen af de 2 ledige stillinger passer til dit valg")
    expect(page).to_have_url(re.compile(r"\?kommune=aarhus&stilling=paedagogisk-leder$"))


def test_age_group_filter_includes_the_posts_whose_ages_overlap(job_list):
    # As the per-facet feeds do (model.AGE_INCLUDES): a 0-6 job is under 0-3 and 3-6 too, and 0-6 is every age.
    page = job_list
    page.get_by_label("Aldersgruppe").select_option("0-3")
    assert visible_cards(page) == [LEDER, RESSOURCE]
    page.get_by_label("Aldersgruppe").select_option("0-6")
    assert visible_cards(page) == [LEDER, RESSOURCE]
    page.get_by_label("Aldersgruppe").select_option("3-6")
    assert visible_cards(page) == [RESSOURCE]
    expect(page.locator("#filter-alder-hint")).to_contain_text("En stilling for 0–6 år står også under 0–3 år og 3–6 år")


def test_a_shared_filtered_address_restores_the_filter(served_site, page):
    page.clock.set_fixed_time(at(f"{TODAY}T10:00"))
    page.goto(served_site(TODAY) + "job/?kommune=ballerup")
    expect(page.get_by_label("Kommune")).to_have_value("ballerup")
    assert visible_cards(page) == [LEDER]
    expect(page.locator("#jobsite-count")).to_contain_text("Viser 1 af 2")
    expect(page.locator("[data-jobsite-active]")).to_have_text("(1 valgt)")
    page.goto(served_site(TODAY) + "job/?distrikt=midtbyens-dagtilbud&tid=fuldtid&ukendt=x")
    assert visible_cards(page) == [RESSOURCE]
    page.goto(served_site(TODAY) + "job/?kommune=findes-ikke")  # an unknown choice is skipped, and said so
    assert visible_cards(page) == [LEDER, RESSOURCE]
    expect(page.locator("#jobsite-filter-notice")).to_have_text(
        "Linket vælger kommune »findes-ikke«, som ikke findes her. Det valg er sprunget over.")


def test_filters_work_with_the_keyboard_alone_on_a_phone(served_site, phone):
    page = phone
    page.clock.set_fixed_time(at(f"{TODAY}T10:00"))
    page.goto(served_site(TODAY) + "job/")
    details = page.locator(".jobsite-filter__details")
    expect(details).not_to_have_attribute("open", "")  # folded on a phone so the list stays in view
    # Tab from the page heading to the filter panel, open it with Enter.
    page.locator("h1").click()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-kommune"
    page.keyboard.press("ArrowDown")  # the first kommune: Aarhus Kommune
    expect(page.get_by_label("Kommune")).to_have_value("aarhus")
    assert visible_cards(page) == [RESSOURCE]
    expect(page).to_have_url(re.compile(r"\?kommune=aarhus$"))
    # On to the reset button and press it.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "reset":
            break
    page.keyboard.press("Enter")
    assert visible_cards(page) == [LEDER, RESSOURCE]
    expect(page).to_have_url(re.compile(r"/job/$"))
    assert page.evaluate("document.activeElement.id") == "filter-kommune"


@pytest.mark.parametrize("query, expected", [
    ("ressourcepædagog", [RESSOURCE_TITLE]),
    ("vuggestue", [LEDER_TITLE]),
    ("Ballerup", [LEDER_TITLE]),
    ("leder", [LEDER_TITLE]),
])
def test_search_returns_the_matching_open_postings_first(served_site, page, query, expected):
    from search_project import search_from_header

    page.goto(served_site(TODAY))
    results = search_from_header(page, query)
    titles = [t.strip() for t in results.locator(".jobsite-searchpage__title").all_inner_texts()]
    assert titles[:len(expected)] == expected, titles
    # A result says where the job is and when to apply.
    first = results.first.inner_text()
    assert "Kommune" in first and "Ansøgningsfrist" in first, first


def test_a_posting_whose_deadline_passed_after_the_build_shows_as_closed(served_site, page):
    base = served_site(TODAY)
    as_deployed(page)
    page.clock.set_fixed_time(at("2026-01-11T08:00"))  # the site says open; the visitor's clock says closed
    page.goto(base + f"job/{LEDER}/")
    notice = page.get_by_role("note")
    expect(notice).to_have_text("Fristen er nu udløbet. Ansøgningsfristen var lørdag den 10. januar 2026, "
                                "og der kan ikke længere søges. Se de ledige stillinger.")
    expect(notice.get_by_role("link", name="Se de ledige stillinger")).to_have_attribute("href", "../")
    apply = page.locator(".jobsite-apply a")
    expect(apply).to_have_count(2)
    expect(apply.first).to_be_hidden()
    expect(apply.last).to_be_hidden()
    expect(page.get_by_role("link", name="Søg stillingen")).to_have_count(0)
    expect(page.locator(".jobsite-calendar a")).to_be_hidden()
    expect(page.locator(".jobsite-facts .jobsite-badge")).to_have_text("Fristen er udløbet")
    # The other posting is still open and keeps its button.
    page.goto(base + f"job/{RESSOURCE}/")
    expect(page.get_by_role("link", name="Søg stillingen").first).to_be_visible()
    expect(page.locator(".jobsite-facts .jobsite-badge")).to_have_text("Frist om 35 dage")
    # The list leaves the closed posting out.
    page.goto(base + "job/")
    assert visible_cards(page) == [RESSOURCE]
    expect(page.locator("#jobsite-count")).to_have_text("1 ledig stilling, den med den korteste frist står først.")


def test_badges_count_down_with_the_visitors_clock(served_site, page):
    base = served_site(TODAY)
    as_deployed(page)
    page.clock.set_fixed_time(at("2026-01-09T21:00"))
    page.goto(base + "job/")
    expect(page.locator(f'[data-id="{LEDER}"] .jobsite-badge')).to_have_text("Frist i morgen")
    page.clock.set_fixed_time(at("2026-01-10T23:30"))
    page.goto(base + f"job/{LEDER}/")
    expect(page.locator(".jobsite-facts .jobsite-badge")).to_have_text("Frist i dag")
    expect(page.get_by_role("link", name="Søg stillingen").first).to_be_visible()
    expect(page.get_by_role("note")).to_have_count(0)


def test_a_posting_prints_on_a4_with_its_key_facts_and_no_navigation(served_site, page):
    from pypdf import PdfReader

    page.clock.set_fixed_time(at(f"{TODAY}T10:00"))
    page.goto(served_site(TODAY) + f"job/{LEDER}/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".jobsite-search", ".jobsite-calendar"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator(".jobsite-facts")).to_be_visible()
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    box = pdf.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2  # A4 in points
    first = pdf.pages[0].extract_text()
    for fact in ("Pædagogisk leder til Børnehuset Stjernehuset", "Kort om stillingen", "Ansøgningsfrist",
                 "lørdag den 10. januar 2026", "1. samtale", "Helle Kristensen", "https://ballerup.dk/job"):
        assert fact in first, fact
    assert "Ledige stillinger" not in first.split("Kort om stillingen")[0]  # no navigation above the facts
