"""Google for Jobs: the JobPosting microdata of open postings, read the way a
crawler reads it (extruct), field by field against the YAML; its description
is the posting's text as the page shows it; none on closed and withdrawn
postings."""
from __future__ import annotations

import dataclasses
import html as htmllib
import re
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import extruct
import pytest
import yaml

from generator.content import load_site
from generator.listing import build_listing
from generator.model import Withdrawn
from generator.mkdocs.theme import with_job_posting as wrap
from generator.render.jobposting import job_posting

ROOT = Path(__file__).resolve().parent.parent
TZ = ZoneInfo("Europe/Copenhagen")
LEDER = "paedagogisk-leder-stjernehuset"
RESSOURCE = "ressourcepaedagoger-midtbyens-dagtilbud"


def posting_yaml(job_id: str) -> dict:
    return yaml.safe_load((ROOT / "jobs" / f"{job_id}.yml").read_text(encoding="utf-8"))


def organisations() -> dict[str, dict]:
    found: dict[str, dict] = {}

    def walk(org: dict, chain: list[dict]) -> None:
        found[org["id"]] = {**org, "chain": chain + [org]}
        for unit in org.get("units", []):
            walk(unit, chain + [org])

    for kommune in yaml.safe_load((ROOT / "data/organisations.yml").read_text(encoding="utf-8"))["kommuner"]:
        walk(kommune, [])
    return found


def job_postings(html: str) -> list[dict]:
    """Every schema.org item on the page, as JSON-LD-shaped dicts (extruct's uniform form)."""
    return extruct.extract(html, syntaxes=["microdata"], uniform=True)["microdata"]


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def visible_text(html: str) -> str:
    body = html[html.index("<article"):html.index("</article>")]
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", body))


@pytest.mark.parametrize("job_id", [LEDER, RESSOURCE])
def test_open_posting_carries_a_job_posting_matching_the_yaml(built_site, job_id):
    page = built_site("2026-01-05").page(f"job/{job_id}/")
    [data] = job_postings(page)
    source = posting_yaml(job_id)
    orgs = organisations()
    workplace = orgs[source["workplace"]]
    kommune = workplace["chain"][0]
    text = visible_text(page)

    assert data["@context"] == "https://schema.org" and data["@type"] == "JobPosting"
    assert data["title"] == source["title"]
    assert data["datePosted"] == source["published"].isoformat()
    # Open until the end of the deadline day in Copenhagen, with the UTC offset of that day (winter: +01:00).
    assert data["validThrough"] == f"{source['deadline'].isoformat()}T23:59:59+01:00"
    assert data["hiringOrganization"] == {"@type": "Organization", "name": kommune["name"],
                                          "sameAs": kommune["website"]}
    address = data["jobLocation"]["address"]
    assert data["jobLocation"]["@type"] == "Place" and address["@type"] == "PostalAddress"
    assert data["jobLocation"]["name"] == workplace["name"]
    assert address["addressCountry"] == "DK"
    assert address["addressLocality"] == workplace["address"]["city"]
    hours = source["hours"]
    full_time = hours == "uden øvre arbejdstid" or hours >= 37
    expected_types = ["FULL_TIME" if full_time else "PART_TIME"]
    if source["employment"] == "tidsbegrænset":
        expected_types.append("TEMPORARY")
    assert as_list(data["employmentType"]) == expected_types
    assert data["identifier"] == {"@type": "PropertyValue", "name": kommune["name"], "value": job_id}
    assert "directApply" not in data  # applying happens in the kommune's own system, not on this page
    if source.get("positions", 1) > 1:
        assert data["totalJobOpenings"] == str(source["positions"])
    else:
        assert "totalJobOpenings" not in data
    if source["start"].get("date"):
        assert data["jobStartDate"] == source["start"]["date"].isoformat()
    # The description is the posting's text as on the page: the intro, every section with its
    # heading, the terms and how to apply; not the facts box, the links or the about texts.
    description = data["description"]
    first_sentence = source["intro"].split("?")[0].split(".")[0]
    assert description.startswith(first_sentence)
    for section in source.get("sections", []):
        assert f"\n{section['heading']}\n" in description
    assert "Sådan søger du" in description and "Ansøgningsfristen er" in description
    lines = description.splitlines()
    for elsewhere in ("Kort om stillingen", "Læs mere", "Om " + workplace["name"]):  # headings outside it
        assert elsewhere not in lines
    assert "jobsite:description" not in page
    # Only what the page also shows.
    for shown in (data["title"], kommune["name"], workplace["name"], address["addressLocality"]):
        assert shown in text, shown
    assert '<meta name="robots" content="noindex">' not in page


def test_closed_posting_has_no_job_posting_and_is_not_indexed(built_site):
    page = built_site("2026-01-11").page(f"job/{LEDER}/")
    assert job_postings(page) == []
    assert "JobPosting" not in page and "itemprop" not in page and "jobsite:description" not in page
    assert '<meta name="robots" content="noindex">' in page
    still_open = built_site("2026-01-11").page(f"job/{RESSOURCE}/")
    assert len(job_postings(still_open)) == 1


def test_no_page_but_open_postings_carries_a_job_posting(built_site):
    site = built_site("2026-01-05")
    with_items = sorted(p.parent.name for p in site.root.rglob("*.html") if job_postings(p.read_text("utf-8")))
    assert with_items == sorted([LEDER, RESSOURCE])


def _job(job_id: str):
    listing = build_listing(load_site(ROOT), datetime.combine(date(2026, 1, 5), time(0, 0), TZ))
    return next(j for j in listing.jobs if j.id == job_id)


def test_withdrawn_posting_has_no_job_posting():
    job = _job(RESSOURCE)
    assert job_posting(job) is not None
    cancelled = Withdrawn(reason="annulleret", date=date(2026, 1, 6))
    withdrawn = dataclasses.replace(job, status="closed", withdrawn=cancelled,
                                    posting=job.posting.model_copy(update={"withdrawn": cancelled}))
    assert job_posting(withdrawn) is None
    # Even if the listing were to keep it open, a withdrawn posting is never advertised.
    assert job_posting(dataclasses.replace(withdrawn, status="open")) is None


def test_part_time_temporary_job_and_a_time_of_day_deadline():
    job = _job(RESSOURCE)
    posting = job.posting.model_copy(update={"hours": 25, "employment": "tidsbegrænset",
                                             "employment_end": date(2026, 12, 31), "deadline": date(2026, 6, 1),
                                             "deadline_time": time(12, 0)})
    job = dataclasses.replace(job, posting=posting, closes_at=datetime(2026, 6, 1, 12, 0, tzinfo=TZ))
    data = job_posting(job)
    assert data["employmentType"] == ["PART_TIME", "TEMPORARY"]
    assert data["validThrough"] == "2026-06-01T12:00:00+02:00"  # summer time
    assert data["workHours"] == "25 timer om ugen (deltid)"


def test_markup_in_a_title_stays_text_in_the_microdata():
    job = _job(RESSOURCE)
    hostile = 'Pædagog "søges" <script>alert(1)</script> & co.'
    job = dataclasses.replace(job, posting=job.posting.model_copy(update={"title": hostile}))
    page = wrap("<h1>T</h1><!-- jobsite:posting --><!-- jobsite:description --><p>Tekst</p>"
                "<!-- /jobsite:description --><!-- /jobsite:posting -->", job)
    assert "<script>" not in page
    [data] = job_postings(f"<html><body>{page}</body></html>")
    assert data["title"] == hostile and data["description"] == "Tekst"
