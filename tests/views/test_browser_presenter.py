"""Presenter mode at projector sizes, in a real headless Chromium: every chart of every page
fits on the screen below the header, whole and without scrolling inside it, and the way
out of presenter mode is a button a keyboard reaches.

Screenshots go to test-artifacts/screens/presenter-*.png.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, expect
from tests.views import test_browser
from tests.views.test_browser import Visit

pytestmark = pytest.mark.browser
browser, server = test_browser.browser, test_browser.server

SIZES = ((1280, 720), (1920, 1080))
CHART_PAGES = ("overview", "timeline", "map", "topics")
# Each chart's box against the window below Streamlit's header, and whether anything
# inside the chart scrolls.
CHARTS_JS = """
() => {
  const header = document.querySelector('[data-testid="stHeader"]').getBoundingClientRect().bottom;
  return [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map((chart) => {
    const box = chart.getBoundingClientRect();
    const inner = [chart, ...chart.querySelectorAll('.js-plotly-plot, .plot-container, .svg-container')]
      .map((el) => el.scrollHeight - el.clientHeight);
    return {height: box.height, width: box.width, room: innerHeight - header, scrolls: Math.max(0, ...inner)};
  });
}
"""


def charts(tab: Visit, url: str) -> list[dict[str, Any]]:
    page = tab.open(url, ".js-plotly-plot")
    found: list[dict[str, Any]] = page.evaluate(CHARTS_JS)
    return found


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_chart_fits_on_the_screen(browser: Browser, server: str, width: int, height: int) -> None:
    tab = Visit(browser)
    try:
        tab.page.set_viewport_size({"width": width, "height": height})
        for name in CHART_PAGES:
            path = "" if name == "overview" else name
            found = charts(tab, f"{server}/{path}?present=1")
            assert found, f"no chart on {name}"
            for chart in found:
                assert chart["height"] <= chart["room"] + 1, (name, chart)
                assert chart["scrolls"] <= 1, (name, chart)
                # One chart per screen: it is the screen's chart, not a thumbnail of it.
                assert chart["height"] >= 0.6 * chart["room"], (name, chart)
            tab.shot(f"presenter-{name}-{width}x{height}")
        assert tab.external() == []
    finally:
        tab.context.close()


def test_presenter_mode_is_left_with_a_keyboard(browser: Browser, server: str) -> None:
    tab = Visit(browser)
    try:
        page = tab.open(f"{server}/?present=1", '[data-testid="stMetric"]')
        expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
        leave = page.get_by_role("button", name="Leave presenter mode")
        for _ in range(40):
            page.keyboard.press("Tab")
            if leave.evaluate("(el) => el === document.activeElement"):
                break
        else:
            pytest.fail("Tab never reached 'Leave presenter mode'")
        page.keyboard.press("Enter")
        expect(page.locator('[data-testid="stSidebar"]')).to_be_visible(timeout=30_000)
        assert "present=" not in page.url
    finally:
        tab.context.close()
