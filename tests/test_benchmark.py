"""The benchmark (`make bench`) run small, so it cannot rot: it builds 20
synthetic postings with the generator and as plain MkDocs pages, prints the
table, times an edit in the live preview, and weighs a first search in Chromium."""
import re
import sys

from conftest import ROOT, run


def row(out: str, name: str) -> list[str]:
    line = next(ln for ln in out.splitlines() if ln.startswith(f"| {name} "))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_benchmark_at_20_postings_prints_the_table_and_times_an_edit_in_the_preview(cli):
    result = run([sys.executable, "benchmarks/bench.py", "--sizes", "20", "--repeat", "1", "--live", "20",
                  "--live-rounds", "1", "--no-lighthouse", "--search-sizes", "20"], ROOT)
    assert result.code == 0, result.text
    out = result.out
    assert row(out, "postings (open)")[-1] == "20 (4)"
    assert re.fullmatch(r"\d+\.\d+ s", row(out, "full build (make build)")[-1])
    assert re.fullmatch(r"\d+\.\d+ s", row(out, "plain MkDocs, same pages")[-1])
    assert re.fullmatch(r"\d+\.\d{3}", row(out, "build / plain")[-1])
    assert row(out, "index entries of closed postings")[-1] == "0"
    assert re.fullmatch(r"\d+\.\d KB", row(out, "posting page HTML gzipped")[-1])
    # The search's weight: a first query, and nothing of the search in a page load before it.
    search = row(out, "20")
    assert search[5] == "0.0 KB", search  # page load: search files
    assert all(re.fullmatch(r"\d+\.\d KB", cell) for cell in search[6:9]), search
    assert re.search(r"N=20 »pædagog« \(\d+ resultater for »pædagog«\.\): .*wasm", out), out
    # The live preview showed the edited posting after a reload (it stops with an error otherwise).
    assert re.search(r"N=20: median \d+\.\d\d s", out), out


def test_national_repository_at_a_tiny_size_has_its_shape_and_passes_check(tmp_path):
    """The national generator (benchmarks/synthetic.py, `bench.py --national`) at 3 kommuner and 60
    files: a tenth open on the day, the rest closed at every age over three years, some withdrawn,
    interviews after the deadline, and every file one `python -m generator check` accepts."""
    from datetime import date

    import yaml

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import write_national

    from project_copy import copy_project

    today = date(2026, 3, 2)
    project = copy_project(tmp_path / "project")
    shape = write_national(project, files=60, open_count=6, kommuner=3, today=today)
    files = sorted((project / "jobs").glob("*.yml"))
    postings = [yaml.safe_load(f.read_text("utf-8")) for f in files]
    assert len(files) == shape.files == 60
    assert all(re.fullmatch(r"[a-z0-9-]{1,80}\.yml", f.name) for f in files)
    kommuner = {k["id"] for k in yaml.safe_load((project / "data" / "organisations.yml").read_text("utf-8"))["kommuner"]}
    assert len(kommuner) == 3 and {"ballerup", "haderslev"} <= kommuner  # the project's own pages name these

    def is_open(p):
        withdrawn = p.get("withdrawn")
        return p["published"] <= today <= p["deadline"] and not (withdrawn and withdrawn["date"] <= today)

    assert sum(map(is_open, postings)) == shape.open == 6
    # The dates spread over the three years before the day: published in each year, closed at every age.
    ages = [(today - p["published"]).days for p in postings]
    assert max(ages) <= 3 * 365 and max(ages) > 2 * 365
    assert all(sum(lo <= a < lo + 365 for a in ages) >= 10 for lo in (0, 365, 730)), sorted(ages)
    closed = [(today - p["deadline"]).days for p in postings if p["deadline"] < today]
    assert min(closed) < 120 and max(closed) > 2 * 365
    assert shape.withdrawn >= 1 and any("withdrawn" in p for p in postings)
    assert any(p["deadline"] >= today and not is_open(p) for p in postings)  # withdrawn before its deadline
    assert all(i["date"] > p["deadline"] for p in postings for i in p.get("interviews", ()))
    assert sum("interviews" in p for p in postings) >= 30
    assert all(c["name"] and re.fullmatch(r"\d{8}", c["phone"]) for p in postings for c in p["contacts"])
    # As HR writes them: unquoted dates on one top-level deadline line.
    assert all(re.search(r"(?m)^deadline: \d{4}-\d{2}-\d{2}$", f.read_text("utf-8")) for f in files)

    result = run([sys.executable, "-m", "generator", "check"], project, today=today.isoformat())
    assert result.code == 0, result.text
    assert result.out.startswith("OK: "), result.out


def test_national_benchmark_at_60_files_prints_each_figure_beside_its_budget(cli):
    """`bench.py --national` run tiny, so the harness cannot rot: the table has every budget with
    met/missed, the ratio as a figure, the files read or skipped and where the build's time goes."""
    result = run([sys.executable, "benchmarks/bench.py", "--national", "--files", "60", "--open", "6",
                  "--kommuner", "3", "--reload-rounds", "1"], ROOT)
    assert result.code == 0, result.text
    out = result.out
    assert row(out, "posting files (open on the day)")[2] == "60 (6)"
    for name, budget in [("nightly build (mkdocs build --strict)", "<= 60 s"),
                         ("peak memory, build's process tree (sum of RSS)", "<= 1024 MB"),
                         ("check, whole repository", "<= 15 s"), ("check of one changed posting", "<= 2 s"),
                         ("serve: save -> reloaded page (median of 1)", "<= 2 s")]:
        cells = row(out, name)
        assert cells[1] == budget and re.fullmatch(r"\d+(\.\d+)? (s|MB)", cells[2]) and cells[3] in ("met", "missed"), cells
    assert row(out, "build / plain")[1:3][0] == "figure" and re.fullmatch(r"\d+\.\d\d", row(out, "build / plain")[2])
    read, skipped = map(int, row(out, "posting files read in full / skipped")[2].split(" / "))
    assert read + skipped == 60 and read >= 6
    shares = [ln for ln in out.splitlines() if ln.startswith("| - ")]
    assert any("reading and validating" in ln for ln in shares) and any("Pagefind" in ln for ln in shares)
    assert any("MkDocs and Material" in ln for ln in shares) and any("rendering our pages" in ln for ln in shares)
