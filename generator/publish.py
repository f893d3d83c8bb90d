"""A build is published whole or not at all.

MkDocs empties site/ before it writes the new site, so a build that fails
half-way (a page, a data file, a PDF) would leave visitors, or the deploy
step, a broken site. The build is written into a folder beside site/ and
moved into place only when everything succeeded; a failure removes that
folder and keeps the last good site as it was.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path


class StagedSite:
    def __init__(self, site_dir: str | Path, dirty: bool = False):
        self.final = Path(site_dir).absolute()
        self.staging = self.final.with_name(f".{self.final.name}.jobsite-ny")
        self.previous = self.final.with_name(f".{self.final.name}.jobsite-forrige")
        for leftover in (self.staging, self.previous):  # from a build that was killed
            shutil.rmtree(leftover, ignore_errors=True)
        if dirty and self.final.is_dir():  # `build --dirty` adds to the last site
            shutil.copytree(self.final, self.staging, symlinks=True)

    def publish(self) -> Path:
        """Move the finished site into place (the old one is removed after the swap)."""
        if self.final.exists():
            os.replace(self.final, self.previous)
        os.replace(self.staging, self.final)
        shutil.rmtree(self.previous, ignore_errors=True)
        return self.final

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
