"""Where the build's own process spends its time, measured without a profiler.

cProfile slows Python code down several times and cannot see the worker
processes, so `bench.py --profile` also runs one ordinary build with a clock
around each jobsite hook, around MkDocs' two passes over the pages (read and
convert; render and write) and around the wait for the workers' files.
Inside the hooks it clocks reading and validating the content (load_site),
the listing, rendering the generated pages (add_generated_pages), the search
documents and Pagefind's run; `division()` turns the clocks into the shares
of reading, rendering, MkDocs and Pagefind that add up to the build
(national.py prints them). It also counts the pages built and the posting
files read in full or skipped (Content.retired, where the generator has it).

    python benchmarks/hooktimes.py SITE_DIR [--json FILE]   (in the project's folder)
"""
from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from functools import wraps
from pathlib import Path

times: dict[str, float] = defaultdict(float)
counts: dict[str, int] = defaultdict(int)

# The names of the inner clocks (division() reads them).
LOAD = "  content: read and validate (load_site)"
LISTING = "  content: the listing (build_listing)"
GENERATED = "  our pages: render the generated pages (add_generated_pages)"
MEDIA = "  pictures re-encoded (publish_media)"
EDITOR = "  the editor's files (add_editor)"
SEARCH_PAGES = "  search: the documents (Search.pages)"
PAGEFIND = "  search: Pagefind's run (_index)"
WORKERS = "  waiting for the workers and writing their files"
PER_PAGE_HOOKS = ("on_page_markdown", "on_page_content", "on_post_page", "on_page_context", "on_post_template",
                  "on_env")


def clocked(name, fn, count: str | None = None):
    @wraps(fn)
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            times[name(*args) if callable(name) else name] += time.perf_counter() - start
            if count:
                counts[count(*args) if callable(count) else count] += 1
    return run


def _clock_attribute(owner, attribute: str, name: str) -> None:
    """Clock owner.attribute when the generator has it (the benchmark outlives renames)."""
    if hasattr(owner, attribute):
        setattr(owner, attribute, clocked(name, getattr(owner, attribute)))


def division(total: float, clocks: dict[str, float]) -> dict[str, float]:
    """The build's wall time in parts that add up to it: reading, rendering, MkDocs, Pagefind, ..."""
    hook = lambda h: clocks.get(f"jobsite {h}", 0.0)  # noqa: E731
    hooks = sum(v for k, v in clocks.items() if k.startswith("jobsite "))
    read = clocks.get(LOAD, 0.0)
    listing = clocks.get(LISTING, 0.0)
    pagefind = clocks.get(PAGEFIND, 0.0)
    search = clocks.get(SEARCH_PAGES, 0.0)
    workers = clocks.get(WORKERS, 0.0)
    ours = clocks.get(GENERATED, 0.0) + sum(hook(h) for h in PER_PAGE_HOOKS)
    files = hook("on_files") - clocks.get(GENERATED, 0.0)
    rest = hooks - read - listing - ours - files - search - pagefind - workers
    return {
        "reading and validating the content": read,
        "the listing (status, retention, order)": listing,
        "rendering our pages (generated pages, per-page hooks)": ours,
        "other files: pictures, the editor, search page (on_files)": files,
        "MkDocs and Material (without our hooks)": total - hooks,
        "search documents (ours, before Pagefind)": search,
        "Pagefind indexing": pagefind,
        "waiting for the worker (feed, calendars, PDFs)": workers,
        "other jobsite work (config, publishing the site)": rest,
    }


def main(site_dir: str, json_out: str | None = None) -> None:
    start = time.perf_counter()
    import mkdocs.commands.build as build
    from mkdocs.config import load_config

    import generator.mkdocs.outputs as outputs
    import generator.mkdocs.plugin as plugin
    import generator.mkdocs.search as search
    imports = time.perf_counter() - start

    # What the build read, taken as its last hook begins: the plugin lets go of it before Pagefind.
    seen: dict = {}
    last_hook = plugin.JobsitePlugin.on_post_build

    @wraps(last_hook)  # its event priority too
    def on_post_build(self, *args, **kwargs):
        seen.update(content=self.content, listing=self.listing)
        return last_hook(self, *args, **kwargs)

    plugin.JobsitePlugin.on_post_build = on_post_build
    for hook in [n for n in dir(plugin.JobsitePlugin) if n.startswith("on_")]:
        setattr(plugin.JobsitePlugin, hook, clocked(f"jobsite {hook}", getattr(plugin.JobsitePlugin, hook)))
    outputs.Outputs.write = clocked(WORKERS, outputs.Outputs.write)
    _clock_attribute(plugin, "load_site", LOAD)  # as the plugin calls them (module globals)
    _clock_attribute(plugin, "build_listing", LISTING)
    _clock_attribute(plugin, "add_generated_pages", GENERATED)
    _clock_attribute(plugin, "publish_media", MEDIA)
    _clock_attribute(plugin, "add_editor", EDITOR)
    _clock_attribute(search.Search, "pages", SEARCH_PAGES)
    _clock_attribute(search, "_index", PAGEFIND)
    kind = lambda page, *_: "postings" if page.file.src_uri.startswith("job/") else "other pages"  # noqa: E731
    build._populate_page = clocked(lambda page, *a: f"MkDocs reads and converts: {kind(page)}", build._populate_page)
    build._build_page = clocked(lambda page, *a: f"MkDocs renders and writes: {kind(page)}", build._build_page,
                                count=lambda page, *a: kind(page))

    config = load_config("mkdocs.yml", site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    start = time.perf_counter()
    build.build(config)
    total = time.perf_counter() - start
    print(f"one build, no profiler: {total:.2f} s (+ {imports:.2f} s importing MkDocs and the generator);"
          " the waits are part of the hooks and passes they happen in; indented: parts of the hook above")
    width = max(len(k) for k in times)
    outer = sorted((k for k in times if not k.startswith(" ")), key=lambda k: -times[k])
    inner = {LOAD: "jobsite on_config", LISTING: "jobsite on_config", GENERATED: "jobsite on_files", MEDIA: "jobsite on_files", EDITOR: "jobsite on_files",
             WORKERS: "jobsite on_post_build", SEARCH_PAGES: "jobsite on_post_build", PAGEFIND: "jobsite on_post_build"}
    def show(name: str) -> None:
        print(f"  {name.ljust(width)} {times[name]:6.2f} s")
        for child in sorted((k for k, parent in inner.items() if parent == name and k in times),
                            key=lambda k: -times[k]):
            show(child)
    for name in outer:
        show(name)
    if json_out:
        content, listing = seen.get("content"), seen.get("listing")
        jobs_dir = Path(getattr(content, "root", ".")) / "jobs"
        files = sum(1 for p in jobs_dir.glob("*.y*ml")) if jobs_dir.is_dir() else 0
        read = len(content.postings) if content else 0
        jobs = listing.jobs if listing else ()
        Path(json_out).write_text(json.dumps({
            "total": total, "imports": imports, "clocks": dict(times),
            "division": division(total, times),
            "pages_built": dict(counts),
            "posting_files": {"in_jobs": files, "read_in_full": read,
                              "skipped": len(content.retired) if hasattr(content, "retired") else files - read},
            "posting_pages": {"open": sum(j.status == "open" for j in jobs),
                              "closed_whole": sum(j.status != "open" and not getattr(j, "short", False) for j in jobs),
                              "closed_short": sum(bool(getattr(j, "short", False)) for j in jobs)},
        }, indent=1), "utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--json" else None)
