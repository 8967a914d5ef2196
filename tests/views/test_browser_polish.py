"""The finish, in a real headless Chromium: the server asks no other machine for anything,
and every table reads as the interface's language writes it.

The server runs as `make run` starts it (every interface, the checkout's
.streamlit/config.toml) under an audit hook that writes down and refuses each name
lookup, connect or send to another machine (tests/views/offline_streamlit.py).
st.dataframe draws its cells on a canvas: what it draws is recorded from the canvas
itself, the headers read from the grid's accessible table.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from tests.views.test_browser import PAGES, Visit, own_tab, serve

from partnerdash.i18n import Labels
from partnerdash.views.tables import MISSING

pytestmark = pytest.mark.browser

GUARD = Path(__file__).with_name("offline_streamlit.py")
LANGUAGES = ("en", "de")
NONE_LIKE = {"None", "none", "nan", "NaN", "NaT", "<NA>", "null"}
TABLES = '[data-testid="stDataFrame"]'
WITH_TABLES = ("/?", "/partnerships?", "/explorer?", "/quality?")  # on the bundled sample
RUNNING = '[data-testid="stStatusWidgetRunningIcon"], [data-testid="stStatusWidgetRunningManIcon"]'
# Every string the page draws on a canvas, in order: st.dataframe's headers and cells.
RECORD_CANVAS = """
window.__drawn = [];
const fillText = CanvasRenderingContext2D.prototype.fillText;
CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
  window.__drawn.push(String(text));
  return fillText.call(this, text, ...rest);
};
"""
DATES = {"en": re.compile(r"\d{1,2} [A-Z][a-z]{2} \d{4}"), "de": re.compile(r"\d\d\.\d\d\.\d{4}")}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WRITTEN: dict[str, Callable[[date], str]] = {
    "en": lambda day: f"{day.day} {MONTHS[day.month - 1]} {day.year}",
    "de": lambda day: f"{day:%d.%m.%Y}",
}
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


@pytest.fixture(scope="module")
def network_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("offline") / "outbound.log"


@pytest.fixture(scope="module")
def server(network_log: Path) -> Iterator[str]:
    with serve(streamlit=(sys.executable, str(GUARD), str(network_log)), address=None) as url:
        yield url


@pytest.fixture
def visit() -> Iterator[Visit]:
    with own_tab() as tab:
        tab.page.add_init_script(RECORD_CANVAS)
        yield tab


def outbound(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def every_page() -> Iterator[tuple[str, str, str]]:
    for lang in LANGUAGES:
        for name, ready in PAGES.items():
            yield lang, f"/{'' if name == 'overview' else name}?ui_lang={lang.upper()}", ready


def test_the_guard_catches_streamlits_own_address_lookups(tmp_path: Path) -> None:
    """Without browser.serverAddress, starting the server makes these calls: the guard
    must see and refuse them, or the test below would prove nothing."""
    log = tmp_path / "outbound.log"
    probe = (
        f"import sys; sys.path.insert(0, {str(GUARD.parent)!r}); import offline_streamlit; "
        f"offline_streamlit.guard({str(log)!r}); "
        "from streamlit import net_util; print(net_util.get_internal_ip(), net_util.get_external_ip())"
    )
    # Without a proxy setting, whose host would be looked up instead of checkip's.
    env = {name: value for name, value in os.environ.items() if "proxy" not in name.lower()}
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True, env=env
    )
    assert run.stdout.split() == ["127.0.0.1", "None"]  # as on a machine without a network
    assert outbound(log) == [
        "socket.connect 8.8.8.8 1",
        "socket.getaddrinfo checkip.amazonaws.com 80",
        "socket.getaddrinfo checkip.amazonaws.com 443",
    ]


def test_no_request_leaves_the_machine_on_any_page_in_either_language(
    server: str, network_log: Path, visit: Visit
) -> None:
    for _lang, path, ready in every_page():
        page = visit.open(f"{server}{path}", ready)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    assert visit.external() == []
    assert visit.dialogs == []
    # Read last: Streamlit looks its addresses up once the server is serving.
    assert outbound(network_log) == []


def drawn(page: Page) -> list[str]:
    texts: list[str] = page.evaluate("window.__drawn")
    return texts


def shown_tables(page: Page, expected: bool = True) -> tuple[list[str], list[str]]:
    """Each table's headers (the accessible grid) and the strings drawn on the canvas, once
    the page is drawn (a table shows up after the element the page is ready with)."""
    if expected:
        page.locator(f'{TABLES} [role="columnheader"]').first.wait_for(state="attached", timeout=60_000)
    expect(page.locator(RUNNING)).to_have_count(0, timeout=60_000)
    tables = page.locator(TABLES)
    for index in range(tables.count()):
        table = tables.nth(index)
        table.scroll_into_view_if_needed()
        table.locator('[role="columnheader"]').first.wait_for(state="attached", timeout=30_000)
    page.wait_for_timeout(500)  # the last canvas frame
    return page.locator(f'{TABLES} [role="columnheader"]').all_inner_texts(), drawn(page)


def test_every_table_has_human_headers_and_no_none_in_either_language(server: str, visit: Visit) -> None:
    # Wide enough for every column: the grid draws, and lists, only the columns in sight.
    visit.page.set_viewport_size({"width": 2400, "height": 1400})
    seen: dict[str, list[str]] = {}
    for lang, path, ready in every_page():
        page = visit.open(f"{server}{path}", ready)
        headers, texts = shown_tables(page, expected=path.startswith(WITH_TABLES))
        if path.startswith(("/?", "/explorer?")):  # the items' table, to its last column
            assert Labels(lang)("source") in headers, headers
        assert not [h for h in headers if "_" in h], (path, headers)
        assert not set(texts) & NONE_LIKE, (path, sorted(set(texts) & NONE_LIKE))
        cells = page.locator(f'{TABLES} [role="gridcell"]').all_inner_texts()
        assert not set(cells) & NONE_LIKE, path
        seen[f"{lang}{path.split('?')[0]}"] = texts
        if headers:
            visit.shot(f"tables-{lang}-{path.split('?')[0].strip('/') or 'overview'}")
    # What was checked was there: tables on four pages in each language, empty cells as a dash.
    for lang in LANGUAGES:
        assert all(seen[f"{lang}/{name}"] for name in ("", "partnerships", "explorer", "quality"))
        assert MISSING in seen[f"{lang}/explorer"]  # the sample leaves some cells of it empty


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dates_are_written_in_the_language_and_stay_dates(server: str, visit: Visit, lang: str) -> None:
    page = visit.open(f"{server}/explorer?ui_lang={lang.upper()}", TABLES)
    _, texts = shown_tables(page)
    assert not [text for text in texts if ISO_DATE.fullmatch(text)]
    # The grid's accessible cells hold the values: dates, so the column sorts by date.
    values = page.locator(f'{TABLES} [role="gridcell"]').all_inner_texts()
    days = [date.fromisoformat(value) for value in values if ISO_DATE.fullmatch(value)]
    assert len(days) == 12  # the sample's items
    assert days == sorted(days, reverse=True)  # newest first, as the Explorer lists them
    # Drawn in order, each as the language writes it: "15 Dec 2023", "15.12.2023".
    written = list(dict.fromkeys(text for text in texts if DATES[lang].fullmatch(text)))
    assert written == [WRITTEN[lang](day) for day in dict.fromkeys(days)][: len(written)]
    assert len(written) >= 10  # as many as fit on the screen
