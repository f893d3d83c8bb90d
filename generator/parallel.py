"""Run generator work on a second CPU core while MkDocs renders the pages.

MkDocs builds on one core. The data files (feed, calendars, jobs.json) and
the PDFs need nothing MkDocs still has to make, so `Background` forks a child
that does that work while the build goes on, and `wait()` collects it: the
child's log messages are logged again in the parent (so a warning still fails
a strict build) and its error is raised there. Without fork, or with
JOBSITE_PARALLEL=0, the work runs in the parent at `wait()`.
"""
from __future__ import annotations

import logging
import os
import pickle
import sys
import traceback
from typing import Any, Callable


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


class BackgroundError(Exception):
    """The work failed in the child; the message holds its traceback."""


class Background:
    def __init__(self, work: Callable[..., Any], *args: Any) -> None:
        self.work, self.args = work, args
        self.pid = 0
        if not hasattr(os, "fork") or os.environ.get("JOBSITE_PARALLEL", "1") == "0":
            return
        sys.stdout.flush()
        sys.stderr.flush()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: do the work, send back (result, log records, error), never return
            os.close(read)
            status = 0
            try:
                collect = _Collect()  # the build's log: MkDocs' and the plugin's loggers
                logging.getLogger("mkdocs").handlers = [collect]
                logging.getLogger("mkdocs").propagate = False
                try:
                    outcome = (self.work(*self.args), collect.records, None)
                except BaseException:  # noqa: BLE001 - reported to the parent
                    outcome = (None, collect.records, traceback.format_exc())
                with os.fdopen(write, "wb") as pipe:
                    pickle.dump(outcome, pipe)
            except BaseException:  # noqa: BLE001
                status = 1
            finally:
                os._exit(status)
        os.close(write)
        self.pid, self.pipe = pid, os.fdopen(read, "rb")

    def wait(self) -> Any:
        """The work's result, once it is done (its log messages replayed here)."""
        if not self.pid:
            return self.work(*self.args)
        try:
            data = self.pipe.read()
        finally:
            self.pipe.close()
            os.waitpid(self.pid, 0)
        if not data:
            raise BackgroundError("the background worker stopped without an answer")
        result, records, error = pickle.loads(data)
        for name, level, message in records:
            logging.getLogger(name).log(level, message)
        if error:
            raise BackgroundError(error)
        return result
