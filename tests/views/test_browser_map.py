"""The map as a presenter projects it, in a real headless Chromium: it fills the main
column and fits on the screen at projector sizes, region presets change the view and the
address, the play control steps through the periods, and nothing leaves localhost.

Screenshots go to test-artifacts/screens/ (map-*.png): the chart scrolled into view, as
the audience would see it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect
from tests.views import test_browser
from tests.views.test_browser import ARTIFACTS, LOCAL_HOSTS, ROOT, Visit

pytestmark = pytest.mark.browser
# The harness's fixtures: the app on the bundled sample, Chromium, a fresh tab per test.
browser, server, visit = test_browser.browser, test_browser.server, test_browser.visit

MAP = ".js-plotly-plot .geo"
# The main column's content box, the geo subplot's drawn box, the chart, the header.
MEASURE_JS = """
() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  const style = getComputedStyle(main);
  const column = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const plot = document.querySelector('.js-plotly-plot');
  const chart = plot.closest('[data-testid="stPlotlyChart"]');
  const frame = plot.closest('.st-key-world_map_frame');
  const geo = plot.querySelector('.geo .bg rect').getBoundingClientRect();
  const box = chart.getBoundingClientRect();
  const header = document.querySelector('[data-testid="stHeader"]').getBoundingClientRect();
  const scrolls = [chart, frame, plot].map((el) => el.scrollHeight - el.clientHeight);
  return {column, geo: [geo.width, geo.height], chart: [box.top, box.bottom, box.height],
          header: header.bottom, viewport: innerHeight, scrolls};
}
"""
# What the plot shows now: its view, the period slider's step, the big period note and
# the places drawn.
STATE_JS = """
() => {
  const plot = document.querySelector('.js-plotly-plot');
  const layout = plot && plot._fullLayout;
  if (!layout || !layout.geo || !plot._fullData) return null;  // between two drawings
  const places = plot._fullData.find(
    (t) => t.mode === 'markers' && t.visible === true && t.customdata && t.customdata.length);
  return {
    centre: [layout.geo.center.lon, layout.geo.center.lat],
    lon: layout.geo.lonaxis.range, projection: layout.geo.projection.type,
    resolution: layout.geo.resolution,
    step: layout.sliders.length ? layout.sliders[0].active : null,
    note: [...plot.querySelectorAll('.annotation-text')].map((e) => e.textContent).join('|'),
    places: places ? Array.from(places.customdata) : [],
  };
}
"""


def state(page: Page) -> dict[str, Any]:
    return wait_for_state(page, "true")


def wait_for_state(page: Page, test: str, timeout: int = 30_000) -> dict[str, Any]:
    """Until the plot's state passes ``test`` (JavaScript over ``s``, STATE_JS's result),
    which it returns; a rerun redraws the chart, so the plot may be missing a moment."""
    handle = page.wait_for_function(
        f"() => {{ const s = ({STATE_JS})(); return s !== null && ({test}) ? s : false; }}", timeout=timeout
    )
    found: dict[str, Any] = handle.json_value()
    return found


def projector(browser: Browser, width: int, height: int) -> Visit:
    tab = Visit(browser)
    tab.page.set_viewport_size({"width": width, "height": height})
    return tab


def shot_of_the_chart(page: Page, name: str) -> None:
    """The screen with the chart scrolled to its bottom: what a projector shows."""
    page.locator(".st-key-world_map_frame").evaluate("(el) => el.scrollIntoView({block: 'end'})")
    page.wait_for_timeout(300)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


@pytest.mark.parametrize(
    ("width", "height", "address"),
    [(1400, 1000, "map"), (1280, 720, "map?present=1"), (1920, 1080, "map?present=1")],
    ids=["laptop", "projector-720p", "projector-1080p"],
)
def test_the_map_fills_the_column_and_fits_on_the_screen(
    server: str, browser: Browser, width: int, height: int, address: str
) -> None:
    tab = projector(browser, width, height)
    try:
        page = tab.open(f"{server}/{address}", MAP)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        page.locator(".st-key-world_map_frame").evaluate("(el) => el.scrollIntoView({block: 'end'})")
        page.wait_for_timeout(500)
        size: dict[str, Any] = page.evaluate(MEASURE_JS)
        column, (geo_width, geo_height) = size["column"], size["geo"]
        top, bottom, chart_height = size["chart"]
        assert geo_width >= 0.9 * column, size
        assert geo_height >= 0.45 * (size["viewport"] - size["header"]), size  # most of the screen's height
        assert chart_height <= size["viewport"] - size["header"], size
        assert top >= size["header"] - 1, size  # scrolled into view, the whole chart shows
        assert bottom <= size["viewport"] + 1, size
        assert max(size["scrolls"]) <= 1, size  # nothing scrolls inside the chart
        shot_of_the_chart(page, f"map-{width}x{height}{'-presenter' if 'present' in address else ''}")
        assert tab.external() == []
    finally:
        tab.context.close()


def test_the_europe_preset_changes_the_view_and_the_address_with_finer_shapes(
    server: str, visit: Visit
) -> None:
    page = visit.open(f"{server}/map", MAP)
    before = state(page)
    page.locator('[data-testid="stButtonGroup"]').get_by_role("radio", name="Europe", exact=True).click()
    page.wait_for_url(re.compile(r"view=Europe"), timeout=30_000)
    after = wait_for_state(page, "s.resolution === 50")
    assert after["lon"] != before["lon"]
    lon, lat = after["centre"]
    assert 5 < lon < 25
    assert 45 < lat < 55
    assert after["projection"] == "mercator"
    # The 1:50m shapes come from the app's own host, and land is drawn with them. Plotly
    # draws them once they have arrived, which on a busy machine takes more than a moment.
    page.wait_for_function(
        "() => document.querySelectorAll('.geo .layer.land path').length > 0"
        " && document.querySelectorAll('.geo .layer.countries path').length > 0",
        timeout=30_000,
    )
    shapes = [urlparse(u) for u in visit.requests if u.endswith("/app/static/topojson/world_50m.json")]
    assert shapes, "the 1:50m world shapes were not requested"
    assert all(u.hostname in LOCAL_HOSTS for u in shapes)
    shot_of_the_chart(page, "map-europe")
    # The address reproduces the view.
    fresh = visit.open(page.url, MAP)
    assert wait_for_state(fresh, "s.resolution === 50")["centre"] == after["centre"]
    assert visit.external() == []


def test_play_steps_through_the_periods_and_their_places(server: str, visit: Visit) -> None:
    page = visit.open(f"{server}/map", MAP)
    first = state(page)
    assert first["step"] == 0
    assert first["note"] == "Q2 2023 – Q4 2023"  # the sample: April to December 2023
    page.locator(".updatemenu-button", has_text="Play").click()
    seen = {first["note"]: first}
    for _ in range(100):
        page.wait_for_timeout(150)
        now = state(page)
        seen.setdefault(now["note"], now)
        if "Q4 2023" in seen:
            break
    assert {"Q2 2023", "Q3 2023", "Q4 2023"} <= set(seen), list(seen)
    assert seen["Q4 2023"]["step"] == 3
    # Each period draws its own places: the frames differ.
    assert seen["Q2 2023"]["places"] != seen["Q3 2023"]["places"] != seen["Q4 2023"]["places"]
    assert len(seen["Q3 2023"]["places"]) < len(first["places"])
    shot_of_the_chart(page, "map-playing")
    assert visit.external() == []
    assert visit.dialogs == []


def test_the_period_control_works_by_keyboard_and_lives_in_the_address(server: str, visit: Visit) -> None:
    page = visit.open(f"{server}/map", MAP)
    handle = page.get_by_role("slider", name="Period shown")
    handle.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"map_period=Q2(\+|%20)2023"), timeout=30_000)
    shown = wait_for_state(page, "s.note === 'Q2 2023'")
    assert shown["step"] == 1
    page.keyboard.press("ArrowRight")
    shown = wait_for_state(page, "s.note === 'Q3 2023'")
    assert shown["step"] == 2
    page.keyboard.press("Home")
    assert wait_for_state(page, "s.step === 0")["note"] == "Q2 2023 – Q4 2023"
    assert visit.external() == []


def test_the_summary_plays_the_map_offline_with_the_finer_shapes(browser: Browser, tmp_path: Path) -> None:
    from partnerdash.charts.map import partnership_map
    from partnerdash.charts.theme import finish
    from partnerdash.filters import Filters, apply, kpis
    from partnerdash.i18n import Labels
    from partnerdash.pipeline import build_paths
    from partnerdash.report import summary_html

    view = apply(build_paths([ROOT / "data" / "sample"]), Filters())
    fig = partnership_map(view.places, view.partnerships, events=view.events, view="europe")
    figures = [("Map", finish(fig, "Map", "2023"))]
    report = tmp_path / "summary.html"
    report.write_text(summary_html(view, kpis(view), Labels("en"), "all items", figures), encoding="utf-8")
    tab = Visit(browser)
    try:
        page = tab.open(report.as_uri(), MAP)
        assert page.locator(".geo .layer.land path").count() > 0
        assert state(page)["resolution"] == 50
        assert state(page)["step"] == 0  # waits for Play: plotly would start at once
        page.locator(".updatemenu-button", has_text="Play").click()
        assert wait_for_state(page, "s.note === 'Q4 2023'")["step"] == 3  # the last period stays
        assert [u for u in tab.requests if not u.startswith("file://")] == []
        tab.shot("summary-map-playing")
    finally:
        tab.context.close()
