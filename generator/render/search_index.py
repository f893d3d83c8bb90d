"""The search index shaped for what applicants type (Material's search/search_index.json).

Material's search (lunr in a Web Worker) appends a wildcard to every query
term, and lunr skips its pipeline (stemmer included) for wildcard terms: a
query matches a document when it is the *start* of one of the document's
tokens. So, to be found, a document must hold tokens that start with what
an applicant types. This module adds them:

- the other spelling of every word with æ/ø/å or ae/oe/aa ('paedagog' for
  'pædagog', 'århus' for 'aarhus');
- the later parts of compounds, split against the site's vocabulary
  ('pædagog' in 'ressourcepædagog', 'leder' in 'distriktsleder');
- the longest inflected forms of the site's daycare nouns ('pædagogernes'
  starts with 'pædagoger', 'børnehavens' with 'børnehaven').

They go into a companion field of each field (title_forms beside title, and
so on), with the same boost, that the index holds and the result list never
shows: Material's worker indexes every field the index's config names, and
renders only title, text and tags. A token that starts another token of
the same field is dropped: the longer one finds it too.

An open posting is indexed as one document made from the model: its title,
then one paragraph (Material shows a text's matching paragraph, or the whole
text when only another field matched) that starts with workplace, kommune
and deadline, then the facts and the summary (or, without one, the start of
the intro); not the rest of the text, its sections or the about texts, which
would make the index too heavy to download at a thousand postings. The job list's entry keeps only its count
line (its cards repeat the postings).

The index's text is HTML (Material renders it with innerHTML): every text
from content is escaped here, and the added tokens are letters only.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape, unescape
from typing import Iterable

import nh3

from ..site import Content
from ..listing import Job, Listing
from ..model import AGE_GROUPS, ORG_KINDS, ROLE_TYPES
from . import danish, markup

# Daycare nouns and their longest inflected forms (definite plural genitive, definite singular
# genitive, ...): each form starts with the shorter ones, so 'pædagogernes' is found by
# 'pædagoge', 'pædagoger', 'pædagogerne'. Written out, not guessed by rules: Danish nouns differ.
# Not the words every posting carries ('Kommune', 'Fast stilling', 'Afdeling'): their forms would
# cost bytes in every document and tell no posting from another.
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
# lunr's Danish stop words (lunr.da.stopWordFilter): never searched for, so never spelt otherwise.
STOP_WORDS = frozenset(
    "ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig din disse dog du efter "
    "eller en end er et for fra ham han hans har havde have hende hendes her hos hun hvad hvis hvor i ikke ind jeg "
    "jer jo kunne man mange med meget men mig min mine mit mod ned noget nogle nu når og også om op os over på selv "
    "sig sin sine sit skal skulle som sådan thi til ud under var vi vil ville vor være været".split())
MIN_TOKEN = 4  # shorter added tokens ('aar' for 'år') find too much to be worth their bytes
WORD = re.compile(r"[^\W\d_]+")
TAG = re.compile(r"<[^>]*>")
FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
INTRO_CHARS = 160  # the start of the intro indexed when there is no summary: two lines on a phone
FORMS = {"tags": "tags_forms", "title": "title_forms", "text": "text_forms"}  # field -> its added tokens, by weight


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
    """Adds the tokens to documents; remembers each word's tokens (words repeat across pages)."""

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
        """The tokens to add to a field whose text is `texts` (HTML), shortest set: none that the
        field holds, none in `covered` (what a field of more weight holds), none that starts another."""
        own = {w for t in texts for w in words(unescape(TAG.sub(" ", t)))}
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

    def shape(self, doc: dict) -> dict:
        """The document with the added tokens of each field in that field's companion: tags first
        (their words are names, not inflected), then title and text, each without what a field
        of more weight already finds."""
        doc, covered = dict(doc), set()
        for field, companion in FORMS.items():
            value = doc.get(field)
            texts = (value if isinstance(value, list) else [value]) if value else []
            extra = self.extra(*texts, covered=covered, inflect=field != "tags")
            if extra:
                doc[companion] = " ".join(extra)
            covered |= {w for t in texts for w in words(unescape(TAG.sub(" ", t)))} | set(extra)
        return doc


def _plain(html: str, limit: int) -> str:
    """A content HTML as escaped text for the index, cut at a word near `limit` characters."""
    text = re.sub(r"\s+", " ", unescape(nh3.clean(html[:limit * 4], tags=set()))).strip()  # the start is enough
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return escape(text, quote=False)


def posting_text(job: Job) -> str:
    """The indexed text of an open posting; it starts with the workplace and the deadline,
    which Material shows as the result's preview."""
    p = job.posting
    deadline = danish.short_date(p.deadline)
    if p.deadline_time is not None:
        deadline += " " + danish.clock_time(job.closes_at)
    where = f"{job.workplace.name}, {job.kommune.name}" if job.workplace is not job.kommune else job.kommune.name
    facts = " · ".join([ROLE_TYPES[p.role], ", ".join(AGE_GROUPS[a] for a in p.age_groups),
                        "Fuldtid" if danish.is_full_time(p) else "Deltid", danish.employment_text(p)])
    lines = [escape(f"{where} · Ansøgningsfrist {deadline}", quote=False), escape(facts, quote=False),
             # the posting's one sentence for the list, else the start of its intro: text of its own in
             # every posting is what makes the index heavy, so it is one sentence, not the whole intro
             escape(p.summary, quote=False) if p.summary else _plain(markup.markdown(p.intro), INTRO_CHARS)]
    return "<p>" + "<br/>".join(lines) + "</p>"  # one paragraph: shown whole whichever word of it matched


def posting_document(job: Job, location: str, page_entry: dict) -> dict:
    """One open posting as one search document; tags and boost as the page's entry has them."""
    doc = {"location": location, "title": escape(job.posting.title, quote=False), "text": posting_text(job)}
    for key in ("tags", "boost"):
        if key in page_entry:
            doc[key] = page_entry[key]
    return doc


def shape_index(index: dict, postings: dict[str, Job], job_list: str, listing: Listing,
                vocab: Iterable[str]) -> dict:
    """Material's search index (parsed JSON), shaped: `postings` maps a posting page's location
    to its job (open postings only: the others are excluded by their pages); `job_list` is the
    job list's location."""
    shaper = Shaper(vocab)
    docs, done = [], set()
    for doc in index["docs"]:
        path = doc["location"].split("#", 1)[0]
        if path in postings:
            if path not in done:  # the page's own entry comes first; its sections are left out
                done.add(path)
                docs.append(shaper.shape(posting_document(postings[path], path, doc)))
            continue
        if doc["location"] == job_list:
            doc = {**doc, "text": f"<p>{escape(danish.open_count_text(len(listing.open)), quote=False)}</p>"}
        docs.append(shaper.shape(doc))
    fields = dict(index.get("config", {}).get("fields", {}))
    for field, companion in FORMS.items():  # as much weight as the field it belongs to
        fields.setdefault(companion, {"boost": fields.get(field, {}).get("boost", 1.0)})
    return {**index, "config": {**index.get("config", {}), "fields": fields}, "docs": docs}
