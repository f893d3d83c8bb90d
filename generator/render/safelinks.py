"""A Markdown extension for the site's own pages (mkdocs.yml) that lets links
and images point only to safe places.

Content text never goes through the site's Markdown (render/markup.py
converts it); this keeps the hand-written pages to the same rule, so no way
of writing a link (inline, reference, entity-encoded) can put `javascript:`
or `data:` into a page. Links without a scheme (pages of the site, anchors)
and http(s), mailto and tel are kept.
"""
from __future__ import annotations

from markdown import Extension, util
from markdown.treeprocessors import Treeprocessor

from ..fieldtypes import is_safe

class _Drop(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not is_safe(value.replace(util.AMP_SUBSTITUTE, "&")):
                    # the text stays, as plain text: no element left for anyone to follow
                    alt = element.get("alt", "")
                    element.attrib.clear()
                    element.tag = "span"
                    if attribute == "src":
                        element.text = alt


class SafeLinks(Extension):
    def extendMarkdown(self, md):
        # after 'inline' (20), which makes the links, and before MkDocs' own link handling
        md.treeprocessors.register(_Drop(md), "jobsite_safelinks", 15)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return SafeLinks(**kwargs)
