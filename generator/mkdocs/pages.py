"""The generated pages as MkDocs files, and MkDocs' rules for links between pages.

MkDocs checks and rewrites a link only when it points at a page's Markdown
source, so a site path HR wrote ('/vaer-med/') becomes the relative path of
that source. Under `serve --dirty` a generated page tells MkDocs whether its
text changed, so an edit to one posting rebuilds that page only.
"""
from __future__ import annotations

import posixpath
import re
from functools import partial
from typing import Callable
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..site import Content
from ..listing import Listing
from ..render import alerts, jobnet, pages
from ..kinds import (ARCHIVE, GENERATED_PAGES, JOB_LIST, LEAFLET_INDEX, PRIVACY, jobnet_sheet, page_url, posting_page,
                     role_page)


class GeneratedPage(File):
    """A generated page that `mkdocs serve --dirty` rebuilds only when its text changed.

    MkDocs counts every in-memory file as modified, so with a thousand
    postings an edit to one would rebuild them all.
    """

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged


def site_link(target: str, page_src: str, sources: frozenset[str]) -> str:
    """A site path written by HR ('/vaer-med/') as a link MkDocs can check.

    When the path is a page of the site, the link points at its Markdown
    source (so MkDocs validates and rewrites it); otherwise it becomes a URL
    relative to the page.
    """
    if not target.startswith("/"):
        return target
    path = target.strip("/")
    here = posixpath.dirname(page_src)
    for candidate in (f"{path}/index.md" if path else "index.md", f"{path}.md"):
        if candidate in sources:
            return posixpath.relpath(candidate, here or ".")
    page_url = page_src[:-3] + "/" if page_src.endswith(".md") else page_src
    rel = posixpath.relpath(path or ".", page_url.rstrip("/"))
    return rel + ("/" if target.endswith("/") and not rel.endswith("/") else "")


class PageTexts:
    """The generated pages' texts, by what each was made from, kept from the last good build.

    `serve` keeps one between rebuilds: a page made from the same inputs as last time keeps its
    text without rendering its template again, and tells `--dirty` it is unchanged, so an edit
    to one posting renders that posting's page (and the lists it is on), not a thousand pages.
    A plain build starts empty and renders everything.
    """

    def __init__(self) -> None:
        self.kept: dict[str, tuple[object, str]] = {}  # src_uri -> (inputs, text) of the last good build
        self.made: dict[str, tuple[object, str]] = {}
        self.changed: set[str] = set()
        self.shared: tuple[object, object] = (None, None)  # (kept, made)

    def same_shared(self, inputs: object) -> bool:
        """Whether what all postings' pages share is equal to the last good build's (compared once)."""
        self.made, self.changed = {}, set()
        self.shared = (self.shared[0], inputs)
        return self.shared[0] is not None and self.shared[0] == inputs

    def text(self, src_uri: str, inputs: object, make: Callable[[], str], fresh: bool = False) -> str:
        """The page's text: last good build's when made from equal inputs, else make() (always when fresh)."""
        old = self.kept.get(src_uri)
        text = old[1] if not fresh and old is not None and old[0] == inputs else make()
        if old is None or old[1] != text:
            self.changed.add(src_uri)
        self.made[src_uri] = (inputs, text)
        return text

    def keep(self) -> None:
        """This build succeeded: its texts are the ones to compare the next build with."""
        self.kept, self.shared = self.made, (self.shared[1], self.shared[1])


def generated_texts(listing: Listing, content: Content, sources: frozenset[str],
                    site_url: str = "", cache: PageTexts | None = None, preview: bool = False) -> dict[str, str]:
    """Every generated page (path inside the docs dir -> Markdown); in the preview, each open posting's
    Jobnet sheet too."""
    cache = cache or PageTexts()
    # What every posting's page is made from besides its own job: when it is equal to the last
    # good build's, a posting whose job is equal keeps its text.
    shared = (content.roles, content.units, sources, site_url, listing.today)
    same_shared = cache.same_shared(shared)
    texts = {
        JOB_LIST: cache.text(JOB_LIST, listing.open, lambda: pages.job_list(listing, content),
                                   fresh=not same_shared),
        ARCHIVE: cache.text(ARCHIVE, (listing.closed, listing.today), lambda: pages.archive(listing)),
    }
    for job in listing.jobs:
        src_uri = posting_page(job.id)
        if job.short:  # past the retention rule's first limit: nothing personal left (retention.py)
            texts[src_uri] = cache.text(src_uri, job, lambda job=job: pages.short_posting(job), fresh=not same_shared)
            continue
        texts[src_uri] = cache.text(src_uri, job, lambda job=job, src_uri=src_uri: pages.posting(
            job, content, partial(site_link, page_src=src_uri, sources=sources), site_url, listing.today),
            fresh=not same_shared)
    for job in listing.open if preview else ():  # HR's sheet for Jobnet for virksomheder: never public
        src_uri = jobnet_sheet(job.id)
        texts[src_uri] = cache.text(src_uri, job, lambda job=job: jobnet.sheet(job, content, listing.today),
                                    fresh=not same_shared)
    if content.roles:
        kommune = content.units[content.roles.kommune].org.name
        for role in content.roles.roles:
            src_uri = role_page(role.id)
            texts[src_uri] = cache.text(src_uri, None, lambda role=role: pages.role_page(
                content.roles, role.id, kommune), fresh=True)  # a few pages, cheap: always made
    texts[PRIVACY] = cache.text(PRIVACY, None, lambda: pages.privacy(content), fresh=True)
    texts[LEAFLET_INDEX] = cache.text(LEAFLET_INDEX, None, lambda: pages.leaflet_index(content.leaflets),
                                           fresh=True)
    texts[alerts.SRC] = cache.text(alerts.SRC, listing.open, lambda: alerts.alerts_page(listing, content, site_url),
                                   fresh=not same_shared)  # counts the open postings of 400 feeds at national scale
    return texts


def generated_sources(listing: Listing, content: Content, preview: bool = False) -> set[str]:
    names = {*GENERATED_PAGES, *(posting_page(job.id) for job in listing.jobs)}
    if preview:
        names |= {jobnet_sheet(job.id) for job in listing.open}
    if content.roles:
        names |= {role_page(r.id) for r in content.roles.roles}
    return names


def add_generated_pages(files: Files, config, listing: Listing, content: Content, texts: PageTexts,
                        preview: bool = False) -> None:
    """Add the generated pages and the page script's wording to the site's files.

    `texts` holds the generated pages of the last good build (`serve` keeps it
    between rebuilds; call its keep() once this build has succeeded).
    """
    names = generated_sources(listing, content, preview)
    for src_uri in sorted(names):
        if files.get_file_from_path(src_uri):
            raise PluginError(f"content/{src_uri} findes allerede; siden laves af generatoren. Slet filen.")
    sources = frozenset({f.src_uri for f in files} | names)
    for src_uri, text in generated_texts(listing, content, sources, config.site_url or "", texts, preview).items():
        page = GeneratedPage.generated(config, src_uri, content=text)
        page.unchanged = src_uri not in texts.changed
        files.append(page)
    for leaflet in content.leaflets:  # its front matter as the core read it, not as MkDocs would read it again
        if written := files.get_file_from_path(leaflet.src_uri):
            files.remove(written)
            files.append(File.generated(config, leaflet.src_uri,
                                        content=pages.leaflet_source(leaflet, content.leaflets)))
    if script := files.get_file_from_path(pages.SCRIPT):
        try:
            text = pages.page_script(script.content_string)
        except ValueError as err:
            raise PluginError(str(err)) from None
        files.remove(script)
        files.append(File.generated(config, pages.SCRIPT, content=text))


def mark_filled_pages(files: Files, config, texts: PageTexts, fill: Callable[[str], str]) -> None:
    """Pages written by hand whose markers are filled from the content (the home page's open jobs,
    the role table) as pages that tell `serve --dirty` they changed when their filled text did.

    MkDocs compares only the source file's time, so without this the home page would go on
    showing the jobs of the build its own file was last saved in.
    """
    for file in [f for f in files.documentation_pages() if f.abs_src_path and not f.generated_by]:
        source = file.content_string
        filled = fill(source)
        if filled == source:
            continue  # no markers
        texts.text(file.src_uri, None, lambda: filled, fresh=True)
        page = GeneratedPage.generated(config, file.src_uri, content=source)
        page.unchanged = file.src_uri not in texts.changed
        files.remove(file)
        files.append(page)


_RAW_URL = re.compile(r'(?<=\s)(href|src)="([^"]*)"')


def directory_url(src_uri: str) -> str:
    """Where a page is with directory URLs: 'job/x.md' -> 'job/x/', 'job/index.md' -> 'job/', 'index.md' -> ''."""
    return page_url(src_uri)


def without_directory_urls(markdown: str, page_src: str, dest_uri: str, files: Files) -> str:
    """The page's raw HTML links, written for directory URLs, as links between the files MkDocs
    writes with `use_directory_urls: false` (the preview opened from disk).

    MkDocs rewrites Markdown links to pages itself, but not links in raw HTML, which the
    generated pages and the content text are made of: '../' from a posting, 'x/' in the job
    list, 'kalender.ics' in a posting's folder, '/vaer-med/' in a posting's text. Each is
    resolved from where the page is with directory URLs (a site path from the root); a folder
    that is a page becomes that page's .html file.
    """
    here, folder = directory_url(page_src), posixpath.dirname(dest_uri) or "."

    def fix(match: re.Match) -> str:
        attribute, url = match[1], match[2]
        path, tail = re.match(r"([^?#]*)(.*)", url, re.S).groups()
        parts = urlsplit(url)
        if not path or parts.scheme or parts.netloc:
            return match[0]  # a fragment, or another site: the same in both layouts
        # A site path ('/vaer-med/' in a posting's text) starts at the site's root, which on disk is a folder.
        target = posixpath.normpath(posixpath.join("" if path.startswith("/") else here, path.lstrip("/")))
        target = "" if target == "." else target
        if path.endswith("/") or posixpath.basename(path) in (".", ".."):
            page = next((f for f in (files.get_file_from_path(posixpath.join(target, "index.md")),
                                     files.get_file_from_path(target + ".md") if target else None) if f), None)
            target = page.dest_uri if page else posixpath.join(target, "index.html")
        new = posixpath.relpath(target, folder)
        if ":" in new.split("/", 1)[0]:
            new = "./" + new  # 'a:b' would read as a scheme
        return f'{attribute}="{new}{tail}"'

    return _RAW_URL.sub(fix, markdown)

