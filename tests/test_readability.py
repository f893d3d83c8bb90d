"""Plain Danish, measured: `check` reports each leaflet's readability (LIX) and names the longest
sentences by line when a leaflet is harder than the limit for texts to parents (40, or the
kommune's own `max_lix` in data/organisations.yml); a posting's LIX is a figure in the pull
request's summary, without a warning."""
from __future__ import annotations

import sys

import pytest

from conftest import ROOT, run
from generator.readability import DEFAULT_MAX_LIX, readability

LEAFLET = ROOT / "content" / "foldere" / "ressourcegrupper-haderslev.md"


def check(project, *args: str, **env: str):
    return run([sys.executable, "-m", "generator", "check", *args], project, **env)


@pytest.mark.parametrize("text, lix, level", [
    # 10 words ('kl. 11' ends no sentence; 11 is no word) in 3 sentences, 3 long: 10/3 + 30
    ("Vi leger ude. Vi spiser frokost kl. 11. Børnene sover bagefter.", 33, "let"),
    ("Vi leger.", 2, "meget let"),
    # 13 words, one sentence, 7 long: 13 + 53.8
    ("Ressourcegrupperne tilrettelægger specialpædagogiske indsatser for børn med særlige behov "
     "i samarbejde med forældrene.", 67, "meget svær"),
])
def test_lix_is_words_per_sentence_plus_the_share_of_long_words(text, lix, level):
    found = readability(text)
    assert (found.lix, found.level) == (lix, level)


def test_headings_list_items_and_abbreviations_count_as_readers_see_them():
    text = "# Formål\n\nVi holder bl.a. fri i juli. Det er godt!\n\n- leg ude\n- frokost\n\nTak for i dag"
    found = readability(text)
    assert [s.words for s in found.sentences] == [1, 7, 3, 2, 1, 4]  # 'bl.a. fri' does not end a sentence
    assert [text[s.offset:s.offset + 8] for s in found.longest(2)] == ["Vi holde", "Tak for "]


def test_a_links_address_is_not_read():
    assert readability("Læs [om ressourcegrupper](https://www.haderslev.dk/born/ressourcegrupper-og-pladser).").words == 3


def test_check_reports_the_example_leaflet_with_its_longest_sentences_by_line(cli):
    result = check(ROOT)
    assert result.code == 0, result.text
    lines = result.out.splitlines()
    figure = readability(LEAFLET.read_text("utf-8").split("\n---\n", 1)[1]).lix
    assert figure > DEFAULT_MAX_LIX  # the real leaflet, as its source wrote it, is hard for parents
    reported = [ln for ln in lines if ln.startswith("Læsbarhed: ")]
    assert reported == [f"Læsbarhed: content/foldere/ressourcegrupper-haderslev.md:18: teksten er svær at læse: "
                        f"LIX {figure}, og grænsen for tekster til forældre er 40. Kortere sætninger og færre lange "
                        "ord gør den lettere; de længste sætninger er i linje 18 (33 ord), linje 72 (28 ord), "
                        "linje 36 (27 ord)"]
    source = LEAFLET.read_text("utf-8").splitlines()
    assert source[17].startswith("Ressourcegrupperne er etablerede under dagtilbudsloven § 4")  # line 18
    # a notice: no warning to count, --strict does not fail on it, GitHub shows it at the line
    assert result.err == "" and check(ROOT, "--strict").code == 0
    annotations = [ln for ln in check(ROOT, GITHUB_ACTIONS="true").out.splitlines() if ln.startswith("::")]
    assert annotations == [f"::notice file=content/foldere/ressourcegrupper-haderslev.md,line=18,title=Læsbarhed::"
                           f"{reported[0].split(':18: ', 1)[1]}"]


def test_a_kommunes_own_limit_is_used(project):
    orgs = project / "data" / "organisations.yml"
    text = orgs.read_text("utf-8")
    at = text.index("  - id: haderslev\n")
    end = text.index("\n", text.index("    name: ", at)) + 1
    orgs.write_text(text[:end] + "    max_lix: 50\n" + text[end:], "utf-8")
    result = check(project)
    assert result.code == 0, result.text
    line = next(ln for ln in result.out.splitlines() if ln.startswith("Læsbarhed: "))
    assert line.endswith(": LIX 47 (svær); grænsen for tekster til forældre er 50"), line


def test_a_limit_outside_reason_is_refused(project):
    orgs = project / "data" / "organisations.yml"
    text = orgs.read_text("utf-8")
    at = text.index("  - id: haderslev\n")
    end = text.index("\n", text.index("    name: ", at)) + 1
    orgs.write_text(text[:end] + "    max_lix: 200\n" + text[end:], "utf-8")
    result = check(project)
    assert result.code == 1 and "grænse for læsbarhed (max_lix): må højst være 70" in result.err, result.text


def test_the_summary_gives_each_postings_lix():
    from generator.summary import summary
    text = summary(ROOT, ["jobs/ressourcepaedagoger-midtbyens-dagtilbud.yml"])
    assert "- **Læsbarhed:** LIX 5" in text  # 54: a posting is read by professionals; a figure, no warning
