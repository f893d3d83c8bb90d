"""The files that feed no page (feed, calendars, jobs.json, PDFs) are made by
worker processes (generator/mkdocs/outputs.py): that changes when they are
made, never what is made, and a failure is one plain sentence."""
from __future__ import annotations

import filecmp
import os
import shutil
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT, mkdocs_build
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


def test_the_site_built_with_workers_is_the_site_built_without(project, tmp_path, built_site):
    with_workers = built_site("2026-01-05").root  # the example as every test reads it (workers: the default)
    shutil.copy2(ROOT / "cms.yml", project / "cms.yml")  # the editor's settings too: the project is the example
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - jobsite\n", "  - jobsite:\n      workers: 0\n"),
                      encoding="utf-8")
    without = mkdocs_build(project, tmp_path / "without", "2026-01-05")
    assert without.code == 0, without.text

    def files(root: Path) -> list[str]:
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())

    assert files(with_workers) == files(tmp_path / "without")
    assert any(f.endswith(".pdf") for f in files(with_workers)) and "job/feed.xml" in files(with_workers)
    assert [f for f in files(with_workers)
            if not filecmp.cmp(with_workers / f, tmp_path / "without" / f, shallow=False)] == []


def test_the_worker_reads_the_content_itself_and_makes_the_same_files(project):
    """It is handed the root and the moment (small inputs), not the content, and makes what the
    content read in this process makes."""
    from datetime import datetime

    from generator.clock import TZ
    from generator.content import load_site
    from generator.listing import build_listing
    from generator.render.files import data_files, site_data_files

    moment = datetime(2026, 1, 5, tzinfo=TZ)
    content = load_site(project, text_checks=False)
    here = data_files(build_listing(content, moment), content, "https://job.example.dk/")
    outputs = Outputs(workers=1)
    try:
        outputs.submit("feed, kalendere og jobs.json", site_data_files, project, moment, "https://job.example.dk/")
        outputs.write(project / "site", serving=False)
    finally:
        outputs.shutdown()
    assert sorted(here) == sorted(p.relative_to(project / "site").as_posix()
                                  for p in (project / "site").rglob("*") if p.is_file())
    for rel, data in here.items():
        assert (project / "site" / rel).read_bytes() == (data if isinstance(data, bytes) else data.encode("utf-8"))


def test_a_posting_broken_after_the_build_read_it_fails_the_worker_in_danish(project, tmp_path):
    """The worker reads the files again: a posting saved with a mistake in between is reported the
    way check reports it (the problem survives the trip from the worker), and nothing is written."""
    from datetime import datetime

    from generator.clock import TZ
    from generator.render.files import site_data_files

    posting = next((project / "jobs").glob("*.yml"))
    posting.write_text(posting.read_text(encoding="utf-8").replace("deadline:", "frist:", 1), encoding="utf-8")
    outputs = Outputs(workers=1)
    try:
        outputs.submit("feed, kalendere og jobs.json", site_data_files, project, datetime(2026, 1, 5, tzinfo=TZ))
        with pytest.raises(PluginError) as raised:
            outputs.write(tmp_path / "site", serving=False)
    finally:
        outputs.shutdown()
    message = str(raised.value)
    assert message.startswith("jobsite: feed, kalendere og jobs.json kunne ikke laves: 2 fejl i indholdet:\n")
    assert f"jobs/{posting.name}" in message and "deadline" in message and "Traceback" not in message
    assert not (tmp_path / "site").exists()
