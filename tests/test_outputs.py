"""The files that feed no page (feed, calendars, jobs.json, PDFs) are made by
worker processes (generator/mkdocs/outputs.py): that changes when they are
made, never what is made, and a failure is one plain sentence."""
from __future__ import annotations

import filecmp
import os
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from conftest import mkdocs_build
from generator.mkdocs.outputs import Outputs


def worker_pid(_: object) -> dict[str, str]:
    return {"pid.txt": str(os.getpid())}


def broken(_: object) -> dict[str, str]:
    raise ValueError("kalenderen har en umulig dato")


def test_the_work_runs_in_a_worker_process(tmp_path):
    outputs = Outputs(workers=2)
    try:
        outputs.submit("pid", worker_pid, None)
        outputs.write(tmp_path, serving=False)
    finally:
        outputs.shutdown()
    assert int((tmp_path / "pid.txt").read_text()) != os.getpid()


def test_without_workers_the_work_runs_here(tmp_path):
    outputs = Outputs(workers=0)
    outputs.submit("pid", worker_pid, None)
    outputs.write(tmp_path, serving=False)
    assert int((tmp_path / "pid.txt").read_text()) == os.getpid()


@pytest.mark.parametrize("workers", [0, 2])
def test_a_failure_is_one_sentence_naming_the_output(tmp_path, workers):
    outputs = Outputs(workers=workers)
    try:
        outputs.submit("feed, kalendere og jobs.json", broken, None)
        with pytest.raises(PluginError) as raised:
            outputs.write(tmp_path, serving=False)
    finally:
        outputs.shutdown()
    assert str(raised.value) == "jobsite: feed, kalendere og jobs.json kunne ikke laves: kalenderen har en umulig dato"
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_build_writes_nothing(tmp_path):
    outputs = Outputs(workers=2)
    try:
        outputs.submit("pid", worker_pid, None)
        outputs.cancel()
        outputs.write(tmp_path, serving=False)
    finally:
        outputs.shutdown()
    assert list(tmp_path.iterdir()) == []


def test_the_site_built_with_workers_is_the_site_built_without(project, tmp_path):
    with_workers = mkdocs_build(project, tmp_path / "with", "2026-01-05")
    assert with_workers.code == 0, with_workers.text
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - jobsite\n", "  - jobsite:\n      workers: 0\n"),
                      encoding="utf-8")
    without = mkdocs_build(project, tmp_path / "without", "2026-01-05")
    assert without.code == 0, without.text

    def files(root: Path) -> list[str]:
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())

    assert files(tmp_path / "with") == files(tmp_path / "without")
    assert any(f.endswith(".pdf") for f in files(tmp_path / "with")) and "job/feed.xml" in files(tmp_path / "with")
    assert [f for f in files(tmp_path / "with")
            if not filecmp.cmp(tmp_path / "with" / f, tmp_path / "without" / f, shallow=False)] == []
