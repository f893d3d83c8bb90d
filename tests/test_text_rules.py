"""The character rules of every content text (generator/fieldtypes.py)."""
from __future__ import annotations

import sys
import unicodedata

from generator.fieldtypes import INVISIBLE, text_problem


def test_the_invisible_characters_are_exactly_unicodes_control_format_and_separator_characters():
    noncharacters = {*range(0xFDD0, 0xFDF0), *(p * 0x10000 + 0xFFFE + i for p in range(17) for i in (0, 1))}
    expected = {c for c in range(sys.maxunicode + 1) if c not in (9, 10)
                and unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs")} | noncharacters
    found = {c for c in range(sys.maxunicode + 1) if INVISIBLE.fullmatch(chr(c))}
    assert found == expected


def test_an_invisible_character_is_named_with_the_words_before_it():
    index, message = text_problem("Vi søger en\u200b pædagog", multiline=False)
    assert index == 11
    assert message.startswith("usynligt tegn U+200B (nulbredde-mellemrum) efter «Vi søger en»")


def test_danish_text_tabs_and_line_ends_are_fine():
    assert text_problem("Løn efter overenskomst – 37 timer/uge, «fuldtid» & mere; < 5 børn\tpr. voksen\n", True) is None
