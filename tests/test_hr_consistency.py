"""A copied posting whose text still tells the old facts: `check` warns at the
line and column of the text, says which field disagrees and what to do, and
`--strict` fails; the build is not stopped by it."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from generator.__main__ import main

SEED = (ROOT / "jobs" / "paedagogisk-leder-stjernehuset.yml").read_text(encoding="utf-8")
GOOD = (Path(__file__).resolve().parent / "good_posting.yml").read_text(encoding="utf-8")

# What HR does when copying last month's posting: new deadline, interviews and hours, old text.
COPIED = (SEED.replace("deadline: 2026-01-10", "deadline: 2026-02-01")
          .replace("    date: 2026-01-15", "    date: 2026-02-05")
          .replace("    date: 2026-01-22", "    date: 2026-02-12")
          .replace("hours: uden øvre arbejdstid", "hours: 32"))


def where(text: str, phrase: str) -> str:
    """'65:44': line and column where `phrase` is written in the file, as an editor counts them."""
    index = text.index(phrase)
    line = text.count("\n", 0, index) + 1
    return f"{line}:{index - text.rfind(chr(10), 0, index)}"


def check(project: Path, capsys, *args: str) -> tuple[int, list[str]]:
    """`python -m generator check` in this process; a file is named as HR would, from the project's folder."""
    args = tuple(str(project / a) if a.startswith("jobs/") else a for a in args)
    with pytest.MonkeyPatch.context() as patch:  # on a day the postings are still on the site (retention.py)
        patch.setenv("JOBSITE_TODAY", "2026-03-01")
        code = main(["check", "--root", str(project), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err.splitlines()


def with_text(project: Path, name: str, text: str) -> Path:
    path = project / "jobs" / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_seeds_copied_with_new_dates_and_hours_warn_at_each_old_fact(project, capsys):
    assert COPIED != SEED and COPIED.count("2026-02-") == 3
    with_text(project, "kopi", COPIED)
    code, lines = check(project, capsys)
    assert code == 0
    f = "jobs/kopi.yml"
    field = "afsnit nr. 6, tekst (text)"
    assert lines == [
        "4 advarsler i indholdet:",
        f"{f}:{where(COPIED, '15. januar 2026')}: advarsel: {field}: Teksten nævner 15. januar 2026, men "
        "samtale nr. 1 «1. samtale» (interviews) er 2026-02-05: ret teksten eller feltet",
        f"{f}:{where(COPIED, '22. januar 2026')}: advarsel: {field}: Teksten nævner 22. januar 2026, men "
        "samtale nr. 2 «2. samtale» (interviews) er 2026-02-12: ret teksten eller feltet",
        f"{f}:{where(COPIED, 'fuldtid uden')}: advarsel: {field}: Teksten nævner fuldtid, men de ugentlige timer (hours) er 32 "
        "(deltid; fuldtid er 37 timer om ugen eller mere): ret teksten eller feltet",
        f"{f}:{where(COPIED, '10. januar 2026')}: advarsel: {field}: Teksten nævner 10. januar 2026, men "
        "ansøgningsfristen (deadline) er 2026-02-01: ret teksten eller feltet",
    ]
    assert lines[1].startswith("jobs/kopi.yml:65:44:")  # the line HR sees in the editor


def test_strict_fails_on_them_and_the_build_does_not(project, capsys, tmp_path):
    with_text(project, "kopi", COPIED)
    code, lines = check(project, capsys, "--strict", "jobs/kopi.yml")
    assert code == 1
    assert lines[0] == "4 fejl i indholdet:"
    assert all(": advarsel:" not in ln for ln in lines)
    built = mkdocs_build(project, tmp_path / "site", "2026-01-05")
    assert built.code == 0, built.text
    assert "Teksten nævner" not in built.text  # warnings are check's, not MkDocs' (the strict build passes)
    assert (tmp_path / "site" / "job" / "kopi" / "index.html").is_file()


def test_the_example_postings_are_clean(capsys):
    code, lines = check(ROOT, capsys, "--strict")
    assert code == 0 and lines == []


@pytest.mark.parametrize("written, expected", [
    ("den 15/1", "Teksten nævner 15/1, men ansøgningsfristen (deadline) er 2026-01-31"),
    ("15.01.2026", "Teksten nævner 15.01.2026, men ansøgningsfristen (deadline) er 2026-01-31"),
    ("15-01-2026", "Teksten nævner 15-01-2026, men ansøgningsfristen (deadline) er 2026-01-31"),
    ("den 15. januar", "Teksten nævner 15. januar, men ansøgningsfristen (deadline) er 2026-01-31"),
    ("15. jan. 2026", "Teksten nævner 15. jan. 2026, men ansøgningsfristen (deadline) er 2026-01-31"),
    ("den 31. januar 2026", None), ("31.01.26", None), ("31/1", None), ("den 31. januar", None),
])
def test_each_danish_way_of_writing_a_deadline(project, capsys, written, expected):
    text = GOOD.replace("  Vi søger en pædagog.", f"  Vi søger en pædagog. Ansøgningsfrist: {written}.")
    with_text(project, "frist", text)
    code, lines = check(project, capsys, "jobs/frist.yml")
    warned = [ln for ln in lines if "Teksten nævner" in ln]
    if expected is None:
        assert warned == []
    else:
        assert warned == [f"jobs/frist.yml:{where(text, written.removeprefix('den '))}: advarsel: indledning "
                          f"(intro): {expected}: ret teksten eller feltet"]


def test_a_date_without_a_word_that_names_it_lists_the_postings_dates(project, capsys):
    text = GOOD.replace("  Vi søger en pædagog.", "  Vi søger en pædagog. Vi holder åbent hus den 20. januar.")
    with_text(project, "aabent-hus", text)
    _, lines = check(project, capsys, "jobs/aabent-hus.yml")
    assert [ln.split(": ", 3)[-1] for ln in lines if "Teksten" in ln] == [
        "Teksten nævner 20. januar, som ikke er en af opslagets datoer (dagen opslaget vises fra (published) 2026-01-01, "
        "ansøgningsfristen (deadline) 2026-01-31, samtale nr. 1 «1. samtale» (interviews) 2026-02-03): ret teksten eller datofelterne"]


@pytest.mark.parametrize("sentence, hours, expected", [
    ("Stillingen er på 37 timer om ugen.", 32, "Teksten nævner 37 timer, men de ugentlige timer (hours) er 32"),
    ("Vi søger en pædagog til en deltidsstilling.", 37, "Teksten nævner deltid, men de ugentlige timer (hours) er 37 (fuldtid; "
                                                         "fuldtid er 37 timer om ugen eller mere)"),
    ("Stillingen er på fuldtid.", 30, "Teksten nævner fuldtid, men de ugentlige timer (hours) er 30 (deltid; fuldtid er 37 timer "
                                      "om ugen eller mere)"),
    ("Stillingen er på 32 timer om ugen.", 32, None),
    ("Stillingen kan besættes på fuld- eller deltid.", 32, None),
    ("Huset har åbent 24 timer i døgnet og 1/2 stilling i køkkenet.", 32, None),
    ("Du får 3 timer om ugen til forberedelse.", 32, None),
])
def test_hours_in_the_text_against_the_hours_field(project, capsys, sentence, hours, expected):
    text = GOOD.replace("hours: 37", f"hours: {hours}").replace("  Vi søger en pædagog.", f"  {sentence}")
    with_text(project, "timer", text)
    _, lines = check(project, capsys, "jobs/timer.yml")
    warned = [ln.split(": ", 3)[-1] for ln in lines if "Teksten" in ln]
    assert warned == ([] if expected is None else [f"{expected}: ret teksten eller feltet"])


def test_another_workplace_or_kommune_named_in_the_text(project, capsys):
    text = GOOD.replace("  Vi søger en pædagog.", "  Vi søger en pædagog til Midtbyens Dagtilbud i Aarhus Kommune.\n"
                        "  Du bliver en del af Distrikt Baltorp og Ballerup Kommunes dagtilbud.")
    with_text(project, "andet-sted", text)
    _, lines = check(project, capsys, "jobs/andet-sted.yml")
    chain = "stjernehuset (Børnehuset Stjernehuset · Distrikt Baltorp · Ballerup Kommune)"
    assert [ln for ln in lines if "Teksten" in ln] == [
        f"jobs/andet-sted.yml:{where(text, 'Midtbyens')}: advarsel: indledning (intro): Teksten nævner Midtbyens "
        f"Dagtilbud, men arbejdsstedet (workplace) er {chain}: ret teksten eller feltet",
        f"jobs/andet-sted.yml:{where(text, 'Aarhus Kommune')}: advarsel: indledning (intro): Teksten nævner Aarhus "
        f"Kommune, men arbejdsstedet (workplace) er {chain}: ret teksten eller feltet",
    ]


def test_a_district_may_name_its_own_workplaces(project, capsys):
    text = (GOOD.replace("workplace: stjernehuset", "workplace: distrikt-baltorp")
            .replace("  Vi søger en pædagog.", "  Vi søger en pædagog til Børnehuset Stjernehuset."))
    with_text(project, "distrikt", text)
    code, lines = check(project, capsys, "--strict", "jobs/distrikt.yml")
    assert code == 0, lines
