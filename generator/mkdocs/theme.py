"""What knows Material's templates and its finished pages.

- `Dedent`: built pages without the indentation of the theme's templates;
- `TemplateCache`: the theme's compiled templates, kept between `serve` rebuilds;
- `with_job_posting`: a finished posting page as a schema.org JobPosting.

Built pages without the indentation of the theme's templates:

Material's templates indent deeply, and a quarter of a posting page's bytes
are blank lines and leading spaces. `Dedent` removes them from the templates
themselves, once, when Jinja compiles a template: every line's indentation,
and the line break after a line that holds only a block tag ({% if %},
{% endif %}, ...; not {% include %}), which would leave a blank line.

A browser renders the page the same: the line break before each line stays,
so words and inline elements keep their space. The page's own content
(page.content, where a <pre> may be) is inserted when the template runs and
is never touched. Material's templates have no <pre> or <textarea>, and
their inline scripts are one line each. (A minifier plugin would do the same
to every finished page, at every build, instead of once per template.)
"""
from __future__ import annotations

import re

import jinja2
from jinja2.ext import Extension

from ..listing import Job
from ..render import jobposting

_INDENT = re.compile(r"^[ \t]+", re.M)
# A line holding only one block tag or comment, without a "-" before its end: gets one. Not
# {% include %}: it writes markup (an icon) that the next line's text must stay apart from.
_TAG_LINE = re.compile(r"^(\{%-?\s*(?!\s|include\b)(?:(?!%\}).)*?[^-])(%\})[ \t]*$"
                       r"|^(\{#(?:(?!#\}).)*?[^-])(#\})[ \t]*$", re.M)


class Dedent(Extension):
    """A Jinja extension: templates without indentation and without blank lines from block tags."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        source = _INDENT.sub("", source)
        return _TAG_LINE.sub(lambda m: f"{m[1]}-{m[2]}" if m[1] else f"{m[3]}-{m[4]}", source)




class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept between `serve` rebuilds (MkDocs makes a new Jinja environment each time)."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])  # checks the template's checksum

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def with_job_posting(page_html: str, job: Job) -> str:
    """The finished posting page with its marks resolved: a JobPosting item while it is open.

    Done on the finished page so Material's search, which reads the page
    before, does not spend time on the item's elements.
    """
    data = jobposting.job_posting(job)
    if data is None:
        marks = {jobposting.POSTING_START: "", jobposting.POSTING_END: "", jobposting.DESCRIPTION_START: "",
                 jobposting.DESCRIPTION_END: ""}
    else:
        marks = {jobposting.POSTING_START: f'<div itemscope itemtype="{jobposting.SCHEMA}JobPosting">'
                                           f"{jobposting.properties(data)}",
                 jobposting.POSTING_END: "</div>", jobposting.DESCRIPTION_START: '<div itemprop="description">',
                 jobposting.DESCRIPTION_END: "</div>"}
    for mark, markup in marks.items():
        page_html = page_html.replace(mark, markup, 1)
    return page_html
