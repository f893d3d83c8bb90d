"""A build is published whole or not at all.

MkDocs empties site/ before it writes the new site, so a build that fails
half-way (a page, a data file, a PDF) would leave visitors, or the deploy
step, a broken site. The build is written into a folder beside site/ and
moved into place only when everything succeeded; a failure removes that
folder and keeps the last good site as it was.
"""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path


class _CountWarnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class StagedSite:
    """The new site in a folder beside the old one until `publish()`.

    A strict build fails on any warning, but MkDocs says so only after the
    plugins' last event; so the warnings are counted here too, and a strict
    build with warnings is never published.
    """

    def __init__(self, site_dir: str | Path, dirty: bool = False, strict: bool = False):
        self.warnings = _CountWarnings()
        if strict:
            logging.getLogger("mkdocs").addHandler(self.warnings)
        self.final = Path(site_dir).absolute()
        self.staging = self.final.with_name(f".{self.final.name}.jobsite-ny")
        self.previous = self.final.with_name(f".{self.final.name}.jobsite-forrige")
        for leftover in (self.staging, self.previous):  # from a build that was killed
            shutil.rmtree(leftover, ignore_errors=True)
        if dirty and self.final.is_dir():  # `build --dirty` adds to the last site
            shutil.copytree(self.final, self.staging, symlinks=True)

    def publish(self) -> Path | None:
        """Move the finished site into place (the old one is removed after the swap); None when
        warnings will fail the strict build, which then keeps the last site."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.warnings.count:
            self.discard()
            return None
        if self.final.exists():
            os.replace(self.final, self.previous)
        os.replace(self.staging, self.final)
        shutil.rmtree(self.previous, ignore_errors=True)
        return self.final

    def discard(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        shutil.rmtree(self.staging, ignore_errors=True)
