"""What HR relies on around the content: the GitHub workflows (checked by
actionlint), the nightly rebuild after midnight in Copenhagen, CODEOWNERS,
the pull-request template, and a guide whose example is a valid posting."""
from __future__ import annotations

import re
import sys
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from conftest import ROOT, run

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_actionlint_finds_nothing(cli):
    actionlint = Path(sys.executable).parent / "actionlint"
    result = run([str(actionlint), "-color=false", "-shellcheck=", "-pyflakes="], ROOT)
    assert result.code == 0, result.text
    assert sorted(p.name for p in WORKFLOWS.glob("*.yml")) == ["deploy.yml", "pull-request.yml", "retire.yml"]


SUMMARY = '.venv/bin/python -m generator preview summary >> "$GITHUB_STEP_SUMMARY"'
KIND = 'echo "kind=$(.venv/bin/python -m generator preview kind)" >> "$GITHUB_OUTPUT"'


def test_a_pull_request_is_checked_previewed_summarised_built_and_tested():
    wf = workflow("pull-request.yml")
    assert "pull_request" in wf["on"]
    assert wf["permissions"] == {"contents": "read"}
    (job,) = wf["jobs"].values()
    runs = [s["run"] for s in steps(job) if "run" in s and s.get("id") != "apt-month"]  # caches: below
    assert runs == ["make check", "make preview", SUMMARY, "make build", KIND, "make pr-site-tests", "make test"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(cmd in readme for cmd in runs if cmd.startswith("make "))  # the README's commands
    # A change of content only runs the tests that read the built site; any other change, every test.
    by_run = {s["run"]: s for s in steps(job) if "run" in s}
    assert by_run[KIND]["id"] == "kind"
    assert by_run["make pr-site-tests"]["if"] == "steps.kind.outputs.kind == 'indhold'"
    assert by_run["make test"]["if"] == "steps.kind.outputs.kind != 'indhold'"
    # The preview is the artifact HR downloads (the pull-request template names it).
    upload = next(s for s in steps(job) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"] == {"name": "forhaandsvisning", "path": "preview/", "retention-days": 14}
    order = [s.get("run") or s["uses"].split("@")[0] for s in steps(job)]
    assert order.index("make preview") < order.index("actions/upload-artifact") < order.index("make test")
    # The summary is written even when a step before it failed (it lists the errors), and the
    # checkout has main, which the changed postings are found against.
    summary = next(s for s in steps(job) if s.get("run") == SUMMARY)
    assert summary["if"] == "${{ !cancelled() }}"
    checkout = next(s for s in steps(job) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False


def test_the_site_is_deployed_to_pages_on_push_nightly_and_on_demand():
    wf = workflow("deploy.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in wf["on"]
    assert wf["concurrency"]["group"] == "pages"
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    uses = [s.get("uses", "").split("@")[0] for s in steps(build)]
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    assert [s["run"] for s in steps(build) if "run" in s and s.get("id") != "apt-month"
            and s.get("if") != CACHE_MISS] == ["make check", "make build"]  # caches: below
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in steps(deploy)] == ["actions/deploy-pages"]


def test_the_nightly_schedule_is_kept_on_without_commits():
    """GitHub turns a schedule off after 60 days without activity; the workflow enables itself
    through the API every night (and on demand), apart from the build, with only actions: write."""
    wf = workflow("deploy.yml")
    keep = wf["jobs"]["keep-schedule"]
    assert keep["permissions"] == {"actions": "write"}
    assert "needs" not in keep  # a failed build does not stop it
    assert "schedule" in keep["if"] and "workflow_dispatch" in keep["if"]
    (step,) = steps(keep)
    assert step["env"] == {"GH_TOKEN": "${{ github.token }}"}
    assert step["run"] == 'gh api --method PUT "repos/$GITHUB_REPOSITORY/actions/workflows/deploy.yml/enable"'
    assert (WORKFLOWS / "deploy.yml").is_file()  # the name the API call enables
    assert wf["permissions"] == {"contents": "read"}  # nothing else gets the write permission
    text = (WORKFLOWS / "deploy.yml").read_text(encoding="utf-8")
    assert "60 days" in text and "empty commits" in text  # the comment says why


def test_the_nightly_build_runs_just_after_midnight_in_copenhagen_all_year():
    (schedule,) = workflow("deploy.yml")["on"]["schedule"]
    minute, hour, *rest = schedule["cron"].split()
    assert rest == ["*", "*", "*"]
    for day in ("2026-01-15", "2026-07-15"):  # winter time (UTC+1) and summer time (UTC+2)
        utc = datetime.fromisoformat(f"{day}T{int(hour):02d}:{int(minute):02d}").replace(tzinfo=timezone.utc)
        local = utc.astimezone(ZoneInfo("Europe/Copenhagen"))
        assert 0 <= local.hour < 2, (day, local)  # after midnight, before anyone looks at the site


def test_codeowners_make_build_code_need_a_developer():
    """The routing of each path is tests/test_codeowners.py's; here: the file is where GitHub reads it."""
    owners = ROOT / ".github" / "CODEOWNERS"
    rules = [ln.split() for ln in owners.read_text(encoding="utf-8").splitlines() if ln.strip() and ln[0] != "#"]
    assert rules[0][0] == "*" and all(owner.startswith("@") for rule in rules for owner in rule[1:])


def test_the_pull_request_template_has_a_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert len(re.findall(r"(?m)^- \[ \] ", text)) >= 5
    assert "forhaandsvisning" in text and "withdrawn" in text


def test_the_guide_walks_through_every_step_and_its_example_is_valid(project):
    guide = (ROOT / "HR.md").read_text(encoding="utf-8")
    for heading in ("## Opret et nyt opslag", "## Når tjekket finder en fejl", "## Se opslaget før det kommer",
                    "## Ret et opslag", "## Stillingen er besat", "## Offentliggør senere",
                    "## Hvis den natlige opdatering fejler eller stopper", "## Et komplet eksempel"):
        assert heading in guide, heading
    example = guide.split("## Et komplet eksempel", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    (project / "jobs" / "eksempel.yml").write_text(example, encoding="utf-8")
    published = re.search(r"(?m)^published: (\S+)", example)[1]  # the guide's example as on the day it is published
    result = run([sys.executable, "-m", "generator", "check", "--strict", "jobs/eksempel.yml"], project, published)
    assert result.code == 0, result.text


def test_a_pull_request_of_content_only_is_told_from_one_that_changes_code(project):
    """`preview kind` says 'indhold' when every changed file is content (postings, data, pages, leaflets,
    pictures) and 'kode' for anything else: then every test runs."""
    import subprocess

    def git(*args):
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True,
                       env={**__import__("os").environ, "GIT_AUTHOR_NAME": "HR", "GIT_AUTHOR_EMAIL": "hr@example.org",
                            "GIT_COMMITTER_NAME": "HR", "GIT_COMMITTER_EMAIL": "hr@example.org"})

    def kind() -> str:
        result = run([sys.executable, "-m", "generator", "preview", "kind"], project)
        assert result.code == 0, result.text
        return result.out.strip()

    git("init", "-q", "-b", "main")
    git("add", ".")
    git("commit", "-q", "-m", "start")
    git("checkout", "-q", "-b", "opslag")
    (project / "jobs" / "ny.yml").write_text((ROOT / "tests" / "good_posting.yml").read_text("utf-8"), "utf-8")
    leaflet = next((project / "content" / "foldere").glob("[!i]*.md"))
    leaflet.write_text(leaflet.read_text("utf-8") + "\nEn linje mere.\n", "utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "posting and leaflet")
    assert kind() == "indhold"
    for changed in ("content/assets/jobsite.css", "overrides/main.html", "generator/x.py", "cms.yml"):
        path = project / changed
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(path.read_text("utf-8") + "\n" if path.is_file() else "x\n", "utf-8")
        git("add", ".")
        git("commit", "-q", "-m", changed)
        assert kind() == "kode", changed
        git("reset", "-q", "--hard", "HEAD~1")
    assert kind() == "indhold"


def test_every_night_a_pull_request_proposes_deleting_postings_past_the_rule():
    """The clean-up of jobs/ (retire.yml): `make retire` on a schedule, its deletions as a pull request
    for a person to merge; it never pushes to main."""
    wf = workflow("retire.yml")
    assert wf["on"]["schedule"] and "workflow_dispatch" in wf["on"]
    assert wf["permissions"] == {"contents": "write", "pull-requests": "write"}
    (job,) = wf["jobs"].values()
    runs = [s.get("run", "") for s in steps(job)]
    assert "make retire" in runs
    propose = runs[-1]
    assert 'git checkout -b "$branch"' in propose and "/pulls" in propose
    assert "refs/heads/main" not in propose and "HEAD:refs/heads/$branch" in propose


# --- warm caches (issue 23): what each job would download again is cached, keyed on what decides it ---

CACHED = {  # path -> the file(s) whose hash is in the key
    "~/.cache/pip": "requirements.txt",  # pip's wheels for `pip install -r requirements.txt`
    "~/.npm": "package-lock.json",  # npm's packages, which `npm ci` installs from
    "/var/cache/apt/archives": "scripts/ensure-*.sh",  # the .deb files of Chromium, Pango, fonts, Node.js, Java
}
KEEP_DEBS = "rm -f /etc/apt/apt.conf.d/docker-clean"
CACHE_MISS = "steps.apt-cache.outputs.cache-hit != 'true'"


def _caches(job: dict) -> dict[str, dict]:
    return {s["with"]["path"]: s for s in steps(job) if s.get("uses", "").startswith("actions/cache@")}


def _first_make(job: dict) -> int:
    return next(i for i, s in enumerate(steps(job)) if s.get("run", "").startswith("make "))


def test_pip_npm_and_the_debian_downloads_are_cached_before_make_runs():
    keys = {}
    for name, job in (("pull-request.yml", workflow("pull-request.yml")["jobs"]["check"]),
                      ("deploy.yml", workflow("deploy.yml")["jobs"]["build"])):
        caches = _caches(job)
        assert caches.keys() == CACHED.keys(), name
        for path, decides in CACHED.items():
            step = caches[path]
            key = step["with"]["key"]
            assert f"hashFiles('{decides}')" in key, (name, key)
            prefix = key.split("-", 1)[0] + "-"
            assert step["with"]["restore-keys"] == prefix, (name, path)  # a changed lock file starts warm too
            assert steps(job).index(step) < _first_make(job), (name, path)
            keys[name, path] = key
        # The image's docker-clean deletes each downloaded .deb (and, on apt-get update, the restored
        # ones): it goes before make runs apt, and the same step names the month in the apt key.
        keep = next(s for s in steps(job) if KEEP_DEBS in s.get("run", ""))
        assert steps(job).index(keep) < _first_make(job), name
        assert keep["id"] == "apt-month" and "steps.apt-month.outputs.month" in keys[name, "/var/cache/apt/archives"]
        assert caches["/var/cache/apt/archives"]["id"] == "apt-cache"
    # Pull requests read the caches main saves (deploy.yml), so the keys are the same in both.
    for path in CACHED:
        assert keys["pull-request.yml", path] == keys["deploy.yml", path], path
    # ... and main's Debian cache holds what a pull request installs: Chromium too, fetched on a miss.
    fill = next(s for s in steps(workflow("deploy.yml")["jobs"]["build"]) if s.get("if") == CACHE_MISS)
    assert fill["run"] == "make browser"
    assert "\nbrowser:" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_the_cached_paths_are_where_the_tools_keep_them():
    """pip and npm keep their caches under the home folder (the container's, which actions/cache's ~
    is too), apt its downloads in /var/cache/apt/archives; the scripts install with apt-get, the
    Makefile with pip and npm ci."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install" in makefile and "npm ci" in makefile
    assert "--no-cache-dir" not in makefile and "--cache" not in makefile
    scripts = sorted((ROOT / "scripts").glob("ensure-*.sh"))
    assert any("apt-get install" in s.read_text(encoding="utf-8") for s in scripts)
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        assert "Dir::Cache" not in text and "apt-get clean" not in text and "autoclean" not in text, script.name


def test_the_debian_package_lists_are_read_once_an_hour_not_by_each_script():
    """make runs three ensure-*.sh scripts one after the other; each that installs asks
    scripts/apt-update.sh, which reads the lists only when they are older than an hour."""
    for script in sorted((ROOT / "scripts").glob("ensure-*.sh")):
        text = script.read_text(encoding="utf-8")
        assert "apt-get update" not in text, script.name
        if "apt-get install" in text:
            assert 'bash "$(dirname "$0")/apt-update.sh"' in text, script.name
    helper = (ROOT / "scripts" / "apt-update.sh").read_text(encoding="utf-8")
    assert "-mmin -60" in helper and "apt-get update" in helper
