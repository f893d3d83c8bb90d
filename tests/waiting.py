"""Waiting for a condition, never for a number of seconds (issue 23).

A test waits for what it needs (a port that listens, a commit on a branch, a page that has
stopped moving); the ceiling only ends a wait when something is really broken, so it is set far
above what a busy two-core machine needs (scripts/busy-tests.sh runs the browser and serve tests
with every core burning). A test never asserts that something happened within some seconds.

- `until(condition, what)`: poll a Python condition; its first true value, or an AssertionError
  that says what was awaited.
- `settle(page)`: wait until the page stops moving (no running transition or animation, the scroll
  position and the focused element's box unchanged over a few frames), then a test can judge what
  the visitor sees.
- `patient_browser`: an autouse fixture a browser test module imports (`from waiting import
  patient_browser  # noqa: F401`), which gives the test's `page` or `phone` the ceiling for every
  action and every `expect` (Playwright's own defaults, 30 s and 5 s, are wall-clock limits);
  `patient(context)` does the same for a context the test makes itself.
"""
from __future__ import annotations

import time
from typing import Callable, TypeVar

import pytest

CEILING = 120.0  # seconds: generous, reached only when the awaited thing never comes
CEILING_MS = int(CEILING * 1000)

T = TypeVar("T")


def until(condition: Callable[[], T], what: str | Callable[[], str], ceiling: float = CEILING,
          interval: float = 0.05) -> T:
    """Call `condition` until it returns something true, and return that; after `ceiling` seconds
    raise AssertionError with `what` (a text, or a function giving one, e.g. a server's log)."""
    end = time.monotonic() + ceiling
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"not within {ceiling:.0f} s: {what() if callable(what) else what}")
        time.sleep(interval)


# Runs in the page (an async function: the page's CSP forbids evaluating strings, not functions).
# Still means: no finite animation or transition running, and the scroll position and the focused
# element's box equal in `frames` consecutive animation frames.
_SETTLE = """async ([frames, ceiling]) => {
  const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));
  const moving = () => document.getAnimations().some(a => a.playState === 'running'
    && Number.isFinite(a.effect ? a.effect.getComputedTiming().endTime : Infinity));
  const where = () => {
    const e = document.activeElement, r = e ? e.getBoundingClientRect() : {};
    return [scrollX, scrollY, innerWidth, innerHeight, r.left, r.top, r.width, r.height].join();
  };
  const end = performance.now() + ceiling;
  let last = null, still = 0;
  while (performance.now() < end) {
    await frame();
    const now = where();
    still = !moving() && now === last ? still + 1 : 0;
    if (still >= frames) return true;
    last = now;
  }
  return false;
}"""


def settle(page, frames: int = 3) -> None:
    """Wait until nothing on the page moves any more (see _SETTLE)."""
    assert page.evaluate(_SETTLE, [frames, CEILING_MS]), f"the page kept moving for {CEILING:.0f} s"


def patient(context):
    """A browser context (or page) a test made itself, with the ceiling for its actions; returned."""
    context.set_default_timeout(CEILING_MS)
    return context


@pytest.fixture(autouse=True)
def patient_browser(request):
    """The ceiling for the test's page (every action, every navigation) and for `expect`."""
    from playwright.sync_api import expect

    for name in ("page", "phone"):
        if name in request.fixturenames:
            request.getfixturevalue(name).set_default_timeout(CEILING_MS)
    expect.set_options(timeout=CEILING_MS)
    yield
