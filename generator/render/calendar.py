"""Calendars (iCalendar, RFC 5545): /job/<id>/<id>.ics for one posting,
/job/kalender.ics with the dates of every open posting, to subscribe to, and
one such calendar per facet value (job/feeds/kommune/ballerup.ics).

Every date that matters to an applicant becomes an event: the application
deadline and each interview round. A date without a time of day is an
all-day event (a deadline without a time is open until the end of that day,
which is what an all-day event on that day says); with a time it is an event
at that moment in Europe/Copenhagen. The calendar always carries the
VTIMEZONE of Europe/Copenhagen, so timed events mean the same in every app.
A timed event lasts INTERVIEW_LENGTH (an interview) or DEADLINE_LENGTH (a
deadline: a mark in the day, starting at the moment the application closes).
The reminder of a deadline fires the day before: at 09:00 for an all-day
deadline (not at the midnight the event starts), 24 hours before a timed one.
Interview rounds are TENTATIVE: only invited applicants are interviewed.

The output is reproducible: UIDs come from the posting id and the event, and
DTSTAMP from the posting's own dates, never from the clock, so two builds of
the same content are byte-identical and a subscriber's app updates events in
place instead of duplicating them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

from icalendar import Alarm, Calendar, Event, Timezone

from ..clock import TZ
from ..facets import FacetValue, matching
from ..listing import Job, Listing
from . import danish
from .pages import where
from .urls import site_address

# The right-hand side of every UID (and of the feed's tag: ids). Fixed, not the
# site URL, so a preview build and the production site name the same events.
UID_DOMAIN = "jobsite.dagtilbud"
PRODID = "-//jobsite//Ledige stillinger i dagtilbud//DA"
TZID = "Europe/Copenhagen"
ALL_NAME = "Ledige stillinger i dagtilbud"
INTERVIEW_LENGTH = timedelta(hours=1)
DEADLINE_LENGTH = timedelta(minutes=15)
# An all-day event starts at midnight: 15 hours before it is 09:00 the day before.
ALL_DAY_REMINDER = timedelta(hours=-15)
TIMED_REMINDER = timedelta(days=-1)
INVITED_ONLY = "Kun ansøgere, der bliver inviteret, kommer til samtale."


@dataclass(frozen=True)
class Occasion:
    """One event of a posting: its deadline or an interview round."""

    uid: str
    summary: str
    day: date
    at: datetime
    has_time: bool
    is_deadline: bool


def occasions(job: Job) -> list[Occasion]:
    """The deadline and every interview round of a posting, in that order.

    An interview's UID holds its position (samtale-1, samtale-2 ...), so the
    events stay the same across builds as long as HR keeps the order.
    """
    p = job.posting
    found = [Occasion(f"{job.id}.frist@{UID_DOMAIN}", f"Ansøgningsfrist: {p.title}", p.deadline,
                      job.closes_at, p.deadline_time is not None, True)]
    for n, i in enumerate(job.interviews, start=1):
        found.append(Occasion(f"{job.id}.samtale-{n}@{UID_DOMAIN}", f"{i.label}: {p.title}", i.day, i.at,
                              i.has_time, False))
    return found


def _utc(day: date) -> datetime:
    """Midnight of a Copenhagen day, in UTC (the form DTSTAMP takes)."""
    return datetime.combine(day, time(0, 0), TZ).astimezone(timezone.utc)


def _stamp(job: Job) -> datetime:
    """When this posting's events last changed: withdrawn, or else published."""
    withdrawn = job.withdrawn
    return _utc(withdrawn.date if withdrawn else job.posting.published)


def _description(job: Job, occasion: Occasion, url: str) -> str:
    p = job.posting
    lines = [INVITED_ONLY] if not occasion.is_deadline else []
    lines += [p.title, where(job),
             f"Ansøgningsfrist: {danish.moment_text(job.closes_at, p.deadline_time is not None)}"]
    lines += [f"{i.label}: {danish.moment_text(i.at, i.has_time)}" for i in job.interviews]
    if job.withdrawn:
        lines.insert(0, danish.WITHDRAWN_TEXT[job.withdrawn.reason]["status"] + ".")
    if url:
        lines.append(url)
    return "\n".join(lines)


def _event(job: Job, occasion: Occasion, url: str) -> Event:
    cancelled = job.withdrawn is not None
    if occasion.has_time:
        start: date | datetime = occasion.at.astimezone(TZ)
        end = start + (DEADLINE_LENGTH if occasion.is_deadline else INTERVIEW_LENGTH)
    else:
        start, end = occasion.day, occasion.day + timedelta(days=1)
    event = Event.new(
        uid=occasion.uid,
        summary=("Aflyst: " if cancelled else "") + occasion.summary,
        start=start,
        end=end,
        stamp=_stamp(job),
        sequence=1 if cancelled else 0,
        status="CANCELLED" if cancelled else "CONFIRMED" if occasion.is_deadline else "TENTATIVE",
        transparency="TRANSPARENT",
        location=where(job),
        description=_description(job, occasion, url),
        url=url or None,
    )
    if occasion.is_deadline and not cancelled:
        reminder = Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", f"Ansøgningsfristen er i morgen: {job.posting.title}")
        reminder.add("trigger", TIMED_REMINDER if occasion.has_time else ALL_DAY_REMINDER)
        event.add_component(reminder)
    return event


def _calendar(name: str, uid: str, events: bytes, years: list[int], refresh: bool, year: int = 2000) -> bytes:
    """A calendar around `events` (VEVENTs as iCalendar text, made by icalendar)."""
    cal = Calendar.new(prodid=PRODID, uid=uid, name=name, method="PUBLISH", calscale="GREGORIAN")
    if refresh:  # how often a subscribing app should fetch it again (RFC 7986, and Outlook's name)
        cal.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", "PT12H")
    cal.add("x-wr-timezone", TZID)
    years = years or [year]
    # The time zone and the events go where icalendar puts subcomponents, after the properties,
    # as it would write them.
    text = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert text.endswith(end), text[-40:]
    return text[:-len(end)] + _timezone(min(years), max(years)) + events + end


@lru_cache(maxsize=64)  # the same few years in every calendar the site serves
def _timezone(first_year: int, last_year: int) -> bytes:
    """The VTIMEZONE with the transitions of these years only (not 1970-2038), so the file stays small."""
    return Timezone.from_tzid(TZID, first_date=date(first_year, 1, 1), last_date=date(last_year + 1, 1, 1)).to_ical()


def _url(job: Job, site_url: str) -> str:
    return site_address(site_url, job.url) if site_url else ""


class Events:
    """Each posting's events as iCalendar text, made once and shared by every calendar that
    holds the posting: /job/kalender.ics and four or five facets' calendars. Writing the
    events is most of a calendar's cost, so each is written once, however many calendars hold it."""

    def __init__(self, site_url: str = "") -> None:
        self.site_url = site_url
        self._made: dict[str, tuple[bytes, list[int]]] = {}

    def of(self, job: Job) -> tuple[bytes, list[int]]:
        """The posting's events, and the years they fall in."""
        if job.id not in self._made:
            url = _url(job, self.site_url)
            events = [_event(job, o, url) for o in occasions(job)]
            self._made[job.id] = (b"".join(e.to_ical() for e in events), [e.start.year for e in events])
        return self._made[job.id]


def posting_calendar(job: Job, site_url: str = "", events: Events | None = None) -> bytes:
    """/job/<id>/<id>.ics (kinds.posting_calendar): the deadline and interviews of one posting."""
    text, years = (events or Events(site_url)).of(job)
    return _calendar(job.posting.title, f"{job.id}@{UID_DOMAIN}", text, years, refresh=False)


def subscribed(listing: Listing) -> list[Job]:
    """What /job/kalender.ics holds: every open posting, and every posting withdrawn
    before its deadline (as cancelled events, so a subscriber's app removes them)."""
    return [j for j in listing.jobs
            if j.is_open or (j.withdrawn is not None and j.closes_at >= listing.now)]


def all_calendar(listing: Listing, site_url: str = "", events: Events | None = None) -> bytes:
    """/job/kalender.ics: the dates of all open postings, for a calendar subscription."""
    return calendar_of(subscribed(listing), ALL_NAME, f"kalender@{UID_DOMAIN}", events or Events(site_url),
                       listing.today.year)


def facet_calendar(listing: Listing, fv: FacetValue, site_url: str = "", events: Events | None = None) -> bytes:
    """One facet value's calendar (job/feeds/kommune/ballerup.ics): what /job/kalender.ics
    holds of that value's postings. The events keep their UIDs, so an app that shows both
    calendars knows them for the same events."""
    return calendar_of(matching(subscribed(listing), fv), fv.title, f"kalender-{fv.facet}-{fv.key}@{UID_DOMAIN}",
                       events or Events(site_url), listing.today.year)


def calendar_of(jobs: list[Job], name: str, uid: str, events: Events, year: int = 2000) -> bytes:
    """A calendar to subscribe to with the deadline and interviews of each of `jobs`
    (`year`: the time zone's year when there are none)."""
    made = [events.of(job) for job in jobs]
    return _calendar(name, uid, b"".join(text for text, _ in made), [y for _, years in made for y in years],
                     refresh=True, year=year)
