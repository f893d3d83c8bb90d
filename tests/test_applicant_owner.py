"""Every page says whose it is: the footer names the kommune whose content the
page shows (its address, contact line and accessibility statement), and the
site's operator on pages that belong to no kommune. A parent reading
Haderslev's leaflet is not sent to Ballerup."""
from __future__ import annotations

import sys

import lxml.html
import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT, mkdocs_build, run
from generator.content import load_site
from generator.render.danish import phone_text
from safety_scan import baseline, scan_site

DAY = "2026-01-05"
LEAFLET = "foldere/ressourcegrupper-haderslev/"
AARHUS_POSTING = "job/ressourcepaedagoger-midtbyens-dagtilbud/"
BALLERUP_POSTING = "job/paedagogisk-leder-stjernehuset/"
OPERATOR = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["jobsite"]


@pytest.fixture(scope="module")
def kommuner():
    return {u.org.id: u.org for u in load_site(ROOT).units.values() if u.org.kind == "kommune"}


def footer(html: str):
    """(the footer's text, its links as {text: href}) as a visitor reads them."""
    tree = lxml.html.fromstring(html)
    found = tree.xpath('//footer[contains(@class, "md-footer")]//div[contains(@class, "jobsite-footer")]')
    assert len(found) == 1
    links = {" ".join(a.text_content().split()): a.get("href") for a in found[0].iter("a")}
    return " ".join(found[0].text_content().split()), links


def assert_footer_of(html: str, org) -> None:
    """The footer names `org` with everything the data has about it, and nothing of another kommune."""
    text, links = footer(html)
    assert org.name in text
    assert links["Tilgængelighedserklæring"] == org.accessibility_statement
    if org.address and org.address.street:
        assert f"{org.address.street}, {org.address.postal_code} {org.address.city}" in text
    if org.email:
        assert links[org.email] == f"mailto:{org.email}"
    if org.phone:
        assert links[" ".join(phone_text(org.phone).split())] == "tel:+45" + org.phone.replace(" ", "")
    if not org.email and not org.phone:  # the website is the way to reach it
        assert f"Kontakt {org.name} på" in text
        assert org.website in links.values()
    assert list(links).count("Tilgængelighedserklæring") == 1


def test_the_haderslev_leaflet_has_haderslevs_footer(built_site, kommuner):
    html = built_site(DAY).page(LEAFLET)
    assert_footer_of(html, kommuner["haderslev"])
    text, links = footer(html)
    assert "Ballerup" not in text and OPERATOR["contact_email"] not in links
    assert links["www.haderslev.dk"] == "https://www.haderslev.dk"


def test_the_aarhus_posting_has_aarhus_footer(built_site, kommuner):
    html = built_site(DAY).page(AARHUS_POSTING)
    assert_footer_of(html, kommuner["aarhus"])
    text, links = footer(html)
    assert "Ballerup" not in text and OPERATOR["contact_email"] not in links
    assert links["Tilgængelighedserklæring"] == "https://www.was.digst.dk/aarhus-dk"


@pytest.mark.parametrize("url", [BALLERUP_POSTING, "vaer-med/", "stillingsbeskrivelser/",
                                 "stillingsbeskrivelser/paedagog/"])
def test_ballerup_pages_have_ballerups_footer(built_site, kommuner, url):
    """The Stjernehuset posting (its workplace), the recruitment page (its front matter names
    ballerup) and the role descriptions (data/roles.yml)."""
    html = built_site(DAY).page(url)
    assert_footer_of(html, kommuner["ballerup"])
    text, links = footer(html)
    assert "Hold-an Vej 7, 2750 Ballerup" in text and "Aarhus" not in text and "Haderslev" not in text


@pytest.mark.parametrize("url", ["", "job/", "job/arkiv/", "foldere/", "404.html"])
def test_pages_of_no_kommune_have_the_operators_footer(built_site, url):
    text, links = footer(built_site(DAY).page(url))
    assert OPERATOR["organisation"] in text and OPERATOR["contact_address"] in text
    assert links["Tilgængelighedserklæring"] == OPERATOR["accessibility_statement"]
    assert links[OPERATOR["contact_email"]] == f"mailto:{OPERATOR['contact_email']}"
    assert links[" ".join(phone_text(OPERATOR["contact_phone"]).split())] == "tel:+45" + OPERATOR["contact_phone"].replace(" ", "")


def test_a_closed_posting_keeps_its_kommunes_footer(built_site, kommuner):
    html = built_site("2026-03-01").page(AARHUS_POSTING)
    assert "Ansøgningsfristen er udløbet" in html
    assert_footer_of(html, kommuner["aarhus"])


# --- Hostile text in the organisation's footer fields -----------------------------------------

HOSTILE_NAME = 'Haderslev & "Søn" <3 \'x\''


def test_hostile_text_in_the_footer_fields_comes_out_as_text(project, tmp_path, built_site):
    orgs = project / "data" / "organisations.yml"
    text = orgs.read_text(encoding="utf-8")
    before = "  - id: haderslev\n    kind: kommune\n    name: Haderslev Kommune\n"
    assert before in text
    orgs.write_text(text.replace(before, (
        "  - id: haderslev\n    kind: kommune\n"
        f"    name: '{HOSTILE_NAME.replace(chr(39), chr(39) * 2)}'\n"
        "    address:\n      street: 'Gade \"7\" & <1> a'\n      postal_code: \"6100\"\n      city: Haderslev\n"
        "    email: post.x@haderslev.dk\n    phone: \"7434 3434\"\n")), encoding="utf-8")
    # the leaflet names its kommune by id (kommune: haderslev), so it follows the new name
    site = tmp_path / "site"
    result = mkdocs_build(project, site, DAY)
    assert result.code == 0, result.text
    html = (site / LEAFLET / "index.html").read_text(encoding="utf-8")
    raw = html[html.index('<div class="md-copyright jobsite-footer">'):]
    raw = raw[:raw.index("</div>")]
    assert "Haderslev &amp; &#34;Søn&#34; &lt;3 &#39;x&#39;" in raw
    assert "Gade &#34;7&#34; &amp; &lt;1&gt; a, 6100 Haderslev" in raw
    assert 'href="mailto:post.x@haderslev.dk"' in raw  # an '&' in an address is refused (test_hosts.py)
    assert "<3" not in raw and "<1>" not in raw and '"Søn"' not in raw
    text, links = footer(html)  # and a visitor reads it exactly as written
    assert HOSTILE_NAME in text and 'Gade "7" & <1> a, 6100 Haderslev' in text
    assert links["post.x@haderslev.dk"] == "mailto:post.x@haderslev.dk"
    assert links["74 34 34 34"] == "tel:+4574343434"
    findings = [f for f in scan_site(site, baseline(built_site(DAY).root)) if f.file.startswith("foldere/")]
    assert findings == []


# --- An unknown kommune is a problem with file and line, never a silent fallback ---------------

def check(project):
    return run([sys.executable, "-m", "generator", "check"], project)


def test_a_leaflet_naming_an_unknown_kommune_is_refused_with_file_and_line(project, tmp_path):
    leaflet = project / "content" / "foldere" / "ressourcegrupper-haderslev.md"
    lines = leaflet.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("kommune:"))
    lines[number - 1] = "kommune: hadersleb\n"
    leaflet.write_text("".join(lines), encoding="utf-8")
    result = check(project)
    assert result.code == 1
    assert (f"content/foldere/ressourcegrupper-haderslev.md:{number}:1: kommune: ukendt kommune 'hadersleb'; "
            "skriv id'et på en kommune i data/organisations.yml: ballerup, aarhus, haderslev") in result.err
    build = mkdocs_build(project, tmp_path / "site", DAY)
    assert build.code != 0 and "ukendt kommune 'hadersleb'" in build.text
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_page_naming_an_unknown_kommune_id_is_refused_with_file_and_line(project):
    page = project / "content" / "vaer-med.md"
    text = page.read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("kommune:"))
    page.write_text(text.replace("kommune: ballerup\n", "kommune: Ballerup Kommune\n"), encoding="utf-8")
    result = check(project)
    assert result.code == 1
    assert (f"content/vaer-med.md:{number}:1: kommune: ukendt kommune 'Ballerup Kommune'; skriv id'et på en kommune "
            "i data/organisations.yml: ballerup, aarhus, haderslev") in result.err


def test_an_organisations_email_that_is_not_an_address_is_refused_with_file_and_line(project):
    orgs = project / "data" / "organisations.yml"
    text = orgs.read_text(encoding="utf-8")
    lines = text.splitlines()
    number = lines.index("  - id: haderslev") + 4  # the line written after `name:`
    orgs.write_text(text.replace("    name: Haderslev Kommune\n", "    name: Haderslev Kommune\n"
                                 "    email: \"post@haderslev.dk\\\"><script>alert(1)</script>\"\n"), encoding="utf-8")
    result = check(project)
    assert result.code == 1
    line = next(line for line in result.err.splitlines() if line.startswith(f"data/organisations.yml:{number}:5: "))
    assert "email" in line and "er ikke en e-mailadresse" in line
