"""How long a closed posting stays on the site, and how much of it: the retention rule of
data/organisations.yml (site-wide, or a kommune's own) applied to one posting on one day.

A posting closes on its deadline, or on the day it was filled or cancelled. Its page stays whole,
contacts and all, until its last interview or `full_days` after it closed, whichever is later
(applicants re-read it before an interview). Then its contacts and free text leave the site: a
short page says what the job was and that it is no longer posted, `noindex`, until `short_days`
after it closed. Then the page is gone and its address gives the site's 404. This is decided
here and nowhere else; listing.py asks it for each posting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Literal

from .model import Organisation, Posting, Retention

DEFAULT = Retention()  # 30 and 90 days: see the field descriptions and README's "Lukkede opslag"

Stage = Literal["whole", "short", "gone"]


@dataclass(frozen=True)
class Limits:
    """The days that matter for a closed posting."""

    closed: date  # the day it closed
    whole_until: date  # the last day its page is whole
    short_until: date  # the last day its short page is there; gone from the next day

    def stage(self, today: date) -> Stage:
        if today <= self.whole_until:
            return "whole"
        return "short" if today <= self.short_until else "gone"


def rule_of(kommune: Organisation) -> Retention:
    """The rule for a kommune's postings (read_data.py gives a kommune without its own the site's)."""
    return kommune.retention or DEFAULT


def limits(posting: Posting, rule: Retention) -> Limits:
    """When the posting's page stops being whole, and when it is gone."""
    closed = min(posting.deadline, posting.withdrawn.date) if posting.withdrawn else posting.deadline
    short_until = _after(closed, rule.short_days)
    last_interview = max((i.date for i in posting.interviews), default=closed)
    whole_until = min(max(_after(closed, rule.full_days), last_interview), short_until)
    return Limits(closed, whole_until, short_until)


def _after(day: date, days: int) -> date:
    """`days` after `day`, or the last day there is (a deadline HR wrote as 9999-12-31)."""
    return day + timedelta(days=days) if day <= date.max - timedelta(days=days) else date.max


def longest(kommuner: Iterable[Organisation]) -> int:
    """The most days any kommune's closed postings stay: a posting closed longer ago than this is gone
    whatever its kommune."""
    return max((rule_of(k).short_days for k in kommuner), default=DEFAULT.short_days)


# The one top-level `deadline:` line of a posting file, with a plain date: all surely_gone() reads.
_DEADLINE = re.compile(rb"^deadline[ \t]*:[ \t]*([\"']?)(\d{4}-\d{2}-\d{2})\1[ \t]*(?:#[^\r\n]*)?\r?$", re.M)
_ANY_DEADLINE = re.compile(rb"^[ \t]*[\"']?deadline[\"']?[ \t]*:", re.M)  # any line that may set a deadline


def surely_gone(text: bytes, today: date, days: int) -> bool:
    """Whether a posting file's page is surely gone on `today` (closed more than `days` ago), seen from
    its deadline line alone, without reading the YAML: a repository keeps years of postings, and
    the build and `check` need not read them. Only a plain date on the file's one deadline line
    counts; a file written any other way is read in full, and the listing decides (a posting
    withdrawn before its deadline may be gone earlier, never later)."""
    deadline = plain_deadline(text)
    return deadline is not None and deadline < today - timedelta(days=days)


def plain_deadline(text: bytes) -> date | None:
    """The date on a posting file's one deadline line, when it is written as a plain date; else None."""
    if len(_ANY_DEADLINE.findall(text)) != 1:
        return None
    found = _DEADLINE.search(text)
    try:
        return date.fromisoformat(found[2].decode()) if found else None
    except ValueError:
        return None
