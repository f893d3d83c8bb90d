"""Bad content never gets through: each mistake HR can make fails the build
before anything is written, with the file, the line and what to write
instead, and never a traceback."""
import sys

import pytest

from conftest import mkdocs_build, run

GOOD = """\
# yaml-language-server: $schema=../schema/posting.schema.json
title: Pædagog til Børnehuset Stjernehuset
workplace: stjernehuset
hours: 37
employment: fast
start:
  asap: true
published: 2026-01-01
deadline: 2026-01-31
interviews:
  - label: 1. samtale
    date: 2026-02-03
    time: "09:00"
role: pædagog
age_groups: ["0-3"]
intro: |
  Vi søger en pædagog.
contacts:
  - name: Helle Kristensen
    phone: 4477 1847
    email: helle@example.dk
apply:
  url: https://ballerup.dk/job
"""


def edit(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# (name, file text, the text of the line the error must point at, words the message must contain)
CASES = [
    ("yaml-syntax", edit('title: Pædagog til Børnehuset Stjernehuset', 'title: "Pædagog til Børnehuset'),
     None, ["kan ikke læses som YAML"]),
    ("tab", edit("  asap: true", "\tasap: true"), "asap", ["tabulator"]),
    ("wrong-type", edit("hours: 37", "hours: mange"), "hours:", ["hours", "tal"]),
    ("misspelt-field", edit("deadline: 2026-01-31", "deadlin: 2026-01-31"), "deadlin:", ["mente du 'deadline'"]),
    ("missing-field", edit("deadline: 2026-01-31\n", ""), None, ["deadline", "feltet mangler"]),
    ("impossible-date", edit("deadline: 2026-01-31", "deadline: 2026-02-30"), "deadline:", ["findes ikke"]),
    ("deadline-before-published", edit("deadline: 2026-01-31", "deadline: 2025-12-01"), "deadline:",
     ["før opslaget"]),
    ("interview-before-published", edit("    date: 2026-02-03", "    date: 2025-12-03"), "date: 2025-12-03",
     ["samtalen"]),
    ("time-without-date", edit("    date: 2026-02-03\n", ""), "label: 1. samtale", ["date", "mangler"]),
    ("unknown-workplace", edit("workplace: stjernehuset", "workplace: maanehuset"), "workplace:",
     ["ukendt arbejdssted", "stjernehuset"]),
    ("bad-phone", edit("phone: 4477 1847", "phone: 4477 18"), "phone:", ["telefonnummer"]),
    ("bad-email", edit("email: helle@example.dk", "email: helle.example.dk"), "email:", ["e-mailadresse"]),
    ("bad-url", edit("url: https://ballerup.dk/job", "url: ballerup.dk/job"), "url:", ["https://"]),
    ("javascript-link", edit("  Vi søger en pædagog.", "  Vi søger [en pædagog](javascript:alert(1))."),
     "intro:", ["javascript:", "ikke tilladt"]),
    ("script-in-text", edit("  Vi søger en pædagog.", "  Vi søger <script>alert(1)</script>"), "intro:",
     ["HTML", "ikke tilladt"]),
    ("unknown-value", edit("role: pædagog", "role: pedagog"), "role:", ["mente du 'pædagog'"]),
    ("duplicate-key", GOOD + "hours: 30\n", "hours: 30", ["to gange"]),
    ("temporary-without-end", edit("employment: fast", "employment: tidsbegrænset"), None, ["employment_end"]),
    ("empty-file", "", None, ["tom"]),
    ("not-a-mapping", "- bare en liste\n", None, ["felter"]),
    ("bad-time", edit('time: "09:00"', 'time: "25:00"'), "time:", ["klokkeslæt"]),
]


@pytest.mark.parametrize("name, text, at, words", CASES, ids=[c[0] for c in CASES])
def test_bad_posting_fails_the_build_with_file_and_line(project, name, text, at, words):
    posting = project / "jobs" / "ny-stilling.yml"
    posting.write_text(text, encoding="utf-8")
    site = project / "site"
    site.mkdir()
    (site / "keep.txt").write_text("previous build")

    result = mkdocs_build(project, site, "2026-01-05")

    assert result.code == 1
    assert "Traceback" not in result.text
    expected_line = line_of(text, at) if at else None
    prefix = f"jobs/ny-stilling.yml:{expected_line}:" if expected_line else "jobs/ny-stilling.yml:"
    lines = [ln for ln in result.text.splitlines() if ln.strip().startswith("jobs/ny-stilling.yml:")]
    assert lines, result.text
    assert any(ln.strip().startswith(prefix) and all(w in ln for w in words) for ln in lines), result.text
    # nothing written, nothing lost
    assert sorted(p.name for p in site.iterdir()) == ["keep.txt"]
    assert posting.read_text(encoding="utf-8") == text

    check = run([sys.executable, "-m", "generator", "check"], project)
    assert check.code == 1 and "Traceback" not in check.text
    assert any(ln.startswith(prefix) for ln in check.err.splitlines()), check.text


def test_not_utf8_and_huge_files_are_refused(project):
    (project / "jobs" / "latin1.yml").write_bytes(GOOD.replace("title:", "title: Æble").encode("latin-1"))
    (project / "jobs" / "kaempe.yml").write_text(GOOD + "# " + "x" * 10_000_000 + "\n", encoding="utf-8")
    result = run([sys.executable, "-m", "generator", "check"], project)
    assert result.code == 1 and "Traceback" not in result.text
    assert "jobs/latin1.yml:2:" in result.err and "UTF-8" in result.err
    assert "jobs/kaempe.yml:1:" in result.err and "KB" in result.err


def test_all_problems_are_reported_at_once(project):
    (project / "jobs" / "a.yml").write_text(edit("hours: 37", "hours: mange"), encoding="utf-8")
    (project / "jobs" / "b.yml").write_text(edit("role: pædagog", "role: kok"), encoding="utf-8")
    result = run([sys.executable, "-m", "generator", "check"], project)
    assert result.code == 1
    assert "jobs/a.yml:4:" in result.err and "jobs/b.yml:14:" in result.err
    assert "2 fejl" in result.err


def test_a_byte_order_mark_is_accepted(project):
    (project / "jobs" / "bom.yml").write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    result = run([sys.executable, "-m", "generator", "check"], project)
    assert result.code == 0, result.text


def test_file_names_must_work_as_web_addresses(project):
    (project / "jobs" / "Ny Stilling.yml").write_text(GOOD, encoding="utf-8")
    (project / "jobs" / "arkiv.yml").write_text(GOOD, encoding="utf-8")
    result = run([sys.executable, "-m", "generator", "check"], project)
    assert result.code == 1
    assert "jobs/Ny Stilling.yml:1:" in result.err and "jobs/arkiv.yml:1:" in result.err


def test_duplicate_ids_are_refused(project):
    (project / "jobs" / "dobbelt.yml").write_text(GOOD, encoding="utf-8")
    (project / "jobs" / "dobbelt.yaml").write_text(GOOD, encoding="utf-8")
    result = run([sys.executable, "-m", "generator", "check"], project)
    assert result.code == 1 and "findes allerede" in result.err


def test_good_posting_builds(project, tmp_path):
    (project / "jobs" / "ny-stilling.yml").write_text(GOOD, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "2026-01-05")
    assert result.code == 0, result.text
    assert (tmp_path / "site" / "job" / "ny-stilling" / "index.html").is_file()
