"""Warnings when a posting's text contradicts its own fields.

The easiest way to write a posting is to copy an old one and change the
fields; the text then still says "Ansøgningsfrist: den 10. januar 2026" or
"fuldtid" beside a new deadline and 32 hours. This module reads the texts as
written in the file (so a warning points at the exact line and column) and
compares the dates, weekly hours and organisation names they mention with the
posting's fields. These are warnings: the text may be right on purpose
(`check` shows them, `check --strict` fails on them, the build ignores them).
"""
from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from babel.dates import get_month_names

from .model import UNLIMITED_HOURS, Posting
from .problems import Problem, people
from .render.danish import LOCALE, is_full_time
from .yamlsource import Source, dotted

# The texts a visitor reads as the posting's facts (not contacts' names or link addresses).
TEXT_FIELDS = ("title", "summary", "intro", "terms", "sections", "apply", "links")
TEXT_LEAVES = ("heading", "text")


def _month_pattern() -> tuple[re.Pattern, dict[str, int]]:
    """Danish month names and their abbreviations (Babel's, with or without the dot)."""
    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=LOCALE).items():
            months[name.rstrip(".").lower()] = number
    months["sept"] = 9
    alternatives = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    return re.compile(alternatives), months


_MONTHS_RE, MONTHS = _month_pattern()
FULL_MONTHS = {name.lower() for name in get_month_names("wide", locale=LOCALE).values()}
_B, _E = r"(?<![\wæøåÆØÅ.,/-])", r"(?![\wæøåÆØÅ]|[.,/-]\d)"  # not inside a longer word or number
DATE_PATTERNS = [
    # 10. januar 2026, den 15. januar, 1. marts, 3. feb. 2026
    re.compile(_B + r"(?P<d>\d{1,2})\.\s*(?P<m>" + _MONTHS_RE.pattern + r")\.?(?:\s+(?P<y>\d{4}))?" + _E,
               re.IGNORECASE),
    # 15.01.2026, 15.1.26, 15-01-2026, 15/1-2026, 15/1 2026, 15/1
    re.compile(_B + r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})" + _E),
    re.compile(_B + r"(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})" + _E),
    re.compile(_B + r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:(?:-|\s|\s?-\s?)(?P<y>\d{4}|\d{2}))?" + _E),
    # 2026-01-10, as the fields are written
    re.compile(_B + r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _E),
]
NOT_DATES = {"24/7"}  # "døgnet rundt"
DAY_WORD = re.compile(r"(?:\b(?:den|d\.|pr\.|senest|fra|til|inden|[a-zæøå]+dag)\s*)$", re.IGNORECASE)
DAY_WORD_BEFORE = 40  # characters before a date in which DAY_WORD is looked for (a word and its spaces)

WEEKLY = re.compile(r"\s*(?:om|pr\.?|per|i)\s+ugen?\b|\s*/\s*uge\b|\s*ugentlig", re.IGNORECASE)
NOT_WEEKLY = re.compile(r"\s*(?:i|om|pr\.?|per)\s+(?:døgnet|dagen|dag|måneden|måned|året)\b|\s*dagligt",
                        re.IGNORECASE)
HOURS = re.compile(_B + r"(?P<n>\d{1,2}(?:,\d{1,2})?)(?:\s*-\s*|\s+)timer?s?\b", re.IGNORECASE)
# (?=[fd]) first: the regex engine then skips to where a match can start, instead of trying the
# lookbehind at every character.
FULL_PART = re.compile(r"(?=[fd])(?<![\wæøåÆØÅ])(?P<kind>fuld|del)(?:\s|-)?tid", re.IGNORECASE)
BOTH = re.compile(r"(?=[fd])(?<![\wæøåÆØÅ])(?:fuld|del)(?:\s?-?tid)?-?\s*(?:eller|og|/)\s*(?:fuld|del)(?:\s|-)?tid", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
FULL_TIME_HOURS = 37  # is_full_time: 37 hours a week or more, or no upper limit

# Words before a date that say which field it is (nearest wins); keys are field names below.
CONTEXT = {
    "deadline": ("frist", "senest", "i hænde"),
    "interviews": ("samtale", "interview"),
    "start": ("tiltræd", "ansættelsesdato", "start", "pr.", "besat", "besættes"),
    "employment_end": ("til og med", "ophør", "slutdato", "udløber"),
    "published": ("offentliggjort", "opslået"),
}
_SENTENCE_START = re.compile(r"\n\s*\n|\n\s*[-*+]\s|[!?]\s|\.\s+(?=[A-ZÆØÅ])")


_LETTER = r"[\wæøåÆØÅ]"


@dataclass(frozen=True)
class Names:
    """The organisations' names, found in a text by their first words (few, whatever the number of
    units) and then the whole names that begin with that word; built once per load."""

    first: re.Pattern | None  # any name's first word, as a whole word
    rest: dict[str, re.Pattern]  # first word -> the names that begin with it, longest first
    ids: dict[str, set[str]]  # name as written in data/organisations.yml -> the ids that carry it
    key: tuple = ()
    own: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, units: dict) -> Names:
        ids: dict[str, set[str]] = {}
        for uid, unit in units.items():
            if name := " ".join(unit.org.name.split()):
                ids.setdefault(name, set()).add(uid)
        by_first: dict[str, list[str]] = {}
        for name in ids:
            by_first.setdefault(name.split()[0], []).append(name)
        rest = {word: re.compile("(?:" + "|".join(r"\s+".join(map(re.escape, n.split()))
                                                 for n in sorted(names, key=len, reverse=True))
                                 + rf")s?(?!{_LETTER})") for word, names in by_first.items()}
        words = "|".join(map(re.escape, sorted(by_first, key=len, reverse=True)))
        # The lookahead for the names' first characters lets the regex engine skip to where a name can start.
        initials = "".join(sorted({re.escape(word[0]) for word in by_first}))
        first = re.compile(rf"(?=[{initials}])(?<!{_LETTER})(?:{words})(?=s?(?!{_LETTER})|\s)") if by_first else None
        key = tuple(sorted((n, tuple(sorted(i))) for n, i in ids.items()))
        return cls(first, rest, ids, key)

    def find(self, raw: str):
        """(offset, name) for each organisation's name written in `raw` (also with a genitive s)."""
        if self.first is None:
            return
        for m in self.first.finditer(raw):
            if whole := self.rest[m[0]].match(raw, m.start()):
                name = " ".join(whole[0].split())
                yield m.start(), name if name in self.ids else name[:-1]

    def own_names(self, workplace: str, units: dict) -> frozenset[str]:
        """The names of the workplace, the units above it (district, kommune) and the units inside it."""
        if workplace not in self.own:
            unit = units[workplace]
            inside = {u.org.name for u in units.values() if any(o.id == workplace for o in u.chain)}
            self.own[workplace] = frozenset(" ".join(n.split()) for n in {o.name for o in unit.chain} | inside)
        return self.own[workplace]


@dataclass(frozen=True)
class _Text:
    path: tuple
    start: int  # index in the file's text
    raw: str  # the scalar as written, with its indentation and quotes


def _texts(source: Source) -> list[_Text]:
    out = []
    for path, (start, end) in source.spans.items():
        if not path or path[0] not in TEXT_FIELDS:
            continue
        if len(path) > 1 and path[-1] not in TEXT_LEAVES:
            continue
        out.append(_Text(path, start, source.text[start:end]))
    return sorted(out, key=lambda t: t.start)


def text_warnings(posting: Posting, source: Source, units: dict, names: Names | None = None) -> list[Problem]:
    """Every date, weekly hours and organisation name in the posting's texts that its fields contradict."""
    if not source.text or not source.spans:
        return []
    line_starts = [0] + [m.end() for m in re.finditer("\n", source.text)]

    def warn(text: _Text, offset: int, message: str) -> Problem:
        index = text.start + offset
        line = bisect_right(line_starts, index)
        return Problem(source.file, line, index - line_starts[line - 1] + 1, dotted(text.path),
                       message, "warning", label=people(text.path))

    found: list[Problem] = []
    dates = _posting_dates(posting)
    if names is None:
        names = Names.of(units)
    own = names.own_names(posting.workplace, units) if posting.workplace in units else None
    for text in _texts(source):
        for offset, message in _date_mentions(text.raw, dates, posting.published):
            found.append(warn(text, offset, message))
        for offset, message in _hour_mentions(text.raw, posting):
            found.append(warn(text, offset, message))
        if own is not None:
            for offset, name in names.find(text.raw):
                if name in own:
                    continue
                chain = " · ".join(o.name for o in reversed(units[posting.workplace].chain))
                found.append(warn(text, offset, f"Teksten nævner {name}, men arbejdsstedet (workplace) er "
                                  f"{posting.workplace} ({chain}): ret teksten eller feltet"))
    return found


@dataclass(frozen=True)
class _Date:
    field: str  # key in CONTEXT
    shown: str  # what HR calls it, and the field it is written in: "ansøgningsfristen (deadline)"
    day: date
    label: str = ""  # an interview's label, to tell rounds apart


def _posting_dates(p: Posting) -> list[_Date]:
    dates = [_Date("published", "dagen opslaget vises fra (published)", p.published),
             _Date("deadline", "ansøgningsfristen (deadline)", p.deadline)]
    if p.start.date:
        dates.append(_Date("start", "første arbejdsdag (start: date)", p.start.date))
    if p.employment_end:
        dates.append(_Date("employment_end", "sidste ansættelsesdag (employment_end)", p.employment_end))
    for i, interview in enumerate(p.interviews):
        label = interview.label or ""
        dates.append(_Date("interviews", f"samtale nr. {i + 1}" + (f" «{label}»" if label else "") + " (interviews)",
                           interview.date, label.casefold()))
    if p.withdrawn:
        dates.append(_Date("withdrawn", "dagen stillingen blev trukket tilbage (withdrawn: date)", p.withdrawn.date))
    return dates


@lru_cache(maxsize=1)  # the date and the hours patterns ask for the same text in a row
def _number_starts(raw: str) -> list[int]:
    """Where each number in a text starts: every date and hours pattern starts there, so they are
    tried only at these places instead of at every character (the texts are long, numbers few)."""
    return [m.start() for m in _NUMBER.finditer(raw)]


def _matches(pattern: re.Pattern, raw: str, starts: list[int]):
    for start in starts:
        if m := pattern.match(raw, start):
            yield m


def _mentioned_dates(raw: str, published: date):
    """(offset, as written, day, year given) for each date written in a text, in the Danish forms."""
    taken = bytearray(len(raw))  # 1 where an earlier pattern found a date (a mark per character: linear)
    starts = _number_starts(raw)
    for number, pattern in enumerate(DATE_PATTERNS):
        for m in _matches(pattern, raw, starts):
            if 1 in taken[m.start():m.end()]:
                continue
            written = " ".join(m[0].split())
            if number == 0 and written.endswith(".") and m["m"].lower() in FULL_MONTHS:
                written = written[:-1]  # the sentence's full stop after "15. januar"
            if written in NOT_DATES or (number == 3 and not m["y"] and not DAY_WORD.search(
                    raw[max(0, m.start() - DAY_WORD_BEFORE):m.start()])):
                continue  # "1/2 stilling", "3/4 tid": a fraction unless a word before says it is a day
            month = MONTHS[m["m"].lower().rstrip(".")] if number == 0 else int(m["m"])
            year = int(m["y"]) if m["y"] else None
            if year is not None and year < 100:
                year += 2000
            try:
                day = date(year or published.year, month, int(m["d"]))
            except ValueError:
                continue  # "0-6", "31/2": not a date
            if year is None:  # the nearest such day to the posting's publication
                day = min((day.replace(year=y) for y in (published.year - 1, published.year, published.year + 1)
                           if _valid(y, month, day.day)), key=lambda d: abs((d - published).days))
            taken[m.start():m.end()] = b"\1" * (m.end() - m.start())
            yield m.start(), written, day, year is not None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
        return True
    except ValueError:
        return False


def _context(raw: str, offset: int) -> str:
    """The sentence before a mention (lower case), which says what the date is."""
    before = raw[max(0, offset - 160):offset]
    starts = [m.end() for m in _SENTENCE_START.finditer(before)]
    return before[starts[-1] if starts else 0:].casefold()


def _date_mentions(raw: str, dates: list[_Date], published: date):
    for offset, written, day, has_year in _mentioned_dates(raw, published):
        if any(d.day == day if has_year else (d.day.month, d.day.day) == (day.month, day.day) for d in dates):
            continue
        context = _context(raw, offset)
        nearest = max(((context.rfind(word), name) for name, words in CONTEXT.items() for word in words),
                      default=(-1, ""))
        meant = [d for d in dates if d.field == nearest[1]] if nearest[0] >= 0 else []
        if len(meant) > 1:  # several interviews: the one whose label stands nearest before the date
            labelled = [(context.rfind(d.label), d) for d in meant if d.label and d.label in context]
            meant = [max(labelled, key=lambda x: x[0])[1]] if labelled else meant
        if len(meant) == 1:
            d = meant[0]
            yield offset, f"Teksten nævner {written}, men {d.shown} er {d.day.isoformat()}: ret teksten eller feltet"
        elif meant:
            shown = " og ".join(d.day.isoformat() for d in meant)
            yield offset, (f"Teksten nævner {written}, men samtalerne (interviews) er {shown}: "
                           "ret teksten eller feltet")
        else:
            listed = ", ".join(f"{d.shown} {d.day.isoformat()}" for d in dates)
            yield offset, (f"Teksten nævner {written}, som ikke er en af opslagets datoer ({listed}): "
                           "ret teksten eller datofelterne")


def _hours_shown(p: Posting) -> str:
    return UNLIMITED_HOURS if p.hours == UNLIMITED_HOURS else f"{p.hours:g}".replace(".", ",")


def _hour_mentions(raw: str, p: Posting):
    for m in _matches(HOURS, raw, _number_starts(raw)):
        n = float(m["n"].replace(",", "."))
        after = raw[m.end():m.end() + 20]
        if NOT_WEEKLY.match(after) or not 8 <= n <= 60 or (n < 20 and not WEEKLY.match(after)):
            continue  # "24 timer i døgnet", "3 timer": not the weekly hours
        agrees = n == FULL_TIME_HOURS if p.hours == UNLIMITED_HOURS else n == p.hours
        if not agrees:
            written = " ".join(m[0].split())
            yield m.start(), f"Teksten nævner {written}, men de ugentlige timer (hours) er {_hours_shown(p)}: ret teksten eller feltet"
    if "tid" not in raw.lower():
        return  # no "fuldtid" or "deltid"
    both = [(m.start(), m.end()) for m in BOTH.finditer(raw)]  # "fuld- eller deltid": both are offered
    both_starts = [a for a, _ in both]  # in order and apart (finditer): the one before a mention is found by bisection
    for m in FULL_PART.finditer(raw):
        if (i := bisect_right(both_starts, m.start()) - 1) >= 0 and m.start() < both[i][1]:
            continue
        full = m["kind"].lower() == "fuld"
        if full != is_full_time(p):
            what = "deltid" if full else "fuldtid"
            yield m.start(), (f"Teksten nævner {m[0]}, men de ugentlige timer (hours) er {_hours_shown(p)} ({what}; fuldtid er "
                              f"{FULL_TIME_HOURS} timer om ugen eller mere): ret teksten eller feltet")
