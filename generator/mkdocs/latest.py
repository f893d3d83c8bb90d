"""`serve`'s work after the pages: run in a thread, one job at a time, newest first.

Under `serve --dirty` the reloaded page must not wait for the feeds, the calendars and
the search index of 2,000 postings, nor the next save for the last save's. A job asked
for while another runs replaces the one still waiting, so a burst of saves writes those
files once more after it, not once per save.
"""
from __future__ import annotations

import threading
from typing import Callable


class Latest:
    def __init__(self, name: str) -> None:
        self.name = name
        self._lock = threading.Lock()
        self._waiting: tuple[Callable[[], None], Callable[[], None] | None] | None = None
        self._thread: threading.Thread | None = None

    def request(self, job: Callable[[], None], dropped: Callable[[], None] | None = None) -> None:
        """Run `job` once the one running is done; a job still waiting is replaced (its `dropped` is called)."""
        with self._lock:
            old, self._waiting = self._waiting, (job, dropped)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()
        if old is not None and old[1] is not None:
            old[1]()

    def _run(self) -> None:
        while True:
            with self._lock:
                waiting, self._waiting = self._waiting, None
                if waiting is None:
                    self._thread = None
                    return
            waiting[0]()

    def wait(self) -> None:
        """Until every job asked for so far has run."""
        while True:
            with self._lock:
                thread = self._thread
            if thread is None:
                return
            thread.join()
