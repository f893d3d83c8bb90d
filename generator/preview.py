"""Under `mkdocs serve`: each build's data files and PDFs, written after the
browser already has its reloaded page.

The data files (feed, calendars, jobs.json) are written in the background,
and the next build waits for them, so two builds never write them at once.
The PDFs take seconds (WeasyPrint), so the next build does not wait for
them: one PDF job at a time, in order, and a PDF is made again only when its
page or the print stylesheet changed, which an edit to a posting never does.

The first build's work runs in forked processes (parallel.Background): the
server has not started its threads yet, so forking is safe, and the PDFs do
not slow the first rebuilds down by holding Python's lock (GIL). Later
builds use threads, and rarely have PDFs to make.
"""
from __future__ import annotations

import hashlib
import logging
import threading
from pathlib import Path
from typing import Callable

from .parallel import Background, BackgroundError
from .render import pdf

log = logging.getLogger("mkdocs.plugins.jobsite")


class PreviewOutputs:
    def __init__(self) -> None:
        self.data_job: threading.Thread | None = None
        self.pdf_job: threading.Thread | None = None
        self.made: dict[str, bytes] = {}  # PDF in site/ -> digest of what it was made from
        self.forked: list[Background] = []
        self.stopping = False

    def before_build(self, dirty: bool) -> None:
        """Wait for the previous build's data files, and for its PDFs too unless the build is
        dirty: otherwise MkDocs empties site/ while they are being written."""
        if self.data_job:
            self.data_job.join()
        if self.pdf_job and not dirty:
            self.pdf_job.join()

    def after_build(self, write_data: Callable[[], None], documents: list[pdf.PdfDocument],
                    site_dir: Path, site_url: str) -> None:
        if threading.active_count() == 1:  # nothing else runs yet: forking is safe
            data = Background(write_data)
            pdfs = Background(make_pdfs, documents, site_dir, site_url, dict(self.made))
            self.forked = [data, pdfs]
            self.data_job = threading.Thread(target=self._collect, args=(data,), daemon=True)
            self.pdf_job = threading.Thread(target=self._merge, args=(None, lambda: self._collect(pdfs)),
                                            daemon=True)
        else:
            self.data_job = threading.Thread(target=write_data, daemon=True)
            self.pdf_job = threading.Thread(target=self._merge, daemon=True, args=(
                self.pdf_job, lambda: make_pdfs(documents, site_dir, site_url, dict(self.made),
                                                lambda: self.stopping)))
        self.data_job.start()
        self.pdf_job.start()

    def stop(self) -> None:
        """The server is shutting down: end the forked jobs, wait for the threads (site/ is removed next)."""
        self.stopping = True
        for job in self.forked:
            job.stop()
        for thread in (self.data_job, self.pdf_job):
            if thread:
                thread.join()

    def _collect(self, job: Background):
        """A forked job's result (its log messages are logged here); a failure is logged, not raised."""
        try:
            return job.wait()
        except BackgroundError as err:
            if not self.stopping:
                log.error("jobsite: %s", err)
            return None

    def _merge(self, previous: threading.Thread | None, make: Callable[[], dict[str, bytes] | None]) -> None:
        """After the previous PDF job: make this build's PDFs, and remember what they were made from."""
        if previous:
            previous.join()
        self.made = {**self.made, **(make() or {})}


def make_pdfs(documents: list[pdf.PdfDocument], site_dir: Path, site_url: str,
              made: dict[str, bytes], stop: Callable[[], bool] = lambda: False) -> dict[str, bytes]:
    """Make the PDFs whose page or stylesheet changed since `made`; their new digests.

    `stop` is asked before each PDF: the server may be shutting down.
    """
    digests = {}
    for doc in documents:
        if stop():
            break
        digest = _digest(doc, site_dir)
        if digest is not None and made.get(doc.out) == digest and (site_dir / doc.out).is_file():
            continue
        if pdf.write_pdfs([doc], site_dir, site_url, required=False) and digest is not None:
            digests[doc.out] = digest
    return digests


def _digest(doc: pdf.PdfDocument, site_dir: Path) -> bytes | None:
    """What a PDF is made from: its metadata, its built page and the print stylesheet."""
    try:
        parts = [repr(doc).encode(), (site_dir / doc.page).read_bytes(), (site_dir / pdf.PRINT_CSS).read_bytes()]
    except OSError:
        return None
    return hashlib.blake2b(b"\0".join(parts), digest_size=16).digest()

