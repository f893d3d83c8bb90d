"""Jobnet-ready (generator/jobnet.py, generator/render/jobnet.py): the role -> occupation mapping
with its sources, each rule warned by check and refused by check --jobnet, a posting that passes,
the sheet's fields against the model, the export of the example postings, and hostile text in
every field of the export and the sheet."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT
from waiting import until
from generator import jobnet
from generator.__main__ import main
from generator.content import load_site
from generator.listing import build_listing
from generator.model import ROLE_TYPES, Posting
from generator.read_data import load_occupations
from generator.render import jobnet as render
from generator import clock

HERE = Path(__file__).resolve().parent
TODAY = "2026-01-05"  # the good posting (published 2026-01-01, deadline 2026-01-31) is open
GOOD = (HERE / "good_posting.yml").read_text(encoding="utf-8")
STJERNEHUSET = "            address:\n              city: Ballerup\n"
ADDRESS = "            address:\n              street: Testvej 1\n              postal_code: \"2750\"\n              city: Ballerup\n"


# --- the mapping ---------------------------------------------------------------------------------

def test_every_role_has_an_entry_with_a_source_or_a_reason():
    found = load_occupations(ROOT, problems := [])
    assert problems == []
    assert set(found) == set(ROLE_TYPES)
    codes = {role: o.disco for role, o in found.items()}
    assert codes == {"pædagog": "2342", "ressourcepædagog": "2342", "pædagogisk assistent": "5311",
                     "pædagogisk medhjælper": "5311", "pædagogisk leder": "1341", "leder": "1341", "andet": None}
    for role, o in found.items():
        if o.disco:
            assert o.sources and all(re.search(r"https?://", s) for s in o.sources), role
            assert o.isco_title, role
        else:
            assert o.note, role  # why it is empty


def test_a_code_without_a_source_is_refused(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "occupations.yml").write_text(
        "occupations:\n  - role: pædagog\n    disco: \"2342\"\n  - role: leder\n", encoding="utf-8")
    load_occupations(tmp_path, problems := [])
    text = " ".join(p.message for p in problems)
    assert "kilde" in text and "hvorfor koden mangler" in text


def test_without_the_file_no_role_has_a_code(tmp_path):
    assert load_occupations(tmp_path, []) == {}


# --- the rules, in check ---------------------------------------------------------------------------

@pytest.fixture
def jobnet_project(project, monkeypatch):
    """The example project with the good posting, whose workplace has a full address: it passes."""
    orgs = project / "data" / "organisations.yml"
    text = orgs.read_text(encoding="utf-8")
    assert text.count(STJERNEHUSET) == 1
    orgs.write_text(text.replace(STJERNEHUSET, ADDRESS), encoding="utf-8")
    for old in (project / "jobs").glob("*.yml"):
        old.unlink()
    (project / "jobs" / "ny.yml").write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("JOBSITE_TODAY", TODAY)
    return project


def check(project: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["check", "--root", str(project), *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_posting_with_everything_jobnet_needs_passes(jobnet_project, capsys):
    code, text = check(jobnet_project, capsys, "--jobnet")
    assert code == 0, text
    assert "Jobnet" not in text
    content = load_site(jobnet_project)
    posting = content.postings[0].posting
    assert jobnet.readiness(posting, content.units["stjernehuset"], content.occupations, date(2026, 1, 5)) == "klar"


RULES = [
    # (what, edit to the posting or (organisations, old, new), line, phrase, short name)
    ("postcode", ("orgs", '              postal_code: "2750"\n', ""), 4, "Jobnet kræver et postnummer", "postnummer"),
    ("street", ("orgs", "              street: Testvej 1\n", ""), 4, "Jobnet kræver adressen (vej og nummer)",
     "arbejdsstedets adresse"),
    ("contact e-mail", ("    email: helle@ballerup.dk\n", ""), 20, "Jobnet kræver kontaktpersonens e-mail",
     "kontaktpersonens e-mail"),
    ("contact phone", ("    phone: 4477 1847\n", ""), 20, "Jobnet kræver kontaktpersonens telefonnummer",
     "kontaktpersonens telefon"),
    ("no contact", ("contacts:\n  - name: Helle Kristensen\n    phone: 4477 1847\n    email: helle@ballerup.dk\n", ""),
     3, "Jobnet kræver en kontaktperson", "kontaktperson"),
    ("occupation", ("role: pædagog", "role: andet"), 15, "Jobnet kræver en stillingsbetegnelse", "stillingsbetegnelse"),
    ("how to apply", (("  url: https://ballerup.dk/job\n", "  text: Ring til os.\n"),
                      ("    email: helle@ballerup.dk\n", "")), 22, "Jobnet kræver en måde at søge på",
     "kontaktpersonens e-mail, ansøgningsadresse"),
    ("deadline too far", (("deadline: 2026-01-31", "deadline: 2026-09-30"),), 10, "Jobnet viser et opslag i højst",
     "fristen ligger for langt ude"),
]


def _apply(project: Path, edit) -> None:
    if edit[0] == "orgs":
        path, old, new = project / "data" / "organisations.yml", edit[1], edit[2]
        edits = [(old, new)]
    else:
        path = project / "jobs" / "ny.yml"
        edits = list(edit) if isinstance(edit[0], tuple) else [edit]
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("what, edit, line, phrase, short", RULES, ids=[r[0] for r in RULES])
def test_each_rule_is_a_warning_at_its_line_and_an_error_with_jobnet(jobnet_project, capsys, what, edit, line,
                                                                       phrase, short):
    _apply(jobnet_project, edit)
    code, text = check(jobnet_project, capsys)
    assert code == 0, text
    warned = [ln for ln in text.splitlines() if phrase in ln]
    assert warned and all(ln.startswith(f"jobs/ny.yml:{line}:") and "advarsel:" in ln for ln in warned), text
    code, text = check(jobnet_project, capsys, "--jobnet")
    assert code == 1, text
    refused = [ln for ln in text.splitlines() if phrase in ln]
    assert refused and all(ln.startswith(f"jobs/ny.yml:{line}:") and "advarsel:" not in ln for ln in refused), text
    content = load_site(jobnet_project)
    posting = content.postings[0].posting
    said = jobnet.readiness(posting, content.units["stjernehuset"], content.occupations, date(2026, 1, 5))
    assert said == f"mangler {short}", said


def test_jobnet_makes_only_jobnets_warnings_errors(jobnet_project, capsys):
    _apply(jobnet_project, ("    email: helle@ballerup.dk\n", ""))
    _apply(jobnet_project, ("intro: |\n  Vi søger en pædagog.\n", "intro: |\n  Vi søger en pædagog. Læs mere her.\n"))
    code, text = check(jobnet_project, capsys, "--jobnet")
    assert code == 1
    other = [ln for ln in text.splitlines() if "ny.yml" in ln and "Jobnet" not in ln]
    assert other and all("advarsel:" in ln for ln in other), text


def test_a_deadline_before_the_day_it_is_sent_is_refused():
    content = load_site(ROOT)
    entry = next(p for p in content.postings if p.id == "ressourcepaedagoger-midtbyens-dagtilbud")
    unit = content.units[entry.posting.workplace]
    found = jobnet.findings(entry.posting, unit, content.occupations, date(2026, 3, 1))
    assert "fristen er før indsendelsen" in [f.short for f in found]


def test_a_closed_or_withdrawn_posting_is_not_checked_for_jobnet():
    content = load_site(ROOT)
    entry = next(p for p in content.postings if p.id == "ressourcepaedagoger-midtbyens-dagtilbud")
    unit = content.units[entry.posting.workplace]
    assert jobnet.readiness(entry.posting, unit, content.occupations, date(2026, 3, 1)).startswith("sendes ikke")


def test_the_example_postings_lack_a_postcode_and_a_contact_email(monkeypatch, capsys):
    monkeypatch.setenv("JOBSITE_TODAY", TODAY)
    code, text = check(ROOT, capsys, "--jobnet", "jobs/paedagogisk-leder-stjernehuset.yml")
    assert code == 1
    assert ("jobs/paedagogisk-leder-stjernehuset.yml:3:1: arbejdssted (workplace): Jobnet kræver et postnummer for "
            "arbejdsstedet 'Børnehuset Stjernehuset'") in text
    assert "jobs/paedagogisk-leder-stjernehuset.yml:71:5: kontakt nr. 1 (contacts): Jobnet kræver kontaktpersonens " \
           "e-mail" in text


def test_the_summary_says_each_postings_readiness_in_one_line(jobnet_project, monkeypatch):
    from generator.summary import summary
    monkeypatch.chdir(jobnet_project)
    text = summary(jobnet_project, ["jobs/ny.yml"])
    assert "- **Jobnet:** klar \\(felterne til Jobnet: `job/ny/jobnet.html` i forhåndsvisningen\\)" in text
    _apply(jobnet_project, ("    email: helle@ballerup.dk\n", ""))
    _apply(jobnet_project, ("orgs", '              postal_code: "2750"\n', ""))
    text = summary(jobnet_project, ["jobs/ny.yml"])
    assert "- **Jobnet:** mangler postnummer\\, kontaktpersonens e\\-mail" in text


# --- the sheet's fields against the model -------------------------------------------------------------

# Every field of a posting, by whether Jobnet takes it. A new field of the model must be put in one of them.
TAKEN = {"title", "workplace", "positions", "hours", "employment", "employment_end", "start", "published",
         "deadline", "deadline_time", "role", "contacts", "apply", "job_type", "working_periods",
         "intro", "sections", "terms"}
NOT_TAKEN = {"interviews", "age_groups", "summary", "requirements", "role_description", "links", "withdrawn"}

FULL = GOOD.replace("hours: 37", "hours: 32.5\npositions: 3\njob_type: fleksjob\nworking_periods: [aften, weekend]") \
    .replace("employment: fast", "employment: tidsbegrænset\nemployment_end: 2026-12-31") \
    .replace("start:\n  asap: true", "start:\n  date: 2026-03-01\n  asap: true") \
    .replace("deadline: 2026-01-31", "deadline: 2026-01-31\ndeadline_time: \"12:00\"") \
    .replace("contacts:\n  - name: Helle Kristensen", "sections:\n  - heading: Om huset\n    text: Et *godt* hus.\n"
             "terms: Løn efter overenskomst.\ncontacts:\n  - name: Helle Kristensen\n    title: distriktsleder")


def test_every_field_of_the_model_is_decided():
    assert TAKEN | NOT_TAKEN == set(Posting.model_fields) and not TAKEN & NOT_TAKEN


def _site(project: Path):
    content = load_site(project)
    return content, build_listing(content, clock.now())


def test_every_field_jobnet_takes_is_on_the_sheet(jobnet_project):
    (jobnet_project / "jobs" / "ny.yml").write_text(FULL, encoding="utf-8")
    content, listing = _site(jobnet_project)
    job = listing.open[0]
    rows = {f.label: f.value for f in render.fields(job, content, listing.today)}
    text = render.text_html(job)
    shown = {
        "title": rows["Jobannoncens overskrift"] == job.posting.title,
        "workplace": rows["Arbejdsstedets navn"] == "Børnehuset Stjernehuset" and rows["Postnummer"] == "2750"
        and rows["Arbejdsstedets adresse"] == "Testvej 1" and rows["By"] == "Ballerup",
        "positions": rows["Antal stillinger"] == "3",
        "hours": rows["Arbejdstid"] == "Deltid, 32,5 timer om ugen",
        "employment": rows["Ansættelsesforhold"].startswith("Tidsbegrænset stilling"),
        "employment_end": "31.12.2026" in rows["Ansættelsesforhold"] or "2026" in rows["Ansættelsesforhold"],
        "start": "snarest muligt" in rows["Tiltrædelse"] and "2026" in rows["Tiltrædelse"],
        "published": rows["Vises på Jobnet fra"] != "",
        "deadline": rows["Vises på Jobnet til"] != "" and "2026" in rows["Ansøgningsfrist"],
        "deadline_time": "kl. 12.00" in rows["Ansøgningsfrist"],
        "role": rows["Stillingsbetegnelse (DISCO-08)"].startswith("2342"),
        "contacts": rows["Kontaktperson"] == "Helle Kristensen" and rows["Kontaktpersonens e-mail"] == "helle@ballerup.dk"
        and rows["Kontaktpersonens telefon"] != "",
        "apply": rows["Ansøgning: webadresse"] == "https://ballerup.dk/job",
        "job_type": rows["Jobtype"] == "Fleksjob",
        "working_periods": rows["Arbejdstidspunkter"] == "Aften, Weekend",
        "intro": "Vi søger en pædagog." in text,
        "sections": "<p><strong>Om huset</strong></p>" in text and "<em>godt</em>" in text,
        "terms": "Løn efter overenskomst." in text,
    }
    assert set(shown) == TAKEN
    assert all(shown.values()), [k for k, v in shown.items() if not v]
    data = render.ad(job, content, listing.today)
    assert data["job_type"] == "flexjob" and data["working_periods"] == ["evening", "weekend"]
    assert data["working_time"] == {"full_time": False, "hours_per_week": 32.5, "no_upper_limit": False}
    assert data["employment"] == {"type": "limited_period", "end": "2026-12-31"} and data["ready"]


def test_the_sheet_is_only_in_the_preview():
    from generator.mkdocs.pages import generated_sources
    content = load_site(ROOT)
    listing = build_listing(content, clock.at(date(2026, 1, 5)))
    public, preview = generated_sources(listing, content), generated_sources(listing, content, preview=True)
    sheets = preview - public
    assert sheets == {f"job/{job.id}/jobnet.md" for job in listing.open} and len(sheets) == 2


# --- the export of the example postings ---------------------------------------------------------------

def test_the_built_site_has_the_export_and_no_sheet(built_site):
    site = built_site(TODAY)
    index = json.loads(site.page("job/jobnet/index.json"))
    assert index["format"] == render.FORMAT and index["today"] == TODAY
    ids = [e["id"] for e in index["open"]]
    assert ids == ["paedagogisk-leder-stjernehuset", "ressourcepaedagoger-midtbyens-dagtilbud"]
    assert not list(site.root.glob("job/*/jobnet*")), "the sheet is the preview's only"
    leader = json.loads(site.page("job/jobnet/paedagogisk-leder-stjernehuset.json"))
    assert leader["title"] == "Pædagogisk leder til Børnehuset Stjernehuset – Distrikt Baltorp"
    assert leader["occupation"]["disco_08"] == "1341" and leader["working_time"]["no_upper_limit"] is True
    assert leader["workplace"] == {"name": "Børnehuset Stjernehuset", "street": None, "postal_code": None,
                                   "city": "Ballerup", "employer": "Ballerup Kommune"}
    assert leader["missing"] == ["arbejdsstedets adresse", "postnummer", "kontaktpersonens e-mail"]
    assert leader["contact"]["name"] == "Helle Kristensen" and leader["application"]["deadline"] == "2026-01-10"
    resource = json.loads(site.page("job/jobnet/ressourcepaedagoger-midtbyens-dagtilbud.json"))
    assert resource["positions"] == 2 and resource["occupation"]["disco_08"] == "2342"
    assert resource["working_time"] == {"full_time": True, "hours_per_week": 37.0, "no_upper_limit": False}
    for data in (leader, resource):
        assert_subset(data["text_html"])
        assert "<p><strong>" in data["text_html"]


def test_a_closed_posting_is_listed_to_be_closed(built_site):
    index = json.loads(built_site("2026-01-20").page("job/jobnet/index.json"))
    assert [e["id"] for e in index["close"]] == ["paedagogisk-leder-stjernehuset"]
    assert index["close"][0]["action"] == "CloseJob"
    assert not (built_site("2026-01-20").root / "job/jobnet/paedagogisk-leder-stjernehuset.json").exists()


def assert_subset(html: str) -> None:
    """Only the tags Jobnet takes, and no attribute on any of them."""
    if not html.strip():
        return
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in tree.iter():
        if element is tree:
            continue
        assert element.tag in render.SUBSET, element.tag
        assert not element.attrib, (element.tag, element.attrib)


# --- hostile text in every field ------------------------------------------------------------------------

PWN = "window.__pwned=1"
HOSTILE = {  # what validation lets through: entities, quotes, ampersands, a < b (raw markup is refused)
    "title": f"'Pædagog &lt;script&gt;{PWN}&lt;/script&gt; \"x\" & a < 5'",
    "name": f"'Helle &lt;img src=x onerror={PWN}&gt; & \"K\"'",
    "ctitle": f"'leder&lt;/td&gt;&#60;script&#62;{PWN} a < b'",
    "heading": f"'&lt;/p&gt;&lt;svg onload={PWN}&gt; & **ikke fed** [x](https://evil.example)'",
}


def hostile_posting() -> str:
    text = GOOD.replace("title: Pædagog til Børnehuset Stjernehuset", f"title: {HOSTILE['title']}")
    text = text.replace("  - name: Helle Kristensen", f"  - name: {HOSTILE['name']}\n    title: {HOSTILE['ctitle']}")
    text = text.replace("intro: |\n  Vi søger en pædagog.\n",
                        f"intro: |\n  Vi søger &lt;script&gt;{PWN}&lt;/script&gt; og [et link](https://ballerup.dk/x) "
                        f"a < 5.\nsections:\n  - heading: {HOSTILE['heading']}\n    text: Tekst.\n")
    return text


def test_hostile_text_stays_text_in_the_export_and_the_sheet(jobnet_project):
    (jobnet_project / "jobs" / "ny.yml").write_text(hostile_posting(), encoding="utf-8")
    content, listing = _site(jobnet_project)
    job = listing.open[0]
    p = job.posting
    data = json.loads(render.export_files(listing, content)["job/jobnet/ny.json"])
    # Plain values are exactly what was written (json escapes them for JSON); the text is the subset only.
    assert data["title"] == p.title
    assert data["contact"]["name"] == p.contacts[0].name and data["contact"]["title"] == p.contacts[0].title
    assert_subset(data["text_html"])
    assert "<script" not in data["text_html"] and "<svg" not in data["text_html"]  # text, not elements
    assert "&lt;script&gt;" in data["text_html"] and "et link" in data["text_html"] and "href" not in data["text_html"]
    # The sheet: the page's HTML has no element or attribute from content, and shows each text as written.
    sheet = render.sheet(job, content, listing.today)
    body = sheet.split("---\n", 2)[2]
    tree = lxml.html.fragment_fromstring(body.split("\n", 2)[2], create_parent="div")
    assert not tree.xpath("//script[not(@src)] | //img | //svg | //*[@onerror] | //*[@onload] | //b")
    assert [s.get("src") for s in tree.xpath("//script")] == ["../../../assets/jobnet.js"]
    values = [" ".join(e.text_content().split()) for e in tree.xpath("//span[starts-with(@id, 'jobnet-value-')]")]
    assert p.title in values and p.contacts[0].name in values
    assert p.contacts[0].title in " ".join(tree.xpath("//small/text()"))
    text = tree.xpath("//div[@id='jobnet-text']")[0]
    assert_subset(lxml.html.tostring(text, encoding="unicode").split(">", 1)[1].rsplit("</div>", 1)[0])
    assert p.sections[0].heading in text.text_content()
    code = tree.xpath("//code[@id='jobnet-html']")[0].text_content()
    assert code == data["text_html"]  # the HTML source shown as text, the same as the export's
    # The front matter: the title as one YAML string, read back as written.
    import yaml
    meta = yaml.safe_load(sheet.split("---\n", 2)[1])
    assert meta["title"] == "Jobnet: " + p.title and meta["jobsite"]["status"] == "jobnet"


@pytest.mark.parametrize("field, value, says", [
    ("job_type", "'<script>x</script>'", "job_type"),
    ("working_periods", "[dag, '<b>nat</b>']", "working_periods"),
    ("job_type", "fleks", "job_type"),
])
def test_a_value_outside_jobnets_lists_is_refused(jobnet_project, capsys, field, value, says):
    path = jobnet_project / "jobs" / "ny.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("hours: 37", f"hours: 37\n{field}: {value}"), "utf-8")
    code, text = check(jobnet_project, capsys)
    assert code == 1 and "jobs/ny.yml:6:" in text and says in text, text


# --- the sheet in the built preview, in Chromium ---------------------------------------------------------

@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Path:
    """The preview (`make preview`'s build) of a project whose one posting has all Jobnet needs."""
    import shutil
    import sys
    from conftest import copy_project, run
    project = copy_project(tmp_path_factory.mktemp("jobnet") / "project")
    shutil.copy2(ROOT / "mkdocs.preview.yml", project / "mkdocs.preview.yml")
    orgs = project / "data" / "organisations.yml"
    orgs.write_text(orgs.read_text(encoding="utf-8").replace(STJERNEHUSET, ADDRESS), encoding="utf-8")
    for old in (project / "jobs").glob("*.yml"):
        old.unlink()
    (project / "jobs" / "ny.yml").write_text(FULL, encoding="utf-8")
    out = project.parent / "preview"
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.preview.yml", "-d", str(out)],
                project, today=TODAY, JOBSITE_PREVIEW="true")
    assert built.code == 0, built.text
    return out


def test_the_preview_has_the_sheet_with_its_script_and_no_inline_code(preview):
    html = (preview / "job" / "ny" / "jobnet.html").read_text(encoding="utf-8")
    tree = lxml.html.document_fromstring(html)
    assert tree.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert tree.xpath("//meta[@http-equiv='Content-Security-Policy']")
    assert "../../assets/jobnet.js" in tree.xpath("//script/@src")
    assert not tree.xpath("//article//script[not(@src)] | //*[@onclick]")
    assert tree.xpath("//h1")[0].text_content() == "Jobnet: Pædagog til Børnehuset Stjernehuset"
    assert tree.xpath("//a[.='Til opslaget']/@href") == ["../ny.html"]
    assert not tree.xpath("//div[contains(@class, 'admonition warning')]")  # ready: nothing missing
    assert (preview / "job" / "jobnet" / "ny.json").is_file()


@pytest.mark.parametrize("label, expected", [("Postnummer", "2750"), ("Kontaktpersonens telefon", "44771847"),
                                             ("Arbejdstidspunkter", "Aften, Weekend")])
def test_a_copy_button_copies_its_value(preview, browser, label, expected):
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto((preview / "job" / "ny" / "jobnet.html").as_uri())
        row = page.locator("tr", has=page.locator("th", has_text=label))
        row.get_by_role("button", name="Kopiér").click()
        copied(page, label)
        assert clipboard(page) == expected
    finally:
        context.close()


def clipboard(page, kind: str = "text/plain") -> str:
    """The clipboard's `kind`, read once the page has the focus reading needs (a busy machine may not give
    it at once). Polled from here: the sheet's CSP lets no string be evaluated in the page, which
    Playwright's wait_for_function does when it polls."""
    page.bring_to_front()
    read = """async (kind) => {
        try {
            const [item] = await navigator.clipboard.read();
            return await (await item.getType(kind)).text();
        } catch (e) {
            return null;
        }
    }"""
    return until(lambda: page.evaluate(read, kind), f"nothing of {kind} on the clipboard")


def copied(page, label: str) -> None:
    """Wait until the sheet says it copied (Playwright's expect runs outside the page's CSP)."""
    from playwright.sync_api import expect
    expect(page.locator(".jobsite-jobnet__status")).to_have_text(f"{label} er kopieret.", timeout=60_000)


def test_the_text_is_copied_with_its_formatting(preview, browser):
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto((preview / "job" / "ny" / "jobnet.html").as_uri())
        page.get_by_role("button", name="Kopiér teksten").click()
        copied(page, "Teksten")
        html = clipboard(page, "text/html")
        assert "<strong>Om huset</strong>" in html and "<em>godt</em>" in html
        assert clipboard(page).startswith("Vi søger en pædagog.")
    finally:
        context.close()


def test_strict_leaves_jobnets_warnings_warnings(jobnet_project, capsys):
    _apply(jobnet_project, ("    email: helle@ballerup.dk\n", ""))
    code, text = check(jobnet_project, capsys, "--strict")
    assert code == 0 and "advarsel: kontakt nr. 1 (contacts): Jobnet kræver kontaktpersonens e-mail" in text, text
    code, text = check(jobnet_project, capsys, "--strict", "--jobnet")
    assert code == 1 and "jobs/ny.yml:20:5: kontakt nr. 1 (contacts): Jobnet kræver" in text, text
