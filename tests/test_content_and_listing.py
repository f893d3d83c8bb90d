"""The core without a build: loading the example content, and which postings
are open, closed or not yet published on a given day, in which order."""
from __future__ import annotations

from datetime import datetime

import pytest

from conftest import ROOT
from generator.clock import TZ
from generator.content import ContentError, load_site
from generator.listing import build_listing

STJERNEHUSET = "paedagogisk-leder-stjernehuset"
AARHUS = "ressourcepaedagoger-midtbyens-dagtilbud"


@pytest.fixture(scope="module")
def content():
    return load_site(ROOT)


def test_the_example_content_loads(content):
    assert {p.id for p in content.postings} == {STJERNEHUSET, AARHUS}
    assert content.roles is not None and [r.id for r in content.roles.roles][0] == "paedagog"
    assert [lf.id for lf in content.leaflets] == ["ressourcegrupper-haderslev"]
    assert content.units["stjernehuset"].kommune.name == "Ballerup Kommune"
    assert content.warnings == []


def at(day: str, clock: str = "12:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=TZ)


def test_open_postings_are_sorted_by_deadline(content):
    listing = build_listing(content, at("2026-01-05"))
    assert [j.id for j in listing.open] == [STJERNEHUSET, AARHUS]
    assert listing.closed == ()


def test_a_deadline_is_open_to_the_end_of_its_day(content):
    last_day = build_listing(content, at("2026-01-10", "23:59"))
    after = build_listing(content, at("2026-01-11", "00:00"))
    assert STJERNEHUSET in {j.id for j in last_day.open}
    assert STJERNEHUSET in {j.id for j in after.closed}


def test_before_publishing_a_posting_is_not_listed(content):
    listing = build_listing(content, at("2025-12-01"))
    assert listing.jobs == ()


def test_a_broken_file_is_a_problem_value_not_an_exception(project):
    (project / "jobs" / "ny.yml").write_text("title: [\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_site(project)
    (problem,) = raised.value.problems
    assert problem.file == "jobs/ny.yml" and problem.line >= 1 and "YAML" in problem.message
