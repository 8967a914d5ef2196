"""The dashboard in a real headless Chromium: every page, the map offline, filters, presenter
mode — and not one request to any host but the app's own.

Debian's Chromium is used (never a downloaded browser); .ci/run installs it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "screens"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
# Chromium talks to Google by itself unless told not to; none of that is the app's doing.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--disable-quic",
]

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError("Chromium is missing: .ci/run should have installed Debian's chromium")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(
    data: Path | None = None,
    streamlit: Sequence[str] = (sys.executable, "-m", "streamlit"),
    address: str | None = "127.0.0.1",
) -> Iterator[str]:
    """The app on a free local port, on the news in ``data`` (the bundled sample if None),
    started by the ``streamlit`` command; on every interface if ``address`` is None, as
    `make run` serves it."""
    port = free_port()
    command = [
        *streamlit,
        "run",
        str(ROOT / "app.py"),
        "--server.port",
        str(port),
        "--server.headless",
        "true",
    ]
    if address is not None:
        command += ["--server.address", address]
    env = os.environ | ({"PARTNERDASH_DATA": str(data)} if data is not None else {})
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("streamlit did not come up within 90 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve() as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A browser tab on the app that remembers every request it makes and every dialog."""

    def __init__(self, browser: Browser) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page: Page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def open(self, url: str, ready: str) -> Page:
        # The first visit loads Streamlit's scripts from a cold server: on a busy machine
        # (the rest of the suite on the other core) that once took over the 30 s default.
        self.page.goto(url, timeout=90_000)
        self.page.locator(ready).first.wait_for(timeout=60_000)
        self.page.wait_for_timeout(1500)  # let plotly finish drawing
        return self.page

    def external(self) -> list[str]:
        return [
            u for u in self.requests if urlparse(u).hostname not in LOCAL_HOSTS and not u.startswith("data:")
        ]

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@contextmanager
def own_tab() -> Iterator[Visit]:
    """A tab in a browser of its own, for a test rather than a module: the sync API holds
    an event loop on the thread while it is open, which other fixtures may need."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield Visit(chromium)
        finally:
            chromium.close()


@pytest.fixture
def visit(browser: Browser) -> Iterator[Visit]:
    tab = Visit(browser)
    yield tab
    tab.context.close()


PAGES = {
    "overview": '[data-testid="stMetric"]',
    "timeline": ".js-plotly-plot",
    "map": ".js-plotly-plot .geo",
    "topics": ".js-plotly-plot",
    "partnerships": '[data-testid="stDataFrame"]',
    "explorer": '[data-testid="stDataFrame"]',
    "quality": '[data-testid="stDataFrame"]',
}


def test_every_page_renders_and_nothing_leaves_localhost(server: str, visit: Visit) -> None:
    for name, ready in PAGES.items():
        page = visit.open(f"{server}/{'' if name == 'overview' else name}", ready)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        visit.shot(name)
    assert visit.external() == []
    assert visit.dialogs == []


def test_the_map_has_land_and_partnership_lines_offline(server: str, visit: Visit) -> None:
    page = visit.open(f"{server}/map", ".js-plotly-plot .geo")
    page.locator(".geo .countries path, .geo path.land, .geo .layer.land path").first.wait_for(timeout=30_000)
    land = page.locator(".geo .layer path").count()
    lines = page.locator(".geo .scatterlayer .js-line").count()
    assert land > 0, "no country shapes: the world topojson did not load"
    assert lines >= 1, "no partnership lines drawn"
    assert any("/app/static/topojson/world_110m.json" in u for u in visit.requests)
    assert visit.external() == []


def test_the_map_draws_the_registry_under_the_active_partnerships(server: str, visit: Visit) -> None:
    page = visit.open(f"{server}/map", ".js-plotly-plot .geo")
    legend = page.locator(".js-plotly-plot .legend").first.text_content() or ""
    for trace in ("Known partnerships (registry)", "Partnerships active in the last 12 months"):
        assert trace in legend
    # The base network is one trace of all its segments, drawn as one path.
    assert page.locator(".geo .scatterlayer .js-line").count() >= 3
    assert visit.external() == []


def test_the_partnerships_page_lists_and_shows_one_partnership(server: str, visit: Visit) -> None:
    page = visit.open(f"{server}/partnerships", '[data-testid="stMetric"]')
    expect(page.locator('[data-testid="stMetricValue"]').first).to_have_text("28")  # the bundled registry
    picker = page.locator('[data-testid="stSelectbox"]').last
    picker.scroll_into_view_if_needed()
    picker.click()
    page.keyboard.type("Leipzig")
    page.keyboard.press("Enter")
    # The partnership's items on a time axis, and in the table (a canvas grid: its cells are read).
    title = page.locator(".js-plotly-plot .gtitle", has_text="Leipzig (DE) – Kyiv (UA)")
    title.first.wait_for(timeout=30_000)
    cell = page.locator('[role="gridcell"]', has_text="Leipzig-Kyiv: a dynamic partnership")
    cell.first.wait_for(state="attached", timeout=30_000)
    visit.shot("partnerships")
    assert visit.external() == []
    assert visit.dialogs == []


def test_a_filter_changes_the_kpi_and_the_address(server: str, visit: Visit) -> None:
    page = visit.open(server, '[data-testid="stMetric"]')
    items = page.locator('[data-testid="stMetricValue"]').first
    expect(items).to_have_text("12")
    region = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    region.click()
    page.keyboard.type("Asia")
    page.get_by_role("option", name="Asia", exact=True).click()
    expect(items).to_have_text("1", timeout=30_000)
    assert "region=Asia" in page.url
    visit.shot("overview-filtered")


def test_presenter_mode_hides_the_sidebar(server: str, visit: Visit) -> None:
    page = visit.open(f"{server}/?present=1", '[data-testid="stMetric"]')
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    visit.shot("overview-presenter")
    assert visit.external() == []


def test_the_html_summary_opens_offline_with_its_map(browser: Browser, tmp_path: Path) -> None:
    from partnerdash.charts.map import partnership_map
    from partnerdash.filters import Filters, apply, kpis
    from partnerdash.i18n import Labels
    from partnerdash.pipeline import build_paths
    from partnerdash.report import summary_html

    view = apply(build_paths([ROOT / "data" / "sample"]), Filters())
    figures = [("Map", partnership_map(view.places, view.partnerships))]
    report = tmp_path / "summary.html"
    report.write_text(summary_html(view, kpis(view), Labels("en"), "all items", figures), encoding="utf-8")
    tab = Visit(browser)
    try:
        page = tab.open(report.as_uri(), ".js-plotly-plot .geo")
        assert page.locator(".geo .layer path").count() > 0
        assert [u for u in tab.requests if not u.startswith("file://")] == []
        tab.shot("summary-report")
    finally:
        tab.context.close()


def test_uploaded_files_add_items_and_a_bad_one_is_reported(server: str, visit: Visit) -> None:
    page = visit.open(server, '[data-testid="stMetric"]')
    items = page.locator('[data-testid="stMetricValue"]').first
    expect(items).to_have_text("12")
    uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    uploader.set_input_files(
        [
            str(ROOT / "tests" / "fixtures" / "news" / "items.csv"),
            str(ROOT / "tests" / "fixtures" / "bad" / "garbage.bin"),
        ]
    )
    expect(items).to_have_text("16", timeout=60_000)
    expect(page.get_by_text("garbage.bin: this is binary data", exact=False)).to_be_visible()
    visit.shot("overview-uploads")
    assert visit.external() == []


def test_picking_a_place_on_the_map_filters_every_page(server: str, visit: Visit) -> None:
    page = visit.open(f"{server}/map", ".js-plotly-plot .geo")
    bubble = page.locator(".geo .scatterlayer .trace").filter(has=page.locator("path.point")).last
    bubble.locator("path.point").first.click(force=True)
    page.wait_for_url("**municipality=*", timeout=30_000)
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Overview").click()
    expect(page.locator('[data-testid="stMetricValue"]').first).not_to_have_text("12", timeout=30_000)
    visit.shot("map-picked")
