"""User mistakes in content, as values: collected and reported together.

A Problem is never a traceback: it names the file, line and field, says what
is wrong and what to write instead, in Danish, for the HR staff who edit the
content.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    message: str
    severity: str = "error"  # "error" or "warning"
    label: str = ""  # the field as people say it ("kontakt nr. 2, navn (name)"); `field` is the dotted path

    @property
    def where(self) -> str:
        """The field as HR is told it: the label, or the dotted path when no label was made."""
        return self.label or self.field

    def format(self) -> str:
        where = f"{one_line(self.file)}:{self.line}" + (f":{self.column}" if self.column else "")
        field = f" {one_line(self.where)}:" if self.field else ""
        label = "" if self.severity == "error" else " advarsel:"
        return f"{where}:{label}{field} {one_line(self.message)}"


# The Danish name of each field, by its key (the same key means the same thing in every content file),
# and the name of one entry of a list. A key not here (a misspelt one) is shown as written.
FIELD_NAMES: dict[str, str] = {
    "title": "titel", "workplace": "arbejdssted", "positions": "antal stillinger", "hours": "ugentlige timer",
    "employment": "ansættelsesform", "employment_end": "sidste ansættelsesdag", "start": "tiltrædelse",
    "date": "dato", "asap": "snarest muligt", "published": "offentliggøres", "deadline": "ansøgningsfrist",
    "deadline_time": "klokkeslæt for fristen", "interviews": "samtaler", "label": "navn", "time": "klokkeslæt",
    "role": "stillingstype", "age_groups": "aldersgrupper", "summary": "resumé", "intro": "indledning",
    "sections": "afsnit", "heading": "overskrift", "text": "tekst", "contacts": "kontakter", "name": "navn",
    "phone": "telefon", "email": "e-mail", "apply": "ansøgning", "url": "adresse", "terms": "vilkår",
    "requirements": "attester", "role_description": "stillingsbeskrivelse", "links": "links",
    "withdrawn": "tilbagetrukket", "reason": "årsag", "kommuner": "kommuner", "units": "enheder", "id": "id",
    "kind": "type", "address": "adresse", "street": "vej", "postal_code": "postnummer", "city": "by",
    "website": "hjemmeside", "about": "om", "accessibility_statement": "tilgængelighedserklæring",
    "kommune": "kommune", "roles": "roller", "areas": "områder", "rows": "rækker", "source_note": "kildenote",
    "tagline": "undertitel", "topic": "emne", "audience": "målgruppe", "updated": "opdateret",
    "contact": "kontakt", "domains": "domæner", "max_lix": "grænse for læsbarhed",
    "retention": "opbevaring af lukkede opslag", "full_days": "dage med hele opslaget",
    "short_days": "dage med den korte side",
    "job_type": "jobtype", "working_periods": "arbejdstidspunkter", "occupations": "stillingsbetegnelser",
}
ENTRY_NAMES: dict[str, str] = {
    "interviews": "samtale", "sections": "afsnit", "contacts": "kontakt", "links": "link",
    "age_groups": "aldersgruppe", "requirements": "attest", "kommuner": "kommune", "units": "enhed",
    "roles": "rolle", "areas": "område", "rows": "række", "working_periods": "arbejdstidspunkt",
    "occupations": "stillingsbetegnelse",
}


def people(path: tuple) -> str:
    """('contacts', 1, 'name') -> 'kontakt nr. 2, navn (name)': the field as people say it.

    The key of the last field follows in parentheses, because that is what HR
    finds (or must write) in the file.
    """
    parts: list[str] = []
    for i, part in enumerate(path):
        if isinstance(part, int):
            before = path[i - 1] if i else None
            if parts and isinstance(before, str) and before in ENTRY_NAMES:
                parts[-1] = f"{ENTRY_NAMES[before]} nr. {part + 1}"
            else:
                parts.append(f"punkt nr. {part + 1}")
        else:
            parts.append(FIELD_NAMES.get(part, str(part)) if re.fullmatch(r"\S+", str(part)) else repr(str(part)))
    if not parts:
        return ""
    last = path[-1]
    if isinstance(last, str) and FIELD_NAMES.get(last, last) != last:
        parts[-1] += f" ({last})"
    elif isinstance(last, int) and isinstance(path[-2] if len(path) > 1 else None, str) \
            and ENTRY_NAMES.get(path[-2]) not in (None, path[-2]):
        parts[-1] += f" ({path[-2]})"
    return ", ".join(parts)


def one_line(text: str) -> str:
    """Written text quoted in a problem (a field name, a value) must not break the one-line format."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class ContentError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))  # a file two checks look at is reported once
        super().__init__(self.report())

    def __reduce__(self):  # from a worker process to the build, made again from the problems
        return ContentError, (self.problems,)

    def report(self) -> str:
        return "\n".join([headline(self.problems), *(p.format() for p in self.problems)])


def headline(problems: list[Problem]) -> str:
    """'2 fejl og 1 advarsel i indholdet:' — errors stop the build, warnings only inform."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    parts = [f"{errors} fejl"] if errors or not warnings else []
    if warnings:
        parts.append("1 advarsel" if warnings == 1 else f"{warnings} advarsler")
    return " og ".join(parts) + " i indholdet:"


def relative(path: Path, root: Path) -> str:
    """The path as HR sees it in the repository."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
