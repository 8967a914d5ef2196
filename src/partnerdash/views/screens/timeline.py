"""Timeline: activity per month, quarter or year — or the partnerships with news so far —
and the items themselves on a time axis."""

from __future__ import annotations

import streamlit as st

from partnerdash.charts.frames import NO_PLACE, NO_TOPIC, Period
from partnerdash.charts.timeline import activity_figure, items_on_axis, pairs_so_far_figure
from partnerdash.views import aggregates
from partnerdash.views.chart import show
from partnerdash.views.context import Context, context
from partnerdash.views.controls import choice, period
from partnerdash.views.tables import items_table

_VIEWS = {"period": "per_period", "cumulative": "cumulative"}


def timeline() -> None:
    ctx = context()
    t = ctx.t
    if ctx.view.events.empty:
        st.info(t("no_items"))
        return
    left, middle, right = st.columns(3)
    every = period(t, "period", "M", left)
    shown = choice(t("activity_view"), list(_VIEWS), "period", "activity", lambda v: t(_VIEWS[v]), middle)
    if shown == "cumulative":
        _pairs_so_far(ctx, every)
    else:
        _activity(ctx, every, choice(t("stack_by"), ("region", "topic"), "region", "stack", t, right))
    st.caption(t("select_hint"))
    axis = items_on_axis(ctx.view.events, t.category)
    selection = show(ctx, axis, t("items_on_axis"), "items", key="items_axis", select=True)
    chosen = {point.get("customdata") for point in (selection.selection.points if selection else [])}
    chosen.discard(None)
    if chosen:
        st.subheader(t("selected_items"))
        items_table(ctx, ctx.view.events[ctx.view.events["event_id"].isin(chosen)], key="timeline_selected")


def _activity(ctx: Context, every: Period, stack: str) -> None:
    column, missing = ("regions", NO_PLACE) if stack == "region" else ("topics", NO_TOPIC)
    counts = aggregates.counts_over_time(ctx, column, missing, every)
    show(ctx, activity_figure(counts, stack, ctx.t.category), ctx.t("activity_over_time"), "activity")


def _pairs_so_far(ctx: Context, every: Period) -> None:
    t = ctx.t
    figure = pairs_so_far_figure(aggregates.pairs_so_far(ctx, every), t("pairs_so_far"), t("pairs_new"))
    show(ctx, figure, t("pairs_so_far"), "partnerships-so-far")
    st.caption(t("pairs_so_far_hint"))
