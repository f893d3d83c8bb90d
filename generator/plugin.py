"""The MkDocs plugin: a thin adapter between the generator and MkDocs.

It loads and validates the content before MkDocs touches site/ (so bad
content fails the build with nothing written), adds the generated pages as
virtual files, writes the data files after the build, and asks `mkdocs
serve` to watch jobs/ and data/ too.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import clock
from .content import JOBS_DIR, Content, load_content
from .listing import Listing, build_listing
from .problems import ContentError
from .render import pages
from .render.files import data_files

log = logging.getLogger("mkdocs.plugins.jobsite")
ROLE_TABLE_MARKER = "<!-- jobsite:rolletabel -->"


class JobsiteConfig(base.Config):
    root = c.Optional(c.Dir(exists=True))  # project root; default: the folder of mkdocs.yml


class JobsitePlugin(BasePlugin[JobsiteConfig]):
    content: Content
    listing: Listing

    def _root(self, config) -> Path:
        return Path(self.config.root or Path(config.config_file_path).parent).resolve()

    def on_config(self, config):
        try:
            self.content = load_content(self._root(config))
            self.listing = build_listing(self.content, clock.now())
        except ContentError as err:
            raise PluginError(err.report()) from None
        except clock.ClockError as err:
            raise PluginError(str(err)) from None
        return config

    def on_files(self, files: Files, config) -> Files:
        def add(src_uri: str, text: str) -> None:
            if files.get_file_from_path(src_uri):
                raise PluginError(f"content/{src_uri} findes allerede; siden laves af generatoren. Slet filen.")
            files.append(File.generated(config, src_uri, content=text))

        generated = {"job/index.md", "job/arkiv.md", "foldere/index.md"}
        generated |= {f"job/{job.id}.md" for job in self.listing.jobs}
        if self.content.roles:
            generated |= {f"stillingsbeskrivelser/{r.id}.md" for r in self.content.roles.roles}
        sources = frozenset({f.src_uri for f in files} | generated)
        add("job/index.md", pages.job_list(self.listing))
        add("job/arkiv.md", pages.archive(self.listing))
        for job in self.listing.jobs:
            add(f"job/{job.id}.md", pages.posting(job, self.content, sources))
        if self.content.roles:
            for role in self.content.roles.roles:
                add(f"stillingsbeskrivelser/{role.id}.md", pages.role_page(self.content.roles, role.id))
        add("foldere/index.md", pages.leaflet_index(self.content.leaflets))
        return files

    def on_page_markdown(self, markdown: str, page, config, files):
        if ROLE_TABLE_MARKER in markdown and self.content.roles:
            markdown = markdown.replace(ROLE_TABLE_MARKER, pages.role_table(self.content.roles))
        leaflet = next((lf for lf in self.content.leaflets if lf.src_uri == page.file.src_uri), None)
        if leaflet:
            markdown = pages.leaflet_page(markdown, leaflet)
        return markdown

    def on_post_build(self, config):
        for rel, data in data_files(self.listing, self.content, config.site_url or "").items():
            out = Path(config.site_dir) / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                out.write_bytes(data)
            else:
                out.write_text(data, encoding="utf-8")

    def on_serve(self, server, config, builder):
        root = self._root(config)
        for folder in (JOBS_DIR, "data"):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server
