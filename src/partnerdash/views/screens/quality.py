"""Data quality: unresolved places, undated items, load warnings, and the place overrides."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from partnerdash.geocode.overrides import COLUMNS, default_path, save_overrides
from partnerdash.views.context import context
from partnerdash.views.data import finder, folder_dataset, upload_dataset


def _overrides_frame() -> pd.DataFrame:
    path = default_path()
    if not path.exists():
        return pd.DataFrame(columns=list(COLUMNS))
    return pd.read_csv(path, dtype=str, keep_default_na=False)


_FLASH = "_overrides_saved"
MAX_ROWS = 2000  # per table: the page stays light on a large archive


def quality() -> None:
    ctx = context()
    t = ctx.t
    if _FLASH in st.session_state:
        st.success(st.session_state.pop(_FLASH))
    places = ctx.data.places
    unresolved = places[places["canonical"].isna()].merge(
        ctx.data.events[["event_id", "title"]], on="event_id"
    )
    st.subheader(t("unresolved_places"))
    if unresolved.empty:
        st.success(t("all_resolved"))
    else:
        table = (
            unresolved.groupby("name")
            .agg(
                count=("event_id", "nunique"),
                reason=("unresolved_reason", "first"),
                example=("title", "first"),
            )
            .reset_index()
            .sort_values("count", ascending=False)
        )
        st.caption(t("unresolved_help"))
        st.dataframe(table, hide_index=True)
    st.subheader(t("undated"))
    events = ctx.data.events
    undated = events[events["date"].isna() | events["date_inferred"]]
    st.dataframe(
        undated[["date", "date_inferred", "title", "source", "position"]].head(MAX_ROWS), hide_index=True
    )
    st.subheader(t("warnings"))
    if ctx.data.warnings:
        st.dataframe(
            pd.DataFrame(
                [
                    {"source": w.source, "item": w.item, "message": w.message}
                    for w in ctx.data.warnings[:MAX_ROWS]
                ]
            ),
            hide_index=True,
        )
    else:
        st.success(t("no_warnings"))
    _overrides_editor()


def _overrides_editor() -> None:
    ctx = context()
    t = ctx.t
    st.subheader(t("overrides"))
    st.caption(t("overrides_help"))
    edited = st.data_editor(_overrides_frame(), num_rows="dynamic", key="overrides_editor", hide_index=True)
    if st.button(t("save"), type="primary"):
        rows: list[dict[str, object]] = [
            {str(k): ("" if pd.isna(v) else v) for k, v in row.items()}
            for row in edited.to_dict("records")
            if any(str(v).strip() for v in row.values() if not pd.isna(v))
        ]
        try:
            save_overrides(default_path(), rows)
        except ValueError as error:
            st.error(t("invalid", reason=str(error)))
            return
        finder.clear()
        folder_dataset.clear()
        upload_dataset.clear()
        st.session_state[_FLASH] = t("saved", count=len(rows))
        st.rerun()
