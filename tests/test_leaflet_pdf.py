"""Leaflets and role descriptions as a parent or a new employee gets them:
linked from the page, downloadable as an accessible A4 PDF, printable from
the browser with the print stylesheet."""
from __future__ import annotations

import logging
import re
from pathlib import Path

import lxml.html
import pytest
from pypdf import PdfReader

from generator.content import load_site
from generator.mkdocs.outputs import Outputs
from generator.render import pdf

ROOT = Path(__file__).resolve().parent.parent
DAY = "2026-01-05"
LEAFLET = "foldere/ressourcegrupper-haderslev"
LEAFLET_PDF = f"{LEAFLET}/ressourcegrupper-haderslev.pdf"
ROLES_PDF = "stillingsbeskrivelser/stillingsbeskrivelser-ballerup.pdf"
FOOTER = re.compile(r"^.*Side \d+ af \d+$")


@pytest.fixture(scope="module")
def content():
    return load_site(ROOT)


def flat(text: str) -> str:
    return " ".join(text.replace("•", " ").split())


def squash(text: str) -> str:
    """Text without any whitespace: a line may break after a slash where the source had none."""
    return "".join(text.replace("•", "").split())


def pdf_text(reader: PdfReader) -> str:
    """The text of every page in order, without the running footer."""
    lines = [line for page in reader.pages for line in page.extract_text().splitlines() if not FOOTER.match(line)]
    return flat("\n".join(lines))


def markdown_blocks(body: str) -> list[str]:
    """Headings, paragraphs and list items of a leaflet's Markdown, as plain text, in order."""
    blocks, para = [], []
    for line in body.splitlines() + [""]:
        line = line.strip()
        if line.startswith(("#", "- ")) or not line:
            if para:
                blocks.append(" ".join(para))
                para = []
            if line:
                blocks.append(line.lstrip("#- ").strip())
        else:
            para.append(line)
    return [re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", b).replace("**", "") for b in blocks]


def assert_accessible(reader: PdfReader, title: str) -> None:
    root = reader.trailer["/Root"]
    assert reader.metadata.title == title
    assert root["/Lang"] == "da"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root  # tagged: headings, paragraphs, lists, tables
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert b'pdfuaid:part="1"' in reader.xmp_metadata.stream.get_data()  # declares PDF/UA-1
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), f"{font['/BaseFont']} not embedded"


def test_leaflet_pdf_is_accessible_and_holds_the_whole_leaflet_in_order(built_site, content):
    site = built_site(DAY)
    reader = PdfReader(site.root / LEAFLET_PDF)
    item = content.leaflets[0]
    assert_accessible(reader, item.leaflet.title)
    assert reader.metadata.author == "Haderslev Kommune"
    assert reader.metadata["/CreationDate"] == "D:20261101"  # the leaflet's `updated`, not the build's clock
    for page in reader.pages:  # A4 portrait
        assert [round(float(v) * 25.4 / 72) for v in page.mediabox[2:]] == [210, 297]
    text = squash(pdf_text(reader))
    heading, *blocks = markdown_blocks(item.body)
    assert heading == item.leaflet.title
    expected = ["Haderslev Kommune", heading, item.leaflet.tagline, "Sidst opdateret 1. november 2026",
                *blocks, "Kontakt", "Web: www.haderslev.dk"]
    position = 0
    for block in expected:
        found = text.find(squash(block), position)
        assert found >= 0, f"not found in reading order after {text[max(0, position - 80):position]!r}: {block!r}"
        position = found + len(squash(block))
    assert "Hent som PDF" not in text  # no download link on paper
    # Each page says where it is in the leaflet, and the last one is more than a few lines.
    pages = len(reader.pages)
    for number, page in enumerate(reader.pages, 1):
        assert f"Side {number} af {pages}" in page.extract_text().splitlines()[-1]
    last = [line for line in reader.pages[-1].extract_text().splitlines() if line.strip()]
    assert len(last) >= 10, f"the last page holds only {len(last)} lines"
    # The contact as the data has it: Haderslev's leaflet and data/organisations.yml give a website only.
    contact = squash(text[text.rfind(squash("Kontakt")):])
    assert contact == squash("Kontakt Haderslev Kommune Web: www.haderslev.dk"), contact
    links = [a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots", [])
             if a.get_object().get("/Subtype") == "/Link"]
    assert "https://www.haderslev.dk" in links


def test_role_descriptions_pdf_has_a_landscape_page_per_competence_area(built_site, content):
    site = built_site(DAY)
    reader = PdfReader(site.root / ROLES_PDF)
    catalogue = content.roles
    assert_accessible(reader, catalogue.title)
    assert reader.metadata.author == "Ballerup Kommune"
    landscape = [flat(p.extract_text()) for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert len(landscape) >= len(catalogue.areas)
    for area in catalogue.areas:
        start = next((t for t in landscape if t.startswith(flat(area.title))
                      or t.startswith("Stillingsbeskrivelserne " + flat(area.title))), None)
        assert start, f"no landscape page starts with {area.title!r}"
    text = squash(pdf_text(reader))
    assert text.startswith(squash("Ballerup Kommune " + catalogue.title))
    position = 0
    for area in catalogue.areas:
        for row in area.rows:
            for statement in row:
                found = text.find(squash(statement.text), position)
                assert found >= 0, statement.text
                position = found
    assert squash("Materialeliste til pædagogisk personale") in text[position:]  # the text after the table, upright again
    assert reader.pages[-1].mediabox.height > reader.pages[-1].mediabox.width


def test_pdfs_do_not_change_with_the_build_day(built_site, content):
    for rel in (LEAFLET_PDF, ROLES_PDF):
        assert (built_site(DAY).root / rel).read_bytes() == (built_site("2026-03-01").root / rel).read_bytes()


def test_rendering_twice_gives_the_same_bytes(built_site, content):
    site = built_site(DAY)
    doc = pdf.leaflet_document(content.leaflets[0], f"{LEAFLET}/index.html")
    article = lxml.html.document_fromstring(site.page(LEAFLET + "/")).xpath("//article")[0]
    content = (article.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in article)
    first = pdf.make_pdf(doc, content, site.root, "http://127.0.0.1:8000/")
    assert first.data and first.warnings == ()
    assert first == pdf.make_pdf(doc, content, site.root, "http://127.0.0.1:8000/")
    assert first.data.startswith(b"%PDF")


def test_pages_link_their_pdf(built_site):
    site = built_site(DAY)
    leaflet = site.page(LEAFLET + "/")
    assert '<a href="ressourcegrupper-haderslev.pdf" type="application/pdf">Hent som PDF</a>' in leaflet
    roles = site.page("stillingsbeskrivelser/")
    assert '<a href="stillingsbeskrivelser-ballerup.pdf" type="application/pdf">Hent som PDF</a>' in roles
    index = site.page("foldere/")
    assert 'href="ressourcegrupper-haderslev/ressourcegrupper-haderslev.pdf"' in index
    assert "Sidst opdateret" in index and "Emne: Ressourcegrupper" in index
    for page in (leaflet, roles, index):
        assert 'href="../../assets/print.css"' in page or 'href="../assets/print.css"' in page
    assert "@page" in (site.root / "assets" / "print.css").read_text(encoding="utf-8")


def test_printing_the_leaflet_page_hides_the_site_and_writes_links_out(served_site, page):
    page.goto(served_site(DAY) + LEAFLET + "/")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => ({
        header: getComputedStyle(document.querySelector('.md-header')).display,
        sidebar: getComputedStyle(document.querySelector('.md-sidebar')).display,
        pdfLink: getComputedStyle(document.querySelector('.jobsite-pdf')).display,
        h2: getComputedStyle(document.querySelector('.md-typeset h2')).breakAfter,
    })""")
    assert shown == {"header": "none", "sidebar": "none", "pdfLink": "none", "h2": "avoid"}
    page.evaluate("""() => {
        const a = document.createElement('a'); a.href = 'https://www.haderslev.dk/boern'; a.id = 'probe';
        a.textContent = 'Læs mere'; document.querySelector('.md-typeset p').append(a); }""")
    after = page.evaluate("getComputedStyle(document.getElementById('probe'), '::after').content")
    assert "https://www.haderslev.dk/boern" in after
    website = page.evaluate("getComputedStyle(document.querySelector('.jobsite-contact a.jobsite-url'), '::after').content")
    assert website in ("none", "normal")  # its text is already the address


def test_without_the_pdf_engine_serve_says_once_and_build_warns(monkeypatch, caplog, tmp_path, content):
    monkeypatch.setattr(pdf, "engine", lambda: pdf._Missing("cannot load library 'libpango-1.0-0'"))
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "print.css").write_text("@page { size: A4 }", encoding="utf-8")
    doc = pdf.leaflet_document(content.leaflets[0], f"{LEAFLET}/index.html")
    for serving, level in ((True, logging.INFO), (False, logging.WARNING)):
        outputs = Outputs(workers=0)  # in this process, so the missing engine is the patched one
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.jobsite"):
            for _ in range(2):  # two builds (`serve` rebuilds), or two PDFs of one build
                outputs.submit("PDF'en", pdf.make_pdf, doc, "<p>tekst</p>", tmp_path, "")
                outputs.write(tmp_path, serving)
        said = [r for r in caplog.records if "PDF'er springes over" in r.getMessage()]
        assert [r.levelno for r in said] == [level]  # once; a build's warning fails the strict build
        assert "make pdf-deps" in said[0].getMessage() and "libpango" in said[0].getMessage()
        assert not (tmp_path / doc.out).exists()


def test_the_role_descriptions_source_note_is_on_the_page_and_in_the_pdf(built_site, content):
    """data/roles.yml's source note (where the descriptions come from, when they are revisited) is
    shown under the role table, in its PDF and on each role's page: nothing of the source is left out."""
    site = built_site(DAY)
    note = content.roles.source_note
    paragraphs = [flat(p) for p in note.split("\n\n") if p.strip()]
    assert len(paragraphs) == 2
    tree = lxml.html.fromstring(site.page("stillingsbeskrivelser/"))
    boxes = tree.xpath('//div[contains(@class, "jobsite-source-note")]')
    assert len(boxes) == 1 and boxes[0].xpath("ancestor::div[contains(@class, 'jobsite-roles')]")
    assert [flat(p.text_content()) for p in boxes[0].xpath("./p")] == ["Kilde", *paragraphs]
    text = squash(pdf_text(PdfReader(site.root / ROLES_PDF)))
    last_statement = content.roles.areas[-1].rows[-1][-1].text
    position = text.find(squash(last_statement))
    for paragraph in paragraphs:  # after the tables, in order
        found = text.find(squash(paragraph), position)
        assert found > position, paragraph
        position = found
    role = lxml.html.fromstring(site.page("stillingsbeskrivelser/paedagog/"))
    assert all(p in flat(role.text_content()) for p in paragraphs)
