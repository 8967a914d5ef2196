"""Timeline: activity per month, quarter or year, and the items themselves on a time axis."""

from __future__ import annotations

from typing import cast

import streamlit as st

from partnerdash.charts.frames import Period
from partnerdash.charts.timeline import activity, items_on_axis
from partnerdash.views.chart import show
from partnerdash.views.context import context
from partnerdash.views.tables import items_table

PERIODS = ("M", "Q", "Y")


def timeline() -> None:
    ctx = context()
    t = ctx.t
    if ctx.view.events.empty:
        st.info(t("no_items"))
        return
    left, right = st.columns(2)
    period = (
        left.segmented_control(
            t("period"),
            PERIODS,
            default="M",
            key="period",
            bind="query-params",
            format_func=lambda p: t({"M": "month", "Q": "quarter", "Y": "year"}[p]),
        )
        or "M"
    )
    stack = (
        right.segmented_control(
            t("stack_by"),
            ("region", "topic"),
            default="region",
            key="stack",
            bind="query-params",
            format_func=lambda s: t(s),
        )
        or "region"
    )
    show(
        ctx,
        activity(ctx.view.events, cast(Period, period), stack, t.category),
        t("activity_over_time"),
        "activity",
    )
    st.caption(t("select_hint"))
    selection = show(
        ctx,
        items_on_axis(ctx.view.events, t.category),
        t("items_on_axis"),
        "items",
        key="items_axis",
        select=True,
    )
    chosen = {point.get("customdata") for point in (selection.selection.points if selection else [])}
    chosen.discard(None)
    if chosen:
        st.subheader(t("selected_items"))
        items_table(ctx, ctx.view.events[ctx.view.events["event_id"].isin(chosen)], key="timeline_selected")
