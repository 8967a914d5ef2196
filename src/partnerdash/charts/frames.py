"""Aggregations the charts draw: counts per period, region, topic and place."""

from __future__ import annotations

from itertools import chain
from typing import Literal

import numpy as np
import pandas as pd

from partnerdash.schema import STR

Period = Literal["M", "Q", "Y"]
NO_PLACE = "No place named"
NO_TOPIC = "Other"


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
    """Items per pair of values of two list columns, e.g. topics × regions."""
    left = exploded(events, rows, NO_TOPIC)[["row", rows]]
    right = exploded(events, columns, NO_PLACE)[["row", columns]]
    pairs = left.merge(right, on="row")
    table: pd.DataFrame = pairs.groupby([rows, columns]).size().unstack(fill_value=0)
    return table.rename_axis(index=rows, columns=columns)


def place_activity(places: pd.DataFrame) -> pd.DataFrame:
    """Municipalities on the map: one row per place with the number of items naming it."""
    keys = ["canonical", "country", "region", "federal_state", "lat", "lon"]
    wanted = (~places["dateline"]) & places["lat"].notna() & (places["kind"] == "municipality")
    named = places.loc[wanted, keys]  # only the columns grouped: the text columns are costly to copy
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
