"""What the site's search finds: the documents the search engine (Pagefind) indexes, and the
light index the preview searches from disk.

Each page the search may find is one document: the page's content (its whole text: a
posting's facts, contacts, sections and the about texts shown on it), a title, and metadata
the search page shows or ranks by. Closed postings, the archive and the search page itself
are not documents, so a closed posting is never found.

Pagefind stems Danish words ('pædagoger' finds 'pædagog', 'handleplaner' 'handleplan') and
matches a query word against the start of the site's words. What it cannot do this module
adds, as text after the page's own (behind the mark FORMS_MARK, where the search page's
excerpts stop, so the result never shows them):

- the other spelling of every word with æ/ø/å or ae/oe/aa ('paedagog' for 'pædagog',
  'århus' for 'aarhus');
- the later parts of compounds, split against the site's vocabulary ('pædagog' in
  'ressourcepædagog', 'leder' in 'distriktsleder');
- the longest inflected forms of the site's daycare nouns ('pædagogernes', 'børnehavens'),
  where the stemmer's forms differ.

An open posting also carries `emner` (its kommune, district, workplace, role and age groups,
and the other forms of its title's words), which the search page weighs above the text, so
the posting ranks above a role description or a leaflet for the words an applicant types
for a job ('pædagog', 'leder', 'Ballerup'); and `sted` and `frist`, the line under its title.

Content is untrusted: the documents are HTML written with every text escaped, the
metadata is text (the search page puts it in the page with textContent), and the added
forms are letters only.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
from typing import Iterable

import lxml.html
from markupsafe import escape

from ..kinds import ARCHIVE, SEARCH_PAGE, posting_page
from ..listing import Job, Listing
from ..model import AGE_GROUPS, ORG_KINDS, ROLE_TYPES
from ..site import Content
from . import danish

# Daycare nouns and their longest inflected forms (definite plural genitive, definite singular
# genitive, ...): each form starts with the shorter ones, so 'pædagogernes' is found by
# 'pædagoge', 'pædagoger', 'pædagogerne'. Written out, not guessed by rules: Danish nouns differ.
NOUNS: dict[str, tuple[str, ...]] = {
    "pædagog": ("pædagogernes", "pædagogens"),
    "leder": ("ledernes", "lederens", "lederes"),
    "assistent": ("assistenternes", "assistentens"),
    "medhjælper": ("medhjælpernes", "medhjælperens", "medhjælperes"),
    "medarbejder": ("medarbejdernes", "medarbejderens", "medarbejderes"),
    "vuggestue": ("vuggestuernes", "vuggestuens"),
    "børnehave": ("børnehavernes", "børnehavens"),
    "børnehus": ("børnehusenes", "børnehusets"),
    "dagtilbud": ("dagtilbuddenes", "dagtilbuddets"),
    "dagpleje": ("dagplejernes", "dagplejens"),
    "institution": ("institutionernes", "institutionens"),
    "gruppe": ("gruppernes", "gruppens"),
    "ressource": ("ressourcernes", "ressourcens"),
    "souschef": ("souschefernes", "souschefens"),
    "vikar": ("vikarernes", "vikarens"),
    "studerende": ("studerendes",),
}
# The endings of those forms, and the genitive s: 'pædagoger' is a form of 'pædagog'.
ENDINGS: dict[str, frozenset[str]] = {
    noun: frozenset({"", "s"} | {form[len(noun):][:k] for form in forms for k in range(len(form) - len(noun) + 1)})
    for noun, forms in NOUNS.items()
}
MIN_PART = 4  # shortest vocabulary word found inside a compound
MIN_LEFT = 3  # shortest first part of a compound ('med' in 'medarbejder')
NOT_PARTS = frozenset({"eller", "efter", "inden", "under", "over", "samt", "søges", "til", "hos", "med"})
# Danish stop words: never worth a form of their own.
STOP_WORDS = frozenset(
    "ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig din disse dog du efter "
    "eller en end er et for fra ham han hans har havde have hende hendes her hos hun hvad hvis hvor i ikke ind jeg "
    "jer jo kunne man mange med meget men mig min mine mit mod ned noget nogle nu når og også om op os over på selv "
    "sig sin sine sit skal skulle som sådan thi til ud under var vi vil ville vor være været".split())
MIN_TOKEN = 4  # shorter added forms ('aar' for 'år') find too much to be worth their bytes
WORD = re.compile(r"[^\W\d_]+")
SPACE = re.compile(r"\s+")
FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})

# What of a page is not searched: what a template marks `data-search-exclude` (the link back,
# the job list's filter, sort and cards, the home page's cards of open jobs: the postings
# themselves are found), forms and scripts, and a posting's calendar, share, print and map lines.
EXCLUDE = ("//*[@data-search-exclude]"
           " | //form | //script | //style | //template"
           " | //*[contains(concat(' ', @class, ' '), ' jobsite-back ')]"
           " | //*[contains(concat(' ', @class, ' '), ' jobsite-calendar ')]"
           " | //*[contains(concat(' ', @class, ' '), ' jobsite-share ')]"
           " | //*[contains(concat(' ', @class, ' '), ' jobsite-print-url ')]"
           " | //*[contains(concat(' ', @class, ' '), ' jobsite-map ')]"
           " | //*[contains(concat(' ', @class, ' '), ' jobsite-home-jobs ')]"
           " | //*[contains(concat(' ', @class, ' '), ' jobsite-cards ')]"
           " | //*[contains(concat(' ', @class, ' '), ' jobsite-card ')]")

# How the search page weighs the metadata against the text (Pagefind's ranking.metaWeights):
# the title as Pagefind does by default; a posting's subjects far above any text, so for a
# role, place or age group every open posting that has it comes before the other pages
# (Pagefind adds weight x the query word's rarity: 50 is what it takes for a word as common
# as 'pædagog', measured on the example site and tests/search_project.py); the place and
# deadline line is for showing only (its words are in the subjects and the text).
#
# The added forms are text, not metadata: Pagefind 1.5 boosts a metadata field by the square
# of the number of distinct words in it that a query starts ('paedagog' starts 'paedagogen',
# 'paedagoger', 'paedagogerne', ...), so a page with many forms in a field of its own would
# outrank every posting; in the text each form counts once, as a word of the page does.
META_WEIGHTS = {"title": 5.0, "emner": 50.0, "sted": 0.0, "frist": 0.0}
FORMS_MARK = "⁂"  # a word of its own before the added forms; the search page's excerpts end there


def fold(word: str) -> str:
    """'pædagog' -> 'paedagog' (the spelling of a keyboard without æ, ø, å)."""
    return word.translate(FOLD)


def unfold(word: str) -> str:
    """'aarhus' -> 'århus', 'paedagog' -> 'pædagog'."""
    return word.replace("aa", "å").replace("ae", "æ").replace("oe", "ø")


def words(text: str) -> list[str]:
    """The words of a text, lower case (letters only: digits and markup are not words)."""
    return WORD.findall(text.lower())


def vocabulary(content: Content, listing: Listing) -> frozenset[str]:
    """The site's own words that compounds are split against: daycare nouns, roles, age groups,
    kinds and names of organisations, and the words of the open postings' titles."""
    texts: list[str] = [*NOUNS, *ROLE_TYPES, *ROLE_TYPES.values(), *AGE_GROUPS.values(), *ORG_KINDS]
    texts += [unit.org.name for unit in content.units.values()]
    texts += [job.posting.title for job in listing.open]
    found = {w for t in texts for w in words(t) if len(w) >= MIN_PART and w not in NOT_PARTS}
    return frozenset(found | {fold(w) for w in found})


class Shaper:
    """Finds the forms to add for a text; remembers each word's forms (words repeat across pages)."""

    def __init__(self, vocab: Iterable[str]):
        self.by_start: dict[str, list[str]] = {}
        for w in sorted(set(vocab)):
            self.by_start.setdefault(w[:MIN_PART], []).append(w)
        self.tokens = lru_cache(maxsize=65536)(self._tokens)

    def _inflected(self, word: str) -> list[str]:
        """The longest forms of a word that is a daycare noun; of a compound ending in one, the
        plural only ('ressourcepædagogernes': 'ressourcepædagoger' is typed, '-pædagogen' seldom)."""
        out = []
        for noun, forms in NOUNS.items():
            at = word.rfind(noun)
            if at >= 0 and (at == 0 or at >= MIN_LEFT) and word[at + len(noun):] in ENDINGS[noun]:
                out += [word[:at] + form for form in (forms if at == 0 else forms[:1])]
        return out

    def _tokens(self, word: str, inflect: bool) -> tuple[str, ...]:
        """What a query must be able to start with to find `word`: its compound parts, the
        inflected forms, and each of those in the other spelling."""
        found = [word]
        for at in range(MIN_LEFT, len(word) - MIN_PART + 1):
            for v in self.by_start.get(word[at:at + MIN_PART], ()):
                if word.startswith(v, at):
                    found.append(word[at:])
                    break
        if inflect:
            found += [f for part in list(found) for f in self._inflected(part)]
        found += [fold(f) for f in found if fold(f) != f] + [unfold(f) for f in found if unfold(f) != f]
        return tuple(t for t in dict.fromkeys(found) if len(t) >= MIN_TOKEN)

    def extra(self, *texts: str, covered: frozenset[str] | set[str] = frozenset(), inflect: bool = True) -> list[str]:
        """The forms to add for plain `texts`, shortest set: none that the texts hold, none in
        `covered` (what is added elsewhere already), none that starts another."""
        own = {w for t in texts for w in words(t)}
        every = set(own) | set(covered)
        for w in own - STOP_WORDS:
            every.update(self.tokens(w, inflect))
        ordered = sorted(every)
        keep = []
        for i, t in enumerate(ordered):
            if t in own or t in covered or (i + 1 < len(ordered) and ordered[i + 1].startswith(t)):
                continue
            keep.append(t)
        return keep


# --- the documents -----------------------------------------------------------------------

def unsearchable(listing: Listing) -> frozenset[str]:
    """The pages the search does not find: closed postings, the archive and the search page."""
    return frozenset({ARCHIVE, SEARCH_PAGE} | {posting_page(job.id) for job in listing.closed})


def is_searchable(src_uri: str, listing: Listing) -> bool:
    """Whether a page is found by the search (one page; for many, compare with unsearchable() once)."""
    return src_uri not in unsearchable(listing)


@dataclass(frozen=True)
class Document:
    """One page as the search sees it. `html` is the page's content (the site's own rendering,
    its texts escaped); title and metadata are plain text."""

    url: str  # the built file's path in the site: 'job/x/index.html', or 'job/x.html' in the preview
    title: str
    html: str
    meta: dict[str, str] = field(default_factory=dict)  # shown: sted, frist (a posting's line)
    subjects: tuple[str, ...] = ()  # a posting's kommune, district, workplace, role and age groups

    @property
    def is_posting(self) -> bool:
        return bool(self.subjects)


def posting_meta(job: Job) -> dict[str, str]:
    """The line under an open posting's title in the results: where, and the deadline."""
    p = job.posting
    deadline = danish.short_date(p.deadline)
    if p.deadline_time is not None:
        deadline += " " + danish.clock_time(job.closes_at)
    where = f"{job.workplace.name}, {job.kommune.name}" if job.workplace is not job.kommune else job.kommune.name
    return {"sted": where, "frist": f"Ansøgningsfrist {deadline}"}


def posting_subjects(job: Job) -> tuple[str, ...]:
    p = job.posting
    found = [job.kommune.name, job.district.name if job.district else "", job.workplace.name,
             ROLE_TYPES[p.role], *(AGE_GROUPS[a] for a in p.age_groups)]
    return tuple(dict.fromkeys(s for s in found if s))


def posting_document(job: Job, url: str, html: str) -> Document:
    return Document(url, job.posting.title, html, posting_meta(job), posting_subjects(job))


def page_document(url: str, title: str, html: str) -> Document:
    return Document(url, title, html)


# Elements whose text is a word apart from the next element's (Pagefind runs <dt>Arbejdstid</dt>
# <dd>37 timer</dd> together into 'Arbejdstid37'): a space is written after each.
APART = frozenset("address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
                  "header li nav ol p pre section summary table td th tr ul br".split())


def _searched(html: str) -> lxml.html.HtmlElement:
    """The content as searched: without what EXCLUDE names, each block's words apart."""
    root = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    for el in root.xpath(EXCLUDE):
        if el.getparent() is not None:
            el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in APART and el is not root:
            el.tail = " " + (el.tail or "")
    return root


def text_of(root: lxml.html.HtmlElement) -> str:
    """The visible words of an element, one space between them (block elements do not run together)."""
    return SPACE.sub(" ", " ".join(t for t in root.itertext())).strip()


@dataclass(frozen=True)
class Shaped:
    """A document as indexed: the content searched, its text, the metadata and the added forms."""

    doc: Document
    body: str  # HTML
    text: str
    meta: dict[str, str]
    forms: str  # space-separated


def shape(doc: Document, shaper: Shaper) -> Shaped:
    root = _searched(doc.html)
    text = text_of(root)
    meta = dict(doc.meta)
    covered: set[str] = set()
    if doc.subjects:
        subjects = " · ".join(doc.subjects)
        title_forms = shaper.extra(doc.title, subjects)
        meta["emner"] = " ".join([subjects, *title_forms])
        covered = set(title_forms)
    forms = shaper.extra(doc.title, text, covered=covered | ({w for s in doc.subjects for w in words(s)}))
    body = lxml.html.tostring(root, encoding="unicode", method="html")
    return Shaped(doc, body, text, meta, " ".join(forms))


def index_html(shaped: Shaped) -> str:
    """The HTML file Pagefind indexes for a document: the content is the searched body; the title
    and metadata are elements outside it (Pagefind reads metadata anywhere, text only in the body)."""
    metas = [("title", shaped.doc.title), *shaped.meta.items()]
    parts = "".join(f'<p data-pagefind-meta="{key}">{escape(value)}</p>' for key, value in metas)
    forms = f"<p>{FORMS_MARK} {escape(shaped.forms)}</p>" if shaped.forms else ""
    return (f'<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>{escape(shaped.doc.title)}'
            f'</title></head><body>{parts}<main data-pagefind-body>{shaped.body}{forms}</main></body></html>')


def light_index(items: Iterable[Shaped]) -> list[dict]:
    """The preview's index (searched by the search page's own code where Pagefind cannot load its
    files, from disk): each page's address, title, line, text, subjects and forms."""
    out = []
    for s in items:
        entry = {"url": s.doc.url, "title": s.doc.title, "text": s.text}  # the preview's files: 'job/x.html', 'index.html'
        for key in ("sted", "frist", "emner"):
            if s.meta.get(key):
                entry[key] = s.meta[key]
        if s.forms:
            entry["former"] = s.forms
        out.append(entry)
    return out


_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                                "\u2029": "\\u2029"})


def light_index_script(items: Iterable[Shaped]) -> str:
    """The preview's index as a script (a file:// page may load a script, not fetch a file)."""
    data = json.dumps(light_index(items), ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_UNSAFE)
    return f"window.jobsiteSearchIndex={data};\n"


def search_options() -> dict:
    """What the search page needs: Pagefind's ranking (pagefind.options) and the mark before the forms."""
    return {"ranking": {"metaWeights": META_WEIGHTS}, "formsMark": FORMS_MARK}


def plain_title(title: str) -> str:
    """A page title as MkDocs hands it (escaped Markup for the front matter's title) as text."""
    return unescape(str(title))
