"""What the reviewer sees on the pull request: the job summary says first when the change
touches anything but content, shows where each changed posting sends applicants (apply
address, links, e-mails, each host spelled out, the suspicious ones marked), stays within
a budget far under GitHub's 1 MiB however many postings or warnings there are, and makes
no link of anything content wrote. The check's annotations are capped per file, within
GitHub's ten per severity and step (generator/summary.py, generator/__main__.py)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import cmarkgfm
import pytest
from bs4 import BeautifulSoup
from cmarkgfm.cmark import Options

from conftest import copy_project, run
from generator.__main__ import annotations
from generator.problems import Problem
from generator.summary import MAX_NAMES, MAX_POSTINGS, MAX_PROBLEMS, code, md, summary

GITHUB_LIMIT = 1024 * 1024  # GitHub drops a larger step summary whole


def render_like_github(markdown: str) -> BeautifulSoup:
    """GitHub's Markdown (cmark-gfm with its extensions: autolinks, tables, strike-through)."""
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    return BeautifulSoup(html, "html.parser")


# --- values from content, as Markdown that renders as exactly them ------------------------------------

LINKABLE = [
    "helle@ballerup.dk", "Skriv til helle@ballerup.dk.evil.example i dag", "x.dk@y.dk",
    "helle%40ballerup.dk?bcc=someone@evil.example", "https://ballerup.dk@evil.example/job",
    "www.evil.example", "se www.evil.example/x.", "https://evil.example", "<https://evil.example>",
    "[klik](https://evil.example)", "![s](https://evil.example/p.png)", "@ballerup/hr", "#12", ":+1:",
    "`kode` og ``mere``", "a ` b", "*fed* _x_ ~~væk~~ | c |", "&amp; &#64;", "bаllerup.dk",
]


def test_escaping_alone_does_not_keep_github_from_linking_an_email():
    """Why `md` puts such words in code spans: cmark-gfm links an e-mail address whose '@' and
    '.' are backslash-escaped, as GitHub renders it."""
    html = cmarkgfm.github_flavored_markdown_to_html(r"helle\@ballerup\.dk", options=Options.CMARK_OPT_UNSAFE)
    assert '<a href="mailto:helle@ballerup.dk">' in html


@pytest.mark.parametrize("text", LINKABLE)
def test_a_value_renders_as_exactly_its_text_and_never_as_a_link(text):
    soup = render_like_github(f"- **Titel:** {md(text)}\n\n### {md(text)}\n")
    assert soup.find("a") is None and soup.find("img") is None
    assert {tag.name for tag in soup.find_all(True)} <= {"ul", "li", "strong", "h3", "code"}
    assert soup.find("li").get_text() == f"Titel: {text}"
    assert soup.find("h3").get_text() == text


def test_a_code_span_shows_backticks_and_spaces_as_they_are():
    for text in ("`", "a``b", "` x `", "``"):
        assert render_like_github(code(text)).find("code").get_text() == text


# --- a pull request with one hostile and one good posting -------------------------------------------

HOSTILE_TITLE = "Pædagog – skriv til helle@ballerup.dk.evil.example"
DATES = "\n".join(f"  den {1 + i % 28}/{1 + i % 12}." for i in range(5000))  # 5000 date mentions
HOSTILE = f"""\
title: {HOSTILE_TITLE}
workplace: stjernehuset
hours: 37
employment: fast
start:
  asap: true
published: 2026-01-01
deadline: 2026-01-31
role: pædagog
age_groups: ["0-3"]
intro: |
{DATES}
contacts:
  - name: Helle Kristensen
    phone: 4477 1847
    email: helle@ballerup-jobs.dk
apply:
  url: https://bаllerup.dk/job
links:
  - text: Læs mere
    url: https://ballerup.dk@evil.example/job
  - text: Vilkår
    url: https://ballerup.dk.evil.example/job
"""
OUTSIDE = [".github/workflows/x.yml", "content/vaer-med.md", "mkdocs.yml", "overrides/main.html"]


def git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(project), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                   check=True, capture_output=True)


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory) -> Path:
    """The example project on `main`, and a branch that adds a hostile and a good posting and
    changes a workflow, a hand-written page, mkdocs.yml and the theme."""
    project = copy_project(tmp_path_factory.mktemp("pr") / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "main")
    git(project, "checkout", "-q", "-b", "opslag")
    (project / "jobs" / "hostile.yml").write_text(HOSTILE, encoding="utf-8")
    good = (project / "jobs" / "paedagogisk-leder-stjernehuset.yml").read_text(encoding="utf-8")
    (project / "jobs" / "god.yml").write_text(good.replace("title: Pædagogisk leder", "title: Ny pædagogisk leder"),
                                               encoding="utf-8")
    (project / ".github" / "workflows").mkdir(parents=True)
    (project / ".github" / "workflows" / "x.yml").write_text("on: push\n", encoding="utf-8")
    for rel in OUTSIDE[1:]:
        with (project / rel).open("a", encoding="utf-8") as f:
            f.write("\n")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "opslag")
    return project


@pytest.fixture(scope="module")
def pr_summary(pull_request) -> str:
    result = run([sys.executable, "-m", "generator", "preview", "summary"], pull_request, PREVIEW_DATE="2026-01-05")
    assert result.code == 0, result.text
    return result.out


def test_the_summary_first_says_a_developer_must_review_the_changes_outside_content(pr_summary):
    soup = render_like_github(pr_summary)
    first = soup.find("h2")
    assert first.get_text() == "Ændringer uden for indholdet"
    assert "En udvikler skal gennemgå denne pull request" in first.find_next("p").get_text()
    assert [li.get_text() for li in first.find_next("ul").find_all("li")] == OUTSIDE  # not the postings
    assert [h.get_text() for h in soup.find_all("h2")] == ["Ændringer uden for indholdet", "Forhåndsvisning"]


def test_the_summary_shows_where_each_posting_sends_applicants_with_the_host_spelled_out(pr_summary):
    soup = render_like_github(pr_summary)
    good, hostile = soup.find_all("h3")
    assert good.get_text() == "Ny pædagogisk leder til Børnehuset Stjernehuset – Distrikt Baltorp"
    assert hostile.get_text() == HOSTILE_TITLE  # the e-mail address is text, not a link

    def addresses(heading) -> list[str]:
        intro = next(p for p in heading.find_all_next("p") if p.get_text().startswith("Hvor ansøgerne sendes hen"))
        assert intro.get_text() == "Hvor ansøgerne sendes hen (Ballerup Kommunes domæner: ballerup.dk):"
        return [li.get_text() for li in intro.find_next("ul").find_all("li")]

    assert addresses(good) == ["Søg: ballerup.dk › /job: kommunens eget domæne"]
    apply, userinfo, suffix, email = addresses(hostile)
    assert apply.startswith("⚠️ Søg: bаllerup.dk (i DNS: xn--bllerup-2fg.dk) › /job: tjek: tegnet а (U+0430)")
    assert userinfo.startswith("⚠️ Link (link nr. 1, adresse): evil.example › /job: tjek: 'ballerup.dk@' står "
                               "foran domænet, så browseren åbner evil.example, ikke ballerup.dk")
    assert suffix.startswith("⚠️ Link (link nr. 2, adresse): ballerup.dk.evil.example › /job: tjek: "
                             "ballerup.dk.evil.example er ikke Ballerup Kommunes eget domæne (ballerup.dk)")
    assert email.startswith("⚠️ E-mail (kontakt nr. 1, e-mail): helle@ballerup-jobs.dk på domænet "
                            "ballerup-jobs.dk: tjek: ballerup-jobs.dk er ikke")


def test_the_summary_makes_no_link_of_anything_content_wrote(pr_summary):
    soup = render_like_github(pr_summary)
    assert soup.find("a") is None and soup.find("img") is None and soup.find("table") is None


def test_5000_warnings_in_one_posting_show_a_few_and_a_count(pr_summary):
    soup = render_like_github(pr_summary)
    hostile = soup.find_all("h3")[1]
    headline = hostile.find_next("strong", string=re.compile("advarsler i indholdet"))
    total = int(headline.get_text().split()[0])
    assert total > 4900  # the date mentions, and the four host warnings
    listed = [li.get_text(" ", strip=True) for li in headline.find_next("ul").find_all("li")]
    assert len(listed) == MAX_PROBLEMS + 1
    assert all(line.startswith("Advarsel (linje") and "Teksten nævner" in line for line in listed[:-1])
    # The host warnings are shown with their addresses above, not again here.
    assert listed[-1].startswith(f"… og {total - 4 - MAX_PROBLEMS} flere fejl og advarsler: se dem alle i loggen")
    assert len(pr_summary.encode()) < 20_000


def test_a_change_to_the_kommuners_domains_is_called_out(pull_request, tmp_path):
    project = copy_project(tmp_path / "project")
    rel = "data/organisations.yml"
    out = summary(project, [], None, [rel, "jobs/x.yml"])
    assert "## Ændringer uden for indholdet" not in out
    assert "`data/organisations.yml` er ændret: tjek kommunernes domæner" in out


def test_1000_changed_postings_are_detailed_up_to_a_budget_then_named(tmp_path):
    project = copy_project(tmp_path / "project")
    base = (project / "jobs" / "paedagogisk-leder-stjernehuset.yml").read_text(encoding="utf-8")
    files = []
    for i in range(1000):
        rel = f"jobs/opslag-{i:04d}.yml"
        (project / rel).write_text(base.replace("title: Pædagogisk leder", f"title: Nr. {i} helle@ballerup.dk"),
                                   encoding="utf-8")
        files.append(rel)
    out = summary(project, [str(project / rel) for rel in files], None,
                  files + [f"generator/modul{i}.py" for i in range(500)])
    assert len(out.encode()) < GITHUB_LIMIT / 4
    soup = render_like_github(out)
    assert soup.find("a") is None
    headings = [h.get_text() for h in soup.find_all("h3")]
    assert len(headings) == MAX_POSTINGS + 1
    assert headings[-1] == f"{1000 - MAX_POSTINGS} opslag mere"
    named = [li.get_text() for li in soup.find_all("h3")[-1].find_next("ul").find_all("li")]
    assert named[:2] == [f"jobs/opslag-{MAX_POSTINGS:04d}.yml", f"jobs/opslag-{MAX_POSTINGS + 1:04d}.yml"]
    assert named[-1] == f"… og {1000 - MAX_POSTINGS - MAX_NAMES} flere opslag"
    outside = [li.get_text() for li in soup.find("h2").find_next("ul").find_all("li")]
    assert len(outside) == MAX_NAMES + 1 and outside[-1] == f"… og {500 - MAX_NAMES} flere filer"


# --- annotations -------------------------------------------------------------------------------------

def test_annotations_give_every_file_its_share_within_githubs_ten():
    problems = [Problem("jobs/mange.yml", line, 1, "intro", "dato", "warning") for line in range(1, 5001)]
    problems += [Problem("jobs/a.yml", 3, 1, "title", "titel", "warning"),
                 Problem("jobs/b.yml", 7, 1, "apply.url", "adresse", "warning"),
                 Problem("jobs/b.yml", 9, 1, "hours", "timer"),
                 Problem("data/organisations.yml", 2, 1, "name", "navn")]
    lines = annotations(problems)
    errors = [ln for ln in lines if ln.startswith("::error ")]
    warnings = [ln for ln in lines if ln.startswith("::warning ")]
    assert len(errors) == 2 and len(warnings) == 10
    assert {re.search(r"file=([^,]*)", ln)[1] for ln in warnings} == {"jobs/a.yml", "jobs/b.yml", "jobs/mange.yml"}
    assert lines[-1].startswith("::notice title=Flere fejl og advarsler::4992 fejl og advarsler mere vises ikke")
    assert len(lines) == 13


def test_check_under_github_actions_caps_the_annotations_and_prints_every_problem(pull_request):
    result = run([sys.executable, "-m", "generator", "check"], pull_request, "2026-03-01", GITHUB_ACTIONS="true")  # closed, not yet gone
    assert result.code == 0, result.text  # warnings only
    annotated = [ln for ln in result.out.splitlines() if ln.startswith("::")]
    warnings = [ln for ln in annotated if ln.startswith("::warning ")]
    assert len(warnings) == 10 and annotated[-1].startswith("::notice ")
    # Taken in turn from each field: the four host warnings are not pushed off by the 4940 dates.
    assert sum("title=Advarsel::indledning (intro): Teksten nævner" in ln for ln in warnings) == 6
    lines = [ln for ln in result.err.splitlines() if ln.startswith("jobs/hostile.yml:")]
    assert len(lines) == int(result.err.split()[0])  # "4944 advarsler i indholdet:" and every one of them
    line = HOSTILE.splitlines().index("  url: https://bаllerup.dk/job") + 1
    assert any(ln.startswith(f"jobs/hostile.yml:{line}:3: advarsel: ansøgning, adresse (url): "
                             "'https://bаllerup.dk/job': tegnet а (U+0430)") for ln in lines)


def test_a_code_span_stays_one_line_so_a_line_break_cannot_open_a_block():
    shown = code("job.aarhus.dk\n\n# godkendt ![ok](//evil.example/p.png)")
    assert "\n" not in shown
    page = render_like_github(f"- {shown}")
    assert page.find("h1") is None and page.find("img") is None and page.find("a") is None


def test_one_long_posting_cannot_push_the_others_out_of_the_summary(tmp_path):
    """Each posting's part has its own budget: a posting with a thousand links is cut, the next one is shown."""
    from generator.summary import PER_POSTING
    project = copy_project(tmp_path / "p")
    good = (Path(__file__).resolve().parent / "good_posting.yml").read_text(encoding="utf-8")
    links = "".join(f"  - text: Link {i}\n    url: https://ballerup.dk.evil{i}.example/{'x' * 200}\n" for i in range(300))
    (project / "jobs" / "aaa-lang.yml").write_text(good.replace("links:\n", "links:\n" + links), encoding="utf-8")
    (project / "jobs" / "bbb-snyd.yml").write_text(good.replace(
        "  url: https://ballerup.dk/job", "  url: https://ballerup.dk.evil.example/job"), encoding="utf-8")
    text = summary(project, [str(project / "jobs" / "aaa-lang.yml"), str(project / "jobs" / "bbb-snyd.yml")])
    first, second = text.split("Fil: ")[1:3]
    assert len(first.encode()) <= PER_POSTING + 500
    assert "ballerup.dk.evil.example" in second and "⚠️" in second


def test_a_postings_part_over_its_budget_is_cut_with_a_line_saying_so():
    from generator.summary import _within
    lines = [f"- linje {i} " + "x" * 100 for i in range(1000)]
    kept = _within(lines, 20_000)
    assert sum(len(line.encode()) + 1 for line in kept) < 20_500
    assert kept[-2].startswith("… og ") and "linjer mere om dette opslag" in kept[-2]
    assert _within(lines[:3], 20_000) == lines[:3]
