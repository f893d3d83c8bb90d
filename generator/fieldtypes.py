"""The small value types content is written in, each checked with a Danish
message that says what to write instead.

Kept apart from the model so the rules for a date, a phone number or a safe
piece of Markdown are found in one place and reused by every content file.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
import unicodedata
from datetime import date, time
from typing import Annotated, Iterator, NamedTuple, get_args
from urllib.parse import unquote, urlsplit

import cmarkgfm
from pydantic import BaseModel, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from . import structure


def _fail(message: str) -> PydanticCustomError:
    return PydanticCustomError("jobsite", message)


FIRST_YEAR, LAST_YEAR = 2000, 2100  # a date outside these years is a typing mistake


def _day(value: object) -> date:
    if isinstance(value, date):
        day = value
    else:
        text = str(value).strip() if isinstance(value, (str, int)) else ""
        if not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            raise _fail(f"{shown(value)} er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2026-01-10")
        y, m, d = (int(p) for p in text.split("-"))
        try:
            day = date(y, m, d)
        except ValueError:
            raise _fail(f"{text} findes ikke i kalenderen; tjek dag og måned (ÅÅÅÅ-MM-DD)") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise _fail(f"{day.isoformat()} ligger uden for årene {FIRST_YEAR}-{LAST_YEAR}; tjek årstallet")
    return day


def shown(value: object) -> str:
    """A value quoted in a message, on one line and not endless."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…'"


def _clock(value: object) -> time:
    if isinstance(value, time):
        return value
    text = str(value).strip().replace(".", ":") if isinstance(value, str) else ""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise _fail(f"{shown(value)} er ikke et klokkeslæt; skriv det som TT:MM i anførselstegn, fx \"12:00\"")
    return time(int(match[1]), int(match[2]))


def _phone(value: object) -> str:
    text = str(value).strip() if isinstance(value, (str, int)) else ""
    digits = re.sub(r"[\s\-]", "", text)
    if digits.startswith("+45"):
        digits = digits[3:]
    if not re.fullmatch(r"\d{8}", digits):
        raise _fail(f"{shown(value)} er ikke et dansk telefonnummer; skriv otte cifre, fx \"4477 2000\"")
    return f"{digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"


# An e-mail address as a kommune writes it: local@domain, dot-separated words of letters, digits,
# '_', '+' and '-' (æ, ø and å too), and a domain ending in letters. Nothing a mailto: link reads
# as more than an address: no '?' or '&' (headers such as bcc=), '%' (an encoded '@'), '#',
# ',' or ';' (more recipients), spaces, quotes or '<>'. The same pattern is the JSON Schema's.
EMAIL_MAX = 254  # the longest address mail servers accept (RFC 5321)
_EMAIL_WORD = "[A-Za-z0-9_+æøåÆØÅ-]+"
_EMAIL_LABEL = "[A-Za-z0-9æøåÆØÅ](?:[A-Za-z0-9æøåÆØÅ-]*[A-Za-z0-9æøåÆØÅ])?"
EMAIL_PATTERN = rf"^{_EMAIL_WORD}(?:\.{_EMAIL_WORD})*@(?:{_EMAIL_LABEL}\.)+[A-Za-z]{{2,}}$"
_EMAIL = re.compile(EMAIL_PATTERN)
# Characters that change what a mailto: link does, and what HR is told about each.
_EMAIL_REFUSED = {
    "?": "? starter et tillæg til adressen (fx bcc=, der sender en kopi til en anden)",
    "&": "& tilføjer flere felter til adressen (fx bcc=, der sender en kopi til en anden)",
    "%": "% er en kodet værdi (fx %40 for @), ikke en del af en adresse",
    "#": "# hører ikke til i en e-mailadresse",
    ",": "komma adskiller flere modtagere",
    ";": "semikolon adskiller flere modtagere",
    "<": "< > hører ikke til i en e-mailadresse (heller ikke om adressen med et navn foran)",
    ">": "< > hører ikke til i en e-mailadresse (heller ikke om adressen med et navn foran)",
    '"': "anførselstegn hører ikke til i en e-mailadresse",
    "'": "anførselstegn hører ikke til i en e-mailadresse",
    ":": "kolon hører ikke til i en e-mailadresse (skriv ikke mailto: foran)",
    "/": "/ hører ikke til i en e-mailadresse",
}


def _email(value: object) -> str:
    """One e-mail address, nothing that a mailto: link reads as a header or a second recipient.

    Checked in constant time: the length first, then one pattern without nested repetition.
    """
    text = str(value).strip() if isinstance(value, str) else ""
    example = "skriv kun selve adressen, fx navn@ballerup.dk"
    if len(text) > EMAIL_MAX:
        raise _fail(f"{shown(value)} er for lang til en e-mailadresse (højst {EMAIL_MAX} tegn); {example}")
    if _EMAIL.fullmatch(text):
        return text
    why = next((reason for ch, reason in _EMAIL_REFUSED.items() if ch in text), None)
    if why is None and re.search(r"\s", text):
        why = "mellemrum hører ikke til i en e-mailadresse"
    if why is None and text.count("@") > 1:
        why = "en adresse har kun ét @"
    if why is None and (other := re.search(r"[^\x00-\x7fæøåÆØÅ]", text)):
        why = (f"tegnet {other[0]} (U+{ord(other[0]):04X}) ligner måske et bogstav fra a-z, men er et andet; "
               "skriv adressen med tastaturet")
    if why is None and "@" in text and re.search(r"(?:^|@)\.|\.(?:@|$)|\.\.", text):
        why = "et punktum må ikke stå først eller sidst i navnet eller domænet, eller to i træk"
    if why:
        raise _fail(f"{shown(value)} er ikke en e-mailadresse: {why}; {example}")
    raise _fail(f"{shown(value)} er ikke en e-mailadresse; skriv fx navn@ballerup.dk")


def mailto_problem(target: str) -> str | None:
    """Why a mailto: link HR wrote may send mail somewhere else than one address, or None.

    The address must be one e-mail address as `_email` takes it; after '?' only subject= and
    body= (which fill in the mail's subject and text) are allowed: to=, cc= and bcc= add
    recipients HR cannot see in the link.
    """
    rest = target.split(":", 1)[1] if ":" in target else ""
    address, _, query = rest.partition("?")
    if not address:
        return f"mailto-linket {shown(target)} mangler adressen; skriv fx mailto:navn@ballerup.dk"
    try:
        _email(address)
    except PydanticCustomError as err:
        return f"mailto-linket {shown(target)} har ikke én gyldig e-mailadresse: {err.message()}"
    for part in query.split("&") if query else ():
        key = part.split("=", 1)[0].lower()
        if key not in ("subject", "body"):
            return (f"mailto-linket {shown(target)} har feltet {shown(key)}; kun subject= (emne) og body= (tekst) "
                    "er tilladt efter ?, for to=, cc= og bcc= sender ansøgningen til andre. Skriv fx "
                    "mailto:navn@ballerup.dk eller mailto:navn@ballerup.dk?subject=Ansøgning")
    return None


def _web_url(value: object) -> str:
    text = str(value).strip() if isinstance(value, str) else ""
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # e.g. a bracket in the host
        parts, host = None, None
    if not parts or parts.scheme not in ("http", "https") or not host or URL_UNSAFE.search(text):
        raise _fail(f"{shown(value)} er ikke en webadresse; skriv hele adressen med https://, "
                    "fx https://www.ballerup.dk/job")
    if "%" in host or len(host) > 253 or len(text) > 2000:  # a host as the browser and DNS take it
        raise _fail(f"{shown(value)} er ikke en webadresse: domænet må ikke have %-koder og højst være 253 tegn "
                    "(hele adressen højst 2000); kopiér adressen fra browserens adresselinje, fx "
                    "https://www.ballerup.dk/job")
    return text


def _link_target(value: object) -> str:
    """A link may leave the site (https, mailto, tel) or point into it (/sti/)."""
    text = str(value).strip() if isinstance(value, str) else ""
    if text.startswith("/") and not text.startswith("//") and not URL_UNSAFE.search(text):
        return text
    scheme = urlsplit(text).scheme.lower()
    if scheme == "mailto" and (why := mailto_problem(text)):
        raise _fail(why)
    if scheme in ("mailto", "tel") and len(text) > len(scheme) + 1 and not URL_UNSAFE.search(text):
        return text
    return _web_url(value)


SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
URL_UNSAFE = re.compile(r"[\s<>\"'`{}|\\^\x00-\x1f\x7f]")  # never part of an address HR copies from a browser
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")  # browsers skip these inside a scheme


def is_safe(target: str) -> bool:
    """True when a link goes to a page of the site, a web page, an e-mail address or a phone number.

    Entities are decoded first, as the browser would (`java&#115;cript:` is `javascript:`); an
    address without a scheme that starts with // or a backslash goes to another host (the
    browser reads //evil.example as https://evil.example), so it is not the site's own.
    """
    cleaned = _IGNORED_IN_SCHEME.sub("", html.unescape(target))
    scheme = urlsplit(cleaned).scheme.lower()
    if not scheme:
        return not _elsewhere(cleaned)
    return scheme in SAFE_SCHEMES


def _elsewhere(address: str) -> bool:
    """A scheme-less address the browser takes to another host: //host, \\host, /\\host."""
    return address.startswith(("//", "\\", "/\\"))


TAG = re.compile(r"<[/!?]?[A-Za-z!?]")  # what a browser may start an element, comment or directive with
ATTRIBUTE_LIST = re.compile(r"\{[^{}\n]*\}")  # Markdown's attribute lists: {: .class onclick=...}
MAX_INDENT = 12  # spaces before a line of Markdown: three levels of nested bullets
TOO_DEEP = re.compile(f"^ {{{MAX_INDENT + 1}}}", re.M)  # a line indented more than that (nesting: structure.py)
# A script or data address, which an app may make a link of: 'javascript:', or a data URL
# ('data:' + a media type, perhaps with parameters + ',': data:text/html,..., data:,hej), where
# a scheme can start (not after a letter, digit or + . -). 'Data: trivsel/udvikling' is words.
CODE_LIKE = re.compile(r"(?i)(?<![a-z0-9+.-])(?:(?:java|vb)script\s*:|data:[\w.+/=;-]*,)")
MD_LINK = re.compile(r"\]\(\s*<?([^)>]+)")  # to the ")": a tab or space inside must not hide a scheme
# A reference definition, its label on one line (tried from each line start, it ends there: linear),
# also inside a list item or a quote ("- [x]: …", "> 1. [x]: …": a pasted bullet becomes such an
# item), at any indentation; one whose label runs over lines is found by no pattern, and its
# address is blanked by the renderer.
MD_REFERENCE = re.compile(r"^(?:[ \t]*+(?:[-*+>]|\d{1,9}[.)])(?=[ \t]|$))*+[ \t]*+\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)",
                          re.M)
AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*)>")  # no '<' inside: each try ends at the next


# Characters nobody sees, with the Danish name HR is told; other format and control characters by code.
INVISIBLE_NAMES = {
    "\u00ad": "blød bindestreg", "\u200b": "nulbredde-mellemrum", "\u200c": "nulbredde-ikke-sammenføjer",
    "\u200d": "nulbredde-sammenføjer", "\u200e": "retningsmarkør", "\u200f": "retningsmarkør",
    "\u2028": "linjeseparator", "\u2029": "afsnitsseparator", "\u2060": "ordsammenbinder",
    "\ufeff": "nulbredde-mellemrum (BOM)", "\u202a": "retningsmarkør", "\u202b": "retningsmarkør",
    "\u202c": "retningsmarkør", "\u202d": "retningsmarkør", "\u202e": "retningsmarkør",
    "\u2066": "retningsmarkør", "\u2067": "retningsmarkør", "\u2068": "retningsmarkør", "\u2069": "retningsmarkør",
}


# Every control, format, separator, private-use and surrogate character (Unicode categories Cc, Cf,
# Zl, Zp, Co, Cs) except tab and line feed, and the noncharacters; tests/test_text_rules.py checks it.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\uf8ff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f\U000f0000-\U000ffffd\U00100000-\U0010fffd"
    # and Unicode's noncharacters, which XML (the feed) may not carry
    "\ufdd0-\ufdef\ufffe\uffff" + "".join(f"\\U{p:04X}FFFE\\U{p:04X}FFFF" for p in range(1, 17)) + "]")


def first_invisible(text: str) -> re.Match | None:
    """INVISIBLE.search(text), skipped when Python already calls the text printable.

    Every invisible character is one `str.isprintable` refuses (Unicode's
    Other and Separator categories), so a printable text (tabs and line feeds
    aside) has none; the scan of the character class is only run on the rest.
    """
    if text.replace("\n", " ").replace("\t", " ").isprintable():
        return None
    return INVISIBLE.search(text)


# What people paste from Word, mail and web pages, which looks like what they would have typed.
DOUBLE_QUOTES, SINGLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033", "\u2018\u2019\u201a\u201b\u2032"  # “”„‟″ ‘’‚‛′
PASTED_QUOTES = DOUBLE_QUOTES + SINGLE_QUOTES
PASTED_SPACES = {  # character -> its Danish name
    "\u00a0": "hårdt mellemrum", "\u202f": "smalt hårdt mellemrum", "\u2007": "tal-mellemrum",
    "\u2009": "tyndt mellemrum", "\u2002": "bredt mellemrum", "\u2003": "bredt mellemrum", "\u3000": "bredt mellemrum",
}
LINE_BREAKS = {"\u2028": "linjeseparator", "\u2029": "afsnitsseparator", "\x85": "linjeskift (NEL)"}
PASTED = re.compile("[" + PASTED_QUOTES + "".join(PASTED_SPACES) + "]|" + INVISIBLE.pattern)


def pasted(ch: str, column: int | None = None) -> str:
    """'typografisk anførselstegn “ i kolonne 8; …': a pasted character named, and what to type instead."""
    at = f" i kolonne {column}" if column else ""
    if ch in PASTED_QUOTES:
        double = ch in DOUBLE_QUOTES
        straight = '"' if double else "'"
        return (f"typografisk {'anførselstegn' if double else 'apostrof'} {ch}{at} (kommer med fra Word, en mail "
                f"eller en hjemmeside); YAML kender kun det almindelige {straight}, så skriv {straight} med "
                "tastaturet i stedet")
    if ch in PASTED_SPACES:
        return (f"{PASTED_SPACES[ch]} (U+{ord(ch):04X}){at}; det ligner et mellemrum, men er et andet tegn. "
                "Slet det, og skriv et almindeligt mellemrum (mellemrumstasten)")
    if ch in LINE_BREAKS:
        return (f"usynligt linjeskift U+{ord(ch):04X} ({LINE_BREAKS[ch]}){at} (kommer med fra Word eller en PDF); "
                "slet det, og tryk Enter, hvis teksten skal fortsætte på næste linje")
    name = INVISIBLE_NAMES.get(ch) or ("kontroltegn" if unicodedata.category(ch) == "Cc" else
                                       unicodedata.name(ch, "usynligt tegn").lower())
    return (f"usynligt tegn U+{ord(ch):04X} ({name}){at}; slet det (det kommer ofte med, når tekst kopieres fra "
            "Word eller en hjemmeside), eller slet linjen og skriv den igen")


def unpasted(text: str) -> str:
    """The text as it would have been typed: straight quotes, plain spaces, no invisible characters."""
    out = []
    for ch in text:
        if ch in PASTED_QUOTES:
            out.append('"' if ch in DOUBLE_QUOTES else "'")
        elif ch in PASTED_SPACES:
            out.append(" ")
        elif not INVISIBLE.fullmatch(ch):
            out.append(ch)
    return "".join(out)


def _where(text: str, index: int) -> str:
    """'i linje 2 af teksten, efter «Vi søger»': where in a text a character is, as HR finds it."""
    line = text.count("\n", 0, index) + 1
    before = text[max(text.rfind("\n", 0, index) + 1, index - 20):index].strip()
    after = f" efter «{before}»" if before else " først i teksten"
    return (f" i linje {line} af teksten," if "\n" in text else "") + after


def text_problem(text: str, multiline: bool) -> tuple[int, str] | None:
    """The first thing in a text that HR cannot have meant, as (index in the text, Danish message).

    Invisible and control characters, markup and attribute lists in any text;
    in Markdown (multiline) also links to unsafe places, images from other
    hosts, lines indented deeper than three levels of bullets, and the limits
    of structure.py (nesting, tables, the size of the HTML). Linear in the
    text: tests/test_linear_time.py feeds every rule 200 KB of its worst case.
    """
    if found := first_invisible(text):
        index, ch = found.start(), found[0]
        name = INVISIBLE_NAMES.get(ch) or ("kontroltegn" if unicodedata.category(ch) == "Cc" else
                                           unicodedata.name(ch, "usynligt tegn").lower())
        return index, (f"usynligt tegn U+{ord(ch):04X} ({name}){_where(text, index)}; slet det (det kommer "
                       "ofte med, når tekst kopieres fra Word eller en hjemmeside), og skriv teksten igen")
    # Each pattern below needs a character the text may not have: checked first, as most texts have none.
    unlinked = AUTOLINK.sub(lambda m: " " * len(m[0]), text) if "<" in text else text
    if "<" in text and (tag := TAG.search(unlinked)):
        written = re.match(r"<[^<>\n]{0,60}>?", unlinked[tag.start():])[0]
        return tag.start(), (f"HTML ({written}) er ikke tilladt i teksten; skriv almindelig tekst"
                             + (" (fed skrift med **fed**, punkter med - i starten af linjen, links som [tekst](https://...))"
                                if multiline else "")
                             + ". Er det et mindre-end-tegn, så skriv et mellemrum efter det (fx '< 5')")
    if "{" in text and (braces := ATTRIBUTE_LIST.search(text)):
        return braces.start(), (f"krøllede parenteser ({shown(braces[0])}) styrer sidens HTML og er ikke "
                                "tilladt i teksten; skriv teksten uden dem, eller brug almindelige parenteser ( )")
    if not multiline:
        return _code_like(text) or _long_word(text)
    for start, target, _ in image_targets(text):  # first: an image's address is written like a link's
        if not is_local(target):
            return start, (f"billedet {shown(target)} ligger på et andet website; billeder skal ligge på "
                           "sitet selv (fx /assets/billeder/leg.jpg), så besøgendes data ikke sendes videre")
    for pattern, needs in ((MD_LINK, "]("), (MD_REFERENCE, "]:"), (AUTOLINK, "<")):
        for m in pattern.finditer(text) if needs in text else ():
            if not is_safe(m[1]):
                return m.start(1), _unsafe_link(m[1])
    if deep := TOO_DEEP.search(text):
        return deep.start(), (f"linje {text.count(chr(10), 0, deep.start()) + 1} af teksten er rykket mere end "
                              f"{MAX_INDENT} mellemrum ind; punktlister kan højst have tre niveauer")
    if breach := structure.problem(text):  # nesting, tables and the HTML's size, on cmark-gfm's tree
        return breach
    return _rendered_link_problem(text) or _long_word(text)  # the HTML structure.problem made, read again


LONGEST_WORD = 300  # characters without a space: a long web address fits; a PDF line breaker is quadratic beyond


def _long_word(text: str) -> tuple[int, str] | None:
    """A run of characters without a space longer than any word or address: it cannot be broken
    into lines on a phone, and WeasyPrint breaks it in time quadratic in its length (a 16 KB
    word takes seconds, 144 KB minutes and gigabytes), so a leaflet's PDF would never finish."""
    if len(text) <= LONGEST_WORD:
        return None
    longest = max(text.split(), key=len, default="")
    if len(longest) <= LONGEST_WORD:
        return None
    index = text.find(longest)
    return index, (f"teksten har {len(longest)} tegn i træk uden mellemrum{_where(text, index)}; så lange ord "
                   "kan ikke deles på linjer på en telefon eller i en PDF. Skriv mellemrum mellem ordene, og "
                   f"skriv en lang adresse som et link med tekst, fx [Læs mere](https://...) (højst {LONGEST_WORD} "
                   "tegn i træk)")


def _unsafe_link(target: str) -> str:
    """What HR is told about a link `is_safe` refuses."""
    if _elsewhere(_IGNORED_IN_SCHEME.sub("", html.unescape(target))):
        return (f"linket {shown(target)} går til et andet website uden at sige det (// uden https:); "
                "skriv hele adressen med https://, eller en side på sitet som /vaer-med/")
    return (f"linket {shown(target)} er ikke tilladt; links skal begynde med https://, mailto: eller tel:, "
            "eller være en side på sitet (/sti/)")


def _code_like(text: str) -> tuple[int, str] | None:
    """A one-line text reaches calendars and feeds as it is, where an app may make a link of it."""
    if code := CODE_LIKE.search(text):
        return code.start(), (f"'{code[0].strip()}' er en adresse til kode, og den er ikke tilladt i teksten "
                              "(en kalender eller et nyhedsprogram kan gøre den til et link); skriv teksten uden den")
    return None


# A bullet as Word, Outlook or a PDF pastes it: a bullet character at the start of a line (or
# Word's second-level "o" followed by a tab or two spaces), then spaces, tabs or hard spaces.
PASTED_BULLET = re.compile("[ \t\u00a0]*(?:[•·▪◦‣∙●○■□➢►–]|o(?=\t|[ \u00a0]{2}))[ \t\u00a0]+(?=\\S)")
BULLET_CHARACTERS = frozenset("•·▪◦‣∙●○■□➢►–o")


def listed(text: str) -> str:
    """Pasted bullets as the Markdown list items HR meant ('•\tLeg' -> '- Leg'). A list may start
    in the middle of a paragraph; the line after the last item starts a new paragraph (in
    Markdown it would run on inside the item)."""
    if not BULLET_CHARACTERS.intersection(text):
        return text
    out, in_list = [], False
    for line in text.split("\n"):
        if bullet := PASTED_BULLET.match(line):
            out.append("- " + line[bullet.end():])
            in_list = True
            continue
        if in_list and line.strip() and not line.startswith((" ", "\t", "-", "*", "+")):
            out.append("")
        in_list = in_list and line.startswith((" ", "\t", "-", "*", "+")) and bool(line.strip())
        out.append(line)
    return "\n".join(out)


def choice(*values: str) -> BeforeValidator:
    """One of `values`, also when HR wrote it with other capitals ('Pædagog', 'Fast'): read as the
    value it can only mean. Any other text is left for the choice's own message."""
    by_fold: dict[str, list[str]] = {}
    for v in values:
        by_fold.setdefault(v.casefold(), []).append(v)

    def read(value: object) -> object:
        if isinstance(value, str) and value not in values:
            found = by_fold.get(" ".join(value.split()).casefold(), [])
            if len(found) == 1:
                return found[0]
        return value
    return BeforeValidator(read)


def _markdown(value: object) -> str:
    """Markdown as HR writes it: no raw HTML or attribute lists, links only to safe places, images only from the
    site; bullets pasted from Word become list items."""
    if not isinstance(value, str):
        raise _fail("skal være tekst")
    text = value.strip()
    if found := text_problem(text, multiline=True):
        if "\n" in text and found == structure.problem(text):  # the problem is put at the field's line
            raise _fail(f"linje {text.count(chr(10), 0, found[0]) + 1} af teksten: {found[1]}")
        raise _fail(found[1])
    shown_text = listed(text)
    if shown_text != text and (found := text_problem(shown_text, multiline=True)):  # as shown: every rule again
        raise _fail(found[1])
    return shown_text


_HREF = re.compile(r'<a href="([^"]*)"')  # as cmark-gfm writes a link


_MAY_MISLEAD = ("@", "%", "&", "//", "\\")  # what a link to another host or a second recipient is written with


def _rendered_link_problem(text: str) -> tuple[int, str] | None:
    """The first link of a Markdown text that, as rendered, goes elsewhere than it looks: to another
    host without a scheme (//evil.example, \\/\\/evil.example), or a mailto: with more than one
    recipient (mailto_problem).

    The links are read from cmark-gfm's HTML, the converter the site renders the text with, so
    every way of writing one (inline, reference, <autolink>, escapes, entities) is seen as it is
    rendered. A text without any character such a link needs is not rendered here.
    """
    if not any(marker in text for marker in _MAY_MISLEAD):
        return None
    for m in _HREF.finditer(structure.html(text)):
        target = html.unescape(m[1])
        if _elsewhere(_IGNORED_IN_SCHEME.sub("", target)):
            return max(text.find(target), 0), _unsafe_link(target)  # found once, when there is a problem
        if target[:7].lower() == "mailto:" and (why := mailto_problem(target)):
            return max(text.find(target), 0), why
    return None


class Image(NamedTuple):
    index: int  # where its address is written in the text
    target: str  # its address, as written
    alt: str  # its description, as text


GLOBAL_LOOKUPS = 16  # images whose address is written elsewhere (a reference) looked up in the whole text


def image_targets(text: str) -> list[Image]:
    """Every image a Markdown text shows, inline or by reference: where, its address and its description.

    Read by cmark-gfm, the converter the site renders the text with (render/markup.py, parsed
    in structure.py), so an image's title, a reference definition of a link, or a '![' that
    starts no image is never taken for an image's address; an address the site would blank
    (javascript:) is still found, and refused. The index is where the address is written in the
    image (or, for the first images given by reference, in the text), else where the image starts.
    """
    found, lookups = [], {}
    for image in structure.images(text):
        target = unquote(image.url)
        index = next((i for i in (text.find(target, image.start, image.end),
                                  text.find(image.url, image.start, image.end)) if i >= 0), -1)
        if index < 0 and (target in lookups or len(lookups) < GLOBAL_LOOKUPS):
            if target not in lookups:  # a reference: the definition, written somewhere in the text
                lookups[target] = next((i for i in (text.find(target), text.find(image.url)) if i >= 0), -1)
            index = lookups[target]
        found.append(Image(index if index >= 0 else image.start, target, image.alt))
    return found


@lru_cache(maxsize=None)  # one entry per model class: the types are read once, not for every posting
def _markdown_fields(model: type[BaseModel]) -> frozenset[str]:
    """The names of a model's fields that hold Markdown."""
    return frozenset(name for name, info in model.model_fields.items()
                     if info.annotation is Markdown or Markdown in get_args(info.annotation)
                     or any(getattr(m, "func", None) is _markdown for m in info.metadata))


def markdown_texts(model: BaseModel, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, text) of every Markdown field in a validated content file, nested models and lists included.

    Found from the model's types, so a Markdown field added to the model is never
    left out of the checks made on all of them (images that must exist).
    """
    markdown = _markdown_fields(type(model))
    for name in type(model).model_fields:
        value = getattr(model, name)
        if value is None:
            continue
        if name in markdown:
            yield (*path, name), value
        elif isinstance(value, BaseModel):
            yield from markdown_texts(value, (*path, name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from markdown_texts(item, (*path, name, i))


def is_local(target: str) -> bool:
    """True for an address on the site itself (no scheme, no other host)."""
    cleaned = _IGNORED_IN_SCHEME.sub("", html.unescape(target))
    return not urlsplit(cleaned).scheme and not _elsewhere(cleaned)


def _plain(value: object) -> str:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise _fail("skal være en kort tekst på én linje")
    raw = str(value)
    if found := text_problem(raw.strip(), multiline=False):
        raise _fail(found[1])
    text = " ".join(raw.split())
    if not text:
        raise _fail("må ikke være tom")
    return text


YES, NO = ("ja", "true"), ("nej", "false")


def _yes_no(value: object) -> bool:
    """ja/nej as HR says it, or true/false as YAML writes it; nothing else (not 'yes', '1' or 'måske')."""
    if isinstance(value, bool):
        return value
    text = value.strip().casefold() if isinstance(value, str) else None
    if text in YES:
        return True
    if text in NO:
        return False
    raise _fail(f"{shown(value)} er hverken ja eller nej; skriv ja eller nej (eller true eller false)")


YesNo = Annotated[bool, BeforeValidator(_yes_no), Field(json_schema_extra={
    "type": ["boolean", "string"], "enum": [True, False, "ja", "nej", "Ja", "Nej", "JA", "NEJ"]})]
FREE_TEXT = (_markdown, _plain)  # the validators of running text, where pasted quotes and spaces are harmless
Day = Annotated[date, BeforeValidator(_day)]
Clock = Annotated[time, BeforeValidator(_clock)]
Phone = Annotated[str, BeforeValidator(_phone), Field(json_schema_extra={
    "examples": ["4477 2000"], "type": ["string", "integer"], "pattern": r"^(\+45)?[ -]*(\d[ -]*){8}$"})]
Email = Annotated[str, BeforeValidator(_email), Field(json_schema_extra={"format": "email", "pattern": EMAIL_PATTERN})]
WebUrl = Annotated[str, BeforeValidator(_web_url), Field(json_schema_extra={"format": "uri"})]
LinkTarget = Annotated[str, BeforeValidator(_link_target)]
Markdown = Annotated[str, BeforeValidator(_markdown)]
Plain = Annotated[str, BeforeValidator(_plain)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
