"""Whose a page is: the kommune whose content it shows, or the site's operator.

The footer names that organisation, its address, how to reach it and its
accessibility statement, so a parent reading Haderslev's leaflet is not
sent to Ballerup. A posting belongs to its workplace's kommune, a leaflet
to the kommune its front matter names, the role descriptions to the kommune
of data/roles.yml, a hand-written page to the kommune its front matter names
(`kommune: ballerup`); every other page (home, job list, archive, leaflet
index) to the operator named in mkdocs.yml (extra.jobsite).

The names are checked when the content is loaded (`check_pages`), so an
unknown kommune is a problem with file and line, never a silent fallback.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Organisation
from .problems import Problem, relative
from .yamlsource import decode, parse

if TYPE_CHECKING:
    from .content import Content, LeafletFile, Unit
    from .listing import Listing

ROLE_PAGES = "stillingsbeskrivelser/"  # the role table (hand-written) and one generated page per role


@dataclass(frozen=True)
class Owner:
    """What the footer shows about the organisation behind a page; any part may be missing."""

    name: str
    address: str | None = None  # one line: 'Hold-an Vej 7, 2750 Ballerup'
    email: str | None = None
    phone: str | None = None  # as written: '4477 2000'
    website: str | None = None
    accessibility_statement: str | None = None

    @property
    def tel(self) -> str | None:
        """The phone as a tel: link ('tel:+4544772000')."""
        return "tel:+45" + "".join(self.phone.split()) if self.phone else None

    @property
    def website_text(self) -> str | None:
        """The website as people write it ('www.haderslev.dk')."""
        return self.website.removeprefix("https://").removeprefix("http://").rstrip("/") if self.website else None


def from_organisation(org: Organisation) -> Owner:
    a = org.address
    address = ", ".join(p for p in (a.street, " ".join(x for x in (a.postal_code, a.city) if x)) if p) if a else None
    return Owner(org.name, address or None, org.email, org.phone, org.website, org.accessibility_statement)


def operator(settings: Mapping) -> Owner:
    """The site's operator from mkdocs.yml extra.jobsite (organisation, contact_address, ...)."""
    get = lambda key: str(settings[key]) if settings.get(key) else None  # noqa: E731
    return Owner(get("organisation") or "", get("contact_address"), get("contact_email"), get("contact_phone"),
                 get("website"), get("accessibility_statement"))


def kommune_named(units: dict[str, Unit], name: str) -> Organisation | None:
    """The kommune whose name (as in data/organisations.yml) is `name`, e.g. 'Haderslev Kommune'."""
    return next((u.org for u in units.values() if u.org.kind == "kommune" and u.org.name == name), None)


def kommune_with_id(units: dict[str, Unit], kommune_id: object) -> Organisation | None:
    unit = units.get(kommune_id) if isinstance(kommune_id, str) else None
    return unit.org if unit and unit.org.kind == "kommune" else None


class Owners:
    """The owner of every page of one build, by the page's file in content/ ('job/x.md')."""

    def __init__(self, content: Content, listing: Listing, settings: Mapping):
        self.operator = operator(settings)
        units = content.units
        kommuner = {u.org.id: from_organisation(u.org) for u in units.values() if u.org.kind == "kommune"}
        self._pages: dict[str, Owner] = {f"job/{job.id}.md": kommuner[job.kommune.id] for job in listing.jobs}
        for item in content.leaflets:
            if org := kommune_named(units, item.leaflet.kommune):
                self._pages[item.src_uri] = kommuner[org.id]
        for src_uri, kommune_id in content.page_kommuner.items():
            if kommune_id in kommuner:
                self._pages[src_uri] = kommuner[kommune_id]
        self._roles = kommuner.get(content.roles.kommune) if content.roles else None

    def for_page(self, src_uri: str) -> Owner:
        if src_uri in self._pages:
            return self._pages[src_uri]
        if self._roles and src_uri.startswith(ROLE_PAGES):
            return self._roles
        return self.operator


# --- the check, when the content is loaded ----------------------------------------------------

def check_pages(root: Path, units: dict[str, Unit], leaflets: list[LeafletFile]) -> tuple[dict[str, str], list[Problem]]:
    """The kommune each hand-written page names in its front matter (page -> kommune id), and a
    problem for every leaflet or page whose kommune is not in data/organisations.yml."""
    from .content import LEAFLETS_DIR, ORGANISATIONS_FILE

    if not units:  # data/organisations.yml itself has a problem, reported already
        return {}, []
    kommuner = [u.org for u in units.values() if u.org.kind == "kommune"]
    problems: list[Problem] = []
    for item in leaflets:
        if kommune_named(units, item.leaflet.kommune) is None:
            source = _front_matter(root / item.file, item.file)
            problems.append(Problem(item.file, _line(source, "kommune"), 0, "kommune", (
                f"ukendt kommune '{item.leaflet.kommune}'; skriv kommunens navn som i {ORGANISATIONS_FILE}: "
                + ", ".join(k.name for k in kommuner) + " (eller tilføj kommunen dér)")))
    found: dict[str, str] = {}
    docs = root / "content"
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        rel = relative(path, root)
        if rel.startswith(LEAFLETS_DIR + "/") or path.is_symlink():
            continue  # leaflets: above; a link: refused when the content is loaded
        source = _front_matter(path, rel)
        if source is None or not isinstance(source.data, dict) or "kommune" not in source.data:
            continue
        value = source.data["kommune"]
        if kommune_with_id(units, value) is None:
            problems.append(Problem(rel, _line(source, "kommune"), 0, "kommune", (
                f"ukendt kommune '{value}'; skriv id'et på en kommune i {ORGANISATIONS_FILE}: "
                + ", ".join(k.id for k in kommuner))))
            continue
        found[path.relative_to(docs).as_posix()] = value
    return found, problems


def _front_matter(path: Path, rel: str):
    """A page's front matter, read as safely as a posting (or None when it has none or is broken)."""
    from .content import FRONT_MATTER

    text, _ = decode(path.read_bytes(), rel)
    match = FRONT_MATTER.match(text.replace("\r\n", "\n")) if text else None
    return parse(match[1], rel)[0] if match else None


def _line(source, key: str) -> int:
    """The file's line of `key` in the front matter, which starts on the file's second line."""
    return source.position((key,))[0] + 1 if source is not None else 1
