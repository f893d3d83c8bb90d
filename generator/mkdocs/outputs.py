"""The site's files that feed no page: the feed, the calendars, jobs.json and
the PDFs, made by worker processes while MkDocs builds the pages.

One `concurrent.futures` process pool for the life of the plugin (a `serve`
keeps it between rebuilds). The work is plain functions of small picklable
values that return bytes; only this process writes into the site, in
`on_post_build`, so a failed or cancelled build never has a worker writing
into it. With `workers: 0` in mkdocs.yml everything runs in this process,
the same way. Under `serve --dirty` they are written in the background
(latest.py): the reloaded page does not wait for 2,000 postings' calendars.
"""
from __future__ import annotations

import logging
import os
import signal
import traceback
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, Callable

from mkdocs.exceptions import PluginError

from ..render import pdf
from .latest import Latest

log = logging.getLogger("mkdocs.plugins.jobsite")


class Outputs:
    def __init__(self, workers: int, background: bool = False) -> None:
        self.workers = workers
        # `serve --dirty`: the workers write their files into `into` themselves, at a lower priority
        # than the pages (a national feed and calendars are 100 MB, not to be sent back and forth).
        self.background = background
        self.into: Path | None = None
        self.pool: ProcessPoolExecutor | None = None
        self.pending: list[tuple[str, Future]] = []
        self.said: set[str] = set()  # notes shown once per process (`serve` rebuilds often)
        self.later = Latest("jobsite-outputs")  # `serve --dirty`: written after the pages

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
                self.pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_worker_start,
                                                initargs=(self.background,))
            if self.background and self.into is not None:
                future = self.pool.submit(_made_and_written, self.into, work, *args)
            else:
                future = self.pool.submit(work, *args)
        self.pending.append((what, future))

    def write(self, site_dir: Path, serving: bool, background: bool = False) -> None:
        """Wait for every output of this build and write it into the site; `background` (`serve
        --dirty`): in a thread once they are done, unless a newer build's replace them first."""
        pending, self.pending = self.pending, []
        if background:
            self.later.request(partial(self._write_logged, pending, site_dir),
                               dropped=partial(_cancel, pending))
            return
        self._write(pending, site_dir, serving)

    def _write(self, pending: list[tuple[str, Future]], site_dir: Path, serving: bool) -> None:
        for what, future in pending:
            try:
                result = future.result()
            except CancelledError:
                continue  # serve: a newer build's outputs replace it
            except Exception as err:  # noqa: BLE001 - one plain sentence; the traceback with --verbose
                log.debug("jobsite: %s:\n%s", what, "".join(traceback.format_exception(err)))
                raise PluginError(f"jobsite: {what} kunne ikke laves: {err}") from None
            if isinstance(result, pdf.Made):
                self._write_pdf(result, site_dir, serving)
            elif result is not None:  # None: the worker wrote its files itself
                _write_files(result, site_dir)

    def _write_logged(self, pending: list[tuple[str, Future]], site_dir: Path) -> None:
        """_write in `serve`'s background: a failure is logged (the next save tries again)."""
        try:
            self._write(pending, site_dir, serving=True)
        except PluginError as err:
            log.error("%s", err)
        except OSError as err:  # the site folder went away: serve stopped
            log.debug("jobsite: %s", err)

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
        _cancel(self.pending)
        self.pending = []

    def wait(self) -> None:
        """Until what `serve` writes in the background is written."""
        self.later.wait()

    def shutdown(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _cancel(pending: list[tuple[str, Future]]) -> None:
    for _, future in pending:
        future.cancel()


def _worker_start(background: bool = False) -> None:
    """Ctrl-C stops `serve` in this process, which then shuts the pool down: not in each worker too.
    `background` (`serve --dirty`): the page being edited comes first, the feeds after it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if background:
        os.nice(10)


def _made_and_written(site_dir: Path, work: Callable[..., Any], *args: Any) -> Any:
    """work(*args), its files written into the site here (None returned); a PDF is returned as made."""
    result = work(*args)
    if isinstance(result, dict):
        _write_files(result, site_dir)
        return None
    return result


def _write_files(files: dict[str, str | bytes], site_dir: Path) -> None:
    for rel, data in files.items():
        out = site_dir / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
