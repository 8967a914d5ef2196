"""Aggregations the charts draw: counts per period, region, topic and place.

Each count is here twice. On a table of events (``counts_over_time``, ``crosstab``, …),
for any frame, e.g. the summary report's. And on a dataset's lists exploded once
(:class:`Lists`, :class:`Places`), given which of its events are in view (a boolean
mask): the dashboard's pages count on every filter change, and exploding 100,000 items'
lists of regions and topics into strings each time would cost most of a rerun. Both
give the same tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Any, Literal

import numpy as np
import pandas as pd

from partnerdash.schema import STR

Period = Literal["M", "Q", "Y"]
Mask = np.ndarray[Any, np.dtype[np.bool_]]
NO_PLACE = "No place named"
NO_TOPIC = "Other"


def missing_value(column: str) -> str:
    """What an event without any value of the list ``column`` counts as there."""
    return NO_TOPIC if column == "topics" else NO_PLACE


def period_start(dates: pd.Series, period: Period) -> pd.Series:
    """The first day of each date's month, quarter or year (dates must not be missing)."""
    months = dates.to_numpy("datetime64[ns]").astype("datetime64[M]")
    if period == "Q":
        months = months - months.astype(np.int64) % 3  # months since January 1970, a quarter's start
    elif period == "Y":
        months = months.astype("datetime64[Y]").astype("datetime64[M]")
    return pd.Series(months.astype("datetime64[ns]"), index=dates.index)


def exploded(events: pd.DataFrame, column: str, missing: str) -> pd.DataFrame:
    """One row per event and value of a list column (row: the event's position, date, value).

    Events without any value get ``missing``. Built with numpy and itertools rather than
    ``DataFrame.explode``: the lists are plain Python lists, and this runs on every rerun.
    """
    lists = [values if len(values) else (missing,) for values in events[column].to_list()]
    lengths = np.fromiter(map(len, lists), dtype=np.intp, count=len(lists))
    return pd.DataFrame(
        {
            "row": np.repeat(np.arange(len(lists)), lengths),
            "date": np.repeat(events["date"].to_numpy(), lengths),
            column: pd.Series(list(chain.from_iterable(lists)), dtype=STR),
        }
    )


def counts_over_time(events: pd.DataFrame, column: str, missing: str, period: Period) -> pd.DataFrame:
    """Items per period and value of ``column`` (regions or topics): period, group, items."""
    dated = events[events["date"].notna()]
    if dated.empty:
        return pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"), "group": [], "items": []})
    frame = exploded(dated, column, missing)
    frame["period"] = period_start(frame["date"], period)
    table = frame.groupby(["period", column]).size().rename("items").reset_index()
    return table.rename(columns={column: "group"})


def crosstab(events: pd.DataFrame, rows: str, columns: str) -> pd.DataFrame:
    """Items per pair of values of two list columns, e.g. topics × regions.

    Counted on integer codes (one bincount over the pairs), not by merging and grouping
    strings: the values are few, the pairs many.
    """
    left, right = (Lists.of(events, column, missing_value(column)) for column in (rows, columns))
    return crosstab_in(left, right, None)


def on_the_map(places: pd.DataFrame) -> pd.Series:
    """The place rows the map counts: located municipalities, datelines left out."""
    return (~places["dateline"]) & places["lat"].notna() & (places["kind"] == "municipality")


def place_activity(places: pd.DataFrame) -> pd.DataFrame:
    """Municipalities on the map: one row per place with the number of items naming it."""
    keys = ["canonical", "country", "region", "federal_state", "lat", "lon"]
    named = places.loc[
        on_the_map(places), keys
    ]  # only the columns grouped: the text columns are costly to copy
    if named.empty:
        return pd.DataFrame(columns=[*keys, "items"])
    # An item lists each place once (extract.places), so rows per place are items naming it.
    table = named.groupby(keys, dropna=False, sort=False).size().rename("items").reset_index()
    return table.sort_values("items", ascending=False, ignore_index=True, kind="stable")


def partnership_links(partnerships: pd.DataFrame) -> pd.DataFrame:
    """Distinct partnerships with coordinates on both sides and how many items state them."""
    keys = ["a_name", "b_name", "a_lat", "a_lon", "b_lat", "b_lon", "b_region"]
    located = partnerships[["event_id", *keys]].dropna(subset=["a_lat", "a_lon", "b_lat", "b_lon"])
    if located.empty:
        return pd.DataFrame(columns=[*keys, "items"])
    table = located.groupby(keys, dropna=False).agg(items=("event_id", "nunique")).reset_index()
    return table.sort_values("items", ascending=False, ignore_index=True)


@dataclass(frozen=True)
class Lists:
    """A list column of all of a dataset's events, exploded once: for each value, the
    event's position and the value's code. ``values`` are sorted, so codes sort as they do."""

    column: str
    rows: np.ndarray  # intp
    codes: np.ndarray  # intp
    values: np.ndarray  # object

    @classmethod
    def of(cls, events: pd.DataFrame, column: str, missing: str) -> Lists:
        table = exploded(events, column, missing)
        codes, values = pd.factorize(table[column], sort=True)
        return cls(
            column, table["row"].to_numpy(np.intp), codes.astype(np.intp), np.asarray(values, dtype=object)
        )

    def within(self, keep: Mask | None) -> tuple[np.ndarray, np.ndarray]:
        """Event positions and codes of the values of the events kept (None: all)."""
        if keep is None:
            return self.rows, self.codes
        chosen = keep[self.rows]
        return self.rows[chosen], self.codes[chosen]


def value_counts_in(lists: Lists, keep: Mask | None) -> pd.Series:
    """``exploded(events, …)[column].value_counts().sort_values()`` for the events kept:
    fewest first, ties in the order the values first occur."""
    _, codes = lists.within(keep)
    present, first = np.unique(codes, return_index=True)
    counts = np.bincount(codes, minlength=len(lists.values))[present]
    order = np.lexsort((first, counts))
    index = pd.Index(lists.values[present[order]], dtype=STR, name=lists.column)
    return pd.Series(counts[order].astype(np.int64), index=index, name="count")


def counts_over_time_in(lists: Lists, keep: Mask | None, dates: pd.Series, period: Period) -> pd.DataFrame:
    """:func:`counts_over_time` for the events kept, ``dates`` those of all events."""
    moments = dates.to_numpy("datetime64[ns]")
    dated = ~np.isnat(moments) if keep is None else keep & ~np.isnat(moments)
    rows, codes = lists.within(dated)
    if not len(rows):
        return pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"), "group": [], "items": []})
    starts = period_start(pd.Series(moments[rows]), period).to_numpy("datetime64[ns]")
    periods, period_codes = np.unique(starts, return_inverse=True)
    pairs, items = np.unique(period_codes * len(lists.values) + codes, return_counts=True)
    which_period, which_value = np.divmod(pairs, len(lists.values))
    return pd.DataFrame(
        {
            "period": periods[which_period],
            "group": pd.Series(lists.values[which_value], dtype=STR),
            "items": items.astype(np.int64),
        }
    )


def crosstab_in(left: Lists, right: Lists, keep: Mask | None) -> pd.DataFrame:
    """:func:`crosstab` for the events kept: items per pair of a value of each list."""
    left_rows, left_codes = left.within(keep)
    right_rows, right_codes = right.within(keep)
    return _pairs_table(
        left_rows, left_codes, left.values, right_rows, right_codes, right.values, left.column, right.column
    )


def _pairs_table(
    left_rows: np.ndarray,
    left_codes: np.ndarray,
    left_values: np.ndarray,
    right_rows: np.ndarray,
    right_codes: np.ndarray,
    right_values: np.ndarray,
    left_name: str,
    right_name: str,
) -> pd.DataFrame:
    """Counts of each (left value, right value) over the events; both sides sorted by
    event, every event with at least one value on each side. Only values that occur."""
    starts = np.searchsorted(right_rows, left_rows, side="left")
    lengths = np.searchsorted(right_rows, left_rows, side="right") - starts
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    pair_left = np.repeat(left_codes, lengths)
    pair_right = right_codes[np.repeat(starts, lengths) + offsets]
    rows_present, pair_left = np.unique(pair_left, return_inverse=True)
    columns_present, pair_right = np.unique(pair_right, return_inverse=True)
    size = len(rows_present) * len(columns_present)
    counts = np.bincount(pair_left * len(columns_present) + pair_right, minlength=size)
    return pd.DataFrame(
        counts.reshape(len(rows_present), len(columns_present)).astype(np.int64),
        index=pd.Index(left_values[rows_present], dtype=STR, name=left_name),
        columns=pd.Index(right_values[columns_present], dtype=STR, name=right_name),
    )


_PLACE_KEYS = ["canonical", "country", "region", "federal_state", "lat", "lon"]


@dataclass(frozen=True)
class Places:
    """The municipalities a dataset's items name, found once: for each place row that
    counts (not a dateline, located, a municipality) its event's position and its place."""

    rows: np.ndarray  # intp
    codes: np.ndarray  # intp
    table: pd.DataFrame  # one row per place: _PLACE_KEYS

    @classmethod
    def of(cls, places: pd.DataFrame, event_rows: np.ndarray) -> Places:
        wanted_np = on_the_map(places).to_numpy(bool) & (event_rows >= 0)
        named = places.loc[wanted_np, _PLACE_KEYS]
        codes = named.groupby(_PLACE_KEYS, dropna=False, sort=False).ngroup().to_numpy(np.intp)
        _, first = np.unique(codes, return_index=True)
        return cls(event_rows[wanted_np], codes, named.iloc[first].reset_index(drop=True))


def place_activity_in(places: Places, keep: Mask | None) -> pd.DataFrame:
    """:func:`place_activity` for the events kept: places by items naming them, most first,
    ties in the order the places first occur."""
    codes = places.codes if keep is None else places.codes[keep[places.rows]]
    if not len(codes):
        return pd.DataFrame(columns=[*_PLACE_KEYS, "items"])
    present, first = np.unique(codes, return_index=True)
    items = np.bincount(codes, minlength=len(places.table))[present]
    order = np.lexsort((first, -items))
    table = places.table.iloc[present[order]].reset_index(drop=True)
    table["items"] = items[order].astype(np.int64)
    return table
