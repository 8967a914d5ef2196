"""Explorer: the filtered items as a table, an item's full text, and downloads of the table."""

from __future__ import annotations

import io

import pandas as pd
import streamlit as st

from partnerdash.views.context import context
from partnerdash.views.tables import display_frame, items_table, newest_first
from partnerdash.views.text import plain

# More rows than this are not sent to the browser; the downloads still hold every row.
MAX_ROWS = 5000


def _excel(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, engine="openpyxl")
    return buffer.getvalue()


def explorer() -> None:
    ctx = context()
    t = ctx.t
    events = ctx.view.events
    if events.empty:
        st.info(t("no_items"))
        return
    # Newest first; only the rows shown are taken (sorting the table would copy all of it).
    order = newest_first(events["date"])
    left, right = st.columns(2)
    # Built on click only: on a large archive the full table takes a moment.
    left.download_button(
        t("download_csv"),
        lambda: display_frame(ctx, events.iloc[order]).to_csv(index=False).encode("utf-8"),
        "partnerdash-items.csv",
        "text/csv",
        on_click="ignore",
    )
    right.download_button(
        t("download_xlsx"),
        lambda: _excel(display_frame(ctx, events.iloc[order])),
        "partnerdash-items.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
    )
    if len(events) > MAX_ROWS:
        st.caption(t("rows_capped", shown=t.number(MAX_ROWS), total=t.number(len(events))))
    shown_events = events.iloc[order[:MAX_ROWS]]
    selection = items_table(ctx, shown_events, key="explorer_table", select=True)
    rows = selection.selection.rows if selection else []
    if rows:
        item = shown_events.iloc[rows[0]]
        st.subheader(plain(item["title"]))
        st.caption(
            plain(f"{t.date(item['date'].date()) if pd.notna(item['date']) else '—'} · {item['source']}")
        )
        if pd.notna(item["caption"]):
            st.caption(plain(item["caption"]))
        st.text(str(item["summary"]))
