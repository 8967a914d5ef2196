"""The "Download summary" button: the current view as one self-contained HTML file."""

from __future__ import annotations

import streamlit as st

from partnerdash.charts.map import partnership_map
from partnerdash.charts.theme import finish
from partnerdash.charts.timeline import activity
from partnerdash.charts.topics import by_region, heatmap
from partnerdash.filters import kpis
from partnerdash.report import summary_html
from partnerdash.views.context import Context


def build_report(ctx: Context) -> str:
    t, view = ctx.t, ctx.view
    figures = [
        (t("map_title"), partnership_map(view.places, view.partnerships, t.category, events=view.events)),
        (t("activity_over_time"), activity(view.events, "M", "region", t.category)),
        (t("topic_region"), heatmap(view.events, t.category)),
        (t("activity_by_region"), by_region(view.events, t.category)),
    ]
    titled = [(title, finish(fig, title, ctx.span)) for title, fig in figures]
    return summary_html(view, kpis(view), t, ctx.caption(), titled)


def report_button(ctx: Context) -> None:
    st.download_button(
        ctx.t("download_report"),
        data=lambda: build_report(ctx).encode("utf-8"),
        file_name="partnerdash-summary.html",
        mime="text/html",
        help=ctx.t("report_help"),
        on_click="ignore",
        icon=":material/download:",
    )
