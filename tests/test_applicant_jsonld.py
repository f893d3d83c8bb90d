"""Google for Jobs: the JobPosting JSON-LD of open postings, field by field
against the YAML, and its absence on closed and withdrawn postings."""
from __future__ import annotations

import dataclasses
import html as htmllib
import json
import re
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from generator.content import load_content
from generator.listing import build_listing
from generator.model import Withdrawn
from generator.render.jsonld import job_posting

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


def ld_json(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def visible_text(html: str) -> str:
    body = html[html.index("<article"):html.index("</article>")]
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", body))


@pytest.mark.parametrize("job_id", [LEDER, RESSOURCE])
def test_open_posting_carries_a_job_posting_matching_the_yaml(built_site, job_id):
    page = built_site("2026-01-05").page(f"job/{job_id}/")
    [data] = ld_json(page)
    source = posting_yaml(job_id)
    orgs = organisations()
    workplace = orgs[source["workplace"]]
    kommune = workplace["chain"][0]
    text = visible_text(page)

    assert data["@context"] == "https://schema.org/" and data["@type"] == "JobPosting"
    assert data["title"] == source["title"]
    assert data["datePosted"] == source["published"].isoformat()
    # Open until the end of the deadline day in Copenhagen, with the UTC offset of that day (winter: +01:00).
    assert data["validThrough"] == f"{source['deadline'].isoformat()}T23:59:59+01:00"
    assert data["hiringOrganization"] == {"@type": "Organization", "name": kommune["name"],
                                          "sameAs": kommune["website"], "url": kommune["website"]}
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
    assert data["employmentType"] == expected_types
    assert data["identifier"] == {"@type": "PropertyValue", "name": kommune["name"], "value": job_id}
    assert "directApply" not in data  # applying happens in the kommune's own system, not on this page
    if source.get("positions", 1) > 1:
        assert data["totalJobOpenings"] == source["positions"]
    else:
        assert "totalJobOpenings" not in data
    if source["start"].get("date"):
        assert data["jobStartDate"] == source["start"]["date"].isoformat()
    # The description is the posting's text as HTML: the intro and every section, headed.
    first_sentence = source["intro"].split("?")[0].split(".")[0]
    assert data["description"].startswith("<p>" + first_sentence)
    for section in source.get("sections", []):
        assert f"<h2>{section['heading']}</h2>" in data["description"]
    # Only what the page also shows.
    for shown in (data["title"], kommune["name"], workplace["name"], address["addressLocality"]):
        assert shown in text, shown
    assert '<meta name="robots" content="noindex">' not in page


def test_closed_posting_has_no_job_posting_and_is_not_indexed(built_site):
    page = built_site("2026-01-11").page(f"job/{LEDER}/")
    assert ld_json(page) == []
    assert "JobPosting" not in page
    assert '<meta name="robots" content="noindex">' in page
    still_open = built_site("2026-01-11").page(f"job/{RESSOURCE}/")
    assert len(ld_json(still_open)) == 1


def test_no_page_but_open_postings_carries_a_job_posting(built_site):
    site = built_site("2026-01-05")
    with_ld = sorted(p.parent.name for p in site.root.rglob("*.html") if "application/ld+json" in p.read_text("utf-8"))
    assert with_ld == sorted([LEDER, RESSOURCE])


def _job(job_id: str):
    listing = build_listing(load_content(ROOT), datetime.combine(date(2026, 1, 5), time(0, 0), TZ))
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


def test_json_ld_cannot_break_out_of_its_script_element(built_site):
    page = built_site("2026-01-05").page(f"job/{LEDER}/")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    assert "<" not in script and ">" not in script
