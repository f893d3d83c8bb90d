"""The data files the site serves beside its pages (path in site/ -> content).

One registry, so the plugin writes them all the same way and a new output
format is one line here plus its own module.
"""
from __future__ import annotations

from ..content import Content
from ..listing import Listing


def data_files(listing: Listing, content: Content, site_url: str = "") -> dict[str, str | bytes]:
    # Imported here: the build makes these files in its background process (parallel.py),
    # so the process that builds the pages never spends time loading icalendar and feedgen.
    from ..facets import facet_values
    from .calendar import Events, all_calendar, facet_calendar, posting_calendar
    from .feed import atom_feed, facet_feed
    from .jobs_json import jobs_json
    from .sitemap import job_sitemap

    feeds = facet_values(content)
    events = Events(site_url)  # each posting's events written once, for all the calendars that hold it
    files: dict[str, str | bytes] = {
        "job/jobs.json": jobs_json(listing, site_url, feeds),
        "job/feed.xml": atom_feed(listing, site_url),
        "job/kalender.ics": all_calendar(listing, site_url, events),
        "job/sitemap.xml": job_sitemap(listing, site_url),
    }
    for job in listing.open:  # only an open posting links its calendar; closed ones add nothing
        files[f"job/{job.id}/kalender.ics"] = posting_calendar(job, site_url, events)
    for fv in feeds:  # every value, open postings or not: a follower's address never breaks
        files[fv.atom_path] = facet_feed(listing, fv, site_url)
        files[fv.ics_path] = facet_calendar(listing, fv, site_url, events)
    return files
