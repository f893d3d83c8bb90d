"""Addresses in the data files (feed, sitemap, jobs.json, calendars).

With the site's address (site_url in mkdocs.yml) they are absolute; without
one they start at the site's root.
"""
from __future__ import annotations

from urllib.parse import quote


def site_address(site_url: str, path: str = "") -> str:
    """('https://example.dk/jobs', 'job/x/') -> 'https://example.dk/jobs/job/x/'; ('', 'job/x/') -> '/job/x/'."""
    return (site_url.rstrip("/") + "/" if site_url else "/") + path


def webcal_address(site_url: str, path: str) -> str:
    """A calendar's address for a one-tap subscription: ('https://example.dk/jobs/', 'job/k.ics') ->
    'webcal://example.dk/jobs/job/k.ics' (calendar apps fetch it with https). Empty without a
    site address: webcal needs the host."""
    scheme, sep, rest = site_address(site_url, path).partition("://")
    return f"webcal://{rest}" if sep and scheme in ("http", "https") else ""


def mailto_href(address: str) -> str:
    """The mailto: link to one e-mail address, every character but '@' (and '/') percent-encoded.

    Every mailto: the site writes is made here (or, in overrides/partials/copyright.html, which
    MkDocs renders without our filters, by Jinja's `urlencode | replace('%40', '@')`, which gives
    the same text): a '?', '&', ',' or '%' that got into an address stays part of the address and
    never becomes a header (bcc=), a second recipient or a decoded '@'.
    """
    return "mailto:" + quote(address, safe="/@")
