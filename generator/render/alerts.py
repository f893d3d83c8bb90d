"""/job/besked/: "Få besked om nye stillinger", how to follow the site's feeds
and calendars, with every facet value's feed and calendar (generator/facets.py).

The calendars' webcal:// links are made here from the site's own address:
webcal is allowed in this generated page only, never in content (content links
are limited to http(s), mailto, tel and the site itself).
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..site import Content
from ..facets import FACETS, counts, facet_values
from ..listing import Listing
from .filters import AGE_HINT, ROLE_HINT
from .pages import ENV
from .urls import webcal_address
from ..kinds import ALERTS, CALENDAR, FEED

SRC = ALERTS
HEADINGS = {"kommune": "Kommuner", "district": "Distrikter og dagtilbud", "role": "Stillingstyper",
            "age_group": "Aldersgrupper"}


@dataclass(frozen=True)
class Follow:
    """One thing to follow: its label, how many postings it has open, and its addresses
    (relative to the page, and webcal:// for the calendar)."""

    label: str
    open_count: int
    atom: str
    ics: str
    webcal: str


def _here(path: str) -> str:
    return posixpath.relpath(path, posixpath.splitext(SRC)[0])


def _follow(label: str, count: int, atom_path: str, ics_path: str, site_url: str) -> Follow:
    return Follow(label, count, _here(atom_path), _here(ics_path), webcal_address(site_url, ics_path))


def alerts_page(listing: Listing, content: Content, site_url: str = "") -> str:
    values = facet_values(content)
    counted = {facet: counts(listing.open, facet) for facet in FACETS}
    groups = [(HEADINGS[facet], [_follow(fv.label, counted[facet][fv.key], fv.atom_path, fv.ics_path,
                                         site_url) for fv in values if fv.facet == facet])
              for facet in FACETS]
    everything = _follow("Alle ledige stillinger", len(listing.open), FEED, CALENDAR, site_url)
    # What a role's or an age group's feed includes besides its own value, as the job list's filters say.
    return ENV.get_template("alerts.md.j2").render(everything=everything, groups=groups,
                                                   includes=(ROLE_HINT, AGE_HINT))
