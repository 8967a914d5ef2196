"""Aggregations the charts draw: counts per period, region, topic and place."""

from __future__ import annotations

from typing import Literal

import pandas as pd

Period = Literal["M", "Q", "Y"]
NO_PLACE = "No place named"
NO_TOPIC = "Other"


def period_start(dates: pd.Series, period: Period) -> pd.Series:
    starts: pd.Series = dates.dt.to_period(period).dt.start_time
    return starts


def exploded(events: pd.DataFrame, column: str, missing: str) -> pd.DataFrame:
    """One row per event and value of a list column; events without any get ``missing``."""
    frame = events[["event_id", "date", column]].copy()
    frame[column] = frame[column].map(lambda values: list(values) if len(values) else [missing])
    return frame.explode(column, ignore_index=True)


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
    left = exploded(events, rows, NO_TOPIC)[["event_id", rows]]
    right = exploded(events, columns, NO_PLACE)[["event_id", columns]]
    pairs = left.merge(right, on="event_id")
    return pd.crosstab(pairs[rows], pairs[columns])


def place_activity(places: pd.DataFrame) -> pd.DataFrame:
    """Municipalities on the map: one row per place with the number of items naming it."""
    named = places[(~places["dateline"]) & places["lat"].notna() & (places["kind"] == "municipality")]
    keys = ["canonical", "country", "region", "federal_state", "lat", "lon"]
    if named.empty:
        return pd.DataFrame(columns=[*keys, "items"])
    table = named.groupby(keys, dropna=False).agg(items=("event_id", "nunique")).reset_index()
    return table.sort_values("items", ascending=False, ignore_index=True)


def partnership_links(partnerships: pd.DataFrame) -> pd.DataFrame:
    """Distinct partnerships with coordinates on both sides and how many items state them."""
    located = partnerships.dropna(subset=["a_lat", "a_lon", "b_lat", "b_lon"])
    keys = ["a_name", "b_name", "a_lat", "a_lon", "b_lat", "b_lon", "b_region"]
    if located.empty:
        return pd.DataFrame(columns=[*keys, "items"])
    table = located.groupby(keys, dropna=False).agg(items=("event_id", "nunique")).reset_index()
    return table.sort_values("items", ascending=False, ignore_index=True)
