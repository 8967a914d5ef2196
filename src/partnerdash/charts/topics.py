"""Topic breakdowns: topic × region heatmap, trends, and shares per region or country.

As in :mod:`partnerdash.charts.timeline`, each figure is drawn from its counted table
(the ``*_figure`` functions) in one go, from numpy arrays.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from partnerdash.charts.frames import NO_PLACE, NO_TOPIC, Period, counts_over_time, crosstab, exploded
from partnerdash.charts.theme import OKABE_ITO, SEQUENTIAL, ink, sequential, styles_for
from partnerdash.charts.timeline import groups_by_size

Label = Callable[[str], str]


def heatmap(events: pd.DataFrame, label: Label = str) -> go.Figure:
    return heatmap_figure(crosstab(events, "topics", "regions"), label)


def heatmap_figure(table: pd.DataFrame, label: Label = str) -> go.Figure:
    """Items per topic (rows) and region (columns), from :func:`crosstab`.

    The counts are written over the cells by a text trace, each in black or white for its
    cell: plotly's own choice for a heatmap's text (dark grey or white) falls below 4.5:1
    on the middle of the scale."""
    z = table.to_numpy(np.int64)
    xs = np.array([label(str(c)) for c in table.columns], dtype=object)
    ys = np.array([label(str(r)) for r in table.index], dtype=object)
    top = max(int(z.max(initial=0)), 1)
    cells = go.Heatmap(
        z=z,
        x=xs,
        y=ys,
        zmin=0,
        zmax=top,
        colorscale=SEQUENTIAL,
        hovertemplate="%{y} · %{x}: %{z}<extra></extra>",
        colorbar={"title": None},
    )
    counts = go.Scatter(
        x=np.tile(xs, len(ys)),
        y=np.repeat(ys, len(xs)),
        text=z.ravel().astype(str),
        mode="text",
        textfont={"color": [ink(colour) for colour in sequential(z.ravel() / top)]},
        hoverinfo="skip",
        showlegend=False,
    )
    return go.Figure([cells, counts], {"xaxis": {"side": "bottom", "tickangle": -30}})


def trend(events: pd.DataFrame, period: Period, label: Label = str) -> go.Figure:
    return trend_figure(counts_over_time(events, "topics", NO_TOPIC, period), label)


def trend_figure(table: pd.DataFrame, label: Label = str) -> go.Figure:
    """A line per topic from its counts per period (period, group, items), each with its
    own dash and marker symbol as well as its colour."""
    groups = groups_by_size(table)
    styles = styles_for([g for g, _ in groups])
    lines = [
        go.Scatter(
            x=rows["period"].to_numpy("datetime64[ns]"),
            y=rows["items"].to_numpy(np.int64),
            mode="lines+markers",
            name=label(group),
            line={"color": styles[group].colour, "width": 3, "dash": styles[group].dash},
            marker={"size": 9, "symbol": styles[group].symbol, "color": styles[group].colour},
        )
        for group, rows in groups
    ]
    return go.Figure(lines, {"yaxis": {"rangemode": "tozero"}})


def share_table(events: pd.DataFrame, by: str, top: int = 15) -> pd.DataFrame:
    """Topics per region (or country) of the ``top`` with most items: counts, not shares."""
    return top_rows(crosstab(events, "regions" if by == "region" else "countries", "topics"), top)


def top_rows(table: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """The ``top`` rows of a crosstab with the most items, most first."""
    return table.loc[table.sum(axis=1).sort_values(ascending=False).index[:top]]


def share(
    events: pd.DataFrame, by: str, row_label: Label = str, topic_label: Label = str, top: int = 15
) -> go.Figure:
    """Share of each topic among the items of each region (or country), in per cent."""
    return share_figure(share_table(events, by, top), row_label, topic_label)


def share_figure(table: pd.DataFrame, row_label: Label = str, topic_label: Label = str) -> go.Figure:
    """The stacked per-cent bars of :func:`share`, from :func:`share_table`, each topic
    patterned as well as coloured."""
    counts = table.to_numpy(float)
    totals = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        percent = np.nan_to_num(counts / totals) * 100
    styles = styles_for([str(c) for c in table.columns])
    rows = np.array([row_label(str(i)) for i in table.index], dtype=object)
    bars = [
        go.Bar(
            y=rows,
            x=percent[:, j],
            name=topic_label(str(topic)),
            orientation="h",
            marker=styles[str(topic)].bar_marker(),
            hovertemplate="%{y}: %{x:.0f}%<extra>%{fullData.name}</extra>",
        )
        for j, topic in enumerate(table.columns)
    ]
    layout = {
        "barmode": "stack",
        "legend": {"orientation": "h", "y": -0.2},
        "xaxis": {"range": [0, 100], "ticksuffix": "%"},
        "yaxis": {"autorange": "reversed"},
    }
    return go.Figure(bars, layout)


def region_counts(events: pd.DataFrame) -> pd.Series:
    """Items per world region, fewest first (an item naming two regions counts for both)."""
    return exploded(events, "regions", NO_PLACE)["regions"].value_counts().sort_values()


def by_region(events: pd.DataFrame, label: Label = str) -> go.Figure:
    """Items per world region (an item naming two regions counts for both)."""
    return by_region_figure(region_counts(events), label)


def by_region_figure(counts: pd.Series, label: Label = str) -> go.Figure:
    bar = go.Bar(
        x=counts.to_numpy(),
        y=[label(str(r)) for r in counts.index],
        orientation="h",
        marker_color=OKABE_ITO[0],
        hovertemplate="%{y}: %{x}<extra></extra>",
    )
    return go.Figure(bar)
