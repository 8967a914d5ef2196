"""The items as a table: what the Explorer shows and downloads, and the shorter lists."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from partnerdash.views.context import Context
from partnerdash.views.text import safe_url


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


def items_table(ctx: Context, events: pd.DataFrame, key: str, select: bool = False) -> Any:
    frame = display_frame(ctx, events)
    config = {ctx.t("link"): st.column_config.LinkColumn(display_text="↗")}
    if select:
        return st.dataframe(
            frame,
            hide_index=True,
            column_config=config,
            key=key,
            on_select="rerun",
            selection_mode="single-row",
        )
    st.dataframe(frame, hide_index=True, column_config=config, key=key)
    return None
