"""Load and check everything the site is made of: one stage, from the files to a Content.

The registry (kinds.py) sorts the checkout into kinds and refuses what no
kind declares; each kind's reader validates its files (read_data.py,
read_postings.py, read_leaflets.py, read_pages.py); then the rules between
files (a posting's workplace exists, a leaflet's kommune exists). Returns
one Content, or raises ContentError listing every problem in every file at
once, so HR fixes a pull request in one round.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from . import kinds, media, retention
from .kinds import LEAFLET, MEDIA, PAGE, POSTING, posting_page
from .problems import ContentError, Problem
from .read_data import ROLES_FILE, load_cms_settings, load_occupations, load_organisations, load_roles
from .read_leaflets import load_leaflets
from .read_pages import page_kommuner, theme_links
from .read_postings import load_postings, site_pages
from .site import Content

JOBS_DIR = kinds.JOBS_FOLDER  # where HR adds postings


def load_site(root: Path, cache: dict | None = None, text_checks: bool = True, processes: int = 1,
              today: date | None = None, read_in_full: frozenset[str] = frozenset(),
              only: frozenset[str] | None = None) -> Content:
    """Read jobs/, data/, content/ and cms.yml under `root`; raise ContentError on any problem.

    `cache` (kept by `mkdocs serve` between rebuilds) remembers each posting
    file read and validated, so only the files that changed are read again.
    `text_checks=False` skips the warnings where a text contradicts its fields
    (consistency.py): they are for `check`, and never stop a build.
    `processes` > 1 (check) reads the posting files of a large jobs/ in chunks in a
    process pool of that size; the result is the same as in one process.
    With `today` (the build's and check's day), a posting file closed so long ago that its page is
    surely gone (retention.surely_gone) is not read: the site shows nothing of it. Content.retired
    names those files; `read_in_full` (the files HR asked `check` about) are read whatever their age.
    With `only` (check of named files), no other posting file is read: a posting is checked against
    the data files and the site's pages, never against another posting, and a national jobs/ holds
    thousands.
    """
    inventory, problems = kinds.scan(root)
    refused = {p.file for p in problems}  # a file the registry refused (size, link) is not read at all
    warnings: list[Problem] = []
    site_rule: list = []  # the retention rule for the kommuner without their own
    units = _kept(cache, root, kinds.ORGANISATIONS.example, problems, warnings, site_rule,
                  load_organisations, {}) if kinds.ORGANISATIONS.example not in refused else {}
    roles = _kept(cache, root, kinds.ROLES.example, problems, None, None,
                  load_roles, None) if kinds.ROLES.example not in refused else None
    cms = _kept(cache, root, kinds.CMS_SETTINGS.example, problems, None, None,
                load_cms_settings, None) if kinds.CMS_SETTINGS.example not in refused else None
    occupations = _kept(cache, root, kinds.OCCUPATIONS.example, problems, None, None,
                        load_occupations, {}) if kinds.OCCUPATIONS.example not in refused else {}
    if roles and units and (roles.kommune not in units or units[roles.kommune].org.kind != "kommune"):
        problems.append(Problem(ROLES_FILE, 1, 0, "kommune", f"ukendt kommune '{roles.kommune}'; brug et id fra "
                                f"data/organisations.yml, fx {', '.join(i for i, u in units.items() if u.org.kind == 'kommune')}"))
    role_ids = {r.id for r in roles.roles} if roles else set()
    postings_found, retired = inventory.of(POSTING), []
    if today is not None:
        postings_found, retired = _current(root, postings_found, units, today, read_in_full, cache)
    page_sources = [e.rel.removeprefix("content/") for e in inventory.of(PAGE) + inventory.of(LEAFLET)]
    pages = site_pages(page_sources, [e.id for e in postings_found], role_ids)
    if only is not None:
        postings_found = [e for e in postings_found if e.rel in only]
    postings = load_postings(root, postings_found, problems, warnings, units, role_ids, pages, cache,
                             text_checks, processes, occupations)
    leaflets = load_leaflets(root, inventory.of(LEAFLET), units, problems, warnings if text_checks else None)
    owners = page_kommuner(root, inventory.of(PAGE), units, problems)
    for entry in inventory.of(MEDIA):  # decoded as they will be published (media.py)
        problems += media.check_file(root, entry.rel)
    problems += theme_links(root)
    if problems:
        raise ContentError(problems + warnings)
    return Content(root, postings, units, roles, leaflets, warnings, owners,
                   media=[e.rel for e in inventory.of(MEDIA)], cms=cms, occupations=occupations, retired=retired,
                   site_retention=site_rule[0] if site_rule else None)


def _kept(cache: dict | None, root: Path, rel: str, problems: list[Problem], warnings: list[Problem] | None,
          site_rule: list | None, load: Callable, missing: object) -> object:
    """What `load` reads from the data file `rel`, with its problems, warnings and the site's rule.

    Under `serve`, `cache` keeps it by the file's time and size: a rebuild after an edit to a
    posting does not parse data/organisations.yml again, and gets the same objects, so the
    pages made from them compare equal at once (mkdocs/pages.py).
    """
    extra = [x for x in (warnings, site_rule) if x is not None]
    if cache is None:
        return load(root, problems, *extra)
    try:
        stat = (root / rel).stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None  # missing: the loader says so (or returns nothing) each time
    key = ("data", rel)
    if stamp is None or (kept := cache.get(key)) is None or kept[0] != stamp:
        found, lists = [], [[] for _ in extra]
        kept = (stamp, (load(root, found, *lists), found, lists))
        if stamp is not None:
            cache[key] = kept
    value, found, lists = kept[1]
    problems.extend(found)
    for into, items in zip(extra, lists):
        into.extend(items)
    return value if value is not None else missing


def _current(root: Path, entries: list[kinds.Entry], units: dict, today: date, read_in_full: frozenset[str],
             cache: dict | None = None) -> tuple[list[kinds.Entry], list[str]]:
    """The posting files to read, and the files of postings surely gone (read from their deadline line only;
    under `serve`, `cache` keeps each file's deadline by its time and size, so a rebuild reads none again)."""
    last = today - timedelta(days=retention.longest(u.org for u in units.values() if u.org.kind == "kommune"))
    current, retired = [], []
    for entry in entries:
        try:
            deadline = None if entry.rel in read_in_full else _deadline(root / entry.rel, cache, entry.stamp)
        except OSError:
            deadline = None  # read in full, where the reader says what is wrong
        if deadline is not None and deadline < last:
            retired.append(entry.rel)
        else:
            current.append(entry)
    return current, retired


def _deadline(path: Path, cache: dict | None, stamp: tuple[int, int] | None = None) -> date | None:
    if cache is None:
        return retention.plain_deadline(path.read_bytes())
    if stamp is None:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    key = ("deadline", str(path))
    if (kept := cache.get(key)) is None or kept[0] != stamp:
        kept = cache[key] = (stamp, retention.plain_deadline(path.read_bytes()))
    return kept[1]


__all__ = ["Content", "ContentError", "JOBS_DIR", "load_site", "posting_page"]
