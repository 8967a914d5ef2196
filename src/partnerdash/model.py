"""The typed tables: events (one row per news item), places and partnerships.

Columns and dtypes come from :mod:`partnerdash.schema`; this module fills them, and
:class:`Dataset` holds the three with what loading them found.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from partnerdash import schema
from partnerdash.geocode.regions import world_region
from partnerdash.geocode.resolve import FoundPlace, ItemPlaces
from partnerdash.load.items import LoadWarning

_NON_WORD = re.compile(r"\W+")

StateName = Callable[[str, str], "str | None"]


def event_id(title: str, day: object) -> str:
    """The same item loaded from two files or twice gets the same id."""
    when = day.isoformat() if hasattr(day, "isoformat") else ""
    key = f"{when}|{_NON_WORD.sub(' ', title.casefold()).strip()}"
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


class PlaceRow(NamedTuple):
    """One row of the places table but its event id, which is known only once the item's
    date is: the rows are made where the item is extracted (in a worker process, for a
    large input), so the parent only joins them to their events."""

    name: str
    dateline: bool
    confidence: float
    evidence: str | None
    uncertain: bool
    resolved_by: str | None
    unresolved_reason: str | None
    canonical: str | None = None
    kind: str | None = None
    country: str | None = None
    region: str | None = None
    admin1: str | None = None
    federal_state: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


PLACE_COLUMNS = ("event_id", *PlaceRow._fields)


def place_row(found: FoundPlace, state_name: StateName) -> PlaceRow:
    as_found = (
        found.name,
        found.dateline,
        found.confidence,
        found.evidence or None,
        found.uncertain,
        found.resolved_by,
        found.unresolved_reason,
    )
    place = found.place
    if place is None:
        return PlaceRow(*as_found)
    return PlaceRow(
        *as_found,
        place.name,
        place.kind,
        place.country,
        world_region(place.country),
        place.admin1 or None,
        state_name(place.country, place.admin1) if place.admin1 else None,
        place.lat,
        place.lon,
        place.geonameid or None,
    )


_SIDE_FIELDS = ("country", "region", "federal_state", "kind", "lat", "lon")
PAIR_COLUMNS = (
    "event_id",
    *(f"{side}_{f}" for side in "ab" for f in ("name", *_SIDE_FIELDS)),
    "phrase",
)


def _side(row: PlaceRow) -> tuple[Any, ...]:
    return (row.canonical or row.name, *(getattr(row, f) for f in _SIDE_FIELDS))


class ItemRows(NamedTuple):
    """One item's rows of the places and partnerships tables (plain tuples, cheap to send
    between processes), without its event id; and its event's columns about them."""

    places: list[tuple[Any, ...]]
    pairs: list[tuple[Any, ...]]
    columns: dict[str, Any]


def item_rows(found: ItemPlaces, state_name: StateName) -> ItemRows:
    rows = [place_row(f, state_name) for f in found.places]
    made = {id(f): row for f, row in zip(found.places, rows, strict=True)}

    def side(place: FoundPlace) -> tuple[Any, ...]:
        return _side(made.get(id(place)) or place_row(place, state_name))

    return ItemRows(
        [tuple(row) for row in rows],
        [(*side(p.a), *side(p.b), p.phrase) for p in found.pairs],
        {
            **_place_columns(rows),
            "n_pairs": len(found.pairs),
            "other_partnerships": [f"{_shown(p.a)} – {_shown(p.b)}" for p in found.other_pairs],
        },
    )


class TableRows:
    """The rows of one document's three tables, added a chunk of items at a time, so the
    tables grow while later chunks are still being extracted; each item once (the first
    time it comes wins).

    Places and pairs are kept as tuples, not a dict per row: at 100,000 items the dicts
    were most of the command line's peak memory.
    """

    def __init__(self) -> None:
        self._events: list[dict[str, Any]] = []
        self._places: list[tuple[Any, ...]] = []
        self._pairs: list[tuple[Any, ...]] = []
        self._seen: set[str] = set()

    def add(self, records: Sequence[dict[str, Any]], rows: Sequence[ItemRows]) -> None:
        """``records``: each item's own columns, its date included."""
        for record, item in zip(records, rows, strict=True):
            ident = event_id(record["title"], record["date"])
            if ident not in self._seen:
                self._seen.add(ident)
                self._places.extend((ident, *row) for row in item.places)
                self._pairs.extend((ident, *row) for row in item.pairs)
                self._events.append({**record, "event_id": ident, **item.columns})

    def frames(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """Events, places and partnerships."""
        return (
            _frame(self._events, schema.EVENTS),
            _frame(self._places, schema.PLACES, PLACE_COLUMNS),
            _frame(self._pairs, schema.PARTNERSHIPS, PAIR_COLUMNS),
        )


def _shown(found: FoundPlace) -> str:
    return found.place.name if found.place else found.name


def _place_columns(rows: Sequence[PlaceRow]) -> dict[str, Any]:
    """The event's lists of places; the publisher's dateline seat does not count."""
    active = [r for r in rows if not r.dateline and r.kind]
    municipalities = _unique(r.canonical for r in active if r.kind == "municipality")
    countries = _unique(r.country for r in active)
    return {
        "municipalities": municipalities,
        "countries": countries,
        "regions": _unique(r.region for r in active),
        "federal_states": _unique(r.federal_state for r in active if r.federal_state),
        "n_municipalities": len(municipalities),
        "n_countries": len(countries),
    }


def _unique(values: Any) -> list[str]:
    return list(dict.fromkeys(str(v) for v in values if v))


def _frame(rows: Sequence[Any], table: Any, columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """``rows``: dicts, or tuples in the order of ``columns``."""
    if not rows:
        return schema.empty(table)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    if "date" in frame.columns:
        frame["date"] = pd.to_datetime(frame["date"])
    return schema.conform(frame, table)


@dataclass
class Dataset:
    events: pd.DataFrame = field(default_factory=lambda: schema.empty(schema.EVENTS))
    places: pd.DataFrame = field(default_factory=lambda: schema.empty(schema.PLACES))
    partnerships: pd.DataFrame = field(default_factory=lambda: schema.empty(schema.PARTNERSHIPS))
    warnings: list[LoadWarning] = field(default_factory=list)
    files_read: int = 0
    files_failed: int = 0
    files_stored: int = 0  # of the files read, those whose tables came from the store
    built_at: datetime = field(default_factory=datetime.now)

    @cached_property
    def event_rows(self) -> tuple[np.ndarray[Any, np.dtype[np.intp]], np.ndarray[Any, np.dtype[np.intp]]]:
        """For each place and each partnership, the row of its event (-1 if none).

        Filters then select places and partnerships by position, without comparing ids.
        """
        ids = pd.Index(self.events["event_id"])
        return ids.get_indexer(self.places["event_id"]), ids.get_indexer(self.partnerships["event_id"])

    @property
    def failures(self) -> list[LoadWarning]:
        """One warning per file of which nothing could be read, naming it and why."""
        return [w for w in self.warnings if w.failed]


def merge(first: Dataset, second: Dataset) -> Dataset:
    """Both datasets in one; an item already in the first keeps its rows from there."""
    return combine([first, second])


def combine(datasets: Sequence[Dataset]) -> Dataset:
    """The datasets in one, in order; an item already in an earlier one keeps its rows from
    there (the first file that has it wins, as within one build)."""
    if len(datasets) == 1:
        return datasets[0]
    seen: set[str] = set()
    parts: list[tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]] = []
    for data in datasets:
        new = ~data.events["event_id"].isin(seen)
        kept = set(data.events.loc[new, "event_id"])
        seen |= kept
        parts.append(
            (
                data.events[new],
                data.places[data.places["event_id"].isin(kept)],
                data.partnerships[data.partnerships["event_id"].isin(kept)],
            )
        )
    events, places, partnerships = (
        _concat([part[n] for part in parts], table)
        for n, table in enumerate((schema.EVENTS, schema.PLACES, schema.PARTNERSHIPS))
    )
    return Dataset(
        events=events,
        places=places,
        partnerships=partnerships,
        warnings=[w for data in datasets for w in data.warnings],
        files_read=sum(data.files_read for data in datasets),
        files_failed=sum(data.files_failed for data in datasets),
        files_stored=sum(data.files_stored for data in datasets),
        built_at=max((data.built_at for data in datasets), default=datetime.now()),
    )


def _concat(frames: list[pd.DataFrame], table: Mapping[str, str]) -> pd.DataFrame:
    # Empty frames are left out: concat would widen their columns' dtypes.
    rows = [frame for frame in frames if len(frame)]
    return schema.conform(pd.concat(rows, ignore_index=True), table) if rows else schema.empty(table)
