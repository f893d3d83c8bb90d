"""Names for the hidden checkboxes Material's templates write, so every form control has one.

Material opens its drawer, its search and a page's table of contents on a phone with hidden
checkboxes (`display: none`, class md-toggle) and labels that point at them. The drawer's has a
label on every page; the table of contents' (#__toc, partials/nav-item.html) has none on a page
without a table of contents (the job list), and the search's (#__search, base.html) has none since
the site searches with its own form. Screen readers never meet them (they are not displayed), but
HTML_CodeSniffer checks every form control for a name (WCAG 1.3.1 F68, 4.1.2 H91). Material has no
setting for them and its templates write them as fixed strings, so each gets a Danish aria-label
here, in the finished page, rather than in a copy of base.html or nav-item.html to keep up to date;
tabindex -1 keeps them out of the tab order should a stylesheet ever show them.
"""
from __future__ import annotations

TOGGLES = {  # as Material 9 writes them -> with a name
    '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">':
        '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc" aria-label="Vis indholdsfortegnelsen" '
        'tabindex="-1">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">':
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off" '
        'aria-label="Vis søgningen" tabindex="-1">',
}


def name_toggles(html: str) -> str:
    """`html` with Material's hidden toggles named (each is written once in a page, near its top)."""
    for written, named in TOGGLES.items():
        html = html.replace(written, named, 1)
    return html
