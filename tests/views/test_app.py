"""Every page on the sample, on an empty dataset, and with every filter; links reproduce views."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from tests.views.conftest import APP, PAGES, ROOT, open_page

from partnerdash.filters import Filters, apply
from partnerdash.i18n import Labels
from partnerdash.pipeline import build_paths

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


def first_elements(at: AppTest, n: int) -> list[Any]:
    return list(at.main.children.values())[:n]


def unescaped(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize("page", PAGES)
def test_each_page_starts_with_the_title_and_one_line_on_what_it_shows(app: App, page: str) -> None:
    at = open_page(app(None), page)
    title, line, after = first_elements(at, 3)
    assert (title.type, line.type) == ("title", "caption")
    assert after.type != "alert"  # nothing went wrong: no warning
    assert not at.get("status")
    assert not at.expander  # the old status boxes, which stayed on every page
    t = Labels("en")
    parts = unescaped(line.value).split(" · ")
    assert parts[:5] == [
        "Showing 12 of 12 items",
        "11 Apr 2023 – 15 Dec 2023",  # the first and the last item's dates
        "source: bundled sample (SKEW news archive 2023)",
        parts[3],
        "registry: 28 partnerships",  # the bundled registry's rows
    ]
    # From the store once any test has read the sample, else extracted.
    assert parts[3] in (t("header_files", files=1, stored=s, extracted=1 - s) for s in (0, 1))
    assert re.fullmatch(r"loaded \d\d:\d\d", parts[5])  # today: the time only


def test_the_header_line_counts_the_view_in_german(app: App) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["ui_lang"] = "DE"
    at.query_params["region"] = "Osteuropa"
    at.run()
    parts = unescaped(at.caption[0].value).split(" · ")
    assert parts[0] == "5 von 12 Meldungen"
    dates = apply(build_paths([ROOT / "data" / "sample"]), Filters(regions=("Eastern Europe",))).events[
        "date"
    ]
    de = Labels("de")
    assert parts[1] == f"{de.date(dates.min().date())} – {de.date(dates.max().date())}"  # the view's
    assert re.fullmatch(r"\d+\. \w+\.? 2023 – \d+\. \w+\.? 2023", parts[1])  # "11. Apr. 2023"
    assert parts[4] == "Verzeichnis: 28 Partnerschaften"


def test_what_went_wrong_is_one_warning_under_the_header_line(
    app: App, data_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_folder / "broken.xlsx").write_bytes(b"not a workbook")
    (data_folder / "empty.json").write_bytes(b"")
    monkeypatch.setenv("PARTNERDASH_REGISTRY", str(data_folder / "nowhere.csv"))
    at = app(data_folder)
    assert not at.exception
    title, line, warning = first_elements(at, 3)
    assert (title.type, line.type) == ("title", "caption")
    assert [warning] == list(at.warning)
    shown = unescaped(warning.value)
    assert "**2 file(s) could not be read; the figures leave them out**" in shown
    assert f"\n- {data_folder / 'broken.xlsx'}: " in shown  # each file named, with why
    assert f"\n- {data_folder / 'empty.json'}: " in shown
    assert "**The registry file nowhere.csv was not found;" in shown
    assert "registry" not in unescaped(line.value)  # none was read


def test_a_registry_row_that_was_skipped_is_named_in_the_warning(
    app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = tmp_path / "partnerships.csv"
    bundled = (ROOT / "data" / "registry" / "partnerships.csv").read_text(encoding="utf-8")
    registry.write_text(
        bundled + "Leipzig,Germany,,,1999,twinning,a row without a partner\n", encoding="utf-8"
    )
    monkeypatch.setenv("PARTNERDASH_REGISTRY", str(registry))
    at = app(None)
    (warning,) = at.warning
    shown = unescaped(warning.value)
    assert shown.startswith("**Registry file notes**\n- partnerships.csv: row 30: ")
    assert shown.endswith("; skipped")
    assert "registry: 28 partnerships" in unescaped(at.caption[0].value)  # the other rows


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
