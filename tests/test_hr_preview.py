"""HR sees a posting before it is live: `make preview` builds the site as it will
look on the day the posting is published, to open from disk (file://) with
working menu, job list, postings, search and assets, a banner naming the day,
nothing loaded from another host, and the page script keeping that day as
"now"; the pull request's summary lists the facts and warnings, escaped."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import cmarkgfm
import pytest
from bs4 import BeautifulSoup
from cmarkgfm.cmark import Options

from conftest import ROOT, copy_project, mkdocs_build, run
from safety_scan import assert_clean, baseline, scan_site
from generator import clock, preview
from generator.render import danish

# A day after the real today, so the new posting is "published in the future": a build for
# today would not list it at all. The example postings have closed by then.
DAY = clock.today() + timedelta(days=30)
DEADLINE = DAY + timedelta(days=14)
TITLE = "Pædagog til Solsikkehuset i Stjernehuset"
POSTING = "paedagog-solsikkehuset"
BANNER = f"Forhåndsvisning – sådan ser siden ud {danish.long_date(DAY)}"

FUTURE_POSTING = f"""\
title: {TITLE}
workplace: stjernehuset
hours: 37
employment: fast
start:
  asap: true
published: {DAY.isoformat()}
deadline: {DEADLINE.isoformat()}
role: pædagog
age_groups: ["3-6"]
intro: |
  Vi søger en pædagog til Solsikkehuset, vores nye stue for de store børn.
contacts:
  - name: Helle Kristensen
    phone: 4477 1847
apply:
  url: https://ballerup.dk/job
"""


# Accepted but hostile text (tests/test_hostile_content.py, "posting-everything"): in the preview,
# opened from disk, none of it may become code (its policy, too, runs inline scripts only by hash).
PWN = "window.__pwned=1"
HOSTILE = "hostile-preview"
HOSTILE_SHOWN = f"Alt på én gang &lt;script&gt;{PWN}&lt;/script&gt; a < 5"
HOSTILE_POSTING = f"""\
title: '{HOSTILE_SHOWN}'
workplace: stjernehuset
hours: 30
employment: fast
start:
  asap: true
published: {(DAY - timedelta(days=5)).isoformat()}
deadline: {(DAY + timedelta(days=20)).isoformat()}
role: pædagog
age_groups: ["0-3"]
summary: '&lt;svg onload={PWN}&gt;'
intro: |
  Vi søger &lt;script&gt;{PWN}&lt;/script&gt; og [en kollega](https://www.ballerup.dk/ "\\"onmouseover={PWN}").
  &#60;img src=x onerror={PWN}&#62; og [Vær med](/vaer-med/).
role_description: paedagog
sections:
  - heading: 'Om &lt;b&gt;os&lt;/b&gt; [x](https://x.example/{PWN})'
    text: |
      - **fed** &lt;i onclick={PWN}&gt;
      - a < 5 og b > 3
contacts:
  - name: 'Helle &lt;img src=x onerror={PWN}&gt;'
    phone: 4477 1847
apply:
  url: https://ballerup.dk/job
  text: '&lt;a href=javascript:{PWN}&gt;søg&lt;/a&gt;'
links:
  - text: '&lt;a onclick={PWN}&gt;Læs om arbejdet'
    url: /vaer-med/
"""


def project_with_preview(dest: Path) -> Path:
    project = copy_project(dest)
    shutil.copy2(ROOT / "mkdocs.preview.yml", project / "mkdocs.preview.yml")
    return project


def build_preview(project: Path, out: Path, **env: str) -> str:
    """What `make preview` runs: the day from `python -m generator preview date`, then the build."""
    day = run([sys.executable, "-m", "generator", "preview", "date"], project, **env)
    assert day.code == 0, day.text
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.preview.yml", "-d", str(out)],
                project, today=day.out.strip(), JOBSITE_PREVIEW="true")
    assert built.code == 0, built.text
    return day.out.strip()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A preview of the example site plus a posting published on the preview's day, and a hostile one."""
    project = project_with_preview(tmp_path_factory.mktemp("preview") / "project")
    (project / "jobs" / f"{POSTING}.yml").write_text(FUTURE_POSTING, encoding="utf-8")
    (project / "jobs" / f"{HOSTILE}.yml").write_text(HOSTILE_POSTING, encoding="utf-8")
    out = project.parent / "preview"
    assert build_preview(project, out, PREVIEW_DATE=DAY.isoformat()) == DAY.isoformat()
    return out


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[Path, object]:
    """`make preview` of the example site itself, for 2026-01-05, into a folder of its own."""
    out = tmp_path_factory.mktemp("made") / "forhaandsvisning"
    result = run(["make", "--no-print-directory", "preview", "PREVIEW_DATE=2026-01-05", f"PREVIEW_DIR={out}"], ROOT)
    assert result.code == 0, result.text
    return out, result


def pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


# --- the built preview -------------------------------------------------------------------------


def test_make_preview_builds_the_day_it_is_given_into_the_folder_it_is_given(made):
    out, result = made
    assert f"{out}/index.html" in result.out
    home = (out / "index.html").read_text(encoding="utf-8")
    banner = BeautifulSoup(home, "html.parser").select_one("aside.md-banner").get_text(" ", strip=True)
    assert banner == "Forhåndsvisning – sådan ser siden ud mandag den 5. januar 2026"
    assert '<meta name="jobsite-now" content="2026-01-05T00:00:00+01:00">' in home
    # Both example postings are open on that day, each on a page of its own.
    job_list = (out / "job" / "index.html").read_text(encoding="utf-8")
    for posting in ("paedagogisk-leder-stjernehuset", "ressourcepaedagoger-midtbyens-dagtilbud"):
        assert (out / "job" / f"{posting}.html").is_file()
        assert f'href="{posting}.html"' in job_list


@pytest.mark.parametrize("value", ["2026-02-30", "5. januar", "2026-1-5"])
def test_a_bad_preview_date_is_told_in_danish_and_nothing_is_built(tmp_path, value):
    out = tmp_path / "forhaandsvisning"
    result = run(["make", "--no-print-directory", "preview", f"PREVIEW_DATE={value}", f"PREVIEW_DIR={out}"], ROOT)
    assert result.code != 0
    assert f"Ingen forhåndsvisning: PREVIEW_DATE='{value}'" in result.err
    assert "ÅÅÅÅ-MM-DD" in result.err or "findes ikke i kalenderen" in result.err
    assert "Traceback" not in result.text
    assert not out.exists()


def test_the_posting_published_on_the_preview_day_is_listed_and_has_its_page(site):
    job_list = BeautifulSoup((site / "job" / "index.html").read_text(encoding="utf-8"), "html.parser")
    titles = [a.get_text(strip=True) for a in job_list.select(".jobsite-card__title a")]
    assert titles == [TITLE, HOSTILE_SHOWN]  # by deadline; the example postings have closed by then
    assert job_list.select_one(".jobsite-card__title a")["href"] == f"{POSTING}.html"
    assert (site / "job" / f"{POSTING}.html").is_file()


def test_every_page_carries_the_banner_and_the_preview_day_as_now(site):
    moment = datetime.combine(DAY, datetime.min.time(), clock.TZ).isoformat()
    found = pages(site)
    assert len(found) > 10
    for path in found:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        banner = soup.select_one("aside.md-banner")
        assert banner is not None and banner.get_text(" ", strip=True) == BANNER, path
        assert soup.select_one('meta[name="jobsite-now"]')["content"] == moment, path


LOADED = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}  # <link>s a browser fetches


def _local(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("#")


def test_every_link_and_asset_of_the_preview_is_a_file_in_it(site):
    """Opened from disk, a link to a folder shows a listing: every link must name a file."""
    checked, kinds = 0, set()
    for path in pages(site):
        if path.name == "404.html":
            continue  # only a web server shows it, for an address that is missing; its links start at /
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, attrs={attr: True}):
                url = element[attr]
                loads = tag != "a" and not (tag == "link" and not LOADED.intersection(element.get("rel", [])))
                if loads:  # what the page loads comes from the preview itself
                    assert _local(url) or url.startswith("data:"), (path, url)
                if not _local(url):
                    continue
                target = (path.parent / unquote(urlsplit(url).path)).resolve()
                assert target.is_file(), f"{path.relative_to(site)}: {url}"
                assert site.resolve() in target.parents, (path, url)
                checked += 1
                kinds.add(target.suffix)
    # Pages, stylesheets, scripts, the PDFs, the feeds and the calendars: all reached as files.
    assert {".html", ".css", ".js", ".pdf", ".xml", ".ics", ".png"} <= kinds, kinds
    assert checked > 200
    assert (site / "pagefind" / "jobsite-preview.js").is_file()  # the search's light index, for file://


def test_a_normal_build_has_no_banner_and_the_visitors_clock(tmp_path, built_site):
    """Without a fixed day there is no jobsite-now (the page script uses the visitor's clock);
    with JOBSITE_TODAY but no preview the day is kept, with no banner and directory URLs."""
    project = copy_project(tmp_path / "project")
    result = mkdocs_build(project, tmp_path / "site", None)
    assert result.code == 0, result.text
    normal = (tmp_path / "site" / "job" / "index.html").read_text(encoding="utf-8")
    assert "jobsite-now" not in normal and "md-banner" not in normal and "Forhåndsvisning" not in normal
    fixed = built_site("2026-01-05").page("/job/")
    assert '<meta name="jobsite-now" content="2026-01-05T00:00:00+01:00">' in fixed
    assert "md-banner" not in fixed
    assert 'href="paedagogisk-leder-stjernehuset/"' in fixed


def test_the_preview_carries_no_active_content_from_the_hostile_posting(site, made):
    """The safety scan of tests/test_hostile_content.py, over the preview: scripts only as a clean
    preview (`make preview` of the example site) has them, no handlers, nothing from another host."""
    assert_clean(scan_site(site, baseline(made[0])))
    soup = BeautifulSoup((site / "job" / f"{HOSTILE}.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("article h1").get_text() == HOSTILE_SHOWN  # shown as the text that was written


# --- in Chromium, from the file system ---------------------------------------------------------


@pytest.fixture
def requests(page) -> list[str]:
    seen: list[str] = []
    page.context.on("request", lambda request: seen.append(request.url))
    return seen


def assert_nothing_from_another_host(requests: list[str]) -> None:
    assert requests, "no request was seen"
    others = [u for u in requests if urlsplit(u).scheme not in ("file", "data", "about", "blob")]
    assert others == []


def test_from_disk_the_menu_the_job_list_and_a_posting_work(site, page, requests):
    from playwright.sync_api import expect

    page.goto((site / "index.html").as_uri())
    expect(page.locator("aside.md-banner")).to_have_text(BANNER)
    page.locator(".md-sidebar--primary").get_by_role("link", name="Ledige stillinger").click()
    expect(page).to_have_url((site / "job" / "index.html").as_uri())
    expect(page.locator(".jobsite-card__title a")).to_have_text([TITLE, HOSTILE_SHOWN])
    page.locator(".jobsite-card__title a", has_text=TITLE).click()
    expect(page).to_have_url((site / "job" / f"{POSTING}.html").as_uri())
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator("aside.md-banner")).to_have_text(BANNER)
    # The stylesheet came with it: Material's header is laid out, not a plain list.
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") in ("sticky", "fixed")
    page.get_by_role("link", name="Alle ledige stillinger").click()
    expect(page).to_have_url((site / "job" / "index.html").as_uri())
    page.locator(".md-sidebar--primary").get_by_role("link", name="Stillingsbeskrivelser").click()
    expect(page).to_have_url((site / "stillingsbeskrivelser" / "index.html").as_uri())
    page.locator(".jobsite-role-links a").first.click()
    expect(page.locator("h1")).to_be_visible()
    assert page.url.endswith(".html")
    assert_nothing_from_another_host(requests)


def test_every_preview_page_runs_inline_scripts_only_by_hash(site):
    """The theme's inline scripts are allowed by their hashes (render/csp.py), nothing else inline."""
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)[1]
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
        assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src, path


def test_from_disk_search_finds_the_new_posting(site, page, requests):
    from playwright.sync_api import expect

    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    from search_project import search_from_header

    page.goto((site / "job" / "index.html").as_uri())
    results = search_from_header(page, "solsikkehuset")  # the search page, with the light index
    expect(results.first.locator("a").first).to_have_text(TITLE)
    results.first.locator("a").first.click()
    expect(page).to_have_url(re.compile(re.escape((site / "job" / f"{POSTING}.html").as_uri())))
    expect(page.locator("h1")).to_have_text(TITLE)
    assert violations == []  # the light index loaded as a script of the site, under the page's policy
    assert_nothing_from_another_host(requests)


def test_from_disk_the_posting_stays_open_although_the_browsers_clock_is_past_its_deadline(site, page, requests):
    from playwright.sync_api import expect

    later = datetime.combine(DEADLINE + timedelta(days=45), datetime.min.time(), clock.TZ).replace(hour=10)
    page.clock.set_fixed_time(later)
    page.goto((site / "job" / f"{POSTING}.html").as_uri())
    expect(page.locator(".jobsite-facts .jobsite-badge")).to_have_text("Frist om 14 dage")
    expect(page.locator(".jobsite-apply").first).to_be_visible()
    expect(page.locator(".jobsite-notice--expired")).to_have_count(0)
    page.goto((site / "job" / "index.html").as_uri())
    expect(page.locator(".jobsite-card", has_text=TITLE)).to_have_attribute("data-status", "open")
    # The same page without the day it was built for closes by the browser's clock.
    html = (site / "job" / f"{POSTING}.html").read_text(encoding="utf-8")
    without = site / "job" / f"{POSTING}-uden-dag.html"
    without.write_text(re.sub(r'<meta name="jobsite-now"[^>]*>', "", html), encoding="utf-8")
    try:
        page.goto(without.as_uri())
        expect(page.locator(".jobsite-notice--expired")).to_have_count(1)
        expect(page.locator(".jobsite-apply").first).to_be_hidden()
    finally:
        without.unlink()
    assert_nothing_from_another_host(requests)


def test_from_disk_no_hostile_text_runs(site, page, requests):
    from playwright.sync_api import expect

    for path in (site / "job" / "index.html", site / "job" / f"{HOSTILE}.html"):
        page.goto(path.as_uri())
        expect(page.locator("aside.md-banner")).to_have_text(BANNER)  # the page script and theme ran
        page.mouse.move(300, 400)
        for link in page.locator("article a:visible").all()[:20]:
            link.hover()
        assert page.evaluate("window.__pwned") is None, path
    assert_nothing_from_another_host(requests)


# --- the default day, from Git -------------------------------------------------------------------


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=HR", "-c", "user.email=hr@example.dk", "-c", "init.defaultBranch=main",
                    *args], cwd=repo, check=True, capture_output=True)


def posting_file(repo: Path, name: str, published: str) -> None:
    (repo / "jobs").mkdir(parents=True, exist_ok=True)
    text = (ROOT / "tests" / "good_posting.yml").read_text(encoding="utf-8")
    (repo / "jobs" / name).write_text(re.sub(r"(?m)^published: .*$", f"published: {published}", text),
                                      encoding="utf-8")


def test_the_default_day_is_the_latest_published_among_the_postings_changed_against_main(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    posting_file(repo, "gammel.yml", "2026-01-02")
    posting_file(repo, "rettes.yml", "2026-01-03")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "main")
    git(repo, "switch", "-q", "-c", "nyt-opslag")
    today = date(2026, 6, 1)
    assert preview.changed_postings(repo) == []
    assert preview.preview_day(repo, today=today) == today  # nothing changed yet

    posting_file(repo, "ny.yml", "2026-03-01")
    (repo / "data").mkdir()
    (repo / "data" / "roles.yml").write_text("published: 2027-01-01\n", encoding="utf-8")  # not a posting
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "new posting")
    assert preview.changed_postings(repo) == ["jobs/ny.yml"]
    assert preview.preview_day(repo, today=today) == date(2026, 3, 1)

    posting_file(repo, "rettes.yml", "2026-04-01")  # edited, not committed
    assert preview.preview_day(repo, today=today) == date(2026, 4, 1)
    posting_file(repo, "endnu-en.yml", "2026-05-01")  # new, not even added
    assert preview.changed_postings(repo) == ["jobs/endnu-en.yml", "jobs/ny.yml", "jobs/rettes.yml"]
    assert preview.preview_day(repo, today=today) == date(2026, 5, 1)
    assert preview.preview_day(repo, "2026-02-02", today=today) == date(2026, 2, 2)  # PREVIEW_DATE wins

    result = run([sys.executable, "-m", "generator", "preview", "date", "--root", str(repo)], ROOT)
    assert (result.code, result.out) == (0, "2026-05-01\n"), result.text


def test_without_git_or_a_main_branch_the_default_day_is_today(tmp_path):
    today = date(2026, 6, 1)
    plain = tmp_path / "plain"
    posting_file(plain, "ny.yml", "2026-03-01")
    assert preview.preview_day(plain, today=today) == today
    other = tmp_path / "other"
    other.mkdir()
    git(other, "init", "-q", "-b", "trunk")
    posting_file(other, "ny.yml", "2026-03-01")
    git(other, "add", ".")
    git(other, "commit", "-q", "-m", "trunk")
    assert preview.preview_day(other, today=today) == today
    result = run([sys.executable, "-m", "generator", "preview", "date", "--root", str(plain)], ROOT,
                 today="2026-06-01")
    assert (result.code, result.out) == (0, "2026-06-01\n"), result.text


# --- the pull request's summary --------------------------------------------------------------------

HOSTILE_TITLE = "Pædagog **fed** [klik](https://evil.example/x) ![s](https://evil.example/p.png) @ballerup/hr #12 :+1: | c |"
HOSTILE_LABEL = "https://evil.example www.evil.example &amp; `kode` ~~væk~~ _x_ \\*"


def render_like_github(markdown: str) -> BeautifulSoup:
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    return BeautifulSoup(html, "html.parser")


def test_the_summary_lists_each_changed_postings_facts_and_warnings(project):
    path = project / "jobs" / "paedagogisk-leder-stjernehuset.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", "title: Pædagog til Stjernehuset", text)
    text = re.sub(r"(?m)^contacts:\n(?:  .*\n)*", "", text)  # no contact person: a warning
    path.write_text(text, encoding="utf-8")
    result = run([sys.executable, "-m", "generator", "preview", "summary", "jobs/paedagogisk-leder-stjernehuset.yml"],
                 project, PREVIEW_DATE="2026-01-05")
    assert result.code == 0, result.text
    soup = render_like_github(result.out)
    assert [h.get_text() for h in soup.find_all("h3")] == ["Pædagog til Stjernehuset"]
    facts = [li.get_text(" ", strip=True) for li in soup.select("h3 ~ ul")[0].find_all("li")]
    assert facts[:5] == [
        "Arbejdssted: Børnehuset Stjernehuset · Distrikt Baltorp · Ballerup Kommune",
        "Vises på sitet fra: fredag den 12. december 2025",
        "Ansøgningsfrist: lørdag den 10. januar 2026",
        "Samtaler: 1. samtale torsdag den 15. januar 2026; 2. samtale torsdag den 22. januar 2026",
        "Timer: Fuldtid uden øvre arbejdstid",
    ]
    assert facts[5].startswith("Læsbarhed: LIX ")
    # When the contacts leave the site and the page goes (the retention rule: 30 and 90 days after the deadline).
    assert facts[6] == ("Efter fristen: kontaktpersoner og tekst fjernes fra sitet efter mandag den 9. februar 2026; "
                        "siden forsvinder efter fredag den 10. april 2026")
    assert facts[7] == "Jobnet: sendes ikke (fristen er passeret)"  # on the clock's day; the preview's is set
    addresses = [li.get_text(" ", strip=True) for li in soup.select("h3 ~ ul")[1].find_all("li")]
    assert addresses == ["Søg: ballerup.dk › /job : kommunens eget domæne"]
    warnings = [li.get_text(" ", strip=True) for li in soup.select("h3 ~ ul")[2].find_all("li")]
    assert len(warnings) >= 1
    assert any(w.startswith("Advarsel (linje") and "ingen kontaktperson" in w for w in warnings), warnings
    assert "mandag den 5. januar 2026" in soup.get_text()  # the day the preview shows


def test_the_summary_escapes_what_the_posting_says(project):
    path = project / "jobs" / "ressourcepaedagoger-midtbyens-dagtilbud.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", "title: '" + HOSTILE_TITLE.replace("'", "''") + "'", text)
    text = text.replace("  - label: Samtaler\n", "  - label: '" + HOSTILE_LABEL.replace("'", "''") + "'\n")
    path.write_text(text, encoding="utf-8")
    check = run([sys.executable, "-m", "generator", "check", str(path.relative_to(project))], project)
    assert check.code == 0, check.text  # the check lets this title through: the summary must hold
    result = run([sys.executable, "-m", "generator", "preview", "summary", "jobs/" + path.name], project)
    assert result.code == 0, result.text
    soup = render_like_github(result.out)
    assert [h.get_text() for h in soup.find_all("h3")] == [HOSTILE_TITLE]  # exactly the text, as text
    assert f"Samtaler: {HOSTILE_LABEL} torsdag den 19. februar 2026" in [li.get_text() for li in soup.find_all("li")]
    # Nothing but the summary's own structure: no link, image, table, strike-through or emphasis.
    assert {tag.name for tag in soup.find_all(True)} == {"h2", "h3", "p", "ul", "li", "strong", "code"}
    # Code spans: the summary's own, and each word GitHub would link (an e-mail, a URL, www., #12,
    # a mention), which no escaping keeps from becoming a link (tests/test_hr_summary.py).
    codes = [c.get_text() for c in soup.find_all("code")]
    assert codes[:6] == ["index.html", "klik](https://evil.example/x", "![s](https://evil.example/p.png",
                         "@ballerup/hr", "#12", "jobs/" + path.name]  # the title, then the file
    assert codes[6:] == ["https://evil.example", "www.evil.example",  # the interview's label
                         "aarhus.dk", "www.aarhus.dk", "/job", "midtbyensdagtilbud.aarhus.dk",
                         "midtbyensdagtilbud.aarhus.dk"]  # the kommune's domain, then the addresses
    assert [s.get_text() for s in soup.find_all("strong")] == [
        "Artifacts", "forhaandsvisning", "Arbejdssted:", "Vises på sitet fra:", "Ansøgningsfrist:", "Samtaler:",
        "Timer:", "Læsbarhed:", "Efter fristen:", "Jobnet:", "Hvor ansøgerne sendes hen", "Søg:", "Link", "Link i teksten"]

def test_the_summary_lists_a_posting_with_errors_and_its_errors(project):
    path = project / "jobs" / "ressourcepaedagoger-midtbyens-dagtilbud.yml"
    text = path.read_text(encoding="utf-8").replace("deadline: 2026-02-15", "deadline: 2026-02-30")
    path.write_text(text, encoding="utf-8")
    result = run([sys.executable, "-m", "generator", "preview", "summary", "jobs/" + path.name], project)
    assert result.code == 0, result.text
    soup = render_like_github(result.out)
    assert [h.get_text() for h in soup.find_all("h3")] == ["jobs/ressourcepaedagoger-midtbyens-dagtilbud.yml"]
    errors = [li.get_text(" ", strip=True) for li in soup.find_all("li")]
    assert any(e.startswith("Fejl (linje 10, deadline)") and "2026-02-30" in e for e in errors), errors

