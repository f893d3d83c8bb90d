"""The data files the site serves beside its pages (path in site/ -> content).

One registry, so the plugin writes them all the same way and a new output
format is one line here plus its own module.
"""
from __future__ import annotations

from ..content import Content
from ..listing import Listing
from .jobs_json import jobs_json


def data_files(listing: Listing, content: Content, site_url: str = "") -> dict[str, str | bytes]:
    return {
        "job/jobs.json": jobs_json(listing, site_url),
    }
