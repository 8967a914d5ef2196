"""Topics: topic × region heatmap, topic trends, shares of topics per region or country."""

from __future__ import annotations

import streamlit as st

from partnerdash.charts.frames import NO_TOPIC
from partnerdash.charts.topics import heatmap_figure, share_figure, trend_figure
from partnerdash.views import aggregates
from partnerdash.views.chart import show
from partnerdash.views.context import context
from partnerdash.views.controls import choice, period


def topics() -> None:
    ctx = context()
    t = ctx.t
    if not len(ctx.view):
        st.info(t("no_items"))
        return
    cells = aggregates.crosstab(ctx, "topics", "regions")
    show(ctx, heatmap_figure(cells, t.category), t("topic_region"), "topics-by-region")
    counts = aggregates.counts_over_time(ctx, "topics", NO_TOPIC, period(t, "topic_period", "Q"))
    show(ctx, trend_figure(counts, t.category), t("topic_trend"), "topic-trend")
    by = choice(
        t("topic_share"),
        ("region", "country"),
        "region",
        "share_by",
        lambda b: t("by_region" if b == "region" else "by_country"),
    )
    rows = t.category if by == "region" else t.country
    title = f"{t('topic_share')} {t('by_region' if by == 'region' else 'by_country')}"
    show(ctx, share_figure(aggregates.share_table(ctx, by), rows, t.category), title, "topic-share")
