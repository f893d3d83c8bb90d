"""A Markdown page's front matter and text (leaflets, hand-written pages), read as safely as a posting:
the same decoding, the same YAML loader, and line numbers that are the file's own."""
from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem
from .yamlsource import Source, decode, parse

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)


def front_matter(text: str, rel: str) -> tuple[Source | None, int, list[Problem]]:
    """A page's front matter as a Source with the file's line numbers, where its body starts, and
    its problems; (None, 0, []) when the page has none."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, 0, []
    source, found = parse(match[1], rel)
    if source is not None:
        source.positions = {k: (ln + 1, col) for k, (ln, col) in source.positions.items()}
    return source, match.end(), [Problem(p.file, p.line + 1, p.column, p.field, p.message, label=p.label) for p in found]


def read_text(root: Path, rel: str, problems: list[Problem]) -> str | None:
    """A Markdown file's text with its line ends as a posting's are read, or None when unreadable."""
    text, found = decode((root / rel).read_bytes(), rel)
    problems.extend(found)
    return text.replace("\r\n", "\n").replace("\r", "\n") if text is not None else None
