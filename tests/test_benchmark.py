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
