"""`python -m generator new`: start a posting from the commented template.

HR gets a file where every field is explained in Danish, today's date is
filled in, and the places that need real text say UDFYLD (which `check`
refuses), so a half-written posting cannot be published by mistake. An
existing file is never overwritten.

`--from ID` starts from an existing posting instead: what stays true for the
next job there (workplace, role, age groups, hours, contacts, terms, the
application address, links) is kept, and its dates and free text are emptied,
because a copied "Ansøgningsfrist: den 10. januar" is the mistake copying
makes (consistency.py warns about the ones written by hand).
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import clock
from .content import JOBS_DIR
from .kinds import ID_PATTERN, RESERVED_IDS, posting_url
from .read_data import load_organisations as _load_organisations, load_roles as _load_roles
from .read_postings import PLACEHOLDER
from .site import Unit
from .model import UNLIMITED_HOURS, Posting
from .validation import validate
from .yamlsource import load
from .lint import MIN_DAYS_OPEN
from .model import ROLE_TYPES
from .problems import ContentError, Problem
from .slugs import slug

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_ID_LENGTH = 60


class ScaffoldError(ValueError):
    """A Danish sentence saying why no file was written."""


@dataclass(frozen=True)
class Workplaces:
    units: dict[str, Unit]

    def choices(self) -> list[Unit]:
        return [u for u in self.units.values() if u.org.kind != "kommune"]

    def find(self, answer: str) -> Unit:
        """A workplace by its id or (case-insensitively) its name."""
        answer = answer.strip()
        for unit in self.choices():
            if answer == unit.org.id or answer.casefold() == unit.org.name.casefold():
                return unit
        ids = [u.org.id for u in self.choices()]
        guess = difflib.get_close_matches(answer, ids, n=1, cutoff=0.6)
        hint = f" Mente du '{guess[0]}'?" if guess else ""
        raise ScaffoldError(f"ukendt arbejdssted '{answer}'.{hint} Brug et af disse id'er: "
                            + ", ".join(ids))

    def listing(self) -> str:
        """The known workplaces, one a line: id, then the names from the workplace up to the kommune."""
        return "\n".join(f"  {u.org.id:28} {' · '.join(o.name for o in reversed(u.chain))}" for u in self.choices())


def load_workplaces(root: Path) -> Workplaces:
    problems: list[Problem] = []
    units = _load_organisations(root, problems)
    if problems:
        raise ContentError(problems)
    return Workplaces(units)


def suggested_id(title: str) -> str:
    """'Pædagog til Børnehuset Stjernehuset' -> 'paedagog-til-boernehuset-stjernehuset' (cut at a hyphen)."""
    text = slug(title)
    if len(text) > MAX_ID_LENGTH:
        text = text[:MAX_ID_LENGTH].rsplit("-", 1)[0]
    return text


def kept_from(posting: Posting, file: str) -> dict:
    """What a new posting takes over from an existing one; no dates and no free text."""
    hours = posting.hours
    return {
        "file": file, "positions": posting.positions, "employment": posting.employment,
        "hours": json.dumps(hours, ensure_ascii=False) if hours == UNLIMITED_HOURS else f"{hours:g}",
        "asap": posting.start.asap, "role": posting.role, "age_groups": list(posting.age_groups),
        "headings": [s.heading for s in posting.sections],
        "contacts": [c.model_dump() for c in posting.contacts], "apply_url": posting.apply.url,
        "terms": posting.terms, "requirements": list(posting.requirements),
        "role_description": posting.role_description, "links": [link.model_dump() for link in posting.links],
    }


def load_base(root: Path, from_id: str) -> tuple[Posting, str]:
    """The posting `new --from ID` starts from, validated (a broken one is not copied)."""
    from_id = from_id.strip().removesuffix(".yml").removeprefix(f"{JOBS_DIR}/")
    rel = f"{JOBS_DIR}/{from_id}.yml"
    path = root / rel
    if not ID_PATTERN.fullmatch(from_id) or not path.is_file() or path.is_symlink():
        known = ", ".join(sorted(p.stem for p in (root / JOBS_DIR).glob("*.yml"))) or "ingen"
        raise ScaffoldError(f"der er intet opslag '{from_id}' at starte fra; skriv filnavnet uden .yml, "
                            f"et af: {known}")
    source, problems = load(path, rel)
    posting = None
    if source is not None and isinstance(source.data, dict):
        posting, problems = validate(Posting, source)
    if posting is None:
        first = problems[0].format() if problems else rel
        raise ScaffoldError(f"{rel} har fejl og kan ikke bruges som udgangspunkt; ret den først "
                            f"(make check FILER={rel}): {first}")
    return posting, rel


def render(posting_id: str, title: str, unit: Unit, today: date, role_ids: list[str], base: dict | None = None) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters["yaml"] = lambda s: json.dumps(s, ensure_ascii=False)  # a JSON string is a YAML string
    names = " · ".join(o.name for o in reversed(unit.chain))
    return env.get_template("new_posting.yml.j2").render(
        id=posting_id, file=f"{JOBS_DIR}/{posting_id}.yml", address=posting_url(posting_id), title=title, workplace=unit.org.id,
        workplace_name=names, today=today.isoformat(), placeholder=PLACEHOLDER,
        suggested_deadline=(today + timedelta(days=MIN_DAYS_OPEN + 7)).isoformat(),
        example_start=(today + timedelta(days=60)).replace(day=1).isoformat(),
        example_end=date(today.year + 1, 12, 31).isoformat(),
        example_interview=(today + timedelta(days=MIN_DAYS_OPEN + 11)).isoformat(),
        roles=", ".join(ROLE_TYPES), role_descriptions=", ".join(role_ids) or "ingen endnu", base=base)


def new_posting(root: Path, title: str, workplace: str | None, posting_id: str | None = None,
                from_id: str | None = None) -> Path:
    """Write jobs/<id>.yml and return its path; never overwrite an existing posting.

    With `from_id`, start from that posting (its workplace unless `workplace` is given).
    """
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError("skriv stillingens titel, fx --title \"Pædagog til Børnehuset Stjernehuset\"")
    base = None
    if from_id:
        posting, rel = load_base(root, from_id)
        base = kept_from(posting, rel)
        workplace = workplace or posting.workplace
    unit = load_workplaces(root).find(workplace or "")
    posting_id = posting_id or suggested_id(title)
    if not ID_PATTERN.fullmatch(posting_id) or posting_id in RESERVED_IDS:
        raise ScaffoldError(f"'{posting_id}' kan ikke bruges som filnavn og webadresse; brug små bogstaver a-z, "
                            "tal og bindestreg, fx --id paedagog-stjernehuset")
    folder = root / JOBS_DIR
    for existing in (folder / f"{posting_id}.yml", folder / f"{posting_id}.yaml"):
        if existing.exists():
            raise ScaffoldError(f"{JOBS_DIR}/{existing.name} findes allerede, og den bliver ikke overskrevet. "
                                "Ret den eksisterende fil, eller vælg et andet navn med --id")
    roles: list[str] = []
    role_problems: list[Problem] = []
    catalogue = _load_roles(root, role_problems)
    if catalogue:
        roles = [r.id for r in catalogue.roles]
    text = render(posting_id, title, unit, clock.today(), roles, base)
    folder.mkdir(exist_ok=True)
    path = folder / f"{posting_id}.yml"
    try:
        with path.open("x", encoding="utf-8") as out:  # "x": fails rather than overwrite, even in a race
            out.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{JOBS_DIR}/{path.name} findes allerede, og den bliver ikke overskrevet") from None
    return path
