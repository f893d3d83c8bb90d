"""Closed postings under the retention rule (generator/retention.py), as a visitor, a search engine and
a data protection officer see the built example site on each day of it.

The default rule: a closed posting's page stays whole until its last interview or 30 days after it
closed, whichever is later; then a short page without contacts or free text (noindex) until 90 days
after it closed; then its address gives the 404. The example's two postings:
- Stjernehuset (LEDER): deadline 10 January, interviews 15 and 22 January: whole to 9 February,
  short to 10 April, gone from 11 April;
- Midtbyens (RESSOURCE): deadline 15 February, interview 19 February: whole to 17 March, short to
  16 May, gone from 17 May.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, mkdocs_build, run
from generator import retention
from generator.model import Posting, Retention

LEDER = "paedagogisk-leder-stjernehuset"
RESSOURCE = "ressourcepaedagoger-midtbyens-dagtilbud"
SHORT = "Stillingen er ikke længere opslået."


def people_of(posting_id: str) -> list[str]:
    """What of a posting is personal: its contacts' names, phones (as digits) and e-mails."""
    data = yaml.safe_load((ROOT / "jobs" / f"{posting_id}.yml").read_text(encoding="utf-8"))
    found = []
    for contact in data["contacts"]:
        found.append(contact["name"])
        if contact.get("phone"):
            found.append(re.sub(r"\D", "", str(contact["phone"]))[-8:])
        if contact.get("email"):
            found.append(contact["email"])
    assert len(found) >= 2
    return found


def site_texts(root: Path) -> dict[str, str]:
    """Every file of the built site as text (gzip-compressed files such as the search index's
    fragments unpacked), with the spaces a phone number may be written with taken out."""
    texts = {}
    for path in root.rglob("*"):
        if not path.is_file() or path.suffix in (".wasm", ".png", ".jpg", ".webp", ".svg", ".woff2", ".pdf"):
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="replace")
        texts[str(path.relative_to(root))] = text + "\n" + re.sub(r"[ \u00a0-]", "", text)
    return texts


def holding(root: Path, words: list[str]) -> dict[str, list[str]]:
    return {rel: found for rel, text in site_texts(root).items() if (found := [w for w in words if w in text])}


def archive_ids(site) -> list[str]:
    return re.findall(r'data-id="([^"]+)"', site.page("job/arkiv/"))


def sitemap(site) -> str:
    return (site.root / "sitemap.xml").read_text(encoding="utf-8")


def test_before_the_last_interview_a_closed_posting_is_whole_but_only_on_its_page(built_site):
    site = built_site("2026-01-20")  # Stjernehuset closed on the 10th; its second interview is on the 22nd
    page = site.page(f"job/{LEDER}/")
    for word in people_of(LEDER):
        assert word in re.sub(r"[ \u00a0]", "", page) or word in page, word
    assert SHORT not in page and '<meta name="robots" content="noindex">' in page
    assert "application/ld+json" not in page or '"JobPosting"' not in page  # no JobPosting once closed
    elsewhere = {rel: found for rel, found in holding(site.root, people_of(LEDER)).items()
                 if rel != f"job/{LEDER}/index.html"}
    assert elsewhere == {}, "contacts of a closed posting outside its own page"
    assert LEDER in archive_ids(site)
    for data in ("job/feed.xml", "job/kalender.ics", "job/feeds/kommune/ballerup.xml", "job/feeds/kommune/ballerup.ics"):
        assert LEDER not in site.page(data) and "Pædagogisk leder til Børnehuset" not in site.page(data), data
    assert not (site.root / "job" / LEDER / f"{LEDER}.ics").exists()  # no calendar to add once closed
    assert f"job/{LEDER}/" not in sitemap(site) and f"job/{RESSOURCE}/" in sitemap(site)


def test_after_the_first_limit_nothing_personal_is_left_and_a_short_page_says_the_job_is_gone(built_site):
    site = built_site("2026-03-01")  # Stjernehuset short since 10 February; Midtbyens whole to 17 March
    assert holding(site.root, people_of(LEDER)) == {}
    page = site.page(f"job/{LEDER}/")
    assert SHORT in page and "Pædagogisk leder til Børnehuset Stjernehuset" in page
    assert "Børnehuset Stjernehuset" in page and "lørdag den 10. januar 2026" in page  # workplace and dates
    assert '<meta name="robots" content="noindex">' in page and '"JobPosting"' not in page
    assert 'href="../"' in page  # the way to the open jobs
    assert "Hvem er vi" not in page and "ca. 750 børn" not in page  # no free text of any kind
    assert [p["id"] for p in site.jobs()["postings"]] == [RESSOURCE, LEDER]  # non-personal facts, still listed
    assert archive_ids(site) == [RESSOURCE, LEDER]
    # The other posting is still whole on its own page, and only there.
    assert set(holding(site.root, people_of(RESSOURCE))) == {f"job/{RESSOURCE}/index.html"}
    assert f"job/{LEDER}/" not in sitemap(site)


def test_after_the_second_limit_the_address_is_gone_and_nothing_remains(built_site):
    site = built_site("2026-04-20")  # Stjernehuset gone since 11 April; Midtbyens short since 18 March
    assert not (site.root / "job" / LEDER).exists()
    texts = site_texts(site.root)
    assert not [rel for rel, text in texts.items() if LEDER in text and not rel.startswith("assets/")]
    assert archive_ids(site) == [RESSOURCE]
    assert [p["id"] for p in site.jobs()["postings"]] == [RESSOURCE]
    assert holding(site.root, people_of(RESSOURCE)) == {}
    assert SHORT in site.page(f"job/{RESSOURCE}/")
    assert "lukket" in site.page("404.html")  # what the address now answers says a job there has closed


def test_when_both_are_gone_the_site_holds_no_trace_of_either(built_site):
    site = built_site("2026-06-01")
    assert holding(site.root, people_of(LEDER) + people_of(RESSOURCE) + [LEDER, RESSOURCE]) == {}
    assert site.jobs()["postings"] == []
    assert "Arkivet er tomt." in site.page("job/arkiv/")


def test_jobs_json_keeps_only_facts_of_a_closed_posting(built_site):
    (closed,) = [p for p in built_site("2026-03-01").jobs()["postings"] if p["id"] == LEDER]
    assert closed["status"] == "closed"
    assert set(closed) == {"id", "title", "url", "status", "deadline", "interviews", "kommune", "district",
                           "workplace", "hours", "hours_text", "employment", "positions", "categories"}


# --- The rule itself, and where it is written ----------------------------------------------------

def posting(deadline: str, interviews: list[str] = (), withdrawn: str | None = None) -> Posting:
    data = yaml.safe_load((ROOT / "tests" / "good_posting.yml").read_text(encoding="utf-8"))
    data.update(published="2026-01-01", deadline=deadline,
                interviews=[{"date": d} for d in interviews])
    if withdrawn:
        data["withdrawn"] = {"reason": "besat", "date": withdrawn}
    return Posting.model_validate(data)


def test_the_page_stays_whole_until_the_last_interview_when_that_is_later_than_the_first_limit():
    rule = Retention(full_days=30, short_days=90)
    late = retention.limits(posting("2026-02-01", ["2026-02-10", "2026-03-20"]), rule)
    assert late.whole_until == date(2026, 3, 20) and late.short_until == date(2026, 5, 2)
    assert [late.stage(date(2026, 3, d)) for d in (20, 21)] == ["whole", "short"]
    early = retention.limits(posting("2026-02-01", ["2026-02-05"]), rule)
    assert early.whole_until == date(2026, 3, 3)
    assert early.stage(date(2026, 5, 2)) == "short" and early.stage(date(2026, 5, 3)) == "gone"


def test_a_posting_filled_early_counts_from_the_day_it_was_filled():
    limits = retention.limits(posting("2026-03-01", withdrawn="2026-02-10"), Retention(full_days=0, short_days=10))
    assert limits.closed == date(2026, 2, 10) and limits.short_until == date(2026, 2, 20)


@pytest.mark.parametrize("text, gone", [
    (b"title: x\ndeadline: 2026-01-10\n", True),
    (b"title: x\ndeadline: '2026-01-10'  # fristen\n", True),
    (b"title: x\r\ndeadline: \"2026-01-10\"\r\n", True),
    (b"title: x\ndeadline: 2026-09-10\n", False),  # not yet gone
    (b"title: x\ndeadline: 2026-01-10\ndeadline: 2027-01-10\n", False),  # two: read it in full
    (b"title: x\n\"deadline\": 2027-01-10\nintro: |\n  deadline: 2026-01-10\n", False),  # another may set it
    (b"title: x\ndeadline: 10. januar 2026\n", False),  # not a plain date: read it in full
    (b"title: x\ndeadline: 2026-02-30\n", False),  # no such day: the reader says so
    (b"title: x\ndeadline: 9999-12-31\n", False),  # out of range: the reader says so, nothing overflows
    (b"title: x\ndeadline: 0001-01-01\n", True),
    (b"title: x\n", False),
])
def test_only_a_plain_deadline_long_past_is_enough_to_leave_a_file_unread(text, gone):
    assert retention.surely_gone(text, date(2026, 6, 1), 90) is gone


def test_a_kommune_can_keep_its_closed_postings_shorter_and_check_explains_a_wrong_rule(project):
    orgs = project / "data" / "organisations.yml"
    text = orgs.read_text(encoding="utf-8")
    aarhus = text.replace("  - id: aarhus\n    kind: kommune\n",
                          "  - id: aarhus\n    kind: kommune\n    retention:\n      full_days: 0\n      short_days: 3\n")
    assert aarhus != text
    orgs.write_text(aarhus, encoding="utf-8")
    # Midtbyens closed 15 February: with Aarhus's 3 days its short page goes after the 18th (its interview
    # on the 19th does not hold it longer: short_days is the end).
    check = run([sys.executable, "-m", "generator", "retire", "--dry-run"], project, "2026-02-18")
    assert check.code == 0, check.text
    assert "ressourcepaedagoger" not in check.out
    later = run([sys.executable, "-m", "generator", "retire", "--dry-run"], project, "2026-02-19")
    assert "Ville slette: jobs/ressourcepaedagoger-midtbyens-dagtilbud.yml" in later.out
    assert "stjernehuset" not in later.out  # Ballerup keeps the site's 90 days

    wrong_rule = text.replace("retention:\n  full_days: 30\n  short_days: 90\n", "retention:\n  full_days: 60\n  short_days: 30\n")
    assert wrong_rule != text
    orgs.write_text(wrong_rule, encoding="utf-8")
    wrong = run([sys.executable, "-m", "generator", "check"], project, "2026-02-20")
    assert wrong.code == 1
    assert "short_days (30) skal være mindst lige så mange dage som full_days (60)" in wrong.err
    assert "Traceback" not in wrong.text


@pytest.mark.parametrize("unit", ["deadline:", "deadline: ", " deadline:\n", "\n", " ", "deadline: 2026-01-1",
                                  "'deadline': x\n", "\r\n", "#", "\ndeadline: 2026-01-10 #"])
def test_reading_the_deadline_line_takes_time_in_proportion_to_the_file(unit):
    """200 KB of each pattern's worst case takes no more than a plain file of that size (tests/test_linear_time.py)."""
    from test_linear_time import PLAIN, assert_linear, fill
    day = date(2026, 12, 6)
    assert_linear(lambda text: retention.surely_gone(text.encode(), day, 90), fill(unit), PLAIN)


def test_the_privacy_page_states_each_kommunes_own_rule_and_its_name_stays_text(project, tmp_path):
    orgs = project / "data" / "organisations.yml"
    text = orgs.read_text(encoding="utf-8")
    hostile = ("  - id: aarhus\n    kind: kommune\n    name: \"Aarhus & \\\"Søn\\\" <3 'x'\"\n"
               "    retention:\n      full_days: 14\n      short_days: 45\n")
    text = text.replace("  - id: aarhus\n    kind: kommune\n    name: Aarhus Kommune\n", hostile)
    assert hostile in text
    orgs.write_text(text, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "2026-01-05")
    assert result.code == 0, result.text
    html = (tmp_path / "site" / "personoplysninger" / "index.html").read_text(encoding="utf-8")
    assert "30 dage efter fristen, hvis det er senere" in html and "90 dage efter fristen:" in html  # the site's
    row = html[html.index("<th scope=\"row\">Aarhus &amp; &#34;Søn&#34; &lt;3 &#39;x&#39;</th>"):]
    assert "14 dage efter fristen (mindst til sidste samtale)" in row and "45 dage efter fristen" in row
    assert "<3 'x'" not in html
    footer = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="./personoplysninger/">Personoplysninger i jobopslag</a>' in footer
