"""What the search costs a visitor, measured in a browser: the bytes a first query downloads,
and the bytes the search adds to a page before anyone searches.

For each N it builds the project with N synthetic open postings (synthetic.py: varied text, so
compression does not flatter the figure), serves the site on 127.0.0.1 and drives Debian's
Chromium (Playwright):

- a posting page is opened: every response is counted, and the files of the search
  (pagefind/, assets/search.js) must be none of them; what the search adds to that page is the
  header's form (gzipped, as part of the HTML) and assets/search.css;
- the search page is opened with ?q=<query> in a fresh browser (nothing cached) and every
  response of the search (assets/search.js and everything under pagefind/) is counted until the
  results are shown: the script, Pagefind's script, worker and WebAssembly, its entry and
  metadata, the index chunks for the query's words and the fragments of the first page of
  results.

Sizes are what travels gzipped: a file a static host would gzip (HTML, CSS, JS, JSON) counts its
gzip -6 size; Pagefind's own files (.pagefind, .pf_meta, .pf_index, .pf_fragment) are gzip already
and count as they are. Also reported: the indexing time (the build's log line from
generator/mkdocs/search.py).

    python benchmarks/search_size.py                 # N = 100, 1000, 10000
    python benchmarks/search_size.py --sizes 100     # quick
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))
from synthetic import write_content  # noqa: E402
from project_copy import copy_project  # noqa: E402

TODAY = date(2026, 3, 2)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
QUERIES = ("pædagog", "støttebehov")  # the commonest word of the site, and a word of one posting's text
BUDGETS = {1000: 150 * 1024, 10000: 300 * 1024}
PRECOMPRESSED = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")
INDEXED = re.compile(r"Søgeindeks \(Pagefind\): (\d+) sider på ([\d.]+) s")


def travelled(path: str, body: bytes) -> int:
    """The bytes a response takes on the wire, gzipped as a static host does."""
    return len(body) if path.endswith(PRECOMPRESSED) else len(gzip.compress(body, 6))


def is_search_file(path: str) -> bool:
    return "/pagefind/" in path or path.endswith("/assets/search.js")


@dataclass
class Query:
    query: str
    results: str
    files: dict[str, int] = field(default_factory=dict)  # kind -> bytes

    @property
    def total(self) -> int:
        return sum(self.files.values())


@dataclass
class Figures:
    n: int
    pages: int
    index_seconds: float
    build_seconds: float
    bundle_files: int
    bundle_bytes: int
    page_load_search_files: int  # bytes of search files a page load fetched: must be 0
    page_adds: dict[str, int]
    queries: list[Query]


def make_project(dest: Path, n: int) -> Path:
    from search_project import refresh_editor_config  # the editor's config follows data/organisations.yml

    copy_project(dest)
    write_content(dest, n, n, TODAY)
    refresh_editor_config(dest)
    return dest


def build(project: Path, site: Path) -> tuple[float, int, float]:
    import os
    import time

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "JOBSITE_TODAY": TODAY.isoformat()}
    env.pop("CI", None)
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=project,
                         env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"build failed:\n{run.stdout}{run.stderr}")
    found = INDEXED.search(run.stdout + run.stderr)
    return seconds, int(found[1]) if found else 0, float(found[2]) if found else 0.0


def serve(site: Path):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def kind_of(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if name.endswith(".pf_index"):
        return "index chunks"
    if name.endswith(".pf_fragment"):
        return "fragments"
    if name.endswith(".pf_meta") or name == "pagefind-entry.json":
        return "entry + meta"
    if name.endswith(".pagefind"):
        return "wasm"
    return name  # search.js, pagefind.js, pagefind-worker.js


def bodies(responses) -> list[tuple[str, bytes]]:
    """Each finished response's path and body, read once the page is idle."""
    out = []
    for response in responses:
        try:
            out.append((urlsplit(response.url).path, response.body()))
        except Exception:  # a redirect or an aborted request has no body
            continue
    return out


def measure(site: Path) -> tuple[int, dict[str, int], list[Query]]:
    from playwright.sync_api import expect, sync_playwright

    base, server = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # A posting page: what loads before anyone searches.
            context = browser.new_context()
            page = context.new_page()
            responses: list = []
            page.on("response", lambda r: responses.append(r))
            posting = sorted(p.parent.name for p in (site / "job").glob("*/index.html")
                             if (p.parent / "kalender.ics").exists())[0]
            page.goto(f"{base}job/{posting}/")
            page.wait_for_load_state("networkidle")
            loaded = bodies(responses)
            searched = sum(travelled(path, body) for path, body in loaded if is_search_file(path))
            html = next(body for path, body in loaded if path.endswith(f"/job/{posting}/")).decode("utf-8")
            form = re.search(r'<form class="jobsite-search".*?</form>', html, re.S)
            without = html.replace(form[0], "") if form else html
            adds = {"header form (in the HTML)": len(gzip.compress(html.encode(), 6)) -
                    len(gzip.compress(without.encode(), 6)),
                    "search.css": sum(travelled(path, body) for path, body in loaded if path.endswith("/search.css"))}
            context.close()
            queries = []
            for q in QUERIES:
                context = browser.new_context()
                page = context.new_page()
                responses = []
                page.on("response", lambda r: responses.append(r))
                page.goto(f"{base}soeg/?q={quote(q)}")
                status = page.locator("#jobsite-searchpage-status")
                expect(status).to_contain_text(f"»{q}«", timeout=120_000)
                page.wait_for_load_state("networkidle")
                expect(page.locator("#jobsite-searchpage-results > li")).not_to_have_count(0)
                files: dict[str, int] = {}
                for path, body in bodies(responses):
                    if is_search_file(path):
                        files[kind_of(path)] = files.get(kind_of(path), 0) + travelled(path, body)
                queries.append(Query(q, status.inner_text(), files))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return searched, adds, queries


def figures(work: Path, n: int) -> Figures:
    print(f"search size: N={n} open ...", file=sys.stderr, flush=True)
    project = make_project(work / f"search-{n}", n)
    site = project / "site"
    seconds, pages, index_seconds = build(project, site)
    bundle = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    searched, adds, queries = measure(site)
    return Figures(n, pages, index_seconds, seconds, len(bundle), sum(p.stat().st_size for p in bundle),
                   searched, adds, queries)


def kb(b: float) -> str:
    return f"{b / 1024:.1f} KB"


def report(rows: list[Figures]) -> str:
    lines = [f"Search (Pagefind) weight, gzipped as it travels (today {TODAY}; budget: first query <= 150 KB at "
             "1000 open postings, <= 300 KB at 10 000)", ""]
    head = "| open postings | pages indexed | indexing | build | bundle on disk | page load: search files | " \
           "page load: search adds | " + " | ".join(f"first query »{q}«" for q in QUERIES) + " | budget |"
    lines += [head, "|" + "---|" * head.count(" | ") + "---|"]
    for f in rows:
        budget = BUDGETS.get(f.n)
        worst = max(q.total for q in f.queries)
        verdict = "" if budget is None else ("ok" if worst <= budget else "OVER")
        lines.append(f"| {f.n} | {f.pages} | {f.index_seconds:.1f} s | {f.build_seconds:.1f} s | "
                     f"{f.bundle_files} files, {kb(f.bundle_bytes)} | {kb(f.page_load_search_files)} | "
                     f"{kb(sum(f.page_adds.values()))} | " + " | ".join(kb(q.total) for q in f.queries) +
                     f" | {kb(budget) + ' ' + verdict if budget else '-'} |")
    lines.append("")
    for f in rows:
        lines.append(f"N={f.n}: a page load adds " + ", ".join(f"{k} {kb(v)}" for k, v in f.page_adds.items()))
        for q in f.queries:
            lines.append(f"N={f.n} »{q.query}« ({q.results}): " +
                         ", ".join(f"{k} {kb(v)}" for k, v in sorted(q.files.items(), key=lambda kv: -kv[1])))
    return "\n".join(lines)


def run(sizes: list[int], keep: Path | None = None) -> str:
    work = keep or Path(tempfile.mkdtemp(prefix="jobsite-search-size-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return report([figures(work, n) for n in sizes])
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated N open postings")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    print(run([int(s) for s in args.sizes.split(",") if s.strip()], args.keep), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
