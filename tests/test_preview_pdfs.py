"""Under `make serve`, a PDF is made again only when what it is made from
changed: an edit to a posting never costs the seconds WeasyPrint takes."""
from __future__ import annotations

import shutil

from generator.preview import make_pdfs
from generator.render.pdf import PdfDocument

LEAFLET = "foldere/ressourcegrupper-haderslev"


def documents() -> list[PdfDocument]:
    pages = [(f"{LEAFLET}/index.html", "ressourcegrupper-haderslev.pdf", "leaflet"),
             ("stillingsbeskrivelser/index.html", "stillingsbeskrivelser-ballerup.pdf", "roles")]
    return [PdfDocument(page=page, name=name, kind=kind, title=name, author="Test", subject="Test")
            for page, name, kind in pages]


def test_a_pdf_is_made_again_only_when_its_page_changed(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site("2026-01-05").root, site)
    docs = documents()
    for doc in docs:
        (site / doc.out).unlink()

    made = make_pdfs(docs, site, "", {})  # the first build: both are made
    assert sorted(made) == sorted(doc.out for doc in docs)
    assert all((site / doc.out).read_bytes().startswith(b"%PDF") for doc in docs)
    stamps = {doc.out: (site / doc.out).stat().st_mtime_ns for doc in docs}

    assert make_pdfs(docs, site, "", made) == {}  # a posting was edited: nothing to make
    assert {doc.out: (site / doc.out).stat().st_mtime_ns for doc in docs} == stamps

    leaflet = site / LEAFLET / "index.html"
    leaflet.write_text(leaflet.read_text("utf-8").replace("Ressourcegrupper", "Ressourcegrupperne", 1), "utf-8")
    again = make_pdfs(docs, site, "", made)  # the leaflet was edited: only its PDF is made again
    assert list(again) == [docs[0].out] and again[docs[0].out] != made[docs[0].out]
    assert (site / docs[1].out).stat().st_mtime_ns == stamps[docs[1].out]

    (site / docs[1].out).unlink()  # a full rebuild emptied site/: made again although unchanged
    assert list(make_pdfs(docs, site, "", {**made, **again})) == [docs[1].out]
