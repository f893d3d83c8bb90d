"""The day a preview shows, and which postings a change adds or edits.

`make preview` builds the site as it will look on one day. HR previews a
posting to see it live, so by default that day is the latest `published`
date among the postings the branch adds or changes against `main` (a posting
published next week is then shown on its first day), else today. Git is asked
only for names of changed files; without Git or a `main` branch the change is
taken to be empty.

  python -m generator preview date             the day, as YYYY-MM-DD (PREVIEW_DATE= overrides it)
  python -m generator preview summary [FILES]  the pull request's job summary, as Markdown
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from . import clock
from . import kinds
from .render import danish
from .yamlsource import load

ENV = "PREVIEW_DATE"
BASES = ("main", "origin/main")  # a local main, or the remote's (a CI checkout has only that)


class PreviewError(ValueError):
    """PREVIEW_DATE is set but is not a date: a sentence for HR, not a traceback."""


def parse_day(value: str) -> date:
    value = value.strip()
    example = f"fx {ENV}=2026-01-05"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise PreviewError(f"{ENV}={value!r} er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, {example}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PreviewError(f"{ENV}={value!r} findes ikke i kalenderen; tjek dag og måned, {example}") from None


def _git(root: Path, *args: str) -> list[str] | None:
    """The lines git prints, or None when git is missing or the command fails."""
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout.splitlines() if proc.returncode == 0 else None


def is_posting(rel: str) -> bool:
    return kinds.POSTING.match(rel) is not None


def changed_files(root: Path) -> list[str] | None:
    """Every file (relative path) the branch adds, changes or deletes against main, and the content
    files (jobs/, data/, content/, cms.yml) edited or added but not yet committed; None without git
    or a main branch to compare with. Code outside the content folders counts only as committed:
    a pull request is its commits, and a local build leaves files behind that are no change."""
    names: set[str] = set()
    diff = ("diff", "--name-only", "--relative", "--no-renames")
    for base in BASES:
        if (committed := _git(root, *diff, f"{base}...HEAD", "--")) is not None:
            names.update(committed)
            break
    else:
        return None
    names.update(_git(root, *diff, "HEAD", "--", *UNCOMMITTED) or [])
    names.update(_git(root, "ls-files", "--others", "--exclude-standard", "--", *UNCOMMITTED) or [])
    return sorted(names)


UNCOMMITTED = (*kinds.CONTENT_FOLDERS, kinds.CMS_SETTINGS.example)  # where an edit not yet committed is shown too


def changed_postings(root: Path) -> list[str]:
    """Posting files (relative paths) added or changed against main, committed or not, that still exist."""
    return [n for n in changed_files(root) or [] if is_posting(n) and (root / n).is_file()]


def change_kind(root: Path) -> str:
    """'indhold' when every file the branch changes against main is content (kinds.is_content), else
    'kode'; 'kode' too when git cannot tell (no main to compare with): when in doubt, every test runs."""
    changed = changed_files(root)
    return "indhold" if changed is not None and all(kinds.is_content(rel) for rel in changed) else "kode"


def published_day(root: Path, rel: str) -> date | None:
    """The posting's `published` date, or None when the file cannot tell (the check reports why)."""
    source, _ = load(root / rel, rel)
    value = source.data.get("published") if source is not None and isinstance(source.data, dict) else None
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def preview_day(root: Path, override: str | None = None, today: date | None = None) -> date:
    """PREVIEW_DATE when given; else the latest `published` among the changed postings; else today."""
    if override and override.strip():
        return parse_day(override)
    days = [d for rel in changed_postings(root) if (d := published_day(root, rel))]
    return max(days) if days else (today or clock.today())


def fixed_day() -> dict[str, str] | None:
    """For a build given a fixed day (JOBSITE_TODAY; every preview is one): the moment the page
    script takes as now (<meta name="jobsite-now">), and the day in Danish for the preview's
    banner. None for a normal build, where the page script uses the visitor's clock."""
    if not os.environ.get(clock.ENV, "").strip():
        return None
    now = clock.now()
    return {"now": now.isoformat(), "day": danish.long_date(now.date())}


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("preview", help="forhåndsvisningens dato og pull requestens oversigt")
    what = p.add_subparsers(dest="preview_command", required=True)
    what.add_parser("date", parents=[common], help=f"dagen forhåndsvisningen viser ({ENV}=ÅÅÅÅ-MM-DD sætter den)")
    what.add_parser("kind", parents=[common], help="'indhold' når ændringen kun rører indhold (opslag, data, "
                    "sider, foldere, billeder), ellers 'kode' (pull requestens tests vælges efter det)")
    p_summary = what.add_parser("summary", parents=[common], help="oversigt over de tilføjede og ændrede opslag "
                                                                  "(Markdown til GitHubs job summary)")
    p_summary.add_argument("files", nargs="*", type=Path, metavar="FIL",
                           help="opslagene (standard: dem, der er tilføjet eller ændret i forhold til main)")


def main(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    if args.preview_command == "date":
        try:
            print(preview_day(root, os.environ.get(ENV)).isoformat())
        except (PreviewError, clock.ClockError) as err:
            print(f"Ingen forhåndsvisning: {err}", file=sys.stderr)
            return 1
        return 0
    if args.preview_command == "kind":
        print(change_kind(root))
        return 0
    from .summary import summary  # the content model is loaded only for the summary

    changed = changed_files(root)
    files = [str(f) for f in args.files] if args.files else \
        [n for n in changed or [] if is_posting(n) and (root / n).is_file()]
    try:
        day = preview_day(root, os.environ.get(ENV))
    except (PreviewError, clock.ClockError):
        day = None  # `preview date` says why; the summary still lists the postings
    print(summary(root, files, day, changed or []), end="")
    return 0
