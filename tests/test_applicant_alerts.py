"""Job alerts an applicant can use: a feed and a calendar per kommune, district,
role and age group, listed in jobs.json and on /job/besked/, and a feed that
reads as a Danish page when opened in a browser.

Built from a copy of the project with synthetic postings in twelve kommuner
(benchmarks/synthetic.py), so many facet values have postings and many have
none, plus postings and a district whose names carry quotes, ampersands and
']]>'.
"""
from __future__ import annotations

import json
import random
import re
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import html5lib
import icalendar
import pytest
import yaml
from conftest import ROOT, Site, _serve, mkdocs_build, run
from project_copy import copy_project
from safety_scan import assert_clean, baseline, scan_site
from waiting import settle
from test_quality_browser import WCAG_TAGS, axe_source, describe  # noqa: F401 - axe_source is a fixture

from generator.facets import FACETS

TODAY = "2026-01-05"
HOSTILE_DISTRICT = "Distrikt \"Øst\" & 'Vest' ]]>"
HOSTILE_TITLES = ["Pædagog & \"leder\" 'x' til Børnehuset", "Medhjælper ]]> til Vuggestuen \"Spiren\""]
HOSTILE_SUMMARY = "Løn & vilkår: \"efter aftale\" ]]> 'snart'"

sys.path.insert(0, str(ROOT / "benchmarks"))  # as tests/search_project.py: a module its dataclasses can find
import synthetic  # noqa: E402


def _write(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


@pytest.fixture(scope="module")
def alerts_site(tmp_path_factory) -> Site:
    root = copy_project(tmp_path_factory.mktemp("alerts") / "project")
    synthetic.write_content(root, n=30, open_count=22, today=date.fromisoformat(TODAY))
    orgs_file = root / "data" / "organisations.yml"
    tree = yaml.safe_load(orgs_file.read_text(encoding="utf-8"))
    district = tree["kommuner"][0]["units"][0]
    district["name"] = HOSTILE_DISTRICT
    _write(orgs_file, tree)
    rng = random.Random(3)
    for n, title in enumerate(HOSTILE_TITLES):
        data = synthetic.posting(rng, (district["units"][n]["id"], "x"), date.fromisoformat(TODAY), True)
        data |= {"title": title, "summary": HOSTILE_SUMMARY, "role": "pædagog",
                 "age_groups": ["0-3"]}
        data.pop("role_description", None)
        _write(root / "jobs" / f"fjendtlig-{n}.yml", data)
    site = root.parent / "site"
    result = mkdocs_build(root, site, TODAY)
    assert result.code == 0, result.text
    return Site(TODAY, site, result)


def site_path(url: str) -> str:
    """The file in site/ of an absolute URL of jobs.json (site_url's path is /)."""
    return urlsplit(url).path.lstrip("/")


def carries(posting: dict, feed: dict) -> bool:
    """Whether a posting of jobs.json is listed under the facet value of a `feeds` entry (a role or
    age choice includes more than its own value: categories.listed_under)."""
    facet, value = feed["facet"], feed["value"]
    if facet == "kommune":
        return posting["kommune"] == value
    if facet == "district":
        return posting["district"] == value and posting["kommune"] == feed["kommune"]
    return value in posting["categories"]["listed_under"][facet]


def open_ids(doc: dict, feed: dict) -> set[str]:
    return {p["id"] for p in doc["postings"] if p["status"] == "open" and carries(p, feed)}


def entry_id(entry) -> str:
    return entry.link.rstrip("/").rsplit("/", 1)[-1]


def test_every_facet_value_has_feeds_in_jobs_json(alerts_site):
    doc = alerts_site.jobs()
    feeds = doc["feeds"]
    orgs = yaml.safe_load(alerts_site.root.parent.joinpath("project/data/organisations.yml").read_text("utf-8"))
    kommuner = [k["name"] for k in orgs["kommuner"]]
    districts = [d["name"] for k in orgs["kommuner"] for d in k["units"]]
    assert sorted(f["value"] for f in feeds if f["facet"] == "kommune") == sorted(kommuner)
    assert sorted(f["value"] for f in feeds if f["facet"] == "district") == sorted(districts)
    assert {f["value"] for f in feeds if f["facet"] == "role"} == {
        "pædagog", "ressourcepædagog", "pædagogisk assistent", "pædagogisk medhjælper", "pædagogisk leder",
        "leder", "andet"}
    assert [f["value"] for f in feeds if f["facet"] == "age_group"] == ["0-3", "3-6", "0-6"]
    assert {f["facet"] for f in feeds} == set(FACETS)
    for feed in feeds:
        # the addresses the job list's "få besked" links use (generator/facets.py): stable, absolute
        assert re.fullmatch(rf"http://127\.0\.0\.1:8000/job/feeds/{feed['facet']}/[a-z0-9-]+\.xml", feed["atom"]), feed
        assert feed["ics"] == feed["atom"][:-4] + ".ics"
        assert alerts_site.root.joinpath(site_path(feed["atom"])).is_file()
        assert alerts_site.root.joinpath(site_path(feed["ics"])).is_file()
    # Two kommuner with a "Distrikt Nord" get two feeds, told apart by their labels.
    labels = [f["label"] for f in feeds]
    assert len(labels) == len(set(labels))
    # The synthetic content is what makes the comparisons below mean something.
    counts = [len(open_ids(doc, f)) for f in feeds]
    assert sum(1 for c in counts if c >= 2) >= 8 and 0 in counts


def test_each_feed_holds_exactly_the_open_postings_of_its_value(alerts_site):
    doc = alerts_site.jobs()
    titles = {p["id"]: p["title"] for p in doc["postings"]}
    for feed in doc["feeds"]:
        expected = open_ids(doc, feed)
        atom = feedparser.parse(alerts_site.root.joinpath(site_path(feed["atom"])).read_bytes())
        assert not atom.bozo, (feed, atom.get("bozo_exception"))
        assert atom.version == "atom10"
        assert atom.feed.title == f"Ledige stillinger: {feed['label']}"
        assert [l.href for l in atom.feed.links if l.rel == "self"] == [feed["atom"]]
        assert {entry_id(e) for e in atom.entries} == expected, feed["label"]
        assert len(atom.entries) == len(expected)
        for entry in atom.entries:
            assert entry.title == titles[entry_id(entry)]
        published = [e.published for e in atom.entries]
        assert published == sorted(published, reverse=True)  # newest first

        cal = icalendar.Calendar.from_ical(alerts_site.root.joinpath(site_path(feed["ics"])).read_bytes())
        assert str(cal["X-WR-CALNAME"]) == f"Ledige stillinger: {feed['label']}"
        assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
        live = [e for e in cal.walk("VEVENT") if str(e["STATUS"]) != "CANCELLED"]
        assert {str(e["UID"]).split(".")[0] for e in live} == expected, feed["label"]
        deadlines = {str(e["UID"]).split(".")[0] for e in live if ".frist@" in str(e["UID"])}
        assert deadlines == expected  # one deadline per open posting


def test_a_facet_calendar_has_the_same_events_as_the_full_calendar(alerts_site):
    """Same UIDs and same lines, so an app that shows both knows them for the same events."""
    everything = {str(e["UID"]): e.to_ical() for e in icalendar.Calendar.from_ical(
        alerts_site.root.joinpath("job/kalender.ics").read_bytes()).walk("VEVENT")}
    for path in alerts_site.root.joinpath("job/feeds/kommune").glob("*.ics"):
        for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            assert everything[str(event["UID"])] == event.to_ical()


def test_a_value_without_open_postings_gets_an_empty_valid_feed_and_calendar(alerts_site):
    doc = alerts_site.jobs()
    empty = [f for f in doc["feeds"] if not open_ids(doc, f)]
    assert empty
    for feed in empty:
        data = alerts_site.root.joinpath(site_path(feed["atom"])).read_bytes()
        atom = feedparser.parse(data)
        assert not atom.bozo and atom.entries == [] and atom.feed.updated
        cal = icalendar.Calendar.from_ical(alerts_site.root.joinpath(site_path(feed["ics"])).read_bytes())
        assert cal.walk("VEVENT") == [] and cal["PRODID"]


def test_hostile_names_come_out_as_text_in_every_new_output(alerts_site):
    doc = alerts_site.jobs()
    district = next(f for f in doc["feeds"] if f["facet"] == "district" and f["value"] == HOSTILE_DISTRICT)
    data = alerts_site.root.joinpath(site_path(district["atom"])).read_bytes()
    atom = feedparser.parse(data)
    assert not atom.bozo
    assert atom.feed.title == f"Ledige stillinger: {HOSTILE_DISTRICT}"
    hostile = [e for e in atom.entries if e.title in HOSTILE_TITLES]
    assert sorted(e.title for e in hostile) == sorted(HOSTILE_TITLES)
    assert all(e.summary == HOSTILE_SUMMARY for e in hostile)
    assert b"]]&gt;" in data and b"<![CDATA[" not in data
    cal = icalendar.Calendar.from_ical(alerts_site.root.joinpath(site_path(district["ics"])).read_bytes())
    assert str(cal["X-WR-CALNAME"]) == f"Ledige stillinger: {HOSTILE_DISTRICT}"
    summaries = {str(e["SUMMARY"]) for e in cal.walk("VEVENT")}
    for title in HOSTILE_TITLES:
        assert f"Ansøgningsfrist: {title}" in summaries
    assert district["label"] == HOSTILE_DISTRICT  # jobs.json is JSON: json.loads gives the text back
    page = alerts_site.page("job/besked/")
    assert "Distrikt &#34;Øst&#34; &amp; &#39;Vest&#39; ]]&gt;" in page or \
        "Distrikt &quot;Øst&quot; &amp; &#39;Vest&#39; ]]&gt;" in page
    # Every new output is under job/: the feeds and calendars, jobs.json, the alerts page.
    job_dir = alerts_site.root / "job"
    assert_clean(scan_site(job_dir, baseline(job_dir), site_hosts=["127.0.0.1:8000"]))


def _parse(html: str):
    return html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)


def test_the_alerts_page_explains_and_lists_every_feed_with_webcal_links(alerts_site):
    doc = alerts_site.jobs()
    tree = _parse(alerts_site.page("job/besked/"))
    article = tree.find(".//article")
    text = " ".join("".join(article.itertext()).split())
    assert article.find(".//h1").text == "Få besked om nye stillinger"
    headings = ["".join(h.itertext()).strip() for h in article.iter() if h.tag in ("h2", "h3")]
    for heading in ("Sådan følger du et nyhedsfeed", "Sådan abonnerer du på en kalender", "iPhone og iPad",
                    "Android (Google Kalender)", "Outlook", "Alle feeds og kalendere", "Kommuner",
                    "Distrikter og dagtilbud", "Stillingstyper", "Aldersgrupper"):
        assert heading in headings
    assert "feedlæser" in text and "Fra webadresse" in text and "Abonnér fra internettet" in text
    assert "Kun ansøgere, der bliver inviteret, kommer til samtale" not in text  # that line is the calendar's
    # What a role's or an age group's feed includes besides its own value, as on the job list.
    assert "Pædagog viser også stillinger som ressourcepædagog." in text
    assert "En stilling for 0–6 år står også under 0–3 år og 3–6 år" in text
    links = {}
    for li in article.iter("li"):
        label = li.find("strong")
        if label is not None and li.find("a") is not None:
            links[label.text] = [a.get("href") for a in li.iter("a")]
    page_url = "http://127.0.0.1:8000/job/besked/"
    for feed in doc["feeds"]:
        atom, webcal, ics = links[feed["label"]]
        assert urljoin(page_url, atom) == feed["atom"]
        assert urljoin(page_url, ics) == feed["ics"]
        assert webcal == "webcal://" + feed["ics"].split("://", 1)[1]
    assert links["Alle ledige stillinger"][1] == "webcal://127.0.0.1:8000/job/kalender.ics"
    # The job list leads to the page.
    job_list = _parse(alerts_site.page("job/"))
    follow = next(a for a in job_list.iter("a") if "".join(a.itertext()) == "Få besked om nye stillinger")
    assert urljoin("http://127.0.0.1:8000/job/", follow.get("href")) == page_url


def test_webcal_links_stay_out_of_content(project, tmp_path):
    """webcal:// is the generated alerts page's: a hand-written page loses the link, a posting is refused."""
    (project / "content" / "kalender-tip.md").write_text(
        "# Tip\n\n[Abonnér her](webcal://example.dk/kalender.ics) eller [her][k].\n\n"
        "[k]: webcal://example.dk/k.ics\n", encoding="utf-8")
    site = tmp_path / "site"
    assert mkdocs_build(project, site, TODAY).code == 0
    article = _parse(site.joinpath("kalender-tip/index.html").read_text(encoding="utf-8")).find(".//article")
    assert "Abonnér her" in "".join(article.itertext())
    assert not [a.get("href") for a in article.iter("a") if "webcal" in (a.get("href") or "")]
    posting = project / "jobs" / "paedagogisk-leder-stjernehuset.yml"
    data = yaml.safe_load(posting.read_text(encoding="utf-8"))
    data["links"] = [{"text": "Kalender", "url": "webcal://example.dk/k.ics"}]
    _write(posting, data)
    result = run([sys.executable, "-m", "generator", "check"], project, TODAY)
    assert result.code == 1 and "'webcal://example.dk/k.ics' er ikke en webadresse" in result.text


def test_the_alerts_page_and_feed_folder_cannot_be_taken_by_content(project):
    (project / "content" / "job").mkdir()
    (project / "content" / "job" / "besked.md").write_text("# Min side\n", encoding="utf-8")
    posting = project / "jobs" / "paedagogisk-leder-stjernehuset.yml"
    posting.rename(project / "jobs" / "besked.yml")
    result = run([sys.executable, "-m", "generator", "check"], project)
    assert result.code == 1
    assert "content/job/besked.md:1" in result.text and "siden laves af generatoren" in result.text
    assert "jobs/besked.yml" in result.text and "reserveret" in result.text


def test_every_feed_names_the_sites_stylesheet(alerts_site):
    feeds = [alerts_site.root / "job" / "feed.xml", *sorted(alerts_site.root.glob("job/feeds/*/*.xml"))]
    assert len(feeds) == 1 + len(alerts_site.jobs()["feeds"])
    for path in feeds:
        data = path.read_bytes()
        found = re.search(rb'^<\?xml-stylesheet type="text/xsl" href="([^"]+)"\?>$', data, re.M)
        assert found and data.index(found[0]) < data.index(b"<feed"), path
        here = "/" + path.relative_to(alerts_site.root).as_posix()
        assert urljoin(here, found[1].decode()) == "/assets/feed.xsl"
        assert not feedparser.parse(data).bozo
    xsl = alerts_site.root.joinpath("assets/feed.xsl").read_text(encoding="utf-8")
    assert "disable-output-escaping" not in xsl and "http" not in re.sub(r"xmlns(:\w+)?=\"[^\"]+\"", "", xsl)


@pytest.fixture(scope="module")
def alerts_served(alerts_site):
    url, server = _serve(alerts_site.root)
    yield url
    server.shutdown()


def test_a_feed_opened_in_the_browser_is_a_danish_page_with_its_text_as_text(alerts_site, alerts_served, page):
    """Chromium runs the feed's stylesheet: the Danish heading, the postings' titles as written
    (quotes, '&', ']]>' literal), links to the postings, and nothing loaded from another host."""
    doc = alerts_site.jobs()
    district = next(f for f in doc["feeds"] if f["facet"] == "district" and f["value"] == HOSTILE_DISTRICT)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(alerts_served + site_path(district["atom"]))
    heading = page.locator("h1")
    assert heading.is_visible()
    assert heading.inner_text() == f"Ledige stillinger: {HOSTILE_DISTRICT}"
    assert page.title() == f"Ledige stillinger: {HOSTILE_DISTRICT} (nyhedsfeed)"
    assert page.get_by_text("Det her er et nyhedsfeed.").is_visible()
    for title in HOSTILE_TITLES:
        link = page.get_by_role("link", name=title, exact=True)
        assert link.is_visible()
        assert link.get_attribute("href").endswith("/job/fjendtlig-%d/" % HOSTILE_TITLES.index(title))
    assert page.get_by_text(HOSTILE_SUMMARY, exact=True).first.is_visible()
    assert page.locator("img, script, iframe, object").count() == 0
    expected = sorted(open_ids(doc, district))
    assert page.locator("ul.entries > li").count() == len(expected)
    assert page.get_by_text(f"{len(expected)} ledige stillinger, den nyeste først:").is_visible()
    calendar = page.get_by_role("link", name="Abonnér på kalenderen")
    assert calendar.get_attribute("href") == "webcal://" + district["ics"].split("://", 1)[1]
    assert all(u.startswith(alerts_served) for u in requests), requests
    assert dialogs == []


@pytest.mark.parametrize("width", [320, 390, 800, 1280])
def test_chromiums_xslt_banner_does_not_hide_the_heading(alerts_site, alerts_served, browser, width):
    """Chromium 156 lays a deprecation banner for XSLT over the page's top until it is closed:
    while it is open the page starts below it, and once closed the page moves up again."""
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 800})
    try:
        pg = context.new_page()
        pg.goto(alerts_served + "job/feed.xml", wait_until="load")
        settle(pg)  # the banner, when Chromium shows one, is laid out with the page
        banner = pg.evaluate("""(() => { const b = document.querySelector('xslt-warning-banner');
                                         return b && b.matches(':popover-open') ? b.getBoundingClientRect().bottom : null })()""")
        heading = pg.locator("h1").bounding_box()
        if banner is None:
            assert heading["y"] < 100  # no banner (XSLT without the warning): no room kept for one
            return
        assert heading["y"] >= banner, (heading, banner)
        pg.evaluate("document.querySelector('xslt-warning-banner').hidePopover()")
        assert pg.locator("h1").bounding_box()["y"] < 100
    finally:
        context.close()


def test_an_empty_feed_in_the_browser_says_so(alerts_site, alerts_served, page):
    doc = alerts_site.jobs()
    empty = next(f for f in doc["feeds"] if not open_ids(doc, f))
    page.goto(alerts_served + site_path(empty["atom"]))
    assert page.locator("h1").inner_text() == f"Ledige stillinger: {empty['label']}"
    assert page.get_by_text("Der er ingen ledige stillinger her lige nu.", exact=False).is_visible()
    assert page.locator("ul.entries > li").count() == 0


def test_the_full_feed_in_the_browser_dates_its_postings_in_danish(built_site, served_site, page):
    page.goto(served_site("2026-01-05") + "job/feed.xml")
    assert page.locator("h1").inner_text() == "Ledige stillinger i dagtilbud"
    meta = page.locator("p.meta").all_inner_texts()
    # RESSOURCE was published 2026-01-02 by Aarhus Kommune, LEDER 2025-12-12 by Ballerup Kommune.
    assert meta == ["Aarhus Kommune · Offentliggjort 2. januar 2026",
                    "Ballerup Kommune · Offentliggjort 12. december 2025"]
    related = page.get_by_role("link", name="Sådan får du besked om nye stillinger")
    assert related.get_attribute("href").endswith("/job/besked/")
    data = json.loads(built_site("2026-01-05").root.joinpath("job/jobs.json").read_text("utf-8"))
    assert len(data["feeds"]) >= 10


@pytest.mark.parametrize("what", ["alerts page", "styled feed"])
def test_the_alerts_page_and_a_styled_feed_meet_wcag_21_aa_on_a_phone(alerts_site, alerts_served, phone,
                                                                       axe_source, what):
    """axe-core on a 390 px phone. Chromium's own XSLT deprecation banner is left out: it is the browser's."""
    doc = alerts_site.jobs()
    kommune = next(f for f in doc["feeds"] if f["facet"] == "kommune" and open_ids(doc, f))
    phone.goto(alerts_served + ("job/besked/" if what == "alerts page" else site_path(kommune["atom"])))
    assert phone.evaluate("document.documentElement.lang") == "da"
    phone.evaluate(axe_source)
    result = phone.evaluate(
        """tags => axe.run({exclude: [['xslt-warning-banner']]},
                           {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""", WCAG_TAGS)
    assert result["passes"], "axe ran no rule at all"
    assert result["violations"] == [], describe(result["violations"])
    # Nothing wider than the phone: long addresses wrap.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
