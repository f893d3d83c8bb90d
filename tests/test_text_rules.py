"""The character rules of every content text (generator/fieldtypes.py)."""
from __future__ import annotations

import sys
import unicodedata

from generator.fieldtypes import INVISIBLE, first_invisible, text_problem


def test_the_invisible_characters_are_exactly_unicodes_control_format_and_separator_characters():
    noncharacters = {*range(0xFDD0, 0xFDF0), *(p * 0x10000 + 0xFFFE + i for p in range(17) for i in (0, 1))}
    expected = {c for c in range(sys.maxunicode + 1) if c not in (9, 10)
                and unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs")} | noncharacters
    found = {c for c in range(sys.maxunicode + 1) if INVISIBLE.fullmatch(chr(c))}
    assert found == expected


def test_the_quick_scan_finds_every_invisible_character_the_full_one_does():
    # first_invisible skips the scan for texts str.isprintable() accepts: that is only right
    # while every invisible character is one it refuses.
    for c in range(sys.maxunicode + 1):
        if INVISIBLE.fullmatch(chr(c)):
            text = f"Vi søger\n\ten{chr(c)} pædagog"
            assert first_invisible(text) is not None and first_invisible(text).start() == 12, hex(c)
    assert first_invisible("Vi søger\n\ten pædagog – «fuldtid»") is None
    assert first_invisible("Vi søger\u00a0en pædagog") is None  # unprintable for Python, but a pasted space


def test_an_invisible_character_is_named_with_the_words_before_it():
    index, message = text_problem("Vi søger en\u200b pædagog", multiline=False)
    assert index == 11
    assert message.startswith("usynligt tegn U+200B (nulbredde-mellemrum) efter «Vi søger en»")


def test_danish_text_tabs_and_line_ends_are_fine():
    assert text_problem("Løn efter overenskomst – 37 timer/uge, «fuldtid» & mere; < 5 børn\tpr. voksen\n", True) is None


# --- what non-developers paste, and how fields are named to them ------------------------------

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from generator.model import Posting  # noqa: E402
from generator.problems import people  # noqa: E402
from generator.validation import validate  # noqa: E402
from generator.yamlsource import parse  # noqa: E402

GOOD = (Path(__file__).resolve().parent / "good_posting.yml").read_text(encoding="utf-8")


def problems_of(text: str) -> list[str]:
    source, found = parse(text, "jobs/x.yml")
    if source is not None:
        _, found = validate(Posting, source)
    return [p.format() for p in found]


@pytest.mark.parametrize("old, new, expected", [
    ('time: "09:00"', "time: \u201c09:00\u201d", "jobs/x.yml:14:11: samtale nr. 1, klokkeslæt (time): typografisk "
     "anførselstegn \u201c i kolonne 11 (kommer med fra Word, en mail eller en hjemmeside); YAML kender kun det "
     'almindelige ", så skriv " med tastaturet i stedet, fx time: "09:00"'),
    ('time: "09:00"', "time: \u201e09:00\u201c", "jobs/x.yml:14:11: samtale nr. 1, klokkeslæt (time): typografisk "
     "anførselstegn \u201e i kolonne 11"),
    ("phone: 4477 1847", "phone: \u20184477 1847\u2019", "jobs/x.yml:21:12: kontakt nr. 1, telefon (phone): "
     "typografisk apostrof \u2018 i kolonne 12 (kommer med fra Word, en mail eller en hjemmeside); YAML kender kun "
     "det almindelige ', så skriv ' med tastaturet i stedet, fx phone: \"4477 1847\""),
    ("hours: 37", "hours: \u201a37\u2019", "jobs/x.yml:5:8: ugentlige timer (hours): typografisk apostrof \u201a i "
     "kolonne 8"),
    ("deadline: 2026-01-31", "deadline:\u00a02026-01-31", "jobs/x.yml:10:10: filen kan ikke læses som YAML: hårdt "
     "mellemrum (U+00A0) i kolonne 10; det ligner et mellemrum, men er et andet tegn. Slet det, og skriv et "
     "almindeligt mellemrum (mellemrumstasten); skriv linjen sådan: deadline: 2026-01-31."),
    ("hours: 37", "hours\u202f: 37", "jobs/x.yml:5:6: 'hours\\u202f': smalt hårdt mellemrum (U+202F) i kolonne 6; "
     "det ligner et mellemrum, men er et andet tegn. Slet det, og skriv et almindeligt mellemrum "
     "(mellemrumstasten); et feltnavn skrives uden anførselstegn og mellemrum, fx hours:"),
    ("workplace: stjernehuset", "workplace: stjernehuset\u200b", "jobs/x.yml:4:24: arbejdssted (workplace): usynligt "
     "tegn U+200B (nulbredde-mellemrum) i kolonne 24; slet det (det kommer ofte med, når tekst kopieres fra Word "
     "eller en hjemmeside), eller slet linjen og skriv den igen, fx workplace: stjernehuset"),
    ("Vi søger en pædagog.", "Vi søger en\u2060 pædagog.", "jobs/x.yml:18:14: indledning (intro): usynligt tegn "
     "U+2060 (ordsammenbinder) i kolonne 14"),
    ("Vi søger en pædagog.", "Vi søger en\u2029pædagog.", "jobs/x.yml:18:14: usynligt linjeskift U+2029 "
     "(afsnitsseparator) i kolonne 14 (kommer med fra Word eller en PDF); slet det, og tryk Enter, hvis teksten "
     "skal fortsætte på næste linje"),
    ("title: Pædagog til Børnehuset Stjernehuset", "title: \u201cPædagog: Stjernehuset\u201d",
     'jobs/x.yml:3:8: filen kan ikke læses som YAML: typografisk anførselstegn \u201c i kolonne 8 (kommer med fra '
     'Word, en mail eller en hjemmeside); YAML kender kun det almindelige ", så skriv " med tastaturet i stedet; '
     'skriv linjen sådan: title: "Pædagog: Stjernehuset".'),
])
def test_each_pasted_character_is_named_with_its_column_and_what_to_type(old, new, expected):
    assert old in GOOD
    found = problems_of(GOOD.replace(old, new, 1))
    assert len(found) == 1, found
    assert found[0].startswith(expected), found[0]


@pytest.mark.parametrize("old, new", [
    ("Vi søger en pædagog.", "Vi søger en \u201cglad\u201d og \u201esjov\u201c pædagog \u2013 det\u2019s dig."),
    ("Vi søger en pædagog.", "Vi søger en\u00a0pædagog\u202fnu."),
    ("title: Pædagog til Børnehuset Stjernehuset", "title: \u201cPædagog\u201d til Børnehuset Stjernehuset"),
    ("deadline: 2026-01-31", "deadline: 2026-01-31\u00a0"),
])
def test_pasted_quotes_and_spaces_are_harmless_in_free_text(old, new):
    assert problems_of(GOOD.replace(old, new, 1)) == []


@pytest.mark.parametrize("written, ok", [("ja", True), ("nej", True), ("Ja", True), ("true", True),
                                         ("false", True), ("yes", False), ("1", False), ("måske", False)])
def test_yes_no_fields_take_ja_and_nej(written, ok):
    text = GOOD.replace("start:\n  asap: true", f"start:\n  date: 2026-03-01\n  asap: {written}")
    found = problems_of(text)
    if ok:
        assert found == []
        source, _ = parse(text, "x.yml")
        assert validate(Posting, source)[0].start.asap is (written.lower() in ("ja", "true"))
    else:
        shown = written if written.isdigit() else f"'{written}'"  # 1 is a number in YAML, the others text
        assert found == [f"jobs/x.yml:9:3: tiltrædelse, snarest muligt (asap): {shown} er hverken ja eller nej; "
                         "skriv ja eller nej (eller true eller false)"]


def test_field_paths_are_written_as_people_say_them():
    assert people(("contacts", 1, "name")) == "kontakt nr. 2, navn (name)"
    assert people(("interviews", 0, "time")) == "samtale nr. 1, klokkeslæt (time)"
    assert people(("deadline",)) == "ansøgningsfrist (deadline)"
    assert people(("kommuner", 0, "units", 2, "address", "city")) == "kommune nr. 1, enhed nr. 3, adresse, by (city)"
    assert people(("contacts", 0, "telefon")) == "kontakt nr. 1, telefon"  # a key the model does not have


def test_a_key_that_lost_its_indentation_says_where_it_belongs():
    text = GOOD.replace("  - name: Helle Kristensen\n    phone: 4477 1847\n    email: helle@ballerup.dk\n",
                        "name: Helle Kristensen\n")
    assert problems_of(text) == [
        "jobs/x.yml:20:1: kontakter, navn (name): linjen står helt ude til venstre, men name hører til under "
        "contacts (linje 19); ryk den ind under contacts: som en del af et punkt (fx '  - name: …' eller "
        "'    name: …' under det punkt, den hører til)"]
    grouped = GOOD.replace("  url: https://ballerup.dk/job", "url: https://ballerup.dk/job")
    assert problems_of(grouped) == [
        "jobs/x.yml:24:1: ansøgning, adresse (url): linjen står helt ude til venstre, men url hører til under apply "
        "(linje 23); ryk den to mellemrum ind, så den står som '  url: …' under apply:"]


def test_the_schema_takes_ja_and_nej_too():
    import json
    import jsonschema
    schema = json.loads((Path(__file__).resolve().parents[1] / "schema" / "posting.schema.json").read_text())
    asap = schema["$defs"]["Start"]["properties"]["asap"]
    for value in (True, False, "ja", "nej"):
        jsonschema.validate(value, asap)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate("yes", asap)


def test_what_fontconfig_says_that_is_no_character_set_is_skipped(monkeypatch):
    """A warning on fc-list's output (or an fc-list without --format) neither stops check nor refuses ø."""
    import subprocess

    from generator import glyphs

    class Ran:
        stdout = "Fontconfig warning: ignoring UTF-8: not a valid region tag\n%{charset}\n20-7e a0-17f\n"

    monkeypatch.setattr(subprocess, "run", lambda *a, **k: Ran())
    glyphs._coverage.cache_clear()
    try:
        assert glyphs.first_unprintable("Søren Ærø") is None
        assert glyphs.first_unprintable("你") == 0
        Ran.stdout = "Fontconfig error: no fonts\n"
        glyphs._coverage.cache_clear()
        assert glyphs.first_unprintable("你") is None  # nothing known: nothing refused (no PDFs there either)
    finally:
        glyphs._coverage.cache_clear()


# --- a sentence that promises a link it does not have (generator/textchecks.py) -------------------

from generator.content import load_site  # noqa: E402
from generator.textchecks import PROMISED_LINK, promised_links  # noqa: E402


@pytest.mark.parametrize("text, promise", [
    ("Ballerup Kommune har indført røgfri arbejdstid. Læs mere her.", "her"),
    ("Klik her for at søge.", "Klik"),
    ("Tryk her", "Tryk"),
    ("Se Børne- og Ungepolitikken her.", "her"),
    ("Du kan læse mere om uddannelsen som meritpædagog på KPs hjemmeside her.", "her"),
    ("Find mere information her", "her"),
    ("Læs mere på hjemmesiden.", "Læs"),
    ("Der er flere oplysninger på kommunens side.", "oplysninger"),
    ("Læs mere.", "Læs"),
    ("Vi arbejder med natur.\n\nSe hvilke ting du kan booke her.", "her"),
    ("Skriv til os på job@ballerup.dk. Læs mere her!", "her"),
])
def test_a_sentence_that_promises_a_link_without_one_is_found_at_its_promise(text, promise):
    found = promised_links(text)
    assert len(found) == 1 and text[found[0]:].startswith(promise), (found, text)


@pytest.mark.parametrize("text", [
    "[Læs mere om Midtbyens Dagtilbud her](https://midtbyensdagtilbud.aarhus.dk/).",
    "Læs mere her: https://ballerup.dk/job",
    "Læs mere på www.ballerup.dk.",
    "Læs mere her:\n\n- [Om os](https://ballerup.dk/om)",
    "Klik her, eller skriv til job@ballerup.dk.",
    "Vi glæder os til at se dig her.",
    "Her kan man finde sprogposer, popcornmaskiner og meget mere.",
    "Se hvad vi kan tilbyde her [på siden](/vaer-med/).",
    "Læs mere om stillingen nedenfor.",
    "Vi har været her i 30 år.",
])
def test_a_sentence_with_its_link_or_without_a_promise_is_fine(text):
    assert promised_links(text) == []


def test_check_warns_at_the_line_of_the_promise_in_postings_about_texts_and_leaflets(project):
    posting = project / "jobs" / "paedagogisk-leder-stjernehuset.yml"
    text = posting.read_text(encoding="utf-8")
    posting.write_text(text.replace("Ballerup Kommune har indført røgfri arbejdstid.",
                                    "Ballerup Kommune har indført røgfri arbejdstid. Læs mere her."), encoding="utf-8")
    organisations = project / "data" / "organisations.yml"
    organisations.write_text(organisations.read_text(encoding="utf-8").replace(
        "ca. 200 medarbejdere.\n", "ca. 200 medarbejdere. Klik her for at se husene.\n", 1), encoding="utf-8")
    leaflet = project / "content" / "foldere" / "ressourcegrupper-haderslev.md"
    leaflet.write_text(leaflet.read_text(encoding="utf-8") + "\nFind mere information her.\n", encoding="utf-8")
    warned = [w for w in load_site(project).warnings if w.message == PROMISED_LINK]
    assert [(w.file, w.severity) for w in warned] == [
        ("data/organisations.yml", "warning"), ("jobs/paedagogisk-leder-stjernehuset.yml", "warning"),
        ("content/foldere/ressourcegrupper-haderslev.md", "warning")]
    for w in warned:
        line = (project / w.file).read_text(encoding="utf-8").split("\n")[w.line - 1]
        assert line[w.column - 1:].startswith(("her.", "Klik her", "her.")), (w.format(), line)
    by_file = {w.file: w for w in warned}
    assert by_file["jobs/paedagogisk-leder-stjernehuset.yml"].format().endswith(
        "advarsel: vilkår (terms): " + PROMISED_LINK)
    assert PROMISED_LINK.startswith("Sætningen lover et link, men der er intet link: skriv adressen som et link, "
                                    "[Læs mere om ressourcegrupper](https://…), eller skriv sætningen uden løftet.")


def test_the_example_content_promises_no_link_it_does_not_have():
    assert [w.format() for w in load_site(Path(__file__).resolve().parents[1]).warnings
            if w.message == PROMISED_LINK] == []
