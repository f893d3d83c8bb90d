"""What Jobnet needs of a posting, where the data has it, and what Jobnet would refuse.

Public employers must place their vacancies on Jobnet (STAR). What STAR's job-ad interface
(JobAdService: AddJob, UpdateJob, CloseJob, GetJob) and the vendors' guides to it are publicly
known to ask for: the physical workplace address with postcode; a contact person with work
phone and e-mail; the occupation as a STAR/ESCO occupation (DISCO-08); employment type; job
type; number of positions; weekly working time (full or part time, hours); working periods;
how to apply; a deadline no earlier than the day of submission, within a limited window.

`facts` gathers these from a posting and the data without extra typing: the occupation from the
posting's role through data/occupations.yml, the address from the workplace in
data/organisations.yml (the workplace's own: a kommune's town hall is not where the job is, and
Jobnet places the job on its map and in its distance search by this address), the working time
from `hours`. `findings` lists what is missing, each with a short Danish name (for the pull
request's summary) and a message at the posting's line (for check). Every message starts with
"Jobnet", which is how `check --jobnet` tells these warnings from the others.

No MkDocs and no rendering here: generator/render/jobnet.py makes the export and the sheet
from the same facts.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import clock
from .model import UNLIMITED_HOURS, Contact, Occupation, Organisation, Posting
from .problems import Problem
from .site import Unit
from .yamlsource import Source

PREFIX = "Jobnet"  # every message of this module starts so (check --jobnet makes exactly these errors)
# Jobnet shows an ad for a limited time. The public descriptions say so without a figure we could
# verify; six months from the day it is sent is the limit until STAR's interface description gives it.
MAX_WINDOW_DAYS = 183


@dataclass(frozen=True)
class Facts:
    """A posting as Jobnet asks for it: each value, or None where the data does not have it."""

    workplace: Organisation
    street: str | None
    postal_code: str | None
    city: str | None
    contact: Contact | None  # the first contact person: Jobnet takes one
    occupation: Occupation | None
    full_time: bool
    hours: float | None  # None: full time without an upper limit
    apply_url: str | None
    apply_email: str | None  # the contact's e-mail, where applications may also go


def facts(posting: Posting, unit: Unit, occupations: dict[str, Occupation]) -> Facts:
    address = unit.org.address
    contact = posting.contacts[0] if posting.contacts else None
    unlimited = posting.hours == UNLIMITED_HOURS
    return Facts(
        workplace=unit.org,
        street=address.street if address else None,
        postal_code=address.postal_code if address else None,
        city=address.city if address else None,
        contact=contact,
        occupation=occupations.get(posting.role),
        full_time=unlimited or posting.hours >= 37,  # as render/danish.is_full_time
        hours=None if unlimited else float(posting.hours),
        apply_url=posting.apply.url,
        apply_email=contact.email if contact else None,
    )


@dataclass(frozen=True)
class Finding:
    """One thing Jobnet would refuse: where in the posting, its short name, and what to do."""

    path: tuple
    short: str  # 'postnummer': for "Jobnet: mangler postnummer, kontaktpersonens e-mail"
    message: str


def applies(posting: Posting, today: date) -> bool:
    """Whether the posting is still to go to Jobnet: not filled or cancelled, its deadline not passed.
    A closed posting is taken off Jobnet (CloseJob), so nothing it lacks matters any more."""
    return posting.withdrawn is None and posting.deadline >= today


def findings(posting: Posting, unit: Unit, occupations: dict[str, Occupation], today: date) -> list[Finding]:
    """What Jobnet would refuse in the posting, in the order of Jobnet's fields."""
    f = facts(posting, unit, occupations)
    out: list[Finding] = []
    where = f"arbejdsstedet '{f.workplace.name}'"
    ask = "arbejdsstedet i organisationerne (spørg den, der passer sitet)"
    if not f.street:
        out.append(Finding(("workplace",), "arbejdsstedets adresse",
                           f"{PREFIX} kræver adressen (vej og nummer) på {where}, hvor arbejdet foregår; tilføj "
                           f"den til {ask}"))
    if not f.postal_code:
        out.append(Finding(("workplace",), "postnummer",
                           f"{PREFIX} kræver et postnummer for {where}; tilføj det til {ask}"))
    contact_path = ("contacts", 0) if posting.contacts else ("contacts",)
    if f.contact is None:
        out.append(Finding(contact_path, "kontaktperson",
                           f"{PREFIX} kræver en kontaktperson med telefon og e-mail; skriv en under contacts "
                           "(name, phone og email)"))
    else:
        if not f.contact.phone:
            out.append(Finding(contact_path, "kontaktpersonens telefon",
                               f"{PREFIX} kræver kontaktpersonens telefonnummer; skriv phone: under "
                               f"{f.contact.name} (arbejdstelefonen, otte cifre)"))
        if not f.contact.email:
            out.append(Finding(contact_path, "kontaktpersonens e-mail",
                               f"{PREFIX} kræver kontaktpersonens e-mail; skriv email: under {f.contact.name} "
                               "(arbejdsmailen)"))
    if f.occupation is None or not f.occupation.disco:
        why = f" ({f.occupation.note})" if f.occupation and f.occupation.note else ""
        out.append(Finding(("role",), "stillingsbetegnelse",
                           f"{PREFIX} kræver en stillingsbetegnelse (STAR/ESCO), og sitet har ingen bekræftet kode "
                           f"for stillingstypen '{posting.role}'{why}; vælg stillingsbetegnelsen selv i Jobnet for "
                           "virksomheder, eller vælg en anden stillingstype, hvis den passer bedre"))
    if not f.apply_url and not f.apply_email:
        out.append(Finding(("apply",), "ansøgningsadresse",
                           f"{PREFIX} kræver en måde at søge på: skriv ansøgningsadressen (url under apply), eller "
                           "kontaktpersonens e-mail"))
    sent = max(today, posting.published)  # sent when merged, or on its first day on the site
    if posting.deadline < sent:
        out.append(Finding(("deadline",), "fristen er før indsendelsen",
                           f"{PREFIX} tager ikke imod en frist før den dag, opslaget sendes ({sent.isoformat()}); "
                           "ret deadline"))
    elif (posting.deadline - sent).days > MAX_WINDOW_DAYS:
        out.append(Finding(("deadline",), "fristen ligger for langt ude",
                           f"{PREFIX} viser et opslag i højst {MAX_WINDOW_DAYS} dage, og fristen ligger "
                           f"{(posting.deadline - sent).days} dage efter, at opslaget sendes; vælg en tidligere "
                           "frist, eller send opslaget senere (published)"))
    return out


def warnings(posting: Posting, source: Source, unit: Unit, occupations: dict[str, Occupation],
             today: date | None = None) -> list[Problem]:
    """check's warnings for the posting: what Jobnet would refuse, at its line (none for a closed posting)."""
    today = today or clock.today()
    if not applies(posting, today):
        return []
    out = []
    for found in findings(posting, unit, occupations, today):
        path = found.path
        if path == ("contacts",) and path not in source.positions:
            path = ("title",)  # no contacts written: said at the top, where the posting starts
        problem = source.problem(path, found.message, severity="warning")
        out.append(problem)
    return out


def readiness(posting: Posting, unit: Unit | None, occupations: dict[str, Occupation],
              today: date | None = None) -> str:
    """One line for the pull request's summary: 'klar', 'mangler postnummer, kontaktpersonens e-mail',
    or why it is not sent."""
    today = today or clock.today()
    if posting.withdrawn:
        return "sendes ikke (besat eller annulleret; tages af Jobnet)"
    if posting.deadline < today:
        return "sendes ikke (fristen er passeret)"
    if unit is None:
        return "kan ikke vurderes (arbejdsstedet er ukendt)"
    found = findings(posting, unit, occupations, today)
    return "klar" if not found else "mangler " + ", ".join(dict.fromkeys(f.short for f in found))


def is_jobnet(problem: Problem) -> bool:
    """Whether a problem is one of this module's (check --jobnet makes these errors)."""
    return problem.message.startswith(PREFIX + " ")
