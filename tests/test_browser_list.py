"""An applicant in Chromium on the job list and a posting (the example site built
for 2026-01-05): filter choices with their counts, a shared link that matches
nothing or names an unknown value, the "få besked" links following the filter,
the sort kept in the address, the "Ny" mark set by the page script, copying or
sharing a posting's link, and the filters on a 390 px phone; the list on a
phone (three postings in view, the count kept in view), a card as one link,
the form's "Vis stillinger" without change events and without script, and
the list on paper."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from waiting import patient, patient_browser  # noqa: F401 - patient_browser: autouse

TODAY = "2026-01-05"
LEDER = "paedagogisk-leder-stjernehuset"  # Ballerup, 0-3, published 2025-12-12, deadline 2026-01-10
RESSOURCE = "ressourcepaedagoger-midtbyens-dagtilbud"  # Aarhus, 0-6, published 2026-01-02, deadline 2026-02-15
NOW_META = re.compile(r'<meta name="jobsite-now"[^>]*>')
PAGES = re.compile(r"^[^?#]*/(\?[^#]*)?$")  # the site's pages (directory URLs), with or without a query


def pin_now(page, moment: str) -> None:
    """Serve the pages with <meta name="jobsite-now" content=moment>: the page script's "now"
    (pageNow in jobsite.js), as a build for a fixed day sets it."""
    meta = f'<meta name="jobsite-now" content="{moment}">'

    def rewrite(route):
        response = route.fetch()
        html = NOW_META.sub("", response.text())
        route.fulfill(response=response, body=re.sub(r"(<head\b[^>]*>)", lambda m: m[1] + meta, html, count=1))

    page.route(PAGES, rewrite)


def visible_cards(page) -> list[str]:
    page.locator("#jobsite-filter[data-ready]").wait_for(state="attached")  # the script has filtered
    return page.locator("li.jobsite-card:visible").evaluate_all("cards => cards.map(c => c.dataset.id)")


def option_texts(page, name: str) -> dict[str, str]:
    return page.locator(f"#filter-{name} option").evaluate_all(
        "os => Object.fromEntries(os.map(o => [o.value, o.textContent]))")


def follow_links(page) -> tuple[str, str, str, str]:
    atom, ics = page.locator('a[data-jobsite-follow="atom"]'), page.locator('a[data-jobsite-follow="ics"]')
    return atom.get_attribute("href"), atom.inner_text(), ics.get_attribute("href"), ics.inner_text()


SHOTS = Path(tempfile.gettempdir()) / "jobsite-shots"  # screenshots to look at (390x844, 1280x900)
SHOTS.mkdir(exist_ok=True)
GENERAL = ("feed.xml", "Nyhedsfeed (Atom)", "kalender.ics", "Kalender med alle frister og samtaler")


@pytest.fixture
def base(served_site):
    return served_site(TODAY)


@pytest.fixture
def on_the_day(page):
    """A page whose script's now is 10:00 on the day of the build (whether or not the build pins it)."""
    pin_now(page, f"{TODAY}T10:00:00+01:00")
    return page


def repin(page, moment: str) -> None:
    page.unroute(PAGES)
    pin_now(page, moment)


def test_every_choice_shows_its_count_and_the_script_recounts_after_a_deadline(base, on_the_day):
    page = on_the_day
    page.goto(base + "job/")
    expect(page.locator("#jobsite-filter")).to_be_visible()
    assert option_texts(page, "kommune") == {"": "Alle", "aarhus": "Aarhus Kommune (1)",
                                             "ballerup": "Ballerup Kommune (1)", "haderslev": "Haderslev Kommune (0)"}
    assert option_texts(page, "stilling")["paedagog"] == "Pædagog (1)"  # the ressourcepædagog post
    # On 11 January the Ballerup posting has closed: the script closes it and recounts every choice.
    repin(page, "2026-01-11T08:00:00+01:00")
    page.goto(base + "job/")
    assert visible_cards(page) == [RESSOURCE]
    texts = option_texts(page, "kommune")
    assert texts["ballerup"] == "Ballerup Kommune (0)" and texts["aarhus"] == "Aarhus Kommune (1)"
    assert option_texts(page, "stilling")["paedagogisk-leder"] == "Pædagogisk leder (0)"
    assert option_texts(page, "tid")["fuldtid"] == "Fuldtid (1)"
    assert option_texts(page, "alder") == {"": "Alle", "0-3": "0–3 år (vuggestue) (1)",
                                           "3-6": "3–6 år (børnehave) (1)", "0-6": "0–6 år (1)"}


def test_a_shared_link_whose_choice_matches_nothing_says_so_and_offers_wider_ones(base, on_the_day):
    page = on_the_day
    page.goto(base + "job/?kommune=ballerup&stilling=paedagog")  # Ballerup's one posting is a leader's
    expect(page.get_by_label("Stillingstype", exact=True)).to_have_value("paedagog")
    expect(page.locator(".jobsite-filter__details")).to_have_attribute("open", "")  # the choice is in view
    assert visible_cards(page) == []
    expect(page.locator("#jobsite-count")).to_have_text(
        "Ingen af de 2 ledige stillinger passer til dit valg (Kommune: Ballerup Kommune, Stillingstype: Pædagog). "
        "Vælg færre filtre, eller nulstil filtrene.")
    # The nearest wider choices, each dropping one choice, with what it would show.
    wider = page.locator("#jobsite-wider")
    expect(wider).to_be_visible()
    expect(wider.locator("p")).to_have_text("Prøv et bredere valg:")
    expect(wider.get_by_role("button")).to_have_text([
        "Vis 1 ledig stilling uden »Kommune: Ballerup Kommune«",
        "Vis 1 ledig stilling uden »Stillingstype: Pædagog«"])
    # No feed has just this combination: the links say what they cover, never all jobs in silence.
    assert follow_links(page) == ("feeds/kommune/ballerup.xml", "Nyhedsfeed for Ballerup Kommune (Atom)",
                                  "feeds/kommune/ballerup.ics", "Kalender for Ballerup Kommune")
    expect(page.locator(".jobsite-subscribe__note")).to_have_text(
        "Der er ikke ét feed for netop dit valg: feedet og kalenderen ovenfor har alle stillinger for "
        "Ballerup Kommune. Du kan også følge hvert af de andre valg for sig:")
    more = page.locator(".jobsite-subscribe__more a")
    expect(more).to_have_text(["Nyhedsfeed for Pædagog (Atom)", "Kalender for Pædagog"])
    assert [more.nth(i).get_attribute("href") for i in range(2)] == ["feeds/role/paedagog.xml",
                                                                    "feeds/role/paedagog.ics"]
    wider.get_by_role("button", name="Vis 1 ledig stilling uden »Stillingstype: Pædagog«").click()
    assert visible_cards(page) == [LEDER]
    expect(page).to_have_url(re.compile(r"/job/\?kommune=ballerup$"))
    expect(wider).to_be_hidden()
    expect(page.locator("#jobsite-count")).to_be_focused()
    expect(page.locator(".jobsite-subscribe__note")).to_be_hidden()
    # A chosen value is a button in the bar that removes it.
    page.get_by_role("button", name="Fjern valget Ballerup Kommune").click()
    assert visible_cards(page) == [LEDER, RESSOURCE]
    expect(page.locator("#jobsite-chosen")).to_be_hidden()


def test_a_shared_link_with_an_unknown_value_says_so(base, on_the_day):
    page = on_the_day
    page.goto(base + "job/?alder=10-14&kommune=ballerup")
    notice = page.locator("#jobsite-filter-notice")
    expect(notice).to_be_visible()
    expect(notice).to_have_text("Linket vælger aldersgruppe »10-14«, som ikke findes her. Det valg er sprunget over.")
    expect(notice).to_have_attribute("role", "status")
    expect(page.get_by_label("Kommune")).to_have_value("ballerup")
    expect(page.get_by_label("Aldersgruppe")).to_have_value("")
    assert visible_cards(page) == [LEDER]
    page.get_by_role("button", name="Nulstil filtrene").click()
    expect(notice).to_be_hidden()
    expect(page).to_have_url(re.compile(r"/job/$"))
    assert visible_cards(page) == [LEDER, RESSOURCE]
    # A value taken from the address is shown as text, never as markup.
    page.goto(base + "job/?kommune=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    expect(notice).to_contain_text("»<img src=x onerror=alert(1)>«")
    expect(notice.locator("img")).to_have_count(0)


def test_the_follow_links_lead_to_the_feeds_of_the_one_chosen_value(base, on_the_day):
    page = on_the_day
    page.goto(base + "job/")
    assert follow_links(page) == GENERAL
    page.get_by_label("Kommune").select_option("ballerup")
    assert follow_links(page) == ("feeds/kommune/ballerup.xml", "Nyhedsfeed for Ballerup Kommune (Atom)",
                                  "feeds/kommune/ballerup.ics", "Kalender for Ballerup Kommune")
    for link in page.locator("a[data-jobsite-follow]").all():  # they lead to files the site has
        url = link.evaluate("a => a.href")
        assert page.request.get(url).status == 200, url
    note = page.locator(".jobsite-subscribe__note")
    expect(note).to_be_hidden()
    page.get_by_label("Arbejdstid").select_option("fuldtid")  # hours have no feed: still Ballerup's, said so
    assert follow_links(page)[0] == "feeds/kommune/ballerup.xml"
    expect(note).to_have_text("Feedet og kalenderen har alle stillinger for Ballerup Kommune, også dem, der ikke "
                              "passer til Arbejdstid: Fuldtid.")
    page.get_by_label("Stillingstype").select_option("paedagogisk-leder")  # two facets: each its own feed
    assert follow_links(page)[0] == "feeds/kommune/ballerup.xml"
    expect(page.locator(".jobsite-subscribe__more a")).to_have_text(
        ["Nyhedsfeed for Pædagogisk leder (Atom)", "Kalender for Pædagogisk leder"])
    expect(note).to_contain_text("Der er ikke ét feed for netop dit valg")
    page.get_by_label("Kommune", exact=True).select_option("")
    assert follow_links(page)[:2] == ("feeds/role/paedagogisk-leder.xml", "Nyhedsfeed for Pædagogisk leder (Atom)")
    expect(page.locator(".jobsite-subscribe__more")).to_be_hidden()
    page.get_by_label("Stillingstype").select_option("")  # hours alone: all jobs, and said so
    assert follow_links(page) == GENERAL
    expect(note).to_have_text("Feedet og kalenderen har alle ledige stillinger: der er ikke et feed for "
                              "Arbejdstid: Fuldtid.")
    page.get_by_role("button", name="Nulstil filtrene").click()
    assert follow_links(page) == GENERAL
    expect(note).to_be_hidden()
    # A shared link to a district or an age group.
    page.goto(base + "job/?distrikt=distrikt-baltorp")
    assert follow_links(page)[::2] == ("feeds/district/distrikt-baltorp.xml", "feeds/district/distrikt-baltorp.ics")
    page.goto(base + "job/?alder=0-6")
    assert follow_links(page)[::2] == ("feeds/age_group/0-6.xml", "feeds/age_group/0-6.ics")
    assert visible_cards(page) == [LEDER, RESSOURCE]  # 0-6 år: every age of a dagtilbud
    page.goto(base + "job/?alder=3-6")
    assert visible_cards(page) == [RESSOURCE]  # the 0-6 post has children of 3-6


def test_the_sort_is_kept_in_the_address_and_restored_from_it(base, on_the_day):
    page = on_the_day
    page.goto(base + "job/")
    sort = page.get_by_label("Sortér")
    expect(sort).to_be_visible()
    expect(sort).to_have_value("")
    assert visible_cards(page) == [LEDER, RESSOURCE]  # soonest deadline first
    sort.select_option("nyeste")
    assert visible_cards(page) == [RESSOURCE, LEDER]  # published 2 January before 12 December
    expect(page).to_have_url(re.compile(r"/job/\?sortering=nyeste$"))
    expect(page.locator("#jobsite-count")).to_have_text("2 ledige stillinger, den nyeste står først.")
    page.get_by_label("Kommune").select_option("ballerup")
    expect(page).to_have_url(re.compile(r"/job/\?kommune=ballerup&sortering=nyeste$"))
    expect(page.locator("#jobsite-count")).to_have_text("Viser 1 af 2 ledige stillinger, den nyeste står først.")
    page.reload()
    expect(page.get_by_label("Sortér")).to_have_value("nyeste")
    expect(page.get_by_label("Kommune")).to_have_value("ballerup")
    assert visible_cards(page) == [LEDER]
    page.get_by_role("button", name="Nulstil filtrene").click()  # resets the filters, keeps the order
    expect(page).to_have_url(re.compile(r"/job/\?sortering=nyeste$"))
    assert visible_cards(page) == [RESSOURCE, LEDER]
    page.get_by_label("Sortér").select_option("")
    expect(page).to_have_url(re.compile(r"/job/$"))
    assert visible_cards(page) == [LEDER, RESSOURCE]
    page.goto(base + "job/?sortering=nyeste&alder=0-3")
    assert visible_cards(page) == [RESSOURCE, LEDER]  # the 0-6 post is a 0-3 post too
    expect(page.get_by_label("Sortér")).to_have_value("nyeste")


def test_the_page_script_marks_new_postings_from_its_now(base, on_the_day, built_site, served_site):
    page = on_the_day
    def marked() -> list[str]:
        return page.locator("li.jobsite-card:has(.jobsite-new)").evaluate_all("cs => cs.map(c => c.dataset.id)")

    repin(page, "2026-01-08T12:00:00+01:00")  # 6 days after 2 January: new
    page.goto(base + "job/")
    assert marked() == [RESSOURCE]
    expect(page.locator(f'[data-id="{RESSOURCE}"] .jobsite-new')).to_have_text("Ny")
    repin(page, "2026-01-09T12:00:00+01:00")  # 7 days after: no longer new; the build said new
    page.goto(base + "job/")
    assert marked() == []
    page.goto(base + f"job/{RESSOURCE}/")
    expect(page.locator(".jobsite-kind .jobsite-new")).to_have_count(0)
    # The build of 11 January does not mark it; a visitor whose day is 3 January sees it as new.
    later = served_site("2026-01-11")
    assert "jobsite-new" not in built_site("2026-01-11").page("job/")
    repin(page, "2026-01-03T12:00:00+01:00")
    page.goto(later + "job/")
    assert marked() == [RESSOURCE]
    page.goto(later + f"job/{RESSOURCE}/")
    expect(page.locator(".jobsite-kind .jobsite-new")).to_have_text("Ny")


def test_copy_link_copies_the_postings_address_and_says_so(base, browser):
    context = patient(browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen",
                                          viewport={"width": 1280, "height": 900}))
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    context.add_init_script("delete Navigator.prototype.share; delete navigator.share;")  # a browser without one
    page = context.new_page()
    pin_now(page, f"{TODAY}T10:00:00+01:00")
    try:
        page.goto(base + f"job/{RESSOURCE}/?fra=liste#top")
        button = page.get_by_role("button", name="Kopiér link")
        expect(button).to_be_visible()
        status = page.locator("#jobsite-share-status")
        expect(status).to_have_attribute("aria-live", "polite")
        button.click()
        expect(status).to_have_text("Linket er kopieret.")
        assert page.evaluate("navigator.clipboard.readText()") == base + f"job/{RESSOURCE}/"
    finally:
        context.close()


def test_share_uses_the_browsers_share_sheet_where_there_is_one(base, on_the_day):
    page = on_the_day
    page.add_init_script("""
        window.__shared = [];
        navigator.share = function (data) { window.__shared.push(data); return Promise.resolve(); };
    """)
    page.goto(base + f"job/{RESSOURCE}/")
    page.get_by_role("button", name="Del stillingen").click()
    shared = page.evaluate("window.__shared")
    assert len(shared) == 1 and shared[0]["url"] == base + f"job/{RESSOURCE}/"
    assert shared[0]["title"].startswith("Ressourcepædagoger søges til Midtbyens Dagtilbud")
    expect(page.get_by_role("button", name="Kopiér link")).to_have_count(0)


def test_the_way_back_keeps_the_lists_filter(base, on_the_day):
    page = on_the_day
    page.goto(base + "job/?kommune=aarhus")
    page.get_by_role("link", name="Ressourcepædagoger søges til Midtbyens Dagtilbud").click()
    back = page.get_by_role("link", name="Alle ledige stillinger")
    expect(back).to_have_attribute("href", "../?kommune=aarhus")
    back.click()
    expect(page).to_have_url(re.compile(r"/job/\?kommune=aarhus$"))
    assert visible_cards(page) == [RESSOURCE]
    page.goto(base + f"job/{LEDER}/")  # opened directly: the whole list
    expect(page.get_by_role("link", name="Alle ledige stillinger")).to_have_attribute("href", "../")


FITS = """select => {
    const style = getComputedStyle(select);
    const ctx = document.createElement("canvas").getContext("2d");
    ctx.font = style.font;
    const text = select.options[select.selectedIndex].textContent;
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
    return {text, width: ctx.measureText(text).width, room};
}"""


def test_chosen_values_are_not_cut_off_on_a_phone(base, phone):
    page = phone
    pin_now(page, f"{TODAY}T10:00:00+01:00")
    longest = "job/?kommune=haderslev&distrikt=midtbyens-dagtilbud&stilling=paedagogisk-medhjaelper" \
              "&alder=0-3&tid=deltid&ansaettelse=tidsbegraenset"
    page.goto(base + longest)
    expect(page.locator(".jobsite-filter__details")).to_have_attribute("open", "")
    selects = page.locator("#jobsite-filter select")
    expect(selects).to_have_count(6)
    for i in range(6):
        measured = selects.nth(i).evaluate(FITS)
        assert measured["width"] <= measured["room"], measured
        box = selects.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sticks out sideways
    sort = page.get_by_label("Sortér")
    sort.select_option("nyeste")
    measured = sort.evaluate(FITS)
    assert measured["width"] <= measured["room"], measured


# --- The list on a phone, as one link a card, on paper, and the form without change events or script ---

@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """Base URL of a served build with many open postings (test_facet_agreement's synthetic content)."""
    from conftest import _serve, mkdocs_build
    from test_facet_agreement import synthetic_project

    root = synthetic_project(tmp_path_factory.mktemp("many") / "project")
    site = root.parent / "site"
    result = mkdocs_build(root, site, TODAY)
    assert result.code == 0, result.text
    url, server = _serve(site)
    yield url
    server.shutdown()


BOXES = """() => [...document.querySelectorAll("li.jobsite-card")].filter(c => !c.hidden)
    .map(c => { const r = c.getBoundingClientRect(); return [r.top, r.bottom]; })"""


def whole_cards_in_view(page) -> int:
    """How many cards are wholly on screen below the header and the sticky count."""
    top = page.evaluate("Math.max(document.querySelector('.md-header').getBoundingClientRect().bottom,"
                        " document.getElementById('jobsite-bar').getBoundingClientRect().bottom)")
    return sum(1 for t, b in page.evaluate(BOXES) if t >= top - 1 and b <= 844)


def test_three_postings_fit_under_the_header_on_a_phone(many, phone):
    page = phone
    page.goto(many + "job/")
    page.locator("#jobsite-filter[data-ready]").wait_for(state="attached")
    assert whole_cards_in_view(page) >= 3  # as the page opens
    page.screenshot(path=str(SHOTS / "job-list-390.png"))
    first = page.locator("li.jobsite-card").first
    first.evaluate("c => window.scrollTo(0, c.getBoundingClientRect().top + window.scrollY - 150)")
    page.wait_for_function("() => window.scrollY > 0")
    assert whole_cards_in_view(page) >= 3  # and scrolled down the list
    # Each card shows title, workplace, the deadline with its badge; nothing is wider than the screen.
    card = page.locator("li.jobsite-card").first
    for part in (".jobsite-card__title a", ".jobsite-card__where", ".jobsite-badge"):
        expect(card.locator(part)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_count_stays_in_view_while_filtering_on_a_phone(many, phone):
    page = phone
    page.goto(many + "job/")
    page.locator("#jobsite-filter[data-ready]").wait_for(state="attached")
    count = page.locator("#jobsite-count")

    def count_in_view() -> bool:
        box = count.bounding_box()
        return box is not None and box["y"] >= 48 - 1 and box["y"] + box["height"] <= 844

    page.locator(".jobsite-filter__details > summary").click()  # opening the filter
    expect(page.locator(".jobsite-filter__details")).to_have_attribute("open", "")
    assert count_in_view()
    page.get_by_label("Aldersgruppe").scroll_into_view_if_needed()
    page.get_by_label("Aldersgruppe").select_option("3-6")
    expect(count).to_contain_text("Viser ")
    assert count_in_view()
    expect(page.locator("#jobsite-chosen")).to_contain_text("3–6 år (børnehave)")
    page.get_by_role("button", name="Vis stillinger").click()  # folds the filter, focus on the count
    expect(page.locator(".jobsite-filter__details")).not_to_have_attribute("open", "")
    expect(count).to_be_focused()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    page.wait_for_function("() => window.scrollY > 0")
    assert count_in_view()  # sticky under the header
    page.screenshot(path=str(SHOTS / "job-list-390-scrolled.png"))


def test_a_card_is_one_link_and_one_tab_stop(base, on_the_day):
    page = on_the_day
    page.goto(base + "job/")
    page.locator("#jobsite-filter[data-ready]").wait_for(state="attached")
    for card in page.locator("li.jobsite-card").all():
        focusable = card.evaluate("c => [...c.querySelectorAll('a, button, input, select, [tabindex]')].length")
        assert focusable == 1
    link = page.get_by_role("link", name="Ressourcepædagoger søges til Midtbyens Dagtilbud")
    expect(link).to_have_count(1)
    # A click on the workplace line (not on the title) is a click on the link, and opens the posting.
    where = page.locator(f'li.jobsite-card[data-id="{RESSOURCE}"] .jobsite-card__where')
    where.scroll_into_view_if_needed()
    box = where.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    assert page.evaluate(f"document.elementFromPoint({x}, {y}).closest('a').className") == "jobsite-card__link"
    page.mouse.click(x, y)
    expect(page).to_have_url(re.compile(rf"/job/{RESSOURCE}/$"))


def test_the_form_applies_choices_by_its_button_without_change_events(base, on_the_day):
    page = on_the_day
    page.goto(base + "job/")
    page.locator("#jobsite-filter[data-ready]").wait_for(state="attached")
    # A value set without any change event (as some assistive tools and autofill do).
    page.evaluate("document.getElementById('filter-kommune').value = 'ballerup'")
    assert visible_cards(page) == [LEDER, RESSOURCE]
    page.get_by_role("button", name="Vis stillinger").click()
    assert visible_cards(page) == [LEDER]
    expect(page).to_have_url(re.compile(r"/job/\?kommune=ballerup$"))
    expect(page.locator("#jobsite-count")).to_have_text("Viser 1 af 2 ledige stillinger, den med den korteste "
                                                        "frist står først.")
    expect(page.locator(".jobsite-filter__noscript")).to_be_hidden()


def test_without_script_the_form_is_there_and_says_what_it_does(base, browser):
    context = patient(browser.new_context(locale="da-DK", java_script_enabled=False,
                                          viewport={"width": 1280, "height": 900}))
    try:
        page = context.new_page()
        page.goto(base + "job/")
        page.locator(".jobsite-filter__details > summary").click()
        note = page.locator(".jobsite-filter__noscript")
        expect(note).to_be_visible()
        expect(note).to_contain_text("Uden JavaScript kan listen ikke filtreres: alle ledige stillinger står herunder")
        page.get_by_label("Kommune", exact=True).select_option("ballerup")
        page.get_by_role("button", name="Vis stillinger").click()
        expect(page).to_have_url(re.compile(r"/job/\?kommune=ballerup&"))  # the address the list reads
        expect(page.locator("li.jobsite-card")).to_have_count(2)  # a static page: the whole list, as said
    finally:
        context.close()


def test_the_list_prints_without_the_form(base, on_the_day, tmp_path):
    page = on_the_day
    page.goto(base + "job/?kommune=ballerup")
    page.locator("#jobsite-filter[data-ready]").wait_for(state="attached")
    page.emulate_media(media="print")
    for chrome in ("#jobsite-filter", "#jobsite-sort", "#jobsite-subscribe", "#jobsite-chosen", ".md-header",
                   ".md-sidebar--primary", ".md-footer"):
        expect(page.locator(chrome)).to_be_hidden()
    expect(page.locator(f'li.jobsite-card[data-id="{LEDER}"]')).to_be_visible()
    expect(page.locator(f'li.jobsite-card[data-id="{RESSOURCE}"]')).to_be_hidden()  # prints what is shown
    expect(page.locator("#jobsite-count")).to_have_text(re.compile(r"^Viser 1 af 2"))
    card = page.locator(f'li.jobsite-card[data-id="{LEDER}"]')
    expect(card.locator(".jobsite-card__facts")).to_contain_text("Ansøgningsfrist")
    expect(card.locator(".jobsite-badge")).to_be_hidden()  # paper does not count down
    size = card.evaluate("c => parseFloat(getComputedStyle(c.querySelector('.jobsite-card__title')).fontSize)")
    assert size >= 14
    pdf = tmp_path / "job.pdf"
    page.pdf(path=str(pdf), format="A4")
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "Pædagogisk leder til Børnehuset Stjernehuset" in text
    for absent in ("Filtrér stillingerne", "Vis stillinger", "Sortér", "Få besked"):
        assert absent not in text, absent
    page.emulate_media(media="screen")
    page.screenshot(path=str(SHOTS / "job-list-1280.png"))
