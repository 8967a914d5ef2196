"""The items as a table: what the Explorer shows and downloads, and the shorter lists."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from partnerdash.views.context import Context
from partnerdash.views.text import safe_url


def display_frame(ctx: Context, events: pd.DataFrame) -> pd.DataFrame:
    """One row per item with readable columns, in the interface's language."""
    t = ctx.t
    return pd.DataFrame(
        {
            t("date"): events["date"].dt.date,
            t("title"): events["title"],
            t("places"): events["municipalities"].map(", ".join),
            t("countries"): events["countries"].map(lambda codes: ", ".join(map(t.country, codes))),
            t("topics"): events["topics"].map(lambda keys: ", ".join(map(t.category, keys))),
            t("kind"): events["kind"].map(t.category),
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
