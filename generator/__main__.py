"""Command line: `python -m generator check` validates all content and prints
every problem as file:line:column: field: message (exit 1 on any error)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .content import load_content
from .problems import ContentError, Problem


def _annotate(problem: Problem) -> str:
    """A GitHub Actions annotation, so the problem shows on the pull request's diff."""
    level = "error" if problem.severity == "error" else "warning"
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{level} file={problem.file},line={problem.line},col={problem.column}::{message}"


def check(root: Path) -> int:
    try:
        content = load_content(root)
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            for problem in err.problems:
                print(_annotate(problem))
        return 1
    print(f"OK: {len(content.postings)} opslag, {len(content.units)} organisationer, "
          f"{len(content.leaflets)} foldere er i orden.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="jobsite: tjek og opret indhold.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="tjek alle opslag, organisationer, stillingsbeskrivelser og foldere")
    p_check.add_argument("--root", type=Path, default=Path.cwd(), help="projektets mappe (standard: den aktuelle)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.root)
    return 2


if __name__ == "__main__":
    sys.exit(main())
