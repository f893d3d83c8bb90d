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
        where = f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "")
        field = f" {self.field}:" if self.field else ""
        label = "" if self.severity == "error" else " advarsel:"
        return f"{where}:{label}{field} {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        head = "1 fejl i indholdet:" if n == 1 else f"{n} fejl i indholdet:"
        return "\n".join([head, *(p.format() for p in self.problems)])


def relative(path: Path, root: Path) -> str:
    """The path as HR sees it in the repository."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
