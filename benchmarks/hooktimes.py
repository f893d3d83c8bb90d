"""Where the build's own process spends its time, measured without a profiler.

cProfile slows Python code down several times and cannot see the worker
processes, so `bench.py --profile` also runs one ordinary build with a clock
around each jobsite hook, around MkDocs' two passes over the pages (read and
convert; render and write) and around the wait for the workers' files.

    python benchmarks/hooktimes.py PROJECT SITE_DIR
"""
from __future__ import annotations

import sys
import time
from collections import defaultdict
from functools import wraps

times: dict[str, float] = defaultdict(float)


def clocked(name, fn):
    @wraps(fn)
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            times[name(*args) if callable(name) else name] += time.perf_counter() - start
    return run


def main(site_dir: str) -> None:
    start = time.perf_counter()
    import mkdocs.commands.build as build
    from mkdocs.config import load_config

    import generator.mkdocs.outputs as outputs
    import generator.mkdocs.plugin as plugin
    imports = time.perf_counter() - start

    for hook in [n for n in dir(plugin.JobsitePlugin) if n.startswith("on_")]:
        setattr(plugin.JobsitePlugin, hook, clocked(f"jobsite {hook}", getattr(plugin.JobsitePlugin, hook)))
    outputs.Outputs.write = clocked("waiting for the workers and writing their files", outputs.Outputs.write)
    kind = lambda page, *_: "postings" if page.file.src_uri.startswith("job/") else "other pages"  # noqa: E731
    build._populate_page = clocked(lambda page, *a: f"MkDocs reads and converts: {kind(page)}", build._populate_page)
    build._build_page = clocked(lambda page, *a: f"MkDocs renders and writes: {kind(page)}", build._build_page)

    config = load_config("mkdocs.yml", site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    start = time.perf_counter()
    build.build(config)
    total = time.perf_counter() - start
    print(f"one build, no profiler: {total:.2f} s (+ {imports:.2f} s importing MkDocs and the generator);"
          " the waits are part of the hooks and passes they happen in")
    width = max(len(k) for k in times)
    for name, seconds in sorted(times.items(), key=lambda kv: -kv[1]):
        print(f"  {name.ljust(width)} {seconds:6.2f} s")


if __name__ == "__main__":
    main(sys.argv[1])
