"""The data files the site serves beside its pages (path in site/ -> content).

One registry, so the plugin writes them all the same way and a new output
format is one line here plus its own module.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from .. import clock
from ..content import load_site
from ..site import Content
from ..listing import Listing, build_listing
from ..kinds import CALENDAR, FEED, JOB_SITEMAP, JOBS_JSON, posting_calendars

# The postings read by site_data_files, for the root read last: a worker that `serve` keeps
# between rebuilds reads only the posting files that changed.
_read: tuple[Path | None, dict] = (None, {})


def site_data_files(root: Path, moment: datetime, site_url: str = "") -> dict[str, str | bytes]:
    """The data files of the site under `root` at `moment`, read from the files where they are made.

    A worker is given the root and the moment, not the content: the content of a
    large jobs/ would be copied to it as tens of megabytes, in the process that
    builds the pages. The files read here are the files the build read (the
    build reads them first and stops on any problem).
    """
    global _read
    if _read[0] != root:
        _read = (root, {})
    content = load_site(root, cache=_read[1], text_checks=False, today=moment.astimezone(clock.TZ).date())
    return data_files(build_listing(content, moment), content, site_url)


def data_files(listing: Listing, content: Content, site_url: str = "") -> dict[str, str | bytes]:
    # Imported here: the build makes these files in a worker (mkdocs/outputs.py), so the
    # process that builds the pages never spends time loading icalendar and feedgen.
    from ..facets import facet_values
    from .calendar import Events, all_calendar, facet_calendar, posting_calendar
    from .feed import atom_feed, facet_feed
    from .jobnet import export_files
    from .jobs_json import jobs_json
    from .sitemap import job_sitemap

    feeds = facet_values(content)
    events = Events(site_url)  # each posting's events written once, for all the calendars that hold it
    files: dict[str, str | bytes] = {
        JOBS_JSON: jobs_json(listing, site_url, feeds),
        FEED: atom_feed(listing, site_url),
        CALENDAR: all_calendar(listing, site_url, events),
        JOB_SITEMAP: job_sitemap(listing, site_url),
    }
    files.update(export_files(listing, content, site_url))  # job/jobnet/: the postings in Jobnet's terms
    for job in listing.open:  # only an open posting links its calendar; closed ones add nothing
        calendar = posting_calendar(job, site_url, events)
        for path in posting_calendars(job.id):  # its address, and the former one
            files[path] = calendar
    for fv in feeds:  # every value, open postings or not: a follower's address never breaks
        files[fv.atom_path] = facet_feed(listing, fv, site_url)
        files[fv.ics_path] = facet_calendar(listing, fv, site_url, events)
    return files
