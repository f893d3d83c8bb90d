"""The Content-Security-Policy meta tag (render/csp.py): the theme's inline
scripts are allowed by the hash of their exact text, data and src= scripts are
not hashed, a script inside the page's content never is, the tag comes first
in <head>, and a page never gets two."""
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
    assert "'unsafe-inline'" not in sources and "'unsafe-hashes'" not in sources


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


# --- the preview (offline): the iframe-worker shim's script by its hash, no 'unsafe-inline' -----------

WORKER = "../assets/javascripts/workers/search.a7633da7.min.js"
OFFLINE_PAGE = PAGE.replace('{"base": ".."}', '{"base": "..", "search": "' + WORKER + '"}')


def test_the_shims_functions_are_those_of_the_shim_the_preview_loads():
    """If the shim is updated, these two copies must be too (else the preview's search stops)."""
    from conftest import ROOT

    shim = (ROOT / "overrides" / "assets" / "javascripts" / "iframe-worker.js").read_text(encoding="utf-8")
    assert csp.SHIM_POST_MESSAGE in shim and csp.SHIM_IMPORT_SCRIPTS in shim
    # The shim writes its iframe's script from them and the worker's address, as shim_script does.
    template = "<script>postMessage=${c};importScripts=${d};addEventListener(\"error\",({error})=>{parent." \
               "dispatchEvent(new ErrorEvent(\"error\",{filename:\"${e}\",error}))})<\\/script>"
    assert template in shim
    script = template.removeprefix("<script>").removesuffix("<\\/script>")
    assert csp.shim_script(WORKER) == script.replace("${c}", csp.SHIM_POST_MESSAGE).replace(
        "${d}", csp.SHIM_IMPORT_SCRIPTS).replace("${e}", WORKER)


def test_the_preview_allows_the_shims_script_by_its_hash_and_nothing_else_inline():
    sources = script_src(csp.add_csp(OFFLINE_PAGE, offline=True))
    assert sources == ["'self'", sha256(THEME_SCRIPT), sha256(ANCHOR_SCRIPT), sha256(csp.shim_script(WORKER))]
    assert "'unsafe-inline'" not in sources and sha256(INJECTED) not in sources
    # A normal build has no shim, so no hash for it.
    assert sha256(csp.shim_script(WORKER)) not in script_src(csp.add_csp(OFFLINE_PAGE))


def test_only_the_themes_config_names_the_worker():
    inside = PAGE.replace("<p>tekst</p>", '<p>tekst</p><script id="__config" type="application/json">'
                                          '{"search": "x.js"}</script>')
    assert csp.search_worker(inside) is None  # in the page's content: never trusted
    odd = OFFLINE_PAGE.replace(WORKER, 'x.js\\",error}));alert(1);//')
    assert csp.search_worker(odd) is None
    assert script_src(csp.add_csp(odd, offline=True)) == ["'self'", sha256(THEME_SCRIPT), sha256(ANCHOR_SCRIPT)]
