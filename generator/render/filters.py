"""The filters above the job list: which choices an applicant gets.

Each filter is a <select> whose name is the key in the page's query string
(?kommune=ballerup&stilling=paedagog) and whose values match a data-* attribute
of the job cards; the page script (content/assets/jobsite.js) does the
matching. Every value the model or data/organisations.yml defines is offered,
with its count of open postings (0 included), so a shared link to a value with
no open posting still names that value, and a visitor sees where jobs are.

Kommune, district, role and age group are the facets of generator/facets.py:
an option's value is the facet value's key, its count is facets.counts(),
and it carries the addresses of that value's feeds, so the list, the count
and the feed a visitor follows always agree. A role or age choice includes
more than its own value (model.ROLE_INCLUDES, AGE_INCLUDES); the hints under
those filters say what.

The form is a plain GET form with a submit button ("Vis stillinger"): with
the page script it filters in place and keeps the choice in the address;
without it the same address is loaded and the page says that the list is
then complete, and where each choice can be followed (its feed, which a
browser shows as a list).
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from ..site import Content
from ..facets import FacetValue, counts, facet_values
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
# What a choice includes besides its own value (model.ROLE_INCLUDES, AGE_INCLUDES; a test holds them together).
ROLE_HINT = "Pædagog viser også stillinger som ressourcepædagog."
AGE_HINT = ("En stilling for 0–6 år står også under 0–3 år og 3–6 år, og 0–6 år viser alle aldersgrupper, "
            "som i gruppernes nyhedsfeeds.")
HINTS = {"role": ROLE_HINT, "age_group": AGE_HINT}

# What the page script says about the filters beyond danish.PAGE_TEXT (written into the form as
# data-text): the wider choices offered when nothing matches, the chosen values in the summary bar,
# and what the "få besked" links cover when no single feed has exactly the chosen postings.
SCRIPT_TEXT = {
    "wider_intro": "Prøv et bredere valg:",
    "wider_choice": "Vis {n} {jobs} uden »{dropped}«",
    "chosen": "Valgt:",
    "remove": "Fjern valget",  # before the value, for screen readers: "Fjern valget Ballerup Kommune"
    "follow_several": ("Der er ikke ét feed for netop dit valg: feedet og kalenderen ovenfor har alle stillinger "
                       "for {label}. Du kan også følge hvert af de andre valg for sig:"),
    "follow_partial": "Feedet og kalenderen har alle stillinger for {label}, også dem, der ikke passer til {others}.",
    "follow_general": "Feedet og kalenderen har alle ledige stillinger: der er ikke et feed for {others}.",
}
# What a visitor without the page script reads in the form.
NO_SCRIPT = ("Uden JavaScript kan listen ikke filtreres: alle ledige stillinger står herunder, og tallet ved "
             "hvert valg er det antal, der passer. Under «Få besked om nye stillinger» har hver kommune, "
             "hvert distrikt, hver stillingstype og hver aldersgruppe sin egen liste.")

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


class Filters(list):
    """The filters in the order shown, with the texts the form carries for the page script and
    for a visitor without it (so the job list's template gets them with the filters)."""

    script_text = SCRIPT_TEXT
    no_script = NO_SCRIPT


def _relative(path: str) -> str:
    return posixpath.relpath(path, JOB_LIST)


def _facet_option(fv: FacetValue, count: int, content: Content) -> Option:
    group = content.units[fv.key].kommune.name if fv.facet == "district" else ""
    return Option(fv.key, fv.label, count, group, _relative(fv.atom_path), _relative(fv.ics_path))


def hours_key(job: Job) -> str:
    return "fuldtid" if danish.is_full_time(job.posting) else "deltid"


def filters(jobs: tuple[Job, ...], content: Content) -> Filters:
    """The filters for the open postings `jobs`, with every value `content` and the model define."""
    values = facet_values(content)
    result = Filters()
    for facet, name, label, attr in FACET_FILTERS:
        counted = counts(jobs, facet)
        options = [_facet_option(fv, counted[fv.key], content) for fv in values if fv.facet == facet]
        result.append(Filter(name, label, attr, options, facet, HINTS.get(facet, "")))
    hours = [Option(v, text, sum(hours_key(j) == v for j in jobs)) for v, text in HOURS]
    employment = [Option(slug(v), text, sum(j.posting.employment == v for j in jobs)) for v, text in EMPLOYMENT.items()]
    result.append(Filter("tid", "Arbejdstid", "hours", hours))
    result.append(Filter("ansaettelse", "Ansættelse", "employment", employment))
    return result
