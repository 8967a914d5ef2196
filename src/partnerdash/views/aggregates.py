"""What the pages draw, worked out from indexes built once per dataset.

Filtering stays plain and uncached (:func:`partnerdash.filters.apply`). What is costly
is kept: per dataset ``version``, the lists of regions and topics exploded once and the
places found once, from which the charts' counts take milliseconds for any filter; and
the registry's links in view, per dataset and filter setting (the filters are a frozen,
hashable dataclass), since counting their activity compares item ids. Everything kept
is shared between sessions and read only.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from partnerdash.charts import frames
from partnerdash.charts.frames import Period
from partnerdash.charts.map import OverTime, frame_cap, frame_period
from partnerdash.charts.timeline import Pairs, pairs_so_far_in
from partnerdash.charts.topics import top_rows
from partnerdash.filters import Filters, View
from partnerdash.model import Dataset
from partnerdash.registry.join import Network
from partnerdash.registry.selection import Activity, NetworkView, select
from partnerdash.views.context import Context
from partnerdash.views.data import version


@st.cache_resource(show_spinner=False, max_entries=32)
def network_view(
    _joined: Network,
    _activity: Activity,
    _data: Dataset,
    _view: View,
    version: str,
    registry_version: str,
    filters: Filters,
) -> NetworkView:
    """The registry's links the filters select, their activity counted in view.

    The view's row mask selects the items (no ids compared); the result, a few thousand
    links, is shared, not copied: nothing modifies it.
    """
    del version, registry_version  # the cache key, with the filters
    return select(_joined, _activity, _data.events, filters, _view.mask)


@st.cache_data(show_spinner=False, max_entries=8)
def unresolved_places(_data: Dataset, version: str, limit: int) -> pd.DataFrame | None:
    """Names no place was found for, with how many items name them, most first (the first
    ``limit``); None if every name was resolved. Per dataset: no filter applies."""
    del version  # the cache key
    places = _data.places.loc[
        _data.places["canonical"].isna(), ["event_id", "name", "unresolved_reason", "evidence"]
    ]
    unresolved = places.merge(_data.events[["event_id", "title"]], on="event_id")
    if unresolved.empty:
        return None
    table = (
        unresolved.groupby("name")
        .agg(
            count=("event_id", "nunique"),
            reason=("unresolved_reason", "first"),
            evidence=("evidence", "first"),
            example=("title", "first"),
        )
        .reset_index()
        .sort_values("count", ascending=False)
    )
    return table.head(limit)


@st.cache_resource(show_spinner=False, max_entries=4)
def _unresolved_rows(_data: Dataset, version: str) -> tuple[np.ndarray, pd.Series]:
    """Positions of the place rows naming no place found (datelines aside), and their names."""
    del version  # the cache key
    places = _data.places
    rows = np.flatnonzero((places["canonical"].isna() & ~places["dateline"]).to_numpy(bool))
    return rows, places["name"].iloc[rows]


def unresolved_in_view(ctx: Context) -> int:
    """How many distinct names in view were not resolved to a place."""
    rows, names = _unresolved_rows(ctx.data, version(ctx.data))
    chosen = ctx.view.place_mask
    return int((names if chosen is None else names[chosen[rows]]).nunique())


@st.cache_data(show_spinner=False, max_entries=8)
def undated_items(_data: Dataset, version: str, limit: int) -> pd.DataFrame:
    """Items without a date or with one inferred from their neighbours (the first ``limit``)."""
    del version  # the cache key
    events = _data.events
    undated = (events["date"].isna() | events["date_inferred"]).to_numpy(bool)
    return events.loc[undated, ["date", "date_inferred", "title", "source", "position"]].head(limit)


# Counts for the charts: over a dataset's lists exploded once (per dataset ``version``),
# for the events the filters keep (the view's mask). A filter change then counts integer
# codes in numpy, milliseconds even at 100,000 items; nothing per filter needs caching.


@st.cache_resource(show_spinner=False, max_entries=16)
def _lists(_data: Dataset, version: str, column: str, missing: str) -> frames.Lists:
    del version  # the cache key
    return frames.Lists.of(_data.events, column, missing)


@st.cache_resource(show_spinner=False, max_entries=4)
def _places(_data: Dataset, version: str) -> frames.Places:
    del version  # the cache key
    return frames.Places.of(_data.places, _data.event_rows[0])


@st.cache_resource(show_spinner=False, max_entries=4)
def _pairs(_data: Dataset, version: str) -> Pairs:
    del version  # the cache key
    return Pairs.of(_data.partnerships, _data.event_rows[1])


def lists(ctx: Context, column: str, missing: str) -> frames.Lists:
    return _lists(ctx.data, version(ctx.data), column, missing)


def region_counts(ctx: Context) -> pd.Series:
    """Items per world region in view, fewest first (:func:`charts.topics.region_counts`)."""
    return frames.value_counts_in(lists(ctx, "regions", frames.NO_PLACE), ctx.view.mask)


def counts_over_time(ctx: Context, column: str, missing: str, period: Period) -> pd.DataFrame:
    """Items in view per period and value of ``column`` (:func:`charts.frames.counts_over_time`)."""
    return frames.counts_over_time_in(
        lists(ctx, column, missing), ctx.view.mask, ctx.data.events["date"], period
    )


def crosstab(ctx: Context, rows: str, columns: str) -> pd.DataFrame:
    """Items in view per pair of values (:func:`charts.frames.crosstab`, the same fill-ins)."""
    left, right = (lists(ctx, column, frames.missing_value(column)) for column in (rows, columns))
    return frames.crosstab_in(left, right, ctx.view.mask)


def share_table(ctx: Context, by: str, top: int = 15) -> pd.DataFrame:
    """Topics per region or country in view (:func:`charts.topics.share_table`)."""
    return top_rows(crosstab(ctx, "regions" if by == "region" else "countries", "topics"), top)


def pairs_so_far(ctx: Context, period: Period) -> pd.DataFrame:
    """Partnerships in view with an item so far, per period (:func:`charts.timeline.pairs_so_far`)."""
    return pairs_so_far_in(
        _pairs(ctx.data, version(ctx.data)), ctx.view.mask, ctx.data.events["date"], period
    )


def place_activity(ctx: Context) -> pd.DataFrame:
    """Municipalities in view with their items (:func:`charts.frames.place_activity`)."""
    return frames.place_activity_in(_places(ctx.data, version(ctx.data)), ctx.view.mask)


def map_over_time(ctx: Context) -> OverTime | None:
    """Municipalities in view per year (quarter, for less than three years of items) with
    their items, the most active :func:`charts.map.frame_cap` of each period: the map's
    frames (:func:`charts.map.over_time`). None for fewer than two periods."""
    dates = ctx.data.events["date"]
    period = frame_period(ctx.view.column("date"))
    if period is None:
        return None
    table = place_activity_by_period_in(_places(ctx.data, version(ctx.data)), ctx.view.mask, dates, period)
    return OverTime(period, table) if table["period"].nunique() >= 2 else None


def place_activity_by_period_in(
    places: frames.Places, keep: frames.Mask | None, dates: pd.Series, period: Period
) -> pd.DataFrame:
    """Per period (its first day), the places named by the events kept, with their items,
    most first, at most :func:`charts.map.frame_cap` per period. Counted on integer codes:
    one unique over (period, place) pairs, as the other counts here."""
    rows, codes = places.rows, places.codes
    if keep is not None:
        chosen = keep[rows]
        rows, codes = rows[chosen], codes[chosen]
    moments = dates.to_numpy("datetime64[ns]")[rows]
    dated = ~np.isnat(moments)
    columns = ["period", *places.table.columns, "items"]
    if not dated.any():
        return pd.DataFrame(columns=columns)
    starts = frames.period_start(pd.Series(moments[dated]), period).to_numpy("datetime64[ns]")
    periods, period_codes = np.unique(starts, return_inverse=True)
    width = max(len(places.table), 1)
    pairs, items = np.unique(period_codes.astype(np.int64) * width + codes[dated], return_counts=True)
    which_period, which_place = np.divmod(pairs, width)
    order = np.lexsort((which_place, -items, which_period))
    which_period, which_place, items = which_period[order], which_place[order], items[order]
    first_of_period = np.searchsorted(which_period, which_period, side="left")
    kept = (np.arange(len(order)) - first_of_period) < frame_cap(len(periods))
    table = places.table.iloc[which_place[kept]].reset_index(drop=True)
    table.insert(0, "period", periods[which_period[kept]])
    table["items"] = items[kept].astype(np.int64)
    return table
