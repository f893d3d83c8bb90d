"""/job/jobs.json: every published posting, open and closed, for other sites
and for the page script that closes postings whose deadline passed after the
build; and the feeds and calendars of every facet value, so another site (or
the page script) can offer "follow Ballerup" without knowing our addresses."""
from __future__ import annotations

import json
from typing import Iterable

from ..facets import FacetValue, listed_under
from ..listing import Listing
from ..model import ROLE_TYPES
from . import danish
from .urls import site_address


def feed_entry(fv: FacetValue, site_url: str = "") -> dict:
    """One value's feeds. `value` is the string the postings carry for the facet (`kommune`,
    `district`, an entry of `categories.listed_under.role` or `categories.listed_under.age_group`,
    which hold what a choice includes besides its own value: 'pædagog' a ressourcepædagog post);
    a district also names its kommune, as two kommuner may each have a district of the same name."""
    entry = {"facet": fv.facet, "value": fv.value, "label": fv.label,
             "atom": site_address(site_url, fv.atom_path), "ics": site_address(site_url, fv.ics_path)}
    if fv.kommune is not None:
        entry["kommune"] = fv.kommune
    return entry


def jobs_json(listing: Listing, site_url: str = "", feeds: Iterable[FacetValue] = ()) -> str:
    postings = [
        {
            "id": job.id,
            "title": job.posting.title,
            "url": site_address(site_url, job.url),
            "status": job.status,
            "deadline": job.closes_at.isoformat(),
            "interviews": [i.at.isoformat() if i.has_time else i.day.isoformat() for i in job.interviews],
            "kommune": job.kommune.name,
            "district": job.district.name if job.district else None,
            "workplace": job.workplace.name,
            "hours": job.posting.hours,
            "hours_text": danish.hours_text(job.posting),
            "employment": job.posting.employment,
            "positions": job.posting.positions,
            "categories": {
                "role": job.posting.role,
                "role_label": ROLE_TYPES[job.posting.role],
                "age_groups": list(job.posting.age_groups),
                # The values whose choice, feed and calendar include the posting (generator/model.py's
                # ROLE_INCLUDES, AGE_INCLUDES): a ressourcepædagog post is listed under pædagog too.
                "listed_under": {"role": list(listed_under(job, "role")),
                                 "age_group": list(listed_under(job, "age_group"))},
            },
        }
        for job in listing.jobs
    ]
    data = {"today": listing.today.isoformat(), "postings": postings,
            "feeds": [feed_entry(fv, site_url) for fv in feeds]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
