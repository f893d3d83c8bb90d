"""Calendars an applicant adds or subscribes to: every .ics the site serves is
parsed with icalendar and compared with the postings' YAML."""
from __future__ import annotations

import dataclasses
import os
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import yaml

from generator.content import load_site
from generator.kinds import posting_calendar as calendar_path, posting_calendars
from generator.listing import Moment, build_listing
from generator.model import Withdrawn
from generator.render.calendar import all_calendar, posting_calendar

ROOT = Path(__file__).resolve().parent.parent
TZ = ZoneInfo("Europe/Copenhagen")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")  # as mkdocs.yml reads it
LEDER = "paedagogisk-leder-stjernehuset"
RESSOURCE = "ressourcepaedagoger-midtbyens-dagtilbud"


def posting_yaml(job_id: str) -> dict:
    return yaml.safe_load((ROOT / "jobs" / f"{job_id}.yml").read_text(encoding="utf-8"))


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def events(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def listing_on(day: str):
    return build_listing(load_site(ROOT), datetime.combine(date.fromisoformat(day), time(0, 0), TZ))


def test_every_ics_of_the_site_parses_and_has_the_copenhagen_timezone(built_site):
    site = built_site("2026-01-05")
    files = sorted(site.root.rglob("*.ics"))
    facets = sorted(f["ics"].split("8000/", 1)[1] for f in site.jobs()["feeds"])
    assert sorted(f.relative_to(site.root).as_posix() for f in files) == sorted([
        "job/kalender.ics", *posting_calendars(LEDER), *posting_calendars(RESSOURCE), *facets])
    assert "job/feeds/kommune/ballerup.ics" in facets
    for path in files:
        cal = parse(path.read_bytes())
        assert cal["VERSION"] == "2.0" and cal["PRODID"]
        assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"], path
        assert cal["X-WR-TIMEZONE"] == "Europe/Copenhagen"
        for event in cal.walk("VEVENT"):
            assert event["UID"] and event["DTSTAMP"] and event["DTSTART"] and event["SUMMARY"], path


@pytest.mark.parametrize("job_id", [LEDER, RESSOURCE])
def test_a_postings_calendar_downloads_under_the_postings_name_and_its_former_address_still_works(built_site, job_id):
    site = built_site("2026-01-05")
    assert calendar_path(job_id) == f"job/{job_id}/{job_id}.ics"
    assert f'<a href="{job_id}.ics" type="text/calendar">Tilføj til kalender</a>' in site.page(f"job/{job_id}/")
    new, former = (site.root.joinpath(path).read_bytes() for path in posting_calendars(job_id))
    assert former == new and posting_calendars(job_id)[1] == f"job/{job_id}/kalender.ics"


@pytest.mark.parametrize("job_id", [LEDER, RESSOURCE])
def test_posting_calendar_has_the_deadline_and_every_interview_from_the_yaml(built_site, job_id):
    data = posting_yaml(job_id)
    cal = parse(built_site("2026-01-05").root.joinpath(calendar_path(job_id)).read_bytes())
    found = events(cal)
    assert cal["X-WR-CALNAME"] == data["title"]
    deadline = found[f"{job_id}.frist@jobsite.dagtilbud"]
    # No deadline_time in the YAML: an all-day event on the deadline day.
    assert deadline.decoded("DTSTART") == data["deadline"]
    assert deadline.decoded("DTEND") == data["deadline"] + timedelta(days=1)
    assert str(deadline["SUMMARY"]) == f"Ansøgningsfrist: {data['title']}"
    assert str(deadline["STATUS"]) == "CONFIRMED"
    # The reminder fires at 09:00 the day before the deadline, not at the midnight the all-day event starts.
    trigger = deadline.walk("VALARM")[0].decoded("TRIGGER")
    assert datetime.combine(data["deadline"], time(0, 0)) + trigger == \
        datetime.combine(data["deadline"] - timedelta(days=1), time(9, 0))
    for n, interview in enumerate(data["interviews"], start=1):
        event = found[f"{job_id}.samtale-{n}@jobsite.dagtilbud"]
        assert event.decoded("DTSTART") == interview["date"]
        assert str(event["SUMMARY"]) == f"{interview['label']}: {data['title']}"
        # Only the invited are interviewed: tentative, and the description says so.
        assert str(event["STATUS"]) == "TENTATIVE"
        assert str(event["DESCRIPTION"]).splitlines()[0] == "Kun ansøgere, der bliver inviteret, kommer til samtale."
        assert not event.walk("VALARM")
    assert "Kun ansøgere" not in str(deadline["DESCRIPTION"])
    assert len(found) == 1 + len(data["interviews"])
    for event in found.values():
        assert f"job/{job_id}/" in str(event["URL"])
        # DTSTAMP comes from the posting (published, midnight in Copenhagen), not from the build's clock.
        published = datetime.combine(data["published"], time(0, 0), TZ).astimezone(timezone.utc)
        assert event.decoded("DTSTAMP") == published


def test_uids_and_bytes_are_the_same_across_builds_and_days(built_site):
    early, later = built_site("2026-01-05"), built_site("2026-01-11")
    path = calendar_path(RESSOURCE)
    assert early.root.joinpath(path).read_bytes() == later.root.joinpath(path).read_bytes()
    # A fresh rendering now, seconds or minutes after the build, gives the same bytes.
    job = next(j for j in listing_on("2026-01-05").jobs if j.id == RESSOURCE)
    assert posting_calendar(job, SITE_URL) == early.root.joinpath(path).read_bytes()
    assert all_calendar(listing_on("2026-01-05"), SITE_URL) == \
        early.root.joinpath("job/kalender.ics").read_bytes()


def test_subscription_calendar_holds_the_open_postings_only(built_site):
    before = events(parse(built_site("2026-01-05").root.joinpath("job/kalender.ics").read_bytes()))
    assert {uid.split(".")[0] for uid in before} == {LEDER, RESSOURCE}
    assert len(before) == (1 + 2) + (1 + 1)
    after = events(parse(built_site("2026-01-11").root.joinpath("job/kalender.ics").read_bytes()))
    assert {uid.split(".")[0] for uid in after} == {RESSOURCE}
    assert all(after[uid].to_ical() == before[uid].to_ical() for uid in after)
    cal = parse(built_site("2026-01-11").root.joinpath("job/kalender.ics").read_bytes())
    assert cal["REFRESH-INTERVAL"].dt == timedelta(hours=12)


def test_times_of_day_become_timed_events_in_copenhagen():
    job = next(j for j in listing_on("2026-01-05").jobs if j.id == LEDER)
    posting = job.posting.model_copy(update={"deadline_time": time(12, 0)})
    job = dataclasses.replace(
        job, posting=posting, closes_at=datetime(2026, 1, 10, 12, 0, tzinfo=TZ),
        interviews=(Moment("1. samtale", date(2026, 4, 15), datetime(2026, 4, 15, 9, 30, tzinfo=TZ), True),))
    data = posting_calendar(job)
    found = events(parse(data))
    deadline = found[f"{LEDER}.frist@jobsite.dagtilbud"].decoded("DTSTART")
    assert deadline == datetime(2026, 1, 10, 12, 0, tzinfo=TZ)
    assert deadline.utcoffset() == timedelta(hours=1)
    interview = found[f"{LEDER}.samtale-1@jobsite.dagtilbud"].decoded("DTSTART")
    assert interview.utcoffset() == timedelta(hours=2)  # summer time: the VTIMEZONE covers it
    assert b"DTSTART;TZID=Europe/Copenhagen:20260110T120000" in data
    assert b"DTSTART;TZID=Europe/Copenhagen:20260415T093000" in data
    # Timed events have an end: a deadline is a 15-minute mark, an interview lasts an hour.
    assert found[f"{LEDER}.frist@jobsite.dagtilbud"].decoded("DTEND") == datetime(2026, 1, 10, 12, 15, tzinfo=TZ)
    assert found[f"{LEDER}.samtale-1@jobsite.dagtilbud"].decoded("DTEND") == datetime(2026, 4, 15, 10, 30, tzinfo=TZ)
    assert b"DTEND;TZID=Europe/Copenhagen:20260415T103000" in data
    # A timed deadline's reminder comes 24 hours before it (12:00 the day before).
    assert found[f"{LEDER}.frist@jobsite.dagtilbud"].walk("VALARM")[0].decoded("TRIGGER") == timedelta(days=-1)
    assert b"TZOFFSETTO:+0200" in data


def test_a_withdrawn_posting_cancels_the_same_events():
    listing = listing_on("2026-01-05")
    job = next(j for j in listing.jobs if j.id == LEDER)
    before = events(parse(posting_calendar(job)))
    filled = Withdrawn(reason="besat", date=date(2026, 1, 7))
    withdrawn = dataclasses.replace(job, status="closed", withdrawn=filled,
                                    posting=job.posting.model_copy(update={"withdrawn": filled}))
    after = events(parse(posting_calendar(withdrawn)))
    assert after.keys() == before.keys()
    for uid, event in after.items():
        assert str(event["STATUS"]) == "CANCELLED"
        assert event["SEQUENCE"] > before[uid]["SEQUENCE"]
        assert event.decoded("DTSTART") == before[uid].decoded("DTSTART")
        assert not event.walk("VALARM")
    # Subscribers see the cancellation too, while the deadline has not passed.
    listing = dataclasses.replace(listing, jobs=tuple(withdrawn if j.id == LEDER else j for j in listing.jobs))
    subscribed = events(parse(all_calendar(listing)))
    assert str(subscribed[f"{LEDER}.frist@jobsite.dagtilbud"]["STATUS"]) == "CANCELLED"
    assert str(subscribed[f"{RESSOURCE}.frist@jobsite.dagtilbud"]["STATUS"]) == "CONFIRMED"
