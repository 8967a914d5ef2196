"""Every table speaks the interface's language: human headers, dates as the language writes
them (still dates underneath, so they sort as dates), and empty cells empty, never "None".

The headers are what the browser shows: a column's configured label, else its name.
tests/views/test_browser_polish.py checks the same on the drawn page.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Dataframe
from tests.test_partial_failure import ten_files
from tests.views.conftest import PAGES, ROOT, open_page

from partnerdash.geocode.overrides import COLUMNS
from partnerdash.i18n import Labels
from partnerdash.views.tables import MISSING, date_column, labelled

App = Callable[[Path | None], AppTest]
NOT_EMPTY = {"None", "none", "nan", "NaN", "NaT", "<NA>"}  # what a missing value prints as
INTERFACE = tomllib.loads((ROOT / "data" / "labels.toml").read_text(encoding="utf-8"))


def config(table: Dataframe) -> dict[str, Any]:
    columns: dict[str, Any] = json.loads(table.proto.columns) if table.proto.columns else {}
    return columns


def headers(table: Dataframe) -> list[str]:
    """The column headers as shown: the configured label, else the column's name."""
    columns = config(table)
    return [str(columns.get(str(name), {}).get("label") or name) for name in table.value.columns]


def date_columns(frame: pd.DataFrame) -> list[str]:
    """Columns of dates, whether datetime64 or Python dates (``Series.dt.date``)."""
    return [str(name) for name, column in frame.items() if _dates(column)]


def _dates(column: pd.Series) -> bool:
    if pd.api.types.is_datetime64_any_dtype(column):
        return True
    values = column.dropna()
    return column.dtype == object and not values.empty and values.map(lambda v: isinstance(v, date)).all()


@pytest.fixture
def news(data_folder: Path) -> Path:
    """Both languages, undated and partly resolved items, and a broken file (a warnings table)."""
    return ten_files(data_folder, "broken.xlsx")


def run_in(app: App, news: Path | None, lang: str, page: str) -> AppTest:
    at = app(news)
    if lang != "en":
        at.segmented_control(key="ui_lang").set_value(lang).run()
    at = open_page(at, page)
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("page", PAGES)
def test_every_tables_headers_are_interface_text(app: App, news: Path, page: str, lang: str) -> None:
    at = run_in(app, news, lang, page)
    texts = set(INTERFACE[lang].values())
    for table in at.dataframe:
        shown = headers(table)
        assert not [h for h in shown if "_" in h], shown
        # Each header is a text of this language's table: never a field name, nor English in German.
        assert set(shown) <= texts, set(shown) - texts


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("page", PAGES)
def test_no_cell_reads_none_and_dates_are_in_the_languages_format(
    app: App, news: Path, page: str, lang: str
) -> None:
    at = run_in(app, news, lang, page)
    format_ = Labels(lang)("table_date_format")
    for table in at.dataframe:
        frame, columns = table.value, config(table)
        text = frame.select_dtypes(exclude="number").astype("string").fillna("")
        assert not text.isin(NOT_EMPTY).any().any(), text[text.isin(NOT_EMPTY).any(axis=1)]
        if frame.isna().any().any():
            # The browser draws the placeholder in an empty cell, and "None" without one.
            assert table.proto.HasField("placeholder"), headers(table)
            assert table.proto.placeholder not in NOT_EMPTY
        for name in date_columns(frame):
            assert columns[name]["type_config"]["format"] == format_, name


def test_the_pages_do_show_tables_with_missing_values_and_dates(app: App, news: Path) -> None:
    """What the two tests above check is there to check: empty cells and dates on the pages."""
    at = run_in(app, news, "en", "quality")
    frames = [table.value for table in at.dataframe]
    assert any(frame.isna().any().any() for frame in frames)
    assert any(date_columns(frame) for frame in frames)
    assert all(table.proto.placeholder == MISSING for table in at.dataframe if not table.proto.editing_mode)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_table_without_rows_is_a_line_saying_so(app: App, lang: str) -> None:
    """st.dataframe would draw an empty grid saying "empty", in English."""
    at = run_in(app, None, lang, "quality")  # the sample: nothing undated, every registry row fine
    assert [table for table in at.dataframe if table.value.empty] == []
    assert [c.value for c in at.caption].count(Labels(lang)("no_rows")) >= 2


def test_the_registrys_partnership_types_are_named_in_german(app: App) -> None:
    at = run_in(app, None, "de", "partnerships")
    types = at.dataframe[0].value["Art"]
    assert set(types.dropna()) == {"Städtepartnerschaft"}  # the bundled registry: all "twinning"
    assert types.notna().all()


def test_the_overrides_editor_keeps_the_files_columns_under_german_headers(app: App, news: Path) -> None:
    at = run_in(app, news, "de", "quality")
    (editor,) = [table for table in at.dataframe if table.proto.editing_mode]
    assert list(editor.value.columns) == list(COLUMNS)  # what a save writes
    assert headers(editor) == [
        "Name (Schreibweisen mit | getrennt)",
        "Land (ISO-Code)",
        "Breite",
        "Länge",
        "Art",
        "Notiz",
    ]


def test_labelled_columns_keep_their_names_and_show_the_languages_text() -> None:
    columns = labelled(Labels("de"), {"a_label": "partner_a", "date": "date"}, dates={"date"})
    assert columns["a_label"]["label"] == "Kommune"
    assert columns["date"] == date_column(Labels("de"), "Datum")
    assert columns["date"]["type_config"]["format"] == "DD.MM.YYYY"
