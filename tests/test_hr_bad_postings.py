"""Bad input never gets through and never crashes: every broken posting in
tests/bad_postings/ fails `check` and the strict build with the file, the line
and what to write instead, writes nothing to site/, and leaves the file as it
was."""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import mkdocs_build, run
from generator.__main__ import main

HERE = Path(__file__).resolve().parent
CATALOGUE = HERE / "bad_postings"
GOOD = (HERE / "good_posting.yml").read_text(encoding="utf-8")
EXPECT = "# expect: "
TODAY = "2026-01-05"  # the good posting (published 2026-01-01, deadline 2026-01-31) is open


@pytest.fixture(autouse=True)
def _the_postings_day(monkeypatch):
    """`check` in process sees the day the build is given: the catalogue's postings are open then (on the
    clock's day they may be past the retention rule, and check would not read them at all)."""
    monkeypatch.setenv("JOBSITE_TODAY", TODAY)


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, bytes]  # file name in jobs/ -> its bytes
    expect: tuple[tuple[str, str], ...]  # (file name, what follows "jobs/<file>:" in the report)


def _from_catalogue() -> list[Case]:
    cases = []
    for entry in sorted(CATALOGUE.iterdir()):
        if entry.suffix == ".md":
            continue
        paths = sorted(entry.iterdir()) if entry.is_dir() else [entry]
        files = {p.name: p.read_bytes() for p in paths}
        expect = tuple((p.name, line[len(EXPECT):]) for p in paths
                       for line in p.read_text(encoding="utf-8").splitlines() if line.startswith(EXPECT))
        assert expect, f"{entry.name} has no '{EXPECT}' line"
        cases.append(Case(entry.stem, files, expect))
    return cases


def _generated() -> list[Case]:
    """The cases that cannot be kept as a readable file."""
    latin1 = GOOD.encode("latin-1")  # as an old Windows editor saves it
    latin1_line = GOOD.splitlines().index(next(ln for ln in GOOD.splitlines() if "æ" in ln)) + 1
    huge = (GOOD + "# " + "x" * 10_000_000 + "\n").encode("utf-8")
    return [
        Case("not-utf8", {"latin1.yml": latin1},
             (("latin1.yml", f"{latin1_line}: filen er ikke gemt som UTF-8"),)),
        Case("ten-megabytes", {"kaempe.yml": huge},
             (("kaempe.yml", "1: filen fylder 10,0 MB; et opslag må højst fylde 100 KB"),)),
        Case("zero-bytes", {"tom.yml": b""}, (("tom.yml", "1: filen er tom"),)),
    ]


CASES = _from_catalogue() + _generated()


def _place(project: Path, case: Case) -> dict[Path, bytes]:
    written = {}
    for name, data in case.files.items():
        path = project / "jobs" / name
        path.write_bytes(data)
        written[path] = data
    return written


def _reported(text: str, file: str, expected: str) -> bool:
    return any(line.startswith(f"jobs/{file}:{expected}") for line in text.splitlines())


def test_the_catalogue_is_complete():
    assert len(CASES) >= 30
    names = {c.name for c in CASES}
    for required in ("yaml-unclosed-quote", "tab-indentation", "wrong-type-number", "misspelt-field",
                     "missing-deadline", "impossible-date", "deadline-before-published",
                     "interview-before-published", "time-without-date", "duplicate-id", "unknown-workplace",
                     "bad-phone", "bad-email", "bad-url", "javascript-link-in-text", "raw-html-in-text",
                     "script-in-text", "zero-bytes", "not-utf8", "ten-megabytes",
                     # what non-developers paste and mistype
                     "pasted-curly-quotes-in-time", "pasted-low-quotes-in-time", "pasted-curly-quotes-around-title",
                     "pasted-curly-quotes-around-key", "pasted-nbsp-after-colon", "pasted-nbsp-in-indentation",
                     "pasted-zero-width-in-workplace", "pasted-line-separator-in-intro", "workplace-by-name",
                     "yes-no-in-english", "lost-indentation", "yaml-list-item-indentation", "danish-field-name"):
        assert required in names
    assert any("mente du 'deadline'?" in e for c in CASES for _, e in c.expect)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_refuses_the_posting_with_file_and_line(project, case, capsys, monkeypatch):
    written = _place(project, case)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")

    code = main(["check", "--root", str(project)])  # an exception here fails the test: no tracebacks

    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    for file, expected in case.expect:
        assert _reported(err, file, expected), err
        line = expected.split(":", 1)[0]
        assert f"::error file=jobs/{file},line={line}," in out, out
    assert all(path.read_bytes() == data for path, data in written.items())


def _build_fails_and_writes_nothing(project: Path, cases: list[Case]) -> None:
    written = {path: data for case in cases for path, data in _place(project, case).items()}
    site = project / "site"
    site.mkdir()
    (site / "keep.txt").write_text("previous build")

    result = mkdocs_build(project, site, TODAY)

    assert result.code == 1
    assert "Traceback" not in result.text
    lines = [ln.strip() for ln in result.text.splitlines()]
    for case in cases:
        for file, expected in case.expect:
            assert any(ln.startswith(f"jobs/{file}:{expected}") for ln in lines), (case.name, result.text)
    assert sorted(p.name for p in site.iterdir()) == ["keep.txt"]
    assert all(path.read_bytes() == data for path, data in written.items())


# One build per kind of mistake (the rest share the code path that `check` runs for each case above).
ALONE = ["yaml-unclosed-quote", "tab-indentation", "misspelt-field", "impossible-date", "duplicate-id",
         "unknown-workplace", "script-in-text", "not-utf8", "zero-bytes", "pasted-curly-quotes-around-title"]


@pytest.mark.parametrize("name", ALONE)
def test_the_strict_build_fails_and_writes_nothing(project, name):
    _build_fails_and_writes_nothing(project, [c for c in CASES if c.name == name])


def test_every_broken_posting_at_once_fails_the_build_with_every_message(project):
    _build_fails_and_writes_nothing(project, CASES)


def test_check_of_one_file_reports_only_that_file(project):
    (project / "jobs" / "a.yml").write_text(GOOD.replace("hours: 37", "hours: mange"), encoding="utf-8")
    (project / "jobs" / "b.yml").write_text(GOOD.replace("role: pædagog", "role: kok"), encoding="utf-8")
    result = run([sys.executable, "-m", "generator", "check", "jobs/a.yml"], project, TODAY)
    assert result.code == 1
    assert "jobs/a.yml:5:1: ugentlige timer (hours): skal være et tal" in result.err
    assert "jobs/b.yml" not in result.err
    assert "Der er også" not in result.err  # other postings are not read at all (test_hr_check: named files)


def test_all_problems_are_reported_at_once(project):
    (project / "jobs" / "a.yml").write_text(GOOD.replace("hours: 37", "hours: mange"), encoding="utf-8")
    (project / "jobs" / "b.yml").write_text(GOOD.replace("role: pædagog", "role: kok"), encoding="utf-8")
    result = run([sys.executable, "-m", "generator", "check"], project, TODAY)
    assert result.code == 1
    assert "jobs/a.yml:5:1:" in result.err and "jobs/b.yml:15:1:" in result.err
    assert re.match(r"2 fejl (og \d+ advarsler )?i indholdet:", result.err), result.err  # the example's: warnings


def test_a_byte_order_mark_is_accepted(project):
    (project / "jobs" / "bom.yml").write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    result = run([sys.executable, "-m", "generator", "check"], project, TODAY)
    assert result.code == 0, result.text
    assert result.out.startswith("OK: 3 opslag")


def test_good_posting_builds(project, tmp_path):
    (project / "jobs" / "ny-stilling.yml").write_text(GOOD, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", TODAY)
    assert result.code == 0, result.text
    assert (tmp_path / "site" / "job" / "ny-stilling" / "index.html").is_file()


# Words of PyYAML's and libyaml's own (English) messages; none may reach HR.
ENGLISH = re.compile(r"\b(?:expected|found|while|scanning|parsing|mapping|scalar|indicator|could not|"
                     r"document|stream|token|character|allowed|block|flow|simple key)\b", re.IGNORECASE)

# Each kind of YAML mistake a person makes, as a change to the good posting.
YAML_MISTAKES = {
    "unclosed quote": ("title: Pædagog til", 'title: "Pædagog til'),
    "unclosed single quote": ("title: Pædagog til", "title: 'Pædagog til"),
    "tab indentation": ("  asap: true", "\tasap: true"),
    "missing colon": ("hours: 37", "hours 37"),
    "duplicate key": ("hours: 37", "hours: 37\nhours: 32"),
    "indented too far": ("    phone: 4477 1847", "      phone: 4477 1847"),
    "indented too little in a list": ("    phone: 4477 1847", "   phone: 4477 1847"),
    "text after a closing quote": ('time: "09:00"', 'time: "09:00" kl.'),
    "unclosed list": ('age_groups: ["0-3"]', 'age_groups: ["0-3"'),
    "unclosed group": ("start:\n  asap: true", "start: {asap: true"),
    "colon in a value": ("title: Pædagog til Børnehuset", "title: Pædagog: Børnehuset"),
    "a list item after a colon": ("age_groups: [\"0-3\"]", "age_groups: - 0-3"),
    "a value starting with @": ("hours: 37", "hours: @37"),
    "a value starting with a backtick": ("hours: 37", "hours: `37`"),
    "a value starting with %": ("intro: |", "%intro: |"),
    "an escape in double quotes": ('time: "09:00"', 'time: "09\\q00"'),
    "a document end marker": ("role: pædagog", "role: pædagog\n...\nx: 1"),
    "a key without a value at the end": ("    url: /vaer-med/", "    url: /vaer-med/\n  - text"),
    "a stray closing bracket": ("hours: 37", "hours: 37]"),
    "a question mark key": ("hours: 37", "? hours\n: 37"),
    "an unknown tag handle": ("hours: 37", "hours: !x!y 37"),
}


@pytest.mark.parametrize("name", sorted(YAML_MISTAKES))
def test_no_english_from_the_yaml_parser_reaches_hr(project, name, capsys):
    old, new = YAML_MISTAKES[name]
    assert old in GOOD
    (project / "jobs" / "fejl.yml").write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    code = main(["check", "--root", str(project)])
    out, err = capsys.readouterr()
    report = [ln for ln in err.splitlines() if ln.startswith("jobs/fejl.yml:")]
    assert code in (0, 1) and "Traceback" not in out + err
    for line in report:
        assert not ENGLISH.search(line.split(": ", 1)[1]), line
    if code == 1:
        assert report, err
