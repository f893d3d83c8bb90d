"""Built pages without the indentation of the theme's templates.

Material's templates indent deeply, and a quarter of a posting page's bytes
are blank lines and leading spaces. `Dedent` removes them from the templates
themselves, once, when Jinja compiles a template: every line's indentation,
and the line break after a line that holds only a block tag ({% if %},
{% endif %}, ...; not {% include %}), which would leave a blank line.

A browser renders the page the same: the line break before each line stays,
so words and inline elements keep their space. The page's own content
(page.content, where a <pre> may be) is inserted when the template runs and
is never touched. Material's templates have no <pre> or <textarea>, and
their inline scripts are one line each. Removing the same whitespace from
each finished page instead took 0.2 s of a build of a thousand postings.
"""
from __future__ import annotations

import re

from jinja2.ext import Extension

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


