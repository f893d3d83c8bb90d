"""Likely mistakes in a valid posting: warnings, not errors.

A posting can be right and still look wrong (a short deadline may be on
purpose), so these never stop a build; `check` shows them, on GitHub as
warning annotations, and `check --strict` treats them as errors.
"""
from __future__ import annotations

from . import clock
from .model import Posting
from .problems import Problem
from .yamlsource import Source

MIN_DAYS_OPEN = 14  # the usual shortest time a public posting is open
# A first working day more than about half a year after the deadline is most often last year's
# date in a copied posting, or a typing mistake in the year.
MAX_DAYS_TO_START = 183


def posting_warnings(posting: Posting, source: Source) -> list[Problem]:
    found: list[Problem] = []
    days = (posting.deadline - posting.published).days
    if days < MIN_DAYS_OPEN:
        found.append(source.problem(
            ("deadline",),
            f"fristen er kun {days} {'dag' if days == 1 else 'dage'} efter at opslaget offentliggøres "
            f"({posting.published}); et opslag står normalt mindst {MIN_DAYS_OPEN} dage. "
            "Tjek deadline og published", "warning"))
    start = posting.start.date
    if start is not None and start < posting.published:
        found.append(source.problem(
            ("start", "date"),
            f"første arbejdsdag ({start}) ligger før opslaget kommer på sitet ({posting.published}); er datoen "
            "fra et gammelt opslag? Skriv den rigtige dato, eller skriv asap: ja og slet datoen", "warning"))
    elif start is not None and (start - posting.deadline).days > MAX_DAYS_TO_START:
        found.append(source.problem(
            ("start", "date"),
            f"første arbejdsdag ({start}) ligger mere end et halvt år efter ansøgningsfristen "
            f"({posting.deadline}); tjek årstallet", "warning"))
    closes = clock.at(posting.deadline, posting.deadline_time)
    for i, interview in enumerate(posting.interviews):
        if clock.at(interview.date, interview.time) < closes:
            found.append(source.problem(
                ("interviews", i, "date"),
                f"samtalen ({interview.date}) ligger før ansøgningsfristen ({posting.deadline}); "
                "tjek datoen for samtalen og fristen", "warning"))
    if not posting.contacts:
        found.append(source.problem(
            ("contacts",),
            "opslaget har ingen kontaktperson; ansøgere vil gerne kunne ringe. Tilføj contacts med name og phone",
            "warning"))
    return found
