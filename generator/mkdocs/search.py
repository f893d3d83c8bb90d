"""The site's search for MkDocs: the search page, the pages' content collected as MkDocs renders
it, and Pagefind's bundle written into the site (the core decides what is indexed and how:
generator/render/search_index.py).

The jobsite plugin calls, in MkDocs' order:

- `add_page(files, config)` (on_files): the search page "Søg" (kinds.SEARCH_PAGE);
- `collect(page, html)` (on_page_content): each page's content, as MkDocs rendered it. Kept
  between `serve --dirty` rebuilds, which render only the pages that changed;
- `write(config, files)` (on_post_build): one small HTML file per searchable page in a
  temporary folder, Pagefind's CLI run over it into site/pagefind/, and in the preview
  (no directory URLs: opened from disk, where Pagefind cannot fetch its files) the light
  index as a script beside it.

Pagefind reads our files, not the theme's pages: the pages carry nothing for the search, so
a visitor who does not search downloads none of it.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..kinds import SEARCH_PAGE, page_url, posting_page
from ..listing import Listing
from ..render import pages
from ..render.search_index import (Document, Shaper, Shaped, index_html, is_searchable, light_index_script,
                                   page_document, plain_title, posting_document, search_options, shape,
                                   vocabulary)
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

    def add_page(self, files: Files, config) -> None:
        """The search page joins the site's files; the pages of this build are noted (a page
        deleted since the last `serve` rebuild leaves the index)."""
        files.append(File.generated(config, SEARCH_PAGE, content=search_page_markdown()))
        self.present = {f.src_uri for f in files.documentation_pages()}

    def collect(self, page, html: str, listing: Listing) -> None:
        src_uri = page.file.src_uri
        if not is_searchable(src_uri, listing):
            self.docs.pop(src_uri, None)
            return
        jobs = {posting_page(job.id): job for job in listing.open}
        if job := jobs.get(src_uri):
            self.docs[src_uri] = posting_document(job, page.file.dest_uri, html)
        else:
            self.docs[src_uri] = page_document(page.file.dest_uri, plain_title(page.title or ""), html)

    def write(self, config, listing: Listing, content: Content) -> None:
        self.docs = {k: d for k, d in self.docs.items() if k in self.present and is_searchable(k, listing)}
        vocab = vocabulary(content, listing)
        shaper = Shaper(vocab)
        key = frozenset(vocab)
        shaped = {}
        for src_uri, doc in self.docs.items():
            kept = self.shaped.get(src_uri)
            shaped[src_uri] = kept if kept and kept[0] == doc and kept[1] == key else (doc, key, shape(doc, shaper))
        self.shaped = shaped
        items = [s for _, _, s in shaped.values()]
        site = Path(config.site_dir)
        out = site / BUNDLE
        start = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="jobsite-search-") as tmp:
            for item in items:
                path = Path(tmp) / item.doc.url
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(index_html(item), "utf-8")
            if out.exists():
                shutil.rmtree(out)
            run = subprocess.run([sys.executable, "-m", "pagefind", "--site", tmp, "--output-path", str(out),
                                  "--force-language", "da", "--silent"], capture_output=True, text=True)
            if run.returncode != 0:
                raise PluginError(f"Søgeindekset kunne ikke laves (Pagefind): {run.stdout}{run.stderr}")
        for name in UNUSED:
            (out / name).unlink(missing_ok=True)
        log.info("Søgeindeks (Pagefind): %d sider på %.1f s", len(items), time.perf_counter() - start)
        if not config.use_directory_urls:  # the preview, opened from disk
            (site / LIGHT_INDEX).write_text(light_index_script(items), "utf-8")
