"""A Markdown extension that lets links and images point only to safe places.

Validation already refuses unsafe links with a Danish message; this is the
second lock, in the renderer itself, so no way of writing a link in Markdown
(inline, reference, entity-encoded, in a title) can put `javascript:` or
`data:` into a page or the feed. Links without a scheme (pages
of the site, anchors) and http(s), mailto and tel are kept.
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
