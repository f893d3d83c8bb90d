"""The kinds of file the plugin hands MkDocs for the pages it generates.

- GeneratedPage: text made in this process; tells `mkdocs serve --dirty`
  whether it changed, so an edit rebuilds only the pages it touched.
- StreamedPage: text made by a second process (parallel.Stream) while
  MkDocs builds the pages before it; `mkdocs build` uses these.
- TemplateCache: the theme's compiled templates, kept between `serve`
  rebuilds.
"""
from __future__ import annotations

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from .parallel import BackgroundError, Stream


class GeneratedPage(File):
    """A generated page that `mkdocs serve --dirty` rebuilds only when its text changed.

    MkDocs counts every in-memory file as modified, so with a thousand
    postings an edit to one would rebuild them all.
    """

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged


class StreamedPage(File):
    """A posting page whose Markdown a second process renders (parallel.Stream) while MkDocs
    works on the pages before it; MkDocs gets the text when it first reads the page."""

    def __init__(self, config, src_uri: str, stream: Stream, index: int):
        super().__init__(src_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
        self.generated_by = "jobsite"
        self.abs_src_path = None
        self.stream, self.index, self.text = stream, index, None

    @property
    def _content(self) -> str:
        if self.text is None:
            try:
                self.text = self.stream.get(self.index)
            except BackgroundError as err:
                raise PluginError(f"jobsite: {err}") from None
        return self.text

    @_content.setter
    def _content(self, value: str) -> None:
        self.text = value


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept between `serve` rebuilds (MkDocs makes a new Jinja environment each time)."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])  # checks the template's checksum

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
