"""A Content-Security-Policy for every page, as a <meta> tag first in <head>.

GitHub Pages lets a site set no HTTP headers, so the policy travels in the
page itself. It allows scripts from the site and, by their sha256 hashes, the
inline scripts the finished page really has (the theme's `__md_scope` and
anchor scripts, the job filter's): those must run, while anything injected
later - an `onerror=` or `onclick=` attribute, a `<script>` added to a built
page - has no hash and does not run. So no 'unsafe-inline' for scripts.

The hashes are of the exact text the browser hashes: the characters between
`<script ...>` and the `</script` that ends the element under the HTML
tokenizer's rules (comments, raw-text elements, script data escaping), after
the input stream's newline normalization. A page without <head> is left alone;
a policy already in the page is replaced, so a page never carries two.
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from functools import cached_property

# Material's search runs in a Web Worker (worker-src) and the page fetches search_index.json
# (connect-src); the search results' icons are data: SVGs in its stylesheet (img-src); no web
# fonts come from elsewhere (theme.font: false). The theme styles through the CSSOM, which CSP
# allows, so 'unsafe-inline' for styles is for style="" in hand-written pages (attr_list); it
# lets no script run. Nothing on the site is framed, embedded or needs <base>.
DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),  # + the hashes of the page's inline scripts
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
    ("frame-src", "'none'"),
)

# https://mimesniff.spec.whatwg.org/#javascript-mime-type
JAVASCRIPT_TYPES = frozenset(
    ["application/ecmascript", "application/javascript", "application/x-ecmascript",
     "application/x-javascript", "text/ecmascript", "text/javascript", "text/jscript",
     "text/livescript", "text/x-ecmascript", "text/x-javascript"]
    + [f"text/javascript1.{n}" for n in range(6)])

_WS = "\t\n\f\r "
# Elements whose content the tokenizer reads as text up to their end tag (noscript: scripting on).
_RAW_TEXT = frozenset({"style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea"})
_TAG_NAME = re.compile(r"[A-Za-z][^\t\n\f\r />]*")
_ATTRIBUTE = re.compile(r"""[\t\n\f\r /]*(?:([^\t\n\f\r />][^\t\n\f\r />=]*)"""
                        r"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*("[^"]*"?|'[^']*'?|[^\t\n\f\r >]*))?)?""")
# The same grammar for a whole tag at once (most tags' attributes are never looked at); atomic
# groups, so no backtracking. An unclosed quote runs to the end of the file, as in the tokenizer.
_WHOLE_TAG = re.compile(r"""([A-Za-z][^\t\n\f\r />]*)((?:[\t\n\f\r /]+|[^\t\n\f\r />][^\t\n\f\r />=]*"""
                        r"""(?>[\t\n\f\r ]*=[\t\n\f\r ]*(?>"[^"]*(?:"|\Z)|'[^']*(?:'|\Z)|"""
                        r"""[^\t\n\f\r >"'][^\t\n\f\r >]*|(?=>)|\Z))?)*+)>""")
_CSP_VALUE = "content-security-policy"


@dataclass
class Tag:
    name: str
    start: int  # offset of "<"
    end: int  # offset just past ">"
    source: str  # what lies between the name and ">"

    @cached_property
    def attributes(self) -> dict[str, str]:
        attributes, pos = {}, 0
        while pos < len(self.source):
            attribute = _ATTRIBUTE.match(self.source, pos)
            pos = max(attribute.end(), pos + 1)
            if attribute.group(1):
                value = attribute.group(2) or ""
                if value[:1] in ("'", '"'):
                    value = value[1:-1] if len(value) > 1 and value[-1] == value[0] else value[1:]
                attributes.setdefault(attribute.group(1).lower(), value)
        return attributes


@dataclass
class Script:
    tag: Tag
    text: str  # as the browser hashes it

    @property
    def executable(self) -> bool:
        if "src" in self.tag.attributes:  # its text is not what runs
            return False
        kind = self.tag.attributes.get("type")  # the spec's "script block's type string"
        if kind is None:
            language = self.tag.attributes.get("language", "")
            kind = f"text/{language}" if language else ""
        kind = kind.strip(_WS).lower()
        # Import maps and speculation rules are no JavaScript, but CSP checks them the same way.
        return kind == "" or kind in JAVASCRIPT_TYPES or kind in ("module", "importmap", "speculationrules")


def add_csp(html: str) -> str:
    """The page with its Content-Security-Policy as the first element of <head>."""
    head, scripts, policies = _scan(html)
    if head is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(scripts)}">'
    keep, last = [], 0
    for old in policies:  # a second call replaces the first call's policy
        keep.append(html[last:old.start])
        last = old.end
    keep.append(html[last:])
    html = "".join(keep)
    at = head.end - sum(p.end - p.start for p in policies if p.end <= head.end)
    return html[:at] + meta + html[at:]


def policy(scripts: list[Script]) -> str:
    hashes = list(dict.fromkeys(f"'sha256-{script_hash(s.text)}'" for s in scripts if s.executable))
    return "; ".join(f"{name} {' '.join([value, *hashes])}" if name == "script-src" else f"{name} {value}"
                     for name, value in DIRECTIVES)


def script_hash(text: str) -> str:
    """The base64 sha256 of a script's text, as CSP's 'sha256-…' source expects it."""
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def inline_scripts(html: str) -> list[Script]:
    """Every <script> element of the page with the text the browser sees in it."""
    return _scan(html)[1]


def _scan(html: str) -> tuple[Tag | None, list[Script], list[Tag]]:
    """The first <head> start tag, the scripts and any CSP <meta> tags, following the HTML
    tokenizer closely enough for pages a template wrote: comments, doctype, tags with quoted
    attributes, raw-text elements and script data. (Inline SVG or MathML scripts, which the
    tokenizer reads differently, are read as HTML ones.)"""
    head, scripts, policies = None, [], []
    pos, size = 0, len(html)
    while (pos := html.find("<", pos)) != -1:
        if html.startswith("<!--", pos):
            pos = _comment_end(html, pos + 4)
        elif html.startswith(("<!", "<?"), pos):  # doctype, bogus comment
            pos = _gt(html, pos + 2)
        elif html.startswith("</", pos):
            if _TAG_NAME.match(html, pos + 2):
                pos = _end(html, pos + 2, pos)
            elif html.startswith("</>", pos):
                pos += 3
            else:
                pos = _gt(html, pos + 2)
        elif _TAG_NAME.match(html, pos + 1):
            tag = _tag(html, pos + 1, pos)
            if tag is None:  # the file ends inside the tag: no element
                break
            pos = tag.end
            if tag.name == "head" and head is None:
                head = tag
            elif tag.name == "meta" and tag.attributes.get("http-equiv", "").strip(_WS).lower() == _CSP_VALUE:
                policies.append(tag)
            elif tag.name == "script":
                text_end, pos = _script_data(html, pos)
                scripts.append(Script(tag, _preprocess(html[tag.end:text_end])))
            elif tag.name in _RAW_TEXT:
                pos = _raw_text_end(html, pos, tag.name)
            elif tag.name == "plaintext":
                pos = size
        else:
            pos += 1
    return head, scripts, policies


def _tag(html: str, pos: int, start: int) -> Tag | None:
    """The tag whose name starts at pos (after "<" or "</"), read up to its ">"; None if the
    file ends first."""
    if whole := _WHOLE_TAG.match(html, pos):
        return Tag(whole.group(1).lower(), start, whole.end(), whole.group(2))
    return None


def _end(html: str, pos: int, start: int) -> int:
    """Just past the tag whose name starts at pos (the end of the file if it has no ">")."""
    tag = _tag(html, pos, start)
    return len(html) if tag is None else tag.end


def _gt(html: str, pos: int) -> int:
    end = html.find(">", pos)
    return len(html) if end == -1 else end + 1


def _comment_end(html: str, pos: int) -> int:
    """Just past the comment whose text starts at pos ("<!-->" and "<!--->" are comments too)."""
    if html.startswith(">", pos):
        return pos + 1
    if html.startswith("->", pos):
        return pos + 2
    ends = [e for e in (html.find("-->", pos), html.find("--!>", pos)) if e != -1]
    if not ends:
        return len(html)
    end = min(ends)
    return end + (3 if html.startswith("-->", end) else 4)


def _end_tag_at(html: str, pos: int, name: str) -> bool:
    """Whether an end tag </name followed by whitespace, "/" or ">" starts at pos."""
    after = pos + 2 + len(name)
    return (html.startswith("</", pos) and html[pos + 2:after].lower() == name
            and after < len(html) and html[after] in _WS + "/>")


def _raw_text_end(html: str, pos: int, name: str) -> int:
    while (pos := html.find("</", pos)) != -1:
        if _end_tag_at(html, pos, name):
            return _end(html, pos + 2, pos)
        pos += 2
    return len(html)


def _script_data(html: str, pos: int) -> tuple[int, int]:
    """Where the script's text that starts at pos ends, and where its end tag does: the
    tokenizer's script data states, in which "<!--" and "<script" can hide a "</script>"."""
    state, size = "data", len(html)
    while pos < size:
        if state == "data":
            nxt = html.find("<", pos)
            if nxt == -1:
                break
            if _end_tag_at(html, nxt, "script"):
                return nxt, _end(html, nxt + 2, nxt)
            if html.startswith("<!--", nxt):
                state, pos = "escaped", nxt + 4
                while html.startswith("-", pos):
                    pos += 1
                if html.startswith(">", pos):  # "<!-->", "<!--->": the dashes close it again
                    state, pos = "data", pos + 1
                continue
            pos = nxt + 1
        else:  # "escaped" or "double": after "<!--" (and, for double, "<script")
            hits = [h for h in (html.find("-->", pos), html.find("<", pos)) if h != -1]
            if not hits:
                break
            nxt = min(hits)
            if html.startswith("-->", nxt):
                state, pos = "data", nxt + 3
            elif state == "escaped" and _end_tag_at(html, nxt, "script"):
                return nxt, _end(html, nxt + 2, nxt)
            elif state == "escaped" and _start_tag_at(html, nxt + 1, "script"):
                state, pos = "double", nxt + 7
            elif state == "double" and _end_tag_at(html, nxt, "script"):
                state, pos = "escaped", nxt + 8
            else:
                pos = nxt + 1
    return size, size


def _start_tag_at(html: str, pos: int, name: str) -> bool:
    after = pos + len(name)
    return html[pos:after].lower() == name and after < len(html) and html[after] in _WS + "/>"


def _preprocess(text: str) -> str:
    """The input stream as the tokenizer sees it: CR LF and CR become LF; NUL in script data
    becomes U+FFFD."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
