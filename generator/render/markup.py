"""Markdown bodies as HTML for the data files (JSON-LD, feed).

One converter for the whole build, and each text converted once: building a
`markdown.Markdown` costs more than converting a paragraph, and the same
intro is wanted by the feed and by the JobPosting.
"""
from __future__ import annotations

from functools import lru_cache

from markdown import Markdown

from .safelinks import SafeLinks

_converter = Markdown(extensions=[SafeLinks()])


@lru_cache(maxsize=8192)
def markdown(text: str) -> str:
    return _converter.reset().convert(text)
