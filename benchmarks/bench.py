"""Benchmark: how fast the site builds and how heavy it is as the archive grows.

For each N it writes N synthetic postings into a temporary copy of the
project, then measures, interleaved in the same run:

- the full build (`mkdocs build --strict`, what `make build` runs): wall time
  and peak memory of the build process;
- `python -m generator check`;
- a plain MkDocs + Material build of the very same pages: the generator
  renders them once, they are written as ordinary Markdown files into a
  project with the same theme settings, indexed by Pagefind after the build
  as the jobsite plugin does, but without the jobsite plugin. The ratio of
  the two is the generator's own cost;
- sizes: the search bundle (Pagefind) on disk, a posting page (raw and
  gzipped) and everything a first visit downloads (HTML, CSS, JS, fonts; the
  search loads nothing before the visitor searches);
- the search in a browser (search_size.py): the bytes a first query downloads
  at 100, 1000 and 10 000 open postings, and what the search adds to a page.

It prints a table with the budgets of issue 7 beside the figures and asserts
nothing about time. `make bench` runs it; see "Benchmark" in README.md.

    python benchmarks/bench.py                  # N = 100, 1000, 5000 (+ 5000 with 100 open)
    python benchmarks/bench.py --sizes 20       # quick
    python benchmarks/bench.py --profile 1000   # where the generator's time goes (cProfile)
    python benchmarks/bench.py --search-only    # only the search's weight (search_size.py)
    python benchmarks/bench.py --national       # the national scale instead (national.py: 98 kommuner,
                                                # 20 000 posting files; its own flags follow, see --national --help)
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import lighthouse  # noqa: E402
import live  # noqa: E402
import search_size  # noqa: E402
from synthetic import write_content  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from project_copy import copy_project  # noqa: E402 - the tests' copy of the project
TODAY = date(2026, 3, 2)  # the synthetic postings are open or closed relative to this day
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "JOBSITE_TODAY": TODAY.isoformat(), "PYTHONHASHSEED": "0"}
ENV.pop("CI", None)


# --- projects -----------------------------------------------------------------

def make_project(dest: Path, n: int, open_count: int) -> Path:
    """A copy of the project whose jobs/ and organisations are synthetic."""
    copy_project(dest)
    write_content(dest, n, open_count, TODAY)
    return dest


def without_jobsite_plugin(mkdocs_yml: str) -> str:
    """The same configuration, minus the `- jobsite` plugin entry (and its options)."""
    out, skipping, indent = [], False, 0
    for line in mkdocs_yml.splitlines(keepends=True):
        stripped = line.lstrip()
        here = len(line) - len(stripped)
        if skipping and stripped.strip() and here > indent:
            continue
        skipping = False
        if re.match(r"- jobsite\s*(:.*)?$", stripped.rstrip()):
            skipping, indent = True, here
            continue
        out.append(line)
    return "".join(out)


def export_plain(project: Path, plain: Path) -> None:
    """Write the pages the generator makes as plain Markdown into a MkDocs project without it.

    Runs MkDocs' own steps up to the Markdown of each page (config, files,
    page_markdown events), so every page the plugin adds or changes is
    exported exactly as the real build sees it.
    """
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page
    from mkdocs.utils.meta import YAML_RE

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(plain / "_unused"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = get_files(config)
    files = config.plugins.on_files(files, config=config)
    docs = plain / "content"
    shutil.copytree(project / "content", docs)
    shutil.copytree(project / "overrides", plain / "overrides")
    (plain / "mkdocs.yml").write_text(without_jobsite_plugin((project / "mkdocs.yml").read_text("utf-8")), "utf-8")
    for f in files:
        if f.is_documentation_page():
            page = f.page or Page(None, f, config)
            page.read_source(config)
            markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            source = f.content_string
            front = YAML_RE.match(source)
            text = (front[0] + "\n" if front else "") + markdown
            if text != source or f.generated_by:
                (docs / f.src_uri).parent.mkdir(parents=True, exist_ok=True)
                (docs / f.src_uri).write_text(text, "utf-8")
        elif getattr(f, "generated_by", None):
            (docs / f.src_uri).parent.mkdir(parents=True, exist_ok=True)
            (docs / f.src_uri).write_bytes(f.content_bytes)


# --- measuring ----------------------------------------------------------------

@dataclass
class Timed:
    seconds: float
    cpu: float  # user + system seconds of the process and the children it waited for
    peak_rss_mb: float
    output: str


def run_timed(args: list[str], cwd: Path) -> Timed:
    """Run a command; wall time and the peak RSS of that process (os.wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed in {cwd}:\n{out}")
    return Timed(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out)


def mkdocs_build(project: Path, site: Path) -> Timed:
    if site.exists():
        shutil.rmtree(site)
    return run_timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)], project)


def plain_build(project: Path, site: Path) -> Timed:
    """The plain MkDocs build, and Pagefind over the site it wrote: the same pages, searchable the same
    way (the jobsite build indexes with Pagefind as part of the build)."""
    built = mkdocs_build(project, site)
    indexed = run_timed([sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "da",
                         "--silent"], project)
    return Timed(built.seconds + indexed.seconds, built.cpu + indexed.cpu, max(built.peak_rss_mb, indexed.peak_rss_mb),
                 built.output + indexed.output)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


@dataclass
class Sizes:
    bundle: int = 0  # the search's files (pagefind/) on disk, as published (Pagefind gzips its own)
    bundle_files: int = 0
    job_fragments: int = 0  # Pagefind's fragments of the pages under job/: list page and postings
    closed_entries: int = 0  # index entries of closed postings: must be 0
    page_raw: int = 0  # median over open postings
    page_gz: int = 0
    first_visit_gz: int = 0
    first_visit_parts: dict[str, int] = field(default_factory=dict)


def measure_sizes(site: Path) -> Sizes:
    s = Sizes()
    bundle = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    s.bundle, s.bundle_files = sum(p.stat().st_size for p in bundle), len(bundle)
    jobs = json.loads((site / "job" / "jobs.json").read_text("utf-8"))["postings"]
    closed = {p["id"] for p in jobs if p["status"] != "open"}
    open_ = [p["id"] for p in jobs if p["status"] == "open"]
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        url = json.loads(data[len(b"pagefind_dcd"):])["url"]
        if url.startswith("/job/"):
            s.job_fragments += path.stat().st_size
            if url.split("/")[2] in closed:
                s.closed_entries += 1
    if not open_:
        return s
    pages = sorted((len((site / "job" / i / "index.html").read_bytes()), i) for i in open_)
    pick = pages[len(pages) // 2][1]
    html_path = site / "job" / pick / "index.html"
    html = html_path.read_bytes()
    s.page_raw, s.page_gz = len(html), gz(html)
    s.first_visit_parts = first_visit(site, html_path)
    s.first_visit_gz = sum(s.first_visit_parts.values())
    return s


def first_visit(site: Path, html_path: Path) -> dict[str, int]:
    """Gzipped bytes of what a first visit to the page downloads.

    The HTML, its stylesheets and scripts, and the fonts the stylesheets load
    (url(...) to a font file). The search loads nothing until the visitor
    searches (search_size.py measures what it loads then).
    """
    html = html_path.read_text("utf-8")
    base = "/" + html_path.relative_to(site).as_posix()
    refs = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    refs += re.findall(r'<script[^>]+src="([^"]+)"', html)
    parts = {"html": gz(html.encode())}
    seen: set[str] = set()
    queue = [urljoin(base, r) for r in refs if "://" not in r]
    while queue:
        url = queue.pop(0).split("#")[0].split("?")[0]
        if url in seen:
            continue
        seen.add(url)
        path = site / url.lstrip("/")
        if not path.is_file():
            continue
        data = path.read_bytes()
        kind = "font" if path.suffix in (".woff2", ".woff", ".ttf") else path.suffix.lstrip(".")
        parts[kind] = parts.get(kind, 0) + (len(data) if kind == "font" else gz(data))
        if path.suffix == ".css":
            for ref in re.findall(r'url\(["\']?([^"\')]+)["\']?\)', data.decode("utf-8", "replace")):
                if re.search(r"\.(woff2?|ttf)(\?|#|$)", ref) and "://" not in ref and not ref.startswith("data:"):
                    queue.append(urljoin(url, ref))
    return parts


# --- one scenario -------------------------------------------------------------

@dataclass
class Result:
    n: int
    open: int
    build: float
    plain: float | None
    build_cpu: float
    plain_cpu: float | None
    rss_mb: float
    plain_rss_mb: float | None
    check: float
    sizes: Sizes

    @property
    def ratio(self) -> float | None:
        return self.build / self.plain if self.plain else None

    @property
    def cpu_ratio(self) -> float | None:
        return self.build_cpu / self.plain_cpu if self.plain_cpu else None


def repeats_for(n: int) -> int:
    return 3 if n <= 200 else 2  # the best of two: one build can be slowed by the machine


def scenario(work: Path, n: int, open_count: int, repeat: int, plain: bool = True) -> Result:
    project = make_project(work / f"project-{n}-{open_count}", n, open_count)
    plain_dir = work / f"plain-{n}-{open_count}"
    if plain:
        subprocess.run([sys.executable, __file__, "_export", str(project), str(plain_dir)], env=ENV, check=True)
    builds, plains, checks, rss = [], [], [], []
    for _ in range(repeat):  # interleaved, so both see the same machine load
        t = mkdocs_build(project, project / "site")
        builds.append(t)
        rss.append(t.peak_rss_mb)
        if plain:
            plains.append(plain_build(plain_dir, plain_dir / "site"))
        checks.append(run_timed([sys.executable, "-m", "generator", "check", "--root", str(project)], project).seconds)
    sizes = measure_sizes(project / "site")
    return Result(n, open_count, min(t.seconds for t in builds), min(t.seconds for t in plains) if plains else None,
                  min(t.cpu for t in builds), min(t.cpu for t in plains) if plains else None,
                  max(rss), max(t.peak_rss_mb for t in plains) if plains else None, min(checks), sizes)


# --- the table ----------------------------------------------------------------

def kb(b: float) -> str:
    return f"{b / 1024:.1f} KB"


def table(results: list[Result]) -> str:
    def per_open(r: Result) -> str:
        return kb(r.sizes.job_fragments / r.open) if r.open else "-"

    rows: list[tuple[str, str, list[str]]] = [
        ("postings (open)", "", [f"{r.n} ({r.open})" for r in results]),
        ("full build (make build)", "", [f"{r.build:.2f} s" for r in results]),
        ("plain MkDocs, same pages", "", [f"{r.plain:.2f} s" if r.plain else "-" for r in results]),
        ("build / plain", "<= 1.10 (N>=1000)", [f"{r.ratio:.3f}" if r.ratio else "-" for r in results]),
        ("CPU time: build, plain", "", [f"{r.build_cpu:.1f}, {r.plain_cpu:.1f} s" if r.plain_cpu else
                                        f"{r.build_cpu:.1f} s" for r in results]),
        ("CPU time: build / plain", "", [f"{r.cpu_ratio:.3f}" if r.cpu_ratio else "-" for r in results]),
        ("peak RSS of build", "5000 <= 3x 1000", [f"{r.rss_mb:.0f} MB" for r in results]),
        ("peak RSS of plain build", "", [f"{r.plain_rss_mb:.0f} MB" if r.plain_rss_mb else "-" for r in results]),
        ("check", "< 5 s at 5000", [f"{r.check:.2f} s" for r in results]),
        ("search bundle on disk", "", [f"{kb(r.sizes.bundle)} ({r.sizes.bundle_files} files)" for r in results]),
        ("search fragments of job/ per open posting", "<= 8 KB", [per_open(r) for r in results]),
        ("index entries of closed postings", "0", [str(r.sizes.closed_entries) for r in results]),
        ("posting page HTML", "<= 20 KB", [kb(r.sizes.page_raw) for r in results]),
        ("posting page HTML gzipped", "<= 6 KB", [kb(r.sizes.page_gz) for r in results]),
        ("first visit, gzipped", "<= 80 KB", [kb(r.sizes.first_visit_gz) for r in results]),
    ]
    width = [max(len(r[0]) for r in rows), max(len(r[1]) for r in rows)]
    cols = [max(len(r[2][i]) for r in rows) for i in range(len(results))]
    lines = []
    for i, (name, budget, values) in enumerate(rows):
        cells = [name.ljust(width[0]), budget.ljust(width[1])] + [v.rjust(c) for v, c in zip(values, cols)]
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "|".join("-" * (len(c) + 2) for c in cells) + "|")
    parts = results[-1].sizes.first_visit_parts if results else {}
    lines.append("")
    lines.append("first visit: " + ", ".join(f"{k} {kb(v)}" for k, v in parts.items()))
    by_n = {r.n: r for r in results if r.plain}
    if 1000 in by_n and 5000 in by_n:
        lines.append(f"peak RSS 5000 / 1000: {by_n[5000].rss_mb / by_n[1000].rss_mb:.2f} (budget <= 3)")
    return "\n".join(lines)


# --- search weight -------------------------------------------------------------

def search_only(work: Path, open_counts: list[int]) -> str:
    """The search's weight in a browser at N open postings (search_size.py). Budget: a first query
    downloads at most 150 KB gzipped at 1000 open postings, 300 KB at 10 000."""
    return search_size.run(open_counts, work / "search-size")


# --- profile ------------------------------------------------------------------

def profile(work: Path, n: int, open_count: int, top: int) -> None:
    """Build once in this process under cProfile; print the generator's share."""
    import cProfile
    import pstats

    project = make_project(work / f"profile-{n}", n, open_count)
    os.environ.update(ENV)
    os.chdir(project)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config("mkdocs.yml", site_dir=str(work / "profile-site"))
    config.plugins.on_startup(command="build", dirty=False)
    prof = cProfile.Profile()
    start = time.perf_counter()
    prof.enable()
    build(config)
    prof.disable()
    total = time.perf_counter() - start
    stats = pstats.Stats(prof)
    hooks: dict[str, float] = {}
    for (file, _, func), (_, _, _, cum, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "/generator/" in file and func.startswith("on_"):
            hooks[func] = hooks.get(func, 0) + cum
    print(f"build under cProfile: {total:.2f} s (N={n}, {open_count} open)")
    print("jobsite plugin hooks (cumulative): " + ", ".join(f"{k} {v:.2f} s" for k, v in
                                                          sorted(hooks.items(), key=lambda kv: -kv[1])))
    print(f"generator total: {sum(hooks.values()):.2f} s = {sum(hooks.values()) / total:.0%} of the build\n")
    stats.sort_stats("cumulative").print_stats("/generator/", top)
    # Without the profiler: the build process's own time (the second process works beside it).
    subprocess.run([sys.executable, str(HERE / "hooktimes.py"), str(work / "hooktimes-site")],
                   cwd=project, env={**ENV, "PYTHONPATH": str(ROOT)}, check=True)


# --- main ---------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--national" in argv:  # a scale of its own, with its own budgets and flags (national.py)
        import national
        return national.main([a for a in argv if a != "--national"])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--national", action="store_true",
                        help="the national scale instead (national.py; its flags: --national --help)")
    parser.add_argument("--sizes", default="100,1000,5000", help="comma-separated N (default 100,1000,5000)")
    parser.add_argument("--open-share", type=float, default=0.2, help="share of postings that are open (0.2)")
    parser.add_argument("--closed-check", type=int, default=None, metavar="N",
                        help="also build N postings with only 100 open (default: the largest N when >= 1000)")
    parser.add_argument("--repeat", type=int, default=None, help="builds per N (default 3/2/1 by size)")
    parser.add_argument("--profile", type=int, metavar="N", help="profile one build of N postings instead")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--live", default="100,1000", help="N for the live-preview timing ('' to skip)")
    parser.add_argument("--live-rounds", type=int, default=3, help="edits timed per N in the live preview (3)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--search-only", nargs="?", const="100,1000,10000", metavar="N,N",
                        help="only the weight of a first search at these numbers of open postings "
                             "(default 100,1000,10000)")
    parser.add_argument("--search-sizes", default="100,1000,10000",
                        help="open postings for the search's weight after the table ('' to skip)")
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="jobsite-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.profile:
            profile(work, args.profile, max(1, round(args.profile * args.open_share)), 25)
            return 0
        if args.search_only:
            print(search_only(work, [int(x) for x in args.search_only.split(",") if x.strip()]), flush=True)
            return 0
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        closed_check = args.closed_check if args.closed_check is not None else \
            (max(sizes) if max(sizes) >= 1000 else 0)
        results = []
        for n in sizes:
            open_count = max(1, round(n * args.open_share))
            print(f"N={n} ({open_count} open) ...", file=sys.stderr, flush=True)
            results.append(scenario(work, n, open_count, args.repeat or repeats_for(n)))
        if closed_check:
            print(f"N={closed_check} (100 open) ...", file=sys.stderr, flush=True)
            results.append(scenario(work, closed_check, 100, 1, plain=False))
        print(f"\nBuild speed and weight ({os.cpu_count()} CPUs, today {TODAY}; times: best of repeated runs)\n")
        print(table(results), flush=True)
        search_sizes = [int(s) for s in args.search_sizes.split(",") if s.strip()]
        if search_sizes:
            print()
            print(search_only(work, search_sizes), flush=True)
        live_sizes = [int(s) for s in args.live.split(",") if s.strip()]
        if live_sizes:
            print("\nLive preview (make serve: mkdocs serve --dirty), save -> page reloaded with the edit:")
        for n in live_sizes:
            project = work / f"project-{n}-{max(1, round(n * args.open_share))}"
            if not project.exists():
                project = make_project(work / f"live-{n}", n, max(1, round(n * args.open_share)))
            print(f"  N={n}: {live.summary(live.save_to_reload(project, ENV, args.live_rounds))}", flush=True)
        if not args.no_lighthouse:
            print()
            print("\n".join(lighthouse.run()))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "_export":
        os.chdir(sys.argv[2])
        export_plain(Path(sys.argv[2]), Path(sys.argv[3]))
        sys.exit(0)
    sys.exit(main())
