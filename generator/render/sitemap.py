"""/job/sitemap.xml: a sitemap (sitemaps.org) of the job list and the open
postings, with the day each appeared, as Google for Jobs recommends for
finding new postings quickly.

It also has to exist for a plainer reason: Material's page script fetches
`sitemap.xml` next to every <link rel="alternate"> in the page head (meant
for language versions), and the feed announced there lives in /job/.
"""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..listing import Listing
from .feed import last_change
from .urls import site_address
from ..kinds import JOB_SECTION

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def job_sitemap(listing: Listing, site_url: str = "") -> str:
    urlset = ET.Element("urlset", xmlns=NS)
    pages = [(f"{JOB_SECTION}/", last_change(listing).date())]
    pages += [(job.url, job.posting.published) for job in listing.open]
    for loc, day in pages:
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = site_address(site_url, loc)
        ET.SubElement(url, "lastmod").text = day.isoformat()
    ET.indent(urlset)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"
