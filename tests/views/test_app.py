"""Every page on the sample, on an empty dataset, and with every filter; links reproduce views."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from tests.views.conftest import PAGES, open_page

App = Callable[[Path | None], AppTest]


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_sample(app: App, page: str) -> None:
    at = open_page(app(None), page)
    assert_clean(at)
    assert "Showing 12 of 12 items" in at.caption[0].value


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_an_empty_dataset(app: App, tmp_path: Path, page: str) -> None:
    at = open_page(app(tmp_path), page)
    assert_clean(at)
    assert "Showing 0 of 0 items" in at.caption[0].value


def test_item_tables_show_each_items_text(app: App) -> None:
    latest = app(None).dataframe[0].value
    assert latest.iloc[0]["Title"] == "Reconstruction in Ukraine starts now!"
    assert latest["Title"].notna().all()
    assert latest["Date"].notna().all()


def test_overview_shows_the_key_figures(app: App) -> None:
    at = app(None)
    assert metrics(at) == {"Items": "12", "Municipalities": "8", "Countries": "10", "Partnerships": "4"}


@pytest.mark.parametrize(
    ("key", "value", "items"),
    [
        ("region", ["Sub-Saharan Africa"], 12),
        ("country", ["LB"], 2),
        ("state", ["Bavaria"], 9),
        ("municipality", ["Leipzig"], 5),
        ("topic", ["health"], 5),
        ("kind", ["interview"], 2),
        ("lang", ["de"], 8),
    ],
)
def test_each_filter_changes_the_counts(
    app: App, data_folder: Path, key: str, value: list[str], items: int
) -> None:
    at = app(data_folder)
    total = int(metrics(at)["Items"])
    at.multiselect(key=key).set_value(value).run()
    assert_clean(at)
    assert total == 30
    assert int(metrics(at)["Items"]) == items


def test_search_and_date_range(app: App) -> None:
    at = app(None)
    at.text_input(key="q").input("Harare").run()
    assert metrics(at)["Items"] == "1"
    at.text_input(key="q").input("").run()
    from datetime import date

    at.date_input(key="dates").set_value((date(2023, 6, 1), date(2023, 7, 31))).run()
    assert metrics(at)["Items"] == "3"


def test_reset_clears_every_filter(app: App) -> None:
    at = app(None)
    at.multiselect(key="country").set_value(["UA"]).run()
    assert metrics(at)["Items"] != "12"
    at.button[0].click().run()
    assert metrics(at)["Items"] == "12"


def test_filters_live_in_the_address_and_a_link_reproduces_the_view(app: App, data_folder: Path) -> None:
    at = app(data_folder)
    at.multiselect(key="country").set_value(["UA"]).run()
    narrowed = metrics(at)["Items"]
    # The address holds what the filter shows ("Ukraine (UA)"); the browser test checks
    # that choosing a filter writes it, here that such an address opens the same view.
    fresh = AppTest.from_file(at._script_path, default_timeout=120)
    fresh.query_params["country"] = "Ukraine (UA)"
    fresh.run()
    assert fresh.multiselect(key="country").value == ["UA"]
    assert metrics(fresh)["Items"] == narrowed


def test_the_interface_speaks_german_from_the_address(app: App) -> None:
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=120)
    at.query_params["ui_lang"] = "DE"
    at.query_params["region"] = "Osteuropa"
    at.run()
    assert_clean(at)
    assert at.title[0].value == "Aktivität kommunaler Partnerschaften"
    assert metrics(at)["Meldungen"] == "5"
