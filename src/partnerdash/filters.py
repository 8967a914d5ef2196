"""Filtering the tables: plain pandas, cheap enough to run on every change, uncached.

An event matches a geographic filter when one of the places it names (not the
publisher's dateline seat) is in the chosen region, country, federal state or
municipality. Places and partnerships follow their events.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from partnerdash.model import Dataset

Mask = np.ndarray[Any, np.dtype[np.bool_]]
Rows = np.ndarray[Any, np.dtype[np.intp]]


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    text: str = ""

    def previous_period(self) -> Filters | None:
        """The same filters over the equally long period just before this one."""
        if self.start is None or self.end is None:
            return None
        length = self.end - self.start + timedelta(days=1)
        return replace(self, start=self.start - length, end=self.start - timedelta(days=1))


@dataclass(frozen=True)
class Kpis:
    items: int
    municipalities: int
    countries: int
    partnerships: int


class View:
    """What the filters let through: the rows every page draws from.

    The filtered tables are made on first use: at 100,000 items, copying the text columns
    of events and places is most of a filter change, and pages that count over indexes
    built once per dataset (:mod:`partnerdash.charts.frames`) need only the mask.
    """

    def __init__(self, data: Dataset, filters: Filters, mask: Mask | None = None) -> None:
        self.data = data
        self.filters = filters
        # Which of the dataset's events these are, by position (None: all of them).
        self.mask = mask

    def __len__(self) -> int:
        """How many events are in view, without making the table."""
        return len(self.data.events) if self.mask is None else int(self.mask.sum())

    def column(self, name: str) -> pd.Series:
        """One column of the events in view: a copy of that column only."""
        values = self.data.events[name]
        return values if self.mask is None else values[self.mask]

    @cached_property
    def events(self) -> pd.DataFrame:
        return self.data.events if self.mask is None else self.data.events[self.mask]

    @cached_property
    def place_mask(self) -> Mask | None:
        """Which of the dataset's place rows belong to events in view (None: all)."""
        return None if self.mask is None else _follow(self.mask, self.data.event_rows[0])

    @cached_property
    def places(self) -> pd.DataFrame:
        places = self.data.places
        return places if self.place_mask is None else places[self.place_mask]

    @cached_property
    def partnerships(self) -> pd.DataFrame:
        pairs = self.data.partnerships
        return pairs if self.mask is None else pairs[_follow(self.mask, self.data.event_rows[1])]


def apply(data: Dataset, filters: Filters) -> View:
    """The events the filters let through, as a mask over the dataset's events."""
    events = data.events
    mask = np.ones(len(events), dtype=bool)
    dates = events["date"]
    if filters.start is not None:
        mask &= (dates >= pd.Timestamp(filters.start)).to_numpy(bool)
    if filters.end is not None:
        mask &= (dates < pd.Timestamp(filters.end) + pd.Timedelta(days=1)).to_numpy(bool)
    if filters.kinds:
        mask &= events["kind"].isin(filters.kinds).to_numpy(bool)
    if filters.langs:
        mask &= events["lang"].isin(filters.langs).to_numpy(bool)
    if filters.topics:
        wanted = set(filters.topics)
        mask &= np.fromiter((not wanted.isdisjoint(t) for t in events["topics"]), bool, len(events))
    if filters.text.strip():
        mask &= _text_mask(events, filters.text.strip())
    geographic = _geographic_mask(data.places, data.event_rows[0], len(events), filters)
    if geographic is not None:
        mask &= geographic
    return View(data, filters, None if mask.all() else mask)


def _follow(mask: Mask, rows: Rows) -> Mask:
    """Rows of another table whose event the mask keeps."""
    return (rows >= 0) & mask[rows]


def _text_mask(events: pd.DataFrame, text: str) -> Mask:
    needle = text.casefold()
    haystack = (
        events["title"].fillna("") + "\n" + events["summary"].fillna("") + "\n" + events["caption"].fillna("")
    ).str.casefold()
    return haystack.str.contains(needle, regex=False).fillna(False).to_numpy(bool)


def _geographic_mask(places: pd.DataFrame, rows: Rows, n_events: int, filters: Filters) -> Mask | None:
    """Events naming a chosen place of every geographic filter that is set; None if none is."""
    named = ~places["dateline"].to_numpy(bool) & (rows >= 0)
    mask: Mask | None = None
    for column, chosen in (
        ("region", filters.regions),
        ("country", filters.countries),
        ("federal_state", filters.states),
        ("canonical", filters.municipalities),
    ):
        if chosen:
            hit = named & places[column].isin(chosen).fillna(False).to_numpy(bool)
            matched = np.zeros(n_events, dtype=bool)
            matched[rows[hit]] = True
            mask = matched if mask is None else mask & matched
    return mask


def kpis(view: View) -> Kpis:
    places = view.places.loc[~view.places["dateline"], ["kind", "canonical", "country"]]
    municipalities = places.loc[places["kind"] == "municipality", ["canonical", "country"]]
    pairs = view.partnerships[["a_name", "b_name"]].drop_duplicates()
    return Kpis(
        items=len(view),
        municipalities=len(municipalities.drop_duplicates()),
        countries=places["country"].dropna().nunique(),
        partnerships=len(pairs),
    )


def options(data: Dataset, column: str) -> list[str]:
    """The values a filter on ``column`` of the places table can take, sorted."""
    places = data.places[~data.places["dateline"]]
    if column == "canonical":
        places = places[places["kind"] == "municipality"]
    return sorted(str(v) for v in places[column].dropna().unique())
