"""How dates, hours and terms read in Danish.

Dates are formatted by Babel (da_DK), never with hand-written month names.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_time

from ..clock import TZ
from ..model import EMPLOYMENT, UNLIMITED_HOURS, Posting

LOCALE = Locale.parse("da_DK")  # parsed once: Babel parses a locale name again on every call

# The wording the page script (content/assets/jobsite.js) shares with the build: the
# deadline badges, and the count above the job list. This dict is the only copy; the
# pages hand it to the script as JSON (pages.py, _macros.j2), so the two always agree.
SOON_DAYS = 3  # a deadline this many calendar days away, or fewer, is marked as soon
NEW_DAYS = 7  # a posting published fewer than this many calendar days ago is marked "Ny" (today counts as day 0)
PAGE_TEXT: dict[str, str] = {
    "deadline_today": "Frist i dag",
    "deadline_tomorrow": "Frist i morgen",
    "deadline_days": "Frist om {n} dage",
    "deadline_passed": "Fristen er udløbet",
    "job_one": "ledig stilling",
    "job_many": "ledige stillinger",
    "count": "{n} {jobs}, {order}.",
    "count_shown": "Viser {shown} af {n} {jobs}, {order}.",
    "count_none_shown": "Ingen af de {n} {jobs} passer til dit valg ({chosen}). Vælg færre filtre, eller nulstil filtrene.",
    "count_empty": "Der er ingen ledige stillinger lige nu.",
    "order_deadline": "den med den korteste frist står først",
    "order_newest": "den nyeste står først",
    # A shared link that names a choice the page does not have (?kommune=findes-ikke).
    "unknown_choice": "Linket vælger {label} »{value}«, som ikke findes her. Det valg er sprunget over.",
    # The "Ny" mark on a posting published in the last NEW_DAYS days.
    "new": "Ny",
    # The follow links under the list, when one facet value is chosen.
    "follow_atom": "Nyhedsfeed for {label} (Atom)",
    "follow_ics": "Kalender for {label}",
    # Sharing a posting: the share sheet where the browser has one, else copying the link.
    "share": "Del stillingen",
    "copy_link": "Kopiér link",
    "copied": "Linket er kopieret.",
    "copy_failed": "Linket kunne ikke kopieres. Kopiér adressen fra browserens adresselinje.",
    # The notice the script puts on a posting whose deadline passed after the build.
    "expired_title": "Fristen er nu udløbet.",
    "expired_text": "Ansøgningsfristen var {deadline}, og der kan ikke længere søges.",
    "expired_link": "Se de ledige stillinger",
}

# What a filled or cancelled posting says (by Withdrawn.reason): the badge and the
# calendar's first line, and the notice on its page ("... den 5. januar 2026").
WITHDRAWN_TEXT: dict[str, dict[str, str]] = {
    "besat": {"status": "Stillingen er besat", "since": "Den blev besat den"},
    "annulleret": {"status": "Stillingen er annulleret", "since": "Opslaget blev trukket tilbage den"},
}


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


def moment_text(at: datetime, has_time: bool) -> str:
    """'lørdag den 10. januar 2026', with ' kl. 12.00' when a time was given."""
    return long_date(at.astimezone(TZ).date()) + (f" {clock_time(at)}" if has_time else "")


def is_full_time(p: Posting) -> bool:
    return p.hours == UNLIMITED_HOURS or p.hours >= 37


def hours_text(p: Posting) -> str:
    if p.hours == UNLIMITED_HOURS:
        return "Fuldtid uden øvre arbejdstid"
    hours = f"{p.hours:g}".replace(".", ",")
    return f"{hours} timer om ugen" + (" (fuldtid)" if is_full_time(p) else " (deltid)")


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


def days_text(days: int) -> str:
    """'30 dage', '1 dag'."""
    return f"{days} {'dag' if days == 1 else 'dage'}"


def days_left_text(days: int) -> str:
    """The badge on an open posting: how soon the deadline is."""
    if days <= 0:
        return PAGE_TEXT["deadline_today"]
    if days == 1:
        return PAGE_TEXT["deadline_tomorrow"]
    return PAGE_TEXT["deadline_days"].format(n=days)


def is_soon(days: int) -> bool:
    return days <= SOON_DAYS


def open_count_text(n: int) -> str:
    """'2 ledige stillinger, den med den korteste frist står først.' (the list's default order)"""
    jobs = PAGE_TEXT["job_one"] if n == 1 else PAGE_TEXT["job_many"]
    return PAGE_TEXT["count"].format(n=n, jobs=jobs, order=PAGE_TEXT["order_deadline"])


def is_new(published: date, today: date) -> bool:
    """Published in the last NEW_DAYS calendar days (the page script applies the same rule)."""
    return 0 <= (today - published).days < NEW_DAYS


# --- phone numbers ------------------------------------------------------------------------------------
# One way everywhere a visitor reads a phone number: Danish groups of two, '44 77 20 00', or
# '+45 44 77 20 00' for a number written with the country code, joined by non-breaking spaces so a
# number never breaks across lines (on a phone's narrow screen, in a PDF). The tel: link keeps the
# digits: 'tel:+4544772000'. The model stores a contact's number as '44 77 20 00' (fieldtypes._phone);
# mkdocs.yml's footer number and the numbers HR writes in a text are formatted here as they are shown.

NBSP = "\u00a0"
COUNTRY_CODE = "+45"
_PHONE_SEPARATORS = str.maketrans("", "", " -\u00a0\u202f\t")


def _phone_parts(phone: str) -> tuple[bool, str]:
    """(written with the country code, the digits without it): '+45 4477 2000' -> (True, '44772000')."""
    digits = str(phone).strip().translate(_PHONE_SEPARATORS)
    for code in (COUNTRY_CODE, "0045"):
        if digits.startswith(code) and len(digits) == len(code) + 8:
            return True, digits[len(code):]
    return False, digits


def phone_text(phone: str) -> str:
    """'4477 2000' -> '44 77 20 00', '+45 4477 2000' -> '+45 44 77 20 00', with non-breaking spaces.
    Anything but a Danish eight-digit number is shown as written, its spaces non-breaking."""
    with_code, digits = _phone_parts(phone)
    if len(digits) != 8 or not digits.isdigit():
        return NBSP.join(str(phone).split())
    grouped = NBSP.join(digits[i:i + 2] for i in range(0, 8, 2))
    return COUNTRY_CODE + NBSP + grouped if with_code else grouped


def tel_href(phone: str) -> str:
    """'44 77 20 00' -> 'tel:+4544772000' (the digits, with Denmark's country code)."""
    with_code, digits = _phone_parts(phone)
    return "tel:" + (COUNTRY_CODE + digits if len(digits) == 8 and digits.isdigit() else digits)


# A phone number HR wrote in a text: '4477 1847', '44 77 18 47', '+45 4477 1847', '+4544771847'.
# Eight digits without a space (a CVR number, 58271713) are left alone unless +45 stands before them.
# Each try is a bounded number of characters, so finding them is linear in the text.
PHONE_IN_TEXT = re.compile(
    r"(?<![\w+.,/-])(?:\+45[ \u00a0]?\d\d[ \u00a0]?\d\d[ \u00a0]?\d\d[ \u00a0]?\d\d"
    r"|\d\d[ \u00a0]?\d\d[ \u00a0]\d\d[ \u00a0]?\d\d)(?![\w]|[.,/-]\d)")
_YEARS = re.compile(r"(?:19|20)\d\d (?:19|20)\d\d")  # '2025 2026' is two years, not a number
_TAG = re.compile(r"(<[^<>]*>)")  # sanitised HTML: every '<' in its text is &lt;


def _phone_match(m: re.Match) -> str:
    return m[0] if _YEARS.fullmatch(m[0]) else phone_text(m[0])


def phones_in_text(text: str) -> str:
    """Every phone number in a plain text in the one form (phone_text)."""
    return PHONE_IN_TEXT.sub(_phone_match, text) if any(ch.isdigit() for ch in text) else text


def phones_in_html(html: str) -> str:
    """Every phone number in the text of sanitised HTML in the one form; tags and attributes untouched."""
    if not any(ch.isdigit() for ch in html):
        return html
    return "".join(part if part.startswith("<") else phones_in_text(part) for part in _TAG.split(html))
