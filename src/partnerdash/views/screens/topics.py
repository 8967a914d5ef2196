"""Topics: topic × region heatmap, topic trends, shares of topics per region or country."""

from __future__ import annotations

from typing import cast

import streamlit as st

from partnerdash.charts.frames import Period
from partnerdash.charts.topics import heatmap, share, trend
from partnerdash.views.chart import show
from partnerdash.views.context import context


def topics() -> None:
    ctx = context()
    t = ctx.t
    events = ctx.view.events
    if events.empty:
        st.info(t("no_items"))
        return
    show(ctx, heatmap(events, t.category), t("topic_region"), "topics-by-region")
    period = (
        st.segmented_control(
            t("period"),
            ("M", "Q", "Y"),
            default="Q",
            key="topic_period",
            bind="query-params",
            format_func=lambda p: t({"M": "month", "Q": "quarter", "Y": "year"}[p]),
        )
        or "Q"
    )
    show(ctx, trend(events, cast(Period, period), t.category), t("topic_trend"), "topic-trend")
    by = (
        st.segmented_control(
            t("topic_share"),
            ("region", "country"),
            default="region",
            key="share_by",
            bind="query-params",
            format_func=lambda b: t("by_region" if b == "region" else "by_country"),
        )
        or "region"
    )
    rows = t.category if by == "region" else t.country
    title = f"{t('topic_share')} {t('by_region' if by == 'region' else 'by_country')}"
    show(ctx, share(events, by, rows, t.category), title, "topic-share")
