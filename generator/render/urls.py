"""Addresses in the data files (feed, sitemap, jobs.json, calendars).

With the site's address (site_url in mkdocs.yml) they are absolute; without
one they start at the site's root.
"""
from __future__ import annotations


def site_address(site_url: str, path: str = "") -> str:
    """('https://example.dk/jobs', 'job/x/') -> 'https://example.dk/jobs/job/x/'; ('', 'job/x/') -> '/job/x/'."""
    return (site_url.rstrip("/") + "/" if site_url else "/") + path
