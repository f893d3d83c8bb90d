"""The build's second process (generator/parallel.py) changes how fast the
site is built, never what is built or which problems HR is told about."""
from __future__ import annotations

import filecmp
import os
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, mkdocs_build, run
from generator.content import PARALLEL_FROM

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_content  # noqa: E402

TODAY = "2026-03-02"
N = PARALLEL_FROM + 10  # enough postings for the second process to read half of them


@pytest.fixture(scope="module")
def many_postings(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("parallel") / "project")
    write_content(project, N, 40, date.fromisoformat(TODAY))
    return project


def differences(left: Path, right: Path) -> list[str]:
    """Files that are missing on one side or differ in a byte."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def test_the_site_built_with_a_second_process_is_the_site_built_with_one(many_postings, tmp_path):
    two = mkdocs_build(many_postings, tmp_path / "two", TODAY)
    assert two.code == 0, two.text
    one = run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "one")],
              many_postings, TODAY, JOBSITE_PARALLEL="0")
    assert one.code == 0, one.text
    assert len(list((tmp_path / "two" / "job").glob("*/index.html"))) >= N - 5  # the postings are there
    assert differences(tmp_path / "one", tmp_path / "two") == []


def test_problems_in_both_halves_are_all_reported_in_file_order(tmp_path):
    project = copy_project(tmp_path / "broken")
    write_content(project, N, 40, date.fromisoformat(TODAY))  # seeded: the same postings as many_postings
    files = sorted((project / "jobs").glob("*.yml"))
    first, last = files[3], files[-3]  # one read by the build's own process, one by the second
    for path in (first, last):
        path.write_text(path.read_text("utf-8").replace("\nhours:", "\nhour:", 1), "utf-8")
    for args in ([sys.executable, "-m", "generator", "check"],
                 [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")]):
        result = run(args, project, TODAY)
        assert result.code == 1, result.text
        assert "Traceback" not in result.text
        lines = [ln for ln in result.text.splitlines() if ": hour: ukendt felt" in ln]
        assert [ln.split(":")[0] for ln in lines] == [f"jobs/{first.name}", f"jobs/{last.name}"], result.text
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").iterdir())


# Background and Stream fork only while their process has one thread. The test session has
# others (the browser tests' web server), so these run in a fresh interpreter of their own.
CHILD_CHECKS = """
import logging, os, sys
from generator.parallel import Background, BackgroundError, Stream

def square(n):
    if n == 3:
        raise ValueError("three is not allowed")
    return n * n

def warn(text):
    logging.getLogger("mkdocs.plugins.jobsite").warning(text)
    return len(text)

logging.basicConfig(format="LOG %(message)s", stream=sys.stdout)
stream = Stream(square, [0, 1, 2])
print("forked", bool(stream.pid))
print("results", [stream.get(i) for i in (2, 0, 1)])
failing = Stream(square, [1, 2, 3, 4])
print("first", failing.get(1))
try:
    failing.get(2)
except (BackgroundError, ValueError) as err:
    print("failed", "three is not allowed" in str(err))
jobs = [Background(warn, "PDF'er springes over"), Background(warn, "PDF'er springes over"),
        Background(warn, "noget andet")]
logged = set()
print("waited", [job.wait(logged) for job in jobs])
"""


@pytest.mark.parametrize("parallel", ["1", "0"])
def test_stream_keeps_order_reports_failures_and_background_messages_show_once(parallel):
    result = run([sys.executable, "-c", CHILD_CHECKS], ROOT, JOBSITE_PARALLEL=parallel)
    assert result.code == 0, result.text
    lines = result.out.splitlines()
    assert f"forked {parallel == '1' and hasattr(os, 'fork')}" in lines
    assert "results [4, 0, 1]" in lines  # any order of asking
    assert "first 4" in lines and "failed True" in lines
    assert "waited [20, 20, 11]" in lines
    # A message from several background processes (no WeasyPrint for any PDF) is shown once.
    assert [ln for ln in lines if ln.startswith("LOG")] == (
        ["LOG PDF'er springes over", "LOG noget andet"] if parallel == "1" else
        ["LOG PDF'er springes over", "LOG PDF'er springes over", "LOG noget andet"])
