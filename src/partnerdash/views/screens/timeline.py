"""Timeline: activity per month, quarter or year, and the items themselves on a time axis."""

from __future__ import annotations

import streamlit as st

from partnerdash.charts.frames import NO_PLACE, NO_TOPIC
from partnerdash.charts.timeline import activity_figure, items_on_axis
from partnerdash.views import aggregates
from partnerdash.views.chart import show
from partnerdash.views.context import context
from partnerdash.views.controls import choice, period
from partnerdash.views.tables import items_table


def timeline() -> None:
    ctx = context()
    t = ctx.t
    if ctx.view.events.empty:
        st.info(t("no_items"))
        return
    left, right = st.columns(2)
    every = period(t, "period", "M", left)
    stack = choice(t("stack_by"), ("region", "topic"), "region", "stack", t, right)
    column, missing = ("regions", NO_PLACE) if stack == "region" else ("topics", NO_TOPIC)
    counts = aggregates.counts_over_time(ctx, column, missing, every)
    show(ctx, activity_figure(counts, stack, t.category), t("activity_over_time"), "activity")
    st.caption(t("select_hint"))
    axis = items_on_axis(ctx.view.events, t.category)
    selection = show(ctx, axis, t("items_on_axis"), "items", key="items_axis", select=True)
    chosen = {point.get("customdata") for point in (selection.selection.points if selection else [])}
    chosen.discard(None)
    if chosen:
        st.subheader(t("selected_items"))
        items_table(ctx, ctx.view.events[ctx.view.events["event_id"].isin(chosen)], key="timeline_selected")
