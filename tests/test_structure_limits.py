"""Nesting, tables and the size of the HTML are measured on the tree cmark-gfm
parses a text into (generator/structure.py): what a posting or a leaflet
needs passes, one step beyond is refused in Danish at its line, and whatever
passes renders, and prints as a PDF, in bounded time and size."""
from __future__ import annotations

import resource
import time
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from conftest import ROOT
from generator import structure
from generator.__main__ import main
from generator.content import load_site
from generator.fieldtypes import image_targets, text_problem
from generator.problems import ContentError
from generator.render import markup, pdf

GOOD = (Path(__file__).resolve().parent / "good_posting.yml").read_text(encoding="utf-8")
INTRO = "intro: |\n  Vi søger en pædagog.\n"  # line 17 of the good posting
LEAFLET = "content/foldere/ressourcegrupper-haderslev.md"


def table(columns: int, rows: int) -> str:
    return ("|" + "|".join(f"Kolonne {i}" for i in range(columns)) + "|\n|" + "---|" * columns + "\n"
            + ("|" + "x|" * columns + "\n") * rows)


def refused(text: str) -> tuple[int, str]:
    found = text_problem(text, multiline=True)
    assert found is not None, text
    return found


# The deepest and largest a text may be: two quotes, three lists, three layers of emphasis and a
# link, and the largest table, each with room for what HR writes.
DEEPEST = ("> Citat fra en forælder:\n>\n> > - **_[Læs mere](/vaer-med/)_**\n> >   - andet niveau\n"
           "> >     - tredje niveau med ***~~tre lag~~***\n")
LARGEST_TABLE = table(structure.MAX_COLUMNS, structure.MAX_CELLS // structure.MAX_COLUMNS - 1)  # + the header row


@pytest.mark.parametrize("text", [
    DEEPEST, LARGEST_TABLE, "- a\n  - b\n    - c", "- - - tre niveauer på én linje", "1. 1. 1. tre",
    "> > to citater", ">> to citater", "***fed og kursiv***", "**[Søg her](https://www.ballerup.dk/job)**",
    "*kursiv*, **fed**, ~~streget~~ og [link](/vaer-med/)", ("a" * 300 + " ") * 333, ("-" * 300 + " ") * 166,
])
def test_what_a_posting_or_leaflet_needs_passes(text):
    assert text_problem(text, multiline=True) is None


def test_a_third_quote_inside_quotes_is_refused_where_it_starts():
    for text, at in (("> > > x", 4), (">>> x", 2), ("Hej\n\n>>>> x", 7), ("- > - > - > x", 10)):
        index, message = refused(text)
        assert index == at, text
        assert "citater inde i citater i mere end 2 niveauer" in message and "ét '>'" in message


def test_a_fourth_list_level_is_refused_at_its_line():
    text = "Vi søger:\n\n- a\n  - b\n    - c\n      - d"
    index, message = refused(text)
    assert index == text.index("- d")
    assert message.startswith("punktlister inde i hinanden i mere end tre niveauer")
    assert "punktlister kan højst have tre niveauer" in message
    for one_line in ("- " * 1000 + "dybt", "1. " * 1000 + "dybt", "* + - * x"):
        index, message = refused(one_line)
        assert index == 6 if one_line.startswith(("- ", "*")) else 9
        assert "tre niveauer" in message


def test_a_fourth_layer_of_emphasis_or_links_is_refused_where_it_starts():
    text = "Første linje.\n*a **b ~~c [d](/e)~~** f*"
    index, message = refused(text)
    assert index == text.index("[d]")
    assert message.startswith("fed, kursiv, gennemstregning og links står inde i hinanden")
    assert "**fed tekst**" in message
    nested = "*a _b " * 5 + "x" + " c_ d*" * 5
    assert refused(nested)[0] == nested.index("_", 4)  # the fourth opener


def test_tables_are_held_to_columns_and_cells():
    wide = "Tekst.\n\n" + table(structure.MAX_COLUMNS + 1, 2)
    index, message = refused(wide)
    assert index == wide.index("|")
    assert "tabellen har 9 kolonner; en tabel må højst have 8 kolonner" in message
    long = table(structure.MAX_COLUMNS, structure.MAX_CELLS // structure.MAX_COLUMNS)
    index, message = refused(long)
    assert index == len(long) - len("|x|x|x|x|x|x|x|x|\n")  # the row that goes over: its line
    assert "mere end 400 celler" in message and "tom linje" in message
    # GitHub's tables give every row as many cells as the header has: short lines count as rows
    index, message = refused("|" + "a|" * 700 + "\n|" + "-|" * 700 + "\n" + "x\n" * 700)
    assert index == 0 and "tabellen har 700 kolonner" in message


def test_the_size_budget_holds_on_its_own(monkeypatch):
    """Without the table limits, the 700 × 700 table (4 KB of text, 4.9 MB of HTML) is still refused."""
    monkeypatch.setattr(structure, "MAX_COLUMNS", 10_000)
    monkeypatch.setattr(structure, "MAX_CELLS", 10 ** 9)
    structure.problem.cache_clear()
    try:
        text = "|" + "a|" * 700 + "\n|" + "-|" * 700 + "\n" + "x\n" * 700
        index, message = refused(text)
        assert index == 0
        assert message.startswith("teksten bliver til 4800 KB HTML, mere end 16 gange")
        assert "Skriv teksten som almindelige afsnit" in message
    finally:
        structure.problem.cache_clear()


def test_what_passes_renders_within_the_size_budget():
    for text in (DEEPEST * 50, LARGEST_TABLE, "- >>\n* >>\n" * 5000, ('"' * 300 + " ") * 333):
        assert text_problem(text, multiline=True) is None
        assert len(str(markup.markdown(text)).encode()) <= structure.SIZE_RATIO * len(text.encode()) \
            + structure.SIZE_SLACK


def test_html_is_cmarkgfms_without_its_leak():
    texts = ["Hej *a* [b](javascript:x) <b>c</b>\n\n| a |\n|---|\n| 1 |\n\n- [ ] x\n~~s~~ www.x.dk", DEEPEST,
             "![a *b*](/x.png \"t\") ![c][r]\n\n[r]: //e.example/p.gif"]
    for text in texts:
        assert structure.html(text) == cmarkgfm.github_flavored_markdown_to_html(text)
        assert structure.html(text, unsafe=True) == cmarkgfm.github_flavored_markdown_to_html(
            text, options=Options.CMARK_OPT_UNSAFE)
    big = "- a\n" * 50_000
    structure.html(big)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(5):
        structure.html(big)
        structure.problem.__wrapped__(big)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 30_000  # KB; cmarkgfm's leaks 35 MB a call


def test_images_are_found_at_their_address_with_their_description():
    text = "Tekst ![Børn *leger*](/assets/a.png) og ![](/assets/b%20c.png)\n\n![ref][r]\n\n[r]: https://e.example/p.gif"
    assert [tuple(i) for i in image_targets(text)] == [
        (text.index("/assets/a.png"), "/assets/a.png", "Børn leger"),
        (text.index("/assets/b%20c"), "/assets/b c.png", ""),
        (text.index("https://e.example"), "https://e.example/p.gif", "ref"),
    ]
    assert image_targets("![a](&#47;x.png)") == [(0, "/x.png", "a")]  # written otherwise: where the image starts


def check(project: Path, capsys) -> tuple[int, list[str]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JOBSITE_TODAY", "2026-01-05")  # the good posting is open (not past the retention rule)
        code = main(["check", "--root", str(project)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err.splitlines()


def test_check_refuses_a_700_column_table_in_a_posting_at_its_field(project, capsys):
    (project / "jobs" / "ny.yml").write_text(GOOD.replace(INTRO, "intro: |\n  Vi søger en pædagog.\n\n  |" + "a|" * 700
                                                        + "\n  |" + "-|" * 700 + "\n" + "  x\n" * 700),
                                             encoding="utf-8")
    code, lines = check(project, capsys)
    assert code == 1
    assert ("jobs/ny.yml:17:1: indledning (intro): linje 3 af teksten: tabellen har 700 kolonner; en tabel må højst have 8 "
            "kolonner, så den kan læses på en telefon og i PDF'en. Del den i flere tabeller, eller skriv indholdet "
            "som en punktliste") in lines


def test_check_refuses_nesting_beyond_the_limits_in_a_leaflet_at_its_line(project, capsys):
    path = project / LEAFLET
    text = path.read_text(encoding="utf-8")
    anchor = "Ressourcegrupperne skal skabe rammer"
    path.write_text(text.replace(anchor, ">" * 15_000 + " dybt\n\n" + anchor), encoding="utf-8")
    line = text[:text.index(anchor)].count("\n") + 1
    code, lines = check(project, capsys)
    assert code == 1
    assert [ln for ln in lines if ln.startswith(LEAFLET)] == [
        f"{LEAFLET}:{line}:3: citater inde i citater i mere end 2 niveauer (fx '>>>' eller '> > >' først på "
        "linjen); skriv citatet med ét '>' først på linjen"]


def test_the_deepest_and_largest_leaflet_check_accepts_prints_as_a_pdf(project):
    """Whatever check accepts reaches WeasyPrint bounded: no recursion error, seconds not minutes."""
    if not pdf.engine():
        pytest.skip("no PDF engine (make pdf-deps)")
    path = project / LEAFLET
    text = path.read_text(encoding="utf-8")
    body = "\n\n".join([DEEPEST] * 20 + [LARGEST_TABLE] + ["Et langt ord: " + "a" * 300] + ["Afsnit.\n\n" * 500])
    path.write_text(text + "\n\n" + body + "\n", encoding="utf-8")
    content = load_site(project)
    leaflet = next(lf for lf in content.leaflets if lf.file == LEAFLET)
    doc = pdf.leaflet_document(leaflet, f"foldere/{leaflet.id}/index.html")
    started = time.process_time()
    made = pdf.make_pdf(doc, str(markup.markdown(leaflet.body)), project / "content", "")
    assert made.data and made.data.startswith(b"%PDF") and made.warnings == ()
    assert time.process_time() - started < 60  # about 5 s on one core; minutes before the limits


def test_the_example_content_passes(project):
    try:
        load_site(ROOT)
    except ContentError as err:  # only problems of other kinds: no text of the example breaks a limit
        assert not [p for p in err.problems if any(s in p.message for s in (
            "niveauer", "lag (fx", "tabellen har", "KB HTML"))], err.report()


def test_a_word_longer_than_any_address_is_refused_where_it_starts():
    """WeasyPrint breaks an unbroken run in time quadratic in its length: 144 KB took minutes and 16 GB."""
    from generator.fieldtypes import LONGEST_WORD
    assert text_problem("x " + "a" * LONGEST_WORD, multiline=True) is None
    index, message = text_problem("Vi søger\nen " + "ressourcepædagog" * 9000, multiline=True)
    assert index == len("Vi søger\nen ")
    assert message.startswith("teksten har 144000 tegn i træk uden mellemrum i linje 2 af teksten, efter «en»")
    assert text_problem("T" * 400, multiline=False)[1].startswith("teksten har 400 tegn i træk")
