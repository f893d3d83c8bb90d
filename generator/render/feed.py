"""/job/feed.xml: an Atom feed (RFC 4287) of the open postings, newest first,
made with feedgen; and one feed per facet value (job/feeds/kommune/ballerup.xml,
generator/facets.py) with that value's open postings only.

Every feed names the site's XSLT stylesheet (content/assets/feed.xsl) in an
xml-stylesheet processing instruction, so a browser shows it as a Danish page
while feed readers read the Atom as before.

Ids are tag: URIs from the posting id and its published day, so they survive
a change of the site's address. `updated` comes from the content and the day
the site is built for (the last time a posting appeared or closed), never from
the build's clock, so two builds of the same day are byte-identical.
"""
from __future__ import annotations

import posixpath
from datetime import datetime, time
from html import escape
from typing import Iterable

from feedgen.feed import FeedGenerator

from ..clock import TZ
from ..facets import FacetValue, matching
from ..listing import Job, Listing
from ..model import ROLE_TYPES
from . import danish
from .calendar import UID_DOMAIN
from .markup import markdown
from .pages import where
from .urls import site_address
from ..kinds import ALERTS, CALENDAR, FEED, JOB_SECTION, page_path, posting_url

TITLE = "Ledige stillinger i dagtilbud"
SUBTITLE = "Nye ledige stillinger i kommunernes dagtilbud, den nyeste først."
STYLESHEET = "assets/feed.xsl"  # content/assets/feed.xsl: how a browser shows a feed
ALERTS_PATH = page_path(ALERTS) + "/"  # the page "Få besked om nye stillinger"


def _midnight(day) -> datetime:
    return datetime.combine(day, time(0, 0), TZ)


def entry_id(job: Job) -> str:
    return f"tag:{UID_DOMAIN},{job.posting.published.isoformat()}:{posting_url(job.id).rstrip('/')}"


def last_change(listing: Listing, jobs: Iterable[Job] | None = None) -> datetime:
    """The latest moment the feed's contents changed: a posting was published,
    closed at its deadline, or was withdrawn. `jobs`: only these postings count
    (a facet's feed); by default every posting of the listing."""
    jobs = listing.jobs if jobs is None else tuple(jobs)
    moments = [_midnight(j.posting.published) for j in jobs]
    moments += [j.closes_at for j in jobs if j.status == "closed" and j.closes_at <= listing.now]
    moments += [_midnight(j.withdrawn.date) for j in jobs if j.withdrawn]
    moments = [m for m in moments if m <= listing.now]
    return max(moments, default=_midnight(listing.today))


def stylesheet_href(self_path: str) -> str:
    """The feed's stylesheet relative to the feed (job/feeds/kommune/x.xml -> ../../../assets/feed.xsl):
    the browser loads it from the feed's own host, whatever the site's address in mkdocs.yml."""
    return posixpath.relpath(STYLESHEET, posixpath.dirname(self_path))


def _entry_html(job: Job) -> str:
    """The entry's HTML: the key facts, then the opening text of the posting."""
    p = job.posting
    facts = [
        ("Arbejdssted", where(job)),
        ("Ansøgningsfrist", danish.moment_text(job.closes_at, p.deadline_time is not None)),
        *((i.label, danish.moment_text(i.at, i.has_time)) for i in job.interviews),
        ("Arbejdstid", danish.hours_text(p)),
        ("Ansættelse", danish.employment_text(p)),
    ]
    rows = "".join(f"<li><strong>{escape(k, quote=False)}:</strong> {escape(v, quote=False)}</li>" for k, v in facts)
    return f"<ul>{rows}</ul>\n{markdown(p.intro)}"


def atom_feed(listing: Listing, site_url: str = "") -> bytes:
    """/job/feed.xml: every open posting."""
    return feed(listing, listing.open, TITLE, f"tag:{UID_DOMAIN},2026:{FEED.removesuffix('.xml')}", FEED,
                CALENDAR, site_url)


def facet_feed(listing: Listing, fv: FacetValue, site_url: str = "") -> bytes:
    """One facet value's feed (job/feeds/kommune/ballerup.xml): its open postings only."""
    return feed(listing, matching(listing.open, fv), fv.title, f"tag:{UID_DOMAIN},2026:{fv.atom_path[:-4]}",
                fv.atom_path, fv.ics_path, site_url, updated_by=matching(listing.jobs, fv))


def feed(listing: Listing, jobs: Iterable[Job], title: str, feed_id: str, self_path: str,
         calendar_path: str, site_url: str = "", updated_by: Iterable[Job] | None = None) -> bytes:
    """An Atom feed of `jobs`, newest first, that a browser shows through the site's stylesheet.

    `calendar_path`: the calendar with the same postings (linked as an alternate);
    `updated_by`: the postings whose changes date the feed (default: all of the listing).
    """
    fg = FeedGenerator()
    fg.id(feed_id)
    fg.title(title)
    fg.subtitle(SUBTITLE)
    fg.language("da")
    fg.link(href=site_address(site_url, self_path), rel="self", type="application/atom+xml")
    fg.link(href=site_address(site_url, f"{JOB_SECTION}/"), rel="alternate", type="text/html")
    fg.link(href=site_address(site_url, calendar_path), rel="alternate", type="text/calendar")
    # The page that explains feeds and calendars; the stylesheet links to it.
    fg.link(href=site_address(site_url, ALERTS_PATH), rel="related", type="text/html")
    fg.updated(last_change(listing, updated_by))
    newest_first = sorted(jobs, key=lambda j: (j.posting.published, j.id), reverse=True)
    for job in newest_first:
        p = job.posting
        entry = fg.add_entry(order="append")
        entry.id(entry_id(job))
        entry.title(p.title)
        entry.link(href=site_address(site_url, job.url), rel="alternate", type="text/html")
        author = {"name": job.kommune.name}
        if job.kommune.website:
            author["uri"] = job.kommune.website
        entry.author(author)
        entry.published(_midnight(p.published))
        entry.updated(_midnight(p.published))
        entry.summary(p.summary or f"{where(job)}. Ansøgningsfrist {danish.short_date(p.deadline)}.")
        entry.content(_entry_html(job), type="html")
        entry.category(term=p.role, label=ROLE_TYPES[p.role])
    return _with_stylesheet(fg.atom_str(pretty=True), stylesheet_href(self_path))


def _with_stylesheet(data: bytes, href: str) -> bytes:
    """The xml-stylesheet processing instruction after the XML declaration (feedgen writes none)."""
    declaration, rest = data.split(b"\n", 1)
    assert declaration.startswith(b"<?xml "), declaration
    instruction = f'<?xml-stylesheet type="text/xsl" href="{escape(href)}"?>'.encode()
    return declaration + b"\n" + instruction + b"\n" + rest
