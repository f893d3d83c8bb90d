"""The site's search for MkDocs: the search page, the pages' content collected as MkDocs renders
it, and Pagefind's bundle written into the site (the core decides what is indexed and how:
generator/render/search_index.py).

The jobsite plugin calls, in MkDocs' order:

- `add_page(files, config)` (on_files): the search page "Søg" (kinds.SEARCH_PAGE);
- `collect(page, html)` (on_page_content): each page's content, as MkDocs rendered it. Kept
  between `serve --dirty` rebuilds, which render only the pages that changed;
- `write(config, listing, content)` (on_post_build): one small HTML file per searchable page
  in a temporary folder, Pagefind's CLI run over it into site/pagefind/, and in the preview
  (no directory URLs: opened from disk, where Pagefind cannot fetch its files) the light
  index as a script beside it. Under `serve --dirty` Pagefind runs in the worker after the
  reload (outputs.py), and a newer save's index replaces one not yet begun.

Pagefind reads our files, not the theme's pages: the pages carry nothing for the search, so
a visitor who does not search downloads none of it.
"""
from __future__ import annotations

import ctypes
import gc
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from typing import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..kinds import SEARCH_PAGE, page_url, posting_page
from ..listing import Listing
from ..render import pages
from ..render.search_index import (Document, Shaper, Shaped, index_html, light_index_script, page_document,
                                   plain_title, posting_document, search_options, shape, unsearchable, vocabulary)
from ..site import Content

log = logging.getLogger("mkdocs.plugins.jobsite")

BUNDLE = "pagefind"  # the folder in the site: pagefind.js, its worker, wasm, index, fragments
LIGHT_INDEX = f"{BUNDLE}/jobsite-preview.js"  # the preview's index (search.js loads it on file://)
# Pagefind writes its own search interfaces too; the search page uses its API only.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
          "wasm.unknown.pagefind")  # every document is Danish (--force-language da)


def search_address(use_directory_urls: bool) -> str:
    """Where the header's form sends its words: 'soeg/', or 'soeg.html' in the preview."""
    return page_url(SEARCH_PAGE) if use_directory_urls else SEARCH_PAGE[:-3] + ".html"


def search_page_markdown() -> str:
    return pages.ENV.get_template("search.md.j2").render(options=search_options())


class Search:
    def __init__(self) -> None:
        self.present: set[str] = set()
        self.docs: dict[str, Document] = {}  # src_uri -> the page as last rendered (kept by `serve`)
        self.shaped: dict[str, tuple[Document, frozenset[str], Shaped]] = {}  # kept: unchanged pages are not shaped again
        self.listing: Listing | None = None  # the listing the two below are of
        self.hidden: frozenset[str] = frozenset()
        self.jobs: dict = {}

    def add_page(self, files: Files, config) -> None:
        """The search page joins the site's files; the pages of this build are noted (a page
        deleted since the last `serve` rebuild leaves the index)."""
        files.append(File.generated(config, SEARCH_PAGE, content=search_page_markdown()))
        self.present = {f.src_uri for f in files.documentation_pages()}

    def _pages_of(self, listing: Listing) -> tuple[frozenset[str], dict]:
        """The pages not searched and the open postings by page, once per listing (not per page)."""
        if self.listing is not listing:
            self.listing = listing
            self.hidden = unsearchable(listing)
            self.jobs = {posting_page(job.id): job for job in listing.open}
        return self.hidden, self.jobs

    def collect(self, page, html: str, listing: Listing) -> None:
        src_uri = page.file.src_uri
        hidden, jobs = self._pages_of(listing)
        # A page whose front matter says `search: {exclude: true}` (Material's words) is left out too.
        meta = page.meta.get("search") if isinstance(page.meta, dict) else None
        if src_uri in hidden or (isinstance(meta, dict) and meta.get("exclude") is True):
            self.docs.pop(src_uri, None)
            return
        if job := jobs.get(src_uri):
            self.docs[src_uri] = posting_document(job, page.file.dest_uri, html)
        else:
            self.docs[src_uri] = page_document(page.file.dest_uri, plain_title(page.title or ""), html)

    def pages(self, config, listing: Listing, content: Content) -> tuple[list[tuple[str, str]], str | None]:
        """This build's searchable pages as Pagefind reads them (path in the site, HTML), and in the
        preview the light index. A page shaped in the last `serve` rebuild from equal inputs is reused."""
        hidden, _ = self._pages_of(listing)
        self.docs = {k: d for k, d in self.docs.items() if k in self.present and k not in hidden}
        vocab = vocabulary(content, listing)
        shaper = Shaper(vocab)
        key = frozenset(vocab)
        shaped = {}
        for src_uri, doc in self.docs.items():
            kept = self.shaped.get(src_uri)
            shaped[src_uri] = kept if kept and kept[0] == doc and kept[1] == key else (doc, key, shape(doc, shaper))
        self.shaped = shaped
        items = [s for _, _, s in shaped.values()]
        pages = [(item.doc.url, index_html(item)) for item in items]
        light = None if config.use_directory_urls else light_index_script(items)  # the preview, opened from disk
        return pages, light

    def write(self, config, listing: Listing, content: Content, later: Callable[..., None]) -> None:
        """`serve`: the index of this rebuild's pages, made by `later` (the workers' submit, outputs.py)
        after the pages are served, so a save shows at once and the search follows."""
        pages, light = self.pages(config, listing, content)
        later("søgeindekset", _index, pages, Path(config.site_dir), light)

    def index(self, config, pages: list[tuple[str, str]], light: str | None) -> None:
        """A build: Pagefind over `pages` (from pages()), which is emptied once written for it; the
        documents are let go first, so they are not held while Pagefind runs."""
        self.docs, self.shaped, self.listing, self.jobs = {}, {}, None, {}
        _index(pages, Path(config.site_dir), light, release=True)


def _index(pages: list[tuple[str, str]], site: Path, light: str | None, release: bool = False) -> None:
    """Pagefind's bundle for the pages (path in the site, HTML) in site/pagefind/, written beside it
    and moved in place whole (a search during a `serve` rebuild finds the old one or the new one).
    `release` (a build): the memory freed so far is given back before Pagefind starts beside us."""
    out, new = site / BUNDLE, site / f"{BUNDLE}.new"
    start = time.perf_counter()
    count = len(pages)
    with tempfile.TemporaryDirectory(prefix="jobsite-search-") as tmp:
        for url, html in pages:
            path = Path(tmp) / url
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, "utf-8")
        if release:
            pages.clear()
            _give_back_memory()
        shutil.rmtree(new, ignore_errors=True)
        run = subprocess.run([sys.executable, "-m", "pagefind", "--site", tmp, "--output-path", str(new),
                              "--force-language", "da", "--silent"], capture_output=True, text=True)
        if run.returncode != 0:
            raise PluginError(f"Søgeindekset kunne ikke laves (Pagefind): {run.stdout}{run.stderr}")
    for name in UNUSED:
        (new / name).unlink(missing_ok=True)
    if light is not None:
        (new / Path(LIGHT_INDEX).name).write_text(light, "utf-8")
    shutil.rmtree(out, ignore_errors=True)
    new.rename(out)
    log.info("Søgeindeks (Pagefind): %d sider på %.1f s", count, time.perf_counter() - start)


def _give_back_memory() -> None:
    """Collect garbage and hand the heap's free pages back to the system (glibc's malloc_trim), so the
    build and Pagefind do not both hold their peak at once. Where there is no glibc, nothing happens."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
