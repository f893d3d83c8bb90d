"""The MkDocs plugin: each hook hands one stage of the core to MkDocs.

content and listing (on_config) -> generated pages (on_files) -> content
text and PDFs of pages (on_page_markdown, on_post_page) -> the files that
feed no page, made by workers (outputs.py), and the site published whole
(on_post_build).
"""
from __future__ import annotations

import os
from pathlib import Path

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .. import clock, owner, preview
from ..content import JOBS_DIR, load_site
from ..listing import build_listing
from ..problems import ContentError
from ..render import csp, home, pages, pdf
from ..render.files import site_data_files
from . import watch
from .admin import add_editor
from .media import MediaCache, publish_media
from .notfound import not_found
from .outputs import Outputs
from .pages import PageTexts, add_generated_pages, mark_filled_pages, without_directory_urls
from .publish import StagedSite
from .search import Search, search_address
from .theme import Dedent, TemplateCache, with_job_posting
from .toggles import name_toggles
from ..kinds import jobnet_sheet, posting_page

JOBNET_SHEET = jobnet_sheet("x").rsplit("/", 1)[1]  # 'jobnet.md', the sheet's name in a posting's folder

ROLE_TABLE_MARKER = "<!-- jobsite:rolletabel -->"


class JobsiteConfig(base.Config):
    root = c.Optional(c.Dir(exists=True))  # project root; default: the folder of mkdocs.yml
    # Processes for the feed, calendars, jobs.json and PDFs (0: none). One is enough: its work is a
    # fraction of MkDocs' own, and a second would take CPU from the build on a two-core machine.
    workers = c.Type(int, default=1)


class JobsitePlugin(BasePlugin[JobsiteConfig]):
    def __init__(self):
        super().__init__()
        # MkDocs keeps a plugin with on_startup for the whole `serve`: what is kept here makes
        # a rebuild after one edit quick (only that posting is read and rebuilt).
        self.serving = self.dirty = False
        self.posting_cache: dict = {}  # posting file -> (mtime, size) and what reading it gave
        self.page_texts = PageTexts()  # the generated pages of the last good build
        self.templates = TemplateCache()
        self.outputs: Outputs | None = None
        self.media_cache = MediaCache()  # picture -> its re-encoded bytes, by (mtime, size)
        self.editor_form: dict = {}  # the editor's form, by the times and sizes of the data files
        self.search = Search()  # the pages' content for the search index (kept by `serve`)

    def on_startup(self, *, command, dirty):
        # Once per process, before the first build.
        self.serving, self.dirty = command == "serve", dirty
        self.outputs = Outputs(self.config.workers, background=self.serving and dirty)

    def on_config(self, config):
        # Before MkDocs empties site/: bad content fails the build with nothing written.
        if self.serving and not self.dirty:  # a clean rebuild empties the site: the last one's files are written first
            self.outputs.wait()
        root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        try:
            moment = clock.now()  # the files of postings gone by then are not read (retention.py)
            self.content = load_site(root, cache=self.posting_cache if self.serving else None,
                                     text_checks=False, today=moment.date())  # the text-vs-fields warnings are check's
            self.listing = build_listing(self.content, moment)
        except ContentError as err:
            raise PluginError(err.report()) from None
        except clock.ClockError as err:
            raise PluginError(str(err)) from None
        config.extra["jobsite_fixed_day"] = preview.fixed_day()  # <meta name="jobsite-now">, the preview banner
        config.extra["jobsite_search"] = search_address(config.use_directory_urls)  # the header's search form
        config.extra["jobsite_not_found"] = not_found(self.listing, config.use_directory_urls)  # 404.html
        self.staged = None if self.serving else StagedSite(config.site_dir, self.dirty, config.strict)
        if self.staged:  # written beside site/, published in on_post_build
            config.site_dir = str(self.staged.staging)
        self.documents: dict[str, pdf.PdfDocument] = {}  # built page -> its PDF
        self.outputs.into = Path(config.site_dir)  # `serve --dirty`: where the workers write themselves
        self.outputs.submit("feed, kalendere og jobs.json", site_data_files, self.content.root, self.listing.now,
                            config.site_url or "")  # the worker reads the files itself: small inputs
        return config

    def on_files(self, files, config):
        # The pictures of the media folders are published re-encoded (media.py), never as uploaded;
        # the generated pages join the site's own files.
        publish_media(files, config, Path(self.config.root or Path(config.config_file_path).parent).resolve(),
                      self.media_cache if self.serving else None)
        self.postings = {posting_page(job.id): job for job in self.listing.jobs}
        self.preview = bool((config.extra.get("jobsite") or {}).get("preview")) \
            or os.environ.get("JOBSITE_PREVIEW") == "true"  # the preview: each open posting's Jobnet sheet too
        add_generated_pages(files, config, self.listing, self.content, self.page_texts, self.preview)
        self.search.add_page(files, config)  # "Søg"
        if self.serving:  # under --dirty, a page with markers is rebuilt when what fills them changed
            mark_filled_pages(files, config, self.page_texts, self._filled)
        add_editor(files, config, Path(self.config.root or Path(config.config_file_path).parent).resolve(),
                   preview=bool((config.extra.get("jobsite") or {}).get("preview")),
                   kept=self.editor_form if self.serving else None)  # /admin/ (admin.py)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        # Text from content in the front matter reaches the theme as text; the role table is filled
        # in; a page with a PDF is noted.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])  # Markup: the theme does not escape it again
        page.update_date = self.listing.today.isoformat()  # the sitemap's date: the day built for
        if ROLE_TABLE_MARKER in markdown and self.content.roles:
            self.documents[page.file.dest_uri] = pdf.roles_document(self.content, page.file.dest_uri)
        markdown = self._filled(markdown)
        if leaflet := self.content.leaflets_by_src_uri.get(page.file.src_uri):  # its page: pages.leaflet_source
            self.documents[page.file.dest_uri] = pdf.leaflet_document(leaflet, page.file.dest_uri)
        if not config.use_directory_urls:  # the preview: raw HTML links were written for directory URLs
            markdown = without_directory_urls(markdown, page.file.src_uri, page.file.dest_uri, files)
        return markdown

    def _filled(self, markdown: str) -> str:
        """A page's markers replaced by their generated parts: the role table, the home page's parts."""
        if ROLE_TABLE_MARKER in markdown and self.content.roles:
            markdown = markdown.replace(ROLE_TABLE_MARKER, pages.role_table(self.content.roles))
        return home.fill(markdown, self.listing, self.content)

    def on_page_content(self, html, page, config, files):
        # A page with a PDF has its content now, in MkDocs' first pass: the PDF is made from it
        # (with the stylesheet and images of docs_dir) while MkDocs builds the rest.
        if leaflet := self.content.leaflets_by_src_uri.get(page.file.src_uri):  # in its language and direction
            html = pages.leaflet_html(leaflet, html)
        if doc := self.documents.get(page.file.dest_uri):
            self.outputs.submit(f"PDF'en {doc.out}", pdf.make_pdf, doc, html, config.docs_dir, config.site_url or "")
        if not page.file.src_uri.endswith("/" + JOBNET_SHEET):  # the preview's Jobnet sheets: not searched
            self.search.collect(page, html, self.listing)  # its text for the search index
        return html

    def on_post_page(self, output, page, config):
        # The finished page: an open posting becomes a JobPosting, Material's hidden toggles get
        # names (toggles.py), and the page gets its CSP (not under `serve`: its livereload script
        # comes after this).
        if job := self.postings.get(page.file.src_uri):
            output = with_job_posting(output, job)
        output = name_toggles(output)
        if self.serving:
            return output
        page.content = page.markdown = None  # written next and not read again: a national build holds 3,700 pages
        return csp.add_csp(output)

    def on_post_template(self, output, template_name, config):
        # 404.html is a template, not a page: its toggles' names and its CSP are added here.
        output = name_toggles(output)
        return output if self.serving else csp.add_csp(output)

    @event_priority(-100)
    def on_post_build(self, config):
        # Last, after the other plugins' files: the workers' files and the search index (Pagefind),
        # then the site is published. Under `serve --dirty` both follow the reload (latest.py).
        if self.serving:  # the search index is the workers' too, after the reload under --dirty (latest.py)
            self.search.write(config, self.listing, self.content, later=self.outputs.submit)
        self.outputs.write(Path(config.site_dir), self.serving, background=self.serving and self.dirty)
        if not self.serving:  # a build's workers are done: their memory is not held while Pagefind runs,
            self.outputs.shutdown()  # nor the generated pages' texts (kept between serve's rebuilds only),
            self.page_texts = PageTexts()  # nor the content: a national build is 330 MB beside Pagefind's 700
            pages, light = self.search.pages(config, self.listing, self.content)
            self.listing = self.content = self.owners = None
            self.postings, self.documents = {}, {}
            self.search.index(config, pages, light)
        self.page_texts.keep()
        if self.staged:
            config.site_dir = str(self.staged.publish() or self.staged.final)

    def on_build_error(self, error):
        # Whatever failed, nothing more is written and the last good site stays.
        self.outputs.cancel()
        if getattr(self, "staged", None):
            self.staged.discard()

    def on_page_context(self, context, page, config, nav):
        # The footer names whose the page is (owner.py): its kommune, or the site's operator.
        context["jobsite_owner"] = self.owners.for_page(page.file.src_uri)
        return context

    def on_env(self, env, config, files):
        # The theme's templates, compiled without their indentation (and kept between `serve` rebuilds);
        # a template that is not a page (404.html) has the operator in its footer.
        self.owners = owner.Owners(self.content, self.listing, config.extra.get("jobsite") or {})
        env.globals["jobsite_owner"] = self.owners.operator
        env.add_extension(Dedent)
        if self.serving:
            env.bytecode_cache = self.templates
        return env

    def on_serve(self, server, config, builder):
        # `serve` rebuilds when a posting or a data file changes, too.
        root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        self.watcher = watch.watch(server, [root / f for f in (JOBS_DIR, "data") if (root / f).is_dir()])
        return server

    def on_shutdown(self):
        watch.stop(getattr(self, "watcher", None))
        self.outputs.shutdown()
