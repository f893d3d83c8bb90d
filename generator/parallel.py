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
import threading
import traceback
from typing import Any, Callable, Sequence


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))

    @classmethod
    def install(cls) -> _Collect:
        """In a child: keep the build's log messages (MkDocs' and the plugin's) to send back."""
        collect = cls()
        logging.getLogger("mkdocs").handlers = [collect]
        logging.getLogger("mkdocs").propagate = False
        return collect


def _replay(records: list[tuple[str, int, str]], logged: set | None = None) -> None:
    """A child's log messages, logged here (so a warning still fails a strict build)."""
    for record in records:
        if logged is None or record not in logged:
            logging.getLogger(record[0]).log(record[1], record[2])
        if logged is not None:
            logged.add(record)


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
        self.reaped = False
        if not can_fork():
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
                collect = _Collect.install()
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
        """End the child now (`mkdocs serve` is shutting down); `wait()` then raises BackgroundError.

        Only a child not yet reaped: until then its process id cannot belong to another process.
        """
        if self.pid and not self.reaped:
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
            self.reaped = True
        try:
            result, records, error = pickle.loads(data)
        except Exception:  # noqa: BLE001 - nothing, or cut short: the child died
            raise BackgroundError("the background worker stopped without an answer") from None
        _replay(records, logged)
        if error:
            raise BackgroundError(error)
        return result


def can_fork() -> bool:
    """Fork only where it is safe and wanted: not with JOBSITE_PARALLEL=0, and only while this
    process has one thread (a server's threads may hold locks a child would wait on forever)."""
    return hasattr(os, "fork") and os.environ.get("JOBSITE_PARALLEL", "1") != "0" \
        and threading.active_count() == 1


class Stream:
    """`work(item)` for every item, made in a child process in order; `get(i)` waits for result i.

    The child writes each result to a pipe as soon as it is made (length,
    pickle), so the parent can use the first results while later ones are
    still being made. Results are strings here (Markdown pages): cheap to send.
    Its log messages follow the last result and are logged in the parent.
    """

    _HEADER = struct.Struct("!cI")  # kind (b"r" result, b"l" log, b"e" error), length of what follows

    def __init__(self, work: Callable[[Any], Any], items: Sequence[Any]) -> None:
        self.work, self.items = work, items
        self.results: list[Any] = []
        self.error = ""
        self.pid = 0
        if not can_fork() or not items:
            return
        sys.stdout.flush()
        sys.stderr.flush()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: make every result in order and send it, then exit
            os.close(read)
            status = 0
            try:
                collect = _Collect.install()
                with os.fdopen(write, "wb") as pipe:
                    try:
                        for item in items:
                            data = pickle.dumps(work(item), protocol=pickle.HIGHEST_PROTOCOL)
                            pipe.write(self._HEADER.pack(b"r", len(data)) + data)
                        data = pickle.dumps(collect.records)
                        pipe.write(self._HEADER.pack(b"l", len(data)) + data)
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
        """The next result; after the last one, the child's log messages."""
        if self.error:
            raise BackgroundError(self.error)
        kind, data = self._read()
        if kind == b"r":
            self.results.append(data)
            if len(self.results) < len(self.items):
                return
            kind, data = self._read()
            if kind == b"l":
                self._finish()
                _replay(data)
                return
        self.error = data if kind == b"e" else "the page renderer stopped without an answer"
        self._finish()
        raise BackgroundError(self.error)

    def _read(self) -> tuple[bytes, Any]:
        header = self.pipe.read(self._HEADER.size)
        if len(header) < self._HEADER.size:
            return b"e", ""
        kind, size = self._HEADER.unpack(header)
        data = self.pipe.read(size)
        if kind == b"e":
            return kind, data.decode()
        try:
            return kind, pickle.loads(data)
        except Exception:  # noqa: BLE001 - cut short: the child died
            return b"e", ""

    def _finish(self) -> None:
        self.pipe.close()
        os.waitpid(self.pid, 0)
