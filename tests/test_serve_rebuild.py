"""`make serve` after an edit: only the pages made from what changed are rendered
again and reported modified to `mkdocs serve --dirty`; the others keep their text.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.clock import at
from generator.content import load_site
from generator.listing import build_listing
from generator.mkdocs import pages as adapter
from generator.mkdocs.pages import PageTexts, generated_sources, generated_texts
from generator.render import pages

MOMENT = at(date(2026, 1, 5))


def _build(project: Path, cache: PageTexts, calls: list[str], moment=MOMENT) -> dict[str, str]:
    content = load_site(project)  # read again, as each `serve` rebuild does: new objects, equal values
    listing = build_listing(content, moment)
    sources = frozenset(generated_sources(listing, content) | {"index.md", "vaer-med.md"})
    return generated_texts(listing, content, sources, "https://job.example.dk/", cache)


@pytest.fixture
def counted(monkeypatch):
    calls: list[str] = []
    real = pages.posting

    def posting(job, *args, **kwargs):
        calls.append(job.id)
        return real(job, *args, **kwargs)

    monkeypatch.setattr(adapter.pages, "posting", posting)
    return calls


def test_an_unchanged_rebuild_renders_no_posting_and_reports_nothing_modified(project, counted):
    cache = PageTexts()
    first = _build(project, cache, counted)
    assert sorted(counted) == sorted(p.stem for p in (project / "jobs").glob("*.yml"))
    assert cache.changed == set(first)  # the first build: every page is new
    cache.keep()
    counted.clear()

    again = _build(project, cache, counted)
    assert counted == []
    assert again == first
    assert cache.changed == set()


def test_an_edited_posting_is_rendered_again_and_only_it_and_its_list_are_modified(project, counted):
    cache = PageTexts()
    _build(project, cache, counted)
    cache.keep()
    counted.clear()

    edited = project / "jobs" / "paedagogisk-leder-stjernehuset.yml"
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "title: Pædagogisk leder til", "title: Ny titel, pædagogisk leder til", 1), encoding="utf-8")
    texts = _build(project, cache, counted)
    assert counted == ["paedagogisk-leder-stjernehuset"]
    assert "Ny titel" in texts["job/paedagogisk-leder-stjernehuset.md"]
    assert cache.changed == {"job/paedagogisk-leder-stjernehuset.md", "job/index.md"}


def test_a_new_day_or_changed_data_renders_every_posting_again(project, counted):
    cache = PageTexts()
    _build(project, cache, counted)
    cache.keep()
    counted.clear()

    _build(project, cache, counted, moment=at(date(2026, 1, 6)))
    assert len(counted) == 2  # the deadline badges count days from today
    cache.keep()
    counted.clear()

    orgs = project / "data" / "organisations.yml"
    orgs.write_text(orgs.read_text(encoding="utf-8").replace("name: Distrikt Baltorp", "name: Distrikt Baltorp Nord"),
                    encoding="utf-8")
    texts = _build(project, cache, counted, moment=at(date(2026, 1, 6)))
    assert len(counted) == 2
    assert "Distrikt Baltorp Nord" in texts["job/paedagogisk-leder-stjernehuset.md"]


def test_a_failed_build_is_not_what_the_next_one_compares_with(project, counted):
    cache = PageTexts()
    first = _build(project, cache, counted)
    cache.keep()
    edited = project / "jobs" / "paedagogisk-leder-stjernehuset.yml"
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original.replace("title: Pædagogisk leder til", "title: Ændret, pædagogisk leder til", 1),
                      encoding="utf-8")
    _build(project, cache, counted)  # ... and then MkDocs fails: keep() is never called
    edited.write_text(original, encoding="utf-8")
    counted.clear()
    again = _build(project, cache, counted)
    assert counted == []  # equal to the last good build again
    assert again == first
    assert cache.changed == set()


def test_the_home_page_is_rebuilt_when_its_open_jobs_change_although_its_file_did_not(project):
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from generator.mkdocs.pages import mark_filled_pages

    config = load_config(str(project / "mkdocs.yml"))
    config.plugins._current_plugin = "jobsite"  # as while MkDocs runs our on_files (File.generated asks)
    texts = PageTexts()
    shown = {"jobs": "2 ledige stillinger"}

    def fill(markdown: str) -> str:
        return markdown.replace("<!-- jobsite:ledige-stillinger -->", shown["jobs"])

    def build() -> dict[str, bool]:
        files = get_files(config)
        texts.same_shared(None)  # a new build, as generated_texts starts it
        mark_filled_pages(files, config, texts, fill)
        texts.keep()
        return {f.src_uri: f.is_modified() for f in files.documentation_pages() if f.generated_by}

    assert build() == {"index.md": True}  # only the page with markers; modified in the first build
    assert build() == {"index.md": False}  # same filled text: --dirty skips it
    shown["jobs"] = "1 ledig stilling"  # a posting closed or was added; index.md itself is untouched
    assert build() == {"index.md": True}


# --- `make serve` itself: the page first, the feeds and the search index after it -----------------

def test_a_burst_of_background_requests_runs_the_one_running_and_the_newest_only():
    import threading

    from generator.mkdocs.latest import Latest
    from waiting import until

    ran, dropped, release = [], [], threading.Event()
    latest = Latest("test")

    def job(name: str):
        def work():
            if name == "first":
                release.wait()  # still running while the next saves come
            ran.append(name)
        return work

    latest.request(job("first"))
    until(lambda: latest._waiting is None, "the first job to start")
    for name in ("second", "third", "fourth"):
        latest.request(job(name), dropped=lambda name=name: dropped.append(name))
    release.set()
    latest.wait()
    assert ran == ["first", "fourth"]  # the saves in between are written once, by the newest
    assert dropped == ["second", "third"]


def test_serve_shows_an_edit_at_once_and_its_feed_calendar_and_jobs_json_follow(project):
    import os
    import re
    import signal
    import socket
    import subprocess
    import sys
    import urllib.request

    from waiting import until

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "JOBSITE_TODAY": "2026-01-05", "NO_MKDOCS_2_WARNING": "1"}
    # Ctrl-C restored: pytest started by a script in the background (scripts/busy-tests.sh) passes SIGINT on ignored.
    serve = [sys.executable, "-c", "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
             "sys.argv[0] = 'mkdocs'; runpy.run_module('mkdocs', run_name='__main__')", "serve"]
    proc = subprocess.Popen([*serve, "--dev-addr", f"127.0.0.1:{port}",
                             "--livereload", "--dirty", "--no-strict"], cwd=project, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)

    def get(path: str) -> str:
        try:
            with urllib.request.urlopen(base + path, timeout=30) as answer:
                return answer.read().decode("utf-8")
        except OSError:
            return ""

    job = "paedagogisk-leder-stjernehuset"
    try:
        until(lambda: proc.poll() is not None or "Stjernehuset" in get(f"job/{job}/"), "serve's first build")
        assert proc.poll() is None
        until(lambda: job in get("job/jobs.json"), "jobs.json after the first build")
        index = until(lambda: get("pagefind/pagefind-entry.json"), "the search index after the first build")
        posting = project / "jobs" / f"{job}.yml"
        text = posting.read_text("utf-8")
        title = re.search(r"(?m)^title: (.*)$", text)[1].strip().strip("'\"")
        edited = "Souschef i Stjernehuset"
        posting.write_text(text.replace(title, edited, 1), "utf-8")  # HR saves
        until(lambda: edited in get(f"job/{job}/"), "the edited title on the posting's page")
        # The files that follow the page, written by the worker after the reload:
        until(lambda: edited in get("job/feed.xml"), "the edited title in the feed")
        until(lambda: edited in get("job/jobs.json"), "the edited title in jobs.json")
        until(lambda: edited in get(f"job/{job}/{job}.ics"), "the edited title in the posting's calendar")
        until(lambda: get("pagefind/pagefind-entry.json") not in ("", index), "a new search index (its entry names it)")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=300)  # a ceiling for a stuck shutdown, not a speed limit
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    errors = proc.stderr.read()
    assert "Traceback" not in errors and "ERROR" not in errors, errors
