"""The example site as an applicant sees it on three days: before both
deadlines, between them, and after both have closed (2026-03-01)."""
import json
import re

import pytest

from conftest import ROOT, mkdocs_build

LEDER = "paedagogisk-leder-stjernehuset"
RESSOURCE = "ressourcepaedagoger-midtbyens-dagtilbud"


def card_ids(html: str) -> list[str]:
    return re.findall(r'<li class="jobsite-card" data-id="([^"]+)"', html)


@pytest.mark.parametrize("today, open_ids, closed_ids", [
    ("2026-01-05", [LEDER, RESSOURCE], []),
    ("2026-01-11", [RESSOURCE], [LEDER]),
    ("2026-03-01", [], [RESSOURCE, LEDER]),
])
def test_open_and_closed_postings_in_order(built_site, today, open_ids, closed_ids):
    site = built_site(today)
    assert card_ids(site.page("job/")) == open_ids
    assert card_ids(site.page("job/arkiv/")) == closed_ids
    data = site.jobs()
    assert data["today"] == today
    assert [p["id"] for p in data["postings"] if p["status"] == "open"] == open_ids
    assert [p["id"] for p in data["postings"] if p["status"] == "closed"] == closed_ids


def test_job_list_shows_what_an_applicant_scans_for(built_site):
    html = built_site("2026-01-05").page("job/")
    assert "2 ledige stillinger" in html
    card = html[html.index(f'data-id="{LEDER}"'):html.index(f'data-id="{RESSOURCE}"')]
    assert "Pædagogisk leder til Børnehuset Stjernehuset" in card
    assert "Børnehuset Stjernehuset · Ballerup · Distrikt Baltorp · Ballerup Kommune" in card \
        or "Børnehuset Stjernehuset · Distrikt Baltorp · Ballerup Kommune" in card
    assert "lørdag den 10. januar 2026" in card
    assert "Frist om 5 dage" in card
    assert "1. samtale: <time datetime=\"2026-01-15\">torsdag den 15. januar 2026</time>" in card
    assert "2. samtale" in card and "torsdag den 22. januar 2026" in card
    assert "Fuldtid uden øvre arbejdstid" in card
    other = html[html.index(f'data-id="{RESSOURCE}"'):]
    assert "søndag den 15. februar 2026" in other
    assert "37 timer om ugen" in other and "Aarhus Kommune" in other and "2 stillinger" in other


def test_open_posting_has_key_facts_apply_button_and_about_texts(built_site):
    html = built_site("2026-01-05").page(f"job/{LEDER}/")
    facts = html[html.index('class="jobsite-facts"'):html.index("</aside>")]
    for expected in ["Ansøgningsfrist", "lørdag den 10. januar 2026", "1. samtale", "2. samtale",
                     "Fuldtid uden øvre arbejdstid", "1. marts 2026 eller snarest muligt", "Fast stilling",
                     "Helle Kristensen", 'href="tel:+4544771847"', "Charlotte Sønderhave",
                     'href="tel:+4524465945"', "Søg stillingen"]:
        assert expected in facts, expected
    assert "Ansøgningsfristen er udløbet" not in html
    assert "Hvem er vi" in html and "ca. 750 børn" in html  # the district's about text
    assert "Der indhentes børneattest og straffeattest" in facts
    assert 'id="ansættelsesproces-og-løn"' in html  # anchors keep æ, ø and å
    assert '<meta name="robots" content="noindex">' not in html


def test_closed_posting_keeps_its_page_with_a_notice_and_no_apply_button(built_site):
    html = built_site("2026-01-11").page(f"job/{LEDER}/")
    assert "Ansøgningsfristen er udløbet" in html
    assert "Søg stillingen" not in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Pædagogisk leder til Børnehuset Stjernehuset" in html


def test_organisation_about_texts_are_shown_on_every_posting_of_that_organisation(built_site):
    html = built_site("2026-01-05").page(f"job/{RESSOURCE}/")
    assert "Om Midtbyens Dagtilbud" in html and "600 børn" in html
    assert "Om Aarhus Kommune" in html and "28.000" in html
    assert "Nancy Engberg" in html and 'href="tel:+4523361876"' in html
    assert "torsdag den 19. februar 2026" in html


def test_closed_postings_are_not_in_the_search_index(built_site):
    from search_project import indexed

    locations = set(indexed(built_site("2026-01-11").root))
    assert f"/job/{RESSOURCE}/" in locations
    assert not any(loc.startswith(f"/job/{LEDER}/") for loc in locations)
    assert list((built_site("2026-01-11").root / "pagefind").glob("wasm.*")) == \
        [built_site("2026-01-11").root / "pagefind" / "wasm.da.pagefind"]  # Danish: stemmed as Danish


def test_jobs_json_fields(built_site):
    data = built_site("2026-01-05").jobs()
    leder = next(p for p in data["postings"] if p["id"] == LEDER)
    assert leder["title"] == "Pædagogisk leder til Børnehuset Stjernehuset – Distrikt Baltorp"
    assert leder["url"].endswith(f"job/{LEDER}/")
    assert leder["deadline"] == "2026-01-10T23:59:59+01:00"
    assert leder["interviews"] == ["2026-01-15", "2026-01-22"]
    assert leder["kommune"] == "Ballerup Kommune"
    assert leder["workplace"] == "Børnehuset Stjernehuset"
    assert leder["hours"] == "uden øvre arbejdstid"
    assert leder["employment"] == "fast"
    assert leder["categories"]["role"] == "pædagogisk leder"
    assert leder["categories"]["age_groups"] == ["0-3"]
    ressource = next(p for p in data["postings"] if p["id"] == RESSOURCE)
    assert ressource["hours"] == 37 and ressource["deadline"] == "2026-02-15T23:59:59+01:00"


def test_the_menu_names_the_five_parts_of_the_site_and_their_first_pages_link_the_rest(built_site):
    site = built_site("2026-01-05")
    html = site.page(f"job/{LEDER}/")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):html.index("</nav>", html.index('md-nav--primary'))]
    assert re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', nav) == [
        "Forside", "Ledige stillinger", "Stillingsbeskrivelser", "Vær med i vores dagtilbud", "Foldere til forældre"]
    # Every page carries the menu, so it lists no posting, role or leaflet; their part's first page links them.
    assert LEDER not in nav and RESSOURCE not in nav and "arkiv" not in nav
    assert 'href="arkiv/"' in site.page("job/")
    roles = site.page("stillingsbeskrivelser/")
    for role in ("paedagog", "paedagogisk-assistent", "paedagogisk-medhjaelper"):
        assert f'href="{role}/"' in roles
    assert 'href="ressourcegrupper-haderslev/"' in site.page("foldere/")


def test_role_table_keeps_merged_cells(built_site):
    html = built_site("2026-01-05").page("stillingsbeskrivelser/")
    assert html.count("<caption") == 4
    assert re.search(r'<th scope="col"[^>]*>Pædagog</th><th scope="col"[^>]*>Pædagogisk assistent</th>', html)
    assert re.search(r'<td colspan="3"[^>]*>Du arbejder engageret og selvstændigt</td>', html)
    assert re.search(r'<td colspan="2"[^>]*>Du har en grundlæggende viden om børns udvikling', html)
    assert re.search(r'<td(?![^>]*colspan)[^>]*>Du har en grundlæggende nysgerrighed om børns udvikling', html)
    assert "Pejlemærker" in html and "Materialeliste" in html


def test_one_page_per_role_lists_everything_for_that_role(built_site):
    site = built_site("2026-01-05")
    medhjaelper = site.page("stillingsbeskrivelser/paedagogisk-medhjaelper/")
    assert "Du har en grundlæggende nysgerrighed om børns udvikling" in medhjaelper
    assert "Du har en grundlæggende viden om børns udvikling" not in medhjaelper
    assert "Du arbejder engageret og selvstændigt" in medhjaelper
    paedagog = site.page("stillingsbeskrivelser/paedagog/")
    assert "Du har en grundlæggende viden om børns udvikling" in paedagog
    assert "Gælder også for pædagogisk assistent" in paedagog


def test_leaflet_and_recruitment_pages(built_site):
    site = built_site("2026-01-05")
    leaflet = site.page("foldere/ressourcegrupper-haderslev/")
    assert "Ressourcegrupper i daginstitutioner" in leaflet
    assert "Sidst opdateret" in leaflet and "Haderslev Kommune" in leaflet
    assert "Sundhedsplejersken" in leaflet
    index = site.page("foldere/")
    assert "ressourcegrupper-haderslev/" in index and "Haderslev Kommune" in index
    vaer_med = site.page("vaer-med/")
    assert "Vær med i vores dagtilbud" in vaer_med and "KIDS" in vaer_med and "58271713" in vaer_med


def test_every_page_is_danish_and_links_the_accessibility_statement(built_site):
    site = built_site("2026-01-05")
    pages = list(site.root.rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "<html" not in html:
            continue
        assert '<html lang="da"' in html, page
        assert "Tilgængelighedserklæring" in html, page
        assert "fonts.googleapis.com" not in html, page


def test_the_home_page_is_titled_with_the_sites_name_once_and_other_pages_page_then_site(built_site):
    site = built_site("2026-01-05")
    title = lambda html: re.search(r"<title>([^<]*)</title>", html)[1]  # noqa: E731
    assert title(site.page("")) == "Job og viden i dagtilbud"
    assert title(site.page("job/")) == "Ledige stillinger - Job og viden i dagtilbud"
    assert title(site.page("vaer-med/")) == "Vær med i vores dagtilbud - Job og viden i dagtilbud"
    for page in site.root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "<title>" in html:
            assert title(html).count("Job og viden i dagtilbud") == 1, page


# --- Phone numbers: one form everywhere (danish.phone_text), never broken across lines ---

NBSP = "\u00a0"
ONE_FORM = re.compile(r"(?:\+45\u00a0)?\d\d\u00a0\d\d\u00a0\d\d\u00a0\d\d")
# Anything a reader would take for a phone number: eight digits in pairs or fours, with spaces of any
# kind, or after +45. Eight digits in a row (a CVR number, an iCalendar date) are no phone number.
PHONE_LIKE = re.compile(r"(?<![\w.,/+-])(?:\+45\s?)?\d\d(?:\s?\d\d){3}(?![\w]|[.,/-]\d)")
TEL_LINK = re.compile(r'<a [^>]*href="tel:([^"]*)"[^>]*>(.*?)</a>', re.S)


def readable_text(path) -> str:
    """What a person reads in a page, feed or calendar: HTML without scripts, styles and tags, entities
    decoded; an iCalendar file unfolded."""
    import html as html_module
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ics":
        return text.replace("\r\n ", "").replace("\\n", "\n").replace("\\,", ",")
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
    return html_module.unescape(re.sub(r"<[^>]*>", " ", text))


def test_every_phone_number_in_every_page_feed_and_calendar_is_in_the_one_form_and_never_breaks(built_site):
    site = built_site("2026-01-05")
    shown: dict[str, set[str]] = {}
    wrong = []
    for path in sorted(site.root.rglob("*")):
        if path.suffix not in (".html", ".xml", ".ics", ".json", ".xsl") or not path.is_file():
            continue
        rel = path.relative_to(site.root).as_posix()
        for m in PHONE_LIKE.finditer(readable_text(path)):
            number = m[0]
            if re.fullmatch(r"\d{8}", number) or re.fullmatch(r"(?:19|20)\d\d (?:19|20)\d\d", number):
                continue
            shown.setdefault(number, set()).add(rel)
            if not ONE_FORM.fullmatch(number):
                wrong.append(f"{rel}: {number!r}")
        if path.suffix == ".html":
            import html as html_module
            for href, text in TEL_LINK.findall(path.read_text(encoding="utf-8")):
                text = html_module.unescape(re.sub(r"<[^>]*>", "", text)).strip()
                if not ONE_FORM.fullmatch(text) or href != "+45" + re.sub(r"\D", "", text)[-8:]:
                    wrong.append(f"{rel}: <a href=\"tel:{href}\">{text!r}</a>")
    assert wrong == []
    # Each number of the example content is found: the contacts, the numbers in a posting's text, the footer.
    for digits in ("44772000", "44771847", "24465945", "23361876"):
        assert NBSP.join(digits[i:i + 2] for i in range(0, 8, 2)) in shown, (digits, sorted(shown))
    assert len(shown["44\u00a077\u00a020\u00a000"]) > 10  # the footer of every page
    assert " " not in "".join(shown)  # no ordinary space inside a number: none breaks across lines


def test_one_function_formats_every_phone_and_its_link_keeps_the_digits():
    from generator.render.danish import phone_text, phones_in_html, tel_href
    for written in ("4477 2000", "44 77 20 00", "44772000", 44772000, "4477-2000"):
        assert phone_text(str(written)) == "44\u00a077\u00a020\u00a000"
        assert tel_href(str(written)) == "tel:+4544772000"
    assert phone_text("+45 4477 2000") == phone_text("+4544772000") == "+45\u00a044\u00a077\u00a020\u00a000"
    assert tel_href("+45 44 77 20 00") == "tel:+4544772000"
    assert phones_in_html('<p>Ring på 4477 1847 eller <a href="tel:+4523361876">2336 1876</a>, CVR 58271713, '
                          "i 2025 2026.</p>") == ('<p>Ring på 44\u00a077\u00a018\u00a047 eller <a href="tel:+4523361876">'
                                                  "23\u00a036\u00a018\u00a076</a>, CVR 58271713, i 2025 2026.</p>")


# --- The home page leads with what visitors come for: the open jobs, the soonest deadlines, the leaflets ---

def home_parts(html: str) -> tuple[str, list[str]]:
    """(the home page's jobs part as text, the ids of its cards in order)."""
    part = html[html.index('<section class="jobsite-home-jobs"'):html.index('<div class="jobsite-home-guides">')]
    return " ".join(re.sub(r"<[^>]+>", " ", part).split()), card_ids(part)


@pytest.mark.parametrize("today", ["2026-01-05", "2026-01-11"])
def test_home_page_shows_the_open_count_and_the_soonest_deadlines_first(built_site, today):
    site = built_site(today)
    text, cards = home_parts(site.page(""))
    listed = card_ids(site.page("job/"))
    assert cards == listed[:4] and cards  # the job list's order: the soonest deadline first
    count = len(listed)
    assert f"{count} {'ledig stilling' if count == 1 else 'ledige stillinger'} i dagtilbud lige nu" in text
    html = site.page("")
    for job in cards:
        assert f'<a class="jobsite-card__link" href="job/{job}/">' in html and (site.root / "job" / job / "index.html").is_file()
    assert 'href="job/"' in html
    # Each posting is found by search as itself, not again as the home page.
    from search_project import indexed

    home = indexed(site.root)["/"]["content"]
    titles = [p["title"] for p in site.jobs()["postings"] if p["id"] in cards]
    assert titles and not any(title in home for title in titles)


def test_home_page_with_no_open_jobs_says_so_and_shows_the_way_on(built_site):
    site = built_site("2026-03-01")
    text, cards = home_parts(site.page(""))
    assert cards == []
    assert "Der er ingen ledige stillinger lige nu." in text and "0 ledige" not in text
    html = site.page("")
    assert 'href="job/arkiv/"' in html and 'href="job/"' in html


def test_home_page_shows_the_four_soonest_of_many_open_jobs(project, tmp_path):
    good = (ROOT / "tests" / "good_posting.yml").read_text(encoding="utf-8")
    deadlines = ["2026-01-31", "2026-01-12", "2026-02-20", "2026-01-20", "2026-01-25", "2026-03-01"]
    for i, day in enumerate(deadlines):
        (project / "jobs" / f"mange-{i}.yml").write_text(good.replace("deadline: 2026-01-31", f"deadline: {day}"),
                                                         encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "2026-01-05")
    assert result.code == 0, result.text
    read = lambda url: (tmp_path / "site" / url / "index.html").read_text(encoding="utf-8")  # noqa: E731
    text, cards = home_parts(read("."))
    listed = card_ids(read("job"))
    assert len(listed) == 8 and cards == listed[:4]
    assert cards == [LEDER, "mange-1", "mange-3", "mange-4"]  # 10, 12, 20 and 25 January
    assert "8 ledige stillinger i dagtilbud lige nu. Her er de 4 med den korteste frist." in text
    assert "Se alle 8 ledige stillinger" in text


def test_home_page_leads_the_way_to_the_leaflets_and_the_role_descriptions(built_site):
    html = built_site("2026-01-05").page("")
    guides = html[html.index('<div class="jobsite-home-guides">'):]
    assert '<a href="foldere/">Foldere til forældre</a>' in guides
    assert '<a href="foldere/ressourcegrupper-haderslev/">Ressourcegrupper i daginstitutioner</a>' in guides
    assert '<a href="stillingsbeskrivelser/">Stillingsbeskrivelser</a>' in guides
    for role in ("paedagog", "paedagogisk-assistent", "paedagogisk-medhjaelper"):
        assert f'href="stillingsbeskrivelser/{role}/"' in guides
    assert 'href="vaer-med/"' in html
    assert "jobsite:" not in html.replace('"jobsite:"', "")  # every marker was filled in


def test_the_page_script_closes_a_home_card_once_its_deadline_passed(served_site, page):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    page.clock.set_fixed_time(datetime(2026, 1, 11, 8, 0, tzinfo=ZoneInfo("Europe/Copenhagen")))
    base = served_site("2026-01-05")

    def as_deployed(route):  # a build for a fixed day pins the script's "now" (<meta name=jobsite-now>); the
        html = route.fetch().text()  # deployed site has no such day, so the visitor's clock counts
        route.fulfill(body=re.sub(r'<meta name="jobsite-now"[^>]*>', "", html), content_type="text/html")

    page.route(base, as_deployed)
    page.goto(base)
    card = page.locator(f'.jobsite-home-jobs .jobsite-card[data-id="{LEDER}"]')
    card.locator(".jobsite-badge--closed").wait_for()
    assert card.get_attribute("data-status") == "closed" and "jobsite-card--closed" in card.get_attribute("class")
    assert card.locator(".jobsite-badge").inner_text() == "Fristen er udløbet"
    other = page.locator(f'.jobsite-home-jobs .jobsite-card[data-id="{RESSOURCE}"]')
    assert other.get_attribute("data-status") == "open"
