"""A build is published whole or not at all: a build that fails at any stage,
even after MkDocs has written every page, leaves the last good site/ as it was."""
from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import mkdocs_build


def _fingerprint(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_late_failure_keeps_the_last_good_site(project, tmp_path):
    site = tmp_path / "site"
    assert mkdocs_build(project, site, "2026-01-05").code == 0
    before = _fingerprint(site)
    assert "job/jobs.json" in before and "index.html" in before

    # A broken link fails the strict build only at its very end, after every page was written.
    page = project / "content" / "vaer-med.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[et link](findes-ikke.md)\n", encoding="utf-8")
    result = mkdocs_build(project, site, "2026-01-05")

    assert result.code != 0 and "findes-ikke.md" in result.text
    assert _fingerprint(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no half-built folder left


def test_a_good_build_replaces_the_site_whole(project, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "gammel.html").write_text("fra en tidligere build", encoding="utf-8")
    assert mkdocs_build(project, site, "2026-01-05").code == 0
    assert not (site / "gammel.html").exists()  # what the new build does not make is gone, as with MkDocs
    assert (site / "job" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]
