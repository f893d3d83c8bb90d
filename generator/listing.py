"""Derive what the visitor sees from the content and the clock: which postings
are open, closed or not yet published, when each closes, and in what order.

This is where "is this posting open?" is decided, and nowhere else.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Literal

from . import clock, retention
from .kinds import posting_url
from .site import Content, PostingFile, Unit
from .model import Organisation, Posting, Withdrawn

Status = Literal["open", "closed", "scheduled"]


@dataclass(frozen=True)
class Moment:
    """A date that matters to the applicant, with or without a time of day."""

    label: str
    day: date
    at: datetime  # aware; end of day when no time was given
    has_time: bool


@dataclass(frozen=True)
class Job:
    id: str
    file: str
    posting: Posting
    unit: Unit
    status: Status
    closes_at: datetime
    interviews: tuple[Moment, ...]
    days_left: int  # calendar days from today to the deadline; negative when passed
    withdrawn: Withdrawn | None = None  # set once the posting is filled or cancelled (from its date on)
    short: bool = False  # closed, and past the retention rule's first limit: no contacts or free text shown

    @property
    def kommune(self) -> Organisation:
        return self.unit.kommune

    @property
    def workplace(self) -> Organisation:
        return self.unit.org

    @cached_property  # asked for by every facet value's feed, calendar and count
    def district(self) -> Organisation | None:
        """The district or dagtilbud between the kommune and the workplace, if any."""
        middle = [o for o in self.unit.chain[1:] if o.kind in ("distrikt", "dagtilbud")]
        return middle[0] if middle else None

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def url(self) -> str:
        return posting_url(self.id)


@dataclass(frozen=True)
class Listing:
    now: datetime
    jobs: tuple[Job, ...]  # every published posting, open first by deadline, then closed newest first
    # The two parts of `jobs`, split once here (every page, feed and calendar asks for them).
    open: tuple[Job, ...] = field(init=False, repr=False, compare=False)
    closed: tuple[Job, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "open", tuple(j for j in self.jobs if j.status == "open"))
        object.__setattr__(self, "closed", tuple(j for j in self.jobs if j.status == "closed"))

    @property
    def today(self) -> date:
        return self.now.date()


def status_of(posting: Posting, moment: datetime) -> Status:
    return _status(posting, clock.at(posting.deadline, posting.deadline_time), withdrawal(posting, moment), moment)


def _status(posting: Posting, closes: datetime, withdrawn: Withdrawn | None, moment: datetime) -> Status:
    if posting.published > moment.astimezone(clock.TZ).date():
        return "scheduled"
    if withdrawn:
        return "closed"
    return "open" if moment <= closes else "closed"


def withdrawal(posting: Posting, moment: datetime) -> Withdrawn | None:
    """A filled or cancelled posting closes from the first moment of its withdrawn date."""
    w = posting.withdrawn
    return w if w and w.date <= moment.astimezone(clock.TZ).date() else None


def _job(entry: PostingFile, content: Content, moment: datetime) -> Job | None:
    """The posting as the visitor meets it at `moment`; None when the retention rule says it is gone."""
    p = entry.posting
    unit = content.units[p.workplace]
    closes = clock.at(p.deadline, p.deadline_time)
    withdrawn = withdrawal(p, moment)
    interviews = tuple(
        Moment(i.label or "Samtale", i.date, clock.at(i.date, i.time), i.time is not None) for i in p.interviews
    )
    status = _status(p, closes, withdrawn, moment)
    stage = (retention.limits(p, retention.rule_of(unit.kommune)).stage(moment.astimezone(clock.TZ).date())
             if status == "closed" else "whole")
    if stage == "gone":
        return None
    return Job(entry.id, entry.file, p, unit, status, closes, interviews, clock.days_until(closes, moment),
               withdrawn, short=stage == "short")


def gone_files(content: Content, moment: datetime | None = None) -> list[str]:
    """The posting files whose page the retention rule has taken off the site: those the loader did not
    read (surely gone from their deadline line) and those read whose posting is gone all the same."""
    moment = moment or clock.now()
    return sorted([*content.retired, *(e.file for e in content.postings if _job(e, content, moment) is None)])


def build_listing(content: Content, moment: datetime | None = None) -> Listing:
    """Every posting the site shows, in the order the visitor expects.

    Postings not yet published are left out entirely: they must not appear in
    pages, feeds, search or jobs.json before their day; nor do closed postings past
    the retention rule (retention.py) after it.
    """
    moment = moment or clock.now()
    jobs = [j for j in (_job(e, content, moment) for e in content.postings) if j and j.status != "scheduled"]
    open_ = sorted((j for j in jobs if j.is_open), key=lambda j: (j.closes_at, j.posting.title, j.id))
    closed = sorted((j for j in jobs if not j.is_open), key=lambda j: (j.closes_at, j.id), reverse=True)
    return Listing(moment, tuple(open_ + closed))
