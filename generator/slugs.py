"""Danish text as a web-address part: 'Pædagogisk leder' -> 'paedagogisk-leder'.

One rule for the ids `new` suggests and for the values the job cards and
filters share (data-role="paedagogisk-leder").
"""
from __future__ import annotations

import re


def slug(text: str) -> str:
    """Small letters a-z and digits, æ/ø/å spelt ae/oe/aa, anything else one hyphen."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
