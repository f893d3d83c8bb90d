"""The MkDocs plugin: a thin adapter between the generator and MkDocs.

It loads and validates the content before MkDocs touches site/ (so bad
content fails the build with nothing written), adds the generated pages as
virtual files (generated_files.py; a build has a second process render the
postings while MkDocs works), makes an open posting a schema.org JobPosting
(render/jobposting.py), writes the data files and PDFs (in a second process
while MkDocs builds the pages, see parallel.py; under `serve`, preview.py),
and asks `mkdocs serve` to watch jobs/ and data/ too. Under `serve` it keeps
what it read and rendered, so a rebuild after one edit redoes only that
posting.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import os
from functools import partial
from pathlib import Path

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from . import clock
from .content import JOBS_DIR, Content, load_content
from .generated_files import GeneratedPage, StreamedPage, TemplateCache
from .listing import Listing, build_listing
from .parallel import Background, BackgroundError, Stream, can_fork
from .preview import PreviewOutputs
from .publish import StagedSite
from .problems import ContentError
from .render import html, jobposting, pages
from .render.files import data_files
from .render import pdf
from .render import csp

log = logging.getLogger("mkdocs.plugins.jobsite")
ROLE_TABLE_MARKER = "<!-- jobsite:rolletabel -->"


class JobsiteConfig(base.Config):
    root = c.Optional(c.Dir(exists=True))  # project root; default: the folder of mkdocs.yml


class JobsitePlugin(BasePlugin[JobsiteConfig]):
    content: Content
    listing: Listing
    serving = False  # `mkdocs serve`: PDFs are optional there
    pdfs: list[pdf.PdfDocument]

    def __init__(self):
        super().__init__()
        # Because the plugin has on_startup, MkDocs keeps it between `serve` rebuilds,
        # so these live as long as the server and make a rebuild after one edit quick.
        self.posting_cache: dict = {}  # posting file -> (mtime, size) and its validated content
        self.digests: dict[str, bytes] = {}  # generated page -> hash of its text in the last good build
        self.next_digests: dict[str, bytes] = {}
        self.preview = PreviewOutputs()  # `serve`: data files and PDFs after each build
        self.templates = TemplateCache()

    def on_startup(self, *, command, dirty):
        self.serving, self.dirty = command == "serve", dirty

    def _root(self, config) -> Path:
        return Path(self.config.root or Path(config.config_file_path).parent).resolve()

    def on_config(self, config):
        self.preview.before_build(self.dirty)  # `serve`: the previous build's files are written first
        self.staged = None
        try:
            self.content = load_content(self._root(config), cache=self.posting_cache if self.serving else None)
            self.listing = build_listing(self.content, clock.now())
            if epoch := clock.source_date_epoch():  # reproducible sitemap dates
                os.environ.setdefault("SOURCE_DATE_EPOCH", epoch)
            if not self.serving and can_fork():  # a build (`serve --clean` says "build" too: not in its server)
                # The content lives until the build ends: the garbage collector need not scan
                # it again and again while MkDocs works (nor touch its memory in forked children).
                gc.freeze()
            self.pdfs = []
        except ContentError as err:
            raise PluginError(err.report()) from None
        except clock.ClockError as err:
            raise PluginError(str(err)) from None
        if not self.serving:  # a build: written beside site/, moved into place in on_post_build
            self.staged = StagedSite(config.site_dir, self.dirty, config.strict)
            config.site_dir = str(self.staged.staging)
        return config

    def on_files(self, files: Files, config) -> Files:
        def claim(src_uri: str) -> None:
            if files.get_file_from_path(src_uri):
                raise PluginError(f"content/{src_uri} findes allerede; siden laves af generatoren. Slet filen.")

        def add(src_uri: str, text: str) -> None:
            claim(src_uri)
            page = GeneratedPage.generated(config, src_uri, content=text)
            digest = hashlib.blake2b(text.encode(), digest_size=16).digest()
            page.unchanged = self.digests.get(src_uri) == digest
            self.next_digests[src_uri] = digest
            files.append(page)

        self.postings = {f"job/{job.id}.md": job for job in self.listing.jobs}
        generated = {"job/index.md", "job/arkiv.md", "foldere/index.md", *self.postings}
        if self.content.roles:
            generated |= {f"stillingsbeskrivelser/{r.id}.md" for r in self.content.roles.roles}
        sources = frozenset({f.src_uri for f in files} | generated)
        renders = {"job/index.md": partial(pages.job_list, self.listing),
                   "job/arkiv.md": partial(pages.archive, self.listing)}
        renders |= {src_uri: partial(pages.posting, job, self.content, sources)
                    for src_uri, job in self.postings.items()}
        if self.serving:  # rendered here, so an edit rebuilds only the pages whose text changed
            for src_uri, render in renders.items():
                add(src_uri, render())
        else:  # rendered by a second process while MkDocs builds the pages before them
            for src_uri in renders:
                claim(src_uri)
            stream = Stream(_call, list(renders.values()))
            for index, src_uri in enumerate(renders):
                files.append(StreamedPage(config, src_uri, stream, index))
        if self.content.roles:
            for role in self.content.roles.roles:
                add(f"stillingsbeskrivelser/{role.id}.md", pages.role_page(
                    self.content.roles, role.id, self.content.units[self.content.roles.kommune].org.name))
        add("foldere/index.md", pages.leaflet_index(self.content.leaflets))
        if script := files.get_file_from_path(pages.SCRIPT):
            try:
                text = pages.page_script(script.content_string)
            except ValueError as err:
                raise PluginError(str(err)) from None
            files.remove(script)
            files.append(File.generated(config, pages.SCRIPT, content=text))
        self.pdf_pages: dict[str, str] = {}
        self.pdf_started: set[str] = set()
        self.background = [] if self.serving else [Background(
            write_data_files, self.listing, self.content, Path(config.site_dir), config.site_url or "", nice=10)]
        return files

    def on_page_markdown(self, markdown: str, page, config, files):
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                # The theme writes them into the header, <title>, <meta content="…"> and the search
                # index unescaped: content text must arrive as text. Markup is not escaped twice.
                page.meta[key] = escape(page.meta[key])
        if ROLE_TABLE_MARKER in markdown and self.content.roles:
            markdown = markdown.replace(ROLE_TABLE_MARKER, pages.role_table(self.content.roles))
            self.pdfs.append(pdf.roles_document(self.content, page.file.dest_uri))
        leaflet = self.content.leaflets_by_src_uri.get(page.file.src_uri)
        if leaflet:
            markdown = pages.leaflet_page(leaflet)
            self.pdfs.append(pdf.leaflet_document(leaflet, page.file.dest_uri))
        return markdown

    def on_post_page(self, output: str, page, config):
        """A posting becomes a schema.org JobPosting (Google for Jobs) while it is open; the PDFs
        start once their pages are built."""
        if job := self.postings.get(page.file.src_uri):
            output = jobposting.wrap(output, job)
        if not self.serving and any(d.page == page.file.dest_uri for d in self.pdfs):
            # The first PDF starts in a process of its own as soon as its page is built, the
            # others together in a second one once all their pages are: two processes at most.
            self.pdf_pages[page.file.dest_uri] = output
            ready = [d for d in self.pdfs if d.page in self.pdf_pages and d.page not in self.pdf_started]
            if not self.pdf_started or len(self.pdf_started) + len(ready) == len(self.pdfs):
                self.pdf_started |= {d.page for d in ready}
                self.background.append(Background(pdf.write_pdfs, ready, Path(config.site_dir), config.site_url
                                                  or "", True, {d.page: self.pdf_pages[d.page] for d in ready},
                                                  nice=10))
        if not self.serving:  # `serve` adds a livereload inline script after this hook, a new one per request
            output = csp.add_csp(output)
        return output

    def on_post_template(self, output_content, template_name, config):
        """404.html is rendered from a template, not a page: it gets its policy here."""
        if not self.serving and template_name.endswith(".html"):
            output_content = csp.add_csp(output_content)
        return output_content

    @event_priority(-100)  # last: the other plugins (search) write their files first, then the site is published
    def on_post_build(self, config):
        self.digests, self.next_digests = self.next_digests, {}
        site_dir, site_url = Path(config.site_dir), config.site_url or ""
        if self.serving:  # the browser reloads the edited page now; feeds, calendars and PDFs follow
            self.preview.after_build(partial(write_data_files, self.listing, self.content, site_dir, site_url),
                                     self.pdfs, site_dir, site_url)
            return
        try:
            logged: set = set()  # a message from several PDF processes (no WeasyPrint) is shown once
            for work in self.background:
                work.wait(logged)
        except BackgroundError as err:
            raise PluginError(f"jobsite: {err}") from None
        if missing := [d for d in self.pdfs if d.page not in self.pdf_started]:  # without a second process
            pdf.write_pdfs(missing, site_dir, site_url, required=True, pages=self.pdf_pages)
        if self.staged:
            config.site_dir = str(self.staged.publish() or self.staged.final)

    def on_build_error(self, error):
        """Whatever failed, the last good site stays as it was."""
        for work in getattr(self, "background", []):
            work.stop()
        if self.staged:
            self.staged.discard()

    def on_env(self, env, config, files):
        env.add_extension(html.Dedent)  # the theme's templates without their indentation (html.py)
        if self.serving:
            env.bytecode_cache = self.templates
        return env

    def on_shutdown(self):
        self.preview.stop()

    def on_serve(self, server, config, builder):
        root = self._root(config)
        for folder in (JOBS_DIR, "data"):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server


def _call(render):
    return render()


def write_data_files(listing: Listing, content: Content, site_dir: Path, site_url: str) -> None:
    for rel, data in data_files(listing, content, site_url).items():
        out = site_dir / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            out.write_bytes(data)
        else:
            out.write_text(data, encoding="utf-8")
