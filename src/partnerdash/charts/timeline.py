"""Activity over time, and the items themselves on a time axis.

Each figure is drawn from a small table already counted (``frames``): one trace per
group, its points as numpy arrays, the layout set once — plotly validates every
property it is given, so a figure built in one go costs a fraction of one built by
``add_*`` and ``update_*`` calls on pandas columns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
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
    return activity_figure(counts_over_time(events, column, missing, period), stack_by, label)


def groups_by_size(table: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """A counts table (period, group, items) split per group, the largest group first."""
    if table.empty:
        return []
    totals = table.groupby("group", sort=True)["items"].sum().sort_values(ascending=False, kind="stable")
    parts = dict(tuple(table.groupby("group", sort=False)))
    return [(str(group), parts[group]) for group in totals.index]


def activity_figure(table: pd.DataFrame, stack_by: str, label: Label = str) -> go.Figure:
    """The stacked bars of :func:`activity` from its counts (period, group, items)."""
    groups = groups_by_size(table)
    colours = colours_for([g for g, _ in groups], REGION_COLOURS if stack_by == "region" else None)
    bars = [
        go.Bar(
            x=rows["period"].to_numpy("datetime64[ns]"),
            y=rows["items"].to_numpy(np.int64),
            name=label(group),
            marker_color=colours[group],
            hovertemplate="%{x|%b %Y}: %{y}<extra>%{fullData.name}</extra>",
        )
        for group, rows in groups
    ]
    layout = {
        "barmode": "stack",
        "legend": {"orientation": "h", "y": -0.15},
        "bargap": 0.15,
        "yaxis": {"rangemode": "tozero"},
    }
    return go.Figure(bars, layout)


def items_on_axis(events: pd.DataFrame, label: Label = str) -> go.Figure:
    """Each dated item as a point: time across, kind down, title on hover; selectable."""
    latest = events["date"].dropna().nlargest(MAX_ITEMS_ON_AXIS, keep="first")
    # Only the columns drawn, of the rows drawn: the table's text columns are costly to copy.
    dated = events.loc[latest.index, ["date", "kind", "event_id", "title"]]
    kinds = sorted(dated["kind"].dropna().unique())
    colours = colours_for(kinds)
    kind = dated["kind"].to_numpy(object)
    dates = dated["date"].to_numpy("datetime64[ns]")
    ids = dated["event_id"].to_numpy(object)
    titles = dated["title"].to_numpy(object)
    points = []
    for name in kinds:
        rows = kind == name
        points.append(
            go.Scatter(
                x=dates[rows],
                y=np.full(int(rows.sum()), label(name), dtype=object),
                mode="markers",
                name=label(name),
                marker={"size": 12, "color": colours[name], "line": {"width": 1, "color": "#FFFFFF"}},
                customdata=ids[rows],
                hovertext=titles[rows],
                hovertemplate="%{x|%d %b %Y}<br>%{hovertext}<extra></extra>",
            )
        )
    layout: dict[str, Any] = {"showlegend": False, "dragmode": "select", "yaxis": {"type": "category"}}
    if len(dated) and latest.iloc[0] - latest.iloc[-1] < MIN_SPAN:
        # One item, or a few close together: else the axis zooms to milliseconds.
        middle = latest.iloc[-1] + (latest.iloc[0] - latest.iloc[-1]) / 2
        layout["xaxis"] = {"range": [middle - MIN_SPAN / 2, middle + MIN_SPAN / 2]}
    return go.Figure(points, layout)
