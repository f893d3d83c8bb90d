"""The home page's generated parts: how many jobs are open and the soonest
deadlines, and the ways to the leaflets and the role descriptions.

content/index.md stays a page anyone can edit: its text is written by hand,
and a marker line places each generated part (like the role table's marker
on the role-description page). A page without the markers is left as it is.
"""
from __future__ import annotations

from ..site import Content
from ..listing import Listing
from .pages import ENV

JOBS_MARKER = "<!-- jobsite:ledige-stillinger -->"
GUIDES_MARKER = "<!-- jobsite:genveje -->"
SOONEST = 4  # cards on the home page; the rest are one click away on /job/


def fill(markdown: str, listing: Listing, content: Content) -> str:
    """`markdown` with each marker replaced by its part (only the markers it has)."""
    if JOBS_MARKER in markdown:
        markdown = markdown.replace(JOBS_MARKER, jobs(listing))
    if GUIDES_MARKER in markdown:
        markdown = markdown.replace(GUIDES_MARKER, guides(content))
    return markdown


def jobs(listing: Listing) -> str:
    """The count of open jobs and the ones whose deadline comes first (the list's own order)."""
    return ENV.get_template("home_jobs.html.j2").render(open=listing.open, soonest=listing.open[:SOONEST])


def guides(content: Content) -> str:
    """The leaflets by title and the role descriptions by role, each with the way to its part of the site."""
    leaflets = sorted(content.leaflets, key=lambda i: (i.leaflet.title, i.id))
    return ENV.get_template("home_guides.html.j2").render(leaflets=leaflets, roles=content.roles)
