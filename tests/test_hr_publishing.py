"""Publishing later and withdrawing early, as HR does it by editing one file:
a posting published in the future is nowhere on the site until its day; a
posting marked filled or cancelled leaves the open list from its date on and
its page says why."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs_build
from generator import clock
from generator.content import load_site
from generator.listing import build_listing
from generator.problems import ContentError

GOOD = (Path(__file__).resolve().parent / "good_posting.yml").read_text(encoding="utf-8")
TODAY = "2026-01-05"

# id -> what HR wrote
POSTINGS = {
    "besat-foer-fristen": GOOD.replace("title: Pædagog til Børnehuset Stjernehuset", "title: Besat pædagogstilling")
    + "withdrawn:\n  reason: besat\n  date: 2026-01-04\n",
    "annulleret-i-dag": GOOD.replace("title: Pædagog til Børnehuset Stjernehuset", "title: Annulleret stilling")
    + "withdrawn:\n  reason: annulleret\n  date: 2026-01-05\n",
    "annulleres-senere": GOOD.replace("title: Pædagog til Børnehuset Stjernehuset", "title: Stilling der annulleres")
    + "withdrawn:\n  reason: annulleret\n  date: 2026-01-20\n",
    "kommer-senere": GOOD.replace("title: Pædagog til Børnehuset Stjernehuset", "title: Hemmelig fremtidig stilling")
    .replace("published: 2026-01-01", "published: 2026-01-06"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("publishing") / "project")
    for pid, text in POSTINGS.items():
        (root / "jobs" / f"{pid}.yml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(project, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("publishing-site")
    result = mkdocs_build(project, out, TODAY)
    assert result.code == 0, result.text
    return out


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def open_ids(site: Path) -> list[str]:
    return [p["id"] for p in json.loads(read(site, "job/jobs.json"))["postings"] if p["status"] == "open"]


def test_a_posting_published_later_is_nowhere_on_the_site(site):
    assert not (site / "job" / "kommer-senere").exists()
    assert "kommer-senere" not in open_ids(site)
    for path in site.rglob("*"):  # pages, search index, jobs.json, feeds, calendars, sitemap
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".ics", ".txt", ".js"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "kommer-senere" not in text and "Hemmelig fremtidig stilling" not in text, path


def test_a_posting_appears_on_its_publish_day(project):
    content = load_site(project)
    ids = lambda day: [j.id for j in build_listing(content, datetime.combine(day, datetime.min.time(), clock.TZ)).open]
    assert "kommer-senere" not in ids(date(2026, 1, 5))
    assert "kommer-senere" in ids(date(2026, 1, 6))


def test_a_filled_posting_leaves_the_open_list_and_says_so(site):
    assert "besat-foer-fristen" not in open_ids(site)
    job_list = read(site, "job/index.html")
    assert 'data-id="besat-foer-fristen"' not in job_list
    page = read(site, "job/besat-foer-fristen/index.html")
    assert "Stillingen er besat." in page
    assert "4. januar 2026" in page
    assert "Søg stillingen" not in page
    archive = read(site, "job/arkiv/index.html")
    card = archive[archive.index('data-id="besat-foer-fristen"'):]
    assert "Stillingen er besat" in card[:card.index("</li>")]


def test_a_cancelled_posting_leaves_the_open_list_on_its_date(site):
    assert "annulleret-i-dag" not in open_ids(site)
    page = read(site, "job/annulleret-i-dag/index.html")
    assert "Stillingen er annulleret." in page and "5. januar 2026" in page
    assert "Fristen er udløbet" not in page  # the deadline (31 January) has not passed


def test_withdrawn_postings_leave_the_search_index(site):
    from search_project import indexed

    locations = set(indexed(site))
    assert locations and not any(loc.startswith(("/job/besat-foer-fristen/", "/job/annulleret-i-dag/"))
                                 for loc in locations)


def test_a_withdrawal_dated_later_keeps_the_posting_open_until_that_day(site, project):
    assert "annulleres-senere" in open_ids(site)
    assert "Stillingen er annulleret" not in read(site, "job/annulleres-senere/index.html")
    content = load_site(project)
    on = lambda day: {j.id: j for j in build_listing(content, datetime.combine(day, datetime.min.time(), clock.TZ)).jobs}
    assert on(date(2026, 1, 19))["annulleres-senere"].status == "open"
    later = on(date(2026, 1, 20))["annulleres-senere"]
    assert later.status == "closed" and later.withdrawn.reason == "annulleret"


def test_withdrawn_before_publishing_is_an_error(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "jobs" / "x.yml").write_text(GOOD + "withdrawn:\n  reason: besat\n  date: 2025-12-31\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_site(root)
    assert "jobs/x.yml:" in str(err.value) and "tilbagetrukket, dato (date)" in str(err.value)
