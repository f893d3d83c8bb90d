"""The national-scale benchmark (issue 24): a nightly build of the repository a whole country's
daycare would have after three years if nobody cleaned up.

98 kommuner, 20 000 posting files in jobs/ published at an even spread over the three years
before the build day (JOBSITE_TODAY), about 2 000 of them open on that day, the rest closed
at every age, some withdrawn, some with interviews after the deadline (synthetic.write_national).
In a temporary copy of the project (or --keep DIR) it measures, and prints as a Markdown
table beside the budgets (met / missed):

- `mkdocs build --strict` (make build): wall time, and peak memory of the whole process tree
  (the build, its worker, Pagefind): the sum of their RSS, sampled every 50 ms from /proc;
  also the sum of PSS (shared pages counted once) and the CPU time of the tree;
- a plain MkDocs + Material build of the very pages the jobsite build makes, indexed by
  Pagefind (bench.py's comparison): a figure, and the ratio build / plain, not budgets;
- `python -m generator check` of the whole repository, and of one changed posting
  (`check jobs/<one>.yml`);
- `make serve`'s edit-to-reload (live.py) on the national repository;
- how the build's time divides between reading and validating the content, rendering our
  pages, MkDocs and Pagefind (one more build with clocks around the parts: hooktimes.py);
- how many pages were built, and how many posting files were read in full or skipped.

    python benchmarks/national.py                  # the full size (minutes of both cores)
    python benchmarks/national.py --files 2000 --open 200 --kommuner 20   # a quick run
    python benchmarks/bench.py --national ...      # the same (make bench-national)
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))
import bench  # noqa: E402 - ENV, TODAY and the plain project (export_plain)
import live  # noqa: E402
from project_copy import copy_project  # noqa: E402
from synthetic import NationalShape, write_national  # noqa: E402

# Issue 24's budgets at the national scale.
BUILD_SECONDS = 60.0
BUILD_MB = 1024.0
CHECK_SECONDS = 15.0
CHECK_ONE_SECONDS = 2.0
RELOAD_SECONDS = 2.0

PAGE = os.sysconf("SC_PAGE_SIZE")


# --- the process tree's memory ------------------------------------------------

TICK = os.sysconf("SC_CLK_TCK")


def _processes() -> tuple[dict[int, list[int]], dict[int, float]]:
    """Every process's children and CPU seconds so far, from /proc/<pid>/stat (the kernel here has
    no /proc/<pid>/task/*/children)."""
    kids: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue  # gone meanwhile
        fields = stat[stat.rindex(b")") + 2:].split()
        kids.setdefault(int(fields[1]), []).append(int(entry.name))
        cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / TICK
    return kids, cpu


def process_tree(pid: int) -> tuple[list[int], dict[int, float]]:
    """The process and its descendants; the CPU seconds of each."""
    (kids, cpu), out, todo = _processes(), [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, ()))
    return out, {p: cpu.get(p, 0.0) for p in out}


def role(pid: int, root: int) -> str:
    """What a process of the build's tree is, for the table."""
    if pid == root:
        return "main"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read()
    except OSError:
        return "other"
    return "Pagefind" if b"pagefind" in cmdline else "worker"


def rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def pss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@dataclass
class Sampled:
    seconds: float
    cpu: float  # user + system seconds of the process and the children it waited for
    peak_rss_mb: float  # the most the tree's RSS summed to at one sample
    peak_pss_mb: float  # the same with PSS (sampled less often: reading it walks the page tables)
    peak_processes: int
    output: str
    by_role: dict[str, tuple[float, float]] = field(default_factory=dict)  # role -> (CPU s, peak RSS MB of one)


def run_sampled(args: list[str], cwd: Path, env: dict, interval: float = 0.05, pss_every: int = 10) -> Sampled:
    """Run a command; wall time, CPU time and the peak memory of its whole process tree."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        peak_rss = peak_pss = peak_n = 0
        tick = 0
        roles: dict[int, str] = {}
        cpu_of: dict[int, float] = {}  # the last CPU seconds seen of each process
        rss_of: dict[int, int] = {}  # the most RSS seen of each process
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            tree, cpu = process_tree(proc.pid)
            cpu_of.update(cpu)
            rss = {p: rss_bytes(p) for p in tree}
            for p, b in rss.items():
                rss_of[p] = max(rss_of.get(p, 0), b)
                if p not in roles:
                    roles[p] = role(p, proc.pid)
            peak_rss = max(peak_rss, sum(rss.values()))
            peak_n = max(peak_n, len(tree))
            if tick % pss_every == 0:
                peak_pss = max(peak_pss, sum(pss_bytes(p) for p in tree))
            tick += 1
            time.sleep(interval)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed ({proc.returncode}) in {cwd}:\n{output[-5000:]}")
    by_role: dict[str, tuple[float, float]] = {}
    for p, name in roles.items():
        cpu_s, mb = by_role.get(name, (0.0, 0.0))
        by_role[name] = (cpu_s + cpu_of.get(p, 0.0), max(mb, rss_of.get(p, 0) / 2**20))
    return Sampled(seconds, usage.ru_utime + usage.ru_stime, peak_rss / 2**20, peak_pss / 2**20, peak_n, output,
                   by_role)


# --- the measurements ---------------------------------------------------------

def mkdocs_build(project: Path, site: Path, env: dict) -> Sampled:
    shutil.rmtree(site, ignore_errors=True)
    return run_sampled([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
                       project, env)


def plain_build(plain: Path, env: dict) -> Sampled:
    """The plain MkDocs build of the same pages, then Pagefind over the site it wrote (as bench.py)."""
    site = plain / "site"
    built = mkdocs_build(plain, site, env)
    indexed = run_sampled([sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "da",
                           "--silent"], plain, env)
    return Sampled(built.seconds + indexed.seconds, built.cpu + indexed.cpu,
                   max(built.peak_rss_mb, indexed.peak_rss_mb), max(built.peak_pss_mb, indexed.peak_pss_mb),
                   max(built.peak_processes, indexed.peak_processes), built.output + indexed.output)


def html_pages(site: Path) -> int:
    """The pages of a built site: its HTML files (Pagefind's and the editor's folders aside)."""
    return sum(1 for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("pagefind", "admin"))


def check(project: Path, env: dict, files: list[str] = ()) -> tuple[float, str]:
    """Seconds of `python -m generator check [FILES]` in the project's folder, and its last line."""
    run = run_sampled([sys.executable, "-m", "generator", "check", *files], project, env)
    return run.seconds, next((ln for ln in run.output.splitlines() if ln.startswith("OK:")), "")


def changed_posting(project: Path, env: dict) -> tuple[float, str]:
    """An open posting's intro edited as HR would, then `check jobs/<it>.yml`; the file is put back."""
    today = date.fromisoformat(env["JOBSITE_TODAY"])
    for path in sorted((project / "jobs").glob("*.yml")):
        text = path.read_text("utf-8")
        deadline = re.search(r"(?m)^deadline: (\d{4}-\d{2}-\d{2})$", text)
        if deadline and date.fromisoformat(deadline[1]) >= today and "\nwithdrawn:" not in text:
            break
    else:
        raise SystemExit("no open posting to change")
    edited = re.sub(r"(?m)^(intro: \|\n  )", r"\g<1>Vi glæder os til at høre fra dig. ", text, count=1)
    path.write_text(edited, "utf-8")
    try:
        return check(project, env, [f"jobs/{path.name}"])
    finally:
        path.write_text(text, "utf-8")


def divide(project: Path, work: Path, env: dict) -> tuple[dict, str]:
    """One build with clocks around its parts (hooktimes.py): its JSON and its printed table."""
    out = work / "hooktimes.json"
    run = subprocess.run([sys.executable, str(HERE / "hooktimes.py"), str(work / "hooktimes-site"), "--json", str(out)],
                         cwd=project, env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"hooktimes.py failed:\n{run.stdout}{run.stderr}")
    shutil.rmtree(work / "hooktimes-site", ignore_errors=True)
    return json.loads(out.read_text("utf-8")), run.stdout


# --- the table ----------------------------------------------------------------

@dataclass
class Row:
    name: str
    budget: str = ""
    value: str = ""
    verdict: str = ""  # met / missed, for a budget


def budget_row(name: str, limit: float, value: float | None, unit: str, fmt: str = ".1f") -> Row:
    if value is None:
        return Row(name, f"<= {limit:g} {unit}", "not measured", "")
    return Row(name, f"<= {limit:g} {unit}", f"{value:{fmt}} {unit}", "met" if value <= limit else "missed")


@dataclass
class Results:
    shape: NationalShape
    kommuner: int
    generate_s: float = 0.0
    build: Sampled | None = None
    pages: int = 0
    plain: Sampled | None = None
    plain_pages: int = 0
    check_s: float | None = None
    check_line: str = ""
    check_one_s: float | None = None
    check_one_line: str = ""
    reloads: list[float] = field(default_factory=list)
    serve_first_s: float | None = None
    hooks: dict | None = None


def table(r: Results) -> str:
    rows = [Row("posting files (open on the day)", "", f"{r.shape.files} ({r.shape.open})"),
            Row("kommuner", "", str(r.kommuner))]
    if r.hooks:
        f, p = r.hooks["posting_files"], r.hooks["posting_pages"]
        rows += [Row("posting files read in full / skipped", "", f"{f['read_in_full']} / {f['skipped']}"),
                 Row("posting pages: open, closed whole, closed short", "",
                     f"{p['open']}, {p['closed_whole']}, {p['closed_short']}")]
    if r.build:
        b = r.build
        rows += [Row("pages built (HTML files)", "", str(r.pages)),
                 budget_row("nightly build (mkdocs build --strict)", BUILD_SECONDS, b.seconds, "s"),
                 budget_row("peak memory, build's process tree (sum of RSS)", BUILD_MB, b.peak_rss_mb, "MB", ".0f"),
                 Row("peak memory, same tree, sum of PSS", "", f"{b.peak_pss_mb:.0f} MB"),
                 Row("CPU time of the build's process tree", "", f"{b.cpu:.1f} s ({b.peak_processes} processes)")]
        for name, label in [("main", "the build's own process"), ("worker", "its worker (feed, calendars, PDFs)"),
                            ("Pagefind", "Pagefind")]:
            if name in b.by_role:
                cpu_s, mb = b.by_role[name]
                rows.append(Row(f"- {label}: CPU, peak RSS", "", f"{cpu_s:.1f} s, {mb:.0f} MB"))
    if r.plain:
        rows += [Row("plain MkDocs + Pagefind, same pages", "figure", f"{r.plain.seconds:.1f} s ({r.plain_pages} pages)"),
                 Row("build / plain", "figure", f"{r.build.seconds / r.plain.seconds:.2f}" if r.build else "-"),
                 Row("peak memory of plain (sum of RSS)", "", f"{r.plain.peak_rss_mb:.0f} MB")]
    rows += [budget_row("check, whole repository", CHECK_SECONDS, r.check_s, "s", ".2f"),
             budget_row("check of one changed posting", CHECK_ONE_SECONDS, r.check_one_s, "s", ".2f")]
    if r.reloads:
        rows.append(budget_row(f"serve: save -> reloaded page (median of {len(r.reloads)})", RELOAD_SECONDS,
                               statistics.median(r.reloads), "s", ".2f"))
        rows.append(Row("serve: each edit; first build", "", ", ".join(f"{t:.2f}" for t in r.reloads) +
                        f" s; {r.serve_first_s:.1f} s"))
    else:
        rows.append(budget_row("serve: save -> reloaded page", RELOAD_SECONDS, None, "s"))
    if r.hooks:
        total = r.hooks["total"]
        rows.append(Row(f"where a build's time goes (one more build: {total:.1f} s)", "", ""))
        for name, seconds in r.hooks["division"].items():
            rows.append(Row(f"- {name}", "", f"{seconds:.1f} s ({seconds / total:.0%})"))
    cols = [max(len(getattr(x, a)) for x in rows + [Row("figure", "budget", "measured", "")])
            for a in ("name", "budget", "value", "verdict")]
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) if i != 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, cols))) + " |"
    out = [line(["figure", "budget", "measured", ""]), "|" + "|".join("-" * (w + 2) for w in cols) + "|"]
    out += [line([x.name, x.budget, x.value, x.verdict]) for x in rows]
    return "\n".join(out)


def _load() -> str:
    """The machine's load average over the last minute (the figures vary with it)."""
    return Path("/proc/loadavg").read_text().split()[0]


# --- main ---------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="national.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20_000, help="posting files in jobs/ (20000)")
    parser.add_argument("--open", type=int, default=2_000, help="of them open on the day (2000)")
    parser.add_argument("--kommuner", type=int, default=98, help="kommuner (98)")
    parser.add_argument("--today", type=date.fromisoformat, default=bench.TODAY,
                        help=f"the build day, JOBSITE_TODAY ({bench.TODAY})")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (a project there is reused)")
    parser.add_argument("--reload-rounds", type=int, default=3, help="edits timed under serve (3; 0 to skip)")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain MkDocs build")
    parser.add_argument("--no-division", action="store_true", help="skip the build with clocks (hooktimes.py)")
    parser.add_argument("--generate-only", action="store_true",
                        help="write the repository (into --keep DIR) and stop; a later run with --keep reuses it")
    args = parser.parse_args(argv)

    env = {**bench.ENV, "JOBSITE_TODAY": args.today.isoformat()}
    work = args.keep or Path(tempfile.mkdtemp(prefix="jobsite-national-"))
    work.mkdir(parents=True, exist_ok=True)
    project = work / "project"
    say = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    try:
        start = time.perf_counter()
        shape_file = work / "shape.json"
        wanted = [args.files, args.open, args.kommuner, args.today.isoformat()]
        if args.keep and shape_file.is_file() and json.loads(shape_file.read_text())["wanted"] == wanted:
            say(f"reusing the national repository in {project}")
            kept = json.loads(shape_file.read_text())["shape"]
            shape = NationalShape(**{**kept, "today": date.fromisoformat(kept["today"])})
        else:
            say(f"writing {args.files} posting files of {args.kommuner} kommuner into {project} ...")
            shutil.rmtree(project, ignore_errors=True)
            copy_project(project)
            shape = write_national(project, args.files, args.open, args.kommuner, args.today)
            shape_file.write_text(json.dumps({"wanted": wanted, "shape": {**shape.__dict__,
                                                                          "today": args.today.isoformat()}}))
        r = Results(shape, args.kommuner, generate_s=time.perf_counter() - start)
        say(shape.line())
        if args.generate_only:
            say(f"written in {r.generate_s:.0f} s: {project}")
            return 0

        load_before = _load()
        say(f"nightly build (mkdocs build --strict; load average {load_before}) ...")
        r.build = mkdocs_build(project, work / "site", env)
        r.pages = html_pages(work / "site")
        say(f"  {r.build.seconds:.1f} s, {r.build.peak_rss_mb:.0f} MB, {r.pages} pages")

        if not args.no_plain:
            say("plain MkDocs build of the same pages ...")
            plain = work / "plain"
            shutil.rmtree(plain, ignore_errors=True)
            subprocess.run([sys.executable, str(HERE / "bench.py"), "_export", str(project), str(plain)],
                           env=env, check=True)
            r.plain = plain_build(plain, env)
            r.plain_pages = html_pages(plain / "site")
            say(f"  {r.plain.seconds:.1f} s, {r.plain_pages} pages")

        say("check, whole repository and one changed posting ...")
        r.check_s, r.check_line = check(project, env)
        r.check_one_s, r.check_one_line = changed_posting(project, env)
        say(f"  {r.check_s:.2f} s ({r.check_line}); {r.check_one_s:.2f} s ({r.check_one_line})")

        if not args.no_division:
            say("one more build with clocks around its parts (hooktimes.py) ...")
            r.hooks, hook_table = divide(project, work, env)

        if args.reload_rounds:
            say("serve: edit -> reload ...")
            facts: dict = {}
            r.reloads = live.save_to_reload(project, env, args.reload_rounds, facts=facts)
            r.serve_first_s = facts.get("first_build")

        print(f"\nNational scale ({os.cpu_count()} CPUs, load average {load_before} before, {_load()} after; "
              f"today {args.today}; {shape.line()}; generated in {r.generate_s:.0f} s)\n")
        print(table(r))
        if r.hooks:
            print("\nThe build with clocks, hook by hook (hooktimes.py):\n")
            print(hook_table)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
