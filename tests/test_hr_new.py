"""`python -m generator new`: a commented template with today's date, which
`check` refuses until HR has filled it in, and which never overwrites."""
from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import mkdocs_build, run
from generator.model import Posting


def new(project, *args: str, stdin: str | None = None, today: str = "2026-01-05"):
    env = {**os.environ, "JOBSITE_TODAY": today, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "generator", "new", *args], cwd=project, env=env,
                          input=stdin or "", capture_output=True, text=True, timeout=60)
    return proc


def fill_in(text: str) -> str:
    """What HR does with the template: answer every empty field and replace every UDFYLD."""
    text = (text.replace("\nhours:\n", "\nhours: 32\n")
            .replace("\ndeadline:\n", "\ndeadline: 2026-01-26\n")
            .replace("\nrole:\n", "\nrole: pædagog\n")
            .replace("\nage_groups:\n", '\nage_groups: ["3-6"]\n')
            .replace("UDFYLD Skriv indledningen her.", "Vi søger en glad pædagog.")
            .replace("UDFYLD første opgave", "Leg og læring")
            .replace("UDFYLD anden opgave", "Forældresamarbejde")
            .replace("UDFYLD Fornavn Efternavn", "Helle Kristensen")
            .replace("UDFYLD fx distriktsleder", "distriktsleder")
            .replace('phone: "UDFYLD"', 'phone: "4477 1847"')
            .replace("url: UDFYLD", "url: https://ballerup.dk/job"))
    assert "UDFYLD" not in re.sub(r"(?m)^\s*#.*$", "", text)
    return text


def test_new_writes_a_commented_template_with_todays_date(project):
    result = new(project, "--title", "Pædagog til Børnehuset Stjernehuset", "--workplace", "stjernehuset")
    assert result.returncode == 0, result.stderr
    path = project / "jobs" / "paedagog-til-boernehuset-stjernehuset.yml"
    assert "jobs/paedagog-til-boernehuset-stjernehuset.yml" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/posting.schema.json\n")
    assert 'title: "Pædagog til Børnehuset Stjernehuset"' in text
    assert "workplace: stjernehuset" in text
    assert "published: 2026-01-05" in text
    # every field of a posting is explained in the template
    for field in Posting.model_fields:
        assert re.search(rf"(?m)^#? ?\s*{field}:", text), field


def test_the_template_is_refused_until_filled_in_and_then_builds(project, tmp_path):
    new(project, "--title", "Pædagog: vuggestuen", "--workplace", "stjernehuset", "--id", "paedagog-vuggestue")
    path = project / "jobs" / "paedagog-vuggestue.yml"
    unfinished = run([sys.executable, "-m", "generator", "check", "jobs/paedagog-vuggestue.yml"], project, "2026-01-05")
    assert unfinished.code == 1
    for field in ("ugentlige timer (hours): feltet er tomt", "ansøgningsfrist (deadline): feltet er tomt",
                  "stillingstype (role): feltet er tomt", "aldersgrupper (age_groups): feltet er tomt",
                  "indledning (intro): 'UDFYLD' fra skabelonen står her stadig",
                  "ansøgning, adresse (url): 'UDFYLD' er ikke en webadresse"):
        assert field in unfinished.err, field

    path.write_text(fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    done = run([sys.executable, "-m", "generator", "check", "--strict", "jobs/paedagog-vuggestue.yml"], project, "2026-01-05")
    assert done.code == 0, done.text
    built = mkdocs_build(project, tmp_path / "site", "2026-01-05")
    assert built.code == 0, built.text
    page = (tmp_path / "site" / "job" / "paedagog-vuggestue" / "index.html").read_text(encoding="utf-8")
    assert "Pædagog: vuggestuen" in page and "Vi søger en glad pædagog." in page


def test_new_never_overwrites(project):
    existing = project / "jobs" / "paedagogisk-leder-stjernehuset.yml"
    before = existing.read_bytes()
    result = new(project, "--title", "Pædagogisk leder Stjernehuset", "--workplace", "stjernehuset",
                 "--id", "paedagogisk-leder-stjernehuset")
    assert result.returncode == 1
    assert "findes allerede, og den bliver ikke overskrevet" in result.stderr
    assert existing.read_bytes() == before


def test_new_asks_for_title_and_workplace(project):
    result = new(project, stdin="Pædagogisk assistent til Midtbyen\nmidtbyens-dagtilbud\n")
    assert result.returncode == 0, result.stderr
    assert "Stillingens titel" in result.stdout and "midtbyens-dagtilbud" in result.stdout
    text = (project / "jobs" / "paedagogisk-assistent-til-midtbyen.yml").read_text(encoding="utf-8")
    assert "workplace: midtbyens-dagtilbud" in text


def test_new_refuses_an_unknown_workplace_and_writes_nothing(project):
    before = sorted(p.name for p in (project / "jobs").iterdir())
    result = new(project, "--title", "Pædagog", "--workplace", "stjernehus")
    assert result.returncode == 1
    assert "ukendt arbejdssted 'stjernehus'. Mente du 'stjernehuset'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (project / "jobs").iterdir()) == before
    no_answer = new(project)
    assert no_answer.returncode == 1 and "make new TITEL=" in no_answer.stderr


def test_new_asks_again_after_an_unknown_workplace(project):
    result = new(project, stdin="Pædagog til Stjernehuset\nstjernehus\nBørnehuset Stjernehuset\n")
    assert result.returncode == 0, result.stderr
    assert "Det kender jeg ikke: ukendt arbejdssted 'stjernehus'. Mente du 'stjernehuset'?" in result.stdout
    assert "Prøv igen; vælg et af disse:" in result.stdout
    listing = "stjernehuset                 Børnehuset Stjernehuset · Distrikt Baltorp · Ballerup Kommune"
    assert result.stdout.count(listing) == 2  # the choices, and again after the miss
    text = (project / "jobs" / "paedagog-til-stjernehuset.yml").read_text(encoding="utf-8")
    assert "workplace: stjernehuset" in text  # the name was answered: its id is written
    gave_up = new(project, stdin="Pædagog\nstjernehus\n")
    assert gave_up.returncode == 1 and "make new TITEL=" in gave_up.stderr
    assert not (project / "jobs" / "paedagog.yml").exists()


SEED = "paedagogisk-leder-stjernehuset"


def written(text: str) -> str:
    """The file without its comment lines: what check and the site read."""
    return "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))


def test_new_from_an_existing_posting_keeps_what_stays_true_and_empties_dates_and_texts(project):
    seed = (project / "jobs" / f"{SEED}.yml").read_text(encoding="utf-8")
    result = new(project, "--from", SEED, "--title", "Pædagogisk leder til vuggestuen", "--id", "ny-leder")
    assert result.returncode == 0, result.stderr
    text = (project / "jobs" / "ny-leder.yml").read_text(encoding="utf-8")
    assert f"# Startet fra jobs/{SEED}.yml" in text
    body = written(text)
    for kept in ("workplace: stjernehuset", 'hours: "uden øvre arbejdstid"', 'role: "pædagogisk leder"',
                 'age_groups: ["0-3"]', 'name: "Helle Kristensen"', 'name: "Charlotte Sønderhave"',
                 'url: "https://ballerup.dk/job"', "Ballerup Kommune har indført røgfri arbejdstid",
                 'requirements: ["børneattest", "straffeattest"]', 'url: "/vaer-med/"',
                 'heading: "Dine vigtigste opgaver"', "published: 2026-01-05"):
        assert kept in body, kept
    for old in ("2026-01-10", "2026-01-15", "2026-01-22", "2025-12-12", "10. januar", "Vil du stå i spidsen",
                "Send din ansøgning online", "SOB og Ballerup", "udviklingsrejse"):
        assert old in seed and old not in body, old

    unfinished = run([sys.executable, "-m", "generator", "check", "jobs/ny-leder.yml"], project, "2026-01-05")
    assert unfinished.code == 1
    assert "ansøgningsfrist (deadline): feltet er tomt" in unfinished.err
    assert "indledning (intro): 'UDFYLD' fra skabelonen står her stadig" in unfinished.err
    assert "afsnit nr. 2, tekst (text): 'UDFYLD' fra skabelonen står her stadig" in unfinished.err

    filled = (text.replace("\ndeadline:\n", "\ndeadline: 2026-01-26\n")
              .replace("UDFYLD Skriv indledningen her.", "Vi søger en pædagogisk leder til vuggestuen.")
              .replace("UDFYLD Skriv afsnittet her.", "Du leder vuggestuen sammen med os."))
    (project / "jobs" / "ny-leder.yml").write_text(filled, encoding="utf-8")
    done = run([sys.executable, "-m", "generator", "check", "--strict", "jobs/ny-leder.yml"], project, "2026-01-05")
    assert done.code == 0, done.text


def test_new_from_asks_only_for_the_title_and_refuses_an_unknown_posting(project):
    result = new(project, "--from", "ressourcepaedagoger-midtbyens-dagtilbud", stdin="Pædagog til Midtbyen\n")
    assert result.returncode == 0, result.stderr
    assert "Arbejdssteder:" not in result.stdout
    text = (project / "jobs" / "paedagog-til-midtbyen.yml").read_text(encoding="utf-8")
    assert "workplace: midtbyens-dagtilbud" in text and "positions: 2" in text and "hours: 37" in text
    assert "2026-02-15" not in written(text) and "15.02.26" not in text

    missing = new(project, "--from", "findes-ikke", "--title", "X")
    assert missing.returncode == 1
    assert ("der er intet opslag 'findes-ikke' at starte fra; skriv filnavnet uden .yml, et af: "
            "paedagog-til-midtbyen, paedagogisk-leder-stjernehuset, ressourcepaedagoger-midtbyens-dagtilbud"
            in missing.stderr)


def test_new_from_carries_awkward_values_over_as_the_same_values(project):
    """Quotes, colons, # and backslashes in what is kept stay text; nothing becomes a field or a comment."""
    seed = (project / "jobs" / f"{SEED}.yml").read_text(encoding="utf-8")
    awkward = (seed.replace("  - name: Charlotte Sønderhave", '  - name: "Charlotte \\"Lotte\\": Sønderhave #2 \\\\"')
               .replace("  - heading: Dine kompetencer", "  - heading: 'Dine kompetencer: # og \"mere\"'")
               .replace("terms: |\n", "terms: |\n  # Ikke en kommentar\n  key: værdi\n\n"))
    (project / "jobs" / "awkward.yml").write_text(awkward, encoding="utf-8")
    result = new(project, "--from", "awkward", "--title", "Ny: stilling", "--id", "ny-awkward")
    assert result.returncode == 0, result.stderr
    path = project / "jobs" / "ny-awkward.yml"
    from generator.validation import validate
    from generator.yamlsource import load
    source, problems = load(path, "jobs/ny-awkward.yml")
    assert problems == [] and source is not None
    data = source.data
    assert data["contacts"][1]["name"] == 'Charlotte "Lotte": Sønderhave #2 \\'
    assert data["sections"][2]["heading"] == 'Dine kompetencer: # og "mere"'
    assert data["terms"].startswith("# Ikke en kommentar\nkey: værdi\n\nVi tilbyder")
    assert data["title"] == "Ny: stilling" and data["workplace"] == "stjernehuset"
    assert set(data) <= set(Posting.model_fields)
