"""The registry of kinds (generator/kinds.py): every path content may occupy is declared once,
with its name pattern, size limit and reviewer; everything else is refused in Danish; the
generated pages' addresses and the reserved ids come from the same place."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from generator import kinds
from generator.kinds import (DEVELOPERS, HR, KINDS, LEAFLET, MEDIA, PAGE, POSTING, RESERVED_IDS, id_problem, kind_of,
                             scan)

GENERATOR = ROOT / "generator"


def test_the_example_checkout_is_all_declared():
    inventory, problems = scan(ROOT)
    assert problems == []
    found = {e.rel: e.kind.name for e in inventory.entries}
    assert found["jobs/paedagogisk-leder-stjernehuset.yml"] == "posting"
    assert found["data/organisations.yml"] == "organisations"
    assert found["content/foldere/ressourcegrupper-haderslev.md"] == "leaflet"
    assert found["content/vaer-med.md"] == "page" and found["content/index.md"] == "page"
    assert found["content/stillingsbeskrivelser/index.md"] == "page"
    assert found["content/assets/jobsite.css"] == "theme" and found["cms.yml"] == "cms"


@pytest.mark.parametrize("rel, kind", [
    ("jobs/paedagog-x.yml", "posting"), ("jobs/paedagog-x.yaml", "posting"), ("data/roles.yml", "roles"),
    ("content/foldere/x.md", "leaflet"), ("content/foldere/x.png", "media"), ("content/assets/billeder/x.jpg", "media"),
    ("content/assets/billeder/x.webp", "media"), ("content/om-os.md", "page"), ("content/admin/config.yml", "editor"),
    ("cms.yml", "cms"),
    ("content/assets/billeder/x.svg", None), ("content/assets/billeder/x.html", None), ("content/foldere/x.gif", None),
    ("jobs/x.json", None), ("jobs/gamle/x.yml", None), ("data/x.yml", None), ("content/x.html", None),
    ("content/x/y/z.md", None), ("content/admin/evil.js", None),
])
def test_each_path_has_one_kind_or_none(rel, kind):
    found = kind_of(rel)
    assert (found.name if found else None) == kind


@pytest.mark.parametrize("name", ["javascript:alert(1)%2F%2F", "navn#kopi", "Navn", "ny stilling", "café",
                                  "cafe\u0301", "-start", "a" * 81, "x\u200by", "../x", "x/y", ""])
def test_a_name_outside_the_id_pattern_is_refused_in_danish(name):
    why = id_problem(name)
    assert why and ("webadresse" in why or "æ, ø, å" in why)


def test_reserved_ids_are_the_generated_pages_and_files():
    # derived, not typed: every generated page or file under job/ takes its name
    for path in kinds.GENERATED_PAGES + kinds.GENERATED_FILES:
        assert Path(path).stem in RESERVED_IDS
    assert {"arkiv", "besked", "feed", "kalender", "jobs", "sitemap", "feeds", "index"} <= RESERVED_IDS
    assert id_problem("arkiv") and "reserveret" in id_problem("arkiv")
    assert id_problem("README", LEAFLET.reserved)  # MkDocs takes README.md for an index page


def test_every_kind_has_a_reviewer_and_limits():
    for kind in KINDS:
        assert kind.owner in (HR, DEVELOPERS) and 0 < kind.max_bytes <= 10_000_000
        assert kind.match(kind.example), kind.name
    assert POSTING.owner == HR and LEAFLET.owner == HR and MEDIA.owner == HR
    assert PAGE.owner == DEVELOPERS  # hand-written pages are full Markdown, raw HTML included


def test_the_sites_sections_are_written_once():
    """'job/', 'foldere/' and 'stillingsbeskrivelser/' as addresses are written in the registry and
    nowhere else in the generator's code or templates (comments and docstrings aside)."""
    # an address the site makes; not a path in the repository (content/foldere/) or an example for HR (fx /...)
    address = re.compile(r"""(?<!content)(?<!fx )["'(=/](?:job|foldere|stillingsbeskrivelser)/""")
    written = []
    for path in [*GENERATOR.rglob("*.py"), *GENERATOR.rglob("*.j2")]:
        if path.name == "kinds.py":
            continue
        in_docstring = False
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.count('"""') == 1:
                in_docstring = not in_docstring
            code = re.sub(r"\{#.*?#\}", "", line.split("# ", 1)[0] if path.suffix == ".py" else line)
            if not in_docstring and '"""' not in line and address.search(code):
                written.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert written == []


def test_two_files_with_the_same_id_are_refused(tmp_path):
    project = copy_project(tmp_path / "p")
    good = (project / "jobs" / "paedagogisk-leder-stjernehuset.yml").read_bytes()
    (project / "jobs" / "paedagogisk-leder-stjernehuset.yaml").write_bytes(good)
    _, problems = scan(project)
    assert [p.file for p in problems] == ["jobs/paedagogisk-leder-stjernehuset.yml"]
    assert "findes allerede som jobs/paedagogisk-leder-stjernehuset.yaml" in problems[0].message


def test_a_file_over_its_kinds_size_is_refused_before_it_is_read(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "jobs" / "stor.yml").write_text("title: x\n" + "# fyld\n" * 20_000, encoding="utf-8")
    (project / "content" / "foldere" / "stor.md").write_text("x" * 300_000, encoding="utf-8")
    _, problems = scan(project)
    said = {p.file: p.message for p in problems}
    assert said["jobs/stor.yml"].startswith("filen fylder 140 KB; et opslag må højst fylde 100 KB")
    assert "en folder må højst fylde 200 KB" in said["content/foldere/stor.md"]


def test_scan_is_linear_in_the_number_of_files(tmp_path):
    """20 000 files in jobs/ (a national archive): one pass, each name checked once."""
    import time
    project = tmp_path / "p"
    (project / "jobs").mkdir(parents=True)
    for i in range(20_000):
        (project / "jobs" / f"opslag-{i}.yml").write_bytes(b"x: 1\n")
    (project / "jobs" / "Opslag-1.yml").write_bytes(b"x: 1\n")
    started = time.process_time()
    inventory, problems = scan(project)
    spent = time.process_time() - started
    assert len(inventory.of(POSTING)) == 20_000 and [p.file for p in problems] == ["jobs/Opslag-1.yml"]
    assert spent < 10, spent  # seconds of CPU: ~0.5 s here; a quadratic scan takes minutes


def test_a_picture_named_as_the_editor_names_uploads_is_accepted():
    """Decap lowercases an uploaded file's name and keeps '_': IMG_1234.JPG arrives as img_1234.jpg."""
    assert id_problem("img_1234", MEDIA.reserved, MEDIA.names) is None
    assert id_problem("img_1234") is not None  # a posting's or leaflet's id has no '_': it is its address
