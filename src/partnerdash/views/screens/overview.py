"""Overview: key figures against the previous period, activity by region, latest items."""

from __future__ import annotations

import streamlit as st

from partnerdash.charts.topics import by_region_figure
from partnerdash.filters import Kpis, apply, kpis
from partnerdash.views import aggregates
from partnerdash.views.chart import show
from partnerdash.views.context import Context, context
from partnerdash.views.tables import items_table, newest_in_view


def previous(ctx: Context) -> tuple[Kpis | None, int]:
    earlier = ctx.view.filters.previous_period()
    if earlier is None or earlier.start is None:
        return None, 0
    days = (ctx.view.filters.start - earlier.start).days if ctx.view.filters.start else 0
    return kpis(apply(ctx.data, earlier)), days


def overview() -> None:
    ctx = context()
    t = ctx.t
    now = kpis(ctx.view)
    before, days = previous(ctx)
    columns = st.columns(4)
    for column, name in zip(columns, ("items", "municipalities", "countries", "partnerships"), strict=True):
        value = getattr(now, name)
        delta = None if before is None else value - getattr(before, name)
        column.metric(
            t(name),
            t.number(value),
            delta=None if delta is None else t.number(delta),
            delta_description=t("vs_previous", days=days) if delta is not None else None,
            border=True,
        )
    if not len(ctx.view):
        st.info(t("no_items"))
        return
    figure = by_region_figure(aggregates.region_counts(ctx), t.category)
    show(ctx, figure, t("activity_by_region"), "activity-by-region")
    st.subheader(t("latest_items"))
    items_table(ctx, newest_in_view(ctx.view, 10), key="latest")
