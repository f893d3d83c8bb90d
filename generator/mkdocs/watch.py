"""`serve` hears a save in jobs/ and data/ from the system (inotify), not by MkDocs' polling.

MkDocs' live reload polls what it watches twice a second, taking a snapshot of every file:
for a national jobs/ of 20,000 postings a quarter of a core, spent beside the rebuild, and
up to half a second before a save is noticed. The folders are given to MkDocs' own `watch`
(its handler asks for the rebuild) with an event-driven observer in place of its poller for
that call; where the system has no such events, MkDocs polls them as before.
"""
from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.jobsite")


def watch(server, folders: list[Path]):
    """Watch `folders` for `server` (MkDocs' LiveReloadServer); the observer to stop at the end, or None."""
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    own = None if Observer is PollingObserver else Observer()
    try:
        if own is not None:
            own.start()  # inotify is opened here: where it cannot be, MkDocs polls the folders
    except OSError as err:
        log.debug("jobsite: watching by polling: %s", err)
        own = None
    polling = server.observer
    if own is not None:
        server.observer = own  # for these calls only: MkDocs' handler, our observer
    try:
        for folder in folders:
            server.watch(str(folder))
    finally:
        server.observer = polling
    return own


def stop(observer) -> None:
    if observer is not None:
        observer.stop()
        observer.join()
