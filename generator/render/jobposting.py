"""Google for Jobs: the schema.org JobPosting of an open posting, as microdata.

Microdata rather than JSON-LD, because JobPosting's `description` must be
the whole text of the job: as JSON-LD that text is on the page twice. As
microdata the description is the posting's text where the page shows it.

The posting's template marks, with HTML comments, where the item starts
(under the title) and ends, and where the posting's own text starts and
ends. `wrap` turns the marks of the built page into <div itemscope
itemtype=".../JobPosting">, with the other properties as <meta> and <link>
elements, and <div itemprop="description">. The site builder does that on
the finished page (generator/mkdocs/theme.py), so its search, which reads
the page before, does not spend time on the extra elements; the marks are
comments, which search skips. A heading
inside the item is no problem for search, a title inside it would be: the
page's own search entry is the text under a top-level <h1>.

Only what the posting page also shows goes in (Google's rule). A posting that
is not open (closed, withdrawn) has none, so it leaves job search at once.
`directApply` is left out on purpose: the "Søg stillingen" button leads to the
kommune's own recruitment system, so applying does not happen on this page.
"""
from __future__ import annotations

from markupsafe import escape

from ..listing import Job
from ..model import Address
from . import danish

SCHEMA = "https://schema.org/"
# The marks in a posting's page (posting.md.j2): HTML comments on lines of their own,
# which Markdown keeps as they are, between blocks.
POSTING_START = "<!-- jobsite:posting -->"
POSTING_END = "<!-- /jobsite:posting -->"
DESCRIPTION_START = "<!-- jobsite:description -->"
DESCRIPTION_END = "<!-- /jobsite:description -->"
URL_PROPERTIES = {"sameAs"}  # written as <link href>, as microdata wants for URLs


def employment_types(job: Job) -> list[str]:
    p = job.posting
    kinds = ["FULL_TIME" if danish.is_full_time(p) else "PART_TIME"]
    if p.employment == "tidsbegrænset":
        kinds.append("TEMPORARY")
    return kinds


def address(job: Job) -> Address | None:
    """The address of the workplace, or of the nearest unit above it that has one."""
    return next((o.address for o in reversed(job.unit.chain) if o.address), None)


def job_posting(job: Job) -> dict | None:
    """The JobPosting's properties, except the description, or None when the posting is not open.

    Nested items are dicts with "@type"; a list is a property given more than once.
    """
    p = job.posting
    if not job.is_open or job.withdrawn is not None:
        return None
    organisation: dict = {"@type": "Organization", "name": job.kommune.name}
    if job.kommune.website:  # Google reads the organisation's site from sameAs
        organisation["sameAs"] = job.kommune.website
    place: dict = {"@type": "PostalAddress"}
    found = address(job)
    if found and found.street:
        place["streetAddress"] = found.street
    if found and found.postal_code:
        place["postalCode"] = found.postal_code
    if found:
        place["addressLocality"] = found.city
    place["addressCountry"] = "DK"
    data: dict = {
        "@type": "JobPosting",
        "title": p.title,
        "identifier": {"@type": "PropertyValue", "name": job.kommune.name, "value": job.id},
        "datePosted": p.published.isoformat(),
        "validThrough": job.closes_at.isoformat(),
        "employmentType": employment_types(job),
        "hiringOrganization": organisation,
        "jobLocation": {"@type": "Place", "name": job.workplace.name, "address": place},
        "workHours": danish.hours_text(p),
    }
    if p.positions > 1:
        data["totalJobOpenings"] = p.positions
    if p.start.date:
        data["jobStartDate"] = p.start.date.isoformat()
    return data


def properties(data: dict) -> str:
    """The item's properties as microdata elements."""
    out = []
    for name, value in data.items():
        if name == "@type":
            continue
        for one in value if isinstance(value, list) else [value]:
            if isinstance(one, dict):
                out.append(f'<div itemprop="{name}" itemscope itemtype="{SCHEMA}{one["@type"]}">'
                           f"{properties(one)}</div>")
            elif name in URL_PROPERTIES:
                out.append(f'<link itemprop="{name}" href="{escape(one)}">')
            else:
                out.append(f'<meta itemprop="{name}" content="{escape(str(one))}">')
    return "".join(out)
