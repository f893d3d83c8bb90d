""".github/CODEOWNERS sends every change outside HR's content to the developers: the last
matching pattern wins (as on GitHub), HR's folders are given back to HR, and the routing
agrees with the registry of kinds (generator/kinds.py) and with the job summary's list of
changes outside content (generator/summary.py)."""
from __future__ import annotations

import pathspec
import pytest

from conftest import ROOT
from generator import kinds
from generator.summary import needs_developer

DEVELOPERS, HR = "@ballerup/jobsite-udviklere", "@ballerup/jobsite-hr"


def rules() -> list[tuple[pathspec.GitIgnoreSpec, list[str]]]:
    out = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            out.append((pathspec.GitIgnoreSpec.from_lines([pattern]), owners))
    return out


def owners(path: str) -> list[str]:
    """The owners GitHub asks: those of the last pattern that matches (gitignore-style)."""
    found: list[str] = []
    for spec, who in rules():
        if spec.match_file(path):
            found = who
    return found


@pytest.mark.parametrize("path, owner", [
    # HR's content
    ("jobs/paedagog-stjernehuset.yml", HR),
    ("data/organisations.yml", HR),
    ("data/roles.yml", HR),
    ("content/foldere/ressourcegrupper-haderslev.md", HR),
    ("content/foldere/legeplads.jpg", HR),
    ("content/assets/billeder/legepladsen.jpg", HR),
    # hand-written pages, rendered with the site's full Markdown (raw HTML)
    ("content/index.md", DEVELOPERS),
    ("content/vaer-med.md", DEVELOPERS),
    ("content/stillingsbeskrivelser/index.md", DEVELOPERS),
    # the site's own files next to the media folder, and the editor
    ("content/assets/jobsite.js", DEVELOPERS),
    ("content/assets/jobsite.css", DEVELOPERS),
    ("content/admin/index.html", DEVELOPERS),
    ("content/admin/config.yml", DEVELOPERS),
    ("cms.yml", DEVELOPERS),
    # code, theme, build and CI
    ("mkdocs.yml", DEVELOPERS),
    ("mkdocs.preview.yml", DEVELOPERS),
    ("generator/content.py", DEVELOPERS),
    ("generator/templates/posting.md.j2", DEVELOPERS),
    ("overrides/main.html", DEVELOPERS),
    (".github/workflows/pull-request.yml", DEVELOPERS),
    (".github/CODEOWNERS", DEVELOPERS),
    ("Makefile", DEVELOPERS),
    ("requirements.txt", DEVELOPERS),
    ("tests/test_hosts.py", DEVELOPERS),
    ("scripts/anything.sh", DEVELOPERS),
    ("README.md", DEVELOPERS),
    ("a-new-top-level-file.py", DEVELOPERS),
    # a folder named like HR's, elsewhere, is not HR's
    ("generator/jobs/x.py", DEVELOPERS),
    ("tests/data/organisations.yml", DEVELOPERS),
])
def test_each_path_goes_to_its_reviewers(path, owner):
    assert owners(path) == [owner]


def test_every_kind_of_content_goes_to_the_reviewers_the_registry_names():
    for kind in kinds.KINDS:
        expected = HR if kind.owner == kinds.HR else DEVELOPERS
        assert owners(kind.example) == [expected], kind.name


@pytest.mark.parametrize("path", [
    "jobs/x.yml", "data/organisations.yml", "content/foldere/x.md", "content/assets/billeder/x.png",
    "content/vaer-med.md", "content/stillingsbeskrivelser/index.md", "content/assets/jobsite.js", "cms.yml",
    "mkdocs.yml", "generator/hosts.py", ".github/workflows/deploy.yml", "overrides/partials/copyright.html",
])
def test_the_summary_calls_out_exactly_what_goes_to_the_developers(path):
    assert needs_developer(path) == (owners(path) == [DEVELOPERS])
