"""Hypothesis strategies for the site's content, built from the model's own field types.

Every strategy draws the *data* HR would write (dicts, lists, scalars) for one
content file; `yaml_text` then writes that data as YAML the way a person or
an editor might (json.dumps scalars, which are valid YAML and exercise
escapes; single quotes; plain scalars where YAML reads them back the same;
`|-` block scalars for Markdown), so each example goes through the real
reader (`yamlsource.parse`), not through Python objects.

Two families:

- VALID: what the model must accept. Values follow the field types in
  generator/fieldtypes.py and the cross-field rules in generator/content.py
  (deadline after published, interviews after published, temporary jobs
  have an end, ...). Text is Danish words, Markdown (lists, bold, links to
  safe places, local images), and hostile text that the rules *accept*
  (`javascript:` as words, `&lt;script&gt;`, `onerror=`, Markdown soup), so
  the renderers see it.
- NEAR-VALID: a valid document with one to three mistakes: a wrong type, an
  impossible date, a missing or misspelt field, a value just outside its
  range, text salted with markup, attribute lists, unsafe links, invisible
  characters, very long lines or deep indentation.

Images in the valid family point at IMAGE_FILES, which the tests put into
every project they check (an image must be a file of the site).

What is printed (leaflets, the role descriptions and the kommune's name in
their PDF) leaves out characters no installed font has (CJK: `make pdf-deps`
installs none) in the valid family, as check refuses those there
(generator/glyphs.py).
"""
from __future__ import annotations

import copy
import json
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from generator import glyphs
from generator.kinds import RESERVED_IDS
from generator.fieldtypes import text_problem
from generator.model import AGE_GROUPS, EMPLOYMENT, ORG_KINDS, REQUIREMENTS, ROLE_TYPES, UNLIMITED_HOURS
from generator.yamlsource import parse

ROOT = Path(__file__).resolve().parent.parent
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)  # fieldtypes.FIRST_YEAR .. LAST_YEAR
TODAY = date(2026, 1, 5)  # the day the tests build the site for (JOBSITE_TODAY)



def pdf_printable(value: Any) -> Any:
    """`value` (a string, or lists and dicts of them) without characters no installed font has (CJK, as
    `make pdf-deps` installs no CJK font): check refuses those in what is printed (generator/glyphs.py)."""
    if isinstance(value, dict):
        return {k: pdf_printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [pdf_printable(v) for v in value]
    if isinstance(value, str) and glyphs.first_unprintable(value) is not None:
        cleaned = "".join(ch for ch in value if glyphs.first_unprintable(ch) is None)
        if "\n" not in cleaned:  # a Plain field: as Plain keeps it
            cleaned = " ".join(cleaned.split())
        return cleaned if cleaned.strip() else "Tekst"
    return value


# A 1x1 PNG: the pictures the valid Markdown shows, written into each project the tests check.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c63f8cfc0f01f0005050200" "5fc8f1d20000000049454e44ae426082")
IMAGE_FILES = {"content/assets/billeder/billede.png": PNG, "content/foldere/billede.png": PNG}
# How a text may show them: from the site's root, or from a page two levels down (/job/<id>/, /foldere/<id>/).
IMAGES = ["![Børn der leger](/assets/billeder/billede.png)", "![](../../assets/billeder/billede.png)",
          "![x](/foldere/billede.png)", "![Legeplads](../../foldere/billede.png)",
          '![Bålpladsen](/assets/billeder/billede.png "Bålpladsen om vinteren")']


# A text shown on several pages (an about text, a role's intro) writes an image from the site's root,
# and one printed in a PDF (a leaflet, the role descriptions) describes it: check refuses the others there.
DESCRIBED = {"![](": "![Billede]("}
FROM_ROOT = {"![](../../assets/billeder/billede.png)": "![Billede](/assets/billeder/billede.png)",
             "![Legeplads](../../foldere/billede.png)": "![Legeplads](/foldere/billede.png)"}


def shared_images(text: str, printed: bool = True) -> str:
    for old, new in [*FROM_ROOT.items(), *(DESCRIBED.items() if printed else ())]:
        text = text.replace(old, new)
    return text


def add_images(root: Path) -> None:
    for rel, data in IMAGE_FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)


# --- the repository's own data: the ids postings may point at ---

def _read(rel: str) -> Any:
    source, problems = parse((ROOT / rel).read_text(encoding="utf-8"), rel)
    assert source is not None and not problems, problems
    return source.data


ORGANISATIONS: dict = _read("data/organisations.yml")
ROLES: dict = _read("data/roles.yml")


def _units(orgs: list[dict]):
    for org in orgs:
        yield org
        yield from _units(org.get("units", []))


ALL_UNIT_IDS = frozenset(u["id"] for u in _units(ORGANISATIONS["kommuner"]))
WORKPLACES = sorted(u["id"] for u in _units(ORGANISATIONS["kommuner"]) if u["kind"] != "kommune")
KOMMUNER = sorted(k["id"] for k in ORGANISATIONS["kommuner"])
ROLE_IDS = [r["id"] for r in ROLES["roles"]]


# --- words and text ---

DANISH_WORDS = [
    "pædagog", "børnehus", "vuggestue", "børnehave", "leg", "læring", "fællesskab", "forældre", "trivsel",
    "udvikling", "medarbejdere", "kolleger", "Ballerup", "Aarhus", "Haderslev", "søger", "engageret",
    "nysgerrig", "ansvar", "relationer", "børn", "dagtilbud", "ansøgning", "overenskomst", "løn",
    "samarbejde", "ressourcer", "Æblehaven", "Østerbro", "Åbyhøj", "år", "uge", "timer", "§ 4", "0–6",
    "ca.", "bl.a.", "m.m.", "–", "»citat«", "”Legekaptajn”", "100 %", "kl. 9.00", "2026", "nr. 7",
    "BUPL", "FOA", "PPR", "børneattest", "straffeattest", "Vi", "du", "og", "i", "på", "til", "med",
    "er", "en", "et", "der", "som", "for", "at", "har", "kan", "vil", "vores", "din", "ét", "naïve",
    "Zoë", "façade", "€ 5", "5 < 7", "a > b", "x² + y²", "½", "→", "✓", "🙂", "日本", "ﬁ", "e\u0301",
]

# Text the rules accept although it looks hostile: it must come out as inert text.
ACCEPTED_HOSTILE = [
    "javascript:alert(1)", "JaVaScRiPt:x", "&#106;avascript:alert(1)", "vbscript:msgbox(1)",
    "onerror=window.__pwned=1", "onclick=x", "&lt;img/src=x onerror=window.__pwned=1&gt;",
    "&lt;script&gt;window.__pwned=1&lt;/script&gt;", "&#60;svg onload=alert(1)&#62;", "data:text/html,x",
    "\\", "\\*", "&amp;", "&", "&#", "%s", "%(x)s", "'", '"', "''", '"\'"', "`", "``", "*", "**", "_", "__",
    "[", "]", "[x]", "#", "##", "!", "![", "(", ")", "-->", "--", "<", "< x", "> x", "=", "|", "~", "^",
    "@", "$", "${", "{", "\t", "\u00a0", ": ", " #", "- ", "? ", "---", "...",
]
# Hostile text the rules refuse (markup, attribute lists, invisible and control characters).
REFUSED_HOSTILE = [
    "<img/src=x onerror=window.__pwned=1>", "<script>window.__pwned=1</script>", "<svg onload=alert(1)>",
    "</div><script>x</script>", "<!-- x -->", "<?php x ?>", "<!DOCTYPE x>", "<a href=javascript:x>x</a>",
    "{: onclick=x}", "{: .klasse #id onclick=x}", "{{ 7*7 }}", "{% raw %}", "${7*7}",
    "\u200b", "\u202e", "\u200e", "\u2060", "\ufeff", "\u00ad", "\u2028", "\u2029", "\x07", "\x00", "\x1b[31m",
    "\x7f", "\x85", "\x9b", "\ue000", "\U000e0001", "\U0010fffd", "\ufffe", "\uffff",
]
# In Markdown: links and images the rules refuse.
REFUSED_MARKDOWN = [
    "[klik](javascript:alert(1))", "[klik](JaVaScRiPt:alert(1))", "[klik](&#106;avascript:alert(1))",
    "[klik](java&#x09;script:alert(1))", "[klik]( javascript:alert(1))", "[klik](<javascript:alert(1)>)",
    "](data:text/html,x)", "[x](vbscript:msgbox(1))", "[x](file:///etc/passwd)", "<javascript:alert(1)>",
    "![x](//evil.example/p.gif)", "![x](https://evil.example/p.gif)", "![x](\\\\evil.example/p.gif)",
    "![x](/\\evil.example/p.gif)", "![x](data:image/gif;base64,R0lGOD)",
    "\n[r]: javascript:alert(1)\n\n[x][r]", "\n[r]: //evil.example/p.gif\n\n![x][r]",
    "\n" + " " * 13 + "- for dybt", "\n" + " " * 16 + "kode",
]
# In Markdown: tricks the first lock (validation) lets through; the second (safelinks + nh3) must hold.
SECOND_LOCK_MARKDOWN = [
    "- punkt\n\n    [r]: javascript:alert(1)\n\n    [link][r]",
    "- punkt\n\n    [r]: //evil.example/p.gif\n\n    ![billede][r]",
    "[x](https://ballerup.dk \"javascript:alert(1)\")", "[x](mailto:a@b.dk?subject=<hej>)",
    "`<b>`", "    <script>", "[x]: /assets/billeder/billede.png 'onerror=1'", "[x]: /vaer-med/ 'onerror=1'",
]


def repaired(text: str, multiline: bool) -> str:
    """`text` with the characters the rules object to deleted one at a time, where they object.

    The valid families put hostile-looking pieces side by side, and some
    neighbours make a refused whole (`![` before a link, `<` before a word);
    deleting the character `text_problem` points at keeps the rest of the
    example instead of throwing it away (a filter would discard most).
    """
    for _ in range(200):
        found = text_problem(text.strip(), multiline)
        if not found:
            return text.strip()
        at = found[0] + (len(text) - len(text.lstrip()))
        text = text[:at] + text[at + 1:]
    return "Tekst."


words = st.lists(st.sampled_from(DANISH_WORDS), min_size=1, max_size=10).map(" ".join)
unicode_noise = st.text(st.characters(codec="utf-8"), min_size=1, max_size=4)


@st.composite
def salted(draw, base: st.SearchStrategy[str], salts: list[str], max_salts: int = 3) -> str:
    """Base text with up to `max_salts` fragments put in at random places (inside words too)."""
    text = draw(base)
    for _ in range(draw(st.integers(0, max_salts))):
        salt = draw(st.sampled_from(salts))
        at = draw(st.integers(0, len(text)))
        text = text[:at] + salt + text[at:]
    return text


@st.composite
def between_words(draw, base: st.SearchStrategy[str], salts: list[str], max_salts: int = 3) -> str:
    """Base text with up to `max_salts` fragments put in as words of their own."""
    parts = draw(base).split(" ")
    for _ in range(draw(st.integers(0, max_salts))):
        parts.insert(draw(st.integers(0, len(parts))), draw(st.sampled_from(salts)))
    return " ".join(parts)


def soup(alphabet: str = "*_[]#()!`\\-+.{|~>", max_size: int = 60) -> st.SearchStrategy[str]:
    """Markdown punctuation soup."""
    return st.text(st.sampled_from(alphabet), min_size=1, max_size=max_size).filter(
        lambda s: not re.search(r"\{[^{}\n]*\}", s))


# A Plain field (one line) that the rules accept: Plain keeps it with its whitespace collapsed.
plain_valid = st.one_of(
    words,
    between_words(words, ACCEPTED_HOSTILE),
    st.tuples(words, soup()).map(" ".join),
    st.tuples(words, st.integers(1, 9999)).map(lambda t: f"{t[0]} {t[1]}"),
).map(lambda s: " ".join(repaired(s, multiline=False).split()) or "Tekst")
plain_any = st.one_of(
    plain_valid,
    salted(words, ACCEPTED_HOSTILE + REFUSED_HOSTILE + ["\n", "{x}", "<b>"]),
    st.tuples(words, unicode_noise).map("".join),
)


# --- Markdown ---

def _inline(valid: bool) -> st.SearchStrategy[str]:
    """One piece of a paragraph: words, emphasis, code, a link, an autolink, a local image, hostile text."""
    return st.one_of(
        words, words.map(lambda w: f"**{w}**"), words.map(lambda w: f"_{w}_"), words.map(lambda w: f"*{w}*"),
        words.map(lambda w: f"`{w}`"),
        st.tuples(words, link_targets(valid=True)).map(lambda t: f"[{t[0]}]({t[1]})"),
        web_urls().map(lambda u: f"<{u}>"),
        st.sampled_from(IMAGES if valid else IMAGES + ["![x](billede.png)", "![x](/assets/findes-ikke.png)"]),
        st.sampled_from(ACCEPTED_HOSTILE if valid else ACCEPTED_HOSTILE + REFUSED_HOSTILE + REFUSED_MARKDOWN),
        soup(),
    )


@st.composite
def _paragraph(draw, valid: bool) -> str:
    return " ".join(draw(st.lists(_inline(valid), min_size=1, max_size=12)))


@st.composite
def _block(draw, valid: bool) -> str:
    kind = draw(st.sampled_from(["p", "p", "ul", "ol", "nested", "quote", "heading", "hr", "long", "lock"]))
    para = _paragraph(valid)
    if kind == "p":
        return draw(para)
    if kind == "ul":
        return "\n".join("- " + draw(para) for _ in range(draw(st.integers(1, 4))))
    if kind == "ol":
        return "\n".join(f"{n}. " + draw(para) for n in range(1, draw(st.integers(2, 4))))
    if kind == "nested":  # at most three levels: 12 spaces (fieldtypes.MAX_INDENT)
        depth = draw(st.lists(st.sampled_from([0, 2, 4, 6, 8, 10]), min_size=1, max_size=6))
        return "\n".join(" " * d + "- " + draw(para) for d in depth)
    if kind == "quote":
        return "> " + draw(para)
    if kind == "heading":
        return "#" * draw(st.integers(2, 6)) + " " + draw(words)
    if kind == "hr":
        return "---"
    if kind == "long":  # a very long line
        return " ".join(DANISH_WORDS[i % len(DANISH_WORDS)] for i in range(draw(st.integers(300, 1500))))
    return draw(st.sampled_from(SECOND_LOCK_MARKDOWN))


@st.composite
def markdown_text(draw, valid: bool = True) -> str:
    """A Markdown field: accepted by the rules when `valid`, else salted with what they refuse."""
    blocks = draw(st.lists(_block(valid), min_size=1, max_size=5))
    text = "\n\n".join(blocks)
    if valid:
        return _existing_images_only(repaired(_existing_images_only(text), multiline=True)) or "Tekst."
    text = draw(salted(st.just(text), REFUSED_HOSTILE + REFUSED_MARKDOWN + ACCEPTED_HOSTILE, 2))
    return text.strip() or "Tekst."


# --- structure: nesting, tables, long runs of one character (generator/structure.py's limits) ---

_CONTAINERS = ["> ", ">", "- ", "* ", "+ ", "1. ", "1) ", "  ", "    "]
_EMPHASIS = [("*", "*"), ("_", "_"), ("**", "**"), ("__", "__"), ("~~", "~~"), ("[", "](/vaer-med/)"),
             ("![", "](/assets/billeder/billede.png)")]
_RUN_CHARACTERS = "*_~>-+#|`[]()!<&\\ .:1x\n"


@st.composite
def _nested_line(draw) -> str:
    """A line opening quotes and lists inside each other, its words in layers of emphasis and links."""
    prefix = "".join(draw(st.lists(st.sampled_from(_CONTAINERS), max_size=6)))
    text = draw(words)
    for opener, closer in draw(st.lists(st.sampled_from(_EMPHASIS), max_size=5)):
        text = f"{opener}{text}{closer}"
    return prefix + text


@st.composite
def _table(draw) -> str:
    """A GitHub table, from one column to beyond the limit, its rows full, short or single characters."""
    columns = draw(st.integers(1, 12))
    rows = draw(st.integers(0, 70))
    cell = st.one_of(words, st.just(""), st.sampled_from(["x", "**x**", "`|`", "\\|", "-"]))
    lines = ["|" + "|".join(draw(words) for _ in range(columns)) + "|", "|" + "---|" * columns]
    for _ in range(rows):
        lines.append(draw(st.sampled_from(["x", "|" + "|".join(draw(cell) for _ in range(columns)) + "|"])))
    return "\n".join(lines)


@st.composite
def _run(draw) -> str:
    """One character, or two in turn, many times over: `>>>>`, `*_*_`, `- - -`, `||||`."""
    unit = draw(st.text(st.sampled_from(_RUN_CHARACTERS), min_size=1, max_size=3))
    return unit * draw(st.integers(1, 20_000 // len(unit)))


@st.composite
def structure_text(draw) -> str:
    """Markdown made of structure: nested quotes, lists and emphasis, tables and long runs, between
    ordinary paragraphs; within structure.py's limits or beyond them (check decides)."""
    blocks = draw(st.lists(st.one_of(
        st.lists(_nested_line(), min_size=1, max_size=8).map("\n".join), _table(), _run(), words),
        min_size=1, max_size=6))
    return draw(st.sampled_from(["\n\n", "\n"])).join(blocks).strip() or "Tekst."


def _existing_images_only(text: str) -> str:
    """Every `![` that does not begin one of IMAGES gets a space (`! [`): pieces side by side may make
    an image of a file the site does not have (`![` from the soup, then a link), which check refuses."""
    out, at = [], 0
    while (i := text.find("![", at)) >= 0:
        out.append(text[at:i])
        out.append("![" if any(text.startswith(img, i) for img in IMAGES) else "! [")
        at = i + 2
    return "".join(out) + text[at:]


# --- dates, times, phones, addresses ---

EDGE_DAYS = [FIRST_DAY, LAST_DAY, date(2000, 2, 29), date(2024, 2, 29), date(2100, 2, 28), TODAY,
             TODAY - timedelta(days=1), TODAY + timedelta(days=1), date(2026, 3, 29), date(2026, 10, 25),
             date(2026, 12, 31), date(2027, 1, 1)]
days = st.one_of(st.dates(FIRST_DAY, LAST_DAY), st.sampled_from(EDGE_DAYS))
near_days = st.dates(TODAY - timedelta(days=500), TODAY + timedelta(days=60))


def day_spelling(day: date) -> st.SearchStrategy[str]:
    """2026-01-05 or 2026-1-5 (the field type allows one-digit months and days)."""
    return st.sampled_from([day.isoformat(), f"{day.year}-{day.month}-{day.day}"])


IMPOSSIBLE_DAYS = ["2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "2026-04-31", "1999-12-31",
                   "2101-01-01", "2100-02-29", "2025-02-29", "0000-01-01", "26-01-10", "2026/01/10", "10-01-2026",
                   "2026-01-10T12:00", " ", "i morgen", "2026–01–10", 20260110, 2026, True]


def clocks() -> st.SearchStrategy[tuple[str, tuple[int, int]]]:
    """A time of day as HR writes it, and the (hour, minute) it means."""
    return st.tuples(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["{h:02d}:{m:02d}", "{h}:{m:02d}",
                                                                                "{h:02d}.{m:02d}", " {h}:{m:02d} "])
                     ).map(lambda t: (t[2].format(h=t[0], m=t[1]), (t[0], t[1])))


BAD_CLOCKS = ["24:00", "12:60", "12", "1200", 720, "kl. 12", "12:00:00", "-1:00", "12:5", "12h00", "", True]


@st.composite
def phones(draw) -> tuple[Any, str]:
    """A Danish phone number in one of the spellings the field type reads, and its normal form."""
    digits = draw(st.text("0123456789", min_size=8, max_size=8))
    d = digits
    spelling = draw(st.sampled_from(["{d}", "{a} {b}", "{p} {q} {r} {s}", "+45 {a} {b}", "+45{d}", "{p}-{q}-{r}-{s}",
                                     "int"]))
    if spelling == "int":  # unquoted digits: a YAML integer, or text when it starts with 0
        value: Any = int(d) if d[0] != "0" else d
    else:
        value = spelling.format(d=d, a=d[:4], b=d[4:], p=d[:2], q=d[2:4], r=d[4:6], s=d[6:])
    return value, f"{d[:2]} {d[2:4]} {d[4:6]} {d[6:]}"


BAD_PHONES = ["4477184", "447718471", "+46 4477 1847", "tlf. 4477 1847", "4477 1847 lokal 2", "44771847a", "",
              "4477\u200b1847", 1234567, True]

# As fieldtypes._email takes them: dot-separated words before the @, labels that begin and end with a
# letter or digit after it.
_email_word = st.text("abcdefghijklmnopqrstuvwxyzæøå0123456789_+-", min_size=1, max_size=8)
_email_label = st.tuples(st.text("abcdefghijklmnopqrstuvwxyz0123456789æøå", min_size=1, max_size=1),
                         st.text("abcdefghijklmnopqrstuvwxyz0123456789æøå-", max_size=10),
                         st.text("abcdefghijklmnopqrstuvwxyz0123456789æøå", max_size=1)).map("".join).filter(
                             lambda label: not label.endswith("-"))
emails = st.tuples(st.lists(_email_word, min_size=1, max_size=2),
                   st.lists(_email_label, min_size=1, max_size=3),
                   st.sampled_from(["dk", "com", "org", "eu", "info"])
                   ).map(lambda t: f"{'.'.join(t[0])}@{'.'.join(t[1])}.{t[2]}")
BAD_EMAILS = ["helle", "helle@", "@ballerup.dk", "helle@ballerup", "<helle@ballerup.dk>", "helle @ballerup.dk",
              "helle@ballerup.d", "javascript:alert(1)//@x.dk", "\"helle\"@x.dk", "mailto:helle@x.dk", 7]

HOSTS = ["ballerup.dk", "www.ballerup.dk", "www.aarhus.dk", "job.haderslev.dk", "xn--brnehus-p1a.dk", "bør.dk",
         "127.0.0.1", "example.dk:8443", "user@ballerup.dk"]
PATH_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-._~%!$&()*+,;=:@"


def web_urls() -> st.SearchStrategy[str]:
    return st.tuples(
        st.sampled_from(["https", "http", "HTTPS"]), st.sampled_from(HOSTS),
        st.lists(st.text(PATH_CHARS, min_size=1, max_size=10), max_size=3),
        st.sampled_from(["", "/", "?a=1&b=2", "?q=pædagog", "#afsnit", "/job?id=7#x"]),
    ).map(lambda t: f"{t[0]}://{t[1]}" + "".join("/" + p for p in t[2]) + t[3])


BAD_WEB_URLS = ["javascript:alert(1)", "ftp://ballerup.dk", "https://", "www.ballerup.dk", "https://a b.dk",
                "https://x.dk/\"onmouseover=1", "//evil.example", "https://[::1", "data:text/html,x",
                "https://ballerup.dk\\@evil.example", "https://x.dk/<script>", "mailto:a@b.dk", "https://x.dk/\x07", 5]

# Pages of the site a posting may link to, as HR writes them (a site link must be a page of the site).
SITE_PAGES = ["/", "/job/", "/job/arkiv/", "/vaer-med/", "/vaer-med", "/foldere/", "/foldere/ressourcegrupper-haderslev/",
              "/stillingsbeskrivelser/", "/stillingsbeskrivelser/paedagog/", "/#top", "/job/?kommune=ballerup",
              "/stillingsbeskrivelser/paedagogisk-assistent", "/job/arkiv/#sidst"]


def link_targets(valid: bool = True) -> st.SearchStrategy[str]:
    """A links[].url: a web page, an e-mail address, a phone number or a page of the site."""
    return st.one_of(web_urls(), emails.map(lambda e: "mailto:" + e),
                     st.text("0123456789", min_size=8, max_size=8).map(lambda d: "tel:+45" + d),
                     st.sampled_from(SITE_PAGES))


BAD_LINK_TARGETS = BAD_WEB_URLS[:4] + ["mailto:", "tel:", "sti/uden/skråstreg", "//evil.example/", "/a b/", "/<x>/",
                                       "vbscript:x", "JaVaScRiPt:alert(1)", " javascript:alert(1)"]
# Site paths that are no page: `check` refuses them, or the build must still succeed.
NOT_PAGES = ["/findes-ikke/", "/job/feed.xml", "/job/kalender.ics", "/assets/jobsite.css", "/vaer-med.md",
             "/index.html", "/foldere/ressourcegrupper-haderslev/ressourcegrupper-haderslev.pdf", "/job/hypo/kalender.ics"]


# --- hours and the literals ---

hours_valid = st.one_of(st.integers(1, 60), st.integers(100, 6000).map(lambda n: n / 100),
                        st.just(UNLIMITED_HOURS))


def hours_any() -> st.SearchStrategy[tuple[Any, bool]]:
    """(hours as written, whether the model accepts it): numbers 0-100 and some words."""
    numbers = st.one_of(st.integers(0, 100), st.integers(0, 10000).map(lambda n: n / 100), st.integers(-5, -1))
    return st.one_of(
        numbers.map(lambda h: (h, 1 <= h <= 60)),
        st.sampled_from([(UNLIMITED_HOURS, True), ("Uden øvre arbejdstid", False), ("uden øvre arbejdstid ", False),
                         ("37 timer", False), ("37,5", False), ("fuldtid", False), ("", False), ("1e3", False),
                         (True, True), (False, False), ([37], False), ({"timer": 37}, False)]),
    )


# --- a posting ---

@st.composite
def postings(draw, workplace: str | None = None, open_on: date | None = None) -> dict:
    """A posting the model and the cross-file rules accept (data, ready for yaml_text).

    `workplace`: the unit it is for (default: one of the repository's);
    `open_on`: make it open on that day (published before, deadline after, not withdrawn).
    """
    if open_on is None and draw(st.booleans()):
        open_on = TODAY  # half of them open today, so feed, calendars and sitemap have them
    if open_on:
        published = draw(st.dates(open_on - timedelta(days=200), open_on))
        deadline = draw(st.dates(open_on, min(LAST_DAY, open_on + timedelta(days=120))))
    else:
        published = draw(st.one_of(near_days, days))
        deadline = draw(st.one_of(st.dates(published, min(LAST_DAY, published + timedelta(days=90))),
                                  st.dates(published, LAST_DAY), st.just(published)))
    p: dict[str, Any] = {"title": draw(plain_valid.filter(lambda s: len(s) <= 160)),
                         "workplace": workplace or draw(st.sampled_from(WORKPLACES))}
    if draw(st.booleans()):
        p["positions"] = draw(st.integers(1, 100))
    p["hours"] = draw(hours_valid)
    p["employment"] = draw(st.sampled_from(list(EMPLOYMENT)))
    start: dict[str, Any] = {}
    start_day = None
    if draw(st.booleans()):
        start_day = draw(days)
        start["date"] = draw(day_spelling(start_day))
    if not start or draw(st.booleans()):
        start["asap"] = True
    p["start"] = start
    if p["employment"] == "tidsbegrænset":
        end = draw(st.dates(start_day or FIRST_DAY, LAST_DAY))
        p["employment_end"] = draw(day_spelling(end))
    p["published"] = draw(day_spelling(published))
    p["deadline"] = draw(day_spelling(deadline))
    if draw(st.booleans()):
        p["deadline_time"] = draw(clocks())[0]
    interviews = []
    for _ in range(draw(st.integers(0, 3))):
        i: dict[str, Any] = {"date": draw(day_spelling(draw(st.dates(published, LAST_DAY))))}
        if draw(st.booleans()):
            i["label"] = draw(plain_valid)
        if draw(st.booleans()):
            i["time"] = draw(clocks())[0]
        interviews.append(i)
    if interviews:
        p["interviews"] = interviews
    p["role"] = draw(st.sampled_from(list(ROLE_TYPES)))
    p["age_groups"] = draw(st.lists(st.sampled_from(list(AGE_GROUPS)), min_size=1, max_size=3))
    if draw(st.booleans()):
        p["summary"] = draw(plain_valid.filter(lambda s: len(s) <= 300))
    p["intro"] = draw(markdown_text())
    sections = [{"heading": draw(plain_valid), "text": draw(markdown_text())} for _ in range(draw(st.integers(0, 3)))]
    if sections:
        p["sections"] = sections
    contacts = []
    for _ in range(draw(st.integers(0, 2))):
        c: dict[str, Any] = {"name": draw(plain_valid)}
        if draw(st.booleans()):
            c["title"] = draw(plain_valid)
        if draw(st.booleans()):
            c["phone"] = draw(phones())[0]
        if draw(st.booleans()):
            c["email"] = draw(emails)
        contacts.append(c)
    if contacts:
        p["contacts"] = contacts
    apply: dict[str, Any] = {}
    if draw(st.booleans()):
        apply["url"] = draw(web_urls())
    if not apply or draw(st.booleans()):
        apply["text"] = draw(markdown_text())
    p["apply"] = apply
    if draw(st.booleans()):
        p["terms"] = draw(markdown_text())
    if draw(st.booleans()):
        p["requirements"] = draw(st.lists(st.sampled_from(REQUIREMENTS), max_size=2, unique=True))
    if draw(st.booleans()):
        p["role_description"] = draw(st.sampled_from(ROLE_IDS))
    links = [{"text": draw(plain_valid), "url": draw(link_targets())} for _ in range(draw(st.integers(0, 3)))]
    if links:
        p["links"] = links
    if not open_on and draw(st.integers(0, 3)) == 0:
        p["withdrawn"] = {"reason": draw(st.sampled_from(["besat", "annulleret"])),
                          "date": draw(day_spelling(draw(st.dates(published, LAST_DAY))))}
    return p


REQUIRED_POSTING_FIELDS = ["title", "workplace", "hours", "employment", "start", "published", "deadline", "role",
                           "age_groups", "intro", "apply"]
WRONG_TYPES = [None, True, 0, -1, 3.5, "", " ", [], ["a", "b"], {}, {"x": 1}, [{"a": 1}]]
TEXT_FIELDS = [("title",), ("summary",), ("intro",), ("terms",), ("apply", "text"), ("sections", 0, "heading"),
               ("sections", 0, "text"), ("contacts", 0, "name"), ("contacts", 0, "title"), ("links", 0, "text"),
               ("interviews", 0, "label")]
MARKDOWN_FIELDS = {"intro", "terms", "text"}


def _set(data: dict, path: tuple, value: Any) -> None:
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def _exists(data: Any, path: tuple) -> bool:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return False
        elif not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return True


@st.composite
def near_valid_postings(draw) -> dict:
    """A valid posting with one to three mistakes, or with hostile text in its fields."""
    p = copy.deepcopy(draw(postings()))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["type", "date", "missing", "unknown", "text", "text", "hours", "phone",
                                     "email", "url", "link", "literal", "clock", "order"]))
        if kind == "type":
            field = draw(st.sampled_from(sorted(p)))
            p[field] = draw(st.sampled_from(WRONG_TYPES))
        elif kind == "date":
            field = draw(st.sampled_from(["published", "deadline", "employment_end", "start"]))
            value = draw(st.sampled_from(IMPOSSIBLE_DAYS))
            if field == "start":
                p["start"] = {"date": value}
            else:
                p[field] = value
        elif kind == "missing":
            p.pop(draw(st.sampled_from(REQUIRED_POSTING_FIELDS)), None)
        elif kind == "unknown":
            p[draw(st.sampled_from(["deadlin", "Title", "titel", "frist", "deadline ", "intro2", "1", "ø"]))] = "x"
        elif kind == "text":
            path = draw(st.sampled_from([t for t in TEXT_FIELDS if _exists(p, t[:-1])] or [("title",)]))
            md = path[-1] in MARKDOWN_FIELDS
            _set(p, path, draw(markdown_text(valid=False) if md else plain_any))
        elif kind == "hours":
            p["hours"] = draw(hours_any())[0]
        elif kind == "phone":
            p["contacts"] = [{"name": "Helle", "phone": draw(st.sampled_from(BAD_PHONES))}]
        elif kind == "email":
            p["contacts"] = [{"name": "Helle", "email": draw(st.sampled_from(BAD_EMAILS))}]
        elif kind == "url":
            p["apply"] = {"url": draw(st.sampled_from(BAD_WEB_URLS))}
        elif kind == "link":
            p["links"] = [{"text": "Læs mere", "url": draw(st.sampled_from(BAD_LINK_TARGETS + NOT_PAGES))}]
        elif kind == "literal":
            field, values = draw(st.sampled_from([
                ("role", ["Pædagog", "paedagog", "leder ", "chef", ""]), ("employment", ["Fast", "midlertidig", "ja"]),
                ("age_groups", [["0-2"], [], "0-3", ["0-3", "3-7"], [["0-3"]]]),
                ("requirements", [["børneattest", "lægeerklæring"], "børneattest"]),
                ("withdrawn", [{"reason": "besat"}, {"reason": "lukket", "date": "2026-01-06"}, "besat"]),
                ("role_description", ["findes-ikke", "Paedagog", "pæda"]), ("workplace", ["findes-ikke", "ballerup",
                                                                                        "Stjernehuset"]),
                ("positions", [0, 101, 1.5, "to"])]))
            p[field] = draw(st.sampled_from(values))
        elif kind == "clock":
            p["deadline_time"] = draw(st.sampled_from(BAD_CLOCKS))
        elif kind == "order":  # cross-field rules: dates out of order
            p["deadline"], p["published"] = "2026-01-01", "2026-02-01"
    return p


# --- organisations, roles, leaflets ---

def _address() -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries({"city": plain_valid}, optional={
        "street": plain_valid,
        "postal_code": st.tuples(st.integers(1000, 9999), st.sampled_from(["", " K", " V", " Ø", " C"])).map(
            lambda t: f"{t[0]}{t[1]}")})


def _unit_id(taken) -> st.SearchStrategy[str]:
    return st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True).filter(
        lambda i: i not in taken and i not in RESERVED_IDS)


@st.composite
def organisation_changes(draw, valid: bool = True) -> tuple[dict, str]:
    """data/organisations.yml with one new workplace (and perhaps a changed kommune), and the new unit's id.

    Invalid: the same with hostile or wrong values in the new unit.
    """
    data = copy.deepcopy(ORGANISATIONS)
    parents = [u for u in _units(data["kommuner"]) if u["kind"] in ("kommune", "distrikt", "dagtilbud")]
    parent = draw(st.sampled_from(parents))
    unit: dict[str, Any] = {"id": draw(_unit_id(ALL_UNIT_IDS)),
                            "kind": draw(st.sampled_from([k for k in ORG_KINDS if k != "kommune"])),
                            "name": draw(plain_valid)}
    if draw(st.booleans()):
        unit["address"] = draw(_address())
    if draw(st.booleans()):
        unit["website"] = draw(web_urls())
    if draw(st.booleans()):
        unit["phone"] = draw(phones())[0]
    if draw(st.booleans()):
        unit["about"] = {"title": draw(plain_valid), "text": shared_images(draw(markdown_text()), printed=False)}
    parent.setdefault("units", []).append(unit)
    kommune = next(k for k in data["kommuner"] if any(u is parent for u in _units([k])))
    # A kommune keeps its name: leaflets name their kommune by it (owner.py), so a renamed one would
    # make them unknown. Hostile names reach the pages through the new unit's name instead.
    if draw(st.booleans()):
        kommune["about"] = {"title": draw(plain_valid), "text": shared_images(draw(markdown_text()), printed=False)}
    if not valid:
        for _ in range(draw(st.integers(1, 3))):
            field, value = draw(st.sampled_from([
                ("name", plain_any), ("about", st.builds(lambda t, x: {"title": t, "text": x}, plain_any,
                                                          markdown_text(valid=False))),
                ("address", st.builds(lambda s, c: {"street": s, "city": c}, plain_any, plain_any)),
                ("address", st.sampled_from([{"city": "Ballerup", "postal_code": v}
                                             for v in ["275", "27500", "2750 k", 2750, "DK-2750", "2750\u200b"]])),
                ("website", st.sampled_from(BAD_WEB_URLS)), ("phone", st.sampled_from(BAD_PHONES)),
                ("id", st.sampled_from(["arkiv", "stjernehuset", "Store-Bogstaver", "æble", "-x", ""])),
                ("kind", st.sampled_from(["kommune", "skole", "Børnehus", None])),
                ("units", st.sampled_from([[{"id": "y", "kind": "kommune", "name": "Y"}], "ingen", [{}]])),
                ("extra", st.just("x")),
            ]))
            unit[field] = draw(value)
    return data, unit["id"]


@st.composite
def role_catalogue_changes(draw, valid: bool = True) -> dict:
    """data/roles.yml with new names, texts and statements."""
    data = copy.deepcopy(ROLES)
    if draw(st.booleans()):
        data["title"] = draw(plain_valid)
    for role in data["roles"]:
        if draw(st.booleans()):
            role["name"] = draw(plain_valid)
        if draw(st.booleans()):
            role["intro"] = shared_images(draw(markdown_text()))
    area = draw(st.sampled_from(data["areas"]))
    if draw(st.booleans()):
        area["title"] = draw(plain_valid)
    row = draw(st.sampled_from(area["rows"]))
    statement = draw(st.sampled_from(row))
    statement["text"] = draw(plain_valid)
    if draw(st.booleans()):
        data["source_note"] = shared_images(draw(markdown_text()))
    if draw(st.booleans()):
        area["rows"].append([{"text": draw(plain_valid), "roles": "alle"}])
    if not valid:
        for _ in range(draw(st.integers(1, 2))):
            what = draw(st.sampled_from(["text", "name", "roles", "order", "intro", "kommune", "empty"]))
            if what == "text":
                statement["text"] = draw(plain_any)
            elif what == "name" and data["roles"]:  # ("empty" may have emptied the list already)
                data["roles"][0]["name"] = draw(plain_any)
            elif what == "roles":
                statement["roles"] = draw(st.sampled_from([["findes-ikke"], [], "alle ", "Alle", [1], None]))
            elif what == "order":
                area["rows"].append([{"text": "b", "roles": [ROLE_IDS[-1]]}, {"text": "a", "roles": [ROLE_IDS[0]]}])
            elif what == "intro" and data["roles"]:
                data["roles"][0]["intro"] = draw(markdown_text(valid=False))
            elif what == "kommune":
                data["kommune"] = draw(st.sampled_from(["findes-ikke", "stjernehuset", "Ballerup"]))
            else:
                data[draw(st.sampled_from(["roles", "areas"]))] = []
    return pdf_printable(data) if valid else data  # all of it is printed in the role descriptions' PDF


@st.composite
def leaflet_body(draw, valid: bool = True) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append("# " + draw(plain_valid))
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            parts.append("#" * draw(st.integers(2, 4)) + " " + draw(plain_valid if valid else plain_any))
        parts.append(draw(markdown_text(valid=valid)))
    return "\n\n".join(parts)


@st.composite
def leaflets(draw, valid: bool = True) -> tuple[dict, str]:
    """(front matter, body) of a leaflet for parents."""
    fm: dict[str, Any] = {"title": draw(plain_valid)}
    if draw(st.booleans()):
        fm["tagline"] = draw(plain_valid)
    fm.update({"kommune": draw(st.sampled_from(KOMMUNER)), "topic": draw(plain_valid), "audience": draw(plain_valid),
               "summary": draw(plain_valid), "updated": draw(day_spelling(draw(days)))})
    contact: dict[str, Any] = {"name": draw(plain_valid)}
    if draw(st.booleans()):
        contact["phone"] = draw(phones())[0]
    if draw(st.booleans()):
        contact["email"] = draw(emails)
    if draw(st.booleans()):
        contact["website"] = draw(web_urls())
    fm["contact"] = contact
    if not valid:
        for _ in range(draw(st.integers(1, 2))):
            field = draw(st.sampled_from(["title", "summary", "updated", "contact", "extra", "missing", "kommune"]))
            if field == "updated":
                fm["updated"] = draw(st.sampled_from(IMPOSSIBLE_DAYS))
            elif field == "contact":
                fm["contact"] = draw(st.sampled_from([{"name": "A", "phone": "12"}, {"email": "x"}, "Haderslev",
                                                      {"name": "A", "website": "javascript:alert(1)"}]))
            elif field == "extra":
                fm[draw(st.sampled_from(["template", "hide", "search", "description"]))] = "x"
            elif field == "missing":
                fm.pop(draw(st.sampled_from(["title", "summary", "updated", "contact"])), None)
            else:
                fm[field] = draw(plain_any)
    body = draw(leaflet_body(valid=valid))
    if valid:  # a leaflet is printed: its images are described, and every character has a glyph
        fm, body = pdf_printable(fm), repaired(pdf_printable(body).replace("![](", "![Billede]("), multiline=True)
    return fm, body


# --- writing YAML ---

_YAML_LINE_BREAKS = re.compile("[\r\x85\u2028\u2029]")
_YAML_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@lru_cache(maxsize=4096)
def plain_scalar_ok(value: str) -> bool:
    """True when `value` may be written without quotes: this project's reader reads it back as this
    very string (`12:30`, `yes`, `2026-01-05`, `08` are text to it, unlike to YAML 1.1)."""
    if not value or value != value.strip() or "\n" in value or _YAML_UNPRINTABLE.search(value):
        return False
    source, problems = parse(f"k: {value}\n", "x.yml")
    return not problems and source is not None and source.data == {"k": value}


def block_scalar_ok(value: str) -> bool:
    """True when `value` survives as a `|-` block scalar (used for Markdown)."""
    lines = value.split("\n")
    return (bool(value) and not value[0].isspace() and not _YAML_LINE_BREAKS.search(value)
            and not _YAML_UNPRINTABLE.search(value) and not any(re.match(r"[^\S\n]*\t", ln) for ln in lines)
            and not any(ln.strip() == "" and ln for ln in lines))


@st.composite
def yaml_text(draw, data: Any, comment: bool = True) -> str:
    """`data` written as a YAML document, each string in a style drawn per value."""
    def scalar(value: Any, indent: int) -> str:
        if value is None:
            return draw(st.sampled_from(["null", "~", ""]))
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return json.dumps(value)
        value = str(value)
        styles = ["json"]
        if all(ord(ch) <= 0xFFFF for ch in value):
            styles.append("ascii")  # \uXXXX escapes; libyaml refuses escaped surrogate pairs
        if "\n" not in value and not _YAML_UNPRINTABLE.search(value) and not _YAML_LINE_BREAKS.search(value):
            styles.append("single")
        if plain_scalar_ok(value):
            styles += ["plain", "plain"]
        if "\n" in value and block_scalar_ok(value):
            styles += ["block", "block"]
        style = draw(st.sampled_from(styles))
        if style == "json":
            return json.dumps(value, ensure_ascii=False)
        if style == "ascii":
            return json.dumps(value)
        if style == "single":
            return "'" + value.replace("'", "''") + "'"
        if style == "plain":
            return value
        pad = " " * (indent + 2)
        return "|-\n" + "\n".join(pad + line if line else "" for line in value.split("\n"))

    def node(value: Any, indent: int) -> list[str]:
        pad = " " * indent
        out: list[str] = []
        if isinstance(value, dict):
            for key, item in value.items():
                key_text = key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(key)) else json.dumps(str(key),
                                                                                                   ensure_ascii=False)
                if isinstance(item, (dict, list)) and item:
                    out.append(f"{pad}{key_text}:")
                    out += node(item, indent + 2)
                else:
                    out.append(f"{pad}{key_text}: {flow(item, indent)}".rstrip())
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, (dict, list)) and item:
                    inner = node(item, indent + 2)
                    out.append(f"{pad}- {inner[0].lstrip()}")
                    out += inner[1:]
                else:
                    out.append(f"{pad}- {flow(item, indent + 2)}".rstrip())
        else:
            out.append(pad + scalar(value, indent))
        return out

    def flow(value: Any, indent: int) -> str:
        if isinstance(value, dict):
            return "{}"
        if isinstance(value, list):
            return "[]"
        return scalar(value, indent)

    head = ["# yaml-language-server: $schema=../schema/posting.schema.json"] if comment and draw(st.booleans()) else []
    if not isinstance(data, (dict, list)):
        return scalar(data, 0) + "\n"
    return "\n".join(head + node(data, 0)) + "\n"


@st.composite
def leaflet_text(draw, front_matter: dict, body: str) -> str:
    return "---\n" + draw(yaml_text(front_matter, comment=False)) + "---\n\n" + body + "\n"
