"""The hand-written pages (content/*.md and content/<section>/index.md): the kommune a page
names in its front matter (`kommune: ballerup`), whose footer it gets; and the theme's folder,
where a symbolic link would publish whatever it points to.
"""
from __future__ import annotations

import os
from pathlib import Path

from .kinds import SYMLINK, Entry
from .problems import Problem, relative
from .read_data import ORGANISATIONS_FILE
from .frontmatter import front_matter, read_text
from .site import Unit


def page_kommuner(root: Path, entries: list[Entry], units: dict[str, Unit],
                  problems: list[Problem]) -> dict[str, str]:
    """The kommune each hand-written page names (its path inside content/ -> kommune id); an
    unknown one is a problem at its line, never a silent fallback to the site's operator."""
    found: dict[str, str] = {}
    if not units:  # data/organisations.yml itself has a problem, reported already
        return found
    kommuner = [i for i, u in units.items() if u.org.kind == "kommune"]
    for entry in entries:
        text = read_text(root, entry.rel, [])  # an unreadable page: MkDocs says so when it builds
        source = front_matter(text, entry.rel)[0] if text is not None else None
        if source is None or not isinstance(source.data, dict) or "kommune" not in source.data:
            continue
        value = source.data["kommune"]
        if not isinstance(value, str) or value not in kommuner:
            problems.append(source.problem(("kommune",), f"ukendt kommune '{value}'; skriv id'et på en kommune i "
                                           f"{ORGANISATIONS_FILE}: " + ", ".join(kommuner)))
            continue
        found[entry.rel.removeprefix("content/")] = value
    return found


def theme_links(root: Path, folder: str = "overrides") -> list[Problem]:
    """A symbolic link in the theme's folder would publish whatever it points to."""
    found = []
    for here, dirs, files in os.walk(root / folder):
        for name in sorted(dirs + files):
            path = Path(here) / name
            if path.is_symlink():
                found.append(Problem(f"{relative(Path(here), root)}/{name}", 1, 0, "", SYMLINK))
    return found
