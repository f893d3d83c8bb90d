"""A project for the search tests: the example content plus synthetic open postings in other
kommuner (benchmarks/synthetic.py), one posting whose texts are hostile, and one closed posting
with a word of its own (CLOSED_WORD) that the search must not find."""
from __future__ import annotations

import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

from project_copy import ROOT, copy_project

sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic  # noqa: E402

TODAY = "2026-01-05"  # the example postings are open
PWN = "window.__pwned=1"
HOSTILE_ID = "hostile-search"
HOSTILE_TITLE = 'Pædagog &lt;b&gt;fed&lt;/b&gt; når a < 5 "x" & co'
HOSTILE_SUMMARY = f"&lt;img src=x onerror={PWN}&gt; og \"citat\" & mere"
HOSTILE_INTRO = f"Vi søger &lt;script&gt;{PWN}&lt;/script&gt; og &#60;svg onload={PWN}&#62;, a < 5.\n"
CLOSED_ID = "lukket-syntetisk"
CLOSED_WORD = "Kolibrireden"  # in the closed posting's title and text, nowhere else


def write_search_project(dest: Path, postings: int = 60, seed: int = 13) -> Path:
    """A copy of the project with `postings` synthetic open postings beside the example's.

    The synthetic kommuner whose ids the example data already has (Ballerup, Aarhus,
    Haderslev) are left out, so a query for those names has the example's pages to find.
    """
    copy_project(dest)
    rng = random.Random(seed)
    tree, workplaces = synthetic.organisations(rng)
    orgs = dest / "data" / "organisations.yml"
    taken = {k["id"] for k in yaml.safe_load(orgs.read_text("utf-8"))["kommuner"]}
    kommuner = [k for k in tree["kommuner"] if k["id"] not in taken]
    extra = yaml.safe_dump(kommuner, allow_unicode=True, sort_keys=False, width=10_000)
    text = orgs.read_text("utf-8").rstrip("\n") + "\n\n" + "".join("  " + line + "\n" for line in extra.splitlines())
    orgs.write_text(text, "utf-8")
    kept = {k["id"] for k in kommuner}
    workplaces = [w for w in workplaces if w[0].split("-", 1)[0] in kept]
    today = date.fromisoformat(TODAY)
    for i in range(postings):
        data = synthetic.posting(rng, rng.choice(workplaces), today, True)
        (dest / "jobs" / f"syntetisk-{i:03d}.yml").write_text(synthetic._dump(data), "utf-8")
    hostile = yaml.safe_load((ROOT / "tests" / "good_posting.yml").read_text("utf-8"))
    hostile |= {"title": HOSTILE_TITLE, "summary": HOSTILE_SUMMARY, "intro": HOSTILE_INTRO, "workplace": workplaces[0][0]}
    (dest / "jobs" / f"{HOSTILE_ID}.yml").write_text(synthetic._dump(hostile), "utf-8")
    # Open as of 45 days earlier, so closed on TODAY but not yet past the retention rule (its page is there).
    closed = synthetic.posting(rng, workplaces[1], today - timedelta(days=45), True)
    closed |= {"title": f"Pædagog til {CLOSED_WORD}",
               "intro": synthetic._Literal(f"Vuggestuen {CLOSED_WORD} søger en pædagog.\n\n" + closed["intro"])}
    (dest / "jobs" / f"{CLOSED_ID}.yml").write_text(synthetic._dump(closed), "utf-8")
    refresh_editor_config(dest)
    return dest


def refresh_editor_config(dest: Path) -> None:
    """The editor's configuration (content/admin/config.yml) follows data/organisations.yml; the build
    refuses a stale one, so it is written again for the new organisations."""
    if (dest / "content" / "admin" / "config.yml").is_file():
        subprocess.run([sys.executable, "-m", "generator", "cms", "--root", str(dest)], cwd=ROOT, check=True,
                       capture_output=True)


def indexed(site: Path) -> dict[str, dict]:
    """What the built site's search index holds: Pagefind's fragment of each indexed page (its url
    from the site's root, 'content' and 'meta'), by url. Each fragment is gzip with a signature."""
    import gzip
    import json

    out = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        fragment = json.loads(data[len(b"pagefind_dcd"):])
        out[fragment["url"]] = fragment
    return out


def search_from_header(page, query: str):
    """Search as a visitor does: type into the header's field on the current page and press Enter;
    the search page shows the results. Returns the result list's items (after the count is said)."""
    import re as _re

    from playwright.sync_api import expect

    field = page.get_by_label("Søg på sitet")
    field.fill(query)
    field.press("Enter")
    status = page.locator("#jobsite-searchpage-status")
    expect(status).to_have_text(_re.compile(r"(\d+ resultat|Ingen resultater).* for »" + _re.escape(query) + "«"),
                                timeout=60_000)
    return page.locator("#jobsite-searchpage-results > li")
