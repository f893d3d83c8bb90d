"""A Content-Security-Policy for every page, as a <meta> tag first in <head>.

GitHub Pages lets a site set no HTTP headers, so the policy travels in the
page itself. Scripts may come from the site, and the inline scripts of the
theme (Material's `__md_scope` and anchor scripts, the `jobsite-js` mark in
overrides/main.html) run by their sha256 hashes, computed on the finished
page. Nothing else inline runs: no `onerror=`/`onclick=` attribute, and no
`<script>` inside the page's content (<article>), where text from content
files lands, is ever given a hash. So no 'unsafe-inline' for scripts.

The pages come from our templates, so a regular expression finds their
scripts; the hash is of the script's exact text, as the browser hashes it.

The preview, opened from disk (file://), keeps the same rule: its search page loads the
light index as a script file of the site (generator/mkdocs/search.py).

The search (Pagefind, loaded by assets/search.js on the page "Søg" only) compiles its
WebAssembly module, which CSP allows only with 'wasm-unsafe-eval' in script-src: that lets a
page compile WebAssembly from bytes it fetched, and nothing else (no eval(), no inline script);
only the page that loads the search's script gets it.
Its worker (pagefind/pagefind-worker.js) and the index's files are the site's own ('self').
"""
from __future__ import annotations

import base64
import hashlib
import re

# The search runs in a Web Worker of the site (worker-src) and fetches its index files, as
# Material fetches sitemap.xml (connect-src); Material's icons are data: SVGs in its stylesheet
# (img-src); no web fonts (theme.font: false). 'unsafe-inline' for styles only lets a style=""
# in the site's own hand-written pages work; it runs no script. Nothing is framed or embedded.
DIRECTIVES = (
    ("default-src", "'self'"),
    # + the hashes of the theme's inline scripts; + 'wasm-unsafe-eval' on the page that searches (SEARCHES).
    ("script-src", "'self'"),
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

# The page that loads the search's script (the search page "Søg"): Pagefind compiles WebAssembly
# there, which 'wasm-unsafe-eval' allows (it allows no eval() and no inline script). No other page
# gets it.
SEARCHES = re.compile(r"""<script\b[^>]*\bsrc=["'][^"']*\bassets/search\.js["']""", re.I)
WASM = "'wasm-unsafe-eval'"
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_CONTENT = re.compile(r"<article\b.*</article\s*>", re.I | re.S)
_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>', re.I)
_NOT_CODE = re.compile(r"""\bsrc\s*=|\btype\s*=\s*["']?(?!(?:text/javascript|module)\b)""", re.I)


def script_hash(text: str) -> str:
    """The base64 sha256 of a script's text, as CSP's 'sha256-…' source expects it."""
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def theme_scripts(html: str) -> list[str]:
    """The text of each inline script outside the page's content (data and src= scripts aside)."""
    content = _CONTENT.search(html)
    outside = [html[:content.start()], html[content.end():]] if content else [html]
    return [m[2].replace("\r\n", "\n").replace("\r", "\n") for part in outside for m in _SCRIPT.finditer(part)
            if not _NOT_CODE.search(m[1])]


def policy(html: str) -> str:
    """The policy for this page."""
    scripts = theme_scripts(html)
    hashes = " ".join(([WASM] if SEARCHES.search(html) else [])
                      + list(dict.fromkeys(f"'sha256-{script_hash(text)}'" for text in scripts)))
    return "; ".join(f"{name} {value} {hashes}".rstrip() if name == "script-src" else f"{name} {value}"
                     for name, value in DIRECTIVES)


def add_csp(html: str) -> str:
    """The page with its policy as the first element of <head> (replacing one it already has)."""
    if "Content-Security-Policy" in html:
        html = _POLICY.sub("", html)
    head = _HEAD.search(html)
    if head is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html[:head.end()] + meta + html[head.end():]
