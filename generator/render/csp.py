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

The preview, opened from disk (file://), keeps the same rule. There a Web
Worker cannot start, so Material's offline plugin loads the iframe-worker
shim (overrides/assets/javascripts/iframe-worker.js): it runs the search
worker in a hidden iframe and writes, into that iframe, one inline script.
The iframe inherits the page's policy, so that script needs a hash too. Its
text is known: two functions of the shim, copied as the browser prints them
(Function.prototype.toString gives their exact source), and the worker's
address as the page's `__config` names it ("../assets/.../search.*.js",
relative, so the same wherever the preview is unpacked). So each preview
page's policy carries that script's hash, computed from its own `__config`,
and no 'unsafe-inline'. tests/test_csp.py holds the two functions to the
shim's file; tests/test_hr_preview.py searches the preview from disk.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re

# Material's search runs in a Web Worker (worker-src) and the page fetches search_index.json
# and sitemap.xml (connect-src); the search results' icons are data: SVGs in its stylesheet
# (img-src); no web fonts (theme.font: false). 'unsafe-inline' for styles only lets a style=""
# in the site's own hand-written pages work; it runs no script. Nothing is framed or embedded.
DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),  # + the hashes of the theme's inline scripts
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


# The two functions of iframe-worker 1.0.4's shim that its iframe script is made of, as written
# in overrides/assets/javascripts/iframe-worker.js (tests/test_csp.py checks they still are).
SHIM_POST_MESSAGE = 'function c(s,n){parent.postMessage(s,n||"*")}'
SHIM_IMPORT_SCRIPTS = ('function d(...s){return s.reduce((n,e)=>n.then(()=>new Promise(r=>{let t=document.'
                       'createElement("script");t.src=e,t.onload=r,document.body.appendChild(t)})),Promise.resolve())}')
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def shim_script(worker: str) -> str:
    """The inline script the iframe-worker shim writes into its iframe for the worker at `worker`."""
    return (f"postMessage={SHIM_POST_MESSAGE};importScripts={SHIM_IMPORT_SCRIPTS};"
            f'addEventListener("error",({{error}})=>{{parent.dispatchEvent(new ErrorEvent("error",'
            f'{{filename:"{worker}",error}}))}})')


_WORKER = re.compile(r"[A-Za-z0-9_./-]+\.js")  # a relative address of the theme's own file


def search_worker(html: str) -> str | None:
    """The search worker's address as the theme gives it to Material (its `__config`, outside the
    page's content), or None."""
    content = _CONTENT.search(html)
    outside = html[:content.start()] + html[content.end():] if content else html
    config = _CONFIG.search(outside)
    try:
        worker = json.loads(config[1]).get("search") if config else None
    except (ValueError, AttributeError):
        return None
    return worker if isinstance(worker, str) and _WORKER.fullmatch(worker) else None


def policy(html: str, offline: bool = False) -> str:
    """The policy for this page. `offline` (the preview opened from disk): also the hash of the
    script the iframe-worker shim writes into its iframe to run the search there."""
    scripts = theme_scripts(html)
    if offline and (worker := search_worker(html)):
        scripts.append(shim_script(worker))
    hashes = " ".join(dict.fromkeys(f"'sha256-{script_hash(text)}'" for text in scripts))
    return "; ".join(f"{name} {value} {hashes}".rstrip() if name == "script-src" else f"{name} {value}"
                     for name, value in DIRECTIVES)


def add_csp(html: str, offline: bool = False) -> str:
    """The page with its policy as the first element of <head> (replacing one it already has)."""
    if "Content-Security-Policy" in html:
        html = _POLICY.sub("", html)
    head = _HEAD.search(html)
    if head is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, offline)}">'
    return html[:head.end()] + meta + html[head.end():]
