"""Run generator work on a second CPU core while MkDocs renders the pages.

MkDocs builds on one core. The data files (feed, calendars, jobs.json) and
the PDFs need nothing MkDocs still has to make, so `Background` forks a child
that does that work while the build goes on, and `wait()` collects it: the
child's log messages are logged again in the parent (so a warning still fails
a strict build) and its error is raised there. `Stream` forks a child that
renders the posting pages one by one, in the order MkDocs reads them, so
MkDocs starts on the first while the child renders the rest. Without fork,
or with JOBSITE_PARALLEL=0, the work runs in the parent when it is wanted.
"""
from __future__ import annotations

import logging
import os
import pickle
import signal
import struct
import sys
import traceback
from typing import Any, Callable, Sequence


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


class BackgroundError(Exception):
    """The work failed in the child; the message holds its traceback."""


class Background:
    """`work(*args)` in a forked child; `wait()` returns its result.

    `nice`: work that is not waited for soon (data files, PDFs) runs at a lower
    priority, so on two cores it never takes a core from the build itself or
    from the page renderer it would otherwise share the machine with.
    """

    def __init__(self, work: Callable[..., Any], *args: Any, nice: int = 0) -> None:
        self.work, self.args = work, args
        self.pid = 0
        if not _forking():
            return
        sys.stdout.flush()
        sys.stderr.flush()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: do the work, send back (result, log records, error), never return
            os.close(read)
            status = 0
            if nice:
                os.nice(nice)
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

    def stop(self) -> None:
        """End the child now (`mkdocs serve` is shutting down); `wait()` then raises BackgroundError."""
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def wait(self, logged: set | None = None) -> Any:
        """The work's result, once it is done (its log messages replayed here, except those in `logged`)."""
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
        for record in records:
            if logged is None or record not in logged:
                logging.getLogger(record[0]).log(record[1], record[2])
            if logged is not None:
                logged.add(record)
        if error:
            raise BackgroundError(error)
        return result


def _forking() -> bool:
    return hasattr(os, "fork") and os.environ.get("JOBSITE_PARALLEL", "1") != "0"


class Stream:
    """`work(item)` for every item, made in a child process in order; `get(i)` waits for result i.

    The child writes each result to a pipe as soon as it is made (length,
    pickle), so the parent can use the first results while later ones are
    still being made. Results are strings here (Markdown pages): cheap to send.
    """

    _HEADER = struct.Struct("!cI")  # kind (b"r" result, b"e" error), length of what follows

    def __init__(self, work: Callable[[Any], Any], items: Sequence[Any]) -> None:
        self.work, self.items = work, items
        self.results: list[Any] = []
        self.error = ""
        self.pid = 0
        if not _forking() or not items:
            return
        sys.stdout.flush()
        sys.stderr.flush()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: make every result in order and send it, then exit
            os.close(read)
            status = 0
            try:
                with os.fdopen(write, "wb") as pipe:
                    try:
                        for item in items:
                            data = pickle.dumps(work(item), protocol=pickle.HIGHEST_PROTOCOL)
                            pipe.write(self._HEADER.pack(b"r", len(data)) + data)
                    except BaseException:  # noqa: BLE001 - reported to the parent
                        data = traceback.format_exc().encode()
                        pipe.write(self._HEADER.pack(b"e", len(data)) + data)
            except BaseException:  # noqa: BLE001
                status = 1
            finally:
                os._exit(status)
        os.close(write)
        self.pid, self.pipe = pid, os.fdopen(read, "rb")

    def get(self, index: int) -> Any:
        if not self.pid:
            return self.work(self.items[index])
        while len(self.results) <= index:
            self._receive()
        return self.results[index]

    def _receive(self) -> None:
        if self.error:
            raise BackgroundError(self.error)
        header = self.pipe.read(self._HEADER.size)
        kind, size = self._HEADER.unpack(header) if len(header) == self._HEADER.size else (b"e", 0)
        data = self.pipe.read(size)
        if kind == b"e":
            self.error = data.decode() or "the page renderer stopped without an answer"
            self._finish()
            raise BackgroundError(self.error)
        self.results.append(pickle.loads(data))
        if len(self.results) == len(self.items):
            self._finish()

    def _finish(self) -> None:
        self.pipe.close()
        os.waitpid(self.pid, 0)
