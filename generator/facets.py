"""The facets an applicant follows and filters by: kommune, district, role and
age group, with every value the model or data/organisations.yml defines.

A choice of role or age group includes more than its own value, as an
applicant means it (generator/model.py's ROLE_INCLUDES and AGE_INCLUDES):
"Pædagog" includes the ressourcepædagog posts, "3–6 år" the 0–6 posts.
`listed_under` and `keys_of` apply that, and everything that selects postings
by a facet value (the list's counts and cards, the feeds, the calendars and
jobs.json) goes through them.

One place decides a facet's values, their labels, which postings carry them
and the stable web address of each value's feeds, so the feeds, jobs.json and
the job list's "få besked" links can never disagree.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Literal

from .site import Content
from .listing import Job
from .model import AGE_GROUPS, AGE_INCLUDES, ROLE_INCLUDES, ROLE_TYPES
from .slugs import slug
from .kinds import FACET_FEEDS

FacetName = Literal["kommune", "district", "role", "age_group"]
FACETS: tuple[FacetName, ...] = ("kommune", "district", "role", "age_group")
DISTRICT_KINDS = ("distrikt", "dagtilbud")


@dataclass(frozen=True)
class FacetValue:
    facet: FacetName
    value: str  # the string the postings in jobs.json carry for this facet
    label: str  # what the visitor reads
    key: str  # the value as a web-address part: ballerup, paedagog, 0-3
    kommune: str | None = None  # a district's kommune (the name as in jobs.json): names repeat across kommuner

    @property
    def title(self) -> str:
        """The name of this value's feed and calendar, e.g. 'Ledige stillinger: Ballerup Kommune'."""
        return f"Ledige stillinger: {self.label}"

    @property
    def atom_path(self) -> str:
        """Path in site/ of this value's Atom feed, e.g. job/feeds/kommune/ballerup.xml."""
        return f"{FACET_FEEDS}/{self.facet}/{self.key}.xml"

    @property
    def ics_path(self) -> str:
        """Path in site/ of this value's calendar, e.g. job/feeds/kommune/ballerup.ics."""
        return f"{FACET_FEEDS}/{self.facet}/{self.key}.ics"


def facet_values(content: Content) -> list[FacetValue]:
    """Every value of every facet, whether or not an open posting has it, in the order shown."""
    kommuner = {u.kommune.id: u.kommune for u in content.units.values()}
    districts = [u for u in content.units.values() if u.org.kind in DISTRICT_KINDS]
    found = [FacetValue("kommune", k.name, k.name, k.id) for k in sorted(kommuner.values(), key=lambda o: o.name)]
    names = Counter(u.org.name for u in districts)
    # Two kommuner may each have a "Distrikt Nord": the label says whose, where the name alone would not.
    for u in sorted(districts, key=lambda u: (u.kommune.name, u.org.name)):
        label = u.org.name if names[u.org.name] == 1 else f"{u.org.name}, {u.kommune.name}"
        found.append(FacetValue("district", u.org.name, label, u.org.id, u.kommune.name))
    found += [FacetValue("role", role, label, slug(role)) for role, label in ROLE_TYPES.items()]
    found += [FacetValue("age_group", age, label, age) for age, label in AGE_GROUPS.items()]
    return found


def values_of(job: Job, facet: FacetName) -> tuple[str, ...]:
    """The strings a posting carries for a facet (as in jobs.json)."""
    if facet == "kommune":
        return (job.kommune.name,)
    if facet == "district":
        return (job.district.name,) if job.district else ()
    if facet == "role":
        return (job.posting.role,)
    return tuple(job.posting.age_groups)


def _including(order: Iterable[str], includes: dict[str, tuple[str, ...]],
               carried: Iterable[str]) -> tuple[str, ...]:
    """The values of `order` whose choice includes a posting that carries `carried`: each carried
    value itself, and every value that includes it, in the order shown."""
    carried = set(carried)
    return tuple(v for v in order if v in carried or carried.intersection(includes.get(v, ())))


def listed_under(job: Job, facet: FacetName) -> tuple[str, ...]:
    """The facet values (as in jobs.json) whose choice, count, feed and calendar include a posting:
    for a ressourcepædagog post ('ressourcepædagog',) and 'pædagog'; for a 0–6 post all three ages."""
    if facet == "role":
        return _including(ROLE_TYPES, ROLE_INCLUDES, (job.posting.role,))
    if facet == "age_group":
        return _including(AGE_GROUPS, AGE_INCLUDES, job.posting.age_groups)
    return values_of(job, facet)


def keys_of(job: Job, facet: FacetName) -> tuple[str, ...]:
    """The keys of the facet values whose choice includes a posting (ids, so two districts of one
    name stay apart): the cards' data-* attributes, which the page script matches."""
    if facet == "kommune":
        return (job.kommune.id,)
    if facet == "district":
        return (job.district.id,) if job.district else ()
    if facet == "role":
        return tuple(slug(v) for v in listed_under(job, facet))
    return listed_under(job, facet)


def matching(jobs: Iterable[Job], fv: FacetValue) -> list[Job]:
    """The postings among `jobs` that this facet value's choice includes, in the order given."""
    return [j for j in jobs if fv.key in keys_of(j, fv.facet)]


def counts(jobs: Iterable[Job], facet: FacetName) -> Counter[str]:
    """How many of `jobs` each value's choice includes, by key: len(matching(jobs, fv)) for every
    value of `facet` in one pass (the job list and the alerts page count 400 values nationally)."""
    return Counter(key for job in jobs for key in keys_of(job, facet))
