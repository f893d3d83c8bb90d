"""Whose a page is: the kommune whose content it shows, or the site's operator.

The footer names that organisation, its address, how to reach it and its
accessibility statement, so a parent reading Haderslev's leaflet is not
sent to Ballerup. A posting belongs to its workplace's kommune, a leaflet
to the kommune its front matter names, the role descriptions to the kommune
of data/roles.yml, a hand-written page to the kommune its front matter names
(`kommune: ballerup`); every other page (home, job list, archive, leaflet
index) to the operator named in mkdocs.yml (extra.jobsite).

A render-time view: the kommuner named are checked when the content is
loaded (read_leaflets.py, read_pages.py), so an unknown kommune is a problem
with file and line, never a silent fallback.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .kinds import ROLE_SECTION, posting_page
from .model import Organisation
from .render import danish

if TYPE_CHECKING:
    from .listing import Listing
    from .site import Content

ROLE_PAGES = f"{ROLE_SECTION}/"  # the role table (hand-written) and one generated page per role


@dataclass(frozen=True)
class Owner:
    """What the footer shows about the organisation behind a page; any part may be missing."""

    name: str
    address: str | None = None  # one line: 'Hold-an Vej 7, 2750 Ballerup'
    email: str | None = None
    phone: str | None = None  # as written: '4477 2000'
    website: str | None = None
    accessibility_statement: str | None = None

    @property
    def tel(self) -> str | None:
        """The phone as a tel: link ('tel:+4544772000')."""
        return danish.tel_href(self.phone) if self.phone else None

    @property
    def phone_text(self) -> str | None:
        """The phone as the site shows every phone ('44 77 20 00', non-breaking: danish.phone_text)."""
        return danish.phone_text(self.phone) if self.phone else None

    @property
    def website_text(self) -> str | None:
        """The website as people write it ('www.haderslev.dk')."""
        return self.website.removeprefix("https://").removeprefix("http://").rstrip("/") if self.website else None


def from_organisation(org: Organisation) -> Owner:
    a = org.address
    address = ", ".join(p for p in (a.street, " ".join(x for x in (a.postal_code, a.city) if x)) if p) if a else None
    return Owner(org.name, address or None, org.email, org.phone, org.website, org.accessibility_statement)


def operator(settings: Mapping) -> Owner:
    """The site's operator from mkdocs.yml extra.jobsite (organisation, contact_address, ...)."""
    get = lambda key: str(settings[key]) if settings.get(key) else None  # noqa: E731
    return Owner(get("organisation") or "", get("contact_address"), get("contact_email"), get("contact_phone"),
                 get("website"), get("accessibility_statement"))


class Owners:
    """The owner of every page of one build, by the page's file in content/ ('job/x.md')."""

    def __init__(self, content: Content, listing: Listing, settings: Mapping):
        self.operator = operator(settings)
        units = content.units
        kommuner = {u.org.id: from_organisation(u.org) for u in units.values() if u.org.kind == "kommune"}
        self._pages: dict[str, Owner] = {posting_page(job.id): kommuner[job.kommune.id] for job in listing.jobs}
        for item in content.leaflets:
            self._pages[item.src_uri] = kommuner[item.leaflet.kommune]
        for src_uri, kommune_id in content.page_kommuner.items():
            if kommune_id in kommuner:
                self._pages[src_uri] = kommuner[kommune_id]
        self._roles = kommuner.get(content.roles.kommune) if content.roles else None

    def for_page(self, src_uri: str) -> Owner:
        if src_uri in self._pages:
            return self._pages[src_uri]
        if self._roles and src_uri.startswith(ROLE_PAGES):
            return self._roles
        return self.operator
