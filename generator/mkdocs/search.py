"""Material's search index, shaped by the core (generator/render/search_index.py) after the
search plugin wrote it.

Runs in the jobsite plugin's on_post_build (priority -100, after the search plugin's). The
offline plugin (the preview) inlines the index into search/search_index.js in the same event;
whichever of the two runs first, the script ends up with the shaped index.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..site import Content
from ..listing import Listing
from ..kinds import JOB_LIST, page_url, posting_page
from ..render.search_index import shape_index, vocabulary

INDEX = Path("search") / "search_index.json"
OFFLINE_SCRIPT = Path("search") / "search_index.js"  # Material's offline plugin: "var __index = <json>"
OFFLINE_PREFIX = "var __index = "


def page_location(src_uri: str, use_directory_urls: bool) -> str:
    """A generated page's location in the index, as MkDocs makes its URL: 'job/x.md' -> 'job/x/'."""
    return page_url(src_uri) if use_directory_urls else src_uri[:-3] + ".html"


def shape_search_index(site_dir: str, listing: Listing, content: Content, use_directory_urls: bool) -> None:
    """Rewrite the written index (and the offline plugin's copy of it), if search is on."""
    path = Path(site_dir) / INDEX
    if not path.is_file():
        return
    index = json.loads(path.read_text("utf-8"))
    postings = {page_location(posting_page(job.id), use_directory_urls): job for job in listing.open}
    shaped = shape_index(index, postings, page_location(JOB_LIST, use_directory_urls), listing,
                         vocabulary(content, listing))
    data = json.dumps(shaped, ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, "utf-8")
    script = Path(site_dir) / OFFLINE_SCRIPT
    if script.is_file():
        script.write_text(OFFLINE_PREFIX + data, "utf-8")
