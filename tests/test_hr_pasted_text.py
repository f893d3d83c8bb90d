"""What HR pastes and copies is understood: bullets from Word, Outlook or a PDF become the list
they were on the page, and a start date left over from the posting that was copied is warned
about at its line (issue: nothing HR types is lost)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import html

from conftest import mkdocs_build, run
from generator.fieldtypes import listed

GOOD = (Path(__file__).resolve().parent / "good_posting.yml").read_text(encoding="utf-8")
NBSP = "\u00a0"
# As a text copied from a Word document lands in the editor or a YAML file.
PASTED = ("intro: |\n"
          "  Vi tilbyder:\n"
          "  •\tGode kolleger og en god frokostordning\n"
          f"  ·{NBSP}{NBSP}Musik og bevægelse hver dag\n"
          "  ▪ Faglig sparring\n"
          "  o\tUdeliv i skoven\n"
          "  –  Løn efter aftale\n"
          "  Vi glæder os til at høre fra dig.\n")


def check(project: Path, *args: str):
    return run([sys.executable, "-m", "generator", "check", *args], project, "2026-01-05")  # the postings are open


@pytest.mark.parametrize("pasted, item", [
    ("•\tLeg", "Leg"), ("•  Leg", "Leg"), (f"·{NBSP}{NBSP}Leg", "Leg"), ("▪ Leg", "Leg"), ("◦ Leg", "Leg"),
    ("– Leg", "Leg"), ("o\tLeg", "Leg"), ("o  Leg", "Leg"), (f"o{NBSP}{NBSP}Leg", "Leg"), ("  • Leg", "Leg"),
])
def test_each_pasted_bullet_becomes_a_list_item(pasted, item):
    assert listed(f"Vi tilbyder:\n{pasted}\nTak.") == f"Vi tilbyder:\n- {item}\n\nTak."


@pytest.mark.parametrize("text", ["og så videre", "o som i ost", "3 – 6 år", "kl. 9 · 10", "•", "- allerede en liste"])
def test_text_that_is_not_a_pasted_list_is_left_as_written(text):
    assert listed(text) == text


def test_a_posting_with_pasted_bullets_passes_check_and_shows_a_list(project, tmp_path):
    text = GOOD.replace("intro: |\n  Vi søger en pædagog.\n", PASTED)
    (project / "jobs" / "kopieret.yml").write_text(text, encoding="utf-8")
    result = check(project, "--strict")
    assert result.code == 0, result.text
    build = mkdocs_build(project, tmp_path / "site", "2026-01-05")
    assert build.code == 0, build.text
    page = html.fromstring((tmp_path / "site" / "job" / "kopieret" / "index.html").read_bytes())
    items = [li.text_content().strip() for li in page.xpath('//ul[li[contains(., "Gode kolleger")]]/li')]
    assert items == ["Gode kolleger og en god frokostordning", "Musik og bevægelse hver dag", "Faglig sparring",
                     "Udeliv i skoven", "Løn efter aftale"]
    after = page.xpath('//p[contains(., "Vi glæder os")]')
    assert after and "Løn" not in after[0].text_content()  # its own paragraph, not inside the last item
    assert "•" not in page.xpath('string(//article)')


def test_a_start_date_left_from_a_copied_posting_is_warned_at_its_line(project):
    text = GOOD.replace("start:\n  asap: true\n", "start:\n  date: 2025-04-01\n")
    (project / "jobs" / "kopieret.yml").write_text(text, encoding="utf-8")
    result = check(project)
    assert result.code == 0, result.text
    assert ("jobs/kopieret.yml:8:3: advarsel: tiltrædelse, dato (date): første arbejdsdag (2025-04-01) "
            "ligger før opslaget kommer på sitet (2026-01-01); er datoen fra et gammelt opslag?") in result.err, result.err


def test_a_start_date_long_after_the_deadline_is_warned(project):
    text = GOOD.replace("start:\n  asap: true\n", "start:\n  date: 2027-03-01\n")
    (project / "jobs" / "kopieret.yml").write_text(text, encoding="utf-8")
    result = check(project)
    assert result.code == 0, result.text
    assert "første arbejdsdag (2027-03-01) ligger mere end et halvt år efter ansøgningsfristen (2026-01-31)" in result.err


def test_a_start_date_soon_after_the_deadline_is_quiet(project):
    text = GOOD.replace("start:\n  asap: true\n", "start:\n  date: 2026-03-01\n")
    (project / "jobs" / "kopieret.yml").write_text(text, encoding="utf-8")
    result = check(project)
    assert result.code == 0 and "første arbejdsdag" not in result.err, result.text


def test_a_choice_written_with_capitals_is_read_as_the_value_it_means(project, tmp_path):
    text = (GOOD.replace("role: pædagog", "role: Pædagog").replace("employment: fast", "employment: Fast")
            .replace("apply:\n", "requirements: [Børneattest]\napply:\n"))
    (project / "jobs" / "stort.yml").write_text(text, encoding="utf-8")
    result = check(project, "--strict")
    assert result.code == 0, result.text
    build = mkdocs_build(project, tmp_path / "site", "2026-01-05")
    assert build.code == 0, build.text
    import json
    jobs = {j["id"]: j for j in json.loads((tmp_path / "site" / "job" / "jobs.json").read_text("utf-8"))["postings"]}
    assert jobs["stort"]["categories"]["role"] == "pædagog"
    assert jobs["stort"]["employment"] == "fast"


def test_a_choice_that_is_not_one_still_gets_its_message(project):
    (project / "jobs" / "forkert.yml").write_text(GOOD.replace("role: pædagog", "role: Pædagogg"), encoding="utf-8")
    result = check(project)
    assert result.code == 1
    assert "'Pædagogg' er ikke en af de tilladte værdier" in result.err and "mente du 'pædagog'?" in result.err


def test_a_pasted_bullet_cannot_hide_a_link_from_the_rules(project):
    """'•⇥[x]: javascript:…' becomes a Markdown reference definition once the bullet is a list item: the text
    as shown gets every rule again, so the unsafe link is refused as it is without the bullet."""
    text = GOOD.replace("intro: |\n  Vi søger en pædagog.\n",
                        "intro: |\n  Tekst.\n\n  •\t[x]: javascript:alert(1)\n\n  Se [her][x].\n")
    (project / "jobs" / "skjult.yml").write_text(text, encoding="utf-8")
    result = check(project)
    assert result.code == 1 and "javascript:alert(1)" in result.err and "er ikke tilladt" in result.err, result.text
