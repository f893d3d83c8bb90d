"""/job/feed.xml: an Atom feed (RFC 4287) of the open postings, newest first,
made with feedgen.

Ids are tag: URIs from the posting id and its published day, so they survive
a change of the site's address. `updated` comes from the content and the day
the site is built for (the last time a posting appeared or closed), never from
the build's clock, so two builds of the same day are byte-identical.
"""
from __future__ import annotations

from datetime import datetime, time
from html import escape

from feedgen.feed import FeedGenerator

from ..clock import TZ
from ..listing import Job, Listing
from ..model import ROLE_TYPES
from . import danish
from .calendar import UID_DOMAIN
from .markup import markdown
from .pages import where
from .urls import site_address

TITLE = "Ledige stillinger i dagtilbud"
SUBTITLE = "Nye ledige stillinger i kommunernes dagtilbud, den nyeste først."


def _midnight(day) -> datetime:
    return datetime.combine(day, time(0, 0), TZ)


def entry_id(job: Job) -> str:
    return f"tag:{UID_DOMAIN},{job.posting.published.isoformat()}:job/{job.id}"


def last_change(listing: Listing) -> datetime:
    """The latest moment the feed's contents changed: a posting was published,
    closed at its deadline, or was withdrawn."""
    moments = [_midnight(j.posting.published) for j in listing.jobs]
    moments += [j.closes_at for j in listing.closed if j.closes_at <= listing.now]
    moments += [_midnight(j.withdrawn.date) for j in listing.jobs if j.withdrawn]
    moments = [m for m in moments if m <= listing.now]
    return max(moments, default=_midnight(listing.today))


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
    fg = FeedGenerator()
    fg.id(f"tag:{UID_DOMAIN},2026:job/feed")
    fg.title(TITLE)
    fg.subtitle(SUBTITLE)
    fg.language("da")
    fg.link(href=site_address(site_url, "job/feed.xml"), rel="self", type="application/atom+xml")
    fg.link(href=site_address(site_url, "job/"), rel="alternate", type="text/html")
    fg.updated(last_change(listing))
    newest_first = sorted(listing.open, key=lambda j: (j.posting.published, j.id), reverse=True)
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
    return fg.atom_str(pretty=True)
