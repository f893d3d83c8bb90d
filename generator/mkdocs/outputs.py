"""The site's files that feed no page: the feed, the calendars, jobs.json and
the PDFs, made by worker processes while MkDocs builds the pages.

One `concurrent.futures` process pool for the life of the plugin (a `serve`
keeps it between rebuilds). The work is plain functions of small picklable
values that return bytes; only this process writes into the site, in
`on_post_build`, so a failed or cancelled build never has a worker writing
into it. With `workers: 0` in mkdocs.yml everything runs in this process,
the same way.
"""
from __future__ import annotations

import logging
import signal
import traceback
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable

from mkdocs.exceptions import PluginError

from ..render import pdf

log = logging.getLogger("mkdocs.plugins.jobsite")


class Outputs:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        self.pending: list[tuple[str, Future]] = []
        self.said: set[str] = set()  # notes shown once per process (`serve` rebuilds often)

    def submit(self, what: str, work: Callable[..., Any], *args: Any) -> None:
        """Start `work(*args)`; `what` names the output in a message if it fails."""
        if self.workers == 0:
            future: Future = Future()
            try:
                future.set_result(work(*args))
            except Exception as err:  # noqa: BLE001 - reported when collected, like a worker's
                future.set_exception(err)
        else:
            if self.pool is None:
                self.pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_worker_start)
            future = self.pool.submit(work, *args)
        self.pending.append((what, future))

    def write(self, site_dir: Path, serving: bool) -> None:
        """Wait for every output of this build and write it into the site."""
        pending, self.pending = self.pending, []
        for what, future in pending:
            try:
                result = future.result()
            except Exception as err:  # noqa: BLE001 - one plain sentence; the traceback with --verbose
                log.debug("jobsite: %s:\n%s", what, "".join(traceback.format_exception(err)))
                raise PluginError(f"jobsite: {what} kunne ikke laves: {err}") from None
            if isinstance(result, pdf.Made):
                self._write_pdf(result, site_dir, serving)
            else:
                _write_files(result, site_dir)

    def _write_pdf(self, made: pdf.Made, site_dir: Path, serving: bool) -> None:
        for warning in made.warnings:
            log.warning(warning)
        if made.data is not None:
            out = site_dir / made.out
            out.parent.mkdir(parents=True, exist_ok=True)  # foldere/x/ is no page's folder in the preview
            out.write_bytes(made.data)
        elif serving:  # a live preview works without PDFs: said once
            if made.skipped not in self.said:
                log.info(made.skipped)
                self.said.add(made.skipped)
        elif made.skipped not in self.said:  # a build needs them: a warning, which fails the strict build
            log.warning(made.skipped)
            self.said.add(made.skipped)

    def cancel(self) -> None:
        """The build failed: what has not started does not start, and nothing is written."""
        for _, future in self.pending:
            future.cancel()
        self.pending = []

    def shutdown(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _worker_start() -> None:
    """Ctrl-C stops `serve` in this process, which then shuts the pool down: not in each worker too."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _write_files(files: dict[str, str | bytes], site_dir: Path) -> None:
    for rel, data in files.items():
        out = site_dir / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
