"""The search index finds what applicants type: other spellings of æ/ø/å, the parts of
compounds, inflected forms; open postings first, each with its workplace and deadline in
its preview; closed postings out; content text stays text.

Material's search appends a wildcard to every query term and skips lunr's pipeline for it,
so a document is found when the query starts one of its tokens. `finds` asks that of the
built index, split with the separator the index itself carries."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT, mkdocs_build
from generator.content import load_site
from generator.listing import build_listing
from generator.mkdocs.search import shape_search_index
from generator.render.search_index import Shaper, fold, unfold, vocabulary
from safety_scan import assert_clean, baseline, scan_site

LEDER = "paedagogisk-leder-stjernehuset"
RESSOURCE = "ressourcepaedagoger-midtbyens-dagtilbud"
PWN = "window.__pwned=1"


def index_of(site_root: Path) -> dict:
    return json.loads((site_root / "search" / "search_index.json").read_text("utf-8"))


def tokens(index: dict, doc: dict, fields=None) -> set[str]:
    """The tokens lunr makes of a document's fields (all the index's config names): markup left out,
    split by the index's separator."""
    sep = re.compile(index["config"]["separator"])
    values = [doc.get(f) for f in (fields or index["config"]["fields"])]
    text = " ".join(re.sub(r"<[^>]*>", " ", v) for value in values if value
                    for v in (value if isinstance(value, list) else [value]))
    return {t for t in sep.split(text.lower()) if t}


def finds(index: dict, doc: dict, query: str) -> bool:
    """Material's query: every term of it starts one of the document's tokens."""
    sep = re.compile(index["config"]["separator"])
    own = tokens(index, doc)
    return all(any(t.startswith(term) for t in own) for term in sep.split(query.lower()) if term)


def doc_at(index: dict, location: str) -> dict:
    return next(d for d in index["docs"] if d["location"] == location)


def visible(fragment: str) -> str:
    """What the result list shows of an index text (Material renders it as HTML)."""
    return lxml.html.fragment_fromstring(fragment, create_parent="div").text_content()


@pytest.fixture(scope="module")
def index(built_site):
    return index_of(built_site("2026-01-05").root)


# --- spellings, compounds, inflections -----------------------------------------------------

@pytest.mark.parametrize("query, location", [
    ("paedagogisk", f"job/{LEDER}/"),            # æ typed as ae
    ("pædagogisk", f"job/{LEDER}/"),
    ("boernehuset", f"job/{LEDER}/"),            # ø as oe
    ("ressourcepaedagoger", f"job/{RESSOURCE}/"),
    ("Århus", f"job/{RESSOURCE}/"),               # and back: the data writes Aarhus
    ("paedagog", "stillingsbeskrivelser/paedagog/"),
    ("medhjaelper", "stillingsbeskrivelser/paedagogisk-medhjaelper/"),
    ("foraeldre", "foldere/"),
])
def test_other_spellings_of_ae_oe_aa_find_the_document(index, query, location):
    doc = doc_at(index, location)
    assert finds(index, doc, query)
    assert not finds(index, doc, "zz" + query)  # the check itself can fail


def test_folding_goes_both_ways_and_leaves_other_letters():
    assert fold("Pædagog på Søndermark") == "Paedagog paa Soendermark"
    assert unfold("aarhus paedagoger boern") == "århus pædagoger børn"


def test_a_word_finds_the_compounds_that_contain_it(index):
    leaflet = doc_at(index, "foldere/ressourcegrupper-haderslev/")  # 'daginstitutioner', never 'institution'
    assert finds(index, leaflet, "institution") and finds(index, leaflet, "institutioner")
    assert not re.search(r"\binstitution", visible(leaflet["title"] + " " + leaflet["text"]), re.I)


@pytest.fixture(scope="module")
def shaper():
    from datetime import datetime
    from generator import clock
    content = load_site(ROOT)
    return Shaper(vocabulary(content, build_listing(content, datetime(2026, 1, 5, 12, tzinfo=clock.TZ))))


@pytest.mark.parametrize("text, query", [
    ("Ressourcepædagog søges", "pædagog"), ("Ressourcepædagog søges", "paedagoger"),
    ("Kontakt distriktsleder Helle", "leder"), ("dagtilbudslederen", "leder"), ("Distriktsledere", "ledere"),
    ("Køkkenmedarbejder", "medarbejder"), ("Stjernehusets vuggestuegruppe", "gruppe"),
])
def test_the_site_vocabulary_splits_compounds(shaper, text, query):
    added = shaper.extra(f"<p>{text}</p>")
    assert any(t.startswith(query) for t in added), added
    assert not any(t.startswith(query) for t in shaper.extra("<p>kolleger og lederskab</p>") if query == "ledere")


@pytest.mark.parametrize("query, location", [
    ("pædagoger", "stillingsbeskrivelser/paedagog/"),          # the page says 'pædagog'
    ("pædagogens", "stillingsbeskrivelser/paedagog/"),
    ("børnehaven", "job/besked/#aldersgrupper"),                # '3–6 år (børnehave)'
    ("vuggestuer", f"job/{LEDER}/"),                            # 'vuggestue'
    ("ledere", f"job/{LEDER}/"),
    ("pædagogerne", "stillingsbeskrivelser/paedagog/"),
    ("ressourcepædagogerne", f"job/{RESSOURCE}/"),
])
def test_inflected_forms_find_the_base(index, query, location):
    assert finds(index, doc_at(index, location), query)


def test_added_tokens_are_letters_only_in_fields_the_result_list_does_not_show(index):
    fields = index["config"]["fields"]
    for field in ("title", "text", "tags"):
        assert fields[f"{field}_forms"] == fields[field]  # as much weight as the field they belong to
    added_somewhere = 0
    for doc in index["docs"]:
        for field in ("title", "text", "tags"):
            if f"{field}_forms" not in doc:
                continue
            added_somewhere += 1
            added = doc[f"{field}_forms"].split(" ")
            assert all(re.fullmatch(r"[^\W\d_]{4,}", t) for t in added), added
            own = tokens(index, doc, [field])
            # none that the field holds already, none that starts another of its tokens
            assert not set(added) & own
            assert not [t for t in added if any(o != t and o.startswith(t) for o in own | set(added))]
    assert added_somewhere > len(index["docs"])


# --- ranking, preview, closed postings ------------------------------------------------------

def test_open_postings_are_one_document_each_boosted_with_workplace_and_deadline_first(index, built_site):
    jobs = {j["id"]: j for j in built_site("2026-01-05").jobs()["postings"]}
    for job_id, deadline in [(LEDER, "10. januar 2026"), (RESSOURCE, "15. februar 2026")]:
        docs = [d for d in index["docs"] if d["location"].startswith(f"job/{job_id}/")]
        assert [d["location"] for d in docs] == [f"job/{job_id}/"]  # no section entries
        doc = docs[0]
        assert doc["boost"] > 1
        assert html.unescape(doc["title"]) == jobs[job_id]["title"]
        first = html.unescape(re.match(r"<p>(.*?)<br/>", doc["text"])[1])
        assert first == f"{jobs[job_id]['workplace']}, {jobs[job_id]['kommune']} · Ansøgningsfrist {deadline}"
        assert re.fullmatch(r"<p>[^<]*(<br/>[^<]*)+</p>", doc["text"])  # one paragraph: Material shows it whole
        assert jobs[job_id]["workplace"] in doc["tags"]
    assert visible(doc_at(index, f"job/{LEDER}/")["text"]).startswith(
        "Børnehuset Stjernehuset, Ballerup Kommune · Ansøgningsfrist 10. januar 2026")
    others = [d for d in index["docs"] if not d["location"].startswith("job/") or d["location"].startswith("job/besked")]
    assert others and all(d.get("boost", 1) == 1 for d in others)


def test_the_job_list_entry_is_its_count_not_every_card_again(index):
    job_list = doc_at(index, "job/")
    assert visible(job_list["text"]) == "2 ledige stillinger, den med den korteste frist står først."


def test_closed_postings_and_the_archive_are_out_of_the_index(built_site):
    index = index_of(built_site("2026-01-11").root)  # the Stjernehuset posting closed on 10 January
    locations = [d["location"] for d in index["docs"]]
    assert not [loc for loc in locations if loc.startswith((f"job/{LEDER}/", "job/arkiv/"))]
    assert f"job/{RESSOURCE}/" in locations
    assert visible(doc_at(index, "job/")["text"]).startswith("1 ledig stilling")


def test_the_index_uses_the_configured_separator(index):
    sep = re.compile(index["config"]["separator"])
    assert [t for t in sep.split("0–3 år (vuggestue), Baltorp; «Ny» &amp; x/y") if t] == \
        ["0", "3", "år", "vuggestue", "Baltorp", "Ny", "x", "y"]


# --- content stays text ---------------------------------------------------------------------

HOSTILE = {
    "title": 'Pædagog &lt;b&gt;fed&lt;/b&gt; når a < 5 "x" & co',
    "summary": f"&lt;img src=x onerror={PWN}&gt; og \"citat\" & mere",
    "intro": f"Vi søger &lt;script&gt;{PWN}&lt;/script&gt; og &#60;svg onload={PWN}&#62;, a < 5.",
}


def test_hostile_text_stays_text_in_the_index(project, tmp_path, built_site):
    good = (ROOT / "tests" / "good_posting.yml").read_text("utf-8")
    good = good.replace("title: Pædagog til Børnehuset Stjernehuset", "title: '" + HOSTILE["title"].replace("'", "''") + "'")
    good = good.replace("intro: |\n  Vi søger en pædagog.\n",
                        "summary: '" + HOSTILE["summary"] + "'\nintro: |\n  " + HOSTILE["intro"] + "\n")
    (project / "jobs" / "hostile.yml").write_text(good, "utf-8")
    without_summary = "\n".join(ln for ln in good.splitlines() if not ln.startswith("summary:")) + "\n"
    (project / "jobs" / "hostile-intro.yml").write_text(without_summary, "utf-8")  # its intro is indexed
    site = tmp_path / "site"
    result = mkdocs_build(project, site, "2026-01-05")
    assert result.code == 0, result.text
    index = index_of(site)
    docs = [doc_at(index, "job/hostile/"), doc_at(index, "job/hostile-intro/")]
    for doc in docs:
        assert doc["title"] == html.escape(HOSTILE["title"], quote=False)
        for fragment in (doc["title"], doc["text"]):
            root = lxml.html.fragment_fromstring(fragment, create_parent="div")
            assert {el.tag for el in root.iter()} <= {"div", "p", "br"}
            assert all(not el.attrib for el in root.iter())
        assert all(re.fullmatch(r"[^\W\d_ ]+( [^\W\d_]+)*", doc[f]) for f in doc if f.endswith("_forms"))
    assert HOSTILE["summary"] in visible(docs[0]["text"])  # as written: its entities are characters of the text
    # the intro as the page shows it (Markdown made its entities characters), and as text
    assert f"Vi søger <script>{PWN}</script> og <svg onload={PWN}>, a < 5." in visible(docs[1]["text"])
    # the search index as the safety scan reads JSON (the pages are the hostile catalogue's)
    assert_clean([f for f in scan_site(site, baseline(built_site("2026-01-05").root)) if f.file.startswith("search/")])
    assert (site / "search" / "search_index.json").is_file()


# --- the adapter ----------------------------------------------------------------------------

def test_the_offline_copy_of_the_index_is_shaped_too(tmp_path):
    """Material's offline plugin (the preview) writes search_index.js in the same event."""
    content = load_site(ROOT)
    from datetime import datetime
    from generator import clock
    listing = build_listing(content, datetime(2026, 1, 5, 12, tzinfo=clock.TZ))
    raw = {"config": {"separator": "[\\s]+"}, "docs": [
        {"location": f"job/{LEDER}.html", "title": "x", "text": "<p>Alt</p>", "boost": 10},
        {"location": f"job/{LEDER}.html#dine-opgaver", "title": "Dine opgaver", "text": "<p>Mere</p>", "boost": 10},
        {"location": "job/index.html", "title": "Ledige stillinger", "text": "<ul><li>kort</li></ul>"},
    ]}
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(raw), "utf-8")
    (tmp_path / "search" / "search_index.js").write_text("var __index = " + json.dumps(raw), "utf-8")
    shape_search_index(str(tmp_path), listing, content, use_directory_urls=False)
    shaped = index_of(tmp_path)
    script = (tmp_path / "search" / "search_index.js").read_text("utf-8")
    assert json.loads(script.removeprefix("var __index = ")) == shaped
    assert [d["location"] for d in shaped["docs"]] == [f"job/{LEDER}.html", "job/index.html"]
    assert shaped["config"]["fields"]["text_forms"] == {"boost": 1.0}
    assert visible(shaped["docs"][0]["text"]).startswith("Børnehuset Stjernehuset, Ballerup Kommune · Ansøgningsfrist")
    assert visible(shaped["docs"][1]["text"]).startswith("2 ledige stillinger")
    assert vocabulary(content, listing) >= {"pædagog", "ressourcepædagoger", "stjernehuset", "vuggestue"}
