"""Parser-based proof that a built site carries no active content.

Postings come from pull requests, so every byte of the built site is treated
as hostile. String searches miss what a browser (or calendar app, feed reader,
PDF viewer) would still run: entities inside `javascript:`, handlers on SVG
elements, HTML escaped inside an Atom feed, JavaScript hidden in a PDF's
object tree. So each output format is read here with a real parser, the way
its consumer reads it, and every place that can run code or fetch from a
third party is reported as a `Finding`.

    findings = scan_site(site_dir, baseline(clean_site_dir))
    assert_clean(findings)

Script elements are the one thing the theme legitimately emits; they are
accepted only when the clean build (the `Baseline`) has the same script on
pages of the same kind.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator

import html5lib
import icalendar
from html5lib import _tokenizer  # private, see _Parser
from html5lib.constants import tokenTypes
from icalendar.parser import Contentlines
from lxml import etree
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

__all__ = ["Finding", "Baseline", "baseline", "scan_site", "assert_clean", "page_kind", "site_hosts_of"]


@dataclass(frozen=True)
class Finding:
    file: str     # path relative to the site root, with "/" separators
    what: str     # the class of problem, e.g. "event handler"
    detail: str   # where and what exactly, short enough to read in a test failure

    def __str__(self) -> str:
        return f"{self.file}: {self.what}: {self.detail}"


def assert_clean(findings: Iterable[Finding]) -> None:
    """Fail with one readable line per finding."""
    findings = list(findings)
    if findings:
        lines = "\n".join(f"  - {f}" for f in findings)
        raise AssertionError(f"{len(findings)} active-content finding(s):\n{lines}")


# --------------------------------------------------------------------------- URLs

DANGEROUS_SCHEMES = {"javascript", "vbscript", "data", "file"}
_STRIP = re.compile(r"[\x00-\x20\x7f]")        # browsers drop tab/newline inside URLs, trim the rest
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


def _compact(value: str) -> str:
    """The URL as the browser's URL parser sees it (entities are already decoded by the parser)."""
    return _STRIP.sub("", value)


def _scheme(url: str) -> str | None:
    m = _SCHEME.match(_compact(url))
    return m.group(1).lower() if m else None


def _remote_host(url: str) -> str | None:
    """Where a resource URL loads from: None for the site's own relative URLs, else the
    host ("host" or "host:port"), or "scheme:" for a non-http scheme."""
    u = _compact(url).replace("\\", "/")        # browsers read "\" as "/" in http(s) URLs
    scheme = _scheme(u)
    if scheme is None:
        if not u.startswith("//"):
            return None
        rest = u[2:]
    elif scheme in ("http", "https"):
        rest = u[len(scheme) + 1:].lstrip("/")   # "https:host" and "https:///host" reach a host too
    else:
        return scheme + ":"
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].rsplit("@", 1)[-1].lower()
    return host or "?"


def _host_allowed(host: str, allowed: frozenset[str]) -> bool:
    return host in allowed or host.split(":")[0] in allowed


def _srcset_urls(value: str) -> list[str]:
    """The URL of each srcset candidate ("a.png 1x, b.png 2x")."""
    return [part.split()[0] for part in re.split(r",\s+|,$", value.strip()) if part.split()]


# --------------------------------------------------------------------------- CSS

def _css_unescape(css: str) -> str:
    def repl(m: re.Match) -> str:
        if m.group(1):
            code = int(m.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return m.group(2)
    return re.sub(r"\\(?:([0-9a-fA-F]{1,6})[ \t\r\n\f]?|(.))", repl, css, flags=re.S)


def _css_urls(css: str) -> list[str]:
    """Every URL CSS would fetch: url(...), @import "...", image-set("...")."""
    css = _css_unescape(re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    urls = [m.group(2) for m in re.finditer(r"url\(\s*(['\"]?)(.*?)\1\s*\)", css, re.I | re.S)]
    urls += [m.group(2) for m in re.finditer(r"@import\s*(['\"])(.*?)\1", css, re.I)]
    for m in re.finditer(r"image-set\(([^)]*)\)", css, re.I):
        urls += re.findall(r"['\"]([^'\"]*)['\"]", m.group(1))
    return urls


# --------------------------------------------------------------------------- HTML

# noscript too: its content parses one way with scripting on and another with it off
# (the classic <noscript><p title="</noscript><img onerror=...>"> trick).
FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "noscript"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "imagesrcset",
                  "data", "background", "cite", "longdesc", "codebase", "manifest", "lowsrc", "dynsrc", "ping"}
# <link rel=...> values that make the browser fetch the href by itself.
LOADING_RELS = {"icon", "stylesheet", "preload", "modulepreload", "prefetch", "prerender", "preconnect",
                "dns-prefetch", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "manifest",
                "import"}
# Elements whose URL attributes are fetched on page load (SVG image/use/feImage too).
RESOURCE_ATTRIBUTES = {"img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
                       "audio": ("src",), "track": ("src",), "image": ("href", "xlink:href"),
                       "use": ("href", "xlink:href"), "feimage": ("href", "xlink:href")}
_NS_PREFIX = {"http://www.w3.org/1999/xlink": "xlink:", "http://www.w3.org/XML/1998/namespace": "xml:"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _attributes(el) -> list[tuple[str, str]]:
    """(name, value) pairs, namespaced ones spelt as in HTML ("xlink:href")."""
    out = []
    for key, value in el.attrib.items():
        if key.startswith("{"):
            ns, local = key[1:].split("}", 1)
            key = _NS_PREFIX.get(ns, "") + local
        out.append((key.lower(), value))
    return out


def _text(el) -> str:
    return "".join(el.itertext())


def _short(value: str, limit: int = 120) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def page_kind(rel: str) -> str:
    """Pages of one kind get the same scripts from the theme: same top-level section
    and depth, e.g. "job/*/" for every posting page, "job/" for the job index."""
    parts = PurePosixPath(rel).parent.parts
    return "/" if not parts else "/".join([parts[0], *["*"] * (len(parts) - 1)]) + "/"


def _script_key(el) -> tuple[str, str, str]:
    """What makes two script elements the same script: src, or else the text (whitespace
    normalised); the type too, so inert JSON cannot become a module."""
    kind = (el.get("type") or "").strip().lower()
    src = el.get("src")
    if src is not None:
        return ("src", kind, src.strip())
    return ("inline", kind, " ".join(_text(el).split()))


@dataclass
class Baseline:
    """The script elements of a clean build, per page kind."""
    scripts: dict[str, set[tuple[str, str, str]]] = field(default_factory=dict)

    def allows(self, kind: str, key: tuple[str, str, str]) -> bool:
        return key in self.scripts.get(kind, set())


def _html_files(site_dir: Path) -> Iterator[Path]:
    for pattern in ("*.html", "*.htm", "*.xhtml"):
        yield from site_dir.rglob(pattern)


class _RecordingTokenizer(_tokenizer.HTMLTokenizer):
    def __iter__(self):
        for token in super().__iter__():
            if token["type"] == tokenTypes["StartTag"]:
                self.parser.start_tags.append(_Tag(token["name"], dict(token["data"])))
            yield token


class _Parser(html5lib.HTMLParser):
    """html5lib's parser (the WHATWG algorithm, scripting on like a visitor's browser) that
    also keeps every start tag the tokenizer produced, even those tree construction drops:
    html5lib 1.1 predates e.g. Chrome's customisable <select>, which keeps the
    <img onerror=...> inside it that html5lib throws away."""

    def reset(self):
        super().reset()
        self.start_tags: list[_Tag] = []

    def mainLoop(self):
        self.tokenizer.__class__ = _RecordingTokenizer
        super().mainLoop()


class _Tag:
    """A start tag as the tokenizer saw it, shaped like an element without content."""

    def __init__(self, name: str, attrib: dict[str, str]):
        self.tag, self.attrib = name, attrib

    def get(self, key: str, default=None):
        return self.attrib.get(key, default)

    def itertext(self):
        return iter(())


def _parse_html(data: bytes | str):
    return _parse_html_tokens(data)[0]


def _parse_html_tokens(data: bytes | str):
    """(tree, start tags): the document as a browser builds it, and every tag in it."""
    parser = _Parser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    tree = parser.parse(data, scripting=True)
    return tree, parser.start_tags


def baseline(site_dir: Path) -> Baseline:
    """Record the scripts of a clean build, so a hostile build's extra ones stand out."""
    site_dir = Path(site_dir)
    base = Baseline()
    for path in _html_files(site_dir):
        kind = page_kind(path.relative_to(site_dir).as_posix())
        for el in _parse_html(path.read_bytes()).iter():
            if isinstance(el.tag, str) and _local(el.tag) == "script":
                base.scripts.setdefault(kind, set()).add(_script_key(el))
    return base


@dataclass(frozen=True)
class _Context:
    file: str
    where: str = ""                    # e.g. the feed entry an HTML fragment came from
    kind: str | None = None            # page kind; None: embedded HTML where no script is acceptable
    baseline: Baseline | None = None
    allowed_hosts: frozenset[str] = frozenset()

    def finding(self, what: str, detail: str) -> Finding:
        return Finding(self.file, what, f"{self.where}: {detail}" if self.where else detail)


def _describe(el) -> str:
    attrs = " ".join(f'{k}="{_short(v, 60)}"' for k, v in _attributes(el))
    return f"<{_local(el.tag)}{' ' + attrs if attrs else ''}>"


def _check_css(css: str, origin: str, ctx: _Context) -> list[Finding]:
    found = []
    for url in _css_urls(css):
        if _scheme(url) in DANGEROUS_SCHEMES:
            found.append(ctx.finding("dangerous URL scheme", f"{origin}: {_short(url, 60)!r}"))
        else:
            host = _remote_host(url)
            if host is not None and not _host_allowed(host, ctx.allowed_hosts):
                found.append(ctx.finding("resource from another host", f"{origin}: {_short(url, 60)!r}"))
    return found


def _scan_tree(root, ctx: _Context) -> list[Finding]:
    """Apply the HTML rules to every element of a parsed tree (HTML, SVG, MathML alike)."""
    return _scan_elements(root.iter(), ctx)


def _scan_elements(elements: Iterable, ctx: _Context) -> list[Finding]:
    found: list[Finding] = []
    for el in elements:
        if not isinstance(el.tag, str):      # comments, processing instructions
            continue
        name = _local(el.tag)
        attrs = _attributes(el)
        described = _describe(el)

        for key, value in attrs:
            if key.rsplit(":", 1)[-1].startswith("on"):
                found.append(ctx.finding("event handler", f"{key}= on {_short(described)}"))
            if key in URL_ATTRIBUTES:
                urls = _srcset_urls(value) if key.endswith("srcset") else [value]
                for url in urls:
                    if _scheme(url) in DANGEROUS_SCHEMES:
                        found.append(ctx.finding("dangerous URL scheme", f"{key}= on {_short(described)}"))
            if key == "style":
                found += _check_css(value, f"style= on <{name}>", ctx)
            if key == "background":
                host = _remote_host(value)
                if host is not None and not _host_allowed(host, ctx.allowed_hosts):
                    found.append(ctx.finding("resource from another host", _short(described)))

        attr = dict(attrs)
        if name in FORBIDDEN_ELEMENTS:
            found.append(ctx.finding("forbidden element", _short(described)))
        elif name in ("script", "style") and isinstance(el, _Tag):
            pass                             # judged on the tree, where their text is
        elif name == "script":
            key = _script_key(el)
            if ctx.kind is None:
                found.append(ctx.finding("script", f"script in embedded HTML: {_short(described)}"))
            elif ctx.baseline is None:
                found.append(ctx.finding("script", f"no baseline to compare with: {_short(described)}"))
            elif not ctx.baseline.allows(ctx.kind, key):
                shown = key[2] if key[0] == "src" else _short(key[2], 80)
                found.append(ctx.finding("script the clean build does not have",
                                         f"{key[0]} {shown!r} on a page of kind {ctx.kind}"))
        elif name == "style":
            found += _check_css(_text(el), "<style>", ctx)
        elif name == "meta" and attr.get("http-equiv", "").strip().lower() == "refresh":
            found.append(ctx.finding("meta refresh", _short(described)))
        elif name in ("animate", "set", "animatemotion", "animatetransform") and (
                attr.get("attributename", "").strip().lower() in ("href", "xlink:href")
                or attr.get("attributename", "").strip().lower().startswith("on")):
            found.append(ctx.finding("SVG animation rewriting a link", _short(described)))

        # Forms that post to another host (form action, button/input formaction).
        for key in ("action", "formaction") if name in ("form", "button", "input") else ():
            if key in attr:
                host = _remote_host(attr[key])
                if host is not None and not _host_allowed(host, ctx.allowed_hosts):
                    found.append(ctx.finding("form to another host", _short(described)))

        # Resources the browser fetches without a click.
        resource_keys: tuple[str, ...] = RESOURCE_ATTRIBUTES.get(name, ())
        if name == "input" and attr.get("type", "").strip().lower() == "image":
            resource_keys = ("src",)
        if name == "link":
            rels = set(attr.get("rel", "").lower().split())
            if "import" in rels:
                found.append(ctx.finding("link rel=import", _short(described)))
            if rels & LOADING_RELS:
                resource_keys = ("href", "imagesrcset")
        for key in resource_keys:
            if key not in attr:
                continue
            for url in _srcset_urls(attr[key]) if key.endswith("srcset") else [attr[key]]:
                host = _remote_host(url)
                if host is not None and not _host_allowed(host, ctx.allowed_hosts) \
                        and _scheme(url) not in DANGEROUS_SCHEMES:   # those are reported above
                    found.append(ctx.finding("resource from another host", f"{key}= on {_short(described)}"))
    return found


def scan_html(data: bytes | str, ctx: _Context) -> list[Finding]:
    tree, tags = _parse_html_tokens(data)
    return list(dict.fromkeys(_scan_tree(tree, ctx) + _scan_elements(tags, ctx)))   # drop repeats


# --------------------------------------------------------------------------- XML (Atom, RSS, SVG)

ATOM = "{http://www.w3.org/2005/Atom}"
ATOM_TEXT = {ATOM + t for t in ("title", "subtitle", "summary", "content", "rights")}
_SAFE_XML = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def scan_xml(data: bytes, ctx: _Context) -> list[Finding]:
    """Feeds carry escaped HTML that readers render: unescape it and apply the HTML rules.
    Parsed with lxml without entity resolution or network; DTDs are findings in themselves."""
    found = []
    if re.search(rb"<!\s*(DOCTYPE|ENTITY)", data, re.I):
        found.append(ctx.finding("XML declares a DOCTYPE or entities", "<!DOCTYPE/<!ENTITY in the file"))
    try:
        root = etree.fromstring(data, etree.XMLParser(**_SAFE_XML))
    except etree.XMLSyntaxError as exc:
        return found + [ctx.finding("unparseable XML", str(exc))]
    if not isinstance(root.tag, str):
        return found
    plain = dict(file=ctx.file, allowed_hosts=ctx.allowed_hosts)

    if root.tag == ATOM + "feed":
        for el in root.iter(ATOM + "*"):
            entry = el if el.tag == ATOM + "entry" else next(el.iterancestors(ATOM + "entry"), None)
            where = f"entry {entry.findtext(ATOM + 'id')}" if entry is not None else "feed"
            sub = _Context(where=f"{where} <{_local(el.tag)}>", **plain)
            if el.tag in ATOM_TEXT:
                kind = (el.get("type") or "text").strip().lower()
                if kind in ("html", "text/html"):
                    found += scan_html(_text(el), sub)
                elif kind in ("xhtml", "application/xhtml+xml"):
                    found += _scan_tree(el, sub)
            for key in ("href", "src"):
                if el.get(key) is not None and _scheme(el.get(key)) in DANGEROUS_SCHEMES:
                    found.append(sub.finding("dangerous URL scheme", f"{key}={_short(el.get(key), 60)!r}"))
            if el.tag in (ATOM + "uri", ATOM + "icon", ATOM + "logo", ATOM + "id") \
                    and _scheme(_text(el)) in DANGEROUS_SCHEMES:
                found.append(sub.finding("dangerous URL scheme", _short(_text(el), 60)))
    elif root.tag == "rss":
        for item in root.iter("item", "channel"):
            for el in item.findall("description"):
                found += scan_html(_text(el), _Context(where=f"<{item.tag}> {item.findtext('link')}", **plain))
    elif _local(root.tag) == "svg":
        found += _scan_tree(root, _Context(**plain))
    return found


# --------------------------------------------------------------------------- iCalendar

# A handler in markup: in a tag, which starts with '<' and a letter ('< 30.000 kr., onsdag = fri' is text).
_HANDLER = re.compile(r"<[a-z][^>]*(?<![a-z0-9_-])on[a-z]+\s*=", re.I)


def _ical_unescape(value: str) -> str:
    return re.sub(r"\\([nN,;\\])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def scan_ics(data: bytes, ctx: _Context, site_hosts: frozenset[str]) -> list[Finding]:
    """Calendar apps render DESCRIPTION (and X-ALT-DESC HTML) and open URL/ATTACH:
    keep text free of markup and links on the site; every line must parse."""
    found = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [ctx.finding("calendar is not UTF-8", str(exc))]
    try:
        cal = icalendar.Calendar.from_ical(text)
    except Exception as exc:  # icalendar raises ValueError and friends on broken input
        found.append(ctx.finding("invalid calendar", f"icalendar cannot parse it: {exc}"))
    else:
        for component in cal.walk():
            for prop, error in component.errors:   # lines that do not parse are reported below
                if prop is not None:
                    found.append(ctx.finding("invalid calendar value", f"{component.name} {prop}: {error}"))

    for line in Contentlines.from_ical(text):
        if not line:
            continue
        try:
            name, params, raw = line.parts()
        except ValueError as exc:
            found.append(ctx.finding("invalid calendar line", _short(str(exc))))
            continue
        value = _ical_unescape(raw)
        compact = _compact(value).lower()
        if "<script" in compact or "javascript:" in compact or "vbscript:" in compact or _HANDLER.search(value):
            found.append(ctx.finding("active content in calendar text", f"{name}: {_short(value)}"))
        if (params.get("FMTTYPE") or "").lower() == "text/html":
            found += scan_html(value, _Context(ctx.file, where=name, allowed_hosts=ctx.allowed_hosts))
        if name in ("URL", "ATTACH"):
            if (params.get("VALUE") or "").upper() == "BINARY" or params.get("ENCODING"):
                found.append(ctx.finding("calendar carries an attachment", f"{name} with inline data"))
                continue
            host = _remote_host(value)
            if _scheme(value) not in ("http", "https") or host is None or not _host_allowed(host, site_hosts):
                found.append(ctx.finding("calendar link off the site", f"{name}: {_short(value, 80)}"))
    return found


# --------------------------------------------------------------------------- JSON

_TAG = re.compile(r"<[a-zA-Z/!]")
_JSON_SCRIPT_URL = re.compile(r"(?<![a-z0-9+.-])(?:javascript|vbscript):", re.I)  # in the compacted text
# A data URL: 'data:', a media type and its parameters, ','. In the text with only tabs and line
# breaks taken out (as a browser does inside a URL): 'Data: trivsel/udvikling, ...' is words.
_JSON_DATA_URL = re.compile(r"(?<![a-z0-9+.-])data:[\w.+/=;-]*,", re.I)
# Fields that hold HTML by design and are rendered as HTML (Material's search results):
# these get the HTML rules instead of the "no tags at all" rule.
HTML_JSON_FIELDS = {"search_index.json": {"text", "title"}}
# ... and by folder: the Jobnet export's ad text is HTML by design (the small subset Jobnet takes;
# generator/render/jobnet.py), one file per posting (job/jobnet/<id>.json).
HTML_JSON_FOLDERS = {"job/jobnet": {"text_html"}}


def _json_strings(obj, path: str = "$") -> Iterator[tuple[str, str, str]]:
    """(path, key the string sits under, string) for every key and string value."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield f"{path}.{key}", "", key
            if isinstance(value, str):
                yield f"{path}.{key}", key, value
            else:
                yield from _json_strings(value, f"{path}.{key}")
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            if isinstance(value, str):
                yield f"{path}[{i}]", "", value
            else:
                yield from _json_strings(value, f"{path}[{i}]")


def scan_json(data: bytes, ctx: _Context) -> list[Finding]:
    """JSON is inserted into pages by scripts: no markup and no script URLs in any string."""
    try:
        doc = json.loads(data)
    except ValueError as exc:
        return [ctx.finding("invalid JSON", str(exc))]
    parent = PurePosixPath(ctx.file).parent.as_posix()  # from the scanned folder: the site, or a part of it
    html_fields = HTML_JSON_FIELDS.get(PurePosixPath(ctx.file).name, set()).union(
        *(fields for folder, fields in HTML_JSON_FOLDERS.items() if (folder + "/").endswith("/" + parent + "/")
          or folder == parent))
    found = []
    for path, key, value in _json_strings(doc):
        if key in html_fields:
            found += scan_html(value, _Context(ctx.file, where=path, allowed_hosts=ctx.allowed_hosts))
            continue
        if _TAG.search(value):
            found.append(ctx.finding("HTML in JSON string", f"{path}: {_short(value, 80)}"))
        if _JSON_SCRIPT_URL.search(_compact(value)) or _JSON_DATA_URL.search(re.sub(r"[\t\r\n]", "", value)):
            found.append(ctx.finding("dangerous URL in JSON string", f"{path}: {_short(value, 80)}"))
    return found


# --------------------------------------------------------------------------- PDF

PDF_ACTIONS = {"/JavaScript", "/Launch", "/GoToR", "/GoToE", "/ImportData", "/SubmitForm"}
PDF_KEYS = {"/JS": "JavaScript (/JS)", "/JavaScript": "JavaScript name tree", "/EmbeddedFiles": "embedded files",
            "/EF": "embedded file", "/XFA": "XFA form (can carry scripts)"}
PDF_URI_SCHEMES = {"http", "https", "mailto", "tel"}


def _pdf_objects(reader: PdfReader) -> Iterator[tuple[str, DictionaryObject]]:
    """Every dictionary reachable from the trailer, plus every object in the xref
    (an unreferenced object is inert today but a repair by a viewer may find it)."""
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[str, object]] = [("trailer", reader.trailer)]
    for gen, table in getattr(reader, "xref", {}).items():
        stack += [(f"obj {num} {gen}", IndirectObject(num, gen, reader)) for num in table]
    stack += [(f"obj {num} 0", IndirectObject(num, 0, reader)) for num in getattr(reader, "xref_objStm", {})]
    while stack:
        label, obj = stack.pop()
        if isinstance(obj, IndirectObject):
            ref = (obj.idnum, obj.generation)
            if ref in seen:
                continue
            seen.add(ref)
            label = f"obj {obj.idnum} {obj.generation}"
            try:
                obj = obj.get_object()
            except Exception:  # a dangling reference resolves to nothing
                continue
        if isinstance(obj, DictionaryObject):       # stream objects are dictionaries too
            yield label, obj
            stack += [(label, value) for value in obj.values()]
        elif isinstance(obj, ArrayObject):
            stack += [(label, value) for value in obj]


def scan_pdf(path: Path, ctx: _Context) -> list[Finding]:
    """PDF viewers run JavaScript, launch programs, open attachments and submit forms."""
    found = []
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return [ctx.finding("encrypted PDF", "cannot be inspected")]
        objects = list(_pdf_objects(reader))
    except Exception as exc:
        return [ctx.finding("unreadable PDF", str(exc))]
    for label, d in objects:
        for key, what in PDF_KEYS.items():
            if key in d:
                found.append(ctx.finding(f"PDF {what}", f"{key} in {label}"))
        action = d.get("/S")
        if action in PDF_ACTIONS:
            found.append(ctx.finding(f"PDF action {action}", label))
        if action == "/URI":
            uri = str(d.get("/URI", ""))
            if _scheme(uri) not in PDF_URI_SCHEMES:
                found.append(ctx.finding("PDF link with a disallowed scheme", f"{_short(uri, 80)!r} in {label}"))
        if d.get("/Subtype") == "/FileAttachment":
            found.append(ctx.finding("PDF file attachment annotation", label))
        if d.get("/Type") == "/EmbeddedFile":
            found.append(ctx.finding("PDF embedded file stream", label))
        open_action = d.get("/OpenAction")
        if open_action is not None:
            target = open_action.get_object()
            if isinstance(target, DictionaryObject) and (target.get("/S") == "/JavaScript" or "/JS" in target):
                found.append(ctx.finding("PDF /OpenAction runs JavaScript", label))
    return found


# --------------------------------------------------------------------------- pictures and assets

IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP", ".gif": "GIF", ".ico": "ICO"}
# What else the site's assets/ may hold: the theme's styles, scripts, fonts and the feed's stylesheet.
ASSET_SUFFIXES = {".css", ".js", ".map", ".xsl", ".woff", ".woff2", ".ttf", ".json", ".txt", ".svg"}
UPLOADED = ("assets/billeder/", "foldere/")  # where pictures from content are published (generator/media.py)


def scan_image(data: bytes, ctx: _Context, suffix: str, uploaded: bool) -> list[Finding]:
    """A picture must be the image its extension names, and nothing more: no bytes after the
    image's end (a polyglot) and, when it came from content, no metadata (EXIF, GPS, XMP, text)."""
    import io
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
        return [ctx.finding("picture that does not decode", str(err)[:80])]
    found = []
    if image.format != IMAGE_FORMATS[suffix]:
        found.append(ctx.finding("picture whose bytes are another format", f"{image.format} named {suffix}"))
    lowered = data.lower()
    for marker in (b"<script", b"<html", b"<svg", b"<iframe", b"javascript:"):
        if marker in lowered:
            found.append(ctx.finding("markup inside a picture (polyglot)", marker.decode()))
    if uploaded:
        meta = [k for k in ("exif", "xmp", "comment", "icc_profile") if image.info.get(k)]
        meta += [f"text chunk {k}" for k in getattr(image, "text", {})]
        if image.getexif():
            meta.append("EXIF tags")
        if meta:
            found.append(ctx.finding("metadata left in an uploaded picture", ", ".join(meta)))
    return found


def scan_asset(path: Path, rel: str, ctx: _Context) -> list[Finding]:
    """Every file under assets/ or a media folder that is not a page: a picture as above, or one of the
    types the theme ships; anything else (an uploaded .html, .pdf, .exe renamed) is a finding."""
    suffix = path.suffix.lower()
    uploaded = rel.startswith(UPLOADED)
    if suffix in IMAGE_FORMATS:
        return scan_image(path.read_bytes(), ctx, suffix, uploaded)
    if uploaded and suffix not in (".pdf",) or suffix not in ASSET_SUFFIXES | {".pdf", ".html", ".xml"}:
        return [ctx.finding("unexpected file type in the site's assets", rel)]
    return []


# --------------------------------------------------------------------------- the site

def site_hosts_of(site_dir: Path) -> frozenset[str]:
    """The site's own host, read from the sitemap MkDocs writes from site_url."""
    sitemap = Path(site_dir) / "sitemap.xml"
    if sitemap.is_file():
        try:
            root = etree.fromstring(sitemap.read_bytes(), etree.XMLParser(**_SAFE_XML))
        except etree.XMLSyntaxError:
            return frozenset()
        for loc in root.iter("{*}loc"):
            host = _remote_host(loc.text or "")
            if host and not host.endswith(":"):
                return frozenset({host})
    return frozenset()


def scan_site(site_dir: Path, baseline: Baseline | None = None, *,
              allowed_hosts: Iterable[str] = (), site_hosts: Iterable[str] | None = None) -> list[Finding]:
    """Scan every HTML, XML, iCalendar, JSON and PDF file of a built site, and every file under
    assets/ and the media folders (pictures decoded; other types held to what the theme ships).

    allowed_hosts: hosts pages may load images, styles etc. from (default none: only the
    site's relative URLs). site_hosts: the site's own host(s), where calendar URLs may
    point; by default read from sitemap.xml. Without a baseline every script is a finding.
    """
    site_dir = Path(site_dir)
    allowed = frozenset(h.lower() for h in allowed_hosts)
    own = frozenset(h.lower() for h in site_hosts) if site_hosts is not None else site_hosts_of(site_dir)
    found: list[Finding] = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        ctx = _Context(rel, kind=page_kind(rel), baseline=baseline, allowed_hosts=allowed)
        suffix = path.suffix.lower()
        if rel.startswith(("assets/", *UPLOADED)) and suffix not in (".html", ".xml", ".svg", ".pdf"):
            found += scan_asset(path, rel, ctx)
        elif suffix in (".html", ".htm", ".xhtml"):
            found += scan_html(path.read_bytes(), ctx)
        elif suffix in (".xml", ".svg", ".atom", ".rss"):
            found += scan_xml(path.read_bytes(), ctx)
        elif suffix in (".ics", ".ical", ".ifb"):
            found += scan_ics(path.read_bytes(), ctx, own | allowed)
        elif suffix == ".json":
            found += scan_json(path.read_bytes(), ctx)
        elif suffix == ".pdf":
            found += scan_pdf(path, ctx)
    return found
