"""Filtering the tables: plain pandas, cheap enough to run on every change, uncached.

An event matches a geographic filter when one of the places it names (not the
publisher's dateline seat) is in the chosen region, country, federal state or
municipality. Places and partnerships follow their events.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pandas as pd

from partnerdash.pipeline import Dataset


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


@dataclass
class View:
    """What the filters let through: the rows every page draws from."""

    events: pd.DataFrame
    places: pd.DataFrame
    partnerships: pd.DataFrame
    filters: Filters = field(default_factory=Filters)


def apply(data: Dataset, filters: Filters) -> View:
    events = data.events
    mask = pd.Series(True, index=events.index)
    dates = events["date"]
    if filters.start is not None:
        mask &= dates >= pd.Timestamp(filters.start)
    if filters.end is not None:
        mask &= dates < pd.Timestamp(filters.end) + pd.Timedelta(days=1)
    if filters.kinds:
        mask &= events["kind"].isin(filters.kinds)
    if filters.langs:
        mask &= events["lang"].isin(filters.langs)
    if filters.topics:
        wanted = set(filters.topics)
        mask &= events["topics"].map(lambda topics: not wanted.isdisjoint(topics)).astype(bool)
    if filters.text.strip():
        mask &= _text_mask(events, filters.text.strip())
    ids = _geographic_ids(data.places, filters)
    if ids is not None:
        mask &= events["event_id"].isin(ids)
    if mask.all():  # nothing filtered out: no need to copy anything
        return View(events, data.places, data.partnerships, filters)
    kept = events[mask]
    keep_ids = set(kept["event_id"])
    return View(
        events=kept,
        places=data.places[data.places["event_id"].isin(keep_ids)],
        partnerships=data.partnerships[data.partnerships["event_id"].isin(keep_ids)],
        filters=filters,
    )


def _text_mask(events: pd.DataFrame, text: str) -> pd.Series:
    needle = text.casefold()
    haystack = (
        events["title"].fillna("") + "\n" + events["summary"].fillna("") + "\n" + events["caption"].fillna("")
    ).str.casefold()
    return haystack.str.contains(needle, regex=False).fillna(False).astype(bool)


def _geographic_ids(places: pd.DataFrame, filters: Filters) -> set[str] | None:
    """Events naming a chosen place of every geographic filter that is set; None if none is."""
    active = places[~places["dateline"]]
    ids: set[str] | None = None
    for column, chosen in (
        ("region", filters.regions),
        ("country", filters.countries),
        ("federal_state", filters.states),
        ("canonical", filters.municipalities),
    ):
        if chosen:
            matched = set(active.loc[active[column].isin(chosen).fillna(False).astype(bool), "event_id"])
            ids = matched if ids is None else ids & matched
    return ids


def kpis(view: View) -> Kpis:
    places = view.places[~view.places["dateline"]]
    municipalities = places.loc[places["kind"] == "municipality", ["canonical", "country"]]
    pairs = view.partnerships[["a_name", "b_name"]].drop_duplicates()
    return Kpis(
        items=len(view.events),
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
