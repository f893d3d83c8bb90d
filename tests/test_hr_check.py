"""`python -m generator check` as HR and the pull request see it: warnings for
likely mistakes that still build, --strict turning them into errors, and
GitHub annotations that put each problem on the diff."""
from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT, mkdocs_build, run

GOOD = (Path(__file__).resolve().parent / "good_posting.yml").read_text(encoding="utf-8")

# Three likely mistakes in one otherwise valid posting.
DOUBTFUL = (GOOD.replace("deadline: 2026-01-31", "deadline: 2026-01-10")
            .replace("    date: 2026-02-03", "    date: 2026-01-08")
            .replace("contacts:\n  - name: Helle Kristensen\n    phone: 4477 1847\n    email: helle@ballerup.dk\n", ""))


# The day check runs on: the postings have closed, and none is yet past the retention rule
# (a posting closed longer ago is not read at all: tests/test_closed_postings.py).
DAY = "2026-03-01"


def check(project: Path, *args: str, **env: str):
    return run([sys.executable, "-m", "generator", "check", *args], project, DAY, **env)


def test_the_example_content_is_clean(cli):
    result = check(ROOT, "--strict")
    assert result.code == 0, result.text
    assert result.out.startswith("OK: ")
    assert result.err == ""


def test_likely_mistakes_are_warnings_with_file_and_line(project):
    (project / "jobs" / "tvivl.yml").write_text(DOUBTFUL, encoding="utf-8")
    result = check(project)
    assert result.code == 0, result.text
    lines = result.err.splitlines()
    assert lines[0] == "3 advarsler i indholdet:"
    assert lines[1] == ("jobs/tvivl.yml:3:1: advarsel: kontakter (contacts): opslaget har ingen kontaktperson; ansøgere vil "
                        "gerne kunne ringe. Tilføj contacts med name og phone")
    assert lines[2].startswith("jobs/tvivl.yml:10:1: advarsel: ansøgningsfrist (deadline): fristen er kun 9 dage efter at opslaget "
                               "offentliggøres (2026-01-01)")
    assert lines[3].startswith("jobs/tvivl.yml:13:5: advarsel: samtale nr. 1, dato (date): samtalen (2026-01-08) ligger "
                               "før ansøgningsfristen (2026-01-10)")
    assert "OK: 3 opslag" in result.out


def test_strict_turns_warnings_into_errors(project):
    (project / "jobs" / "tvivl.yml").write_text(DOUBTFUL, encoding="utf-8")
    result = check(project, "--strict")
    assert result.code == 1
    assert result.err.startswith("3 fejl i indholdet:\njobs/tvivl.yml:3:1: kontakter (contacts): opslaget har ingen")


def test_warnings_do_not_stop_the_build(project, tmp_path):
    (project / "jobs" / "tvivl.yml").write_text(DOUBTFUL, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "2026-01-05")
    assert result.code == 0, result.text
    assert (tmp_path / "site" / "job" / "tvivl" / "index.html").is_file()


def test_warnings_come_with_errors_in_one_report(project):
    (project / "jobs" / "tvivl.yml").write_text(DOUBTFUL, encoding="utf-8")
    (project / "jobs" / "fejl.yml").write_text(GOOD.replace("hours: 37", "hours: mange"), encoding="utf-8")
    result = check(project)
    assert result.code == 1
    assert result.err.startswith("1 fejl og 3 advarsler i indholdet:\njobs/fejl.yml:5:1: ugentlige timer (hours): skal være et tal")


def test_github_annotations_for_errors_and_warnings(project):
    (project / "jobs" / "tvivl.yml").write_text(DOUBTFUL, encoding="utf-8")
    (project / "jobs" / "fejl.yml").write_text(GOOD.replace("hours: 37", "hours: mange"), encoding="utf-8")
    result = check(project, GITHUB_ACTIONS="true")
    annotations = [ln for ln in result.out.splitlines() if ln.startswith("::")]
    assert annotations[0] == ("::error file=jobs/fejl.yml,line=5,col=1,title=Fejl i opslaget::ugentlige timer (hours): skal være "
                              "et tal (Ugentlige timer, fx 37, eller 'uden øvre arbejdstid' (fuldtid uden øvre "
                              "grænse))")
    assert annotations[1].startswith("::warning file=jobs/tvivl.yml,line=3,col=1,title=Advarsel::kontakter (contacts): ")
    assert len(annotations) == 4
    plain = check(project)
    assert "::" not in plain.out  # only on GitHub


def test_check_of_named_files(project):
    (project / "jobs" / "god.yml").write_text(GOOD, encoding="utf-8")
    (project / "jobs" / "fejl.yml").write_text(GOOD.replace("hours: 37", "hours: mange"), encoding="utf-8")
    ok = check(project, "jobs/god.yml")
    assert ok.code == 0 and ok.out.strip() == "OK: jobs/god.yml er i orden."
    # The other postings are not read (a national jobs/ holds thousands); HR is told what was checked.
    assert ok.err.strip() == "(Kun de nævnte filer er tjekket; make check uden FILER tjekker alt indhold.)"
    assert "fejl.yml" in check(project).err  # the whole check finds the other posting's error
    orgs = project / "data" / "organisations.yml"
    orgs.write_text(orgs.read_text(encoding="utf-8").replace("kind: kommune", "kind: komune", 1), encoding="utf-8")
    data = check(project, "jobs/god.yml")  # an error in a file the posting depends on is still counted
    assert data.code == 1 and "Der er også 1 fejl i andre filer" in data.err
    missing = check(project, "jobs/findes-ikke.yml")
    assert missing.code == 1 and "jobs/findes-ikke.yml:1: filen findes ikke" in missing.err
    (project / "ny.yml").write_text(GOOD, encoding="utf-8")
    elsewhere = check(project, "ny.yml")
    assert elsewhere.code == 1 and "ny.yml:1: filen er ikke en del af indholdet" in elsewhere.err


def test_errors_in_the_other_content_files_are_found(project):
    orgs = project / "data" / "organisations.yml"
    orgs.write_text(orgs.read_text(encoding="utf-8").replace("kind: kommune", "kind: komune", 1), encoding="utf-8")
    roles = project / "data" / "roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8") + "extra: 1\n", encoding="utf-8")
    leaflet = next((project / "content" / "foldere").glob("[!i]*.md"))
    leaflet.write_text(leaflet.read_text(encoding="utf-8").replace("updated:", "updated: 2026-13-01\nold:", 1),
                       encoding="utf-8")
    result = check(project)
    assert result.code == 1
    assert "data/organisations.yml:" in result.err and "mente du 'kommune'?" in result.err
    assert "data/roles.yml:" in result.err and "extra: ukendt felt" in result.err
    assert f"content/foldere/{leaflet.name}:" in result.err and "opdateret (updated): 2026-13-01 findes ikke" in result.err


def test_windows_and_old_mac_line_ends_are_read_with_the_right_line_numbers(project):
    for name, end in (("windows.yml", "\r\n"), ("mac.yml", "\r")):
        (project / "jobs" / name).write_bytes(GOOD.replace("\n", end).encode("utf-8"))
    assert check(project, "jobs/windows.yml", "jobs/mac.yml").code == 0
    line = GOOD.splitlines().index("hours: 37") + 1
    (project / "jobs" / "mac.yml").write_bytes(GOOD.replace("hours: 37", "hours: mange").replace("\n", "\r")
                                               .encode("utf-8"))
    broken = check(project, "jobs/mac.yml")
    assert broken.code == 1 and f"jobs/mac.yml:{line}:" in broken.err and "hours" in broken.err, broken.text


# --- many postings: check reads them side by side, with the same result ------------------------

def test_check_of_many_postings_in_workers_finds_what_reading_them_one_by_one_finds(tmp_path):
    from datetime import date

    from generator.content import load_site
    from generator.read_postings import SPLIT_FROM
    from generator.problems import ContentError
    from project_copy import copy_project

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synthetic

    project = copy_project(tmp_path / "project")
    synthetic.write_content(project, SPLIT_FROM + 40, 60, date(2026, 3, 2))
    jobs = sorted((project / "jobs").glob("*.yml"))
    # A warning early on, an error in the middle (another chunk), a contradiction near the end.
    first = jobs[3].read_text("utf-8")
    jobs[3].write_text(first.replace("contacts:", "kontakter:", 1), "utf-8")
    jobs[len(jobs) // 2].write_text("title: Pædagog\nworkplace: findes-ikke\n", "utf-8")
    last = jobs[-5].read_text("utf-8")
    jobs[-5].write_text(last.replace("intro: ", "intro: Ansøgningsfrist 3. februar 2031. ", 1), "utf-8")

    def problems(**kwargs):
        try:
            load_site(project, **kwargs)
        except ContentError as err:
            return [p.format() for p in err.problems]
        raise AssertionError("the broken posting was accepted")

    alone = problems()
    side_by_side = problems(processes=2)
    assert side_by_side == alone
    assert any(jobs[len(jobs) // 2].name in p for p in alone)
    assert any(jobs[3].name in p for p in alone) and any(jobs[-5].name in p and "3. februar 2031" in p for p in alone)


def test_hrs_check_ends_with_its_own_danish_lines_and_its_exit_status(cli):
    """GNU make prints 'make: *** [Makefile:N: check] Error 1' after any failed recipe (-s or not), so a
    failed `make check` cannot end with the check's own line; ./tjek runs the same check after make has
    prepared .venv and the PDF libraries, and ends with the check's Danish lines and its status."""
    result = cli(["./tjek", "jobs/findes-ikke.yml"], ROOT)
    assert result.code == 1, result.text
    assert "make" not in result.text and "Error" not in result.text, result.text
    assert result.err.splitlines()[-1] == "jobs/findes-ikke.yml:1: filen findes ikke", result.err
    made = cli(["make", "--no-print-directory", "check", "FILER=jobs/findes-ikke.yml"], ROOT)
    assert made.code != 0 and "jobs/findes-ikke.yml:1: filen findes ikke" in made.err  # the same check
