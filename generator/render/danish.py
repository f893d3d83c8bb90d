"""How dates, hours and terms read in Danish.

Dates are formatted by Babel (da_DK), never with hand-written month names.
"""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date, format_time

from ..clock import TZ
from ..model import EMPLOYMENT, Posting

LOCALE = "da_DK"


@lru_cache(maxsize=4096)  # Babel is slow and the same few dates recur on every page
def long_date(day: date) -> str:
    """'lørdag den 10. januar 2026'."""
    return format_date(day, "EEEE 'den' d. MMMM y", locale=LOCALE)


@lru_cache(maxsize=4096)
def short_date(day: date) -> str:
    """'10. januar 2026'."""
    return format_date(day, "d. MMMM y", locale=LOCALE)


@lru_cache(maxsize=4096)
def clock_time(moment: datetime) -> str:
    """'kl. 12.00' (Danish uses a full stop between hours and minutes)."""
    return "kl. " + format_time(moment.astimezone(TZ), "HH.mm", locale=LOCALE)


def moment_text(day: date, at: datetime, has_time: bool) -> str:
    return long_date(day) + (f" {clock_time(at)}" if has_time else "")


def hours_text(p: Posting) -> str:
    if p.hours == "uden øvre arbejdstid":
        return "Fuldtid uden øvre arbejdstid"
    hours = f"{p.hours:g}".replace(".", ",")
    return f"{hours} timer om ugen" + (" (fuldtid)" if p.hours >= 37 else " (deltid)")


def is_full_time(p: Posting) -> bool:
    return p.hours == "uden øvre arbejdstid" or p.hours >= 37


def employment_text(p: Posting) -> str:
    text = EMPLOYMENT[p.employment]
    if p.employment_end:
        text += f" til og med {short_date(p.employment_end)}"
    return text


def start_text(p: Posting) -> str:
    if p.start.date and p.start.asap:
        return f"{short_date(p.start.date)} eller snarest muligt"
    if p.start.date:
        return short_date(p.start.date)
    return "Snarest muligt"


def positions_text(p: Posting) -> str:
    return "1 stilling" if p.positions == 1 else f"{p.positions} stillinger"


def days_left_text(days: int) -> str:
    """The badge on an open posting: how soon the deadline is."""
    if days <= 0:
        return "Frist i dag"
    if days == 1:
        return "Frist i morgen"
    return f"Frist om {days} dage"


def tel_href(phone: str) -> str:
    return "tel:+45" + phone.replace(" ", "")
