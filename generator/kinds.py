"""Every path a pull request may add, and what each becomes: the registry of kinds.

A pull request can add any file at any path. Each path under jobs/, data/
and content/ (and the editor's settings, cms.yml) belongs to exactly one
declared kind: its place and name pattern, its size limit, who reviews it,
and the page it makes. `scan` sorts a checkout into kinds and refuses, with
a Danish message, every file no kind declares and every name outside its
kind's pattern. The generator's own pages and files, and the ids they
reserve, are named here too, so a URL is written in one place.
"""
from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import media
from .problems import Problem

# --- the site's generated pages (MkDocs source paths) and files ------------------------------------

JOB_SECTION = "job"  # the postings' part of the site: /job/
JOB_LIST = f"{JOB_SECTION}/index.md"  # "Ledige stillinger"
ARCHIVE = f"{JOB_SECTION}/arkiv.md"  # closed postings
ALERTS = f"{JOB_SECTION}/besked.md"  # "Få besked om nye stillinger"
LEAFLET_SECTION = "foldere"
LEAFLET_INDEX = f"{LEAFLET_SECTION}/index.md"
ROLE_SECTION = "stillingsbeskrivelser"  # the hand-written role table and one generated page per role
FEED = f"{JOB_SECTION}/feed.xml"
CALENDAR = f"{JOB_SECTION}/kalender.ics"
JOBS_JSON = f"{JOB_SECTION}/jobs.json"
JOB_SITEMAP = f"{JOB_SECTION}/sitemap.xml"
FACET_FEEDS = f"{JOB_SECTION}/feeds"  # one feed and calendar per kommune, district, role, ...
PRIVACY = "personoplysninger.md"  # how long a posting's contacts stay (the retention rule, retention.py)
SEARCH_PAGE = "soeg.md"  # "Søg": the header's search form goes here (?q=...), results are shown on it
JOBNET_FOLDER = f"{JOB_SECTION}/jobnet"  # the postings in Jobnet's terms, for a sender to Jobnet (jobnet.py)
JOBNET_INDEX = f"{JOBNET_FOLDER}/index.json"
GENERATED_PAGES = (JOB_LIST, ARCHIVE, ALERTS, LEAFLET_INDEX, SEARCH_PAGE, PRIVACY)
GENERATED_FILES = (FEED, CALENDAR, JOBS_JSON, JOB_SITEMAP, JOBNET_INDEX)


def posting_page(posting_id: str) -> str:
    return f"{JOB_SECTION}/{posting_id}.md"


def posting_url(posting_id: str) -> str:
    """The posting's address inside the site: 'job/<id>/'."""
    return f"{JOB_SECTION}/{posting_id}/"


def posting_calendar_name(posting_id: str) -> str:
    """The posting's calendar file in the posting's folder, named after the posting: a download is
    saved as 'paedagogisk-leder-stjernehuset.ics', which says which job it is."""
    return f"{posting_id}.ics"


def posting_calendar(posting_id: str) -> str:
    """'job/<id>/<id>.ics': the deadline and interviews of one posting."""
    return posting_url(posting_id) + posting_calendar_name(posting_id)


FORMER_POSTING_CALENDAR = "kalender.ics"  # the name before: every posting's download was 'kalender.ics'


def posting_calendars(posting_id: str) -> tuple[str, str]:
    """Where the posting's calendar is written: its address, and its former address
    'job/<id>/kalender.ics' (the same file), so links already shared keep working."""
    return posting_calendar(posting_id), posting_url(posting_id) + FORMER_POSTING_CALENDAR


def jobnet_file(posting_id: str) -> str:
    """'job/jobnet/<id>.json': one open posting in Jobnet's terms (the export)."""
    return f"{JOBNET_FOLDER}/{posting_id}.json"


def jobnet_sheet(posting_id: str) -> str:
    """'job/<id>/jobnet.md': the preview's Jobnet sheet of one posting (its fields to copy into Jobnet)."""
    return f"{JOB_SECTION}/{posting_id}/jobnet.md"


def role_page(role_id: str) -> str:
    return f"{ROLE_SECTION}/{role_id}.md"


def leaflet_page(leaflet_id: str) -> str:
    return f"{LEAFLET_SECTION}/{leaflet_id}.md"


ROLE_INDEX = f"{ROLE_SECTION}/index.md"  # hand-written: the role table's page


def page_path(src_uri: str) -> str:
    """A page's path as links name it: 'job/x.md' -> 'job/x', 'job/index.md' -> 'job', 'index.md' -> ''.
    (README.md is an index page to MkDocs, and is refused in content.)"""
    path = src_uri.removesuffix(".md")
    return "" if path in ("index", "README") else path.removesuffix("/index").removesuffix("/README")


def page_url(src_uri: str) -> str:
    """A page's address inside the site (directory URLs): 'job/x.md' -> 'job/x/', 'index.md' -> ''."""
    path = page_path(src_uri)
    return path + "/" if path else ""


# Ids that would take the address of a generated page or file, or of one of the site's folders.
RESERVED_IDS = frozenset(
    {Path(p).stem for p in GENERATED_PAGES + GENERATED_FILES} | {Path(FACET_FEEDS).name}
    | {Path(JOBNET_FOLDER).name, "assets", "admin", JOB_SECTION, LEAFLET_SECTION, ROLE_SECTION})

# --- names ----------------------------------------------------------------------------------------

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")  # an id: small letters a-z, digits, hyphens
ID_RULE = ("brug små bogstaver a-z, tal og bindestreg (æ → ae, ø → oe, å → aa, mellemrum → -), "
           "højst 80 tegn")


GENERATED_HERE = "navnet er reserveret: siden laves af generatoren; vælg et andet navn"


def id_problem(name: str, reserved: frozenset[str] = RESERVED_IDS, pattern: re.Pattern = ID_PATTERN) -> str | None:
    """Why `name` cannot be an id (and so a web address), in Danish; None when it can."""
    if name.casefold() in reserved:  # README.md is an index page to MkDocs
        return f"'{name}': {GENERATED_HERE}"
    if pattern.fullmatch(name):
        return None
    shown = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in name[:60])
    if unicodedata.normalize("NFC", name) != name or unicodedata.normalize("NFD", name) != name:
        return f"'{shown}' har bogstaver med accent eller æ, ø, å; {ID_RULE}"
    return f"'{shown}' kan ikke bruges i en webadresse; {ID_RULE}"


# --- the kinds ------------------------------------------------------------------------------------

HR, DEVELOPERS = "hr", "udviklere"  # who reviews a change to the kind (.github/CODEOWNERS)


@dataclass(frozen=True)
class Kind:
    """One kind of file: where it lies, what its name must be, how big it may be, who reviews it."""

    name: str  # 'posting'
    what: str  # Danish, for messages: 'et opslag'
    pattern: re.Pattern  # its path from the repository's root; the group 'id' is its id when it has one
    max_bytes: int
    owner: str  # HR or DEVELOPERS
    example: str  # a good name, for messages
    reserved: frozenset[str] = frozenset()  # ids the generator's own pages take in the kind's place
    names: re.Pattern = ID_PATTERN  # what its id may be

    def match(self, rel: str) -> re.Match | None:
        return self.pattern.fullmatch(rel)


JOBS_FOLDER, DATA_FOLDER = "jobs", "data"
_IMAGE = "(?:" + "|".join(re.escape(s) for s in media.MEDIA_SUFFIXES) + ")"  # raster images only (media.py)
_MEDIA_FOLDERS = "|".join(re.escape(f) for f in media.MEDIA_FOLDERS)

POSTING = Kind("posting", "et opslag", re.compile(rf"{JOBS_FOLDER}/(?P<id>[^/]*)\.ya?ml"), 100_000, HR,
               "jobs/paedagog-stjernehuset.yml", RESERVED_IDS)
ORGANISATIONS = Kind("organisations", "organisationerne", re.compile(r"data/organisations\.yml"), 1_000_000, HR,
                     "data/organisations.yml")
ROLES = Kind("roles", "stillingsbeskrivelserne", re.compile(r"data/roles\.yml"), 200_000, HR, "data/roles.yml")
# Stillingstype -> Jobnet's occupation (DISCO-08) with its source: a fact to verify, reviewed by developers.
OCCUPATIONS = Kind("occupations", "stillingsbetegnelserne til Jobnet", re.compile(r"data/occupations\.yml"), 50_000,
                   DEVELOPERS, "data/occupations.yml")
LEAFLET = Kind("leaflet", "en folder", re.compile(rf"content/{LEAFLET_SECTION}/(?P<id>[^/]*)\.md"), 200_000, HR,
               f"content/{LEAFLET_SECTION}/ressourcegrupper.md", frozenset({"index", "readme"}))
MEDIA = Kind("media", "et billede", re.compile(rf"(?:{_MEDIA_FOLDERS})/(?P<id>[^/]*){_IMAGE}"),
             media.MAX_BYTES, HR, "content/assets/billeder/legepladsen.jpg", names=media.NAME)  # Decap keeps '_'

PAGE = Kind("page", "en side", re.compile(r"content/(?:(?P<id>[^/]*)\.md|(?P<section>[^/]*)/index\.md)"), 200_000,
            DEVELOPERS, "content/vaer-med.md", frozenset({JOB_SECTION, LEAFLET_SECTION, "assets", "admin", "readme"}))
THEME = Kind("theme", "sitets egne filer (stil, script)", re.compile(r"content/assets/[a-z0-9-]+\.(?:css|js|xsl)"),
             200_000, DEVELOPERS, "content/assets/jobsite.css")
EDITOR = Kind("editor", "redigeringen (/admin/)", re.compile(r"content/admin/(?:index\.html|regler\.js|config\.yml)"),
              500_000, DEVELOPERS, "content/admin/config.yml")
CMS_SETTINGS = Kind("cms", "redigeringens indstillinger", re.compile(r"cms\.yml"), 4_000, DEVELOPERS, "cms.yml")

KINDS = (POSTING, ORGANISATIONS, ROLES, OCCUPATIONS, LEAFLET, MEDIA, PAGE, THEME, EDITOR, CMS_SETTINGS)
CONTENT_FOLDERS = (JOBS_FOLDER, DATA_FOLDER, "content")  # everything under these is content, and must be a kind
IGNORED_NAMES = {".gitkeep"}  # keeps an empty folder in Git

# What may lie in each folder, for the message about a file that matches no kind.
FOLDER_HINTS = {
    "jobs": "i jobs/ ligger kun opslag, én fil pr. opslag med endelsen .yml, fx jobs/paedagog-stjernehuset.yml",
    "data": "i data/ ligger kun organisations.yml, roles.yml og occupations.yml",
    f"content/{LEAFLET_SECTION}": f"i content/{LEAFLET_SECTION}/ ligger kun foldere (.md) og deres billeder "
                                  "(.jpg, .png eller .webp)",
    "content/assets/billeder": "i content/assets/billeder/ ligger kun billeder: fotos og tegninger som JPEG, PNG "
                               "eller WebP (.jpg, .png, .webp). SVG, HTML og PDF kan indeholde kode og tages ikke "
                               "imod; gem en tegning som PNG",
}
GENERATED_HINT = ("siden laves af generatoren (opslag, arkiv, besked og folderoversigt); slet filen, eller flyt den "
                  "til en anden mappe")
FOLDER_HINTS[f"content/{JOB_SECTION}"] = GENERATED_HINT
OTHER_HINT = ("filen hører ikke til nogen slags indhold, sitet kender (opslag i jobs/, data i data/, foldere i "
              f"content/{LEAFLET_SECTION}/, billeder i content/assets/billeder/); flyt den dertil, eller slet den")
SYMLINK = "filen er et symbolsk link (en genvej); læg selve filen her i stedet, så den læses og udgives som den er"


# What a pull request may change and still be "content only" (its checks read the built site; the
# whole test suite is for changes to anything else): the postings, the data, pages, leaflets, media.
CONTENT_KINDS = frozenset({"posting", "organisations", "roles", "occupations", "leaflet", "media", "page"})


def is_content(rel: str) -> bool:
    """Whether a changed path is content (a kind of CONTENT_KINDS): not code, theme, editor or settings."""
    kind = kind_of(rel)
    return kind is not None and kind.name in CONTENT_KINDS


def kind_of(rel: str) -> Kind | None:
    """The kind whose place `rel` is in (its name not yet checked), or None."""
    return next((kind for kind in KINDS if kind.match(rel)), None)


@dataclass(frozen=True)
class Entry:
    """A file of a kind, found by `scan`."""

    kind: Kind
    rel: str  # from the repository's root
    id: str  # '' for a kind without ids
    stamp: tuple[int, int] | None = field(default=None, compare=False)  # (mtime_ns, size) as scanned


@dataclass(frozen=True)
class Inventory:
    """What a checkout holds, by kind (each list in path order)."""

    entries: tuple[Entry, ...]

    def of(self, kind: Kind) -> list[Entry]:
        return [e for e in self.entries if e.kind is kind]


def scan(root: Path) -> tuple[Inventory, list[Problem]]:
    """Every file under the content folders (and cms.yml), sorted into kinds; a problem for every
    other file, every name outside its kind's pattern, every file over its kind's size, and every
    symbolic link (it would publish whatever it points to)."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}  # (kind, id) case-folded -> the file that has it
    # Plain strings and one lstat per file, not pathlib: a national jobs/ holds 20,000 files.
    paths: list[tuple[str, str, str]] = []  # (rel, path, name)
    if (root / CMS_SETTINGS.example).exists() or (root / CMS_SETTINGS.example).is_symlink():
        paths.append((CMS_SETTINGS.example, str(root / CMS_SETTINGS.example), CMS_SETTINGS.example))
    for folder in CONTENT_FOLDERS:
        base = root / folder
        if base.is_symlink():
            problems.append(Problem(folder, 1, 0, "", SYMLINK))
            continue
        for here, dirs, files in os.walk(base):
            rel_here = Path(here).relative_to(root).as_posix()
            for name in sorted(dirs):
                if (Path(here) / name).is_symlink():  # os.walk lists a link to a folder as a folder
                    problems.append(Problem(f"{rel_here}/{name}", 1, 0, "", SYMLINK))
            dirs[:] = sorted(d for d in dirs if not (Path(here) / d).is_symlink())
            paths += [(f"{rel_here}/{name}", os.path.join(here, name), name) for name in sorted(files)]
    for rel, path, name in paths:
        if name in IGNORED_NAMES:
            continue
        try:
            mode, size = (st := os.lstat(path)).st_mode, st.st_size
        except OSError:
            mode = size = 0
        if stat.S_ISLNK(mode):
            problems.append(Problem(rel, 1, 0, "", SYMLINK))
            continue
        if not stat.S_ISREG(mode):
            problems.append(Problem(rel, 1, 0, "", "er ikke en almindelig fil og læses ikke; slet den"))
            continue
        if name.startswith("."):
            problems.append(Problem(rel, 1, 0, "", "skjulte filer (navnet begynder med punktum) læses ikke; "
                                    "giv filen et navn uden punktum foran, eller slet den"))
            continue
        kind = kind_of(rel)
        if (kind is None or kind is MEDIA) and media.media_folder(rel) and not rel.lower().endswith(".md") \
                and (why := media.name_problem(rel)):  # what to upload instead, by what was uploaded
            problems.append(Problem(rel, 1, 0, "", why))
            continue
        if kind is None:
            problems.append(Problem(rel, 1, 0, "", "filen læses ikke: " + _hint(rel)))
            continue
        match = kind.match(rel)
        ident = match.groupdict().get("id") or match.groupdict().get("section") or ""
        if "id" in kind.pattern.groupindex or "section" in kind.pattern.groupindex:
            if why := id_problem(ident, kind.reserved, kind.names):
                problems.append(Problem(rel, 1, 0, "", f"filnavnet kan ikke bruges: {why}; fx {kind.example}"))
                continue
        if size > kind.max_bytes:
            problems.append(Problem(rel, 1, 0, "", f"filen fylder {_size(size)}; {kind.what} må højst fylde "
                                    f"{_size(kind.max_bytes)}. Er der kommet et billede eller en kopi af noget "
                                    "andet med?"))
            continue
        key = f"{kind.name}:{rel.rsplit('/', 1)[0]}/{ident.casefold()}" if ident else ""
        if key and key in seen:
            problems.append(Problem(rel, 1, 0, "", f"'{ident}' findes allerede som {seen[key]}; giv filen et "
                                    "andet navn"))
            continue
        if key:
            seen[key] = rel
        entries.append(Entry(kind, rel, ident, (st.st_mtime_ns, size)))
    return Inventory(tuple(entries)), problems


def _hint(rel: str) -> str:
    """What may lie where `rel` was put: its folder's rule, or a subfolder's."""
    folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
    if folder in FOLDER_HINTS:
        return FOLDER_HINTS[folder]
    parent = next((f for f in sorted(FOLDER_HINTS, key=len, reverse=True) if folder.startswith(f + "/")), None)
    if parent == f"content/{JOB_SECTION}":
        return GENERATED_HINT
    if parent is not None or folder.split("/")[0] in ("jobs", "data"):
        top = parent or folder.split("/")[0]
        return f"filer i en undermappe læses ikke; flyt filen op i {top}/ ({FOLDER_HINTS[top]})"
    return OTHER_HINT


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB".replace(".", ",") if n >= 1_000_000 else f"{max(1, n // 1000)} KB"
