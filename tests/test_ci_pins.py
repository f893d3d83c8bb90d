"""The CI supply chain stays pinned: every action a workflow runs is named by
its full commit SHA with the release in a trailing comment, the job containers
are pinned by digest, and Dependabot watches the actions, the Python packages
and the npm tools. Offline: it reads the files and nothing else.

actionlint itself runs offline in tests/test_hr_workflows.py
(test_actionlint_finds_nothing), so it is not run a second time here."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))

# owner/repo, optionally a path inside it (a sub-action or a reusable
# workflow), then @ and a full 40-hex commit SHA: a tag or a branch can be
# moved, a commit cannot.
PINNED_ACTION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+(/[^@\s]+)?@[0-9a-f]{40}$")
# The release the SHA belongs to, exact (what Dependabot reads and updates).
VERSION_COMMENT = re.compile(r"#\s*(v\d+(?:\.\d+){0,2}(?:[-+][0-9A-Za-z.-]+)?)\s*$")
# name:tag@sha256:<64 hex>: the digest fixes the image, the tag keeps it readable.
PINNED_IMAGE = re.compile(r"^[^\s@:]+(?::[^\s@]+)?@sha256:[0-9a-f]{64}$")


@dataclass(frozen=True)
class Use:
    workflow: str
    line: int  # 1-based
    ref: str
    source_line: str

    @property
    def where(self) -> str:
        return f"{self.workflow}:{self.line}: {self.source_line.strip()}"


def _get(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def _uses_nodes(doc: yaml.Node) -> list[yaml.ScalarNode]:
    """`uses:` of every job (reusable workflows) and of every step."""
    found = []
    jobs = _get(doc, "jobs")
    assert isinstance(jobs, yaml.MappingNode), "a workflow has jobs"
    for _, job in jobs.value:
        if (uses := _get(job, "uses")) is not None:
            found.append(uses)
        steps = _get(job, "steps")
        for step in steps.value if isinstance(steps, yaml.SequenceNode) else []:
            if (uses := _get(step, "uses")) is not None:
                found.append(uses)
    return found


def uses_in(path: Path) -> list[Use]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    result = []
    for node in _uses_nodes(yaml.compose(text)):
        assert isinstance(node, yaml.ScalarNode), f"{path.name}:{node.start_mark.line + 1}: uses is not a string"
        result.append(Use(path.name, node.start_mark.line + 1, node.value, lines[node.start_mark.line]))
    return result


def problem(use: Use) -> str | None:
    """Why this `uses:` is not pinned properly, or None when it is."""
    ref = use.ref
    if ref.startswith("./"):
        return None  # an action in this repository: it is pinned by the checkout itself
    if ref.startswith("docker://"):
        image = ref.removeprefix("docker://")
        return None if PINNED_IMAGE.match(image) else "a docker:// action must be pinned by @sha256: digest"
    if not PINNED_ACTION.match(ref):
        return "not pinned by a full 40-hex commit SHA (owner/repo[/path]@<sha>)"
    if not VERSION_COMMENT.search(use.source_line):
        return "no trailing `# vX.Y.Z` comment naming the release of that SHA"
    return None


def all_uses() -> list[Use]:
    return [use for path in WORKFLOWS for use in uses_in(path)]


def job_images(path: Path) -> list[tuple[str, str]]:
    """(where, image) for each job container and service container."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    images = []
    for name, job in data["jobs"].items():
        container = job.get("container")
        if isinstance(container, str):
            images.append((f"{path.name}: jobs.{name}.container", container))
        elif isinstance(container, dict):
            images.append((f"{path.name}: jobs.{name}.container.image", container["image"]))
        for service, spec in (job.get("services") or {}).items():
            images.append((f"{path.name}: jobs.{name}.services.{service}.image", spec["image"]))
    return images


def dependabot() -> dict:
    return yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))


# --- the actions ---------------------------------------------------------------------------


def test_there_are_workflows_and_they_use_actions():
    assert WORKFLOWS, "no workflow found"
    assert len(all_uses()) >= 5  # guards against a parser that silently finds nothing


def test_every_action_is_pinned_by_commit_sha_with_its_release_in_a_comment():
    problems = [f"{use.where}\n    {why}" for use in all_uses() if (why := problem(use))]
    assert not problems, "unpinned actions:\n" + "\n".join(problems)


def test_every_uses_line_in_the_text_was_checked():
    """A `uses:` the structured walk missed (a new place in the syntax) fails here."""
    in_text = sum(len(re.findall(r"(?m)^\s*(?:-\s+)?uses:", p.read_text(encoding="utf-8"))) for p in WORKFLOWS)
    assert in_text == len(all_uses())


def test_one_action_at_one_sha_always_names_the_same_release():
    seen: dict[str, tuple[str, Use]] = {}
    for use in all_uses():
        if use.ref.startswith(("./", "docker://")):
            continue
        version = VERSION_COMMENT.search(use.source_line).group(1)
        if use.ref in seen:
            assert seen[use.ref][0] == version, f"{use.where} vs {seen[use.ref][1].where}"
        seen[use.ref] = (version, use)


def test_one_action_is_pinned_to_one_sha_across_the_workflows():
    shas: dict[str, set[str]] = {}
    for use in all_uses():
        if "@" in use.ref and not use.ref.startswith(("./", "docker://")):
            action, sha = use.ref.rsplit("@", 1)
            shas.setdefault(action, set()).add(sha)
    assert {a: s for a, s in shas.items() if len(s) > 1} == {}


@pytest.mark.parametrize(
    ("ref", "line", "ok"),
    [
        ("actions/checkout@v5", "- uses: actions/checkout@v5", False),
        ("actions/checkout@main", "- uses: actions/checkout@main # v5.1.0", False),
        ("actions/checkout@fbc6f39", "- uses: actions/checkout@fbc6f39 # v5.1.0", False),
        ("actions/checkout@" + "a" * 40, "- uses: actions/checkout@" + "a" * 40, False),
        ("actions/checkout@" + "a" * 40, "- uses: actions/checkout@" + "a" * 40 + " # pinned", False),
        ("actions/checkout@" + "A" * 40, "- uses: actions/checkout@" + "A" * 40 + " # v5.1.0", False),
        ("docker://alpine:3.22", "- uses: docker://alpine:3.22", False),
        ("actions/checkout@" + "a" * 40, "- uses: actions/checkout@" + "a" * 40 + " # v5.1.0", True),
        ("github/codeql-action/init@" + "b" * 40, "uses: github/codeql-action/init@" + "b" * 40 + "  # v4.30.8", True),
        ("./.github/actions/local", "- uses: ./.github/actions/local", True),
        ("docker://alpine:3.22@sha256:" + "c" * 64, "- uses: docker://alpine:3.22@sha256:" + "c" * 64, True),
    ],
)
def test_the_pin_check_itself_tells_pinned_from_unpinned(ref, line, ok):
    assert (problem(Use("x.yml", 1, ref, line)) is None) is ok


# --- the containers ------------------------------------------------------------------------


def test_job_containers_are_pinned_by_digest():
    images = [item for path in WORKFLOWS for item in job_images(path)]
    assert images, "the workflows run in a container: python:3.11-bookworm"
    unpinned = [f"{where}: {image}" for where, image in images if not PINNED_IMAGE.match(image)]
    assert not unpinned, "images not pinned by name:tag@sha256:<digest>:\n" + "\n".join(unpinned)


def test_the_workflows_run_in_the_same_python_image():
    """The digest is refreshed by hand (Dependabot does not see `container:`):
    both workflows must move together, and say how to refresh it."""
    images = {image for path in WORKFLOWS for _, image in job_images(path)}
    assert len(images) == 1, images
    (image,) = images
    assert image.startswith("python:3.11-bookworm@sha256:")
    for path in WORKFLOWS:
        if job_images(path):
            assert "imagetools inspect" in path.read_text(encoding="utf-8"), path.name


# --- Dependabot ----------------------------------------------------------------------------


def test_dependabot_covers_the_actions_the_python_packages_and_the_npm_tools():
    config = dependabot()
    assert config["version"] == 2
    by_ecosystem = {u["package-ecosystem"]: u for u in config["updates"]}
    assert {"github-actions", "pip", "npm"} <= by_ecosystem.keys()
    for ecosystem in ("github-actions", "pip", "npm"):
        assert by_ecosystem[ecosystem]["directory"] == "/", ecosystem


def test_the_manifests_dependabot_reads_are_where_it_looks():
    assert WORKFLOWS  # github-actions reads .github/workflows under "/"
    assert (ROOT / "requirements.txt").is_file() and (ROOT / "pyproject.toml").is_file()
    assert (ROOT / "package.json").is_file() and (ROOT / "package-lock.json").is_file()


def test_dependabot_runs_weekly_groups_minor_and_patch_and_limits_pull_requests():
    for update in dependabot()["updates"]:
        ecosystem = update["package-ecosystem"]
        assert update["schedule"]["interval"] == "weekly", ecosystem
        limit = update["open-pull-requests-limit"]
        assert isinstance(limit, int) and 1 <= limit <= 10, ecosystem
        groups = update["groups"].values()
        assert any(sorted(g.get("update-types", [])) == ["minor", "patch"] for g in groups), ecosystem


def test_dependabot_commit_messages_have_english_conventional_prefixes():
    conventional = {"build", "chore", "ci", "deps", "fix"}
    for update in dependabot()["updates"]:
        message = update["commit-message"]
        for key in ("prefix", "prefix-development"):
            if key in message:
                assert message[key] in conventional, (update["package-ecosystem"], message[key])
