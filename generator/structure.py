"""Limits by structure: how deep a Markdown text nests and how large its tables
and its HTML become, measured on the tree cmark-gfm parses it into.

A few kilobytes of Markdown can make a page no reader needs and no program
downstream handles: 15 KB of '>' is 15 000 block quotes inside each other
(Material's search parser takes minutes over them, WeasyPrint stops with
Python's "maximum recursion depth"), and a table header of 700 columns over
700 one-character rows is 490 000 cells (6 KB of posting, 4.8 MB of page).
Patterns on the text cannot tell what the parser will make of it (`>>>`,
`> > >`, `- > - >` and indented lines are all nesting); the parser's own tree
can. So each Markdown text is parsed here the way render/markup.py renders it
(cmark-gfm with GitHub's extensions, safe mode) and measured:

- block quotes inside block quotes: at most MAX_QUOTES. A quote in a posting
  is a quotation (a parent, an employee); a quote inside it is already rare.
- lists inside lists: at most MAX_LISTS, three levels as HR.md has always
  said (and the 12 spaces of indentation fieldtypes.TOO_DEEP allows).
- emphasis, strong, strikethrough, links and images inside each other: at
  most MAX_INLINE. `***[Søg her](https://...)***` is three (strong, emphasis,
  link); nobody means a fourth layer, and `*_*_*_` without end is the attack.
- tables: at most MAX_COLUMNS columns (a table wider than 8 cannot be read on
  a phone or fit an A4 page) and MAX_CELLS cells (rows × columns: GitHub's
  tables give every row as many cells as the header has, and every line
  after the header belongs to the table until a blank line). An opening-hours
  table of 7 columns and 50 rows fits.
- the HTML: at most SIZE_RATIO times the Markdown plus SIZE_SLACK bytes.
  Ordinary prose renders to 1.1-1.5 times its size, bulleted lines to about
  3, quotes ('"' becomes '&quot;') to 6, and the densest markup the limits
  above let through (every line a list item holding two empty quotes, the
  bullet changing between '-' and '*') to 15: 16 lets all of that through.
  The slack pays for small texts and for tables within the limits above
  (400 empty cells are about 4 KB). It is the last lock, behind the limits
  above and cmark-gfm's own (which stops expanding a reference link used
  thousands of times and padding very wide tables): HTML that grows faster
  than its text is refused whatever made it, e.g. the 700-column table over
  700 one-character rows (4 KB of text, 4.8 MB of HTML) if the table limits
  were lifted.

The first limit a text breaks is returned as (index in the text, Danish
message saying what to write instead): fieldtypes.text_problem adds it to
the text rules, so `check` and the build refuse such a text at its line
before anything renders it, and whatever reaches Material's search and
WeasyPrint has bounded depth and size.

Everything here is linear in the text: cmark-gfm parses in linear time, the
tree is walked once without recursion and the walk stops at the first breach.

cmarkgfm's Python binding exposes only the parser and the HTML renderer of
cmark-gfm's C API, and its wrappers never free the parsed tree or the HTML
(a 200 KB text leaks some 35 MB). The rest of the C API (the tree, source
positions, freeing) is in the same shared library; it is declared below for
cffi and loaded from there, so the library the site renders with is the one
measured, and every tree and HTML string is freed.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import cffi
from cmarkgfm import _cmark

MAX_QUOTES = 2
MAX_LISTS = 3
MAX_INLINE = 3
MAX_COLUMNS = 8
MAX_CELLS = 400
SIZE_RATIO = 16
SIZE_SLACK = 16_384

# The extensions and options cmarkgfm.github_flavored_markdown_to_html uses: the site's rendering.
EXTENSIONS = (b"table", b"autolink", b"tagfilter", b"strikethrough", b"tasklist")
OPTIONS = _cmark.lib.CMARK_OPT_GITHUB_PRE_LANG
UNSAFE = _cmark.lib.CMARK_OPT_UNSAFE

_ffi = cffi.FFI()
_ffi.cdef("""
typedef struct cmark_node cmark_node;
typedef struct cmark_parser cmark_parser;
typedef struct cmark_syntax_extension cmark_syntax_extension;
typedef struct _cmark_llist cmark_llist;
void cmark_gfm_core_extensions_ensure_registered(void);
cmark_syntax_extension *cmark_find_syntax_extension(const char *name);
cmark_parser *cmark_parser_new(int options);
int cmark_parser_attach_syntax_extension(cmark_parser *parser, cmark_syntax_extension *extension);
void cmark_parser_feed(cmark_parser *parser, const char *buffer, size_t len);
cmark_node *cmark_parser_finish(cmark_parser *parser);
cmark_llist *cmark_parser_get_syntax_extensions(cmark_parser *parser);
void cmark_parser_free(cmark_parser *parser);
char *cmark_render_html(cmark_node *root, int options, cmark_llist *extensions);
void cmark_node_free(cmark_node *node);
cmark_node *cmark_node_first_child(cmark_node *node);
cmark_node *cmark_node_next(cmark_node *node);
cmark_node *cmark_node_parent(cmark_node *node);
int cmark_node_get_type(cmark_node *node);
const char *cmark_node_get_type_string(cmark_node *node);
int cmark_node_get_start_line(cmark_node *node);
int cmark_node_get_start_column(cmark_node *node);
int cmark_node_get_end_line(cmark_node *node);
int cmark_node_get_end_column(cmark_node *node);
const char *cmark_node_get_url(cmark_node *node);
const char *cmark_node_get_literal(cmark_node *node);
uint16_t cmark_gfm_extensions_get_table_columns(cmark_node *node);
""")
_ffi.cdef("void free(void *ptr);")  # the HTML is allocated by cmark's default allocator: the C library's
_lib = _ffi.dlopen(_cmark.__file__)  # the library cmarkgfm loaded: the same parser the site renders with
_libc = _ffi.dlopen(None)
_lib.cmark_gfm_core_extensions_ensure_registered()
_EXTENSIONS = [_lib.cmark_find_syntax_extension(name) for name in EXTENSIONS]
if any(e == _ffi.NULL for e in _EXTENSIONS):
    raise RuntimeError("cmarkgfm's cmark-gfm has not GitHub's extensions (table, autolink, tagfilter, ...)")

# What each node type counts as; looked up by cmark's type number, learnt from its name the first time.
QUOTE, LIST, INLINE, TABLE, LEAF = "quote", "list", "inline", "table", "leaf"
_KIND_OF_NAME = {"block_quote": QUOTE, "list": LIST, "emph": INLINE, "strong": INLINE, "strikethrough": INLINE,
                 "link": INLINE, "image": INLINE, "table": TABLE, "text": LEAF,
                 "softbreak": LEAF, "linebreak": LEAF, "code": LEAF, "html_inline": LEAF, "code_block": LEAF,
                 "html_block": LEAF, "thematic_break": LEAF}
_kinds: dict[int, str | None] = {}
_names: dict[int, str] = {}  # (a table's rows and cells have two names each: the first one seen)


def _kind(node) -> str | None:
    number = _lib.cmark_node_get_type(node)
    if number not in _kinds:
        _kinds[number] = _KIND_OF_NAME.get(_name(node))
    return _kinds[number]


def _name(node) -> str:
    number = _lib.cmark_node_get_type(node)
    if number not in _names:
        _names[number] = _ffi.string(_lib.cmark_node_get_type_string(node)).decode()
    return _names[number]


_CONTINUATION = bytes(range(0x80, 0xC0))  # the bytes of UTF-8 that continue a character


class _Parsed:
    """A text parsed by cmark-gfm as the site renders it; freed on leaving the `with`."""

    def __init__(self, text: str, options: int = OPTIONS):
        self.options, self.text = options, text
        self.data = text.encode("utf-8")
        self._lines: list[int] | None = None
        self._mark = (0, 0)  # (byte, character) of the last place asked for
        self.parser = _lib.cmark_parser_new(options)
        for extension in _EXTENSIONS:
            _lib.cmark_parser_attach_syntax_extension(self.parser, extension)
        _lib.cmark_parser_feed(self.parser, self.data, len(self.data))
        self.root = _lib.cmark_parser_finish(self.parser)

    def __enter__(self) -> _Parsed:
        return self

    def __exit__(self, *exc) -> None:
        _lib.cmark_node_free(self.root)
        _lib.cmark_parser_free(self.parser)

    def index(self, line: int, column: int) -> int:
        """The index in the text of cmark's place: lines from 1, columns in UTF-8 bytes from 1 (clamped
        to the line). The line starts are found once; characters are counted on from the place asked
        for before (places are asked for in the order of the text), so asking for every node is linear."""
        if self._lines is None:
            self._lines = [0]
            at = self.data.find(b"\n")
            while at >= 0:
                self._lines.append(at + 1)
                at = self.data.find(b"\n", at + 1)
        if line < 1:
            return 0
        if line > len(self._lines):
            return len(self.text)
        start = self._lines[line - 1]
        end = self._lines[line] - 1 if line < len(self._lines) else len(self.data)
        at = min(start + max(column - 1, 0), end)
        if at < self._mark[0]:
            self._mark = (0, 0)
        before, chars = self._mark
        chars += len(self.data[before:at].translate(None, _CONTINUATION))  # a character per first byte
        self._mark = (at, chars)
        return chars

    def html(self) -> bytes:
        raw = _lib.cmark_render_html(self.root, self.options, _lib.cmark_parser_get_syntax_extensions(self.parser))
        try:
            return _ffi.string(raw)
        finally:
            _libc.free(raw)


def html(text: str, unsafe: bool = False) -> str:
    """The text as cmark-gfm renders it with GitHub's extensions (what render/markup.py sanitises).

    `unsafe` keeps raw HTML and every link address (for finding what a text holds, never to publish).
    Byte for byte cmarkgfm.github_flavored_markdown_to_html, without its leak.
    """
    if not unsafe and (kept := _RENDERED.get(text)) is not None:  # rendered when its limits were checked
        return kept
    with _Parsed(text, OPTIONS | (UNSAFE if unsafe else 0)) as parsed:
        return parsed.html().decode("utf-8")


class Breach(NamedTuple):
    index: int  # where in the text
    message: str  # what HR is told, in Danish


def _where(parsed: _Parsed, node) -> int:
    """The index in the text where a node starts."""
    while node != _ffi.NULL and _lib.cmark_node_get_start_line(node) <= 0:
        node = _lib.cmark_node_parent(node)  # a cell GitHub's tables add to a short row has no place of its own
    if node == _ffi.NULL:
        return 0
    return parsed.index(_lib.cmark_node_get_start_line(node), _lib.cmark_node_get_start_column(node))


def _messages(kind: str, found: int) -> str:
    if kind == QUOTE:
        return (f"citater inde i citater i mere end {MAX_QUOTES} niveauer (fx '>>>' eller '> > >' først på "
                "linjen); skriv citatet med ét '>' først på linjen")
    if kind == LIST:
        return ("punktlister inde i hinanden i mere end tre niveauer (fx '- - - -' eller '1. 1. 1. 1.' på én "
                "linje, eller punkter rykket langt ind); punktlister kan højst have tre niveauer, så skriv de "
                "dybeste punkter i et af de tre niveauer eller som almindelig tekst")
    if kind == INLINE:
        return (f"fed, kursiv, gennemstregning og links står inde i hinanden i mere end {MAX_INLINE} lag "
                "(fx *_*_ eller ***~~tekst~~***); fremhæv teksten én gang, fx **fed tekst**, og skriv "
                "tegnene * _ ~ med \\ foran (fx \\*), hvis de skal stå i teksten")
    if kind == TABLE:
        return (f"tabellen har {found} kolonner; en tabel må højst have {MAX_COLUMNS} kolonner, så den kan læses "
                "på en telefon og i PDF'en. Del den i flere tabeller, eller skriv indholdet som en punktliste")
    raise ValueError(kind)


def _cells_message(columns: int) -> str:
    return (f"tabellen har over {MAX_CELLS // columns} rækker med {columns} kolonner (mere end {MAX_CELLS} "
            "celler i alt); del den i flere tabeller, eller skriv indholdet som en punktliste. Hver linje under "
            "tabellen hører med til den, indtil der kommer en tom linje, så husk den tomme linje efter tabellen")


def _size_message(source: int, rendered: int) -> str:
    return (f"teksten bliver til {rendered // 1024 or 1} KB HTML, mere end {SIZE_RATIO} gange så meget som de "
            f"{max(source // 1024, 1)} KB, der er skrevet; det sker, når meget korte linjer bliver til hver deres "
            "punkt, citat eller tabelrække, eller når et link med en lang adresse bruges mange gange. Skriv "
            "teksten som almindelige afsnit, og skriv adressen direkte i de få links, der skal være")


def _walk(parsed: _Parsed) -> Breach | None:
    """The first node that breaks a limit, in document order; the tree is walked without recursion."""
    first_child, next_sibling, parent = _lib.cmark_node_first_child, _lib.cmark_node_next, _lib.cmark_node_parent
    null, root = _ffi.NULL, parsed.root
    depth = {QUOTE: 0, LIST: 0, INLINE: 0}
    limit = {QUOTE: MAX_QUOTES, LIST: MAX_LISTS, INLINE: MAX_INLINE}
    node = first_child(root)
    while node != null:
        kind = _kind(node)
        if kind in depth:
            depth[kind] += 1
            if depth[kind] > limit[kind]:
                return Breach(_where(parsed, node), _messages(kind, depth[kind]))
        elif kind == TABLE:  # its children are its rows, the header first
            columns = _lib.cmark_gfm_extensions_get_table_columns(node)
            if columns > MAX_COLUMNS:
                return Breach(_where(parsed, node), _messages(TABLE, columns))
            row, cells = first_child(node), 0
            while row != null:
                cells += columns
                if cells > MAX_CELLS:
                    return Breach(_where(parsed, row), _cells_message(columns))
                row = next_sibling(row)
        child = first_child(node) if kind != LEAF else null
        if child != null:
            node = child
            continue
        while True:  # leave the node, and every parent it was the last child of
            if kind in depth:
                depth[kind] -= 1
            sibling = next_sibling(node)
            if sibling != null:
                node = sibling
                break
            node = parent(node)
            if node == root or node == null:
                return None
            kind = _kind(node)
    return None


_RENDERED: dict[str, str] = {}  # the HTML of the texts checked last (the link check and the page read it next)
KEPT = 1024


@lru_cache(maxsize=1024)  # a leaflet's body is checked whole and part by part; a text may be validated twice
def problem(text: str) -> Breach | None:
    """The first structure limit a Markdown text breaks, or None: nesting, tables, then the HTML's size."""
    with _Parsed(text) as parsed:
        if breach := _walk(parsed):
            return breach
        rendered = parsed.html()
    if len(rendered) > SIZE_RATIO * len(parsed.data) + SIZE_SLACK:
        return Breach(0, _size_message(len(parsed.data), len(rendered)))
    _RENDERED[text] = rendered.decode("utf-8")
    if len(_RENDERED) > KEPT:  # the oldest goes: a dict keeps its order
        del _RENDERED[next(iter(_RENDERED))]
    return None


class Image(NamedTuple):
    start: int  # index in the text of its '!['
    end: int  # index just after its ')' (or its reference)
    url: str  # its address as the text gives it (entities and escapes resolved, not percent-decoded)
    alt: str  # its description as the HTML's alt attribute has it (the text of everything inside)


@lru_cache(maxsize=256)  # asked for by the text rules and by the check for missing pictures
def images(text: str) -> tuple[Image, ...]:
    """Every image a Markdown text shows, in order, as cmark-gfm parses it (an image in an image's
    description is part of that description, as in the HTML)."""
    if "![" not in text:
        return ()
    found = []
    with _Parsed(text) as parsed:
        first_child, next_sibling, parent = _lib.cmark_node_first_child, _lib.cmark_node_next, _lib.cmark_node_parent
        null, root = _ffi.NULL, parsed.root
        node = first_child(root)
        while node != null:
            name = _name(node)
            if name == "image":
                found.append(_image(parsed, node))
                child = null  # its description is read by _image
            else:
                child = first_child(node) if _kind(node) != LEAF else null
            if child != null:
                node = child
                continue
            while node != root:
                sibling = next_sibling(node)
                if sibling != null:
                    node = sibling
                    break
                node = parent(node)
            else:
                break
    return tuple(found)


def _image(parsed: _Parsed, image) -> Image:
    """An image node: its place, its address, and its description as plain text (cmark's alt attribute:
    the literal text of everything inside, a line break as a space)."""
    alt: list[bytes] = []
    first_child, next_sibling, parent = _lib.cmark_node_first_child, _lib.cmark_node_next, _lib.cmark_node_parent
    node = first_child(image)
    while node != _ffi.NULL:
        name = _name(node)
        if name in ("text", "code", "html_inline"):
            alt.append(_ffi.string(_lib.cmark_node_get_literal(node)))
        elif name in ("softbreak", "linebreak"):
            alt.append(b" ")
        child = first_child(node)
        if child != _ffi.NULL:
            node = child
            continue
        while node != image:
            sibling = next_sibling(node)
            if sibling != _ffi.NULL:
                node = sibling
                break
            node = parent(node)
        else:
            break
    url = _lib.cmark_node_get_url(image)
    start = parsed.index(_lib.cmark_node_get_start_line(image), _lib.cmark_node_get_start_column(image))
    end = parsed.index(_lib.cmark_node_get_end_line(image), _lib.cmark_node_get_end_column(image)) + 1
    return Image(start, max(end, start), _ffi.string(url).decode("utf-8") if url != _ffi.NULL else "",
                 b"".join(alt).decode("utf-8"))
