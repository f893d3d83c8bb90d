"""The one way text from content files becomes HTML.

Content is untrusted: anyone who can open a pull request writes it. So a
Markdown text (a posting's intro, an about text, a leaflet's body) is
converted by a converter made for it, never by the site's own Markdown:
cmark-gfm (GitHub's CommonMark, through `cmarkgfm`), in its safe mode: raw
HTML is left out and `javascript:`, `vbscript:`, `file:` and `data:` links
lose their address; there are no attribute lists. It is also how GitHub
renders Markdown, where HR writes the content. The text has passed the
limits of structure.py (nesting, tables, HTML at most a few times the
text's size), which parses it the same way; the HTML is made there too.

The HTML that comes out passes an allow-list sanitiser (nh3, the binding to
Rust's ammonia) with the tags and attributes below and nothing else: links
only to http(s), mailto, tel and the site itself, images only from the site
itself. The result is Markup: templates insert it as it is. A plain text (a
title, a heading, a name) is never HTML: in HTML it is escaped by the
template, and written into Markdown it goes through `escape_markdown`, so
`*`, `[`, `{` and `#` stay characters.
"""
from __future__ import annotations

import re
from functools import lru_cache

import nh3
from markupsafe import Markup, escape

from .. import structure
from ..fieldtypes import is_local, is_safe
from . import danish

TAGS = {"p", "br", "strong", "em", "b", "i", "del", "ul", "ol", "li", "a", "blockquote", "h1", "h2", "h3", "h4",
        "h5", "h6", "code", "pre", "hr", "img", "table", "thead", "tbody", "tr", "th", "td"}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}, "th": {"align"},
              "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _keep_local_addresses(element: str, attribute: str, value: str) -> str | None:
    """An image is loaded by the visitor's browser: only from the site, never from another host; and
    a link without a scheme stays on the site (//host is another host, which nh3 keeps as relative)."""
    if element == "img" and attribute == "src" and not is_local(value):
        return None
    if element == "a" and attribute == "href" and not is_safe(value):
        return None
    return value


_OPTIONS = dict(tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None, strip_comments=True)
_CLEANER = nh3.Cleaner(**{**_OPTIONS, "tags": TAGS - {"img"}})
_CLEANER_FILTERED = nh3.Cleaner(**_OPTIONS, attribute_filter=_keep_local_addresses)  # slower: only where needed


def sanitise(html: str) -> Markup:
    """HTML with only the allowed tags, attributes and URL schemes left."""
    filtered = "<img" in html or 'href="/' in html or 'href="\\' in html  # an image, or a link without scheme
    return Markup((_CLEANER_FILTERED if filtered else _CLEANER).clean(html))


@lru_cache(maxsize=8192)
def markdown(text: str) -> Markup:
    """A content text written in Markdown, as sanitised HTML (converted once per text), its phone
    numbers in the site's one form (danish.phones_in_html)."""
    return Markup(danish.phones_in_html(sanitise(structure.html(text).strip())))


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # what Python-Markdown lets a backslash escape


def escape_markdown(text: str) -> str:
    """A plain text to write into a Markdown page: every character stays itself, nothing becomes markup.

    Returned as Markup with HTML entities, so a template does not escape it again.
    """
    return escape(_MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(str(text).split())))


def html_block(text: str) -> Markup:
    """A content text as a raw HTML block for a Markdown page (blank lines around it, as Markdown requires)."""
    return Markup("\n\n<div class=\"jobsite-text\">\n") + markdown(text) + Markup("\n</div>\n\n")
