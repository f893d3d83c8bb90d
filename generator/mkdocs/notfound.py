"""What the page a missing address shows (404.html, overrides/404.html) needs from the core: where
the job list and the search page are (the registry's addresses), and how many jobs are open.

GitHub Pages serves 404.html for every missing address at any depth, so the template writes each
address with `| url`, which MkDocs makes absolute from site_url's path for an error page (in a
build and under `mkdocs serve` alike).
"""
from __future__ import annotations

from ..kinds import JOB_LIST, page_url
from ..listing import Listing
from ..render import danish
from .search import search_address


def not_found(listing: Listing, use_directory_urls: bool) -> dict[str, str | int]:
    """The job list's address and its link's words with the open count, and the search page's address."""
    n = len(listing.open)
    jobs = danish.PAGE_TEXT["job_one" if n == 1 else "job_many"]
    return {
        "job_list": page_url(JOB_LIST) if use_directory_urls else JOB_LIST[:-3] + ".html",
        "open": n,
        "job_link": (f"Se den {n} {jobs}" if n == 1 else f"Se de {n} {jobs}") if n else "Se listen over ledige stillinger",
        "search": search_address(use_directory_urls),
    }
