"""Built pages without the indentation of the theme's templates.

Material's templates indent deeply, and a quarter of a posting page's bytes
are blank lines and leading spaces. Runs of whitespace that contain a line
break become one line break, which a browser renders the same, except inside
elements where whitespace is kept (pre, textarea, code) or may matter
(script, style); those are left exactly as they are.
"""
from __future__ import annotations

import re

_KEEP = re.compile(r"<(pre|textarea|code|script|style)\b.*?</\1\s*>", re.S | re.I)
_BREAK = re.compile(r"\n\s+")


def compact(html: str) -> str:
    out, last = [], 0
    for kept in _KEEP.finditer(html):
        out.append(_BREAK.sub("\n", html[last:kept.start()]))
        out.append(kept[0])
        last = kept.end()
    out.append(_BREAK.sub("\n", html[last:]))
    return "".join(out)

