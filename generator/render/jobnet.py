"""A posting in Jobnet's terms: the export (JSON, one file per open posting and an index) and the
preview's Jobnet sheet (a page HR copies Jobnet for virksomheder's fields from).

Both come from one view, `ad`, made from the posting and generator/jobnet.py's facts, so the
sheet shows what a sender to Jobnet would send. Its fields are listed in `FIELDS`, in the order
the interface's public description lists them (STAR's JobAdService: workplace, contact,
occupation, employment, job type, positions, working time, working periods, how to apply,
deadline and publication window), after the title, and with the text last.

Text from content stays text: plain values are written by `json` into the export and escaped by
the template into the sheet; the posting's text is the site's own sanitised HTML (render/markup.py)
cut down by nh3 to the subset Jobnet takes (p, br, strong, em, ul, ol, li; no attributes, so no
links: a link keeps its words).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import nh3
from markupsafe import Markup

from .. import kinds
from ..jobnet import MAX_WINDOW_DAYS, facts, findings
from ..listing import Job, Listing
from ..model import EMPLOYMENT, JOB_TYPES, ROLE_TYPES, WORKING_PERIODS
from ..site import Content
from . import danish, markup
from .urls import site_address

FORMAT = "jobsite-jobnet/1"  # the export's shape; a sender checks it before sending
SUBSET = frozenset({"p", "br", "strong", "em", "ul", "ol", "li"})  # the HTML Jobnet takes in an ad's text
_SUBSET = nh3.Cleaner(tags=set(SUBSET), attributes={}, url_schemes=set(), link_rel=None, strip_comments=True)

# Jobnet's terms for the posting's values (the export is read by a program, not by people).
EMPLOYMENT_TERMS = {"fast": "permanent", "tidsbegrænset": "limited_period"}
JOB_TYPE_TERMS = {"almindelig": "ordinary", "fleksjob": "flexjob", "løntilskud": "wage_subsidy"}
PERIOD_TERMS = {"dag": "day", "aften": "evening", "nat": "night", "weekend": "weekend"}


def text_html(job: Job) -> str:
    """The posting's text (intro, sections with their headings, terms, how to apply) as the HTML subset
    Jobnet takes. A heading becomes a paragraph in bold: Jobnet takes no headings."""
    p = job.posting
    parts = [markup.markdown(p.intro)]
    for section in p.sections:
        parts += [Markup("<p><strong>{}</strong></p>").format(section.heading), markup.markdown(section.text)]
    for heading, text in (("Løn og vilkår", p.terms), ("Sådan søger du", p.apply.text)):
        if text:
            parts += [Markup("<p><strong>{}</strong></p>").format(heading), markup.markdown(text)]
    return _SUBSET.clean("\n".join(str(part) for part in parts)).strip()


def ad(job: Job, content: Content, today: date, site_url: str = "") -> dict:
    """The posting as a sender to Jobnet would send it (AddJob/UpdateJob), with what is missing."""
    p = job.posting
    f = facts(p, job.unit, content.occupations)
    missing = findings(p, job.unit, content.occupations, today)
    occupation = f.occupation
    return {
        "format": FORMAT,
        "id": job.id,
        "action": "AddJob",  # UpdateJob once Jobnet has it (the sender keeps Jobnet's id)
        "ready": not missing,
        "missing": [m.short for m in missing],
        "title": p.title,
        "workplace": {"name": f.workplace.name, "street": f.street, "postal_code": f.postal_code, "city": f.city,
                      "employer": job.kommune.name},
        "contact": None if f.contact is None else {
            "name": f.contact.name, "title": f.contact.title, "phone": phone_digits(f.contact.phone),
            "email": f.contact.email},
        "occupation": {
            "role": p.role, "role_label": ROLE_TYPES[p.role],
            "disco_08": occupation.disco if occupation else None,
            "isco_title": occupation.isco_title if occupation else None,
            "esco_label": occupation.esco_label if occupation else None,
            "esco_uri": occupation.esco_uri if occupation else None,
        },
        "employment": {"type": EMPLOYMENT_TERMS[p.employment],
                       "end": p.employment_end.isoformat() if p.employment_end else None},
        "job_type": JOB_TYPE_TERMS[p.job_type],
        "positions": p.positions,
        "working_time": {"full_time": f.full_time, "hours_per_week": f.hours,
                         "no_upper_limit": f.hours is None},
        "working_periods": [PERIOD_TERMS[w] for w in p.working_periods],
        "start": {"date": p.start.date.isoformat() if p.start.date else None, "asap": p.start.asap},
        "application": {
            "url": f.apply_url, "email": f.apply_email,
            "deadline": p.deadline.isoformat(),
            "deadline_time": p.deadline_time.strftime("%H:%M") if p.deadline_time else None,
        },
        "publication": {"from": max(today, p.published).isoformat(), "to": p.deadline.isoformat(),
                        "max_days": MAX_WINDOW_DAYS},
        "url": site_address(site_url, job.url),
        "text_html": text_html(job),
    }


def phone_digits(phone: str | None) -> str | None:
    """'44 77 18 47' -> '44771847': a phone number as a form takes it (the country code left out for a
    Danish number; Jobnet is Danish)."""
    if not phone:
        return None
    number = danish.tel_href(phone).removeprefix("tel:")
    return number.removeprefix(danish.COUNTRY_CODE) if len(number) == len(danish.COUNTRY_CODE) + 8 else number


def export_files(listing: Listing, content: Content, site_url: str = "") -> dict[str, str]:
    """job/jobnet/<id>.json for each open posting, and job/jobnet/index.json: the open postings to
    send (AddJob/UpdateJob) and the closed ones to take off Jobnet (CloseJob)."""
    files: dict[str, str] = {}
    today = listing.today
    for job in listing.open:
        files[kinds.jobnet_file(job.id)] = _json(ad(job, content, today, site_url))
    index = {
        "format": FORMAT,
        "today": today.isoformat(),
        "open": [{"id": job.id, "file": kinds.jobnet_file(job.id).rsplit("/", 1)[1], "ready": not findings(
            job.posting, job.unit, content.occupations, today)} for job in listing.open],
        "close": [{"id": job.id, "action": "CloseJob",
                   "reason": job.withdrawn.reason if job.withdrawn else "frist",
                   "date": (job.withdrawn.date if job.withdrawn else job.posting.deadline).isoformat()}
                  for job in listing.closed],
    }
    files[kinds.JOBNET_INDEX] = _json(index)
    return files


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- the sheet --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    label: str  # Jobnet's field, in Danish
    value: str  # plain text to copy ('' when missing)
    missing: str = ""  # what check says is missing here
    note: str = ""  # a hint beside the value


def fields(job: Job, content: Content, today: date) -> list[Field]:
    """The sheet's rows: every field Jobnet asks for, in order, with the value to copy."""
    p = job.posting
    f = facts(p, job.unit, content.occupations)
    missing = {m.short: m.message for m in findings(p, job.unit, content.occupations, today)}

    def lacking(*shorts: str) -> str:
        return " ".join(missing[s] for s in shorts if s in missing)

    o = f.occupation
    occupation = ", ".join(x for x in (o.disco, o.esco_label or o.isco_title) if x) if o and o.disco else ""
    contact = f.contact
    periods = ", ".join(WORKING_PERIODS[w] for w in p.working_periods)
    deadline = danish.short_date(p.deadline) + (f" kl. {p.deadline_time.strftime('%H.%M')}" if p.deadline_time else "")
    start = ", ".join(x for x in (danish.short_date(p.start.date) if p.start.date else "",
                                  "snarest muligt" if p.start.asap else "") if x)
    return [
        Field("Jobannoncens overskrift", p.title),
        Field("Arbejdsstedets navn", f.workplace.name, note=job.kommune.name),
        Field("Arbejdsstedets adresse", f.street or "", lacking("arbejdsstedets adresse")),
        Field("Postnummer", f.postal_code or "", lacking("postnummer")),
        Field("By", f.city or ""),
        Field("Kontaktperson", contact.name if contact else "", lacking("kontaktperson"),
              note=contact.title or "" if contact else ""),
        Field("Kontaktpersonens telefon", phone_digits(contact.phone) or "" if contact else "",
              lacking("kontaktpersonens telefon")),
        Field("Kontaktpersonens e-mail", contact.email or "" if contact else "", lacking("kontaktpersonens e-mail")),
        Field("Stillingsbetegnelse (DISCO-08)", occupation, lacking("stillingsbetegnelse"),
              note=f"Stillingstype: {ROLE_TYPES[p.role]}"),
        Field("Ansættelsesforhold", EMPLOYMENT[p.employment] + (
            f" til og med {danish.short_date(p.employment_end)}" if p.employment_end else "")),
        Field("Jobtype", JOB_TYPES[p.job_type]),
        Field("Antal stillinger", str(p.positions)),
        Field("Arbejdstid", ("Fuldtid" if f.full_time else "Deltid")
              + ("" if f.hours is None else f", {f'{f.hours:g}'.replace('.', ',')} timer om ugen")
              + (" uden øvre arbejdstid" if f.hours is None else "")),
        Field("Arbejdstidspunkter", periods, note="" if periods else "Skriv dem i opslaget (working_periods), fx [dag]"),
        Field("Tiltrædelse", start),
        Field("Ansøgning: webadresse", f.apply_url or "", lacking("ansøgningsadresse")),
        Field("Ansøgning: e-mail", f.apply_email or ""),
        Field("Ansøgningsfrist", deadline, lacking("fristen er før indsendelsen", "fristen ligger for langt ude")),
        Field("Vises på Jobnet fra", danish.short_date(max(today, p.published))),
        Field("Vises på Jobnet til", danish.short_date(p.deadline)),
    ]


def sheet(job: Job, content: Content, today: date) -> str:
    """The Jobnet sheet's Markdown page (a raw HTML block; its texts escaped by the template)."""
    from .pages import ENV  # the site's template environment (render/pages.py)

    rows = fields(job, content, today)
    missing = findings(job.posting, job.unit, content.occupations, today)
    html = text_html(job)
    return ENV.get_template("jobnet_sheet.md.j2").render(
        job=job, rows=rows, missing=missing, text=Markup(html), source=html,
        posting_src=kinds.posting_page(job.id))


__all__ = ["FORMAT", "SUBSET", "ad", "export_files", "fields", "phone_digits", "sheet", "text_html"]
