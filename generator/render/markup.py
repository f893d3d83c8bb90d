"""Markdown bodies as HTML for the Atom feed.

One converter for the whole build, and each text converted once: building a
`markdown.Markdown` costs more than converting a paragraph.
"""
from __future__ import annotations

from functools import lru_cache

from markdown import Markdown

from .safelinks import SafeLinks

_converter = Markdown(extensions=[SafeLinks()])


@lru_cache(maxsize=8192)
def markdown(text: str) -> str:
    return _converter.reset().convert(text)
