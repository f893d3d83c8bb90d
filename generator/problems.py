"""User mistakes in content, as values: collected and reported together.

A Problem is never a traceback: it names the file, line and field, says what
is wrong and what to write instead, in Danish, for the HR staff who edit the
content.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    message: str
    severity: str = "error"  # "error" or "warning"

    def format(self) -> str:
        where = f"{one_line(self.file)}:{self.line}" + (f":{self.column}" if self.column else "")
        field = f" {one_line(self.field)}:" if self.field else ""
        label = "" if self.severity == "error" else " advarsel:"
        return f"{where}:{label}{field} {one_line(self.message)}"


def one_line(text: str) -> str:
    """Written text quoted in a problem (a field name, a value) must not break the one-line format."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class ContentError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))  # a file two checks look at is reported once
        super().__init__(self.report())

    def report(self) -> str:
        return "\n".join([headline(self.problems), *(p.format() for p in self.problems)])


def headline(problems: list[Problem]) -> str:
    """'2 fejl og 1 advarsel i indholdet:' — errors stop the build, warnings only inform."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    parts = [f"{errors} fejl"] if errors or not warnings else []
    if warnings:
        parts.append("1 advarsel" if warnings == 1 else f"{warnings} advarsler")
    return " og ".join(parts) + " i indholdet:"


def relative(path: Path, root: Path) -> str:
    """The path as HR sees it in the repository."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
