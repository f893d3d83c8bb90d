"""The data files: data/organisations.yml (the kommuner and their units), data/roles.yml (the
role descriptions) and cms.yml (where the editor saves), each read, validated and checked
within itself; what they say about other files is checked in content.py.
"""
from __future__ import annotations

import unicodedata
from functools import partial
from pathlib import Path

from .hosts import about_warnings
from .kinds import CMS_SETTINGS, OCCUPATIONS, ORGANISATIONS, RESERVED_IDS, ROLES, SYMLINK, role_page
from .model import CmsSettings, Occupation, Occupations, Organisation, Organisations, RoleCatalogue
from .problems import Problem
from .site import Unit
from .textchecks import missing_images_in, promise_warnings, unprintable_in, written_at
from .validation import validate
from .yamlsource import Source, load

ORGANISATIONS_FILE = ORGANISATIONS.example
ROLES_FILE = ROLES.example


def read_yaml(root: Path, rel: str, problems: list[Problem]) -> Source | None:
    """A content file read safely as YAML fields (name: value), or None with the problem said."""
    path = root / rel
    if path.is_symlink():
        problems.append(Problem(rel, 1, 0, "", SYMLINK))
        return None
    if not path.is_file():
        problems.append(Problem(rel, 1, 0, "", "filen mangler"))
        return None
    source, found = load(path, rel)
    problems.extend(found)
    if source is not None and not isinstance(source.data, dict):
        problems.append(Problem(rel, 1, 0, "", "filen skal bestå af felter (navn: værdi), ikke en liste eller én tekst"))
        return None
    return source


def load_organisations(root: Path, problems: list[Problem], warnings: list[Problem] | None = None,
                       site_rule: list | None = None) -> dict[str, Unit]:
    """Every organisation by id, with its chain up to its kommune. Ids are unique across the file,
    and so are the kommuner's names (a page names its kommune by id; the name is what people read).
    A kommune without its own retention rule gets the site's, which is also put in `site_rule`."""
    source = read_yaml(root, ORGANISATIONS_FILE, problems)
    if source is None:
        return {}
    orgs, found = validate(Organisations, source)
    problems.extend(found)
    if orgs is None:
        return {}
    problems.extend(missing_images_in(root, source, orgs, None))  # about texts are on every posting of a unit
    units: dict[str, Unit] = {}
    kommune_names: dict[str, list[tuple[str, tuple]]] = {}  # a name as people read it -> (id, where) of each

    def visit(org: Organisation, chain: tuple[Organisation, ...], path: tuple) -> None:
        if org.id in units:
            problems.append(source.problem(path + ("id",), f"id '{org.id}' er brugt to gange; hver enhed skal have sit eget id"))
        if org.id in RESERVED_IDS:
            problems.append(source.problem(path + ("id",), f"id '{org.id}' er reserveret til en side, sitet selv laver; "
                                           f"vælg et andet, fx '{org.id}-{org.kind}'"))
        if not chain and org.kind != "kommune":
            problems.append(source.problem(path + ("kind",), "øverste niveau skal være en kommune (kind: kommune)"))
        if chain and org.kind == "kommune":
            problems.append(source.problem(path + ("kind",), "en kommune kan ikke ligge inde i en anden enhed"))
        if org.retention is not None and org.kind != "kommune":
            problems.append(source.problem(path + ("retention",), "reglen for lukkede opslag gælder en hel kommune; "
                                           "flyt den til kommunen (eller øverst i filen for hele sitet)"))
        if org.kind == "kommune":  # its name is printed in the role descriptions' PDF, and read in every footer
            problems.extend(unprintable_in(partial(written_at, source), source.file, org.name, path + ("name",)))
            kommune_names.setdefault(" ".join(unicodedata.normalize("NFKC", org.name).casefold().split()),
                                     []).append((org.id, path))
            if foreign := next((ch for ch in org.name if ch.isalpha() and not _latin(ch)), None):
                problems.append(source.problem(path + ("name",), f"navnet har tegnet {foreign} "
                                               f"(U+{ord(foreign):04X}), som ikke er et latinsk bogstav, selv om det "
                                               "kan ligne et; skriv kommunens navn med tastaturet"))
        units.setdefault(org.id, Unit(org, chain + (org,)))
        if warnings is not None and org.about is not None:  # shown on every posting of the unit
            warnings.extend(about_warnings(org, source, (chain + (org,))[0], path))
            warnings.extend(promise_warnings(source, org.about, path + ("about",)))
        for i, unit in enumerate(org.units):
            visit(unit, chain + (org,), path + ("units", i))

    if site_rule is not None:
        site_rule.append(orgs.retention)
    for i, kommune in enumerate(orgs.kommuner):
        if kommune.retention is None:  # the site's rule, so every posting finds its rule in its kommune
            kommune = kommune.model_copy(update={"retention": orgs.retention})
        visit(kommune, (), ("kommuner", i))
    for same in (group for group in kommune_names.values() if len(group) > 1):
        for kommune_id, path in same:  # every one of them: which is the impostor is for the reviewer to see
            others = ", ".join(f"'{other}'" for other, _ in same if other != kommune_id)
            problems.append(source.problem(path + ("name",), f"navnet bruges også af kommunen {others}; to kommuner "
                                           "kan ikke hedde det samme, for besøgende og sidefoden kan ikke skelne dem"))
    return units


def _latin(ch: str) -> bool:
    """A letter of the Latin alphabet, accents and æ, ø, å included (not Cyrillic а, Greek ο)."""
    return unicodedata.name(ch, "").startswith("LATIN ")


def load_roles(root: Path, problems: list[Problem]) -> RoleCatalogue | None:
    """The role descriptions: unique ids that take no page's address, table rows in column order."""
    source = read_yaml(root, ROLES_FILE, problems)
    if source is None:
        return None
    catalogue, found = validate(RoleCatalogue, source)
    problems.extend(found)
    if catalogue is None:
        return None
    problems.extend(missing_images_in(root, source, catalogue, None, printed=True))  # role pages and their PDF
    problems.extend(unprintable_in(partial(written_at, source), source.file, source.data))  # all in the PDF
    order = [r.id for r in catalogue.roles]
    column = {role_id: i for i, role_id in reversed(list(enumerate(order)))}  # a role's column, looked up once
    if len(column) != len(order):
        problems.append(source.problem(("roles",), "to roller har samme id"))
    for i, role_id in enumerate(order):
        page = f"content/{role_page(role_id)}"
        if role_id in RESERVED_IDS or (root / page).exists():
            problems.append(source.problem(("roles", i, "id"), f"id '{role_id}' kan ikke bruges: rollens side "
                                           f"/{role_page(role_id)[:-3]}/ ville falde sammen med "
                                           + ("en side, sitet selv laver" if role_id in RESERVED_IDS else page)
                                           + f"; vælg et andet id, fx '{role_id}-rolle'"))
    for a, area in enumerate(catalogue.areas):
        for r, row in enumerate(area.rows):
            last = -1
            for s, statement in enumerate(row):
                path = ("areas", a, "rows", r, s, "roles")
                if statement.roles == "alle":  # every column, without listing them for every row
                    first, end, count = 0, len(order) - 1, len(order)
                else:
                    unknown = next((i for i in statement.roles if i not in column), None)
                    if unknown is not None:
                        problems.append(source.problem(path, f"ukendt rolle '{unknown}'; brug en af: {', '.join(order)}"))
                        continue
                    cols = {column[i] for i in statement.roles}
                    first, end = min(cols, default=0), max(cols, default=-1)
                    count = len(cols) if len(cols) == len(statement.roles) else -1  # a role twice: no column range
                if count == 0 or end - first + 1 != count or first <= last:  # adjacent columns, after the last
                    problems.append(source.problem(path, "rollerne i en række skal stå i kolonnernes rækkefølge, "
                                                         "uden huller og uden at overlappe: " + ", ".join(order)))
                    continue
                last = end
    return catalogue


def load_occupations(root: Path, problems: list[Problem]) -> dict[str, Occupation]:
    """data/occupations.yml, when the repository has one: each role's occupation for Jobnet, by role.
    Without the file no role has a code, and check says so for each posting (jobnet.py)."""
    if not (root / OCCUPATIONS.example).exists() and not (root / OCCUPATIONS.example).is_symlink():
        return {}
    source = read_yaml(root, OCCUPATIONS.example, problems)
    if source is None:
        return {}
    found, invalid = validate(Occupations, source)
    problems.extend(invalid)
    if found is None:
        return {}
    out: dict[str, Occupation] = {}
    for i, occupation in enumerate(found.occupations):
        if occupation.role in out:
            problems.append(source.problem(("occupations", i, "role"), f"stillingstypen '{occupation.role}' står "
                                           "to gange; hver stillingstype skal have én stillingsbetegnelse"))
        out.setdefault(occupation.role, occupation)
    return out


def load_cms_settings(root: Path, problems: list[Problem]) -> CmsSettings | None:
    """cms.yml, when the repository has one: where the editor saves and who signs HR in."""
    if not (root / CMS_SETTINGS.example).exists() and not (root / CMS_SETTINGS.example).is_symlink():
        return None
    source = read_yaml(root, CMS_SETTINGS.example, problems)
    if source is None:
        return None
    settings, found = validate(CmsSettings, source)
    problems.extend(found)
    return settings
