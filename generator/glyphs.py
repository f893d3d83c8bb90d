"""Which characters the PDFs can print: those some installed font has a glyph for.

WeasyPrint finds a font for each character through fontconfig, falling back
from the print stylesheet's fonts to any installed font; a character no font
has is printed as an empty box and is a warning that fails the strict build.
So a text that goes into a PDF (a leaflet, the role descriptions) is checked
against the union of the installed fonts' character sets, as fontconfig
reports them (`fc-list`, from its cache). Where fontconfig is not installed
the PDFs cannot be made either, and nothing is refused for it.
"""
from __future__ import annotations

import shutil
import subprocess
import unicodedata
from bisect import bisect_right
from functools import lru_cache


@lru_cache(maxsize=1)
def _coverage() -> tuple[list[int], list[int]] | None:
    """(starts, ends) of the code point ranges some font covers, merged and sorted; None without fontconfig."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return None
    try:
        out = subprocess.run([fc_list, "--format", "%{charset}\\n"], capture_output=True, text=True,
                             timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    ranges = []
    for part in out.split():  # '20-7e a0-17f 192 ...' per font; anything else (a warning) is skipped
        first, _, last = part.partition("-")
        try:
            ranges.append((int(first, 16), int(last or first, 16)))
        except ValueError:
            continue
    starts: list[int] = []
    ends: list[int] = []
    for first, last in sorted(ranges):
        if ends and first <= ends[-1] + 1:
            ends[-1] = max(ends[-1], last)
        else:
            starts.append(first)
            ends.append(last)
    return (starts, ends) if starts else None


def has_glyph(ch: str) -> bool:
    coverage = _coverage()
    if coverage is None:
        return True
    starts, ends = coverage
    i = bisect_right(starts, ord(ch)) - 1
    return i >= 0 and ord(ch) <= ends[i]


def first_unprintable(text: str) -> int | None:
    """Index of the first character no installed font can print, or None.

    Spaces, line breaks and the invisible characters that only shape a
    neighbour (joiners, variation selectors) are printed as no glyph of
    their own.
    """
    if text.isascii():
        return None  # every text font has ASCII
    for i, ch in enumerate(text):
        if ord(ch) > 0x7F and not _shapes_only(ch) and not has_glyph(ch):
            return i
    return None


def _shapes_only(ch: str) -> bool:
    cp = ord(ch)
    return unicodedata.category(ch) in ("Zs", "Zl", "Zp", "Cc", "Cf") or 0xFE00 <= cp <= 0xFE0F \
        or 0xE0100 <= cp <= 0xE01EF


def message(ch: str) -> str:
    """What HR is told, in Danish (the character, and its code for when it is hard to see)."""
    return (f"tegnet {ch} (U+{ord(ch):04X}) kan ikke skrives i PDF-udgaven: ingen af sitets skrifttyper har det, "
            "så det bliver en tom firkant. Slet tegnet, eller skriv det med ord")


# --- scripts: which writing system a text is in ---------------------------------------------------
# The PDFs print the scripts of the languages leaflets for parents are written in (Arabic for
# Arabic, Persian, Urdu and Sorani; Hebrew; Ethiopic for Tigrinya and Amharic; Cyrillic for
# Ukrainian and Russian; Latin for Somali, English, Turkish ...) with Debian's Noto fonts
# (scripts/ensure-pdf-deps.sh); print.css names the font of each script (:lang()). A character
# of any other script prints when some installed font has it (has_glyph above).

@lru_cache(maxsize=8192)
def script_of(ch: str) -> str:
    """The ISO 15924 script of a character ('Latn', 'Arab', 'Ethi', 'Cyrl'); 'Zyyy' for the common
    characters every script uses (digits, punctuation), 'Zinh' for marks that take their base's."""
    if ch.isascii():
        return "Latn" if ch.isalpha() else "Zyyy"
    from fontTools import unicodedata as fontdata  # Unicode's Scripts.txt; fontTools comes with WeasyPrint
    return fontdata.script(ch)


def letters_by_script(text: str) -> tuple[dict[str, int], dict[str, int]]:
    """How many letters of each script a text has, and where each script's first letter is."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, ch in enumerate(text):
        if not ch.isalpha():
            continue
        code = script_of(ch)
        if code in ("Zyyy", "Zinh", "Zzzz"):
            continue
        counts[code] = counts.get(code, 0) + 1
        first.setdefault(code, i)
    return counts, first
