"""The commands HR.md and `make new` print work as printed, from the project's folder, with nothing
activated first: each is run here exactly as written, in a copy of the project that has the
Makefile and the installed .venv (make would make it on a fresh machine)."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from test_hr_new import fill_in

SECTION = "## For dig med Python på din egen computer"
LONG_RUNNING = ("make serve", "make preview")  # a server and a whole build: run by their own tests


def printed_commands() -> list[str]:
    """The commands of HR.md's block for HR with Python, without their comments."""
    text = (ROOT / "HR.md").read_text("utf-8")
    block = re.search(r"```sh\n(.*?)```", text[text.index(SECTION):], re.S)[1]
    return [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.strip()]


def make_checkout(path: Path) -> Path:
    copy_project(path)
    for name in ("Makefile", "requirements.txt", "pyproject.toml", "tjek"):
        shutil.copy2(ROOT / name, path / name)
    shutil.copytree(ROOT / "scripts", path / "scripts")
    (path / ".venv").symlink_to(ROOT / ".venv")
    installed = (ROOT / ".venv" / ".installed").stat().st_mtime  # what make installed is taken as current
    for name in ("requirements.txt", "pyproject.toml"):
        os.utime(path / name, (installed - 1, installed - 1))
    return path


@pytest.fixture
def checkout(tmp_path) -> Path:
    return make_checkout(tmp_path / "project")


def sh(command: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "MAKEFLAGS", "MAKELEVEL")}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)  # nothing activated
    env["JOBSITE_TODAY"] = "2026-01-05"
    return subprocess.run(shlex.split(command), cwd=cwd, env=env, input=stdin, capture_output=True, text=True,
                          timeout=300)


def test_hr_md_prints_the_make_commands():
    commands = printed_commands()
    assert all(c.startswith(("make ", "./tjek")) for c in commands), commands
    assert "make new" in commands and "./tjek" in commands
    assert not re.search(r"(?<!\.venv/bin/)python -m generator", (ROOT / "HR.md").read_text("utf-8"))


def test_every_printed_command_works_as_written(tmp_path):
    """Each in a fresh checkout, as HR would run it; the check of one file after making and filling it in."""
    commands = printed_commands()
    for i, command in enumerate(commands):
        if command.startswith(LONG_RUNNING):
            continue
        here = make_checkout(tmp_path / str(i))
        answers = ("Pædagog til vuggestuen\nstjernehuset\n" if command == "make new" else
                   "Pædagogisk leder til Solen\n" if command.startswith("make new FRA=") else "")  # what new asks
        if command.startswith("./tjek jobs/"):
            made = next(c for c in commands if "TITEL=" in c)  # the line that makes the file it names
            assert sh(made, here).returncode == 0
            posting = here / command.split(" ", 1)[1]
            posting.write_text(fill_in(posting.read_text("utf-8")), "utf-8")
        result = sh(command, here, answers)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr and "Error" not in result.stderr, (command, result.stderr)
        if command.startswith("make new"):
            assert "Oprettet jobs/" in result.stdout, (command, result.stdout)
        if command.startswith("./tjek"):
            assert result.stdout.startswith("OK: "), (command, result.stdout)


def test_the_command_make_new_prints_works_as_printed(checkout):
    result = sh('make new TITEL="Pædagog til Solsikken" ARBEJDSSTED=stjernehuset', checkout)
    assert result.returncode == 0, result.stderr
    printed = result.stdout.strip().splitlines()[-1].strip()
    assert printed == "make check FILER=jobs/paedagog-til-solsikken.yml", result.stdout
    check = sh(printed, checkout)
    assert check.returncode != 0 and "jobs/paedagog-til-solsikken.yml:" in check.stderr, check.stderr
    assert "'UDFYLD' fra skabelonen står her stadig" in check.stderr
    assert "Traceback" not in check.stderr


def test_what_is_typed_after_make_is_text_never_shell_code(checkout):
    """A title with quotes and backticks, a file name with a semicolon: passed on as text. ($(...) is
    make's own reference, expanded by make to nothing, never run.)"""
    title = 'Pædagog til "Solen" `touch hacked1` ; touch hacked2'
    made = sh(f"make new TITEL={shlex.quote(title)} ARBEJDSSTED=stjernehuset", checkout)
    assert made.returncode == 0, made.stderr
    path = next(p for p in (checkout / "jobs").glob("*.yml") if "solen" in p.name)
    import yaml
    assert yaml.safe_load(path.read_text("utf-8"))["title"] == title  # the title as typed
    checked = sh("make check FILER='jobs/findes-ikke.yml; touch hacked3' STRENG=ja", checkout)
    assert checked.returncode != 0 and "jobs/findes-ikke.yml;:1: filen findes ikke" in checked.stderr, checked.stderr
    assert not [p.name for p in checkout.iterdir() if p.name.startswith("hacked")]
