"""Load and validate everything the site is made of, and check that the files
agree with each other (a posting's workplace exists, ids are unique, dates are
in a possible order).

Returns one Content value, or raises ContentError listing every problem in
every file at once, so HR fixes a pull request in one round.
"""
from __future__ import annotations

import html
import os
import posixpath
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import repeat
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from pydantic import BaseModel

from .consistency import Names, text_warnings
from . import glyphs, owner
from .lint import posting_warnings
from .model import Leaflet, Organisation, Organisations, Posting, Role, RoleCatalogue
from .problems import ContentError, Problem, people, relative
from .validation import id_hint, validate
from .fieldtypes import image_targets, is_local, markdown_texts, text_problem
from .yamlsource import Source, decode, dotted, load, parse

JOBS_DIR = "jobs"
ORGANISATIONS_FILE = "data/organisations.yml"
ROLES_FILE = "data/roles.yml"
LEAFLETS_DIR = "content/foldere"
RESERVED_IDS = {"arkiv", "feed", "kalender", "jobs", "index", "assets", "sitemap", "besked", "feeds"}  # generated pages and files
DATA_FILES = ("organisations.yml", "roles.yml")
IGNORED_NAMES = {".gitkeep"}  # keeps an empty folder in Git
LEAFLET_IMAGES = (".png", ".jpg", ".jpeg", ".webp", ".gif")  # pictures a leaflet may show (not SVG: it can hold code)
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PLACEHOLDER = "UDFYLD"  # what `python -m generator new` writes where HR must write the real text


@dataclass(frozen=True)
class Unit:
    """An organisation with its place in the tree (kommune first)."""

    org: Organisation
    chain: tuple[Organisation, ...]  # kommune ... this unit

    @property
    def kommune(self) -> Organisation:
        return self.chain[0]


@dataclass(frozen=True)
class PostingFile:
    id: str
    file: str
    posting: Posting


@dataclass(frozen=True)
class LeafletFile:
    id: str
    file: str
    src_uri: str  # path inside content/
    leaflet: Leaflet
    body: str


@dataclass
class Content:
    root: Path
    postings: list[PostingFile]
    units: dict[str, Unit]
    roles: RoleCatalogue | None
    leaflets: list[LeafletFile]
    warnings: list[Problem] = field(default_factory=list)
    page_kommuner: dict[str, str] = field(default_factory=dict)  # hand-written page -> kommune id (owner.py)

    @cached_property
    def roles_by_id(self) -> dict[str, Role]:
        """The role descriptions by id, the way a posting's role_description names them."""
        return {r.id: r for r in self.roles.roles} if self.roles else {}

    @cached_property
    def leaflets_by_src_uri(self) -> dict[str, LeafletFile]:
        """The leaflets by their path inside content/, the way MkDocs names a page's file."""
        return {lf.src_uri: lf for lf in self.leaflets}


def load_site(root: Path, only: list[Path] | None = None, cache: dict | None = None,
              text_checks: bool = True, processes: int = 1) -> Content:
    """Read jobs/, data/ and the leaflets under `root`; raise ContentError on any problem.

    `cache` (kept by `mkdocs serve` between rebuilds) remembers each posting
    file read and validated, so only the files that changed are read again.
    `text_checks=False` skips the warnings where a text contradicts its fields
    (consistency.py): they are for `check`, and never stop a build.
    `processes` > 1 (check) reads the posting files of a large jobs/ in chunks in a
    process pool of that size; the result is the same as in one process.
    """
    problems: list[Problem] = []
    problems += folder_entries(root, "data", lambda p: p.name in DATA_FILES, "kun " + " og ".join(DATA_FILES)
                               + " læses; de")[1]
    units = _load_organisations(root, problems)
    roles = _load_roles(root, problems)
    if roles and units and units.get(roles.kommune, None) is None:
        problems.append(Problem(ROLES_FILE, 1, 0, "kommune", f"ukendt kommune '{roles.kommune}'; brug et id fra "
                                f"{ORGANISATIONS_FILE}, fx {', '.join(i for i, u in units.items() if u.org.kind == 'kommune')}"))
    warnings: list[Problem] = []
    postings = _load_postings(root, problems, warnings, units, roles, cache, text_checks, processes)
    leaflets = _load_leaflets(root, problems)
    page_kommuner, found = owner.check_pages(root, units, leaflets)  # whose each page is (the footer)
    problems += found + _generated_pages_taken(root, roles)
    if problems:
        raise ContentError(problems + warnings)
    return Content(root, postings, units, roles, leaflets, warnings, page_kommuner)


def _read(root: Path, rel: str, problems: list[Problem]) -> Source | None:
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


def _load_organisations(root: Path, problems: list[Problem]) -> dict[str, Unit]:
    source = _read(root, ORGANISATIONS_FILE, problems)
    if source is None:
        return {}
    orgs, found = validate(Organisations, source)
    problems.extend(found)
    if orgs is None:
        return {}
    problems.extend(missing_images_in(root, source, orgs, None))  # about texts are on every posting of a unit
    units: dict[str, Unit] = {}

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
        if org.kind == "kommune":  # its name is printed in the role descriptions' PDF
            problems.extend(unprintable_in(partial(written_at, source), source.file, org.name, path + ("name",)))
        units.setdefault(org.id, Unit(org, chain + (org,)))
        for i, unit in enumerate(org.units):
            visit(unit, chain + (org,), path + ("units", i))

    for i, kommune in enumerate(orgs.kommuner):
        visit(kommune, (), ("kommuner", i))
    return units


def _load_roles(root: Path, problems: list[Problem]) -> RoleCatalogue | None:
    source = _read(root, ROLES_FILE, problems)
    if source is None:
        return None
    catalogue, found = validate(RoleCatalogue, source)
    problems.extend(found)
    if catalogue is None:
        return None
    problems.extend(missing_images_in(root, source, catalogue, None, printed=True))  # role pages and their PDF
    problems.extend(unprintable_in(partial(written_at, source), source.file, source.data))  # all in the PDF
    order = [r.id for r in catalogue.roles]
    if len(set(order)) != len(order):
        problems.append(source.problem(("roles",), "to roller har samme id"))
    for i, role_id in enumerate(order):
        page = f"content/stillingsbeskrivelser/{role_id}.md"
        if role_id in RESERVED_IDS or (root / page).exists():
            problems.append(source.problem(("roles", i, "id"), f"id '{role_id}' kan ikke bruges: rollens side "
                                           f"/stillingsbeskrivelser/{role_id}/ ville falde sammen med "
                                           + ("en side, sitet selv laver" if role_id in RESERVED_IDS else page)
                                           + f"; vælg et andet id, fx '{role_id}-rolle'"))
    for a, area in enumerate(catalogue.areas):
        for r, row in enumerate(area.rows):
            last = -1
            for s, statement in enumerate(row):
                path = ("areas", a, "rows", r, s, "roles")
                ids = order if statement.roles == "alle" else statement.roles
                unknown = [i for i in ids if i not in order]
                if unknown:
                    problems.append(source.problem(path, f"ukendt rolle '{unknown[0]}'; brug en af: {', '.join(order)}"))
                    continue
                cols = sorted(order.index(i) for i in ids)
                if not cols or cols != list(range(cols[0], cols[-1] + 1)) or cols[0] <= last:
                    problems.append(source.problem(path, "rollerne i en række skal stå i kolonnernes rækkefølge, "
                                                         "uden huller og uden at overlappe: " + ", ".join(order)))
                    continue
                last = cols[-1]
    return catalogue


SYMLINK = "filen er et symbolsk link (en genvej); læg selve filen her i stedet, så den læses og udgives som den er"


def folder_entries(root: Path, folder: str, wanted, what: str) -> tuple[list[Path], list[Problem]]:
    """The files in `folder` that `wanted(path)` accepts, and a problem for every other entry.

    Nothing in a content folder is ignored silently: a file with another
    extension, a subfolder or a symbolic link would otherwise simply not be
    published (or, for a link, publish a file from elsewhere).
    """
    base = root / folder
    if not base.is_dir() or base.is_symlink():
        return [], ([Problem(folder, 1, 0, "", SYMLINK)] if base.is_symlink() else [])
    files, problems = [], []
    for path in sorted(base.iterdir()):
        rel = f"{folder}/{path.name}"
        if path.name in IGNORED_NAMES:
            continue
        if path.name.startswith("."):
            problems.append(Problem(rel, 1, 0, "", "skjulte filer (navnet begynder med punktum) læses ikke; "
                                    "giv filen et navn uden punktum foran, eller slet den"))
        elif path.is_symlink():
            problems.append(Problem(rel, 1, 0, "", SYMLINK))
        elif path.is_dir():
            problems.append(Problem(rel, 1, 0, "", f"mappen læses ikke; {what} skal ligge direkte i {folder}/, "
                                    "ikke i en undermappe"))
        elif not path.is_file():
            problems.append(Problem(rel, 1, 0, "", "er ikke en almindelig fil og læses ikke; slet den"))
        elif wanted(path):
            files.append(path)
        else:
            problems.append(Problem(rel, 1, 0, "", f"filen læses ikke: {what} skal hedde noget, der ender på "
                                    + ("'.yml'" if folder != LEAFLETS_DIR else "'.md'") + " (med små bogstaver)"))
    return files, problems


def posting_files(root: Path, problems: list[Problem] | None = None) -> list[Path]:
    files, found = folder_entries(root, JOBS_DIR, lambda p: p.suffix in (".yml", ".yaml"), "et opslag")
    if problems is not None:
        problems.extend(found)
    return files


def _load_postings(root: Path, problems: list[Problem], warnings: list[Problem], units: dict[str, Unit],
                   roles: RoleCatalogue | None, cache: dict | None = None,
                   text_checks: bool = True, processes: int = 1) -> list[PostingFile]:
    """Every posting in jobs/, read, validated and checked against the other files."""
    todo: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for path in posting_files(root, problems):
        rel = f"{JOBS_DIR}/{path.name}"  # posting_files lists root/jobs/
        pid = path.stem
        if not ID_PATTERN.fullmatch(pid) or pid in RESERVED_IDS:
            problems.append(Problem(rel, 1, 0, "", f"filnavnet '{path.name}' kan ikke bruges som webadresse; "
                                    "brug små bogstaver a-z, tal og bindestreg, fx 'paedagog-stjernehuset.yml'"
                                    + (" (navnet er reserveret)" if pid in RESERVED_IDS else "")))
            continue
        if pid in seen:
            problems.append(Problem(rel, 1, 0, "", f"opslaget '{pid}' findes allerede i {seen[pid]}; "
                                    "giv filen et andet navn"))
            continue
        seen[pid] = rel
        todo.append((pid, rel))
    role_ids = {r.id for r in roles.roles} if roles else set()
    pages = site_pages(root, [pid for pid, _ in todo], role_ids)
    out: list[PostingFile] = []
    if processes > 1 and len(todo) >= SPLIT_FROM:
        size = -(-len(todo) // SPLIT_INTO)
        chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
        with ProcessPoolExecutor(processes) as pool:
            checked = [r for part in pool.map(_check_postings, repeat(root), chunks, repeat(units), repeat(role_ids),
                                              repeat(None), repeat(pages), repeat(text_checks)) for r in part]
    else:
        checked = _check_postings(root, todo, units, role_ids, cache, pages, text_checks)
    for entry, found, warned in checked:
        problems.extend(found)
        warnings.extend(warned)
        if entry is not None:
            out.append(entry)
    return out


SPLIT_FROM = 200  # postings: below this, a pool costs more than it saves
SPLIT_INTO = 8  # chunks: a few per worker, so one slow chunk does not keep the others waiting


def _check_postings(root: Path, todo: list[tuple[str, str]], units: dict[str, Unit], role_ids: set[str],
                    cache: dict | None, pages: set[str], text_checks: bool = True,
                    ) -> list[tuple[PostingFile | None, list[Problem], list[Problem]]]:
    """(the posting or None, its problems, its warnings) for each (id, file)."""
    out = []
    names = Names.of(units)
    workplaces = _workplace_names(units)
    for pid, rel in todo:
        source, posting, found = read_posting(root, rel, cache, units, names, text_checks, workplaces)
        if source is None or posting is None:
            out.append((None, found, []))
            continue
        broken = _posting_rules(posting, source, units, role_ids, pages)
        entry = None if broken else PostingFile(pid, rel, posting)
        out.append((entry, found + broken, [] if broken else posting_warnings(posting, source) + source.warnings))
    return out


def read_posting(root: Path, rel: str, cache: dict | None, units: dict[str, Unit] | None = None,
                 names: Names | None = None, text_checks: bool = True, workplaces: dict[str, str] | None = None,
                 ) -> tuple[Source | None, Posting | None, list[Problem]]:
    """Read and validate one posting file, or take it from `cache` when the file is unchanged.

    With `units`, the source also carries the warnings where the text contradicts the fields
    (consistency.py), found while the text is still there.
    """
    units = units or {}
    names = names or Names.of(units)
    try:
        stat = (root / rel).stat()
        stamp = (stat.st_mtime_ns, stat.st_size, names.key, text_checks)
    except OSError:
        stamp = None
    if cache is not None and stamp and cache.get(rel, (None,))[0] == stamp:
        return cache[rel][1]
    found: list[Problem] = []
    source, posting = _read(root, rel, found), None
    if source is not None:
        workplaces = _workplace_names(units) if workplaces is None else workplaces
        posting, invalid = validate(Posting, source, {("workplace",): lambda v: id_hint(v, workplaces, "workplace")})
        found += invalid + _placeholders(source, {p.line for p in invalid})
        if not invalid:
            found += missing_images_in(root, source, posting, f"job/{Path(rel).stem}/")
            if text_checks:
                source.warnings = text_warnings(posting, source, units, names)
        source = source.positions_only()
    if cache is not None and stamp:
        cache[rel] = (stamp, (source, posting, found))
    return source, posting, found


def _workplace_names(units: dict[str, Unit]) -> dict[str, str]:
    """Workplace id -> name, for the hint when HR writes a workplace by its name."""
    return {i: u.org.name for i, u in units.items() if u.org.kind != "kommune"}


def _placeholders(source: Source, reported: set[int]) -> list[Problem]:
    """Lines where the template's UDFYLD is still written (unless that line already has a problem)."""
    if PLACEHOLDER not in source.text:  # nearly always: skip the line-by-line search
        return []

    def field_at(number: int) -> tuple:  # the field written on this line or nearest above it
        above = [(pos, path) for path, pos in source.positions.items() if path and pos[0] <= number]
        return max(above, key=lambda a: (a[0], len(a[1])))[1] if above else ()

    return [Problem(source.file, number, line.index(PLACEHOLDER) + 1, dotted(field_at(number)),
                    f"'{PLACEHOLDER}' fra skabelonen står her stadig; skriv den rigtige tekst i stedet",
                    label=people(field_at(number)))
            for number, line in enumerate(source.text.splitlines(), 1)
            if number not in reported and not line.lstrip().startswith("#")
            and re.search(rf"\b{PLACEHOLDER}\b", line)]


def missing_images(root: Path, rel: str, text: str, page_dir: str | None,
                   where: Callable[[int, str], tuple[int, int]], field: tuple = (), printed: bool = False,
                   ) -> list[Problem]:
    """An image a Markdown text shows must be a file of the site (content/), written from the page's
    address (`../foto.png` from /foldere/<id>/) or from the site's root (`/assets/foto.png`).

    `page_dir` None: the text is shown on several pages (an about text, a role's intro), so only
    an address from the site's root finds the picture on all of them. `where(index, address)` is
    the (line, column) in the file of an address found at `index` in the text. `printed`: the
    text is in a PDF too, which (PDF/UA, for screen readers) needs every image described.
    """
    found = []
    for index, target, alt in image_targets(text):
        if not is_local(target):
            continue  # another host: the text's own check says so
        address = urlsplit(target).path
        if printed and not alt.strip():
            message = (f"billedet '{target}' mangler en beskrivelse til skærmlæsere (også PDF-udgaven skal have den); "
                       "skriv hvad billedet viser mellem [ og ], fx ![Børn på legepladsen](/assets/billede.jpg)")
        elif page_dir is None and not address.startswith("/"):
            message = (f"billedet '{target}' skal skrives med sin adresse fra sitets rod, fx /assets/billede.jpg: "
                       "teksten vises på flere sider, og fra dem peger en relativ adresse forskellige steder hen")
        else:
            path = posixpath.normpath(address.lstrip("/") if address.startswith("/") else page_dir + address)
            if not (path.startswith("../") or not (root / "content" / path).is_file()
                    or (root / "content" / path).is_symlink()):
                continue
            message = (f"billedet '{target}' findes ikke på sitet; læg billedet i content/ (fx "
                       "content/assets/) og skriv dets adresse, fx /assets/billede.jpg")
        found.append(Problem(rel, *where(index, target), dotted(field), message, label=people(field)))
    return found


def missing_images_in(root: Path, source: Source, model: BaseModel, page_dir: str | None,
                      printed: bool = False) -> list[Problem]:
    """missing_images for every Markdown field of a validated YAML file, at the line where each address is written."""
    return [problem for path, text in markdown_texts(model)
            for problem in missing_images(root, source.file, text, page_dir,
                                          lambda _, target, path=path: written_at(source, path, target), path,
                                          printed)]


def written_at(source: Source, path: tuple, written: str) -> tuple[int, int]:
    """(line, column) in the file where `written` is in the value at `path`; else where the value starts."""
    start, end = source.spans.get(path, (0, 0))
    at = source.text.find(written, start, end)
    return line_col(source.text, at) if at >= 0 else source.position(path)


def line_col(text: str, at: int) -> tuple[int, int]:
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def unprintable_in(where: Callable[[tuple, str], tuple[int, int]], file: str, value: object,
                   path: tuple = ()) -> list[Problem]:
    """A character no PDF font has (glyphs.py), in each text value of a file that is printed (an
    entity, &#x4F60;, as the character it becomes); `where(path, character)` is its (line, column)."""
    if isinstance(value, dict):
        return [p for key, v in value.items() for p in unprintable_in(where, file, v, (*path, key))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in unprintable_in(where, file, v, (*path, i))]
    if not isinstance(value, str) or (i := glyphs.first_unprintable(text := html.unescape(value))) is None:
        return []
    return [Problem(file, *where(path, text[i]), dotted(path), glyphs.message(text[i]), label=people(path))]


def site_pages(root: Path, posting_ids: list[str], role_ids: set[str]) -> set[str]:
    """The pages of the site as paths ('vaer-med', 'job/arkiv', ''), hand-written and generated."""
    docs = root / "content"
    pages = {"job", "job/arkiv", "job/besked", "foldere", *(f"job/{i}" for i in posting_ids),
             *(f"stillingsbeskrivelser/{r}" for r in role_ids)}
    for path in docs.rglob("*.md") if docs.is_dir() else []:
        rel = path.relative_to(docs).with_suffix("").as_posix()
        pages.add(rel[:-len("index")].rstrip("/") if rel == "index" or rel.endswith("/index") else rel)
    return pages


def _posting_rules(p: Posting, source: Source, units: dict[str, Unit], role_ids: set[str],
                   pages: set[str] = frozenset()) -> list[Problem]:
    """Rules that need more than one field, or another file."""
    found: list[Problem] = []
    for i, link in enumerate(p.links):
        if link.url.startswith("/") and urlsplit(link.url).path.strip("/") not in pages:
            found.append(source.problem(("links", i, "url"), f"{link.url} er ikke en side på sitet; link til en "
                                        "side, fx /vaer-med/ eller /stillingsbeskrivelser/"))
    if p.workplace not in units:
        known = ", ".join(sorted(i for i, u in units.items() if u.org.kind != "kommune"))
        found.append(source.problem(("workplace",), f"ukendt arbejdssted '{p.workplace}'; det skal stå i "
                                    f"{ORGANISATIONS_FILE}. Kendte id'er: {known}"))
    elif units[p.workplace].org.kind == "kommune":
        found.append(source.problem(("workplace",), "arbejdsstedet skal være en enhed i kommunen, ikke hele kommunen"))
    if p.role_description and p.role_description not in role_ids:
        found.append(source.problem(("role_description",), f"ukendt stillingsbeskrivelse '{p.role_description}'; "
                                    f"brug en af: {', '.join(sorted(role_ids))}"))
    if p.deadline < p.published:
        found.append(source.problem(("deadline",), f"fristen ({p.deadline}) ligger før opslaget offentliggøres "
                                    f"({p.published}); ret deadline eller published"))
    for i, interview in enumerate(p.interviews):
        if interview.date < p.published:
            found.append(source.problem(("interviews", i, "date"), f"samtalen ({interview.date}) ligger før "
                                        f"opslaget offentliggøres ({p.published})"))
    if p.withdrawn and p.withdrawn.date < p.published:
        found.append(source.problem(("withdrawn", "date"), f"datoen ({p.withdrawn.date}) ligger før opslaget "
                                    f"offentliggøres ({p.published}); skriv dagen stillingen blev besat eller annulleret"))
    if p.employment_end and p.start.date and p.employment_end < p.start.date:
        found.append(source.problem(("employment_end",), "slutdatoen ligger før tiltrædelsen"))
    return found


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")


@dataclass(frozen=True)
class LeafletPart:
    level: str  # '#' to '######' for a heading, '' for the text between headings
    text: str  # the heading's words, or that text (stripped)
    offset: int  # where `text` starts in the body


def leaflet_parts(body: str) -> list[LeafletPart]:
    """A leaflet's body as its page is made (render/pages.py): its headings, and the text between
    them, which is converted on its own; so the checks look at exactly the texts that are converted."""
    parts: list[LeafletPart] = []
    chunk: list[str] = []
    chunk_at = at = 0

    def flush() -> None:
        raw = "\n".join(chunk)
        if raw.strip():
            parts.append(LeafletPart("", raw.strip(), chunk_at + len(raw) - len(raw.lstrip())))
        chunk.clear()

    for line in body.split("\n"):
        if heading := HEADING.match(line):
            flush()
            parts.append(LeafletPart(heading[1], heading[2], at + heading.start(2)))
        else:
            if not chunk:
                chunk_at = at
            chunk.append(line)
        at += len(line) + 1
    flush()
    return parts


def _load_leaflets(root: Path, problems: list[Problem]) -> list[LeafletFile]:
    """Every leaflet in content/foldere/: front matter checked by the model, the body as untrusted Markdown."""
    files, found = folder_entries(root, LEAFLETS_DIR, lambda p: p.suffix == ".md" or p.suffix in LEAFLET_IMAGES,
                                  "en folder")
    problems.extend(found)
    out: list[LeafletFile] = []
    for path in files:
        if path.suffix != ".md" or path.name == "index.md":  # pictures; the index is generated (see below)
            continue
        rel = relative(path, root)
        text, found = decode(path.read_bytes(), rel)
        problems.extend(found)
        if text is None:
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # as a posting is read
        match = FRONT_MATTER.match(text)
        if not match:
            problems.append(Problem(rel, 1, 0, "", "en folder skal begynde med front matter mellem to linjer '---'"))
            continue
        source, found = parse(match[1], rel)
        if source is not None:
            source.positions = {k: (ln + 1, col) for k, (ln, col) in source.positions.items()}
        problems.extend(Problem(p.file, p.line + 1, p.column, p.field, p.message, label=p.label) for p in found)
        if source is None:
            continue
        leaflet, found = validate(Leaflet, source)
        problems.extend(found)
        body = text[match.end():]
        if found := _leaflet_text_problems(root, rel, text, match.end(), source, leaflet is not None):
            problems.extend(found)
        elif leaflet is not None:
            out.append(LeafletFile(path.stem, rel, relative(path, root / "content"), leaflet, body))
    return out


def _leaflet_text_problems(root: Path, rel: str, text: str, body_at: int, source: Source,
                           valid: bool) -> list[Problem]:
    """What is wrong with a leaflet's body: the text rules, on the whole body and on each part as it is
    converted on its own (a part can start where the whole body had a code block); then, for a valid
    leaflet, characters its PDF cannot print (front matter too) and images that are missing or undescribed."""
    body = text[body_at:]
    parts = [part for part in leaflet_parts(body) if not part.level]
    bad, offset = text_problem(body, multiline=True), 0
    for part in parts if not bad else ():
        if bad := text_problem(part.text, multiline=True):
            offset = part.offset
            break
    if bad:
        return [Problem(rel, *line_col(text, body_at + offset + bad[0]), "", bad[1])]
    if not valid:
        return []

    def in_front_matter(path: tuple, ch: str) -> tuple[int, int]:
        at = text.find(ch, 0, body_at)
        return line_col(text, at) if at >= 0 else source.position(path)

    printed = unprintable_in(in_front_matter, rel, source.data)
    line_at = body_at
    for line in body.split("\n"):  # an entity (&#x4F60;) as the character it becomes
        if (at := glyphs.first_unprintable(html.unescape(line))) is not None:
            ch = html.unescape(line)[at]
            written = text.find(ch, line_at, line_at + len(line))
            printed.append(Problem(rel, *line_col(text, written if written >= 0 else line_at), "", glyphs.message(ch)))
            break
        line_at += len(line) + 1
    if printed:
        return printed
    page_dir = f"foldere/{Path(rel).stem}/"
    return [problem for part in parts for problem in missing_images(
        root, rel, part.text, page_dir, lambda index, _, at=body_at + part.offset: line_col(text, at + index),
        printed=True)]


def _generated_pages_taken(root: Path, roles: RoleCatalogue | None) -> list[Problem]:
    """Hand-written files where the generator makes its pages: told at load, before anything is built."""
    taken = [p for p in (root / "content" / "foldere").glob("*") if p.name.lower() in ("index.md", "readme.md")]
    job_dir = root / "content" / "job"
    if job_dir.exists():
        taken += sorted(job_dir.rglob("*")) if job_dir.is_dir() else [job_dir]
    found = [Problem(relative(path, root), 1, 0, "", "siden laves af generatoren (opslag, arkiv, besked og folderoversigt); "
                     "slet filen, eller flyt den til en anden mappe") for path in taken if path.exists() or path.is_symlink()]
    return found + _symlinks(root, ("content", "overrides"))


def _symlinks(root: Path, folders: tuple[str, ...]) -> list[Problem]:
    """A symbolic link anywhere in the site's own folders would publish whatever it points to."""
    found = []
    for folder in folders:
        for here, dirs, files in os.walk(root / folder):
            for name in sorted(dirs + files):
                path = Path(here) / name
                if path.is_symlink():
                    found.append(Problem(f"{relative(Path(here), root)}/{name}", 1, 0, "", SYMLINK))
    return found
