"""The language a leaflet is written in: a BCP 47 tag (`da`, `ar`, `uk`, `sr-Latn`), and what
follows from it, all from Babel's CLDR data, never from lists of our own: whether the tag is
known, its name in itself ("العربية", "Українська") and in Danish ("arabisk"), its writing
direction (right-to-left for Arabic, Persian, Urdu, Sorani, Hebrew ...) and the script its text
is written in (Arab, Ethi, Cyrl, Latn ...).
"""
from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global

DANISH = "da"
# ISO 639 codes that name no language: undetermined, no linguistic content, multiple, uncoded
# (Babel lists them among languages, and reads 'und' as English); and qaa-qtz, kept for local use.
NOT_LANGUAGES = frozenset({"und", "zxx", "mul", "mis"})


def _subtags(tag: str) -> list[str]:
    return tag.replace("_", "-").split("-")


@lru_cache(maxsize=1)
def _known_languages() -> frozenset[str]:
    return frozenset(Locale("en").languages)


def problem(tag: str) -> str | None:
    """What is wrong with a language tag, in Danish, or None for a tag we can use."""
    parts = _subtags(tag)
    shape = len(tag) <= 35 and all(1 <= len(p) <= 8 and p.isascii() and p.isalnum() for p in parts)
    if not shape or not parts[0].isalpha():
        return (f"{tag[:40]!r} er ikke en sprogkode (BCP 47); skriv fx language: ar (arabisk), uk (ukrainsk), "
                "so (somali), ti (tigrinya), en (engelsk) eller da (dansk)")
    if parts[0].lower() in NOT_LANGUAGES or "qaa" <= parts[0].lower() <= "qtz":
        return (f"{parts[0]!r} er ikke et sprog (koden står for ukendt, flere eller intet sprog); skriv sprogets "
                "egen kode, fx ar (arabisk), uk (ukrainsk), so (somali), ti (tigrinya) eller en (engelsk)")
    if parts[0].lower() not in _known_languages():
        return (f"ukendt sprog {parts[0]!r}; skriv sprogets kode efter ISO 639, fx ar (arabisk), fa (persisk), "
                "ckb (kurdisk sorani), uk (ukrainsk), so (somali), ti (tigrinya), en (engelsk) eller da (dansk)")
    return None


def primary(tag: str) -> str:
    """The language itself, whatever the region or script: 'da-DK' -> 'da'."""
    return _subtags(tag)[0].lower()


def normal(tag: str) -> str:
    """The tag as BCP 47 writes it: language in small letters, script capitalised, region in capitals."""
    parts = _subtags(tag)
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 and part.isalpha() else
                   part.upper() if len(part) == 2 and part.isalpha() else part.lower())
    return "-".join(out)


@lru_cache(maxsize=256)
def _locale(tag: str) -> Locale | None:
    """The closest locale Babel has data for: the whole tag, else its language and script, else its language."""
    parts = _subtags(tag)
    for candidate in ("_".join(parts[:3]), "_".join(parts[:2]), parts[0]):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return None


def own_name(tag: str) -> str:
    """The language's name in the language itself, as a reader of it looks for it ("العربية",
    "Українська", "English", "Soomaali", "ትግርኛ"); Danish's name where Babel has none of its own."""
    locale = _locale(tag)
    name = locale.get_display_name(locale) if locale else None
    if not name:
        name = Locale(DANISH).languages.get(_subtags(tag)[0].lower(), tag)
    return name[:1].upper() + name[1:]


def danish_name(tag: str) -> str:
    """The language's name in Danish ("arabisk", "ukrainsk")."""
    return Locale(DANISH).languages.get(_subtags(tag)[0].lower(), tag)


def direction(tag: str) -> str:
    """'rtl' or 'ltr', as HTML's dir attribute writes it."""
    locale = _locale(tag)
    return "rtl" if locale is not None and locale.character_order == "right-to-left" else "ltr"


def script(tag: str) -> str | None:
    """The ISO 15924 script the language is written in (the tag's own, else CLDR's likely one): 'Arab', 'Latn'."""
    parts = _subtags(tag)
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            return part.title()
    likely = get_global("likely_subtags").get(parts[0].lower())
    if likely:
        for part in likely.split("_")[1:]:
            if len(part) == 4 and part.isalpha():
                return part
    return None
