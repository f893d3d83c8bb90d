"""Keyboard focus never lands on what cannot be seen: on a phone, Tab from the
top of a page goes from the skip link and the search form (field and button) to the page itself, not
through the closed menu drawer's links (Material slides the drawer off
screen; jobsite.css hides it once it is closed). The drawer still opens and
its links can then be followed and focused."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from waiting import patient_browser, settle  # noqa: F401 - patient_browser: autouse

DAY = "2026-01-05"
POSTING = "job/paedagogisk-leder-stjernehuset/"
MENU = ["Forside", "Ledige stillinger", "Stillingsbeskrivelser", "Vær med i vores dagtilbud", "Foldere til forældre"]

# Whether an element is drawn where the visitor can see it: some size, inside the window, not
# hidden by visibility or opacity (an element slid off screen, or Material's hidden back-to-top button).
SEEN = """e => {
  if (!e || e === document.body) return false;
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight
    && e.checkVisibility({visibilityProperty: true, opacityProperty: true});
}"""
DESCRIBE = """e => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent || '').trim().slice(0, 40)}"`"""


WHERE = """e => e.closest('.md-sidebar--primary') ? 'drawer' : e.closest('.md-header') ? 'header'
  : e.closest('.md-content') ? 'content' : e.closest('.md-footer') ? 'footer' : 'other'"""


def tab_walk(page, presses: int) -> list[tuple[str, str, bool]]:
    """Press Tab `presses` times; for each stop, (what has focus, where it is, whether it is seen).

    A stop is judged once the page has settled: Material fades the skip link in and the browser
    scrolls the focused element into view, both taking longer on a busy machine (a fixed 3 s was
    once too short), so the test waits for the page to stop moving, not for a number of seconds.
    """
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        settle(page)
        seen = page.evaluate(f"({SEEN})(document.activeElement)")
        what = page.evaluate(f"({DESCRIBE})(document.activeElement)")
        stops.append((what, page.evaluate(f"({WHERE})(document.activeElement)"), seen))
    return stops


@pytest.mark.parametrize("url", ["", "job/", POSTING])
def test_tab_on_a_phone_reaches_the_page_without_unseen_stops(served_site, phone, url):
    phone.goto(served_site(DAY) + url)
    stops = tab_walk(phone, 12)
    assert [what for what, _, seen in stops if not seen] == [], stops
    assert [what for what, where, _ in stops if where == "drawer"] == [], stops  # the closed menu is no tab stop
    # the skip link, the header's search field and its "Søg" button, then the page
    assert [where for _, where, _ in stops[:4]] == ["other", "header", "header", "content"], stops
    assert stops[1][0].startswith("input.jobsite-search__input") and stops[2][0].startswith("button.jobsite-search__button")


def test_the_drawer_still_opens_and_its_links_work(served_site, phone):
    base = served_site(DAY)
    phone.goto(base + "job/")
    drawer_link = phone.locator(".md-sidebar--primary").get_by_role("link", name="Foldere til forældre")
    expect(drawer_link).to_be_hidden()  # closed: not shown, not a tab stop
    phone.locator('label.md-header__button[for="__drawer"]').click()
    expect(drawer_link).to_be_visible()
    settle(phone)  # the drawer slides in (0.25 s, longer on a busy machine) before its links are judged
    for name in MENU:
        link = phone.locator(".md-sidebar--primary").get_by_role("link", name=name, exact=True)
        link.focus()
        settle(phone)
        assert phone.evaluate(f"({SEEN})(document.activeElement)"), name
    phone.keyboard.press("Enter")  # the last one focused: the leaflets
    expect(phone).to_have_url(base + "foldere/")
    expect(phone.locator("h1")).to_have_text("Foldere til forældre")
