"""Topic breakdowns: topic × region heatmap, trends, and shares per region or country."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from partnerdash.charts.frames import NO_PLACE, NO_TOPIC, Period, counts_over_time, crosstab, exploded
from partnerdash.charts.theme import SEQUENTIAL, colours_for

Label = Callable[[str], str]


def heatmap(events: pd.DataFrame, label: Label = str) -> go.Figure:
    table = crosstab(events, "topics", "regions")
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy(),
            x=[label(str(c)) for c in table.columns],
            y=[label(str(r)) for r in table.index],
            colorscale=SEQUENTIAL,
            texttemplate="%{z}",
            hovertemplate="%{y} · %{x}: %{z}<extra></extra>",
            colorbar={"title": None},
        )
    )
    fig.update_xaxes(side="bottom", tickangle=-30)
    return fig


def trend(events: pd.DataFrame, period: Period, label: Label = str) -> go.Figure:
    table = counts_over_time(events, "topics", NO_TOPIC, period)
    groups = list(table.groupby("group")["items"].sum().sort_values(ascending=False).index)
    colours = colours_for(groups)
    fig = go.Figure()
    for group in groups:
        rows = table[table["group"] == group]
        fig.add_scatter(
            x=rows["period"],
            y=rows["items"],
            mode="lines+markers",
            name=label(str(group)),
            line={"color": colours[group], "width": 3},
        )
    fig.update_yaxes(rangemode="tozero", title=None)
    return fig


def share(
    events: pd.DataFrame, by: str, row_label: Label = str, topic_label: Label = str, top: int = 15
) -> go.Figure:
    """Share of each topic among the items of each region (or country), in per cent."""
    column = "regions" if by == "region" else "countries"
    table = crosstab(events, column, "topics")
    table = table.loc[table.sum(axis=1).sort_values(ascending=False).index[:top]]
    percent = table.div(table.sum(axis=1), axis=0).fillna(0) * 100
    colours = colours_for(list(percent.columns))
    fig = go.Figure()
    for topic in percent.columns:
        fig.add_bar(
            y=[row_label(str(i)) for i in percent.index],
            x=percent[topic],
            name=topic_label(str(topic)),
            orientation="h",
            marker_color=colours[topic],
            hovertemplate="%{y}: %{x:.0f}%<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.2})
    fig.update_xaxes(range=[0, 100], ticksuffix="%")
    fig.update_yaxes(autorange="reversed")
    return fig


def by_region(events: pd.DataFrame, label: Label = str) -> go.Figure:
    """Items per world region (an item naming two regions counts for both)."""
    counts = exploded(events, "regions", NO_PLACE)["regions"].value_counts().sort_values()
    fig = go.Figure(
        go.Bar(
            x=counts.to_numpy(),
            y=[label(str(r)) for r in counts.index],
            orientation="h",
            marker_color="#0072B2",
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_xaxes(title=None)
    return fig
