"""The Content-Security-Policy meta tag (render/csp.py): the theme's inline
scripts are allowed by the hash of their exact text, data and src= scripts are
not hashed, a script inside the page's content never is, the search may compile
its WebAssembly and nothing more, the tag comes first in <head>, and a page
never gets two."""
from __future__ import annotations

import base64
import hashlib
import re

from generator.render import csp

THEME_SCRIPT = ('__md_scope=new URL("..",location),__md_get=(e,_=localStorage,t=__md_scope)=>'
                'JSON.parse(_.getItem(t.pathname+"."+e))')
ANCHOR_SCRIPT = 'var target=document.getElementById(location.hash.slice(1))'
INJECTED = "alert(1)"
PAGE = f"""<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<script>{THEME_SCRIPT}</script>
</head>
<body>
<article class="md-content__inner md-typeset"><p>tekst</p><script>{INJECTED}</script></article>
<script id="__config" type="application/json">{{"base": ".."}}</script>
<script type="application/ld+json">{{"@type": "JobPosting"}}</script>
<script src="../assets/javascripts/bundle.min.js"></script>
<script>{ANCHOR_SCRIPT}</script>
</body>
</html>
"""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def script_src(html: str) -> list[str]:
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    return next(d.split()[1:] for d in meta[1].split("; ") if d.startswith("script-src "))


def test_the_theme_scripts_are_allowed_by_their_hash_and_nothing_else_inline():
    sources = script_src(csp.add_csp(PAGE))
    assert sources == ["'self'", sha256(THEME_SCRIPT), sha256(ANCHOR_SCRIPT)]
    assert sha256(INJECTED) not in sources  # inside <article>: content, never trusted
    assert "'unsafe-inline'" not in sources and "'unsafe-hashes'" not in sources and "'unsafe-eval'" not in sources


def test_the_search_may_compile_webassembly_and_nothing_more():
    """Pagefind compiles its WebAssembly on the search page: 'wasm-unsafe-eval' allows that there, not eval()
    or inline script, and on no other page; its worker and index files are the site's own."""
    search_page = PAGE.replace("</body>", '<script src="../assets/search.js" defer></script></body>')
    assert "</body>" in PAGE
    html = csp.add_csp(search_page)
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in html
    assert "'wasm-unsafe-eval'" not in csp.add_csp(PAGE)
    assert "worker-src 'self';" in html and "connect-src 'self';" in html
    assert "blob:" not in html and "'unsafe-eval'" not in html


def test_the_policy_forbids_objects_base_and_other_hosts():
    html = csp.add_csp(PAGE)
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-src 'none'"):
        assert directive in html


def test_the_meta_tag_is_the_first_element_of_head():
    html = csp.add_csp(PAGE.replace("<head>", '<head data-x="1">'))
    assert re.search(r'<head data-x="1"><meta http-equiv="Content-Security-Policy"', html)


def test_a_page_without_head_is_unchanged():
    assert csp.add_csp("<p>ingen head</p>") == "<p>ingen head</p>"


def test_called_twice_the_page_has_one_policy():
    once = csp.add_csp(PAGE)
    assert csp.add_csp(once) == once
    assert once.count("Content-Security-Policy") == 1


def test_crlf_is_hashed_as_the_browser_reads_it():
    page = PAGE.replace(THEME_SCRIPT, "a=1;\r\nb=2")
    assert sha256("a=1;\nb=2") in script_src(csp.add_csp(page))
