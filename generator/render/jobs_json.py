"""/job/jobs.json: every published posting, open and closed, for other sites
and for the page script that closes postings whose deadline passed after the
build."""
from __future__ import annotations

import json

from ..listing import Listing
from ..model import ROLE_TYPES
from . import danish
from .urls import site_address


def jobs_json(listing: Listing, site_url: str = "") -> str:
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
            },
        }
        for job in listing.jobs
    ]
    return json.dumps({"today": listing.today.isoformat(), "postings": postings}, ensure_ascii=False, indent=2) + "\n"
