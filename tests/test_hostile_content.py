"""Hostile content, in every kind of content file: a catalogue of what someone
could put into a pull request, and what must become of it.

Anyone can open a pull request, so every content file is untrusted. Each case
below is one of the good files (tests/good_posting.yml, data/organisations.yml,
data/roles.yml, content/foldere/ressourcegrupper-haderslev.md) with one hostile
change, or a file layout made by a function (symbolic links, folders). A case
expects one of two things:

  Refused(line, says)  `python -m generator check` exits 1 and prints
                       `<file>:<line>:...` with the Danish phrase `says`, no
                       traceback; `mkdocs build --strict` into a site folder
                       holding a previous good build fails and leaves that
                       folder byte for byte as it was; the file is unchanged.
  Clean(*shows)        check accepts it, the strict build succeeds, the safety
                       scan (tests/safety_scan.py) finds no active content, and
                       the text is shown as the text that was written.

Every payload sets `window.__pwned`, so the browser test
(tests/test_browser_hostile.py) can tell if one ever ran. A case with `bug`
is a known bug, shown by the test and marked xfail(strict=True).
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import struct
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Union

import lxml.html
import pytest
from lxml import etree

from conftest import ROOT, copy_project, mkdocs_build, run
from generator.__main__ import main
from generator.problems import people
from safety_scan import baseline, scan_site

HERE = Path(__file__).resolve().parent
TODAY = "2026-01-05"  # the good posting (published 2026-01-01, deadline 2026-01-31) is open
PWN = "window.__pwned=1"  # what every payload does when it runs

POSTING, ORGANISATIONS, ROLES, LEAFLET, LAYOUT = "posting", "organisations", "roles", "leaflet", "folder layout"
MEDIA, CMS = "media", "cms.yml"
KINDS = (POSTING, ORGANISATIONS, ROLES, LEAFLET, LAYOUT, MEDIA, CMS)
GOOD = {
    POSTING: (HERE / "good_posting.yml").read_text(encoding="utf-8"),
    ORGANISATIONS: (ROOT / "data" / "organisations.yml").read_text(encoding="utf-8"),
    ROLES: (ROOT / "data" / "roles.yml").read_text(encoding="utf-8"),
    LEAFLET: (ROOT / "content" / "foldere" / "ressourcegrupper-haderslev.md").read_text(encoding="utf-8"),
}


# --------------------------------------------------------------------------- how a case is made

@dataclass(frozen=True)
class Edit:
    """Replace `old` (which must occur exactly once in the good file) by `new`."""

    old: str
    new: str

    def apply(self, text: str) -> str:
        assert text.count(self.old) == 1, f"{self.old!r} occurs {text.count(self.old)} times in the good file"
        return text.replace(self.old, self.new)


Layout = Callable[[Path], list[Path]]  # makes files in a project; returns the paths it made
Make = Union[Edit, tuple[Edit, ...], Layout]


# --------------------------------------------------------------------------- what must become of it

@dataclass(frozen=True)
class Refused:
    line: int
    says: str  # a key Danish phrase of the message
    field: str = ""  # the field the report names, when there is one
    file: str = ""  # default: the case's own file


@dataclass(frozen=True)
class Shown:
    """In the built `page` (a path in the site, {id} is the case's id), some node matched by the
    XPath `where` has `text` in its visible text (or, for an attribute, in its value)."""

    page: str
    where: str
    text: str

    def check(self, site: Path, case: Case) -> None:
        found = texts(site, self.page.format(id=case.id), self.where)
        assert any(self.text in t for t in found), (self.page, self.where, self.text, found)


@dataclass(frozen=True)
class Absent:
    """No node in `page` matches the XPath `where`."""

    page: str
    where: str

    def check(self, site: Path, case: Case) -> None:
        found = texts(site, self.page.format(id=case.id), self.where)
        assert not found, (self.page, self.where, found)


@dataclass(frozen=True)
class InSearch:
    """The search index has an entry for `page` whose title (text: the search page shows it with
    textContent) is `text`."""

    page: str
    text: str

    def check(self, site: Path, case: Case) -> None:
        from search_project import indexed

        location = "/" + self.page.format(id=case.id)
        titles = [f["meta"].get("title", "") for url, f in indexed(site).items() if url == location]
        assert any(self.text in t for t in titles), (location, self.text, titles)


@dataclass(frozen=True)
class InFeed:
    """The Atom feed has an entry whose (plain text) title is `text`."""

    text: str

    def check(self, site: Path, case: Case) -> None:
        atom = "{http://www.w3.org/2005/Atom}"
        feed = etree.fromstring((site / "job" / "feed.xml").read_bytes())
        titles = [(e.findtext(f"{atom}title"), e.find(f"{atom}title").get("type", "text"))
                  for e in feed.iter(f"{atom}entry")]
        assert (self.text, "text") in titles, titles


@dataclass(frozen=True)
class InJobsJson:
    """jobs.json has the posting (default: the case's own) with `key` equal to `text`."""

    key: str
    text: str
    posting: str = "{id}"

    def check(self, site: Path, case: Case) -> None:
        postings = json.loads((site / "job" / "jobs.json").read_text(encoding="utf-8"))["postings"]
        values = [p[self.key] for p in postings if p["id"] == self.posting.format(id=case.id)]
        assert values == [self.text], values


@dataclass(frozen=True)
class Published:
    """The built site's file `path` is a picture re-encoded by the site: it decodes as an image of
    its extension's format, has no metadata, and holds none of the author's extra bytes."""

    path: str

    def check(self, site: Path, case: Case) -> None:
        from PIL import Image
        import io
        data = (site / self.path).read_bytes()
        image = Image.open(io.BytesIO(data))
        image.load()
        assert image.format in ("JPEG", "PNG", "WEBP"), image.format
        assert not image.getexif() and not image.info.get("exif") and not image.info.get("xmp"), image.info
        for needle in (b"<script", b"<html", b"<svg", PWN.encode(), b"GPS", b"Exif"):
            assert needle not in data, needle


@dataclass(frozen=True)
class InEditor:
    """The editor's configuration built into the site (admin/config.yml) says `text`."""

    text: str

    def check(self, site: Path, case: Case) -> None:
        assert self.text in (site / "admin" / "config.yml").read_text(encoding="utf-8")


@dataclass(frozen=True)
class InJobnet:
    """The Jobnet export of the case's posting (job/jobnet/<id>.json) has `text` at `keys` (plain text,
    exactly as written), and its ad text holds only the HTML subset Jobnet takes."""

    keys: tuple[str, ...]
    text: object

    def check(self, site: Path, case: Case) -> None:
        data = json.loads((site / "job" / "jobnet" / f"{case.id}.json").read_text(encoding="utf-8"))
        value = data
        for key in self.keys:
            value = value[key]
        assert value == self.text, (self.keys, value)
        tree = lxml.html.fragment_fromstring(data["text_html"] or "<p></p>", create_parent="div")
        assert all(e.tag in {"p", "br", "strong", "em", "ul", "ol", "li"} and not e.attrib
                   for e in tree.iter() if e is not tree), data["text_html"]


Check = Union[Shown, Absent, InSearch, InFeed, InJobsJson, Published, InEditor, InJobnet]


@dataclass(frozen=True)
class Clean:
    shows: tuple[Check, ...]

    def __init__(self, *shows: Check):
        object.__setattr__(self, "shows", shows)


def title_everywhere(text: str) -> tuple[Check, ...]:
    """A posting's title, shown literally wherever the site writes it."""
    return (Shown("job/{id}/", "//h1", text), Shown("job/{id}/", "//head/title", text),
            Shown("job/{id}/", "//meta[@property='og:title']/@content", text),
            Shown("job/", "//h2[@class='jobsite-card__title']/a", text),
            InSearch("job/{id}/", text), InFeed(text), InJobsJson("title", text))


def texts(site: Path, page: str, where: str) -> list[str]:
    path = site / page / "index.html" if not page.endswith(".html") else site / page
    tree = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
    return [" ".join((r if isinstance(r, str) else r.text_content()).split()) for r in tree.xpath(where)]


def visible_html(fragment: str) -> str:
    if not fragment.strip():
        return ""
    return " ".join(lxml.html.fragment_fromstring(fragment, create_parent="div").text_content().split())


# --------------------------------------------------------------------------- the cases

@dataclass(frozen=True)
class Case:
    id: str
    kind: str  # one of KINDS
    hostile: str  # the class of hostile content
    make: Make
    expect: Refused | Clean
    bug: str = ""  # a known bug: the test shows it and is marked xfail(strict=True)

    def target(self) -> str:
        """The file in the project the case writes (for an Edit)."""
        return {POSTING: f"jobs/{self.id}.yml", ORGANISATIONS: "data/organisations.yml",
                ROLES: "data/roles.yml", LEAFLET: f"content/foldere/{self.id}.md"}[self.kind]

    def file(self) -> str:
        """The file the report must name."""
        assert isinstance(self.expect, Refused)
        return self.expect.file or self.target()


# YAML that expands exponentially if a loader follows the aliases ("billion laughs").
LAUGHS = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9 if i else ["lol"] * 9) + "]\n" for i in range(9))
DEEP = "[" * 1000 + "]" * 1000  # 1000 levels of nesting in one line
ONE_LINE_LISTS = "- " * 1000 + "dybt"  # 1000 nested bullet lists without any indentation
ONE_LINE_NUMBERED = "1. " * 1000 + "dybt"


def png() -> bytes:
    """The smallest valid PNG: one pixel."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def _write(project: Path, rel: str, data: str | bytes) -> Path:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _outside(project: Path, name: str, data: str) -> Path:
    """A file beside the project, outside everything the site is built from."""
    path = project.parent / "udenfor" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data, encoding="utf-8")
    return path


def _symlink(project: Path, rel: str, target: Path) -> list[Path]:
    link = project / rel
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.exists() or link.is_symlink():
        link.unlink()
    os.symlink(target, link)
    return [link]


# Layouts: files that would not be read as they look, or would be read from elsewhere.
def posting_upper_case_extension(p): return [_write(p, "jobs/ny.YML", GOOD[POSTING])]
def posting_text_extension(p): return [_write(p, "jobs/ny.txt", GOOD[POSTING])]
def posting_in_subfolder(p): return [_write(p, "jobs/gamle/ny.yml", GOOD[POSTING])]
def posting_symlink(p): return _symlink(p, "jobs/genvej.yml", _outside(p, "opslag.yml", GOOD[POSTING]))
def posting_symlink_to_system_file(p): return _symlink(p, "jobs/passwd.yml", Path("/etc/passwd"))
def posting_reserved_name(p): return [_write(p, "jobs/arkiv.yml", GOOD[POSTING])]
def jobs_folder_symlink(p):
    shutil.copytree(p / "jobs", p.parent / "udenfor" / "jobs")
    shutil.rmtree(p / "jobs")
    return _symlink(p, "jobs", p.parent / "udenfor" / "jobs")
def data_extra_file(p): return [_write(p, "data/ekstra.yml", "kommuner: []\n")]
def data_upper_case(p): return [_write(p, "data/Organisations.YML", GOOD[ORGANISATIONS])]
def organisations_symlink(p):
    (p / "data" / "organisations.yml").unlink()
    return _symlink(p, "data/organisations.yml", _outside(p, "organisations.yml", GOOD[ORGANISATIONS]))
def role_page_written_by_hand(p): return [_write(p, "content/stillingsbeskrivelser/paedagog.md", "# Pædagog\n")]
def leaflet_upper_case_extension(p): return [_write(p, "content/foldere/ny.MD", GOOD[LEAFLET])]
def leaflet_html_file(p): return [_write(p, "content/foldere/ny.html", f"<script>{PWN}</script>\n")]
def leaflet_svg_picture(p): return [_write(p, "content/foldere/logo.svg", f'<svg onload="{PWN}"/>\n')]
def leaflet_in_subfolder(p): return [_write(p, "content/foldere/gamle/ny.md", GOOD[LEAFLET])]
def leaflet_symlink(p): return _symlink(p, "content/foldere/genvej.md", _outside(p, "folder.md", GOOD[LEAFLET]))
def leaflet_picture_symlink(p): return _symlink(p, "content/foldere/foto.png", Path("/etc/hostname"))
def leaflet_index_by_hand(p): return [_write(p, "content/foldere/index.md", GOOD[LEAFLET])]
def leaflet_readme(p): return [_write(p, "content/foldere/README.md", GOOD[LEAFLET])]
def leaflet_hidden(p): return [_write(p, "content/foldere/.skjult.md", GOOD[LEAFLET])]
def job_page_by_hand(p): return [_write(p, "content/job/ny.md", f"# Ny\n\n<script>{PWN}</script>\n")]
def symlink_elsewhere_in_content(p):
    return _symlink(p, "content/assets/logo.png", _outside(p, "hemmelig.txt", "hemmelig nøgle\n"))
# Pictures (media): only raster images, published re-encoded (generator/media.py).
def _jpeg(extra: bytes = b"", gps: bool = False) -> bytes:
    from PIL import Image
    import io
    out = io.BytesIO()
    image = Image.new("RGB", (8, 8), (200, 30, 30))
    exif = Image.Exif()
    if gps:
        exif[0x8825] = {2: (55.0, 43.0, 30.0), 1: "N", 4: (12.0, 21.0, 0.0), 3: "E"}  # GPSInfo
        exif[0x010E] = "Helle Kristensens barn"  # ImageDescription: a name
    image.save(out, "JPEG", exif=exif.tobytes() if gps else b"")
    return out.getvalue() + extra
def media_svg_with_script(p):
    return [_write(p, "content/assets/billeder/logo.svg", f'<svg xmlns="http://www.w3.org/2000/svg" onload="{PWN}"/>')]
def media_html_named_png(p):
    return [_write(p, "content/assets/billeder/foto.png", f"<html><script>{PWN}</script></html>")]
def media_pdf_named_jpg(p): return [_write(p, "content/assets/billeder/foto.jpg", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n")]
def media_png_named_jpg(p): return [_write(p, "content/assets/billeder/foto.jpg", png())]
def media_upper_case_name(p): return [_write(p, "content/assets/billeder/Foto 1.JPG", _jpeg())]
def media_in_subfolder(p): return [_write(p, "content/assets/billeder/gamle/foto.jpg", _jpeg())]
def media_polyglot(p):
    return [_write(p, "content/assets/billeder/polyglot.jpg", _jpeg(f"<html><script>{PWN}</script></html>".encode()))]
def media_with_gps(p): return [_write(p, "content/assets/billeder/med-gps.jpg", _jpeg(gps=True))]
def media_bomb(p):  # a PNG header claiming 100 000 x 100 000 pixels, in a few hundred bytes
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    head = chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0))
    return [_write(p, "content/assets/billeder/bombe.png", b"\x89PNG\r\n\x1a\n" + head
                   + chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + chunk(b"IEND", b""))]
def site_code_in_content(p): return [_write(p, "content/evil.js", f"{PWN}\n")]
def html_page_in_content(p): return [_write(p, "content/om.html", f"<script>{PWN}</script>\n")]


# The editor's settings (cms.yml): where it saves and who signs HR in.
GOOD_CMS = "repo: ballerup/jobsite\nbranch: main\n"
def cms_good(p): return [_write(p, "cms.yml", GOOD_CMS + "base_url: https://jobsite-auth.example.dk\n")]
def cms_http_sign_in(p): return [_write(p, "cms.yml", GOOD_CMS + "base_url: http://evil.example\n")]
def cms_repo_elsewhere(p): return [_write(p, "cms.yml", "repo: 'https://evil.example/x'\nbranch: main\n")]
def cms_branch_injection(p): return [_write(p, "cms.yml", "repo: ballerup/jobsite\nbranch: 'main\" onload=\"x'\n")]
def cms_unknown_key(p): return [_write(p, "cms.yml", GOOD_CMS + "auth_type: implicit\n")]
def cms_alias(p): return [_write(p, "cms.yml", "repo: &r ballerup/jobsite\nbranch: *r\n")]
def cms_symlink(p): return _symlink(p, "cms.yml", _outside(p, "cms.yml", GOOD_CMS))


# File names: every name becomes a web address, so names are ids (kinds.py).
def leaflet_javascript_name(p): return [_write(p, "content/foldere/javascript:alert(1)%2F%2F.md", GOOD[LEAFLET])]
def leaflet_fragment_name(p): return [_write(p, "content/foldere/navn#kopi.md", GOOD[LEAFLET])]
def leaflet_nfd_name(p): return [_write(p, "content/foldere/cafe\u0301.md", GOOD[LEAFLET])]
def posting_space_name(p): return [_write(p, "jobs/ny stilling.yml", GOOD[POSTING])]
def posting_case_twin(p):
    return [_write(p, "jobs/ny.yml", GOOD[POSTING]), _write(p, "jobs/ny.yaml", GOOD[POSTING])]
def page_named_like_a_section(p): return [_write(p, "content/job.md", "# Job\n")]


def leaflet_crlf(p):
    return [_write(p, "content/foldere/leaflet-crlf.md", GOOD[LEAFLET].replace("\n", "\r\n"))]
ODD_NAME = f'x" onmouseover="{PWN}" <svg onload={PWN}>'
def leaflet_odd_file_name(p): return [_write(p, f"content/foldere/{ODD_NAME}.md", GOOD[LEAFLET])]
def leaflet_root_relative_image(p):
    _write(p, "content/foldere/foto.png", png())
    return [_write(p, "content/foldere/leaflet-image-root-relative.md", GOOD[LEAFLET].replace(
        "Ressourcegrupperne skal skabe", "![Et foto](/foldere/foto.png) Ressourcegrupperne skal skabe"))]
def leaflet_relative_image(p):
    _write(p, "content/foldere/foto.png", png())
    return [_write(p, "content/foldere/leaflet-image-relative.md", GOOD[LEAFLET].replace(
        "Ressourcegrupperne skal skabe", "![Et foto](../foto.png) Ressourcegrupperne skal skabe"))]


# Anchors in the good files that the edits below write next to.
P_TITLE = "title: Pædagog til Børnehuset Stjernehuset"
P_INTRO = "intro: |\n  Vi søger en pædagog.\n"
P_CONTACTS = "contacts:\n"
L_PARAGRAPH = "Ressourcegrupperne skal skabe rammer"  # line 24 of the leaflet
L_HEADING = "### Formål\n"  # line 22
L_LIST_INTRO = "Fællestrækkene for ressourcegrupperne er:\n"  # line 32
L_FIRST = "Denne folder beskriver ressourcegrupper i Haderslev Kommune, som er et tilbud til børn med behov for en særlig indsats. I"  # line 16


def sections(heading: str, text: str) -> Edit:
    """The good posting with one section (heading on line 20, text on line 21) before its contacts."""
    return Edit(P_CONTACTS, f"sections:\n  - heading: {heading}\n    text: {text}\n{P_CONTACTS}")


CASES: list[Case] = [
    # ---- postings: every text field, every class --------------------------------------------------------
    Case("posting-title-markup", POSTING, "markup", Edit(P_TITLE, "title: Pædagog <b>fed</b>"),
         Refused(3, "HTML (<b>) er ikke tilladt", "title")),
    Case("posting-title-control-character", POSTING, "invisible", Edit(P_TITLE, 'title: "Pædagog\\x07 til os"'),
         Refused(3, "usynligt tegn U+0007 (kontroltegn)", "title")),
    Case("posting-summary-attribute-list", POSTING, "attribute list",
         Edit(P_INTRO, f"summary: 'En god stilling {{: onclick={PWN} }}'\n{P_INTRO}"),
         Refused(17, "krøllede parenteser", "summary")),
    Case("posting-intro-script", POSTING, "markup",
         Edit(P_INTRO, f"intro: |\n  Vi søger en pædagog.\n  <script>{PWN}</script>\n"),
         Refused(17, "HTML (<script>)", "intro")),
    Case("posting-intro-entity-encoded-javascript", POSTING, "link",
         Edit(P_INTRO, f"intro: |\n  Vi søger [en pædagog](java&#115;cript:{PWN}).\n"),
         Refused(17, "linket 'java&#115;cript:", "intro")),
    Case("posting-intro-protocol-relative-link", POSTING, "link",
         Edit(P_INTRO, "intro: |\n  Vi søger en pædagog. [Søg stillingen her](//evil.example/apply)\n"),
         Refused(17, "går til et andet website", "intro")),
    Case("posting-intro-escaped-protocol-relative-link", POSTING, "link",
         Edit(P_INTRO, "intro: |\n  Vi søger en pædagog. [Søg](\\/\\/evil.example/apply)\n"),
         Refused(17, "linket", "intro")),
    Case("posting-apply-url-percent-host", POSTING, "value",
         Edit("  url: https://ballerup.dk/job", "  url: https://job.ballerup.dk%0A%0A%23%20godkendt%0A/job"),
         Refused(24, "%-koder", "apply.url")),
    Case("org-about-protocol-relative-link", ORGANISATIONS, "link",
         Edit("            Distrikt Baltorp ligger", "            [Søg her](//evil.example/apply) Distrikt Baltorp ligger"),
         Refused(32, "går til et andet website", "kommuner[1].units[1].about.text")),
    Case("leaflet-body-protocol-relative-link", LEAFLET, "link",
         Edit(L_PARAGRAPH, f"[Tilmeld dig](//evil.example/x) {L_PARAGRAPH}"),
         Refused(24, "går til et andet website")),
    Case("leaflet-body-one-long-word", LEAFLET, "markdown bomb",
         Edit(L_PARAGRAPH, "ressourcepædagog" * 9000 + f" {L_PARAGRAPH}"),
         Refused(24, "tegn i træk uden mellemrum")),
    Case("posting-title-one-long-word", POSTING, "markdown bomb", Edit(P_TITLE, "title: " + "Pædagog" * 60),
         Refused(3, "tegn i træk uden mellemrum", "title")),
    Case("leaflet-body-mailto-bcc", LEAFLET, "value",
         Edit(L_PARAGRAPH, f"[Skriv til os](mailto:pladser@haderslev.dk?bcc=kopi@evil.example) {L_PARAGRAPH}"),
         Refused(24, "bcc")),
    Case("leaflet-body-mailto-two-recipients", LEAFLET, "value",
         Edit(L_PARAGRAPH, f"<mailto:pladser@haderslev.dk,kopi@evil.example> {L_PARAGRAPH}"),
         Refused(24, "flere modtagere")),
    Case("posting-intro-data-link", POSTING, "link",
         Edit(P_INTRO, "intro: |\n  Vi søger [en pædagog](data:text/html;base64,PHNjcmlwdD4=).\n"),
         Refused(17, "linket 'data:text/html", "intro")),
    Case("posting-intro-external-image", POSTING, "image",
         Edit(P_INTRO, "intro: |\n  Vi søger en pædagog. ![](https://tracker.example/p.gif)\n"),
         Refused(17, "ligger på et andet website", "intro")),
    Case("posting-intro-protocol-relative-image", POSTING, "image",
         Edit(P_INTRO, "intro: |\n  Vi søger en pædagog. ![x](//tracker.example/p.gif)\n"),
         Refused(17, "billedet '//tracker.example/p.gif'", "intro")),
    Case("posting-intro-deep-indent", POSTING, "indent",
         Edit(P_INTRO, "intro: |\n  Vi søger en pædagog.\n\n                 - fjortende niveau\n"),
         Refused(17, "rykket mere end 12 mellemrum ind", "intro")),
    Case("posting-intro-one-line-nested-lists", POSTING, "markdown bomb",
         Edit(P_INTRO, f"intro: |\n  Vi søger en pædagog.\n\n  {ONE_LINE_LISTS}\n"),
         Refused(17, "niveau", "intro")),
    Case("posting-section-heading-invisible", POSTING, "invisible", sections('"Om os\\u200b"', "Tekst."),
         Refused(20, "usynligt tegn U+200B (nulbredde-mellemrum)", "sections[1].heading")),
    Case("posting-section-text-svg", POSTING, "markup", sections("Om os", f"'<svg/onload={PWN}>'"),
         Refused(21, "HTML (<svg/onload=window.__pwned=1>)", "sections[1].text")),
    Case("posting-contact-name-bidi", POSTING, "invisible",
         Edit("  - name: Helle Kristensen", '  - name: "Helle \\u202eKristensen"'),
         Refused(20, "U+202E (retningsmarkør)", "contacts[1].name")),
    Case("posting-apply-text-javascript", POSTING, "link",
         Edit("  url: https://ballerup.dk/job\n", f"  url: https://ballerup.dk/job\n  text: '[Søg her](javascript:{PWN})'\n"),
         Refused(25, "linket 'javascript:", "apply.text")),
    Case("posting-link-url-vbscript", POSTING, "link", Edit("    url: /vaer-med/", "    url: vbscript:msgbox(1)"),
         Refused(27, "er ikke en webadresse", "links[1].url")),
    Case("posting-link-text-markup", POSTING, "markup", Edit("  - text: Læs om arbejdet", f"  - text: <a href=x>Læs</a>"),
         Refused(26, "HTML (<a href=x>)", "links[1].text")),
    Case("posting-interview-label-img", POSTING, "markup",
         Edit("  - label: 1. samtale", f"  - label: '<img/src=x onerror={PWN}>'"),
         Refused(12, "HTML (<img/src=x onerror=window.__pwned=1>)", "interviews[1].label")),
    Case("posting-job-type-script", POSTING, "value", Edit("hours: 37", f"hours: 37\njob_type: '<script>{PWN}</script>'"),
         Refused(6, "er ikke en af de tilladte værdier", "job_type")),
    Case("posting-working-periods-markup", POSTING, "value",
         Edit("hours: 37", "hours: 37\nworking_periods: [dag, '<b>nat</b>']"),
         Refused(6, "er ikke en af de tilladte værdier", "working_periods[2]")),
    Case("posting-yaml-anchor", POSTING, "yaml", Edit(P_TITLE, "title: &t Pædagog til Børnehuset Stjernehuset"),
         Refused(3, "& og * først i en værdi", "title")),
    Case("posting-yaml-alias", POSTING, "yaml", Edit("workplace: stjernehuset", "workplace: *t"),
         Refused(4, "& og * først i en værdi")),
    Case("posting-yaml-python-tag", POSTING, "yaml",
         Edit(P_TITLE, 'title: !!python/object/apply:os.system ["touch /tmp/pwned"]'),
         Refused(3, "YAML-mærket !!python/object/apply:os.system er ikke tilladt", "title")),
    Case("posting-billion-laughs", POSTING, "yaml bomb", Edit(P_TITLE, LAUGHS + P_TITLE),
         Refused(3, "& og * først i en værdi", "l0")),
    Case("posting-1000-levels", POSTING, "nesting", Edit("hours: 37", f"hours: {DEEP}"),
         Refused(5, "mere end 12 niveauer", "hours")),
    Case("posting-hours-zero", POSTING, "number", Edit("hours: 37", "hours: 0"),
         Refused(5, "skal være mindst 1", "hours")),
    Case("posting-hours-61", POSTING, "number", Edit("hours: 37", "hours: 61"),
         Refused(5, "må højst være 60", "hours")),
    Case("posting-hours-infinite", POSTING, "number", Edit("hours: 37", "hours: 1e999"),
         Refused(5, "skal være", "hours")),
    Case("posting-positions-101", POSTING, "number", Edit("hours: 37", "hours: 37\npositions: 101"),
         Refused(6, "må højst være 100", "positions")),
    Case("posting-positions-huge-integer", POSTING, "number", Edit("hours: 37", "hours: 37\npositions: " + "9" * 5000),
         Refused(6, "ugyldig værdi", "positions")),
    Case("posting-published-year-1", POSTING, "date", Edit("published: 2026-01-01", "published: 0001-01-01"),
         Refused(9, "0001-01-01 ligger uden for årene 2000-2100", "published")),
    Case("posting-deadline-year-9999", POSTING, "date", Edit("deadline: 2026-01-31", "deadline: 9999-12-31"),
         Refused(10, "9999-12-31 ligger uden for årene 2000-2100", "deadline")),
    Case("posting-employment-end-before-start", POSTING, "date order",
         (Edit("employment: fast", "employment: tidsbegrænset\nemployment_end: 2026-02-01"),
          Edit("  asap: true", "  date: 2026-03-01")),
         Refused(7, "slutdatoen ligger før tiltrædelsen", "employment_end")),
    # ---- organisations -------------------------------------------------------------------------------------
    Case("org-name-script", ORGANISATIONS, "markup",
         Edit("name: Børnehuset Stjernehuset", f"name: Børnehuset <script>{PWN}</script>"),
         Refused(43, "HTML (<script>)", "kommuner[1].units[1].units[1].name")),
    Case("org-about-title-attribute-list", ORGANISATIONS, "attribute list",
         Edit("title: Hvem er vi", f"title: 'Hvem er vi {{: onclick={PWN} }}'"),
         Refused(31, "krøllede parenteser", "kommuner[1].units[1].about.title")),
    Case("org-about-text-javascript", ORGANISATIONS, "link",
         Edit("            Distrikt Baltorp ligger", f"            [Læs mere](javascript:{PWN}) Distrikt Baltorp ligger"),
         Refused(32, "linket 'javascript:", "kommuner[1].units[1].about.text")),
    Case("org-about-text-iframe", ORGANISATIONS, "markup",
         Edit("        Aarhus Kommune er en af", f"        <iframe src=javascript:{PWN}></iframe> Aarhus Kommune er en af"),
         Refused(55, "HTML (<iframe src=javascript:window.__pwned=1>)", "kommuner[2].about.text")),
    Case("org-about-text-external-image", ORGANISATIONS, "image",
         Edit("            I Midtbyens Dagtilbud er vi", "            ![](https://tracker.example/p.gif) I Midtbyens Dagtilbud er vi"),
         Refused(68, "ligger på et andet website", "kommuner[2].units[1].about.text")),
    Case("org-address-street-invisible", ORGANISATIONS, "invisible",
         Edit("street: Hold-an Vej 7", 'street: "Hold-an Vej\\u200b 7"'),
         Refused(17, "U+200B", "kommuner[1].address.street")),
    Case("org-address-city-control-character", ORGANISATIONS, "invisible",
         Edit("          city: Aarhus", '          city: "Aarhus\\x07"'),
         Refused(64, "kontroltegn", "kommuner[2].units[1].address.city")),
    Case("org-address-postal-code-markup", ORGANISATIONS, "markup",
         Edit('      postal_code: "2750"', "      postal_code: '<b>2750</b>'"),
         Refused(18, "HTML (<b>) er ikke tilladt", "kommuner[1].address.postal_code")),
    Case("org-reserved-id", ORGANISATIONS, "reserved id", Edit("  - id: haderslev", "  - id: index"),
         Refused(79, "id 'index' er reserveret", "kommuner[3].id")),
    Case("org-yaml-anchor", ORGANISATIONS, "yaml", Edit("name: Distrikt Baltorp", "name: &navn Distrikt Baltorp"),
         Refused(27, "& og * først i en værdi")),
    Case("org-yaml-python-tag", ORGANISATIONS, "yaml",
         Edit("website: https://ballerup.dk", "website: !!python/object/new:os.system [echo]"),
         Refused(20, "YAML-mærket !!python/object/new:os.system er ikke tilladt")),
    Case("org-billion-laughs", ORGANISATIONS, "yaml bomb", Edit("kommuner:\n", LAUGHS + "kommuner:\n"),
         Refused(12, "& og * først i en værdi")),
    Case("org-1000-levels", ORGANISATIONS, "nesting", Edit("          city: Aarhus", f"          city: {DEEP}"),
         Refused(64, "mere end 12 niveauer")),
    # ---- roles ---------------------------------------------------------------------------------------------
    Case("role-name-markup", ROLES, "markup", Edit("    name: Pædagog\n", "    name: Pædagog <b>\n"),
         Refused(9, "HTML (<b>)", "roles[1].name")),
    Case("role-intro-iframe", ROLES, "markup",
         Edit("    name: Pædagog\n", f"    name: Pædagog\n    intro: |\n      <iframe src=javascript:{PWN}>\n"),
         Refused(10, "HTML (<iframe", "roles[1].intro")),
    Case("role-statement-control-character", ROLES, "invisible",
         Edit("text: Du arbejder engageret og selvstændigt", 'text: "Du arbejder\\x07 engageret"'),
         Refused(17, "kontroltegn", "areas[1].rows[1][1].text")),
    Case("role-area-title-attribute-list", ROLES, "attribute list",
         Edit("  - title: Personlige kompetencer og forpligtelser",
              f"  - title: 'Personlige kompetencer {{: onclick={PWN} }}'"),
         Refused(15, "krøllede parenteser", "areas[1].title")),
    Case("role-source-note-reference-javascript", ROLES, "link",
         Edit("source_note: |\n", f"source_note: |\n  Se [kilden][k].\n\n  [k]: javascript:{PWN}\n\n"),
         Refused(156, "linket 'javascript:", "source_note")),
    Case("role-reserved-id", ROLES, "reserved id", Edit("  - id: paedagogisk-medhjaelper", "  - id: index"),
         Refused(12, "id 'index' kan ikke bruges", "roles[3].id")),
    Case("role-id-taken-by-hand-written-page", LAYOUT, "generated page", role_page_written_by_hand,
         Refused(8, "ville falde sammen med content/stillingsbeskrivelser/paedagog.md", "roles[1].id",
                 file="data/roles.yml")),
    Case("role-yaml-alias", ROLES, "yaml", Edit("kommune: ballerup", "kommune: *k"),
         Refused(5, "& og * først i en værdi")),
    Case("role-billion-laughs", ROLES, "yaml bomb", Edit("kommune: ballerup\n", LAUGHS + "kommune: ballerup\n"),
         Refused(5, "& og * først i en værdi")),
    Case("role-1000-levels", ROLES, "nesting", Edit("    name: Pædagog\n", f"    name: {DEEP}\n"),
         Refused(9, "mere end 12 niveauer")),
    # ---- leaflets: front matter ----------------------------------------------------------------------------
    Case("leaflet-title-script", LEAFLET, "markup",
         Edit("title: Ressourcegrupper i daginstitutioner", f"title: Ressourcegrupper <script>{PWN}</script>"),
         Refused(2, "HTML (<script>)", "title")),
    Case("leaflet-tagline-attribute-list", LEAFLET, "attribute list",
         Edit("tagline: Et tilbud", f"tagline: 'Et tilbud {{: onclick={PWN} }}'\n#"),
         Refused(3, "krøllede parenteser", "tagline")),
    Case("leaflet-summary-invisible", LEAFLET, "invisible",
         Edit("summary: Denne folder", 'summary: "Denne\\u200b folder"\n#'),
         Refused(7, "U+200B", "summary")),
    Case("leaflet-contact-name-markup", LEAFLET, "markup",
         Edit("  name: Haderslev Kommune", f"  name: '<img/src=x onerror={PWN}>'"),
         Refused(10, "HTML (<img/src=x onerror=window.__pwned=1>)", "contact.name")),
    Case("leaflet-contact-website-javascript", LEAFLET, "link",
         Edit("  website: https://www.haderslev.dk", f"  website: javascript:{PWN}"),
         Refused(11, "er ikke en webadresse", "contact.website")),
    Case("leaflet-updated-year-9999", LEAFLET, "date", Edit("updated: 2026-11-01", "updated: 9999-12-31"),
         Refused(8, "9999-12-31 ligger uden for årene 2000-2100", "updated")),
    Case("leaflet-front-matter-anchor", LEAFLET, "yaml", Edit("topic: Ressourcegrupper", "topic: &emne Ressourcegrupper"),
         Refused(5, "& og * først i en værdi")),
    Case("leaflet-front-matter-billion-laughs", LEAFLET, "yaml bomb", Edit("---\ntitle:", "---\n" + LAUGHS + "title:"),
         Refused(2, "& og * først i en værdi")),
    Case("leaflet-front-matter-1000-levels", LEAFLET, "nesting", Edit("topic: Ressourcegrupper", f"topic: {DEEP}"),
         Refused(5, "mere end 12 niveauer")),
    Case("leaflet-front-matter-python-tag", LEAFLET, "yaml",
         Edit("audience: Forældre til børn i dagtilbud", "audience: !!python/name:os.system"),
         Refused(6, "YAML-mærket !!python/name:os.system er ikke tilladt")),
    # ---- leaflets: language and translation (issue 26): the tag lands in lang= and dir=, the id in a link --
    Case("leaflet-language-breaks-out-of-its-attribute", LEAFLET, "markup",
         Edit("updated: 2026-11-01", f"updated: 2026-11-01\nlanguage: 'ar\" onmouseover=\"{PWN}'"),
         Refused(9, "er ikke en sprogkode", "language")),
    Case("leaflet-language-script", LEAFLET, "markup",
         Edit("updated: 2026-11-01", f"updated: 2026-11-01\nlanguage: '\"><script>{PWN}</script>'"),
         Refused(9, "er ikke en sprogkode", "language")),
    Case("leaflet-language-direction-override", LEAFLET, "invisible",
         Edit("updated: 2026-11-01", 'updated: 2026-11-01\nlanguage: "ar\\u202e"'),
         Refused(9, "U+202E", "language")),
    Case("leaflet-language-unknown", LEAFLET, "value", Edit("updated: 2026-11-01", "updated: 2026-11-01\nlanguage: xx"),
         Refused(9, "ukendt sprog 'xx'", "language")),
    Case("leaflet-translation-of-markup", LEAFLET, "markup",
         Edit("updated: 2026-11-01", f"updated: 2026-11-01\nlanguage: en\ntranslation_of: '<img/src=x onerror={PWN}>'"
                                     "\nsource_updated: 2026-11-01"),
         Refused(10, "må kun indeholde små bogstaver", "translation_of")),
    Case("leaflet-translation-of-path", LEAFLET, "path",
         Edit("updated: 2026-11-01", "updated: 2026-11-01\nlanguage: en\ntranslation_of: ../../../etc/passwd"
                                     "\nsource_updated: 2026-11-01"),
         Refused(10, "må kun indeholde små bogstaver", "translation_of")),
    Case("leaflet-translation-of-itself", LEAFLET, "value",
         Edit("updated: 2026-11-01", "updated: 2026-11-01\nlanguage: en\ntranslation_of: leaflet-translation-of-itself"
                                     "\nsource_updated: 2026-11-01"),
         Refused(10, "kan ikke være en oversættelse af sig selv", "translation_of")),
    Case("leaflet-source-updated-year-9999", LEAFLET, "date",
         Edit("updated: 2026-11-01", "updated: 2026-11-01\nlanguage: en\ntranslation_of: ressourcegrupper-haderslev"
                                     "\nsource_updated: 9999-12-31"),
         Refused(11, "9999-12-31 ligger uden for årene 2000-2100", "source_updated")),
    Case("leaflet-translation-named-by-its-language", LEAFLET, "value",
         Edit("updated: 2026-11-01", "updated: 2026-11-01\nlanguage: en\ntranslation_of: ressourcegrupper-haderslev"
                                     "\nsource_updated: 2026-11-01"),
         Clean(Shown("foldere/ressourcegrupper-haderslev/", "//nav[@class='jobsite-languages']//a[@hreflang='en']",
                     "English"),
               Shown("foldere/{id}/", "//div[@class='jobsite-leaflet'][@lang='en']/nav//a[@hreflang='da']", "Dansk"),
               Shown("foldere/", "//ul[@class='jobsite-leaflets__languages']//a[@hreflang='en']", "English"))),
    # ---- leaflets: body ------------------------------------------------------------------------------------
    Case("leaflet-body-script", LEAFLET, "markup", Edit(L_PARAGRAPH, f"<script>{PWN}</script> {L_PARAGRAPH}"),
         Refused(24, "HTML (<script>)")),
    Case("leaflet-body-iframe", LEAFLET, "markup",
         Edit("Dette sker ved, at der på", f'<iframe srcdoc="<script>{PWN}</script>"></iframe> Dette sker ved, at der på'),
         Refused(26, "HTML (<iframe srcdoc=")),
    Case("leaflet-body-img-onerror", LEAFLET, "markup",
         Edit("Ressourcegrupperne er beliggende", f"<img/src=x onerror={PWN}> Ressourcegrupperne er beliggende"),
         Refused(30, "HTML (<img/src=x onerror=window.__pwned=1>)")),
    Case("leaflet-body-svg-onload", LEAFLET, "markup", Edit(L_FIRST, f"<svg/onload={PWN}> {L_FIRST}"),
         Refused(16, "HTML (<svg/onload=window.__pwned=1>)")),
    Case("leaflet-body-comment", LEAFLET, "markup", Edit(L_PARAGRAPH, f"<!-- jobsite:rolletabel --> {L_PARAGRAPH}"),
         Refused(24, "HTML (<!-- jobsite:rolletabel -->)")),
    Case("leaflet-body-attribute-list-after-paragraph", LEAFLET, "attribute list",
         Edit(L_LIST_INTRO, f'{L_LIST_INTRO}{{: onclick="{PWN}" }}\n'),
         Refused(33, "krøllede parenteser")),
    Case("leaflet-body-attribute-list-on-heading", LEAFLET, "attribute list",
         Edit(L_HEADING, f"### Formål {{: onclick={PWN} }}\n"),
         Refused(22, "krøllede parenteser")),
    Case("leaflet-body-attribute-list-after-link", LEAFLET, "attribute list",
         Edit(L_FIRST, f"[Haderslev](https://www.haderslev.dk){{: onmouseover={PWN} }} {L_FIRST}"),
         Refused(16, "krøllede parenteser")),
    Case("leaflet-body-javascript-link", LEAFLET, "link",
         Edit("Ressourcegrupperne er etablerede", f"[Læs mere](javascript:{PWN}) Ressourcegrupperne er etablerede"),
         Refused(18, "linket 'javascript:")),
    Case("leaflet-body-reference-javascript", LEAFLET, "link",
         Edit(L_HEADING, f"{L_HEADING}\n[Læs mere][r]\n\n[r]: javascript:{PWN}\n"),
         Refused(26, "linket 'javascript:")),
    Case("leaflet-body-vbscript-link", LEAFLET, "link",
         Edit(L_PARAGRAPH, f"[Læs mere](VBScript:msgbox(1)) {L_PARAGRAPH}"),
         Refused(24, "linket 'VBScript:msgbox(1")),
    Case("leaflet-body-external-image", LEAFLET, "image",
         Edit(L_PARAGRAPH, f"![](https://tracker.example/p.gif) {L_PARAGRAPH}"),
         Refused(24, "ligger på et andet website")),
    Case("leaflet-body-attachment-link", LEAFLET, "markup",
         Edit("Der er desuden et tæt", "<a rel=attachment href=file:///etc/passwd>bilag</a> Der er desuden et tæt"),
         Refused(38, "HTML (<a rel=attachment href=file:///etc/passwd>)")),
    Case("leaflet-body-file-link", LEAFLET, "link",
         Edit("Der er desuden et tæt", "[bilag](file:///etc/passwd) Der er desuden et tæt"),
         Refused(38, "linket 'file:///etc/passwd'")),
    Case("leaflet-body-bidi", LEAFLET, "invisible", Edit(L_PARAGRAPH, "\u202e" + L_PARAGRAPH),
         Refused(24, "U+202E (retningsmarkør)")),
    Case("leaflet-body-deep-indent", LEAFLET, "indent",
         Edit("- At støjniveauet er afdæmpet.", "- At støjniveauet er afdæmpet.\n\n" + " " * 16 + "- dybt"),
         Refused(37, "rykket mere end 12 mellemrum ind")),
    Case("leaflet-body-image-from-the-build-machine", LEAFLET, "image",
         Edit(L_PARAGRAPH, f"![x](/etc/passwd) {L_PARAGRAPH}"),
         Refused(24, "billede")),
    Case("leaflet-body-one-line-nested-numbers", LEAFLET, "markdown bomb",
         Edit(L_PARAGRAPH, f"{ONE_LINE_NUMBERED}\n\n{L_PARAGRAPH}"),
         Refused(24, "niveau")),
    # ---- folder layout -------------------------------------------------------------------------------------
    Case("posting-upper-case-extension", LAYOUT, "unread file", posting_upper_case_extension,
         Refused(1, "filen læses ikke", file="jobs/ny.YML")),
    Case("posting-text-file", LAYOUT, "unread file", posting_text_extension,
         Refused(1, "filen læses ikke", file="jobs/ny.txt")),
    Case("posting-in-subfolder", LAYOUT, "unread file", posting_in_subfolder,
         Refused(1, "filer i en undermappe læses ikke", file="jobs/gamle/ny.yml")),
    Case("posting-symlink", LAYOUT, "symlink", posting_symlink,
         Refused(1, "symbolsk link", file="jobs/genvej.yml")),
    Case("posting-symlink-to-etc-passwd", LAYOUT, "symlink", posting_symlink_to_system_file,
         Refused(1, "symbolsk link", file="jobs/passwd.yml")),
    Case("posting-reserved-file-name", LAYOUT, "reserved id", posting_reserved_name,
         Refused(1, "navnet er reserveret", file="jobs/arkiv.yml")),
    Case("jobs-folder-symlink", LAYOUT, "symlink", jobs_folder_symlink, Refused(1, "symbolsk link", file="jobs")),
    Case("data-extra-file", LAYOUT, "unread file", data_extra_file, Refused(1, "læses", file="data/ekstra.yml")),
    Case("data-upper-case-file", LAYOUT, "unread file", data_upper_case,
         Refused(1, "læses", file="data/Organisations.YML")),
    Case("organisations-symlink", LAYOUT, "symlink", organisations_symlink,
         Refused(1, "symbolsk link", file="data/organisations.yml")),
    Case("leaflet-upper-case-extension", LAYOUT, "unread file", leaflet_upper_case_extension,
         Refused(1, "filen læses ikke", file="content/foldere/ny.MD")),
    Case("leaflet-html-file", LAYOUT, "unread file", leaflet_html_file,
         Refused(1, "Websider og kode tages ikke imod", file="content/foldere/ny.html")),
    Case("leaflet-svg-picture", LAYOUT, "unread file", leaflet_svg_picture,
         Refused(1, "SVG-tegninger tages ikke imod", file="content/foldere/logo.svg")),
    Case("leaflet-in-subfolder", LAYOUT, "unread file", leaflet_in_subfolder,
         Refused(1, "filer i en undermappe læses ikke", file="content/foldere/gamle/ny.md")),
    Case("leaflet-symlink", LAYOUT, "symlink", leaflet_symlink,
         Refused(1, "symbolsk link", file="content/foldere/genvej.md")),
    Case("leaflet-picture-symlink", LAYOUT, "symlink", leaflet_picture_symlink,
         Refused(1, "symbolsk link", file="content/foldere/foto.png")),
    Case("leaflet-index-by-hand", LAYOUT, "generated page", leaflet_index_by_hand,
         Refused(1, "siden laves af generatoren", file="content/foldere/index.md")),
    Case("job-page-by-hand", LAYOUT, "generated page", job_page_by_hand,
         Refused(1, "siden laves af generatoren", file="content/job/ny.md")),
    Case("leaflet-readme", LAYOUT, "generated page", leaflet_readme,
         Refused(1, "generatoren", file="content/foldere/README.md")),
    Case("leaflet-hidden-file", LAYOUT, "unread file", leaflet_hidden,
         Refused(1, "læses ikke", file="content/foldere/.skjult.md")),
    Case("symlink-elsewhere-in-content", LAYOUT, "symlink", symlink_elsewhere_in_content,
         Refused(1, "symbolsk link", file="content/assets/logo.png")),
    # ---- accepted, and shown as the text that was written ------------------------------------------------
    Case("posting-title-entities", POSTING, "text",
         Edit(P_TITLE, "title: 'Pædagog &lt;b&gt;fed&lt;/b&gt; når a < 5 og b > 3 \"x\" & co'"),
         Clean(*title_everywhere('Pædagog &lt;b&gt;fed&lt;/b&gt; når a < 5 og b > 3 "x" & co'))),
    Case("posting-summary-entities", POSTING, "text",
         Edit(P_INTRO, f"summary: '&lt;img src=x onerror={PWN}&gt; og \"citat\" & mere'\n{P_INTRO}"),
         Clean(Shown("job/{id}/", "//meta[@name='description']/@content", f'&lt;img src=x onerror={PWN}&gt; og "citat" & mere'),
               Shown("job/{id}/", "//meta[@property='og:description']/@content", f"&lt;img src=x onerror={PWN}&gt;"))),
    Case("posting-intro-entities", POSTING, "text",
         Edit(P_INTRO, f"intro: |\n  Vi søger &lt;script&gt;{PWN}&lt;/script&gt; og &#60;svg onload={PWN}&#62;, a < 5.\n"),
         Clean(Shown("job/{id}/", "//div[@class='jobsite-text']/p",
                     f"Vi søger <script>{PWN}</script> og <svg onload={PWN}>, a < 5."),
               Absent("job/{id}/", "//article//script | //article//svg[@onload]"))),
    Case("posting-section-heading-markdown", POSTING, "text",
         sections(f"'**Ikke fed** [ikke et link](https://x.example/{PWN}) # {{ikke'", "Tekst."),
         Clean(Shown("job/{id}/", "//h2", f"**Ikke fed** [ikke et link](https://x.example/{PWN}) # {{ikke"),
               Absent("job/{id}/", "//article//h2//a | //article//strong[.='Ikke fed']"))),
    Case("posting-contact-quotes", POSTING, "text",
         Edit("  - name: Helle Kristensen", "  - name: 'Helle \"Kris\" O''Neil & Co &lt;b&gt;'\n    title: 'leder; 37 t, \\ a < 5'"),
         Clean(Shown("job/{id}/", "//aside//dd/ul/li", "Helle \"Kris\" O'Neil & Co &lt;b&gt;, leder; 37 t, \\ a < 5"))),
    # Jobnet's fields (generator/jobnet.py): the export and the preview's sheet take them from the model.
    Case("posting-jobnet-fields-text", POSTING, "text",
         (Edit("  - name: Helle Kristensen", "  - name: 'Helle &lt;img src=x onerror=window.__pwned=1&gt; & \"K\"'"
                                            "\n    title: 'leder&lt;/td&gt; a < b'"),
          Edit("hours: 37", "hours: 37\njob_type: fleksjob\nworking_periods: [aften, Weekend]")),
         Clean(InJobnet(("contact", "name"), f'Helle &lt;img src=x onerror={PWN}&gt; & "K"'),
               InJobnet(("contact", "title"), "leder&lt;/td&gt; a < b"), InJobnet(("job_type",), "flexjob"),
               InJobnet(("working_periods",), ["evening", "weekend"]))),
    Case("posting-interview-label-entities", POSTING, "text",
         Edit("  - label: 1. samtale", "  - label: '1. samtale &lt;i&gt; når a < 5'"),
         Clean(Shown("job/{id}/", "//aside//dt", "1. samtale &lt;i&gt; når a < 5"))),
    Case("posting-link-text-markdown", POSTING, "text",
         Edit("  - text: Læs om arbejdet", "  - text: '[ikke](et link) *ikke kursiv* &lt;b&gt;'"),
         Clean(Shown("job/{id}/", "//article//li/a", "[ikke](et link) *ikke kursiv* &lt;b&gt;"))),
    Case("posting-apply-text-tab-in-javascript", POSTING, "link",
         Edit("  url: https://ballerup.dk/job\n", f'  url: https://ballerup.dk/job\n  text: "[Søg her](java\\tscript:{PWN})"\n'),
         Refused(25, "linket 'java\\tscript:", "apply.text")),
    Case("posting-intro-image-with-space", POSTING, "image",
         Edit(P_INTRO, "intro: |\n  Vi søger en pædagog. ![spor](< //tracker.example/p.gif>)\n"),
         Refused(17, "ligger på et andet website", "intro")),
    Case("posting-edge-numbers-and-dates", POSTING, "number",
         (Edit("hours: 37", "hours: 60\npositions: 100"), Edit("published: 2026-01-01", "published: 2000-01-01"),
          Edit("deadline: 2026-01-31", "deadline: 2100-12-31"), Edit("    date: 2026-02-03", "    date: 2100-12-31")),
         Clean(Shown("job/{id}/", "//aside//dd", "100 stillinger"),
               Shown("job/{id}/", "//aside//dd/time/@datetime", "2100-12-31"))),
    Case("posting-everything", POSTING, "text",
         (Edit(P_TITLE, f"title: 'Alt på én gang &lt;script&gt;{PWN}&lt;/script&gt; a < 5'"),
          Edit(P_INTRO, f"summary: '&lt;svg onload={PWN}&gt;'\nintro: |\n"
                        f"  Vi søger &lt;script&gt;{PWN}&lt;/script&gt; og [en kollega](https://www.ballerup.dk/ \"\\\"onmouseover={PWN}\").\n"
                        f"  &#60;img src=x onerror={PWN}&#62; og [Vær med](/vaer-med/).\n"
                        f"role_description: paedagog\n"),
          Edit(P_CONTACTS, f"sections:\n  - heading: 'Om &lt;b&gt;os&lt;/b&gt; [x](https://x.example/{PWN})'\n"
                           f"    text: |\n      - **fed** &lt;i onclick={PWN}&gt;\n      - a < 5 og b > 3\n{P_CONTACTS}"),
          Edit("  - name: Helle Kristensen", f"  - name: 'Helle &lt;img src=x onerror={PWN}&gt;'"),
          Edit("  - label: 1. samtale", f"  - label: '&lt;script&gt;{PWN}&lt;/script&gt;samtale'"),
          Edit("  url: https://ballerup.dk/job\n", f"  url: https://ballerup.dk/job\n  text: '&lt;a href=javascript:{PWN}&gt;søg&lt;/a&gt;'\n"),
          Edit("  - text: Læs om arbejdet", f"  - text: '&lt;a onclick={PWN}&gt;Læs om arbejdet'")),
         Clean(*title_everywhere(f"Alt på én gang &lt;script&gt;{PWN}&lt;/script&gt; a < 5"),
               Shown("job/{id}/", "//div[@class='jobsite-text']/p", f"Vi søger <script>{PWN}</script> og en kollega."),
               Shown("job/{id}/", "//h2", f"Om &lt;b&gt;os&lt;/b&gt; [x](https://x.example/{PWN})"))),
    Case("org-name-entities", ORGANISATIONS, "text",
         Edit("name: Børnehuset Stjernehuset", "name: 'Børnehuset &lt;Stjerne&gt; \"Lys\" & Co'"),
         Clean(Shown("job/posting-title-entities/", "//p[@class='jobsite-where']", 'Børnehuset &lt;Stjerne&gt; "Lys" & Co'),
               InJobsJson("workplace", 'Børnehuset &lt;Stjerne&gt; "Lys" & Co', "posting-title-entities"))),
    Case("org-about-title-entities", ORGANISATIONS, "text",
         Edit("title: Hvem er vi", f"title: 'Hvem er vi &lt;script&gt;{PWN}&lt;/script&gt;'"),
         Clean(Shown("job/posting-title-entities/", "//section[@class='jobsite-about']/h2",
                     f"Hvem er vi &lt;script&gt;{PWN}&lt;/script&gt;"))),
    Case("org-about-text-entities", ORGANISATIONS, "text",
         Edit("            Distrikt Baltorp ligger",
              f"            &lt;img src=x onerror={PWN}&gt; og [et link](https://www.ballerup.dk 'titel med \"citat\"'), a < 5.\n\n"
              "            Distrikt Baltorp ligger"),
         Clean(Shown("job/posting-title-entities/", "//section[@class='jobsite-about']/p",
                     f"<img src=x onerror={PWN}> og et link, a < 5."),
               Shown("job/posting-title-entities/", "//section[@class='jobsite-about']//a/@title", 'titel med "citat"'))),
    Case("org-address-street-quotes", ORGANISATIONS, "text",
         Edit("            address:\n              city: Ballerup\n",
              "            address:\n              street: 'Vej \"7\" & a < 5 &lt;b&gt;'\n              city: Ballerup\n"),
         Clean(Shown("job/posting-title-entities/", "//meta[@itemprop='streetAddress']/@content", 'Vej "7" & a < 5 &lt;b&gt;'),
               Shown("job/posting-title-entities/", "//aside//dd", 'Vej "7" & a < 5 &lt;b&gt;, Ballerup'),
               Shown("job/posting-title-entities/", "//span[@class='jobsite-map']/a/@href",  # the map search, encoded
                     "https://www.openstreetmap.org/search?query=Vej+%227%22+%26+a+%3C+5+%26lt%3Bb%26gt%3B%2C+Ballerup"))),
    Case("role-name-entities", ROLES, "text", Edit("    name: Pædagog\n", "    name: 'Pædagog &lt;b&gt; a < 5'\n"),
         Clean(Shown("stillingsbeskrivelser/paedagog/", "//h1", "Pædagog &lt;b&gt; a < 5"),
               Shown("stillingsbeskrivelser/paedagog/", "//head/title", "Pædagog &lt;b&gt; a < 5"),
               Shown("stillingsbeskrivelser/", "//table//th", "Pædagog &lt;b&gt; a < 5"),
               Shown("job/posting-everything/", "//article//li/a", "Stillingsbeskrivelse for pædagog &lt;b&gt; a < 5"))),
    Case("role-intro-entities", ROLES, "text",
         Edit("    name: Pædagogisk assistent\n",
              f"    name: Pædagogisk assistent\n    intro: |\n      &lt;iframe src=javascript:{PWN}&gt; og **fed**\n"),
         Clean(Shown("stillingsbeskrivelser/paedagogisk-assistent/", "//div[@class='jobsite-text']/p",
                     f"<iframe src=javascript:{PWN}> og fed"))),
    Case("role-statement-entities", ROLES, "text",
         Edit("text: Du arbejder engageret og selvstændigt",
              "text: 'Du arbejder &lt;i&gt;engageret&lt;/i&gt; [ikke](et link) når a < 5'"),
         Clean(Shown("stillingsbeskrivelser/paedagogisk-medhjaelper/", "//article//li",
                     "Du arbejder &lt;i&gt;engageret&lt;/i&gt; [ikke](et link) når a < 5"),
               Shown("stillingsbeskrivelser/", "//table//td", "Du arbejder &lt;i&gt;engageret&lt;/i&gt; [ikke](et link) når a < 5"))),
    Case("role-area-title-entities", ROLES, "text",
         Edit("  - title: Personlige kompetencer og forpligtelser",
              "  - title: 'Personlige kompetencer &lt;b&gt; & \"forpligtelser\"'"),
         Clean(Shown("stillingsbeskrivelser/paedagog/", "//h2", 'Personlige kompetencer &lt;b&gt; & "forpligtelser"'),
               Shown("stillingsbeskrivelser/", "//table/caption", 'Personlige kompetencer &lt;b&gt; & "forpligtelser"'))),
    Case("leaflet-front-matter-entities", LEAFLET, "text",
         (Edit("title: Ressourcegrupper i daginstitutioner", "title: 'Ressourcegrupper &lt;b&gt; når a < 5'"),
          Edit("tagline: Et tilbud", f"tagline: '&lt;svg onload={PWN}&gt;'\n#"),
          Edit("  name: Haderslev Kommune", "  name: 'Haderslev \"Kommune\" & &lt;i&gt;'")),
         Clean(Shown("foldere/{id}/", "//head/title", "Ressourcegrupper &lt;b&gt; når a < 5"),
               Shown("foldere/{id}/", "//meta[@property='og:title']/@content", "Ressourcegrupper &lt;b&gt; når a < 5"),
               Shown("foldere/", "//h3/a", "Ressourcegrupper &lt;b&gt; når a < 5"),
               Shown("foldere/{id}/", "//span[@class='jobsite-leaflet-meta__tagline']", f"&lt;svg onload={PWN}&gt;"),
               Shown("foldere/{id}/", "//aside[@class='jobsite-contact']/p", 'Haderslev "Kommune" & &lt;i&gt;'))),
    Case("leaflet-body-entities", LEAFLET, "text",
         (Edit(L_PARAGRAPH, f"&lt;script&gt;{PWN}&lt;/script&gt; &#60;img src=x onerror={PWN}&#62; a < 5. {L_PARAGRAPH}"),
          Edit(L_HEADING, "### Formål &lt;i&gt; *ikke kursiv* og \\\n")),
         Clean(Shown("foldere/{id}/", "//div[@class='jobsite-text']/p", f"<script>{PWN}</script> <img src=x onerror={PWN}> a < 5."),
               Shown("foldere/{id}/", "//h3", "Formål &lt;i&gt; *ikke kursiv* og \\"))),
    Case("leaflet-body-tab-in-javascript", LEAFLET, "link",
         Edit(L_PARAGRAPH, f"[Læs mere](java\tscript:{PWN}) {L_PARAGRAPH}"),
         Refused(24, "linket 'java\\tscript:")),
    Case("leaflet-crlf", LAYOUT, "line ends", leaflet_crlf,
         Clean(Shown("foldere/leaflet-crlf/", "//h1", "Ressourcegrupper i daginstitutioner"),
               Shown("foldere/leaflet-crlf/", "//div[@class='jobsite-text']/ul/li", "At støjniveauet er afdæmpet."),
               Shown("foldere/", "//h3/a", "Ressourcegrupper i daginstitutioner"))),
    Case("leaflet-odd-file-name", LAYOUT, "file name", leaflet_odd_file_name,
         Refused(1, "kan ikke bruges i en webadresse", file=f"content/foldere/{ODD_NAME}.md")),
    Case("leaflet-image-relative", LAYOUT, "image", leaflet_relative_image,
         Clean(Shown("foldere/leaflet-image-relative/", "//div[@class='jobsite-text']//img/@src", "../foto.png"))),
    Case("leaflet-image-root-relative", LAYOUT, "image", leaflet_root_relative_image,
         Clean(Shown("foldere/leaflet-image-root-relative/", "//div[@class='jobsite-text']//img/@src", "/foldere/foto.png"))),
    # ---- values that would change meaning ------------------------------------------------------------
    Case("posting-email-bcc", POSTING, "value",
         Edit("    email: helle@ballerup.dk", "    email: helle%40ballerup.dk?bcc=someone@evil.example"),
         Refused(22, "e-mailadresse", "contacts[1].email")),
    Case("posting-mailto-link-bcc", POSTING, "value",
         Edit("    url: /vaer-med/", "    url: mailto:job@ballerup.dk?bcc=someone@evil.example"),
         Refused(27, "bcc", "links[1].url")),
    Case("org-email-bcc", ORGANISATIONS, "value",
         Edit("    name: Haderslev Kommune\n", "    name: Haderslev Kommune\n    email: post@haderslev.dk?bcc=x@evil.example\n"),
         Refused(82, "e-mailadresse", "kommuner[3].email")),
    Case("org-second-kommune-same-name", ORGANISATIONS, "value",
         Edit("  - id: haderslev\n", "  - id: haderslev2\n    kind: kommune\n    name: Haderslev  kommune\n"
                                    "    email: post@evil.example\n  - id: haderslev\n"),
         Refused(81, "bruges også af kommunen 'haderslev'", "kommuner[3].name")),
    Case("leaflet-contact-email-bcc", LEAFLET, "value",
         Edit("  name: Haderslev Kommune\n", "  name: Haderslev Kommune\n  email: a@haderslev.dk?bcc=x@evil.example\n"),
         Refused(11, "e-mailadresse", "contact.email")),
    Case("org-kommune-look-alike-name", ORGANISATIONS, "value",
         Edit("  - id: haderslev\n", "  - id: haderslev2\n    kind: kommune\n    name: H\u0430derslev Kommune\n"
                                    "  - id: haderslev\n"),
         Refused(81, "ikke er et latinsk bogstav", "kommuner[3].name")),
    Case("leaflet-image-that-is-site-code", LEAFLET, "image",
         Edit(L_PARAGRAPH, f"![Kort](/assets/jobsite.js) {L_PARAGRAPH}"),
         Refused(24, "er ikke et billede fra sitets billedmapper")),
    Case("leaflet-kommune-by-name", LEAFLET, "value", Edit("kommune: haderslev", "kommune: Haderslev Kommune"),
         Refused(4, "skriv id'et i stedet: kommune: haderslev", "kommune")),
    Case("role-kommune-unknown", ROLES, "value", Edit("kommune: ballerup", "kommune: ballerupp"),
         Refused(1, "ukendt kommune", "kommune")),
    # ---- file names ------------------------------------------------------------------------------------
    Case("leaflet-javascript-file-name", LAYOUT, "file name", leaflet_javascript_name,
         Refused(1, "kan ikke bruges i en webadresse", file="content/foldere/javascript:alert(1)%2F%2F.md")),
    Case("leaflet-fragment-file-name", LAYOUT, "file name", leaflet_fragment_name,
         Refused(1, "kan ikke bruges i en webadresse", file="content/foldere/navn#kopi.md")),
    Case("leaflet-nfd-file-name", LAYOUT, "file name", leaflet_nfd_name,
         Refused(1, "æ, ø, å", file="content/foldere/cafe\u0301.md")),
    Case("posting-space-in-file-name", LAYOUT, "file name", posting_space_name,
         Refused(1, "kan ikke bruges i en webadresse", file="jobs/ny stilling.yml")),
    Case("posting-twin-extensions", LAYOUT, "file name", posting_case_twin,
         Refused(1, "findes allerede", file="jobs/ny.yml")),
    Case("page-named-like-a-section", LAYOUT, "file name", page_named_like_a_section,
         Refused(1, "navnet er reserveret", file="content/job.md")),
    Case("site-code-in-content", LAYOUT, "unread file", site_code_in_content,
         Refused(1, "filen læses ikke", file="content/evil.js")),
    Case("html-page-in-content", LAYOUT, "unread file", html_page_in_content,
         Refused(1, "filen læses ikke", file="content/om.html")),
    # ---- pictures ------------------------------------------------------------------------------------
    Case("media-svg-with-script", MEDIA, "not a picture", media_svg_with_script,
         Refused(1, "SVG-tegninger tages ikke imod", file="content/assets/billeder/logo.svg")),
    Case("media-html-named-png", MEDIA, "disguised", media_html_named_png,
         Refused(1, "ikke et PNG-billede", file="content/assets/billeder/foto.png")),
    Case("media-pdf-named-jpg", MEDIA, "disguised", media_pdf_named_jpg,
         Refused(1, "PDF", file="content/assets/billeder/foto.jpg")),
    Case("media-png-named-jpg", MEDIA, "disguised", media_png_named_jpg,
         Refused(1, "PNG", file="content/assets/billeder/foto.jpg")),
    Case("media-bomb", MEDIA, "size", media_bomb, Refused(1, "punkter", file="content/assets/billeder/bombe.png")),
    Case("media-upper-case-name", MEDIA, "file name", media_upper_case_name,
         Refused(1, "kan ikke bruges i en webadresse", file="content/assets/billeder/Foto 1.JPG")),
    Case("media-in-subfolder", MEDIA, "unread file", media_in_subfolder,
         Refused(1, "undermappe", file="content/assets/billeder/gamle/foto.jpg")),
    Case("media-polyglot-jpeg-html", MEDIA, "polyglot", media_polyglot,
         Clean(Published("assets/billeder/polyglot.jpg"))),
    Case("media-gps-metadata", MEDIA, "metadata", media_with_gps, Clean(Published("assets/billeder/med-gps.jpg"))),
    # ---- the editor's settings -----------------------------------------------------------------------
    Case("cms-http-sign-in", CMS, "value", cms_http_sign_in, Refused(3, "https", file="cms.yml")),
    Case("cms-repo-elsewhere", CMS, "value", cms_repo_elsewhere,
         Refused(1, "ikke et GitHub-repositorium", "repo", file="cms.yml")),
    Case("cms-branch-injection", CMS, "markup", cms_branch_injection, Refused(2, "gren", "branch", file="cms.yml")),
    Case("cms-unknown-key", CMS, "yaml", cms_unknown_key, Refused(3, "ukendt felt", "auth_type", file="cms.yml")),
    Case("cms-yaml-alias", CMS, "yaml", cms_alias, Refused(1, "", file="cms.yml")),
    Case("cms-symlink", CMS, "symlink", cms_symlink, Refused(1, "symbolsk link", file="cms.yml")),
    Case("cms-good-sign-in", CMS, "value", cms_good, Clean(InEditor("https://jobsite-auth.example.dk"))),
    Case("posting-title-handler-as-text", POSTING, "text",
         Edit(P_TITLE, f"title: 'Se javascript:{PWN} og &lt;img src=x onerror={PWN}&gt;'"),
         Refused(3, "adresse til kode", "title")),
]

REFUSED = [c for c in CASES if isinstance(c.expect, Refused)]
CLEAN = [c for c in CASES if isinstance(c.expect, Clean)]


def marks(case: Case):
    return [pytest.mark.xfail(strict=True, reason=f"BUG: {case.bug}")] if case.bug else []


def params(cases: list[Case]):
    return [pytest.param(c, id=c.id, marks=marks(c)) for c in cases]


# --------------------------------------------------------------------------- placing cases in a project

def place(project: Path, case: Case, edited: dict[str, str] | None = None) -> list[Path]:
    """Write the case into the project; returns the files it wrote. For organisations and roles,
    `edited` (file -> text) lets several cases edit the same file one after the other."""
    if callable(case.make):
        return case.make(project)
    edits = case.make if isinstance(case.make, tuple) else (case.make,)
    rel = case.target()
    text = edited.get(rel, GOOD[case.kind]) if edited is not None else GOOD[case.kind]
    for edit in edits:
        text = edit.apply(text)
    if edited is not None and case.kind in (ORGANISATIONS, ROLES):
        edited[rel] = text
    return [_write(project, rel, text)]


def snapshot(paths: list[Path]) -> dict[Path, tuple]:
    return {p: (os.readlink(p) if p.is_symlink() else None,
                p.read_bytes() if p.is_file() else sorted(x.name for x in p.iterdir()) if p.is_dir() else None)
            for p in paths}


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        h.update(rel.encode() + b"\0")
        if path.is_symlink():
            h.update(b"link:" + os.readlink(path).encode())
        elif path.is_file():
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def reported(text: str, file: str, expect: Refused) -> list[str]:
    """The report's lines for the expected problem: `<file>:<line>:` (column optional), the field, the phrase."""
    prefix = f"{file}:{expect.line}:"
    field = _as_people_say(expect.field) if expect.field else ""
    return [ln.strip() for ln in text.splitlines()
            if ln.strip().startswith(prefix) and expect.says in ln
            and (not expect.field or re.search(rf" {field}", ln))]


def _as_people_say(dotted: str) -> str:
    """'contacts[1].name' as the report writes it, 'kontakt nr. 1, navn (name):' (generator.problems.people),
    as a pattern that also finds the fields inside it."""
    path = tuple(int(n) - 1 if n else key for key, n in re.findall(r"([^.\[\]]+)|\[(\d+)\]", dotted))
    return re.escape(re.sub(r" \([^()]*\)$", "", people(path))) + r"(?: \([^()]*\))?[:,]"


# --------------------------------------------------------------------------- the catalogue itself

REQUIRED = {  # every class of hostile content, in every kind of file where it applies
    POSTING: {"markup", "attribute list", "invisible", "link", "image", "indent", "yaml", "yaml bomb", "nesting",
              "number", "date", "date order", "markdown bomb", "text", "value"},
    ORGANISATIONS: {"markup", "attribute list", "invisible", "link", "image", "yaml", "yaml bomb", "nesting",
                    "reserved id", "text", "value"},
    ROLES: {"markup", "attribute list", "invisible", "link", "yaml", "yaml bomb", "nesting", "reserved id", "text", "value"},
    LEAFLET: {"markup", "attribute list", "invisible", "link", "image", "indent", "yaml", "yaml bomb", "nesting",
              "date", "markdown bomb", "text", "value"},
    LAYOUT: {"unread file", "symlink", "reserved id", "generated page", "line ends", "file name"},
    MEDIA: {"not a picture", "disguised", "size", "file name", "polyglot", "metadata"},
    CMS: {"value", "markup", "yaml", "symlink"},
}


def test_the_catalogue_covers_every_kind_of_file_and_every_class():
    assert len(CASES) >= 45
    assert len({c.id for c in CASES}) == len(CASES), "case ids must be unique"
    for kind in KINDS:
        assert {c.hostile for c in CASES if c.kind == kind} >= REQUIRED[kind], kind
    fields = {(c.kind, c.expect.field.split("[")[0].split(".")[0]) for c in REFUSED if c.expect.field}
    for kind, names in {POSTING: ["title", "summary", "intro", "sections", "contacts", "apply", "links", "interviews"],
                        ORGANISATIONS: ["kommuner"], ROLES: ["roles", "areas", "source_note"],
                        LEAFLET: ["title", "tagline", "summary", "contact", "updated"]}.items():
        for name in names:
            assert (kind, name) in fields, (kind, name)
    org_fields = {c.expect.field.rsplit(".", 1)[-1] for c in REFUSED if c.kind == ORGANISATIONS and c.expect.field}
    assert {"name", "title", "text", "street", "city", "id"} <= org_fields


# --------------------------------------------------------------------------- (a) refused
#
# `check` runs in process on each case alone (its own project): exit 1, the message at its line, no
# traceback, the file untouched. The build runs the same checks (generator/mkdocs/), so one failing
# `mkdocs build --strict` proves the refusal for a whole class of cases: the cases of one class are
# placed together in one project (more where two would meet: `_clash`), and that build must fail naming every case of the group at its line, leave the
# previous site byte for byte as it was, and leave the written files as they were. A program error
# (a traceback) fails the whole group; the in-process check of each case alone tells which one it is.

def touched(case: Case) -> frozenset[str]:
    """The paths (relative to the project) the case writes, for telling which cases can share a project."""
    if not callable(case.make):
        return frozenset({case.target()})
    import tempfile
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch) / "project"
        for part in ("jobs", "data", "content"):
            (project / part).mkdir(parents=True)
        (project / "data" / "organisations.yml").write_text(GOOD[ORGANISATIONS], encoding="utf-8")
        return frozenset(p.relative_to(project).as_posix() for p in case.make(project))


ORGANISATIONS_FILE = "data/organisations.yml"


def _clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two cases' files would meet in one project: the same file, a file in a folder the other
    replaces, two names for one page or picture (they differ only in extension or case), or either
    breaks the organisations, which the other files are checked against (kommune and workplace ids)."""
    def stem(path: str) -> str:
        return path.rsplit(".", 1)[0].lower() if "." in path.rsplit("/", 1)[-1] else path.lower()
    if ORGANISATIONS_FILE in a | b:
        return True
    return any(x == y or x.startswith(y + "/") or y.startswith(x + "/") or stem(x) == stem(y) for x in a for y in b)


def refusal_groups(cases: list[Case]) -> dict[str, list[Case]]:
    """The cases in groups to build together: one group per class of hostile content, split where two
    cases clash (the same file, or a file inside a folder another case replaces)."""
    groups: dict[str, list[Case]] = {}
    for hostile in dict.fromkeys(c.hostile for c in cases):
        parts: list[tuple[list[Case], list[frozenset[str]]]] = []
        for case in (c for c in cases if c.hostile == hostile):
            paths = touched(case)
            for members, taken in parts:
                if not any(_clash(paths, other) for other in taken):
                    break
            else:
                members, taken = [], []
                parts.append((members, taken))
            members.append(case)
            taken.append(paths)
        for n, (members, _) in enumerate(parts, 1):
            groups[hostile.replace(" ", "-") + (f"-{n}" if len(parts) > 1 else "")] = members
    return groups


GROUPS = refusal_groups([c for c in REFUSED if not c.bug]) | {c.id: [c] for c in REFUSED if c.bug}
GROUP_OF = {case.id: name for name, members in GROUPS.items() for case in members}


@pytest.fixture(scope="module")
def previous_site(built_site) -> Path:
    """A good build of the example site: what a failing build must leave as it was."""
    return built_site(TODAY).root


@dataclass
class GroupBuild:
    project: Path
    check: tuple[int, str]  # `check`'s exit code and report, in process, over the whole group
    build: object  # the failed build's Run
    kept: bool  # the previous site is byte for byte as it was
    temporary_left: bool  # the build's temporary site folder was left behind
    unchanged: bool  # every file the cases wrote is as it was written


@pytest.fixture(scope="module")
def group_build(tmp_path_factory, previous_site):
    """group_build(name) -> the group's project, checked and built once into a copy of the previous site."""
    done: dict[str, GroupBuild] = {}
    previous = digest(previous_site)  # each copy is byte for byte this (copytree keeps bytes and links)

    def build(name: str) -> GroupBuild:
        if name not in done:
            root = tmp_path_factory.mktemp(name)
            project = copy_project(root / "project")
            written = [path for case in GROUPS[name] for path in place(project, case)]
            before = snapshot(written)
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), pytest.MonkeyPatch.context() as mp:
                mp.setenv("JOBSITE_TODAY", TODAY)  # the day the build is given
                code = main(["check", "--root", str(project)])
            site = project / "site"
            shutil.copytree(previous_site, site, symlinks=True)
            result = mkdocs_build(project, site, TODAY)
            done[name] = GroupBuild(project, (code, out.getvalue() + err.getvalue()), result, digest(site) == previous,
                                    (project / ".site.jobsite-ny").exists(), snapshot(written) == before)
        return done[name]

    return build


def test_the_refusal_groups_hold_every_refused_case_once_and_every_class():
    grouped = [case.id for members in GROUPS.values() for case in members]
    assert sorted(grouped) == sorted(c.id for c in REFUSED)
    assert {c.hostile for members in GROUPS.values() for c in members} == {c.hostile for c in REFUSED}
    for members in GROUPS.values():
        paths = [touched(c) for c in members]
        assert not any(_clash(a, b) for i, a in enumerate(paths) for b in paths[i + 1:]), [c.id for c in members]


@pytest.mark.parametrize("case", params(REFUSED))
def test_refused_by_check_and_by_the_build_which_keeps_the_previous_site(case, tmp_path, group_build, capsys,
                                                                       monkeypatch):
    project = copy_project(tmp_path / "project")
    written = place(project, case)
    before = snapshot(written)

    monkeypatch.setenv("JOBSITE_TODAY", TODAY)  # the day the build is given
    code = main(["check", "--root", str(project)])  # in-process: an exception here fails the test

    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code == 1, out + err
    assert reported(err, case.file(), case.expect), err
    assert snapshot(written) == before

    # The build of the case's group (with the other cases of its class that fit beside it) refuses it too.
    group = group_build(GROUP_OF[case.id])
    result = group.build
    assert group.check[0] == 1 and "Traceback" not in group.check[1]
    assert reported(group.check[1], case.file(), case.expect), group.check[1]
    assert result.code != 0, result.text
    assert "Traceback" not in result.text
    assert reported(result.text, case.file(), case.expect), result.text
    assert group.kept, "the failed build changed the previous site"
    assert not group.temporary_left
    assert group.unchanged


# --------------------------------------------------------------------------- (b) built clean

@dataclass
class Built:
    project: Path
    site: Path
    check: object
    build: object
    findings: list = field(default_factory=list)


def build_clean(root: Path, cases: list[Case], clean_site: Path) -> Built:
    """One project holding all `cases` (each posting and leaflet its own file, the data files edited
    one case after the other), checked, built strictly and scanned."""
    project = copy_project(root / "project")
    edited: dict[str, str] = {}
    for case in cases:
        place(project, case, edited)
    checked = run([sys.executable, "-m", "generator", "check"], project)
    site = root / "site"
    built = mkdocs_build(project, site, TODAY)
    findings = scan_site(site, baseline(clean_site)) if built.code == 0 else []
    return Built(project, site, checked, built, findings)


def assert_clean(built: Built, case: Case) -> None:
    assert "Traceback" not in built.check.text + built.build.text
    assert built.check.code == 0, built.check.text
    assert built.build.code == 0, built.build.text
    assert not built.findings, "\n".join(str(f) for f in built.findings)
    for show in case.expect.shows:
        show.check(built.site, case)


@pytest.fixture(scope="module")
def clean_group(tmp_path_factory, previous_site) -> Built:
    """Every clean case without a known bug, in one project and one build."""
    return build_clean(tmp_path_factory.mktemp("clean"), [c for c in CLEAN if not c.bug], previous_site)


@pytest.mark.parametrize("case", CLEAN, ids=lambda c: c.id)
def test_accepted_built_and_shown_as_text(case, clean_group):
    assert_clean(clean_group, case)
