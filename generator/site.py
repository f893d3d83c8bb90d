"""What the site is made of, once loaded and checked: the values the later stages read.

No reading and no rules here: `content.load_site` makes a Content, and
listing, rendering and the MkDocs adapter only read it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .model import (CmsSettings, Leaflet, Occupation, Organisation, Posting, Retention, Role,  # noqa: F401
                    RoleCatalogue)
from .problems import Problem


@dataclass(frozen=True)
class Unit:
    """An organisation with its place in the tree (kommune first)."""

    org: Organisation
    chain: tuple[Organisation, ...]  # kommune ... this unit

    @property
    def kommune(self) -> Organisation:
        return self.chain[0]


@dataclass(frozen=True)
class PostingFile:
    id: str
    file: str
    posting: Posting


@dataclass(frozen=True)
class LeafletFile:
    id: str
    file: str
    src_uri: str  # path inside content/
    leaflet: Leaflet
    body: str
    kommune_name: str = ""  # the name of the kommune the leaflet names by id, as visitors read it
    body_line: int = 1  # the file's line the body starts at (after the front matter)


@dataclass
class Content:
    root: Path
    postings: list[PostingFile]
    units: dict[str, Unit]
    roles: RoleCatalogue | None
    leaflets: list[LeafletFile]
    warnings: list[Problem] = field(default_factory=list)
    page_kommuner: dict[str, str] = field(default_factory=dict)  # hand-written page -> kommune id
    media: list[str] = field(default_factory=list)  # the images to publish, by path from the root
    cms: CmsSettings | None = None  # where the editor saves (cms.yml)
    occupations: dict[str, Occupation] = field(default_factory=dict)  # role -> its occupation for Jobnet
    site_retention: Retention | None = None  # the site's retention rule (data/organisations.yml)
    retired: list[str] = field(default_factory=list)  # posting files not read: closed so long ago their page is gone

    @cached_property
    def roles_by_id(self) -> dict[str, Role]:
        """The role descriptions by id, the way a posting's role_description names them."""
        return {r.id: r for r in self.roles.roles} if self.roles else {}

    @cached_property
    def leaflets_by_src_uri(self) -> dict[str, LeafletFile]:
        """The leaflets by their path inside content/, the way MkDocs names a page's file."""
        return {lf.src_uri: lf for lf in self.leaflets}
