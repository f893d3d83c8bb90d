"""HR in the browser editor (/admin/, Decap CMS) against its local backend: decap-server in
git mode on a scratch git copy of the project, as `make cms` runs it. A save is a commit on
the branch cms/jobs/<id> (the editorial workflow's pull request), and what it wrote must pass
`check` and build."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from conftest import ROOT, _serve, copy_project, mkdocs_build, run
from waiting import CEILING, CEILING_MS, patient_browser, until  # noqa: F401 - patient_browser: autouse

TODAY = "2026-01-05"
DECAP_PORT = 8081  # where Decap looks for its local backend (config: local_backend: true)
GIT_ENV = {"GIT_AUTHOR_NAME": "HR", "GIT_AUTHOR_EMAIL": "hr@example.org",
           "GIT_COMMITTER_NAME": "HR", "GIT_COMMITTER_EMAIL": "hr@example.org"}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}).stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A git copy of the project for decap-server to commit to."""
    path = copy_project(tmp_path_factory.mktemp("cms") / "project")
    shutil.copy2(ROOT / "cms.yml", path / "cms.yml")
    git(path, "init", "-q", "-b", "main")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "start")
    return path


@pytest.fixture(scope="module")
def decap_server(repo):
    node = shutil.which("node")
    server = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
    assert node and server.is_file(), "run `npm ci` (make test does) for node_modules/decap-server"
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", DECAP_PORT)) != 0, f"port {DECAP_PORT} is taken (make cms running?)"
    proc = subprocess.Popen([node, str(server)], cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, **GIT_ENV, "MODE": "git", "GIT_REPO_DIRECTORY": str(repo),
                                 "PORT": str(DECAP_PORT), "BIND_HOST": "127.0.0.1"})
    try:
        until(lambda: listens(DECAP_PORT) or proc.poll() is not None, "decap-server to listen")
        assert proc.poll() is None, f"decap-server stopped ({proc.returncode})"
    except AssertionError as problem:
        proc.kill()
        pytest.fail(f"decap-server did not start: {problem}\n" + proc.stdout.read().decode())
    yield proc
    proc.terminate()
    proc.wait(timeout=CEILING)


def listens(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def editor(page, served_site, decap_server):
    """The editor signed in to the local backend, at the list of postings."""
    page.set_default_timeout(CEILING_MS)  # a 5 MB bundle on a busy machine
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and "Content Security Policy" in m.text and errors.append(m.text))
    page.goto(served_site(TODAY) + "admin/")
    page.get_by_role("button", name="Log ind").click()
    page.get_by_role("heading", name="Jobopslag").wait_for()
    yield page
    assert errors == []


def saved(repo: Path, posting_id: str, collection: str = "jobs", path: str | None = None) -> str:
    """The file as the editor committed it on its branch cms/<collection>/<id> (waits for the commit)."""
    branch = f"cms/{collection}/{posting_id}"
    path = path or f"jobs/{posting_id}.yml"

    def committed() -> bool:
        ahead = subprocess.run(["git", "rev-list", "--count", f"main..{branch}"], cwd=repo, capture_output=True,
                               text=True)
        return ahead.returncode == 0 and int(ahead.stdout) > 0  # the branch is made before its commit

    until(committed, lambda: f"no commit on branch {branch}: {git(repo, 'branch', '--list')}", interval=0.2)
    return git(repo, "show", f"{branch}:{path}")


def as_text(text: str):
    """A YAML file's data with every value as the text written (dates, numbers and times too)."""
    return yaml.load(text, Loader=yaml.BaseLoader)


def choose(page, label: str, text: str) -> None:
    """Pick an option of a select (react-select) by typing it."""
    box = page.get_by_label(label, exact=True)
    box.fill(text)
    page.keyboard.press("Enter")


def fill_new_posting(page, title: str, published: str, deadline: str) -> None:
    page.get_by_role("link", name="Opret dokument af typen jobopslag").click()  # "+ jobopslag"
    page.get_by_label("Titel", exact=True).fill(title)
    choose(page, "Arbejdssted", "Stjernehuset")
    page.get_by_label("Timer om ugen", exact=True).fill("37")
    choose(page, "Ansættelse", "fast")
    page.get_by_label("Første arbejdsdag").fill("2026-03-01")
    page.get_by_label("Vises fra", exact=True).fill(published)
    page.get_by_label("Ansøgningsfrist", exact=True).fill(deadline)
    page.get_by_role("button", name="Tilføj samtale").click()
    page.get_by_label("Runde").fill("1. samtale")
    page.get_by_label("Samtaledato").fill("2026-02-04")
    page.get_by_label("Klokkeslæt (kan").fill("09:00")
    choose(page, "Stillingstype", "pædagog")
    choose(page, "Aldersgrupper", "3-6")
    page.locator('[data-slate-editor="true"]').first.click()  # the introduction (rich text)
    page.keyboard.type("Vi søger en pædagog, der elsker at synge med børnene.")
    page.get_by_role("button", name="Tilføj kontaktperson").click()
    page.get_by_label("Navn", exact=True).fill("Helle Kristensen")
    page.get_by_label("Telefon").fill("4477 1847")
    page.get_by_label("Ansøgningslink").fill("https://ballerup.dk/job")


def test_a_posting_made_in_the_form_passes_check_and_is_on_the_site(editor, repo, tmp_path):
    fill_new_posting(editor, "Pædagog til Børnehuset Stjernehuset", "2026-01-02", "2026-01-31")
    editor.get_by_role("button", name="Gem").click()
    posting_id = "paedagog-til-bornehuset-stjernehuset"  # Decap's slug: ø is o (slugs.py would write oe)
    text = saved(repo, posting_id)
    assert text.startswith("# yaml-language-server: $schema=../schema/posting.schema.json\n")
    data = as_text(text)
    config = yaml.safe_load((ROOT / "content" / "admin" / "config.yml").read_text(encoding="utf-8"))
    order = [f["name"] for f in config["collections"][0]["fields"]]
    assert list(data) == [name for name in order if name in data]  # the model's order, as in a hand-written posting
    assert list(data)[:4] == ["title", "workplace", "positions", "hours"]
    assert data["start"] == {"date": "2026-03-01"}  # asap left out, as a hand-written posting does
    assert data["interviews"] == [{"label": "1. samtale", "date": "2026-02-04", "time": "09:00"}]
    assert data["contacts"] == [{"name": "Helle Kristensen", "phone": "4477 1847"}]
    assert "elsker at synge" in data["intro"]

    site_copy = copy_project(tmp_path / "project")
    (site_copy / "jobs" / f"{posting_id}.yml").write_text(text, encoding="utf-8")
    checked = run([sys.executable, "-m", "generator", "check", f"jobs/{posting_id}.yml"], site_copy, TODAY)
    assert checked.code == 0, checked.text
    built = mkdocs_build(site_copy, tmp_path / "site", TODAY)
    assert built.code == 0, built.text
    page = (tmp_path / "site" / "job" / posting_id / "index.html").read_text(encoding="utf-8")
    assert "Pædagog til Børnehuset Stjernehuset" in page and "elsker at synge" in page


def test_a_new_form_says_nothing_is_saved_and_shows_only_what_its_fonts_have(editor):
    """A brand-new form has nothing saved (Decap's Danish said "Ændringer gemt"), its dates are picked in
    the browser's own order (no ÅÅÅÅ-MM-DD hint beside a dd.mm.åååå picker), and the new-posting
    button's plus is the ASCII one (the fullwidth "＋" is a box in fonts without it)."""
    new = editor.get_by_role("link", name="Opret dokument af typen jobopslag")
    assert new.inner_text().strip().startswith("+ ") and "＋" not in new.inner_text()
    new.click()
    editor.get_by_label("Titel", exact=True).wait_for()
    shown = editor.locator("body").inner_text()
    assert "ændringer gemt" not in shown.lower(), shown
    assert "ÅÅÅÅ" not in shown and "Vælg dagen i kalenderen" in shown
    expect(editor.get_by_text("Ingen ugemte ændringer", exact=True)).to_be_visible()


def test_an_edited_posting_keeps_its_other_fields(editor, repo):
    posting_id = "paedagogisk-leder-stjernehuset"
    before = as_text((repo / "jobs" / f"{posting_id}.yml").read_text(encoding="utf-8"))
    editor.get_by_text(before["title"]).click()
    hours = editor.get_by_label("Timer om ugen", exact=True)
    expect(hours).to_have_value("uden øvre arbejdstid")  # the file is loaded into the form
    hours.fill("37")
    editor.get_by_role("button", name="Gem").click()
    after = as_text(saved(repo, posting_id))
    assert after.pop("hours") == "37" and before.pop("hours") == "uden øvre arbejdstid"
    assert {k: v for k, v in after.items()} == before


def test_a_deadline_before_publishing_is_refused_in_the_form_in_danish(editor, repo):
    """Decap cannot compare two fields; content/admin/regler.js says check's rule before the save."""
    fill_new_posting(editor, "Pædagogisk assistent til Stjernehuset", "2026-02-01", "2026-01-15")
    editor.get_by_role("button", name="Gem").click()
    expect(editor.get_by_text("Dokumentet kunne ikke gemmes")).to_have_text(
        "Dokumentet kunne ikke gemmes: Ansøgningsfristen (2026-01-15) ligger før dagen, opslaget vises fra "
        "(2026-02-01). Ret ansøgningsfristen eller \"Vises fra\".")
    expect(editor.get_by_text("Ugemte ændringer")).to_be_visible()
    assert "paedagogisk-assistent-til-stjernehuset" not in git(repo, "branch", "--list")


def test_an_edited_leaflet_keeps_its_front_matter_and_text(editor, repo, tmp_path):
    leaflet = "content/foldere/ressourcegrupper-haderslev.md"
    before = (repo / leaflet).read_text(encoding="utf-8")
    editor.get_by_role("link", name="Foldere til forældre").click()
    editor.get_by_text("Ressourcegrupper i daginstitutioner").click()
    tagline = editor.get_by_label("Undertitel")
    expect(tagline).to_have_value("Et tilbud til børn med fokus på individuel læring og udvikling")
    tagline.fill("Et tilbud til børn, der har brug for en særlig indsats")
    editor.get_by_role("button", name="Gem").click()
    after = saved(repo, "ressourcegrupper-haderslev", "foldere", leaflet)
    front = lambda text: as_text(text.split("---\n")[1])  # noqa: E731
    body = lambda text: text.split("---\n", 2)[2].strip()  # noqa: E731
    assert front(after).pop("tagline") == "Et tilbud til børn, der har brug for en særlig indsats"
    assert {k: v for k, v in front(after).items() if k != "tagline"} == \
        {k: v for k, v in front(before).items() if k != "tagline"}
    assert body(after) == body(before)  # the text, untouched, is written back as it was
    site_copy = copy_project(tmp_path / "project")
    (site_copy / leaflet).write_text(after, encoding="utf-8")
    checked = run([sys.executable, "-m", "generator", "check", leaflet], site_copy, TODAY)
    assert checked.code == 0, checked.text


def test_a_workplace_name_with_quotes_and_ampersands_is_shown_as_text(page, decap_server, tmp_path):
    """The form's choices come from data/ (built into admin/config.yml): text, never markup."""
    project = copy_project(tmp_path / "project")
    orgs = project / "data" / "organisations.yml"
    name = "Solsikken & \"Venner\" – for børn < 6 år"  # what check lets through: no markup
    orgs.write_text(orgs.read_text(encoding="utf-8").replace(
        "        units:\n          - id: stjernehuset\n",
        "        units:\n          - id: solsikken\n            kind: børnehus\n"
        f"            name: '{name}'\n          - id: stjernehuset\n", 1), encoding="utf-8")
    built = mkdocs_build(project, tmp_path / "site", TODAY)
    assert built.code == 0, built.text
    url, server = _serve(tmp_path / "site")
    try:
        page.goto(url + "admin/#/collections/jobs/new")
        page.get_by_role("button", name="Log ind").click()
        box = page.get_by_label("Arbejdssted", exact=True)
        box.fill("Solsikken")
        option = page.get_by_role("option", name="Solsikken")
        expect(option).to_have_text(f"{name} · Distrikt Baltorp · Ballerup Kommune")
    finally:
        server.shutdown()
