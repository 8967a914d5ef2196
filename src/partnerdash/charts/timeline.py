"""Activity over time, and the items themselves on a time axis."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from partnerdash.charts.frames import NO_PLACE, NO_TOPIC, Period, counts_over_time
from partnerdash.charts.theme import REGION_COLOURS, colours_for

Label = Callable[[str], str]
# Beyond this many items the time axis shows the most recent ones (and says so).
MAX_ITEMS_ON_AXIS = 3000
MIN_SPAN = pd.Timedelta(days=90)


def activity(events: pd.DataFrame, period: Period, stack_by: str, label: Label = str) -> go.Figure:
    """Items per month, quarter or year, stacked by region or by topic."""
    column, missing = ("regions", NO_PLACE) if stack_by == "region" else ("topics", NO_TOPIC)
    table = counts_over_time(events, column, missing, period)
    groups = list(table.groupby("group")["items"].sum().sort_values(ascending=False).index)
    colours = colours_for(groups, REGION_COLOURS if stack_by == "region" else None)
    fig = go.Figure()
    for group in groups:
        rows = table[table["group"] == group]
        fig.add_bar(
            x=rows["period"],
            y=rows["items"],
            name=label(str(group)),
            marker_color=colours[group],
            hovertemplate="%{x|%b %Y}: %{y}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.15}, bargap=0.15)
    fig.update_yaxes(title=None, rangemode="tozero")
    return fig


def items_on_axis(events: pd.DataFrame, label: Label = str) -> go.Figure:
    """Each dated item as a point: time across, kind down, title on hover; selectable."""
    latest = events["date"].dropna().nlargest(MAX_ITEMS_ON_AXIS, keep="first")
    dated = events.loc[latest.index]  # not a sort of the whole table: it runs on every rerun
    kinds = sorted(dated["kind"].dropna().unique())
    colours = colours_for(kinds)
    fig = go.Figure()
    for kind in kinds:
        rows = dated[dated["kind"] == kind]
        fig.add_scatter(
            x=rows["date"],
            y=[label(kind)] * len(rows),
            mode="markers",
            name=label(kind),
            marker={"size": 12, "color": colours[kind], "line": {"width": 1, "color": "#FFFFFF"}},
            customdata=rows["event_id"],
            hovertext=rows["title"],
            hovertemplate="%{x|%d %b %Y}<br>%{hovertext}<extra></extra>",
        )
    fig.update_layout(showlegend=False, dragmode="select")
    fig.update_yaxes(title=None, type="category")
    if len(dated) and dated["date"].max() - dated["date"].min() < MIN_SPAN:
        # One item, or a few close together: else the axis zooms to milliseconds.
        middle = dated["date"].min() + (dated["date"].max() - dated["date"].min()) / 2
        fig.update_xaxes(range=[middle - MIN_SPAN / 2, middle + MIN_SPAN / 2])
    return fig
