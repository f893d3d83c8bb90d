"""The built site/ tree, checked the way a link checker, an HTML validator and
a release engineer would: every internal link, anchor and asset resolves, no
resource is loaded from another host, the pages are valid HTML (Nu Html
Checker), the accessibility statement and its contact details are on every
page, and two builds for the same day are byte-identical.
"""
from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import pytest

from generator.render.danish import phone_text
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT, mkdocs_build

DAYS = ("2026-01-05", "2026-01-11")  # both postings open; Stjernehuset closed (archive, closed posting)
CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
SITE_URL = "http://127.0.0.1:8000/"  # site_url when SITE_URL is unset, as in the tests' builds
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Attributes that make the browser fetch something by itself (as opposed to <a href>, which the
# visitor follows): these must stay on the site's own host.
FETCHED = {("link", "href"), ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"),
           ("source", "srcset"), ("iframe", "src"), ("video", "src"), ("video", "poster"), ("audio", "src"),
           ("embed", "src"), ("object", "data"), ("input", "src")}
FOLLOWED = {("a", "href"), ("area", "href"), ("form", "action")}
NOT_FETCHED_LINK_RELS = {"canonical", "alternate", "next", "prev"}  # <link>s that name a page, not load it


def html_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.html"))


def page_url(root: Path, path: Path) -> str:
    return SITE_URL + path.relative_to(root).as_posix()


def target_file(root: Path, url: str) -> Path | None:
    """The file under root that an URL on the site's host names (None if outside the site)."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != SITE_URL:
        return None
    path = root / unquote(parts.path).lstrip("/")
    return path / "index.html" if parts.path.endswith("/") or path.is_dir() else path


_ids: dict[Path, set[str]] = {}


def ids_in(path: Path) -> set[str]:
    if path not in _ids:
        tree = lxml.html.fromstring(path.read_bytes())
        _ids[path] = {el.get("id") for el in tree.iter() if el.get("id")} | \
                     {el.get("name") for el in tree.iter("a") if el.get("name")}
    return _ids[path]


def references(root: Path):
    """(source, kind, url) for every reference in the site's HTML, CSS and sitemap."""
    for path in html_files(root):
        here = page_url(root, path)
        tree = lxml.html.fromstring(path.read_bytes())
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            for attr in ("href", "src", "srcset", "poster", "data", "action"):
                value = el.get(attr)
                if value is None or (el.tag, attr) not in FETCHED | FOLLOWED:
                    continue
                kind = "fetched" if (el.tag, attr) in FETCHED else "followed"
                if el.tag == "link" and set((el.get("rel") or "").split()) & NOT_FETCHED_LINK_RELS:
                    kind = "followed"
                if el.tag == "link" and el.get("itemprop") and not el.get("rel"):
                    kind = "followed"  # microdata (a URL-valued property): names a URL, loads nothing
                values = [v.strip().split()[0] for v in value.split(",") if v.strip()] if attr == "srcset" else [value]
                for v in values:
                    yield path, kind, urljoin(here, v.strip())
    for path in sorted(root.rglob("*.css")):
        here = page_url(root, path)
        for v in re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", path.read_text(encoding="utf-8")):
            if not v.startswith("data:"):
                yield path, "fetched", urljoin(here, v)
    for path in sorted(root.rglob("*.xml")):  # the sitemap's <loc>s and the feed's links
        text = path.read_text(encoding="utf-8")
        for url in re.findall(r"<loc>([^<]+)</loc>", text) + re.findall(r'<link[^>]* href="([^"]+)"', text):
            yield path, "followed", url


@pytest.mark.parametrize("day", DAYS)
def test_every_internal_link_anchor_and_asset_resolves(built_site, day):
    root = built_site(day).root
    broken, checked = [], 0
    for source, kind, url in references(root):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            continue  # mailto:, tel:, data:
        target = target_file(root, url)
        if target is None:
            continue  # another host: a link the visitor may follow (fetched ones are tested below)
        checked += 1
        where = f"{source.relative_to(root)} -> {url}"
        if not target.is_file():
            broken.append(f"{where}: no such file")
        elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_in(target):
            broken.append(f"{where}: no element with id {unquote(parts.fragment)!r}")
    assert checked > 200  # the crawler really walked the site
    assert broken == []


@pytest.mark.parametrize("day", DAYS)
def test_nothing_is_loaded_from_another_host(built_site, day):
    """Static companion of the browser test: no stylesheet, script, font, image or frame from elsewhere."""
    root = built_site(day).root
    foreign = sorted({f"{source.relative_to(root)} -> {url}" for source, kind, url in references(root)
                      if kind == "fetched" and urlsplit(url).scheme in ("http", "https", "")
                      and target_file(root, url) is None})
    assert foreign == []
    for path in html_files(root):
        html = path.read_text(encoding="utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net", "unpkg.com",
                     "googletagmanager.com", "google-analytics.com"):
            assert host not in html, (path, host)


def test_the_build_is_strict_and_warns_about_nothing(built_site):
    assert CONFIG["strict"] is True
    for day in DAYS:
        build = built_site(day).build
        assert "WARNING" not in build.text, build.text


def test_every_page_links_the_accessibility_statement_with_its_contact_details(built_site):
    """webtilgængelighedsloven: the statement (WAS-Tool) is linked from every page, next to the contact a
    visitor who meets a barrier can write or call. Whose statement and contact it is (the page's
    kommune, or the operator's) is tests/test_applicant_owner.py's; the operator's on the home page."""
    extra = CONFIG["extra"]["jobsite"]
    assert extra["accessibility_statement"].startswith("https://www.was.digst.dk/")
    pages = 0
    for day in DAYS:
        root = built_site(day).root
        for path in html_files(root):
            tree = lxml.html.fromstring(path.read_bytes())
            footers = tree.xpath('//footer[contains(@class, "md-footer")]//div[contains(@class, "jobsite-footer")]')
            assert len(footers) == 1, path
            footer = footers[0]
            links = {a.text_content().strip(): a.get("href") for a in footer.iter("a")}
            assert links.get("Tilgængelighedserklæring", "").startswith("https://www.was.digst.dk/"), path
            contact = [h for t, h in links.items() if t != "Tilgængelighedserklæring"]
            assert any(h.startswith(("mailto:", "tel:+45", "https://")) for h in contact), path
            text = " ".join(footer.text_content().split())
            assert "Svært at bruge siden" in text, path
            if path == root / "index.html":
                assert links["Tilgængelighedserklæring"] == extra["accessibility_statement"]
                assert links.get(extra["contact_email"]) == f"mailto:{extra['contact_email']}"
                assert links.get(phone_text(extra["contact_phone"])) == "tel:+45" + extra["contact_phone"].replace(" ", "")
                assert extra["organisation"] in text and extra["contact_address"] in text
            pages += 1
    assert pages >= 20


# --- Valid HTML: the Nu Html Checker (vnu-jar from npm) on the machine's Java ---

# Messages deliberately ignored: (message, the element it must be about, why). All three come from
# Material's own templates (base.html, partials/nav-item.html, partials/toc.html), not from ours;
# fixing them would mean forking Material's largest partials. Each is matched together with the
# element it names, so the same mistake in our markup still fails. Only errors fail; warnings print.
IGNORED = [
    (r"Attribute “autocomplete” is only allowed when the input type is",
     r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
     "Material sets autocomplete=off on its drawer and search toggles so Firefox does not restore an "
     "open drawer on reload; browsers ignore the attribute on checkboxes otherwise. No effect for users."),
    (r"Bad value “” for attribute “tabindex” on element “label”",
     r'<label class="md-nav__link" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
     "navigation.sections: Material renders section headings with an empty tabindex; an invalid "
     "tabindex is treated as absent, so the heading is simply not a tab stop, which is what Material means."),
    (r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     r'<label class="md-nav__title" for="__toc">',
     "On pages kept out of the navigation (the postings) Material renders the table of contents' title "
     "as a label for the toc toggle that only exists in the navigation; the label then reads as a plain "
     "title, and the toggle only matters on narrow screens where the toc is not shown."),
]


@pytest.fixture(scope="module")
def vnu() -> list[str]:
    java = shutil.which("java")
    problem = None if java and VNU.exists() else \
        "the HTML checker needs Java and node_modules/vnu-jar: run `make test` (npm ci; apt-get install default-jre-headless)"
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(problem)
        pytest.skip(problem)
    return [java, "-Xss4m", "-jar", str(VNU)]


def test_every_page_is_valid_html(built_site, vnu):
    files = [str(p) for day in DAYS for p in html_files(built_site(day).root)]
    proc = subprocess.run([*vnu, "--format", "json", "--exit-zero-always", *files],
                          capture_output=True, text=True,
                          timeout=1800)  # a ceiling for a stuck checker, far above the time it takes on a busy machine
    messages = json.loads(proc.stderr or proc.stdout)["messages"]
    errors, warnings = [], []
    for m in messages:
        if any(re.search(message, m.get("message", "")) and re.search(element, m.get("extract", ""))
               for message, element, _why in IGNORED):
            continue
        where = f"{unquote(m.get('url', '')).split('/site-', 1)[-1]}:{m.get('lastLine', '?')}"
        line = f"{where}: {m.get('message')} [{m.get('extract', '').strip()[:80]}]"
        (errors if m["type"] in ("error", "non-document-error") else warnings).append(line)
    if warnings:
        print("vnu warnings:\n" + "\n".join(warnings))
    assert len(files) >= 20
    assert errors == []


# --- Reproducible: the same content and day give the same bytes ---

# Files that legitimately differ between two builds of the same day, with the reason. None so far:
# MkDocs dates the sitemap by SOURCE_DATE_EPOCH, which the plugin derives from JOBSITE_TODAY.
NOT_REPRODUCIBLE: dict[str, str] = {}


def test_two_builds_of_the_same_day_are_byte_identical(built_site, tmp_path):
    first = built_site("2026-01-05").root
    result = mkdocs_build(ROOT, tmp_path / "again", "2026-01-05")
    assert result.code == 0, result.text
    second = tmp_path / "again"

    def tree(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}

    assert tree(first) == tree(second)
    different = sorted(rel for rel in tree(first)
                       if rel not in NOT_REPRODUCIBLE and not filecmp.cmp(first / rel, second / rel, shallow=False))
    assert different == []
    assert "<lastmod>2026-01-05</lastmod>" in (first / "sitemap.xml").read_text(encoding="utf-8")


def test_role_table_names_the_roles_of_every_statement(built_site):
    """For a screen reader: each area is a table with a caption and column headers, and every statement
    names all the roles it applies to (headers=), so a merged cell is not read as the first role only."""
    root = built_site("2026-01-05").root
    tree = lxml.html.fromstring((root / "stillingsbeskrivelser" / "index.html").read_bytes())
    tables = tree.xpath('//table[contains(@class, "jobsite-roletable")]')
    assert len(tables) == 4
    for table in tables:
        assert table.xpath("./caption/text()")
        heads = {th.get("id"): th.text_content() for th in table.xpath("./thead/tr/th")}
        assert all(th.get("scope") == "col" for th in table.xpath("./thead/tr/th")) and len(heads) == 3
        for td in table.xpath("./tbody/tr/td[not(contains(@class, 'jobsite-roletable__empty'))]"):
            names = [heads[i] for i in td.get("headers").split()]
            assert len(names) == int(td.get("colspan", "1")), td.text_content()
            assert td.get("data-roles") == ("Alle stillinger" if len(names) == 3 else " og ".join(names).capitalize())
