"""The network as the filters show it: which partnerships, and their activity in view.

The join (:func:`partnerdash.registry.join.join_news`) runs once per dataset and
registry. Every filter change then only selects: links by the geography of either
side, activity by the items the filters let through — one table of (link, item)
rows is counted again, so a change costs milliseconds even with 50,000 links.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from partnerdash.filters import Filters
from partnerdash.registry.join import ACTIVE_MONTHS, Network, status

# Filter fields and the side columns they select on: a link matches when either side does.
_GEOGRAPHY = (
    ("regions", "region"),
    ("countries", "country"),
    ("states", "federal_state"),
    ("municipalities", "name"),
)


@dataclass(frozen=True)
class Activity:
    """Each (link, item) of the join once, with the item's row and date, and each
    (unregistered pair, item) with the item's row: counted again per filter change.

    Items are held by their row in the dataset's events, so a filter's row mask selects
    them without comparing ids (a set of 100,000 ids costs tens of milliseconds).
    """

    link_rows: np.ndarray
    event_rows: np.ndarray
    event_ids: np.ndarray
    dates: np.ndarray
    pair_rows: np.ndarray
    pair_event_rows: np.ndarray

    @classmethod
    def of(
        cls, links: pd.DataFrame, events: pd.DataFrame, unregistered: pd.DataFrame | None = None
    ) -> Activity:
        row_of = pd.Series(np.arange(len(events)), index=events["event_id"].to_numpy(object))
        link_rows, event_rows = _flatten(links["event_ids"], row_of)
        pairs = unregistered["event_ids"] if unregistered is not None else pd.Series([], dtype=object)
        pair_rows, pair_event_rows = _flatten(pairs, row_of)
        dates = events["date"].to_numpy("datetime64[ns]")
        ids = events["event_id"].to_numpy(object)
        return cls(link_rows, event_rows, ids[event_rows], dates[event_rows], pair_rows, pair_event_rows)


def _flatten(owners: pd.Series, row_of: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(owner position, event row) for every event id of every owner that names a known item."""
    lengths = owners.map(len).to_numpy(np.intp)
    ids = [e for ids in owners for e in ids]
    rows = row_of.reindex(ids).to_numpy(float)
    known = ~np.isnan(rows)
    return np.repeat(np.arange(len(owners)), lengths)[known], rows[known].astype(np.intp)


@dataclass(frozen=True)
class NetworkView:
    links: pd.DataFrame  # schema.LINKS rows the filters select, activity counted in view
    unregistered: pd.DataFrame  # schema.UNREGISTERED rows with an item in view
    reference: date  # the date "active" and "quiet for N months" are measured from
    total_links: int


def reference_date(filters: Filters, events: pd.DataFrame) -> date:
    """The end of the chosen period, else the newest item's date: statuses stay put."""
    if filters.end is not None:
        return filters.end
    newest = events["date"].max()
    return date.today() if pd.isna(newest) else newest.date()


def select(
    network: Network,
    activity: Activity,
    all_events: pd.DataFrame,
    filters: Filters,
    in_view: np.ndarray | None,
    active_months: int = ACTIVE_MONTHS,
) -> NetworkView:
    """The links and unregistered pairs the filters select, counted over the items in
    view: ``in_view``, a row mask over ``all_events`` (None: all of them)."""
    reference = reference_date(filters, all_events)
    chosen = _geography(network.links, filters)
    links = network.links[chosen]
    pairs = _geography(network.unregistered, filters)
    if in_view is not None:
        links = _recount(links, chosen, activity, in_view, reference, active_months)
        pairs &= _any_in_view(activity, in_view, len(network.unregistered))
        unregistered = network.unregistered[pairs]
    else:
        links = links.copy()
        links["months_quiet"], links["status"] = status(links["last_activity"], reference, active_months)
        unregistered = network.unregistered[pairs]
    return NetworkView(links, unregistered, reference, len(network.links))


def _geography(links: pd.DataFrame, filters: Filters) -> np.ndarray:
    mask = np.ones(len(links), dtype=bool)
    for field, column in _GEOGRAPHY:
        chosen = getattr(filters, field)
        if chosen:
            either = links[f"a_{column}"].isin(chosen) | links[f"b_{column}"].isin(chosen)
            mask &= either.fillna(False).to_numpy(bool)
    return mask


def _any_in_view(activity: Activity, in_view: np.ndarray, pairs: int) -> np.ndarray:
    seen = np.zeros(pairs, dtype=bool)
    seen[activity.pair_rows[in_view[activity.pair_event_rows]]] = True
    return seen


def _recount(
    links: pd.DataFrame,
    chosen: np.ndarray,
    activity: Activity,
    in_view: np.ndarray,
    reference: date,
    active_months: int,
) -> pd.DataFrame:
    """Items, first and last activity of each link, counting only the items in view."""
    keep = in_view[activity.event_rows] & chosen[activity.link_rows]
    link_rows = activity.link_rows[keep]
    order = np.argsort(link_rows, kind="stable")
    link_rows, ids, dates = link_rows[order], activity.event_ids[keep][order], activity.dates[keep][order]
    # Position of each chosen link among the links kept (links[chosen] keeps their order).
    position = np.cumsum(chosen) - 1
    counts = np.bincount(position[link_rows], minlength=len(links))
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    out = links.copy()
    out["news_items"] = counts.astype("int64")
    out["event_ids"] = [list(part) for part in np.split(ids, np.cumsum(counts)[:-1])] if len(links) else []
    has = counts > 0
    first = np.full(len(links), np.datetime64("NaT"), dtype="datetime64[ns]")
    last = first.copy()
    if has.any():  # fmin and fmax skip undated items (NaT), as pandas' min and max do
        first[has] = np.fmin.reduceat(dates, starts[has])
        last[has] = np.fmax.reduceat(dates, starts[has])
    out["first_activity"], out["last_activity"] = first, last
    out["months_quiet"], out["status"] = status(out["last_activity"], reference, active_months)
    return out
