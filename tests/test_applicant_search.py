"""What the search index holds (generator/render/search_index.py, indexed by Pagefind): every word
of an open posting (its text, facts, contacts and the about texts shown on it) and of the other
pages; not closed postings, the archive or the search page; the other spellings of æ/ø/å, the
parts of compounds and inflected forms added after the page's text, where no result shows them;
a posting's subjects and its place and deadline line as metadata; content text stays text."""
from __future__ import annotations

import json
import re
from datetime import datetime

import lxml.html
import pytest

from conftest import ROOT, mkdocs_build
from generator import clock
from generator.content import load_site
from generator.kinds import ARCHIVE, SEARCH_PAGE, posting_page
from generator.listing import build_listing
from generator.render.search_index import (FORMS_MARK, META_WEIGHTS, Shaper, fold, index_html, is_searchable,
                                           light_index_script, page_document, posting_document, search_options,
                                           shape, unfold, vocabulary)
from search_project import indexed

LEDER = "paedagogisk-leder-stjernehuset"
RESSOURCE = "ressourcepaedagoger-midtbyens-dagtilbud"
PWN = "window.__pwned=1"


@pytest.fixture(scope="module")
def content():
    return load_site(ROOT)


@pytest.fixture(scope="module")
def listing(content):
    return build_listing(content, datetime(2026, 1, 5, 12, tzinfo=clock.TZ))


@pytest.fixture(scope="module")
def shaper(content, listing):
    return Shaper(vocabulary(content, listing))


@pytest.fixture(scope="module")
def index(built_site):
    return indexed(built_site("2026-01-05").root)


def own_text(fragment: dict) -> str:
    """A fragment's text as the search page shows it: up to the mark before the added forms."""
    return fragment["content"].split(f" {FORMS_MARK} ")[0]


def forms(fragment: dict) -> list[str]:
    """The forms added after the mark (Pagefind ends a block's last word with a full stop)."""
    parts = fragment["content"].split(f" {FORMS_MARK} ")
    return parts[1].removesuffix(".").split(" ") if len(parts) == 2 else []


# --- the forms ---------------------------------------------------------------------------------

def test_folding_goes_both_ways_and_leaves_other_letters():
    assert fold("Pædagog på Søndermark") == "Paedagog paa Soendermark"
    assert unfold("aarhus paedagoger boern") == "århus pædagoger børn"


@pytest.mark.parametrize("text, query", [
    ("Ressourcepædagog søges", "pædagog"), ("Ressourcepædagog søges", "paedagoger"),
    ("Kontakt distriktsleder Helle", "leder"), ("dagtilbudslederen", "leder"), ("Distriktsledere", "ledere"),
    ("Køkkenmedarbejder", "medarbejder"), ("Stjernehusets vuggestuegruppe", "gruppe"),
    ("Pædagog i Aarhus", "århus"), ("Børnehaven", "boernehaven"), ("pædagog", "pædagogernes"),
])
def test_the_forms_let_a_query_find_compounds_spellings_and_inflections(shaper, text, query):
    added = shaper.extra(text)
    assert any(t.startswith(query) for t in added), added


def test_no_form_repeats_the_text_or_starts_another_form(shaper):
    text = "Ressourcepædagogerne og pædagogen i børnehaven"
    added = shaper.extra(text)
    own = set(re.findall(r"[^\W\d_]+", text.lower()))
    assert added and not set(added) & own
    assert not [t for t in added if any(o != t and o.startswith(t) for o in own | set(added))]
    assert all(re.fullmatch(r"[^\W\d_]{4,}", t) for t in added)  # letters only
    assert shaper.extra("og i på til") == []  # stop words get no forms


# --- what a page is as a document ---------------------------------------------------------------

def test_closed_postings_the_archive_and_the_search_page_are_not_searched(content):
    later = build_listing(content, datetime(2026, 1, 11, 12, tzinfo=clock.TZ))  # Stjernehuset closed on the 10th
    assert not is_searchable(posting_page(LEDER), later) and is_searchable(posting_page(RESSOURCE), later)
    assert not is_searchable(ARCHIVE, later) and not is_searchable(SEARCH_PAGE, later)
    assert is_searchable("index.md", later) and is_searchable("foldere/ressourcegrupper-haderslev.md", later)


def test_a_posting_carries_its_place_deadline_and_subjects(listing, shaper):
    job = next(j for j in listing.open if j.id == LEDER)
    doc = posting_document(job, f"job/{LEDER}/index.html", "<h1>x</h1><p>Tekst</p>")
    assert doc.meta == {"sted": "Børnehuset Stjernehuset, Ballerup Kommune", "frist": "Ansøgningsfrist 10. januar 2026"}
    assert doc.subjects == ("Ballerup Kommune", "Distrikt Baltorp", "Børnehuset Stjernehuset", "Pædagogisk leder",
                            "0–3 år (vuggestue)")
    shaped = shape(doc, shaper)
    assert shaped.meta["emner"].startswith(" · ".join(doc.subjects))
    assert "paedagogisk" in shaped.meta["emner"].split()  # the title's other spelling weighs as the subjects
    assert set(search_options()["ranking"]["metaWeights"]) == set(META_WEIGHTS)
    assert META_WEIGHTS["emner"] > META_WEIGHTS["title"] > 0 == META_WEIGHTS["sted"] == META_WEIGHTS["frist"]


def test_what_is_not_searched_is_left_out_and_blocks_are_words_apart(shaper):
    html = ('<h1>Titel</h1><p class="jobsite-back" data-search-exclude><a href="../">Alle ledige stillinger</a></p>'
            '<aside class="jobsite-facts"><dl><div><dt>Arbejdstid</dt><dd>37 timer</dd></div>'
            '</dl><p class="jobsite-calendar"><a href="kalender.ics">Tilføj til kalender</a></p>'
            '<p class="jobsite-share" hidden><button>Kopiér link</button></p></aside>'
            '<form><label>Kommune</label></form><section class="jobsite-about"><h2>Om os</h2>'
            '<p>Vi er et hus</p></section><section class="jobsite-home-jobs" data-search-exclude>Kort</section>'
            '<div class="jobsite-jobnet" data-search-exclude>Ark</div>')
    shaped = shape(page_document("x/index.html", "Titel", html), shaper)
    assert shaped.text == "Titel Arbejdstid 37 timer Om os Vi er et hus"


def test_the_indexed_document_escapes_content_and_keeps_forms_after_the_mark(listing, shaper):
    job = next(j for j in listing.open if j.id == RESSOURCE)
    title = 'Pædagog <b>fed</b> & "x"'
    doc = posting_document(job, "job/x/index.html", "<p>&lt;script&gt;alert(1)&lt;/script&gt; i børnehaven</p>")
    doc = type(doc)(doc.url, title, doc.html, doc.meta, doc.subjects)
    html = index_html(shape(doc, shaper))
    tree = lxml.html.document_fromstring(html)
    assert not tree.xpath("//script | //b") and tree.xpath("//html/@lang") == ["da"]
    assert tree.xpath("//p[@data-pagefind-meta='title']/text()") == [title]
    body = tree.xpath("//main[@data-pagefind-body]")[0]
    assert body.text_content().startswith("<script>alert(1)</script> i børnehaven")
    last = body.xpath("./p[last()]")[0].text_content()
    assert last.startswith(FORMS_MARK + " ") and "boernehavens" in last.split()


def test_the_preview_index_is_a_script_no_content_can_end(listing, shaper):
    doc = page_document("side.html", "</script><script>alert(1)</script>", "<p>a &amp; b \u2028</p>")
    script = light_index_script([shape(doc, shaper)])
    assert script.startswith("window.jobsiteSearchIndex=[") and script.endswith(";\n")
    assert "<" not in script and ">" not in script and "&" not in script and "\u2028" not in script
    data = json.loads(script.removeprefix("window.jobsiteSearchIndex=").removesuffix(";\n"))
    assert data == [{"url": "side.html", "title": "</script><script>alert(1)</script>", "text": "a & b"}]


# --- the built site's index ---------------------------------------------------------------------

def test_every_word_of_an_open_posting_is_in_the_index(index, built_site):
    text = own_text(index[f"/job/{RESSOURCE}/"])
    for words in ("støttebehov", "prøvehandling", "Nancy Engberg", "handleplaner",  # text and contacts
                  "Om Midtbyens Dagtilbud", "600 børn", "Om Aarhus Kommune",  # the about texts shown on it
                  "Arbejdstid 37 timer", "torsdag den 19. februar 2026"):  # the facts
        assert words in text, words
    leder = own_text(index[f"/job/{LEDER}/"])
    assert "dobbeltledelse" in leder and "Charlotte Sønderhave" in leder
    assert "Alle ledige stillinger" not in leder.split("Ballerup Kommune")[0]  # the link back is not text
    assert "Tilføj til kalender" not in leder and "Kopiér link" not in leder


def test_the_other_pages_are_in_the_index_and_the_search_page_is_not(index):
    for url in ("/", "/job/", "/vaer-med/", "/stillingsbeskrivelser/", "/stillingsbeskrivelser/paedagog/",
                "/foldere/", "/foldere/ressourcegrupper-haderslev/", "/job/besked/"):
        assert url in index, url
    assert "/soeg/" not in index and "/job/arkiv/" not in index and "/404.html" not in index
    leaflet = index["/foldere/ressourcegrupper-haderslev/"]
    assert leaflet["meta"]["title"] == "Ressourcegrupper i daginstitutioner"
    assert not re.search(r"\binstitution\b", own_text(leaflet), re.I)  # 'daginstitutioner' only ...
    assert any(f.startswith("institution") for f in forms(leaflet))    # ... found by 'institution' too


def test_open_postings_have_their_line_and_subjects_other_pages_do_not(index, built_site):
    jobs = {j["id"]: j for j in built_site("2026-01-05").jobs()["postings"]}
    for job_id, deadline in [(LEDER, "10. januar 2026"), (RESSOURCE, "15. februar 2026")]:
        meta = index[f"/job/{job_id}/"]["meta"]
        assert meta["title"] == jobs[job_id]["title"]
        assert meta["sted"] == f"{jobs[job_id]['workplace']}, {jobs[job_id]['kommune']}"
        assert meta["frist"] == f"Ansøgningsfrist {deadline}"
        assert jobs[job_id]["workplace"] in meta["emner"]
    others = [f for url, f in index.items() if not url.startswith("/job/") or url == "/job/"]
    assert others and not [f for f in others if {"sted", "frist", "emner"} & set(f["meta"])]


def test_the_forms_are_letters_after_the_mark_and_the_text_has_no_mark(index):
    with_forms = [f for f in index.values() if forms(f)]
    assert len(with_forms) >= len(index) - 2
    for fragment in with_forms:
        assert all(re.fullmatch(r"[^\W\d_]{4,}", t) for t in forms(fragment))
        assert FORMS_MARK not in own_text(fragment)
    # The forms of the subjects' and the title's words weigh as the subjects; the rest follow the text.
    assert "århus" in index[f"/job/{RESSOURCE}/"]["meta"]["emner"].split()
    assert {"boernefaellesskaber", "vidtgaaende"} <= set(forms(index[f"/job/{RESSOURCE}/"]))


def test_closed_postings_are_out_of_the_index(built_site):
    later = indexed(built_site("2026-01-11").root)  # the Stjernehuset posting closed on 10 January
    assert f"/job/{RESSOURCE}/" in later
    assert not [url for url in later if url.startswith((f"/job/{LEDER}/", "/job/arkiv/"))]


def test_hostile_text_stays_text_in_the_index(project, tmp_path):
    good = (ROOT / "tests" / "good_posting.yml").read_text("utf-8")
    title = 'Pædagog &lt;b&gt;fed&lt;/b&gt; når a < 5 "x" & co'
    intro = f"Vi søger &lt;script&gt;{PWN}&lt;/script&gt; og &#60;svg onload={PWN}&#62;, a < 5."
    good = good.replace("title: Pædagog til Børnehuset Stjernehuset", "title: '" + title.replace("'", "''") + "'")
    good = good.replace("intro: |\n  Vi søger en pædagog.\n", "intro: |\n  " + intro + "\n")
    (project / "jobs" / "hostile.yml").write_text(good, "utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site, "2026-01-05")
    assert result.code == 0, result.text
    fragment = indexed(site)["/job/hostile/"]
    assert fragment["meta"]["title"] == title  # text: the search page shows it with textContent
    assert f"Vi søger <script>{PWN}</script> og <svg onload={PWN}>, a < 5." in own_text(fragment)
    assert all(re.fullmatch(r"[^\W\d_]+", f) for f in forms(fragment))
