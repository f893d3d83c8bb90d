"""The generated pages, as Markdown (with small HTML blocks) for MkDocs.

Each function takes derived data and returns the text of one page; the
templates in generator/templates hold the markup, this module the decisions.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from urllib.parse import quote_plus
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .. import kinds, languages, retention
from ..read_leaflets import leaflet_parts
from ..site import Content, LeafletFile
from ..facets import keys_of
from ..listing import Job, Listing
from ..model import AGE_GROUPS, ROLE_TYPES, RoleCatalogue
from ..slugs import slug
from . import danish, filters, jobposting, markup, urls
from .pdf import leaflet_pdf_name, roles_pdf_name
from .urls import site_address

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def where(job: Job) -> str:
    """'Børnehuset Stjernehuset · Distrikt Baltorp · Ballerup Kommune'."""
    names = [o.name for o in reversed(job.unit.chain)]
    city = job.workplace.address.city if job.workplace.address else None
    if city and not any(city in n for n in names):
        names.insert(1, city)
    return " · ".join(names)


def address_lines(job: Job) -> list[str]:
    """The workplace's address as far as the data has it: ['Hold-an Vej 7', '2750 Ballerup'], or ['Ballerup'].

    Only the workplace's own: a kommune's town hall is not where the job is.
    """
    a = job.workplace.address
    if not a:
        return []
    return [line for line in (a.street, " ".join(x for x in (a.postal_code, a.city) if x)) if line]


def map_link(job: Job) -> str:
    """A plain OpenStreetMap search for the workplace (a link: nothing is loaded from there).

    With a street the address is searched; with only a city, the workplace's name in that city.
    """
    a = job.workplace.address
    if not a:
        return ""
    words = address_lines(job) if a.street else [job.workplace.name, a.city]
    return "https://www.openstreetmap.org/search?query=" + quote_plus(", ".join(words))


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      auto_reload=False)  # package files: not looked at again for each of a thousand pages
    env.filters.update(
        moment=danish.moment_text,
        days_left=danish.days_left_text,
        soon=danish.is_soon,
        facet_keys=lambda job, facet: " ".join(keys_of(job, facet)),
        address_lines=address_lines,
        map_link=map_link,
        open_count=danish.open_count_text,
        hours=danish.hours_text,
        full_time=danish.is_full_time,
        employment=danish.employment_text,
        start=danish.start_text,
        positions=danish.positions_text,
        short_date=danish.short_date,
        tel=danish.tel_href,
        phone=danish.phone_text,
        mailto=urls.mailto_href,
        role_label=lambda r: ROLE_TYPES[r],
        age_label=lambda a: AGE_GROUPS[a],
        slug=slug,
        where=where,
        yaml=lambda s: Markup(json.dumps(str(s), ensure_ascii=False)),
        # Content text (render/markup.py): Markdown as sanitised HTML, plain text written into Markdown.
        markdown=markup.markdown,
        html_block=markup.html_block,
        md=markup.escape_markdown,
    )
    # The wording the page script needs, once per page that has deadlines to recount (_macros.j2).
    env.globals.update(
        page_text=danish.PAGE_TEXT,
        withdrawn_text=danish.WITHDRAWN_TEXT,
        is_new=danish.is_new,
        # Where a posting page's JobPosting, and its description, start and end (render/jobposting.py).
        posting_start=Markup(jobposting.POSTING_START),
        posting_end=Markup(jobposting.POSTING_END),
        description_start=Markup(jobposting.DESCRIPTION_START),
        description_end=Markup(jobposting.DESCRIPTION_END),
        # Addresses of the site's pages, from the registry (kinds.py): url(JOB_LIST) is 'job/'.
        url=kinds.page_url, posting_page=kinds.posting_page, role_page=kinds.role_page,
        leaflet_page=kinds.leaflet_page, posting_calendar_name=kinds.posting_calendar_name,
        JOB_LIST=kinds.JOB_LIST, ARCHIVE=kinds.ARCHIVE,
        LEAFLET_INDEX=kinds.LEAFLET_INDEX, ROLE_INDEX=kinds.ROLE_INDEX,
    )
    return env


ENV = _env()


SCRIPT = "assets/jobsite.js"
WORDING_SLOT = "/* jobsite:wording */ null"


def page_script(source: str) -> str:
    """jobsite.js with the wording it shows written in (danish.PAGE_TEXT).

    In the script, not in each page: the browser caches it once.
    """
    if WORDING_SLOT not in source:
        raise ValueError(f"{SCRIPT} has lost its slot for the wording: {WORDING_SLOT}")
    wording = json.dumps({"soon_days": danish.SOON_DAYS, "new_days": danish.NEW_DAYS, **danish.PAGE_TEXT},
                         ensure_ascii=False)
    return source.replace(WORDING_SLOT, wording, 1)


def job_list(listing: Listing, content: Content) -> str:
    return ENV.get_template("job_list.md.j2").render(
        listing=listing, filters=filters.filters(listing.open, content), sorts=filters.SORTS,
        sort_key=filters.SORT_KEY, today=listing.today)


def archive(listing: Listing) -> str:
    return ENV.get_template("archive.md.j2").render(listing=listing, today=listing.today)


def posting(job: Job, content: Content, link: Callable[[str], str] = str, site_url: str = "",
            today=None) -> str:
    """A posting's page. `link` turns a site path HR wrote ('/vaer-med/') into the link the site
    builder wants in a page (the default keeps it as written); `site_url` makes the address
    printed on the printout absolute; `today` marks a posting published in the last days "Ny"."""
    p = job.posting
    abouts = [o for o in reversed(job.unit.chain) if o.about]
    return ENV.get_template("posting.md.j2").render(
        job=job, p=p, role=content.roles_by_id.get(p.role_description or ""), abouts=abouts, link=link,
        own_url=site_address(site_url, job.url), today=today)


def short_posting(job: Job) -> str:
    """A closed posting's page once the retention rule's first limit has passed (retention.py):
    title, workplace and dates, "no longer posted" and the way to the open jobs; nothing personal."""
    return ENV.get_template("posting_short.md.j2").render(job=job, p=job.posting)


def privacy(content: Content) -> str:
    """/personoplysninger/: the retention rule as the visitor reads it, the site's and each kommune's own."""
    kommuner = [u.org for u in content.units.values() if u.org.kind == "kommune"]
    site = content.site_retention or retention.DEFAULT
    own = sorted((k.name, k.retention) for k in kommuner if k.retention and k.retention != site)
    return ENV.get_template("privacy.md.j2").render(site=site, kommuner=own, days=danish.days_text)


@dataclass(frozen=True)
class Cell:
    text: str
    roles: tuple[str, ...]
    span: int
    empty: bool = False


def _table_rows(catalogue: RoleCatalogue) -> list[dict]:
    """Rows with every column filled: a statement spans its roles, gaps become empty cells."""
    order = [r.id for r in catalogue.roles]
    areas = []
    for area in catalogue.areas:
        rows = []
        for row in area.rows:
            cells, col = [], 0
            for s in row:
                ids = order if s.roles == "alle" else list(s.roles)
                first = order.index(ids[0])
                cells += [Cell("", (), 1, True)] * (first - col)
                cells.append(Cell(s.text, tuple(ids), len(ids)))
                col = first + len(ids)
            cells += [Cell("", (), 1, True)] * (len(order) - col)
            rows.append(cells)
        areas.append({"title": area.title, "rows": rows})
    return areas


def role_table(catalogue: RoleCatalogue) -> str:
    return ENV.get_template("role_table.html.j2").render(
        table={"roles": catalogue.roles, "areas": _table_rows(catalogue)}, pdf=roles_pdf_name(catalogue),
        source_note=catalogue.source_note)


def role_page(catalogue: RoleCatalogue, role_id: str, kommune: str) -> str:
    names = {r.id: r.name for r in catalogue.roles}
    areas = []
    for area in _table_rows(catalogue):
        statements = [
            {"text": c.text, "shared": [names[r] for r in c.roles if r != role_id]}
            for row in area["rows"] for c in row if role_id in c.roles
        ]
        areas.append({"title": area["title"], "statements": statements})
    role = next(r for r in catalogue.roles if r.id == role_id)
    return ENV.get_template("role_page.md.j2").render(role=role, catalogue=catalogue, areas=areas,
                                                         kommune=kommune)


@dataclass(frozen=True)
class LeafletLanguage:
    """One language a leaflet is published in: the leaflet in it, and how its link names it."""

    item: LeafletFile
    tag: str  # BCP 47, as lang= and hreflang= write it
    dir: str  # 'ltr' or 'rtl'
    name: str  # the language's name in itself ("العربية"), as its readers look for it


def _language(item: LeafletFile) -> LeafletLanguage:
    tag = item.leaflet.language
    return LeafletLanguage(item, tag, languages.direction(tag), languages.own_name(tag))


def leaflet_versions(item: LeafletFile, leaflets: list[LeafletFile]) -> list[LeafletLanguage]:
    """The leaflet's other languages, its source first and the translations by their language's code:
    a source lists its translations, a translation its source and the other translations."""
    root = item.leaflet.translation_of or item.id
    source = [i for i in leaflets if i.id == root and i.id != item.id]
    others = sorted((i for i in leaflets if i.leaflet.translation_of == root and i.id != item.id),
                    key=lambda i: i.leaflet.language)
    return [_language(i) for i in source + others]


def stale_source(item: LeafletFile, leaflets: list[LeafletFile]) -> LeafletFile | None:
    """The source, when it was updated after the translation was made from it."""
    lf = item.leaflet
    if not lf.translation_of or lf.source_updated is None:
        return None
    source = next((i for i in leaflets if i.id == lf.translation_of), None)
    return source if source is not None and source.leaflet.updated > lf.source_updated else None


def leaflet_index(leaflets: list[LeafletFile]) -> str:
    """The leaflets by kommune, each source with its translations under it (a translation whose
    source is not published is listed on its own)."""
    ids = {i.id for i in leaflets}
    groups: dict[str, list[LeafletFile]] = defaultdict(list)
    for item in sorted(leaflets, key=lambda i: (i.leaflet.topic, i.leaflet.title)):
        if item.leaflet.translation_of not in ids:
            groups[item.kommune_name].append(item)
    translations = {i.id: [v for v in leaflet_versions(i, leaflets)] for g in groups.values() for i in g}
    return ENV.get_template("leaflets.md.j2").render(groups=sorted(groups.items()), pdf=leaflet_pdf_name,
                                                    translations=translations, language=_language)


def leaflet_source(item: LeafletFile, leaflets: list[LeafletFile] | None = None) -> str:
    """The leaflet's page with the front matter the core read (as quoted strings: the site
    builder reads it again and must not take '12:30' or 'yes' for anything but text)."""
    meta = {"title": item.leaflet.title, "description": item.leaflet.summary}
    front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    return f"---\n{front}---\n\n" + leaflet_page(item, leaflets)


def leaflet_page(item: LeafletFile, leaflets: list[LeafletFile] | None = None) -> str:
    """The leaflet's page: its body as untrusted Markdown (render/markup.py), its date, its other
    languages and (for a translation whose source has changed since) a notice under the title,
    and its contact box at the end.

    The headings stay Markdown headings (escaped text), so MkDocs gives them
    anchors and the table of contents; the text between them is sanitised HTML.
    The words the site writes (dates, 'Kontakt') are Danish, marked lang="da"
    on a leaflet in another language; the whole converted page is then put in
    the leaflet's language and direction by leaflet_html().
    """
    leaflets = leaflets if leaflets is not None else [item]
    meta = ENV.get_template("leaflet_meta.md.j2")
    lang = _language(item)
    common = dict(leaflet=item.leaflet, kommune=item.kommune_name, pdf=leaflet_pdf_name(item), lang=lang,
                  foreign=lang.tag.split("-")[0] != languages.DANISH)
    updated = meta.render(part="top", versions=leaflet_versions(item, leaflets), stale=stale_source(item, leaflets),
                          english_date=lambda d: format_date(d, "d MMMM y", locale="en"), **common)
    contact = meta.render(part="bottom", versions=[], stale=None, english_date=None, **common)
    parts: list[str] = []
    dated = False
    for part in leaflet_parts(item.body):
        if not part.level:
            parts.append(markup.html_block(part.text))
            continue
        parts.append(f"\n{part.level} {markup.escape_markdown(part.text)}\n")
        if part.level == "#" and not dated:
            parts.append("\n" + updated)
            dated = True
    return "\n".join(parts) + "\n\n" + contact


def leaflet_html(item: LeafletFile, html: str) -> str:
    """The leaflet's converted page in its language and direction: one element around it that
    says lang= and dir= (the site's menu and footer, outside it, stay Danish), which screen
    readers, the browser's layout, the search index and the PDF read."""
    lang = _language(item)
    return f'<div class="jobsite-leaflet" lang="{escape(lang.tag)}" dir="{escape(lang.dir)}">\n{html}\n</div>'
