"""The postings: each jobs/<id>.yml read, validated, and checked against the data files (its
workplace, its role description, the pages its links name) and against itself (dates in a
possible order). A large jobs/ is read in a process pool; the result is the same.
"""
from __future__ import annotations

import re
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path
from urllib.parse import urlsplit

from . import jobnet
from .consistency import Names, text_warnings
from .hosts import link_warnings
from .kinds import ROLE_INDEX, Entry, GENERATED_PAGES, page_path, page_url, posting_page, posting_url, role_page
from .lint import posting_warnings
from .model import Posting
from .problems import Problem, people
from .read_data import read_yaml
from .site import PostingFile, Unit
from .textchecks import missing_images_in, promise_warnings
from .validation import id_hint, validate
from .yamlsource import Source, dotted

PLACEHOLDER = "UDFYLD"  # what `python -m generator new` writes where HR must write the real text
SPLIT_FROM = 200  # postings: below this, a pool costs more than it saves
SPLIT_INTO = 8  # chunks: a few per worker, so one slow chunk does not keep the others waiting


def load_postings(root: Path, entries: list[Entry], problems: list[Problem], warnings: list[Problem],
                  units: dict[str, Unit], role_ids: set[str], pages: set[str], cache: dict | None = None,
                  text_checks: bool = True, processes: int = 1, occupations: dict | None = None) -> list[PostingFile]:
    """Every posting file the registry found, read, validated and checked against the other files."""
    todo = [(entry.id, entry.rel, entry.stamp) for entry in entries]
    if processes > 1 and len(todo) >= SPLIT_FROM:
        size = -(-len(todo) // SPLIT_INTO)
        chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
        with ProcessPoolExecutor(processes) as pool:
            checked = [r for part in pool.map(check_postings, repeat(root), chunks, repeat(units), repeat(role_ids),
                                              repeat(None), repeat(pages), repeat(text_checks), repeat(occupations))
                       for r in part]
    else:
        checked = check_postings(root, todo, units, role_ids, cache, pages, text_checks, occupations)
    out: list[PostingFile] = []
    for entry, found, warned in checked:
        problems.extend(found)
        warnings.extend(warned)
        if entry is not None:
            out.append(entry)
    return out


def check_postings(root: Path, todo: list[tuple[str, str, tuple | None]], units: dict[str, Unit], role_ids: set[str],
                   cache: dict | None, pages: set[str], text_checks: bool = True, occupations: dict | None = None,
                   ) -> list[tuple[PostingFile | None, list[Problem], list[Problem]]]:
    """(the posting or None, its problems, its warnings) for each (id, file, its time and size as scanned)."""
    out = []
    names = Names.of(units)
    workplaces = workplace_names(units)
    for pid, rel, scanned in todo:
        source, posting, found = read_posting(root, rel, cache, units, names, text_checks, workplaces, scanned)
        if source is None or posting is None:
            out.append((None, found, []))
            continue
        broken = posting_rules(posting, source, units, role_ids, pages)
        if broken:
            out.append((None, found + broken, []))
            continue
        warned = posting_warnings(posting, source) + source.warnings
        if text_checks:  # the host audit is check's and the summary's; a build only needs the posting
            warned += link_warnings(posting, source, units[posting.workplace].kommune)
            warned += jobnet.warnings(posting, source, units[posting.workplace], occupations or {})  # what Jobnet refuses
        out.append((PostingFile(pid, rel, posting), found, warned))
    return out


def read_posting(root: Path, rel: str, cache: dict | None, units: dict[str, Unit] | None = None,
                 names: Names | None = None, text_checks: bool = True, workplaces: dict[str, str] | None = None,
                 scanned: tuple[int, int] | None = None) -> tuple[Source | None, Posting | None, list[Problem]]:
    """Read and validate one posting file, or take it from `cache` when the file is unchanged.

    With `units`, the source also carries the warnings where the text contradicts the fields
    (consistency.py), found while the text is still there.
    """
    units = units or {}
    names = names or Names.of(units)
    try:
        if scanned is None:  # `scanned`: kinds.scan's (mtime_ns, size), one stat per file for a national jobs/
            stat = (root / rel).stat()
            scanned = (stat.st_mtime_ns, stat.st_size)
        stamp = (*scanned, names.key, text_checks)
    except OSError:
        stamp = None
    if cache is not None and stamp and cache.get(rel, (None,))[0] == stamp:
        return cache[rel][1]
    found: list[Problem] = []
    source, posting = read_yaml(root, rel, found), None
    if source is not None:
        workplaces = workplace_names(units) if workplaces is None else workplaces
        posting, invalid = validate(Posting, source, {("workplace",): lambda v: id_hint(v, workplaces, "workplace")})
        found += invalid + _placeholders(source, {p.line for p in invalid})
        if not invalid:
            found += missing_images_in(root, source, posting, posting_url(Path(rel).stem))
            if text_checks:
                source.warnings = text_warnings(posting, source, units, names) + promise_warnings(source, posting)
        source = source.positions_only()
    if cache is not None and stamp:
        cache[rel] = (stamp, (source, posting, found))
    return source, posting, found


def workplace_names(units: dict[str, Unit]) -> dict[str, str]:
    """Workplace id -> name, for the hint when HR writes a workplace by its name."""
    return {i: u.org.name for i, u in units.items() if u.org.kind != "kommune"}


def _placeholders(source: Source, reported: set[int]) -> list[Problem]:
    """Lines where the template's UDFYLD is still written (unless that line already has a problem)."""
    if PLACEHOLDER not in source.text:  # nearly always: skip the line-by-line search
        return []
    ordered = sorted((pos, path) for path, pos in source.positions.items() if path)

    def field_at(number: int) -> tuple:  # the field written on this line or nearest above it
        above = [(pos, path) for pos, path in ordered if pos[0] <= number]
        return max(above, key=lambda a: (a[0], len(a[1])))[1] if above else ()

    lines = [(number, line) for number, line in enumerate(source.text.splitlines(), 1)
             if number not in reported and not line.lstrip().startswith("#")
             and re.search(rf"\b{PLACEHOLDER}\b", line)][:20]  # the first twenty say enough
    return [Problem(source.file, number, line.index(PLACEHOLDER) + 1, dotted(field_at(number)),
                    f"'{PLACEHOLDER}' fra skabelonen står her stadig; skriv den rigtige tekst i stedet",
                    label=people(field_at(number)))
            for number, line in lines]


def site_pages(page_sources: list[str], posting_ids: list[str], role_ids: set[str]) -> set[str]:
    """The pages of the site as paths ('vaer-med', 'job/arkiv', ''), hand-written and generated:
    what a posting's link to the site itself may name."""
    sources = [*GENERATED_PAGES, *map(posting_page, posting_ids), *map(role_page, role_ids), *page_sources]
    return {page_path(src) for src in sources}


def posting_rules(p: Posting, source: Source, units: dict[str, Unit], role_ids: set[str],
                  pages: set[str] = frozenset()) -> list[Problem]:
    """Rules that need more than one field, or another file."""
    found: list[Problem] = []
    for i, link in enumerate(p.links):
        if link.url.startswith("/") and urlsplit(link.url).path.strip("/") not in pages:
            found.append(source.problem(("links", i, "url"), f"{link.url} er ikke en side på sitet; link til en "
                                        "side, fx /vaer-med/ eller /" + page_url(ROLE_INDEX)))
    if not units:  # the organisations could not be read: their own errors say why
        found.append(source.problem(("workplace",), f"arbejdsstedet '{p.workplace}' kan ikke findes, fordi "
                                    "organisationerne har fejl; ret dem først (se fejlene i data/)"))
    elif p.workplace not in units:
        known = ", ".join(sorted(i for i, u in units.items() if u.org.kind != "kommune"))
        found.append(source.problem(("workplace",), f"ukendt arbejdssted '{p.workplace}'. Kendte id'er: {known}. Er "
                                    "arbejdsstedet nyt, skal det først tilføjes organisationerne (spørg den, "
                                    "der passer sitet)"))
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
