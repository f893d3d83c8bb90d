"""Where "today" and "when does a deadline close" are decided.

Every date means Europe/Copenhagen. A deadline without a time is open until
the end of that day. "Today" is the clock's unless JOBSITE_TODAY=YYYY-MM-DD is
set, which makes tests and previews reproducible (the build then behaves as if
it ran at the first moment of that day).
"""
from __future__ import annotations

import os
import re
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Copenhagen")
END_OF_DAY = time(23, 59, 59)
ENV = "JOBSITE_TODAY"


class ClockError(ValueError):
    """JOBSITE_TODAY is set but is not a date."""


def now() -> datetime:
    """The moment the site is built for, aware, in Copenhagen time."""
    value = os.environ.get(ENV, "").strip()
    if value:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ClockError(f"{ENV}={value!r}: skriv datoen som ÅÅÅÅ-MM-DD, fx {ENV}=2026-01-05")
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise ClockError(f"{ENV}={value!r} er ikke en gyldig dato") from None
        return datetime.combine(day, time(0, 0), TZ)
    return datetime.now(TZ)


def today() -> date:
    return now().date()


def source_date_epoch() -> str | None:
    """SOURCE_DATE_EPOCH for a build pinned by JOBSITE_TODAY (midnight UTC of that day), else None.

    MkDocs dates the sitemap (and the gzip header of sitemap.xml.gz) by the
    wall clock unless SOURCE_DATE_EPOCH is set; with this, two builds for the
    same JOBSITE_TODAY are byte-identical whenever they run.
    """
    if not os.environ.get(ENV, "").strip():
        return None
    day = now().date()
    return str(int(datetime.combine(day, time(0, 0), timezone.utc).timestamp()))


def at(day: date, clock: time | None = None) -> datetime:
    """A date (and optional time) as an aware Copenhagen datetime.

    Without a time it means the last second of that day, which is what a
    deadline "den 10. januar" means to the applicant.
    """
    return datetime.combine(day, clock or END_OF_DAY, TZ)


def days_until(deadline: datetime, moment: datetime) -> int:
    """Whole calendar days from `moment` to the deadline's day (0 = today)."""
    return (deadline.astimezone(TZ).date() - moment.astimezone(TZ).date()).days
