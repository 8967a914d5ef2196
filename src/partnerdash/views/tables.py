"""The items as a table: what the Explorer shows and downloads, and the shorter lists; and
how every table of the dashboard is drawn (:func:`table`), headers and dates in the language."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import cache
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from partnerdash.filters import View
from partnerdash.i18n import Labels
from partnerdash.views.context import Context
from partnerdash.views.text import safe_url

# What an empty cell shows: st.dataframe would write "None" in it.
MISSING = "—"


def newest_first(dates: pd.Series) -> np.ndarray:
    """Row positions by date, newest first, undated last: the order of
    ``sort_values("date", ascending=False)``, worked out without copying the table.

    Callers take only the rows they show (``iloc``): sorting a 100,000-item table
    copies every text column of it, on every rerun.
    """
    values = dates.to_numpy("datetime64[ns]")
    missing = np.isnat(values)
    positions = np.arange(len(values))
    # As pandas sorts descending (nargsort): reversed, sorted ascending, reversed back.
    dated, dated_positions = values[~missing][::-1], positions[~missing][::-1]
    order = dated_positions[dated.argsort(kind="quicksort")][::-1]
    return np.concatenate([order, positions[missing]])


def newest(events: pd.DataFrame, n: int | None = None) -> pd.DataFrame:
    """The items newest first (the ``n`` newest if given), undated last."""
    return events.iloc[newest_first(events["date"])[:n]]


def newest_in_view(view: View, n: int) -> pd.DataFrame:
    """The ``n`` newest items in view, without making the view's table."""
    rows = newest_first(view.column("date"))[:n]
    if view.mask is not None:
        rows = np.flatnonzero(view.mask)[rows]
    return view.data.events.iloc[rows]


def display_frame(ctx: Context, events: pd.DataFrame) -> pd.DataFrame:
    """One row per item with readable columns, in the interface's language."""
    t = ctx.t
    # A few distinct codes among many rows: each is looked up once.
    country, category = cache(t.country), cache(t.category)
    return pd.DataFrame(
        {
            t("date"): events["date"].dt.date,
            t("title"): events["title"],
            t("places"): events["municipalities"].map(", ".join),
            t("countries"): events["countries"].map(lambda codes: ", ".join(map(country, codes))),
            t("topics"): events["topics"].map(lambda keys: ", ".join(map(category, keys))),
            t("kind"): events["kind"].map(category),
            t("link"): events["url"].map(safe_url),
            t("source"): events["source"] + " #" + events["position"].astype("string"),
        }
    ).set_axis(events["event_id"].to_numpy())  # after building: the columns align on the events' index


def date_column(t: Labels, label: str | None = None) -> Any:
    """Dates as the interface's language writes them; the column still sorts by date."""
    return st.column_config.DateColumn(label, format=t("table_date_format"))


def labelled(t: Labels, labels: Mapping[str, str], dates: Collection[str] = ()) -> dict[str, Any]:
    """Headers for a table whose columns keep their field names (the labels' keys by
    column), the ``dates`` among them as dates."""
    return {
        column: date_column(t, t(key)) if column in dates else st.column_config.Column(t(key))
        for column, key in labels.items()
    }


def table(t: Labels, frame: pd.DataFrame, config: Mapping[str, Any] | None = None, **options: Any) -> Any:
    """Every table of the dashboard: no index, and a dash in empty cells, not "None". A
    table without rows is a line saying so (st.dataframe would write "empty", in English)."""
    if frame.empty:
        st.caption(t("no_rows"))
        return None
    return st.dataframe(frame, hide_index=True, column_config=config, placeholder=MISSING, **options)


def items_table(ctx: Context, events: pd.DataFrame, key: str, select: bool = False) -> Any:
    t = ctx.t
    config = {t("link"): st.column_config.LinkColumn(display_text="↗"), t("date"): date_column(t)}
    frame = display_frame(ctx, events)
    if select:
        return table(t, frame, config, key=key, on_select="rerun", selection_mode="single-row")
    table(t, frame, config, key=key)
    return None
