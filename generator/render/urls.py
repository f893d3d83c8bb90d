"""Addresses in the data files (feed, sitemap, jobs.json, calendars).

With the site's address (site_url in mkdocs.yml) they are absolute; without
one they start at the site's root.
"""
from __future__ import annotations


def site_address(site_url: str, path: str = "") -> str:
    """('https://example.dk/jobs', 'job/x/') -> 'https://example.dk/jobs/job/x/'; ('', 'job/x/') -> '/job/x/'."""
    return (site_url.rstrip("/") + "/" if site_url else "/") + path


def webcal_address(site_url: str, path: str) -> str:
    """A calendar's address for a one-tap subscription: ('https://example.dk/jobs/', 'job/k.ics') ->
    'webcal://example.dk/jobs/job/k.ics' (calendar apps fetch it with https). Empty without a
    site address: webcal needs the host."""
    scheme, sep, rest = site_address(site_url, path).partition("://")
    return f"webcal://{rest}" if sep and scheme in ("http", "https") else ""
