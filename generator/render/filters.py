"""The filters above the job list: which choices an applicant gets.

Each filter is a <select> whose name is the key in the page's query string
(?kommune=ballerup&stilling=paedagog) and whose values match a data-* attribute
of the job cards; the page script (content/assets/jobsite.js) does the
matching. Every value the model or data/organisations.yml defines is offered,
with its count of open postings (0 included), so a shared link to a value with
no open posting still names that value, and a visitor sees where jobs are.

Kommune, district, role and age group are the facets of generator/facets.py:
an option's value is the facet value's key, its count is facets.matching(),
and it carries the addresses of that value's feeds, so the list, the count
and the feed a visitor follows always agree.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from ..site import Content
from ..facets import FacetValue, facet_values, matching
from ..listing import Job
from ..model import EMPLOYMENT
from ..slugs import slug
from . import danish
from ..kinds import JOB_SECTION

# The query-string key, label and card attribute of each facet's filter, in the order shown.
FACET_FILTERS = (
    ("kommune", "kommune", "Kommune", "kommune"),
    ("district", "distrikt", "Distrikt eller dagtilbud", "district"),
    ("role", "stilling", "Stillingstype", "role"),
    ("age_group", "alder", "Aldersgruppe", "age"),
)
HOURS = (("fuldtid", "Fuldtid"), ("deltid", "Deltid"))
AGE_HINT = "Viser stillinger slået op til netop den aldersgruppe: en stilling for 0–6 år står kun under 0–6 år, som i gruppens nyhedsfeed."

# The sort orders of the list: the query-string value ("" is the default) and its label.
SORT_KEY = "sortering"
SORTS = (("", "Korteste frist først"), ("nyeste", "Nyeste først"))

JOB_LIST = f"{JOB_SECTION}/"  # the job list's path in the site; the feed addresses are relative to it


@dataclass(frozen=True)
class Option:
    value: str
    label: str  # without the count
    count: int  # open postings with this value
    group: str = ""  # an <optgroup> label, e.g. the kommune of a district
    atom: str = ""  # this value's feeds, relative to the job list (facets only)
    ics: str = ""

    @property
    def text(self) -> str:
        """'Aarhus Kommune (1)': what the option shows."""
        return f"{self.label} ({self.count})"


@dataclass(frozen=True)
class Filter:
    name: str  # the query-string key and the <select> name
    label: str
    attr: str  # the card attribute it matches: data-<attr> lists the card's values
    options: list[Option] = field(default_factory=list)
    facet: str = ""  # the facet of generator/facets.py, when it has feeds
    hint: str = ""


def _relative(path: str) -> str:
    return posixpath.relpath(path, JOB_LIST)


def _facet_option(fv: FacetValue, jobs: tuple[Job, ...], content: Content) -> Option:
    group = content.units[fv.key].kommune.name if fv.facet == "district" else ""
    return Option(fv.key, fv.label, len(matching(jobs, fv)), group, _relative(fv.atom_path), _relative(fv.ics_path))


def hours_key(job: Job) -> str:
    return "fuldtid" if danish.is_full_time(job.posting) else "deltid"


def filters(jobs: tuple[Job, ...], content: Content) -> list[Filter]:
    """The filters for the open postings `jobs`, with every value `content` and the model define."""
    values = facet_values(content)
    result = []
    for facet, name, label, attr in FACET_FILTERS:
        options = [_facet_option(fv, jobs, content) for fv in values if fv.facet == facet]
        result.append(Filter(name, label, attr, options, facet, AGE_HINT if facet == "age_group" else ""))
    hours = [Option(v, text, sum(hours_key(j) == v for j in jobs)) for v, text in HOURS]
    employment = [Option(slug(v), text, sum(j.posting.employment == v for j in jobs)) for v, text in EMPLOYMENT.items()]
    result.append(Filter("tid", "Arbejdstid", "hours", hours))
    result.append(Filter("ansaettelse", "Ansættelse", "employment", employment))
    return result
