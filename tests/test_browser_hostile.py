"""The accepted-but-tricky content of tests/test_hostile_content.py in Chromium.

One site is built from every "built clean" case of the catalogue
(entity-encoded <script>, <img onerror>, <svg onload>, Markdown and code
written as text, odd quotes, a picture with markup appended ...), exactly
as the generator wrote it: nothing is put into the pages afterwards. Each
payload sets window.__pwned when it runs. The posting, the organisation's
about text, the role pages and the leaflets are opened, scrolled, hovered,
searched, and every link and button that stays on the site is clicked; no
dialog may open, no page error, console error or Content-Security-Policy
violation may occur (so nothing was even tried and blocked), and
window.__pwned stays undefined.
"""
from __future__ import annotations

from urllib.parse import quote, urljoin, urlsplit

import pytest
from conftest import _serve

import test_hostile_content as catalogue
from waiting import patient_browser, settle  # noqa: F401 - patient_browser: autouse

TODAY = catalogue.TODAY
CASES = catalogue.CLEAN
# Record every violation of the page's policy, from before the page's first script.
RECORD = """window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(
  e.effectiveDirective + " " + e.blockedURI + " " + e.sample), true);"""
# Every element (HTML, SVG, MathML) with an attribute a browser runs as script.
HANDLERS = """[...document.querySelectorAll("*")].flatMap(el => [...el.attributes]
  .filter(a => a.name.toLowerCase().startsWith("on")).map(a => el.tagName + " " + a.name))"""
DOWNLOADS = (".pdf", ".ics", ".xml", ".json", ".png")  # followed as files, not pages

PAGES = [
    "job/posting-everything/",  # every posting field at once; role link; the district's about text
    "job/posting-title-entities/",  # the workplace's name and street, the about title and text
    "job/posting-section-heading-markdown/",
    "job/",  # the cards with the titles
    "stillingsbeskrivelser/paedagog/",  # the role's name and the area's title
    "stillingsbeskrivelser/paedagogisk-assistent/",  # the role's intro
    "stillingsbeskrivelser/",  # the table
    "foldere/leaflet-front-matter-entities/",
    "foldere/leaflet-body-entities/",
    "foldere/leaflet-image-root-relative/",  # a re-encoded picture on the page
    "foldere/",
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, built_site):
    built = catalogue.build_clean(tmp_path_factory.mktemp("browser-hostile"), CASES, built_site(TODAY).root)
    assert built.check.code == 0, built.check.text
    assert built.build.code == 0, built.build.text
    assert not built.findings, "\n".join(map(str, built.findings))
    return built.site


@pytest.fixture(scope="module")
def base_url(hostile_site):
    url, server = _serve(hostile_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def clicked() -> set[str]:
    """Links already followed from an earlier page (the menu and footer are on every page)."""
    return set()


class Watch:
    """Everything that would show a payload running, or being blocked, on the pages a tab opens."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        page.add_init_script(RECORD)
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                if m.type == "error" else None)

    def _dialog(self, dialog):
        self.problems.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()

    def assert_nothing_ran(self, where: str) -> None:
        state = self.page.evaluate("[typeof window.__pwned, window.__cspViolations || []]")
        assert state[0] == "undefined", f"{where}: a payload ran"
        assert state[1] == [], f"{where}: the policy blocked something: {state[1]}"
        assert self.problems == [], f"{where}: {self.problems}"


def _open(page, url: str, idle: bool = False) -> None:
    page.goto(url, wait_until="networkidle" if idle else "load")


def _scroll(page) -> None:
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + 600, 600):
        page.mouse.wheel(0, 600)
        settle(page)  # the wheel's scroll has ended (Playwright does not wait for it)
    page.evaluate("window.scrollTo(0, 0)")


# What a visitor points at; an element with a handler anywhere is caught by HANDLERS, hovered or not.
HOVERABLE = "a, img, [title], button, summary, label, h1, h2, h3, caption, th, code"
CENTRES = """sel => [...document.querySelectorAll(sel)].map(el => el.getBoundingClientRect())
  .filter(r => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight)
  .map(r => [r.left + r.width / 2, r.top + r.height / 2])"""


def _hover_everything(page) -> None:
    """Move the mouse over every link, button, picture and heading, one screenful at a time."""
    height = page.evaluate("document.documentElement.scrollHeight")
    viewport = page.viewport_size["height"]
    for y in range(0, height, viewport // 2):
        page.evaluate(f"window.scrollTo(0, {y})")
        for x, cy in page.evaluate(CENTRES, HOVERABLE):
            page.mouse.move(x, cy)
    page.evaluate("window.scrollTo(0, 0)")


def _on_site(base: str, page_url: str, href: str) -> str | None:
    """The address a link leads to, when it is a page of this site (not a file to download)."""
    target = urljoin(page_url, href)
    parts = urlsplit(target)
    if f"{parts.scheme}://{parts.netloc}/" != base or parts.path.lower().endswith(DOWNLOADS):
        return None
    return target


# Whether a pointer at the element's clickable point (the middle of its first box in the window, as
# Playwright clicks) reaches the element, or something else lies over it there.
POINTABLE = """e => {
  const r = [...e.getClientRects()].find(r => r.width > 0 && r.height > 0);
  if (!r) return false;
  const x = (Math.max(r.left, 0) + Math.min(r.right, innerWidth)) / 2;
  const y = (Math.max(r.top, 0) + Math.min(r.bottom, innerHeight)) / 2;
  const hit = document.elementFromPoint(x, y);
  return !!hit && (hit === e || e.contains(hit));
}"""


def _follow(page, link) -> None:
    """Hover and click a link as a mouse user would, or, where something covers it (the header
    covers the skip link), focus it and press Enter as a keyboard user would."""
    link.scroll_into_view_if_needed()
    settle(page)
    if link.evaluate(POINTABLE):
        link.hover()
        link.click()
    else:
        link.focus()
        page.keyboard.press("Enter")
    page.wait_for_load_state("load")


def _click_buttons(page, watch: Watch, where: str) -> None:
    buttons = page.locator("button:visible, label.md-header__button:visible")
    for i in range(buttons.count()):
        settle(page)
        button = buttons.nth(i)
        if not button.count() or not button.evaluate(POINTABLE):  # hidden or covered by a click before (the search overlay)
            continue
        button.click()
        page.keyboard.press("Escape")
        watch.assert_nothing_ran(f"{where}, button {i + 1}")


@pytest.mark.parametrize("path", PAGES)
def test_nothing_runs_when_a_visitor_reads_scrolls_hovers_and_clicks(base_url, page, path, clicked):
    watch = Watch(page)
    url = base_url + path
    _open(page, url, idle=True)
    assert page.locator("article h1").count() >= 1, f"{path} is not a page of the site"
    assert page.evaluate(HANDLERS) == [], "elements with event handler attributes"
    _scroll(page)
    _hover_everything(page)
    watch.assert_nothing_ran(path)
    _click_buttons(page, watch, path)

    _open(page, url)
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for index, href in enumerate(hrefs):
        target = _on_site(base_url, url, href)
        if target is None or target in clicked:
            continue
        clicked.add(target)
        if page.url.split("#")[0] != url:
            _open(page, url)
        link = page.locator("a[href]").nth(index)
        if not link.is_visible():  # in a closed menu or a hidden filter: followed as a visitor would reach it
            _open(page, target)
        else:
            _follow(page, link)
        watch.assert_nothing_ran(f"{path} -> {href}")
        assert not page.url.startswith("javascript:")


def test_search_results_show_the_payloads_as_text(base_url, page):
    """The search page draws results with textContent: the titles and texts with payloads must stay text."""
    from search_project import search_from_header

    watch = Watch(page)
    _open(page, base_url + "job/", idle=True)
    for word, expected in (("gang", "Alt på én gang &lt;script&gt;window.__pwned=1&lt;/script&gt; a < 5"),
                           ("onerror", "onerror=window.__pwned=1")):
        results = search_from_header(page, word)
        results.first.wait_for()
        assert expected in page.locator("#jobsite-searchpage-results").inner_text(), word
        assert page.evaluate(HANDLERS) == [], word
        for i in range(min(results.count(), 10)):
            results.nth(i).hover()
        watch.assert_nothing_ran(f"search results for {word!r}")
    results.first.locator("a").first.click()
    page.wait_for_load_state("load")
    watch.assert_nothing_ran("a search result")


def test_the_payloads_are_on_the_pages_as_text(base_url, page):
    """The control: the payloads did reach the pages, as text (so the tests above prove something)."""
    watch = Watch(page)
    _open(page, base_url + "job/posting-everything/")
    text = page.locator("article").inner_text()
    assert "Alt på én gang &lt;script&gt;window.__pwned=1&lt;/script&gt; a < 5" in text
    assert "Vi søger <script>window.__pwned=1</script>" in text
    assert "<img src=x onerror=window.__pwned=1>" in text  # the district's about text
    assert page.locator("article script, article img[onerror], article [onclick], article svg").count() == 0
    _open(page, base_url + "foldere/leaflet-body-entities/")
    assert "<script>window.__pwned=1</script> <img src=x onerror=window.__pwned=1> a < 5." in \
        page.locator("article").inner_text()
    watch.assert_nothing_ran("the control")
