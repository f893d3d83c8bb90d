"""The Atom feed of open postings, read with feedparser and checked against
RFC 4287's required elements, and announced on every page."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import lxml.etree
import yaml
from conftest import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"
LEDER = "paedagogisk-leder-stjernehuset"
RESSOURCE = "ressourcepaedagoger-midtbyens-dagtilbud"


def posting_yaml(job_id: str) -> dict:
    return yaml.safe_load((ROOT / "jobs" / f"{job_id}.yml").read_text(encoding="utf-8"))


def read_feed(site):
    data = site.root.joinpath("job/feed.xml").read_bytes()
    return data, feedparser.parse(data)


def test_feed_lists_open_postings_newest_first(built_site):
    data, feed = read_feed(built_site("2026-01-05"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Ledige stillinger i dagtilbud"
    assert feed.feed.language == "da"
    # RESSOURCE was published 2026-01-02, LEDER 2025-12-12.
    assert [e.link.rstrip("/").rsplit("/", 1)[-1] for e in feed.entries] == [RESSOURCE, LEDER]
    for entry in feed.entries:
        job_id = entry.link.rstrip("/").rsplit("/", 1)[-1]
        source = posting_yaml(job_id)
        assert entry.title == source["title"]
        assert entry.id == f"tag:jobsite.dagtilbud,{source['published'].isoformat()}:job/{job_id}"
        assert entry.published.startswith(source["published"].isoformat())
        assert entry.summary == " ".join(source["summary"].split())
        assert entry.author in ("Ballerup Kommune", "Aarhus Kommune")
        assert "Ansøgningsfrist" in entry.content[0].value
    assert feed.feed.updated == "2026-01-02T00:00:00+01:00"  # the newest posting appeared


def test_feed_drops_a_closed_posting_and_says_when(built_site):
    _, feed = read_feed(built_site("2026-01-11"))
    assert [e.link.rstrip("/").rsplit("/", 1)[-1] for e in feed.entries] == [RESSOURCE]
    assert feed.feed.updated == "2026-01-10T23:59:59+01:00"  # LEDER closed then
    _, empty = read_feed(built_site("2026-03-01"))
    assert not empty.bozo and empty.entries == []


def test_feed_has_what_rfc_4287_requires(built_site):
    data, _ = read_feed(built_site("2026-01-05"))
    root = lxml.etree.fromstring(data)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
    assert root.find(f"{ATOM}link[@rel='self']").get("href").endswith("/job/feed.xml")
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert entry.find(f"{ATOM}author/{ATOM}name").text  # no feed-level author, so every entry has one
        assert re.fullmatch(r"tag:[^,]+,\d{4}-\d{2}-\d{2}:job/[a-z0-9-]+", entry.find(f"{ATOM}id").text)
        assert entry.find(f"{ATOM}link").get("href").startswith("http")


def test_feed_is_the_same_in_two_builds_of_the_same_day(built_site, tmp_path):
    again = tmp_path / "again"
    assert mkdocs_build(ROOT, again, "2026-01-05").code == 0
    first = built_site("2026-01-05").root
    for rel in ("job/feed.xml", "job/kalender.ics", f"job/{LEDER}/kalender.ics", "job/jobs.json",
                "job/feeds/kommune/ballerup.xml", "job/feeds/kommune/ballerup.ics", "job/feeds/role/andet.xml"):
        assert again.joinpath(rel).read_bytes() == first.joinpath(rel).read_bytes(), rel


def test_feed_is_announced_on_every_page_and_linked_from_the_list(built_site):
    site = built_site("2026-01-05")
    for page in site.root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "<html" not in html or page.relative_to(site.root).parts[0] == "admin":
            continue  # a redirect; or HR's editor (noindex), where a visitor never comes
        link = re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', html)
        assert link, page
        here = "/" + page.relative_to(site.root).as_posix()
        assert urljoin(here, link[1]) == "/job/feed.xml", page
    job_list = site.page("job/")
    assert re.search(r'<a href="feed.xml" type="application/atom\+xml"[ >]', job_list)
    assert re.search(r'<a href="kalender.ics" type="text/calendar"[ >]', job_list)
    assert '<a href="besked/">Få besked om nye stillinger</a>' in job_list


def test_feed_names_its_stylesheet_calendar_and_the_alerts_page(built_site):
    """The browser shows the feed through /assets/feed.xsl; readers still get plain Atom."""
    data, feed = read_feed(built_site("2026-01-05"))
    assert data.split(b"\n")[1] == b'<?xml-stylesheet type="text/xsl" href="../assets/feed.xsl"?>'
    assert built_site("2026-01-05").root.joinpath("assets/feed.xsl").is_file()
    assert not feed.bozo and feed.version == "atom10"
    links = {(link.rel, link.type): link.href for link in feed.feed.links}
    assert links[("alternate", "text/html")].endswith("/job/")
    assert links[("alternate", "text/calendar")].endswith("/job/kalender.ics")
    assert links[("related", "text/html")].endswith("/job/besked/")
    assert feed.feed.link.endswith("/job/")  # what a reader opens as the site: still the job list


def test_a_facet_feed_has_its_own_id_title_and_date(built_site):
    site = built_site("2026-01-11")  # LEDER (Ballerup) closed on 2026-01-10
    ballerup = feedparser.parse(site.root.joinpath("job/feeds/kommune/ballerup.xml").read_bytes())
    aarhus = feedparser.parse(site.root.joinpath("job/feeds/kommune/aarhus.xml").read_bytes())
    assert ballerup.feed.title == "Ledige stillinger: Ballerup Kommune"
    assert ballerup.feed.id == "tag:jobsite.dagtilbud,2026:job/feeds/kommune/ballerup"
    assert ballerup.entries == [] and ballerup.feed.updated == "2026-01-10T23:59:59+01:00"
    assert [e.link.rstrip("/").rsplit("/", 1)[-1] for e in aarhus.entries] == [RESSOURCE]
    assert aarhus.feed.updated == "2026-01-02T00:00:00+01:00"  # Ballerup's closing is not Aarhus' news
