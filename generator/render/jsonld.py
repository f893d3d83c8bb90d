"""Google for Jobs: the schema.org JobPosting of an open posting, as JSON-LD.

Only what the posting page also shows goes in (Google's rule). A posting that
is not open (closed, withdrawn) has none, so it leaves job search at once.
`directApply` is left out on purpose: the "Søg stillingen" button leads to the
kommune's own recruitment system, so applying does not happen on this page.
"""
from __future__ import annotations

from html import escape

from ..listing import Job
from ..model import Address
from . import danish
from .html import script_json
from .markup import markdown


def employment_types(job: Job) -> list[str]:
    p = job.posting
    kinds = ["FULL_TIME" if danish.is_full_time(p) else "PART_TIME"]
    if p.employment == "tidsbegrænset":
        kinds.append("TEMPORARY")
    return kinds


def address(job: Job) -> Address | None:
    """The address of the workplace, or of the nearest unit above it that has one."""
    return next((o.address for o in reversed(job.unit.chain) if o.address), None)


def description_html(job: Job) -> str:
    """The posting's text as on the page: intro, headed sections, terms, how to apply."""
    p = job.posting
    parts = [markdown(p.intro)]
    for s in p.sections:
        parts.append(f"<h2>{escape(s.heading, quote=False)}</h2>\n{markdown(s.text)}")
    if p.terms:
        parts.append(f"<h2>Løn og ansættelsesvilkår</h2>\n{markdown(p.terms)}")
    if p.apply.text:
        parts.append(f"<h2>Sådan søger du</h2>\n{markdown(p.apply.text)}")
    return "\n".join(parts)


def job_posting(job: Job) -> dict | None:
    """The JobPosting as a dict, or None when the posting is not open."""
    p = job.posting
    if not job.is_open or job.withdrawn is not None:
        return None
    organisation: dict = {"@type": "Organization", "name": job.kommune.name}
    if job.kommune.website:
        organisation["sameAs"] = job.kommune.website
        organisation["url"] = job.kommune.website
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
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": p.title,
        "description": description_html(job),
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


def job_posting_json(job: Job) -> str | None:
    """The JobPosting as text that is safe inside <script type="application/ld+json">."""
    data = job_posting(job)
    return None if data is None else script_json(data)
