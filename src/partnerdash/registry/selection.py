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
    """Each (link, item) of the join once, with the item's date: counted per filter change."""

    link_rows: np.ndarray
    event_ids: pd.Series
    dates: pd.Series

    @classmethod
    def of(cls, links: pd.DataFrame, events: pd.DataFrame) -> Activity:
        lengths = links["event_ids"].map(len).to_numpy(np.intp)
        ids = [e for ids in links["event_ids"] for e in ids]
        date_of = dict(zip(events["event_id"], events["date"], strict=True))
        dates = pd.Series([date_of.get(e) for e in ids], dtype="datetime64[ns]")
        return cls(np.repeat(np.arange(len(links)), lengths), pd.Series(ids, dtype="str"), dates)


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
    events_in_view: pd.DataFrame,
    all_events: pd.DataFrame,
    filters: Filters,
    active_months: int = ACTIVE_MONTHS,
) -> NetworkView:
    reference = reference_date(filters, all_events)
    links = network.links[_geography(network.links, filters)]
    unregistered = network.unregistered[_geography(network.unregistered, filters)]
    if len(events_in_view) < len(all_events):
        shown = set(events_in_view["event_id"])
        links = _recount(links, activity, shown, reference, active_months)
        unregistered = unregistered[[not shown.isdisjoint(ids) for ids in unregistered["event_ids"]]]
    else:
        links = links.copy()
        links["months_quiet"], links["status"] = status(links["last_activity"], reference, active_months)
    return NetworkView(links, unregistered, reference, len(network.links))


def _geography(links: pd.DataFrame, filters: Filters) -> np.ndarray:
    mask = np.ones(len(links), dtype=bool)
    for field, column in _GEOGRAPHY:
        chosen = getattr(filters, field)
        if chosen:
            either = links[f"a_{column}"].isin(chosen) | links[f"b_{column}"].isin(chosen)
            mask &= either.fillna(False).to_numpy(bool)
    return mask


def _recount(
    links: pd.DataFrame, activity: Activity, shown: set[str], reference: date, active_months: int
) -> pd.DataFrame:
    """Items, first and last activity of each link, counting only the items in view."""
    keep = activity.event_ids.isin(shown).to_numpy(bool) & np.isin(activity.link_rows, links.index)
    rows = pd.DataFrame(
        {"link": activity.link_rows[keep], "event_id": activity.event_ids[keep], "date": activity.dates[keep]}
    )
    grouped = rows.groupby("link")
    out = links.copy()
    out["news_items"] = grouped.size().reindex(out.index, fill_value=0).astype("int64")
    out["event_ids"] = grouped["event_id"].agg(list).reindex(out.index)
    out["event_ids"] = [ids if isinstance(ids, list) else [] for ids in out["event_ids"]]
    out["first_activity"] = grouped["date"].min().reindex(out.index)
    out["last_activity"] = grouped["date"].max().reindex(out.index)
    out["months_quiet"], out["status"] = status(out["last_activity"], reference, active_months)
    return out
