"""The deadline rule: a posting is open to the end of its deadline day in
Copenhagen, whatever the season; a time on the deadline closes it then."""
from datetime import date, datetime, time, timedelta, timezone

import pytest

from generator import clock
from generator.listing import status_of
from generator.model import Posting

BASE = {
    "title": "Pædagog til Stjernehuset", "workplace": "stjernehuset", "hours": 37, "employment": "fast",
    "start": {"asap": True}, "published": "2026-01-01", "role": "pædagog", "age_groups": ["0-3"],
    "intro": "Tekst.", "apply": {"url": "https://ballerup.dk/job"},
}


def posting(deadline: str, deadline_time: str | None = None) -> Posting:
    return Posting.model_validate({**BASE, "deadline": deadline, "deadline_time": deadline_time})


def cph(*args) -> datetime:
    return datetime(*args, tzinfo=clock.TZ)


def test_open_until_the_last_second_of_the_deadline_day():
    p = posting("2026-01-10")
    assert status_of(p, cph(2026, 1, 10, 23, 59, 59)) == "open"
    assert status_of(p, cph(2026, 1, 11, 0, 0, 0)) == "closed"


def test_deadline_is_copenhagen_time_not_utc():
    p = posting("2026-01-10")
    # 22:30 UTC on the 10th is 23:30 in Copenhagen (winter, +01:00): still open
    assert status_of(p, datetime(2026, 1, 10, 22, 30, tzinfo=timezone.utc)) == "open"
    # 23:30 UTC on the 10th is 00:30 on the 11th in Copenhagen: closed
    assert status_of(p, datetime(2026, 1, 10, 23, 30, tzinfo=timezone.utc)) == "closed"


@pytest.mark.parametrize("day, offset", [
    ("2026-03-29", timedelta(hours=2)),   # summer time starts that night: ends in +02:00
    ("2026-10-25", timedelta(hours=1)),   # summer time ends that night: ends in +01:00
    ("2026-03-28", timedelta(hours=1)),
    ("2026-10-24", timedelta(hours=2)),
])
def test_end_of_day_across_daylight_saving_changes(day, offset):
    closes = clock.at(date.fromisoformat(day))
    assert closes.utcoffset() == offset
    assert closes.isoformat() == f"{day}T23:59:59+0{offset.seconds // 3600}:00"
    p = posting(day)
    assert status_of(p, closes) == "open"
    assert status_of(p, closes + timedelta(seconds=1)) == "closed"


def test_a_time_on_the_deadline_closes_it_then():
    p = posting("2026-01-10", "12:00")
    assert status_of(p, cph(2026, 1, 10, 12, 0)) == "open"
    assert status_of(p, cph(2026, 1, 10, 12, 0, 1)) == "closed"


def test_not_yet_published_is_scheduled():
    p = posting("2026-02-01")
    assert status_of(p, cph(2025, 12, 31, 23, 0)) == "scheduled"
    assert status_of(p, cph(2026, 1, 1, 0, 0)) == "open"


def test_jobsite_today_sets_the_clock(monkeypatch):
    monkeypatch.setenv("JOBSITE_TODAY", "2026-01-05")
    assert clock.now() == cph(2026, 1, 5, 0, 0)
    assert clock.today() == date(2026, 1, 5)


@pytest.mark.parametrize("value", ["5/1-2026", "2026-02-30", "i morgen"])
def test_a_bad_jobsite_today_is_a_clear_error(monkeypatch, value):
    monkeypatch.setenv("JOBSITE_TODAY", value)
    with pytest.raises(clock.ClockError, match="JOBSITE_TODAY"):
        clock.now()


def test_without_jobsite_today_the_clock_is_used(monkeypatch):
    monkeypatch.delenv("JOBSITE_TODAY", raising=False)
    before = datetime.now(clock.TZ)
    assert before - timedelta(seconds=5) <= clock.now() <= datetime.now(clock.TZ)
    assert clock.now().tzinfo == clock.TZ
    assert time(0) <= clock.now().time()
