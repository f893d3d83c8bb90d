"""The pull request's job summary: the facts of each added or changed posting.

A reviewer reads title, workplace, deadline, interviews and hours, and every
warning and error the check found, on the pull request's page without
downloading the preview. GitHub renders the summary as Markdown, and the
text comes from content, so every value is escaped for Markdown: it reads as
the text HR wrote, never as a link, an image, HTML or a mention.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from . import clock
from .content import load_site
from .read_postings import read_posting
from .site import Content
from .model import Posting
from .problems import ContentError, Problem, headline, one_line, relative
from .render import danish

# Every ASCII punctuation character may be backslash-escaped in CommonMark, and then it is
# only text: no emphasis, link, image, HTML, entity, table cell, heading, autolink (the ':'
# of 'https:' and the '.' of 'www.'), emoji (':x:'), mention ('@') or reference ('#1').
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def md(text: object) -> str:
    """Text from content as one line of Markdown that renders as exactly that text."""
    flat = " ".join(one_line(str(text)).split())  # no line breaks (a new block), controls shown as \x..
    return _PUNCTUATION.sub(r"\\\1", flat)


def _day(day: date) -> str:
    return danish.long_date(day)


def _workplace(posting: Posting, content: Content | None) -> str:
    unit = content.units.get(posting.workplace) if content else None
    if unit is None:
        return md(posting.workplace)
    return md(" · ".join(o.name for o in reversed(unit.chain)))


def _facts(posting: Posting, content: Content | None) -> list[str]:
    deadline = danish.moment_text(clock.at(posting.deadline, posting.deadline_time), bool(posting.deadline_time))
    interviews = "; ".join(
        f"{interview.label or 'Samtale'} "
        f"{danish.moment_text(clock.at(interview.date, interview.time), bool(interview.time))}"
        for interview in posting.interviews) or "ingen angivet"
    facts = [
        ("Arbejdssted", _workplace(posting, content)),
        ("Vises på sitet fra", md(_day(posting.published))),
        ("Ansøgningsfrist", md(deadline)),
        ("Samtaler", md(interviews)),
        ("Timer", md(danish.hours_text(posting))),
    ]
    if posting.withdrawn:
        facts.append(("Trukket tilbage", md(f"{posting.withdrawn.reason} {_day(posting.withdrawn.date)}")))
    return [f"- **{label}:** {value}" for label, value in facts]


def _problem_lines(problems: list[Problem]) -> list[str]:
    lines = []
    for p in sorted(problems):
        kind = "Fejl" if p.severity == "error" else "Advarsel"
        where = f"linje {p.line}" + (f", {p.field}" if p.field else "")
        lines.append(f"- **{kind}** ({md(where)}): {md(p.message)}")
    return lines


def summary(root: Path, files: list[str], day: date | None = None) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: the preview's day, then each posting in `files`."""
    content: Content | None = None
    try:
        content = load_site(root)
        problems = list(content.warnings)
    except ContentError as err:
        problems = list(err.problems)
    rels = sorted({relative(Path(f) if Path(f).is_absolute() else Path.cwd() / f, root) for f in files})

    n = len(rels)
    out = ["## Forhåndsvisning", ""]
    if day:
        out += [f"Forhåndsvisningen viser sitet, som det ser ud {md(_day(day))}\\. Hent den under **Artifacts** "
                "nederst på siden \\(**forhaandsvisning**\\), pak den ud, og åbn `index.html`\\.", ""]
    if not rels:
        return "\n".join(out + ["Ingen opslag i `jobs/` er tilføjet eller ændret.", ""])
    out += [f"{n} opslag er tilføjet eller ændret:", ""]
    for rel in rels:
        _, posting, own = read_posting(root, rel, None) if (root / rel).is_file() else (None, None, [])
        found = sorted(set(own) | {p for p in problems if p.file == rel})
        out += [f"### {md(posting.title) if posting else md(rel)}", "", f"Fil: {md(rel)}", ""]
        if posting:
            out += _facts(posting, content)
        elif not (root / rel).is_file():
            out.append("- Filen findes ikke \\(slettet\\)\\.")
        out.append("")
        if found:
            out += [f"**{md(headline(found))}**", ""] + _problem_lines(found) + [""]
        else:
            out += ["Tjekket fandt ingen fejl eller advarsler\\.", ""]
    return "\n".join(out)
