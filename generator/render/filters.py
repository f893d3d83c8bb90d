"""The filters above the job list: which choices an applicant gets.

Each filter is a <select> whose name is the key in the page's query string
(?kommune=ballerup&stilling=paedagog) and whose values match a data-* attribute
of the job cards; the page script (content/assets/jobsite.js) does the
matching. An option is offered only when an open posting matches it, so a
choice never leads to an empty list by itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..listing import Job
from ..model import AGE_GROUPS, EMPLOYMENT, ROLE_TYPES
from ..slugs import slug
from . import danish

# Age groups an applicant filters by. A posting for 0-6 years matches both,
# so the script compares age groups as overlapping ranges, not as equal words.
AGE_CHOICES = ("0-3", "3-6")


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    group: str = ""  # an <optgroup> label, e.g. the kommune of a district


@dataclass(frozen=True)
class Filter:
    name: str  # the query-string key and the <select> name
    label: str
    attr: str  # the card attribute it matches: data-<attr>
    options: list[Option] = field(default_factory=list)
    match: str = "word"  # "word": the card lists the value; "range": age ranges overlap
    hint: str = ""


def _overlaps(a: str, b: str) -> bool:
    lo_a, hi_a = (int(x) for x in a.split("-"))
    lo_b, hi_b = (int(x) for x in b.split("-"))
    return lo_a < hi_b and lo_b < hi_a


def _unique(options: list[Option]) -> list[Option]:
    seen: dict[str, Option] = {}
    for option in options:
        seen.setdefault(option.value, option)
    return list(seen.values())


def filters(jobs: tuple[Job, ...]) -> list[Filter]:
    kommuner = _unique(sorted((Option(j.kommune.id, j.kommune.name) for j in jobs), key=lambda o: o.label))
    districts = _unique(sorted((Option(j.district.id, j.district.name, j.kommune.name) for j in jobs if j.district),
                               key=lambda o: (o.group, o.label)))
    roles = _unique([Option(slug(r), label) for r, label in ROLE_TYPES.items()
                     if any(j.posting.role == r for j in jobs)])
    ages = [Option(a, AGE_GROUPS[a]) for a in AGE_CHOICES
            if any(_overlaps(a, g) for j in jobs for g in j.posting.age_groups)]
    hours = [Option(v, label) for v, label in (("fuldtid", "Fuldtid"), ("deltid", "Deltid"))
             if any(danish.is_full_time(j.posting) == (v == "fuldtid") for j in jobs)]
    employment = [Option(slug(v), label) for v, label in EMPLOYMENT.items()
                  if any(j.posting.employment == v for j in jobs)]
    return [
        Filter("kommune", "Kommune", "kommune", kommuner),
        Filter("distrikt", "Distrikt eller dagtilbud", "district", districts),
        Filter("stilling", "Stillingstype", "role", roles),
        Filter("alder", "Aldersgruppe", "age", ages, match="range",
               hint="0–6 år-stillinger vises under begge."),
        Filter("tid", "Arbejdstid", "hours", hours),
        Filter("ansaettelse", "Ansættelse", "employment", employment),
    ]
