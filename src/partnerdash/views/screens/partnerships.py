"""Partnerships: the registry's known partnerships with their news activity.

Active, quiet for some months, without news, or stated in the news but missing from
the registry; the sidebar's filters apply. One partnership's items on a time axis.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd
import streamlit as st

from partnerdash.charts.timeline import items_on_axis
from partnerdash.i18n import Labels
from partnerdash.registry.join import STATUSES
from partnerdash.registry.selection import NetworkView
from partnerdash.views.chart import show
from partnerdash.views.context import Context, context
from partnerdash.views.tables import date_column, items_table, table

MAX_ROWS = 1000  # rows in the table; the download holds all


def _status_text(t: Labels, key: str, months: int | None) -> str:
    if key == "quiet" and months is not None:
        return t("status_quiet_months", months=months)
    return t(f"status_{key}")


def _type_text(t: Labels, kind: str) -> str:
    """A known type (data/registry_columns.toml) in the interface's language; another as written."""
    text = t(f"type_{kind}")
    return kind if text == f"type_{kind}" else text


def _side(t: Labels, frame: pd.DataFrame, side: str) -> pd.Series:
    return frame[f"{side}_name"].fillna("") + " (" + frame[f"{side}_country"].fillna("?") + ")"


def display(t: Labels, links: pd.DataFrame, keys: pd.Series) -> pd.DataFrame:
    """The table as shown: readable columns in the interface's language."""
    return pd.DataFrame(
        {
            t("partner_a"): _side(t, links, "a"),
            t("partner_b"): _side(t, links, "b"),
            t("status"): [
                _status_text(t, key, None if pd.isna(months) else int(months))
                for key, months in zip(keys, links["months_quiet"], strict=True)
            ],
            t("items"): links["news_items"],
            t("last_activity"): links["last_activity"].dt.date,
            t("since"): links["since"],
            t("partnership_type"): links["type"].map(lambda kind: _type_text(t, kind), na_action="ignore"),
            t("topics"): links["topics"].map(lambda keys: ", ".join(map(t.category, keys))),
        }
    )


def _unregistered_display(t: Labels, pairs: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("partner_a"): _side(t, pairs, "a"),
            t("partner_b"): _side(t, pairs, "b"),
            t("items"): pairs["news_items"],
            t("last_activity"): pairs["last_activity"].dt.date,
            t("phrase"): pairs["phrase"],
        }
    )


def _columns(t: Labels) -> dict[str, Any]:
    # A year, not a quantity: "1961", never "1,961".
    return {t("last_activity"): date_column(t), t("since"): st.column_config.NumberColumn(format="%d")}


def partnerships() -> None:
    ctx = context()
    t = ctx.t
    network = ctx.network
    if network is None:
        st.info(t("no_registry"))
        return
    st.caption(t("partnerships_hint", date=t.date(network.reference), months=12))
    keys = network.links["status"]
    counts = keys.value_counts()
    figures = [
        ("registered", len(network.links)),
        *((key, int(counts.get(key, 0))) for key in STATUSES[:3]),
        ("unregistered", len(network.unregistered)),
    ]
    for column, (key, value) in zip(st.columns(len(figures)), figures, strict=True):
        column.metric(t(f"count_{key}"), t.number(value), border=True)
    chosen = st.pills(
        t("status"),
        STATUSES,
        default=list(STATUSES),
        selection_mode="multi",
        format_func=lambda key: t(f"status_{key}"),
        key="link_status",
    )
    _registered_table(ctx, network, keys, set(chosen or ()))
    if "unregistered" in (chosen or ()):
        st.subheader(t("unregistered_title"))
        st.caption(t("unregistered_hint"))
        table(t, _unregistered_display(t, network.unregistered.head(MAX_ROWS)), _columns(t))
    _detail(ctx, network)


def _registered_table(ctx: Context, network: NetworkView, keys: pd.Series, chosen: set[str]) -> None:
    t = ctx.t
    shown = network.links[keys.isin(chosen).to_numpy(bool)]
    shown = shown.sort_values(["last_activity", "news_items"], ascending=False, na_position="last")
    st.subheader(t("registered_title"))
    if len(shown) > MAX_ROWS:
        st.caption(t("links_capped", shown=t.number(MAX_ROWS), total=t.number(len(shown))))
    table(t, display(t, shown.head(MAX_ROWS), keys.loc[shown.index[:MAX_ROWS]]), _columns(t))
    # Built on click only: with a large registry the whole table takes a moment.
    st.download_button(
        t("download_csv"),
        lambda: display(t, shown, keys.loc[shown.index]).to_csv(index=False).encode("utf-8"),
        file_name="partnerdash-partnerships.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )


def _detail(ctx: Context, network: NetworkView) -> None:
    """One partnership's items on a time axis, and as a table."""
    t = ctx.t
    active = network.links[network.links["news_items"] > 0].sort_values("news_items", ascending=False)
    if active.empty:
        return
    st.subheader(t("partnership_detail"))
    labels = (_side(t, active, "a") + " – " + _side(t, active, "b")).tolist()
    picked = st.selectbox(t("pick_partnership"), range(len(active)), format_func=labels.__getitem__)
    row = active.iloc[picked or 0]
    events = ctx.view.events[ctx.view.events["event_id"].isin(row["event_ids"])]
    # Plotly reads tags in titles; the registry's names are text from elsewhere.
    title = f"{html.escape(labels[picked or 0])}: {t('items')}"
    show(ctx, items_on_axis(events, t.category), title, "partnership-timeline")
    items_table(ctx, events.sort_values("date", ascending=False), key="partnership_items")
