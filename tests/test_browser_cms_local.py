"""`make cms` as HR tries it on their own checkout: with a posting of their own not yet
committed and another one edited, saving a new posting in the editor must leave every file
of the checkout as it was (decap-server commits and switches branches in the folder it
works on, so scripts/cms-local.sh gives it a clone of its own)."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from test_browser_cms import DECAP_PORT, GIT_ENV, TODAY, fill_new_posting, git, listens, saved
from waiting import CEILING, patient_browser, until  # noqa: F401 - patient_browser: autouse

SCRIPT = ROOT / "scripts" / "cms-local.sh"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the checkout (not its .git, not the editor's clone), by path."""
    files = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[0] in (".git", ".cms") or not path.is_file():
            continue
        files[str(rel)] = path.read_bytes()
    return files


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    """A git checkout of the project with HR's own unfinished work in it."""
    path = copy_project(tmp_path_factory.mktemp("cms-local") / "project")
    shutil.copy2(ROOT / "cms.yml", path / "cms.yml")
    shutil.copy2(ROOT / ".gitignore", path / ".gitignore")  # which ignores the editor's clone, .cms/
    git(path, "init", "-q", "-b", "main")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "start")
    shutil.copy2(ROOT / "tests" / "good_posting.yml", path / "jobs" / "mit-udkast.yml")  # untracked (after the edit below)
    edited = path / "jobs" / "paedagogisk-leder-stjernehuset.yml"
    edited.write_text(edited.read_text("utf-8") + "# HR's note, not yet committed\n", "utf-8")  # modified
    return path


@pytest.fixture(scope="module")
def make_cms(checkout):
    """scripts/cms-local.sh as `make cms` runs it, in the checkout; its site's address."""
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", DECAP_PORT)) != 0, f"port {DECAP_PORT} is taken (make cms running?)"
    host = f"127.0.0.1:{free_port()}"
    env = {**os.environ, **GIT_ENV, "BIN": str(ROOT / ".venv" / "bin"), "HOST": host,
           "CMS_PORT": str(DECAP_PORT), "JOBSITE_TODAY": TODAY, "SERVE_FLAGS": "--no-strict"}
    log = checkout.parent / "cms.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(["bash", str(SCRIPT)], cwd=checkout, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    yield f"http://{host}/", log
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=CEILING)


def wait_for_port(port: int, log: Path) -> None:
    """Until something listens on the port (the first clone, npm and build take minutes on a busy
    machine: the ceiling is 10 minutes)."""
    until(lambda: listens(port), lambda: "make cms did not start:\n" + log.read_text("utf-8", "replace"),
          ceiling=10 * CEILING, interval=0.2)


def test_saving_in_the_editor_leaves_the_checkout_byte_for_byte(checkout, make_cms, page):
    before = snapshot(checkout)
    status = git(checkout, "status", "--porcelain")
    head = git(checkout, "rev-parse", "HEAD")
    assert "?? jobs/mit-udkast.yml" in status and " M jobs/" in status, status

    url, log = make_cms
    wait_for_port(DECAP_PORT, log)
    wait_for_port(int(url.rsplit(":", 1)[1].strip("/")), log)
    page.goto(url + "admin/")
    page.get_by_role("button", name="Log ind").click()
    page.get_by_role("heading", name="Jobopslag").wait_for()
    fill_new_posting(page, "Pædagog til Børnehuset Stjernehuset", "2026-01-02", "2026-01-31")
    page.get_by_role("button", name="Gem").click()

    clone = checkout / ".cms"
    text = saved(clone, "paedagog-til-bornehuset-stjernehuset")  # the save is a commit in the editor's clone
    assert "Pædagog til Børnehuset Stjernehuset" in text
    assert snapshot(checkout) == before  # nothing written, moved or deleted in the checkout
    assert git(checkout, "status", "--porcelain") == status
    assert git(checkout, "rev-parse", "HEAD") == head
    assert "cms/" not in git(checkout, "branch", "--list")
    assert "git pull" in log.read_text("utf-8")  # the way back is said, in Danish
