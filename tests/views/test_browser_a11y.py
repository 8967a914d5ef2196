"""Accessible by default, in a real headless Chromium: every page readable in the reader's
light and dark system setting (WCAG AA text contrast), every control usable by keyboard.
"""

from __future__ import annotations

import re
from typing import Any, Literal

import pytest
from playwright.sync_api import Page, expect
from tests.views import test_browser
from tests.views.test_browser import PAGES, Visit

pytestmark = pytest.mark.browser
# The harness's fixtures: the app on the bundled sample, Chromium, a fresh tab per test.
browser, server, visit = test_browser.browser, test_browser.server, test_browser.visit

Scheme = Literal["light", "dark"]

# Every element with text of its own, its colour composited over the backgrounds behind it
# (walking up to the first opaque one, every ancestor's opacity applied), as WCAG 2.x
# computes contrast. Plotly's SVG text is read by its fill, over the chart's paper; text
# drawn on the bars or cells of a trace is left to the unit tests (its background is the
# trace's colour, not an element's). Canvas grids (st.dataframe) draw no DOM text.
CONTRAST_JS = """
() => {
  const parse = (value) => {
    const m = value.match(/rgba?\\(([^)]+)\\)/) || value.match(/color\\(srgb ([^)]+)\\)/);
    if (!m) return null;
    const parts = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    const scale = value.startsWith('color(') ? 255 : 1;
    return [parts[0] * scale, parts[1] * scale, parts[2] * scale, parts.length > 3 ? parts[3] : 1];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const opacityOf = (el) => {
    let opacity = 1;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      opacity *= Number(getComputedStyle(node).opacity);
    }
    return opacity;
  };
  // The backgrounds of ``nodes``, topmost first, composited down to the first opaque one.
  const composite = (nodes) => {
    const layers = [];
    for (const node of nodes) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour && colour[3] > 0) {
        layers.push(colour);
        if (colour[3] >= 1) break;
      }
    }
    let result = [255, 255, 255, 1];  // the canvas under everything
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const ancestors = (el) => {
    const nodes = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) nodes.push(node);
    return nodes;
  };
  // What is painted under the text's middle: positioned text (a slider's value) is not
  // over its parents' boxes. Text out of the viewport falls back to its ancestors.
  const background = (el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const under = hit.filter((node) => node !== el && !el.contains(node));
    return composite(under.length ? under : ancestors(el));
  };
  const inTrace = (el) => el.closest('.trace, .heatmaplayer, .hoverlayer, .modebar');
  const found = [];
  const seen = new Set();
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TITLE'].includes(el.tagName)) continue;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const hidden = style.visibility !== 'visible' || style.display === 'none';
    if (box.width < 2 || box.height < 2 || hidden) continue;
    if (el.closest('[aria-hidden="true"]') || (el instanceof SVGElement && inTrace(el))) continue;
    const svg = el instanceof SVGElement;
    const ink = parse(svg ? style.fill : style.color);
    if (!ink) continue;
    // Plotly draws titles and legends on a transparent SVG over the one with the paper.
    const paper = svg && el.closest('.js-plotly-plot')?.querySelector('.main-svg');
    const bg = paper ? composite(ancestors(paper)) : background(el);
    const opacity = opacityOf(el);
    const alpha = ink[3] * opacity * (svg ? Number(style.fillOpacity) : 1);
    if (alpha === 0) continue;
    const colour = over([ink[0], ink[1], ink[2], alpha], bg);
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const text = el.textContent.trim().slice(0, 60);
    const key = text + style.color + style.fill + bg.join();
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({
      text, tag: el.tagName, testid: el.closest('[data-testid]')?.dataset.testid || '',
      ratio: Math.round(ratio(colour, bg) * 100) / 100, needed: large ? 3 : 4.5,
      colour: svg ? style.fill : style.color, background: bg.slice(0, 3).map(Math.round).join(','),
      size, opacity,
    });
  }
  return found;
}
"""
APP_BACKGROUND_JS = "() => getComputedStyle(document.querySelector('.stApp')).backgroundColor"


def open_in(visit: Visit, scheme: Scheme, url: str, ready: str) -> Page:
    """The page in ``scheme``, in a window tall enough to show all of it at once."""
    visit.page.emulate_media(color_scheme=scheme)
    visit.page.set_viewport_size({"width": 1400, "height": 4000})
    return visit.open(url, ready)


def texts(page: Page) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate(CONTRAST_JS)
    return found


def luminance(rgb: str) -> float:
    from partnerdash.charts.theme import relative_luminance

    red, green, blue = (int(float(v)) for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
    return relative_luminance(f"#{red:02X}{green:02X}{blue:02X}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_follows_the_system_setting_with_aa_contrast(
    server: str, visit: Visit, scheme: Scheme
) -> None:
    failures: list[str] = []
    checked = 0
    for name, ready in PAGES.items():
        page = open_in(visit, scheme, f"{server}/{'' if name == 'overview' else name}", ready)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        background = luminance(page.evaluate(APP_BACKGROUND_JS))
        assert (background < 0.1) if scheme == "dark" else (background > 0.8), f"{name}: not {scheme}"
        found = texts(page)
        if name in ("timeline", "topics"):
            visit.shot(f"{name}-{scheme}")
        checked += len(found)
        failures += [
            f"{name}: {t['ratio']} < {t['needed']} {t['text']!r} ({t['testid']} {t['tag']} "
            f"{t['colour']} on {t['background']}, {t['size']}px, opacity {t['opacity']})"
            for t in sorted(found, key=lambda t: t["ratio"])
            if t["ratio"] < t["needed"]
        ]
    assert checked > 200, "too few texts found: the pages did not render"
    assert failures == [], "\n".join(failures)


# What has the keyboard focus: its role, its name (as a screen reader would announce it,
# without the icon's ligature text), the radio group it belongs to, sidebar or main.
FOCUSED_JS = """
() => {
  const el = document.activeElement;
  const lines = (el.getAttribute('aria-label') || el.innerText || '').split('\\n').filter((l) => l.trim());
  return {
    tag: el.tagName,
    role: el.getAttribute('role') || '',
    name: (lines[lines.length - 1] || '').trim(),
    group: el.closest('[role=radiogroup]')?.getAttribute('aria-label') || '',
    sidebar: Boolean(el.closest('[data-testid=stSidebar]')),
  };
}
"""
# The page's controls, by role and name (or radio group): the sidebar's navigation and
# settings, every filter, the timeline's own controls and a chart's toolbar.
TIMELINE_CONTROLS = {
    *(("link", page) for page in ("Overview", "Timeline", "Map", "Topics", "Partnerships", "Explorer")),
    ("link", "Data quality"),
    ("radio", "Language · Sprache"),
    ("switch", "Presenter mode"),
    ("radio", "Chart download format"),
    ("button", "Upload"),
    ("spinbutton", "year, Date range start date"),
    ("spinbutton", "day, Date range end date"),
    *(
        ("combobox", name)
        for name in ("World region", "Country", "Federal state", "Municipality", "Topic", "Kind of item")
    ),
    ("combobox", "Language of item"),
    ("textbox", "Search titles and text"),
    ("button", "Reset filters"),
    ("button", "Download summary (HTML)"),
    ("radio", "Period"),
    ("radio", "Show"),
    ("radio", "Stack by"),
    ("button", "Download plot as a PNG"),
    ("button", "Box Select"),
}


def focused(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(FOCUSED_JS)
    return found


def control(focus: dict[str, Any]) -> tuple[str, str]:
    role = focus["role"] or {"A": "link", "BUTTON": "button", "INPUT": "textbox"}.get(focus["tag"], "")
    return role, focus["group"] if role == "radio" else focus["name"]


def tab_to(page: Page, wanted: tuple[str, str], limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if control(focused(page)) == wanted:
            return
    raise AssertionError(f"{wanted} was not reached with Tab")


def test_every_control_of_the_timeline_is_reached_with_tab(server: str, visit: Visit) -> None:
    page = visit.open(f"{server}/timeline", ".js-plotly-plot")
    reached = []
    for _ in range(150):
        page.keyboard.press("Tab")
        reached.append(control(focused(page)))
        if reached.count(("link", "Overview")) == 2:  # round once, back at the start
            break
    assert TIMELINE_CONTROLS - set(reached) == set()


def test_the_period_and_the_cumulative_view_are_chosen_with_arrows_and_space(
    server: str, visit: Visit
) -> None:
    page = visit.open(f"{server}/timeline", ".js-plotly-plot")
    tab_to(page, ("radio", "Period"))
    assert focused(page)["name"] == "Month"
    page.keyboard.press("ArrowRight")  # moves the focus; Space chooses
    assert focused(page)["name"] == "Quarter"
    page.keyboard.press("Space")
    page.wait_for_url("**period=Quarter*", timeout=30_000)
    tab_to(page, ("radio", "Show"))
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    page.wait_for_url("**activity=Cumulative*", timeout=30_000)
    chart = page.locator(".js-plotly-plot .gtitle", has_text="Partnerships with news so far")
    expect(chart).to_have_count(1, timeout=30_000)
    expect(page.get_by_role("radiogroup", name="Stack by")).to_have_count(0)  # only per period
    visit.shot("timeline-cumulative-by-keyboard")


def test_a_filter_a_page_and_presenter_mode_are_chosen_with_keys(server: str, visit: Visit) -> None:
    page = visit.open(f"{server}/timeline", ".js-plotly-plot")
    tab_to(page, ("combobox", "World region"))
    page.keyboard.type("Asia")
    # Keys pressed before the options are drawn go nowhere: wait for them first.
    expect(page.get_by_role("option", name="Asia", exact=True)).to_be_visible(timeout=30_000)
    # The first option offered is "Select 2 matches" (Asia, and Middle East & North Africa
    # by fuzzy match): Enter alone would choose both.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_url("**region=Asia", timeout=30_000)
    expect(page.get_by_text("Showing 1 of 12 items", exact=False)).to_be_visible(timeout=30_000)
    tab_to(page, ("link", "Topics"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/topics*", timeout=30_000)
    # Until the new page's run ends, the chart may stand twice (the stale one fading out):
    # a loaded CI machine took over 5 s.
    # Anchored: has_text matches substrings, whatever the case ("Share of topics by world region").
    chart = page.locator(".js-plotly-plot .gtitle", has_text=re.compile(r"^Topics by world region"))
    expect(chart).to_have_count(1, timeout=30_000)
    expect(page.get_by_text("Showing 1 of 12 items", exact=False)).to_be_visible()
    tab_to(page, ("switch", "Presenter mode"))
    page.keyboard.press("Space")
    page.wait_for_url("**present=1*", timeout=30_000)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()


# Every control a page shows, numbered, as one "stop" per radio group or toolbar (Tab
# enters those once; the arrow keys move within). Left out: the hidden native inputs under
# a date field's day, month and year, and the chevron of a combobox — the combobox itself
# takes the focus, and ArrowDown opens it.
CONTROLS_JS = """
() => {
  const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), '
    + 'select, textarea, [tabindex]:not([tabindex="-1"])';
  const stops = {};
  document.querySelectorAll(selector).forEach((el, n) => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility !== 'visible') return;
    if (el.closest('[data-testid=stDateInputFieldsScroller]') && el.tagName === 'INPUT') return;
    const combobox = el.closest('[data-testid=stMultiSelect], [data-testid=stSelectbox]');
    if (el.tagName === 'BUTTON' && combobox) return;
    const group = el.closest('[role=radiogroup], [role=toolbar]');
    const stop = group ? (group.dataset.a11yStop ||= `group-${n}`) : `control-${n}`;
    el.dataset.a11yStop = stop;
    stops[stop] = (group || el).getAttribute('aria-label') || el.innerText.trim().slice(0, 40) || el.tagName;
  });
  return stops;
}
"""

REACHED_JS = """
() => {
  window.a11yReached = new Set();
  document.addEventListener('focusin', (event) => window.a11yReached.add(event.target.dataset.a11yStop));
}
"""


@pytest.mark.parametrize("name", list(PAGES))
def test_every_control_of_every_page_is_reached_with_tab(server: str, visit: Visit, name: str) -> None:
    visit.page.set_viewport_size({"width": 1400, "height": 4000})  # every control drawn
    page = visit.open(f"{server}/{'' if name == 'overview' else name}", PAGES[name])
    stops: dict[str, str] = page.evaluate(CONTROLS_JS)
    page.evaluate(REACHED_JS)
    for _ in range(2 * len(stops) + 40):  # once round the page, whatever takes more than one Tab
        page.keyboard.press("Tab")
    reached = set(page.evaluate("() => [...window.a11yReached]"))
    assert len(stops) > 20
    assert {stops[s] for s in set(stops) - reached} == set()
