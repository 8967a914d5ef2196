"""Activity over time, partnerships with news so far, and the items on a time axis.

Each figure is drawn from a small table already counted (``frames``, :func:`pairs_so_far_in`):
one trace per group, its points as numpy arrays, the layout set once — plotly validates
every property it is given, so a figure built in one go costs a fraction of one built by
``add_*`` and ``update_*`` calls on pandas columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from partnerdash.charts.frames import NO_PLACE, NO_TOPIC, Mask, Period, counts_over_time, period_start
from partnerdash.charts.theme import REGIONS, style, styles_for

Label = Callable[[str], str]
# Beyond this many items the time axis shows the most recent ones (and says so).
MAX_ITEMS_ON_AXIS = 3000
MIN_SPAN = pd.Timedelta(days=90)
_PERIOD_FREQUENCIES = {"M": "MS", "Q": "QS", "Y": "YS"}


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
    """The stacked bars of :func:`activity` from its counts (period, group, items); each
    group's bars patterned as well as coloured, so they can be told apart in grey."""
    groups = groups_by_size(table)
    styles = styles_for([g for g, _ in groups], REGIONS if stack_by == "region" else ())
    bars = [
        go.Bar(
            x=rows["period"].to_numpy("datetime64[ns]"),
            y=rows["items"].to_numpy(np.int64),
            name=label(group),
            marker=styles[group].bar_marker(),
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


@dataclass(frozen=True)
class Pairs:
    """A dataset's partnerships frame, indexed once: each row's event (its position among
    the events, -1 if none) and its pair's code. A pair is its two sides by name and
    country in either order: a partnership has no direction, so Bonn–Cape Coast is
    Cape Coast–Bonn."""

    rows: np.ndarray  # intp
    codes: np.ndarray  # intp

    @classmethod
    def of(cls, partnerships: pd.DataFrame, event_rows: np.ndarray) -> Pairs:
        sides = [
            partnerships[f"{side}_name"].fillna("").astype(str)
            + "|"
            + partnerships[f"{side}_country"].fillna("").astype(str)
            for side in ("a", "b")
        ]
        places, names = pd.factorize(pd.concat(sides, ignore_index=True))
        a, b = places[: len(partnerships)], places[len(partnerships) :]
        _, codes = np.unique(np.minimum(a, b) * len(names) + np.maximum(a, b), return_inverse=True)
        return cls(np.asarray(event_rows, dtype=np.intp), codes.astype(np.intp))


def pairs_so_far_in(pairs: Pairs, keep: Mask | None, dates: pd.Series, period: Period) -> pd.DataFrame:
    """For every period from the first to the last dated item kept (``dates`` those of all
    events): period, new (pairs whose first item kept is in it) and pairs (distinct pairs
    with an item kept up to its end)."""
    moments = dates.to_numpy("datetime64[ns]")
    dated = ~np.isnat(moments) if keep is None else keep & ~np.isnat(moments)
    if not dated.any():
        return pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"), "new": [], "pairs": []})
    kept = moments[dated]
    ends = period_start(pd.Series([kept.min(), kept.max()]), period)
    periods = pd.date_range(ends.iloc[0], ends.iloc[1], freq=_PERIOD_FREQUENCIES[period])
    stated = (pairs.rows >= 0) & dated[np.maximum(pairs.rows, 0)]
    first = pd.Series(moments[pairs.rows[stated]]).groupby(pairs.codes[stated]).min()
    new = period_start(first, period).value_counts().reindex(periods, fill_value=0).to_numpy(np.int64)
    return pd.DataFrame({"period": periods.to_numpy("datetime64[ns]"), "new": new, "pairs": np.cumsum(new)})


def pairs_so_far(events: pd.DataFrame, partnerships: pd.DataFrame, period: Period) -> pd.DataFrame:
    """:func:`pairs_so_far_in` for tables of events and their partnerships, e.g. a view's."""
    event_rows = pd.Index(events["event_id"]).get_indexer(partnerships["event_id"])
    return pairs_so_far_in(Pairs.of(partnerships, event_rows), None, events["date"], period)


def pairs_so_far_figure(table: pd.DataFrame, name: str, new: str) -> go.Figure:
    """The running count of :func:`pairs_so_far_in` as an area; ``new`` names the pairs
    first seen in a period, on hover."""
    area = go.Scatter(
        x=table["period"].to_numpy("datetime64[ns]"),
        y=table["pairs"].to_numpy(np.int64),
        customdata=table["new"].to_numpy(np.int64),
        mode="lines+markers",
        name=name,
        fill="tozeroy",
        line={"color": style(0).colour, "width": 3},
        marker={"size": 8, "symbol": style(0).symbol},
        hovertemplate=f"%{{x|%b %Y}}: %{{y}} (+%{{customdata}} {new})<extra></extra>",
    )
    layout: dict[str, Any] = {"showlegend": False, "yaxis": {"rangemode": "tozero"}}
    if len(table):
        # A filled area spans the axis edge to edge: the first and last points need room.
        first, last = table["period"].iloc[0], table["period"].iloc[-1]
        margin = max((last - first) / 30, pd.Timedelta(days=15))
        layout["xaxis"] = {"range": [first - margin, last + margin]}
    return go.Figure(area, layout)


def items_on_axis(events: pd.DataFrame, label: Label = str) -> go.Figure:
    """Each dated item as a point: time across, kind down (each its own symbol too), title
    on hover; selectable."""
    latest = events["date"].dropna().nlargest(MAX_ITEMS_ON_AXIS, keep="first")
    # Only the columns drawn, of the rows drawn: the table's text columns are costly to copy.
    dated = events.loc[latest.index, ["date", "kind", "event_id", "title"]]
    kinds = sorted(dated["kind"].dropna().unique())
    styles = styles_for(kinds)
    kind = dated["kind"].to_numpy(object)
    dates = dated["date"].to_numpy("datetime64[ns]")
    ids = dated["event_id"].to_numpy(object)
    titles = dated["title"].to_numpy(object)
    points = []
    for name in kinds:
        rows = kind == name
        marker = {"size": 12, "color": styles[name].colour, "symbol": styles[name].symbol}
        points.append(
            go.Scatter(
                x=dates[rows],
                y=np.full(int(rows.sum()), label(name), dtype=object),
                mode="markers",
                name=label(name),
                marker={**marker, "line": {"width": 1, "color": "#FFFFFF"}},
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
