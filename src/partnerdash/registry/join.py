"""News activity joined to the registry of known partnerships.

A place is keyed by its gazetteer id when it has one, so "Kiew" and "Kyiv",
"Köln" and "Cologne" meet; places without one (overrides, regions) by normalised
name and country, and unresolved names by normalised name alone — the news leaves
those without a country. A pair is the two keys in sorted order: partnerships have
no direction.

A news item counts for a registered pair when it states the pair (the
partnerships frame) or names both municipalities (the places behind the events'
municipality lists). Stated pairs the registry lacks are "new or unregistered".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from partnerdash import schema
from partnerdash.normalize import normalize

ACTIVE_MONTHS = 12
ACTIVE, QUIET, NO_NEWS, UNREGISTERED = "active", "quiet", "no_news", "unregistered"
STATUSES = (ACTIVE, QUIET, NO_NEWS, UNREGISTERED)


@dataclass
class Network:
    links: pd.DataFrame  # schema.LINKS: one row per registered partnership
    unregistered: pd.DataFrame  # schema.UNREGISTERED: stated news pairs the registry lacks


def place_keys(geonameid: pd.Series, country: pd.Series, name: pd.Series) -> pd.Series:
    """The join key of each place: "g<geonameid>", else "n<country>|<name>" ("n|<name>")."""
    names = name.fillna("").astype(str)
    normalized = names.map({n: normalize(n) for n in names.unique()})
    by_name = "n" + country.fillna("").astype(str) + "|" + normalized
    by_id = "g" + geonameid.astype("Int64").astype(str)
    return pd.Series(np.where(geonameid.notna(), by_id, by_name), index=name.index, dtype=object)


def pair_keys(a: pd.Series, b: pd.Series) -> pd.Series:
    """Unordered pairs of place keys as one string."""
    first = np.where(a <= b, a, b)
    second = np.where(a <= b, b, a)
    return pd.Series(first, index=a.index, dtype=object) + "~" + second


def registry_keys(registry: pd.DataFrame) -> pd.Series:
    """Each registry row's pair; an unresolved side is keyed by its label, with no country."""
    sides = []
    for side in ("a", "b"):
        resolved = registry[f"{side}_unresolved_reason"].isna()
        country = registry[f"{side}_country"].where(resolved, "")
        name = registry[f"{side}_name"].where(resolved, registry[f"{side}_label"])
        sides.append(place_keys(registry[f"{side}_geonameid"], country, name))
    return pair_keys(*sides)


def _news_places(places: pd.DataFrame) -> pd.DataFrame:
    """event_id, the name the other tables show (canonical, else as written), country, key."""
    shown = places["canonical"].fillna(places["name"])
    return pd.DataFrame(
        {
            "event_id": places["event_id"],
            "shown": shown,
            "country": places["country"].fillna(""),
            "key": place_keys(places["geonameid"], places["country"], shown),
            "municipality": (places["kind"] == "municipality") & ~places["dateline"],
        }
    )


def stated_pairs(partnerships: pd.DataFrame, places: pd.DataFrame) -> pd.Series:
    """The pair key of each row of the partnerships frame, using the places' gazetteer ids."""
    lookup = _news_places(places).drop_duplicates(["event_id", "shown", "country"])
    sides = []
    for side in ("a", "b"):
        rows = pd.DataFrame(
            {
                "event_id": partnerships["event_id"],
                "shown": partnerships[f"{side}_name"],
                "country": partnerships[f"{side}_country"].fillna(""),
            }
        )
        found = rows.merge(lookup, on=["event_id", "shown", "country"], how="left")["key"]
        fallback = place_keys(pd.Series(pd.NA, index=rows.index), rows["country"], rows["shown"])
        sides.append(found.fillna(fallback).set_axis(partnerships.index))
    return pair_keys(*sides)


def co_mentions(places: pd.DataFrame) -> pd.DataFrame:
    """event_id and pair for every two municipalities one item names (not its dateline seat)."""
    named = _news_places(places)
    named = named.loc[named["municipality"], ["event_id", "key"]].drop_duplicates()
    both = named.merge(named, on="event_id", suffixes=("_a", "_b"))
    both = both[both["key_a"] < both["key_b"]]
    return pd.DataFrame({"event_id": both["event_id"], "pair": both["key_a"] + "~" + both["key_b"]})


def activity(pairs: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Per pair (the index): news_items, stated_items, event_ids, first/last activity, topics."""
    per_item = pairs.groupby(["pair", "event_id"], as_index=False)["stated"].max()
    per_item = per_item.merge(events[["event_id", "date", "topics"]], on="event_id", how="left")
    per_item = per_item.sort_values(["pair", "date"])
    grouped = per_item.groupby("pair")
    out = pd.DataFrame(
        {
            "news_items": grouped.size(),
            "stated_items": grouped["stated"].sum(),
            "event_ids": grouped["event_id"].agg(list),
            "first_activity": grouped["date"].min(),
            "last_activity": grouped["date"].max(),
        }
    )
    out["topics"] = _topics(per_item).reindex(out.index)
    out["topics"] = out["topics"].apply(lambda t: t if isinstance(t, list) else [])
    return out


def _topics(per_item: pd.DataFrame) -> pd.Series:
    """Each pair's topics, the most frequent first (counted in Python: a groupby over
    exploded lists of strings was the join's slowest step)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for pair, topics in zip(per_item["pair"], per_item["topics"], strict=True):
        if isinstance(topics, list):
            counts[pair].update(topics)
    ranked = {pair: [t for t, _ in sorted(c.items(), key=_by_count)] for pair, c in counts.items()}
    return pd.Series(ranked, dtype=object)


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def status(last_activity: pd.Series, reference: date, active_months: int) -> tuple[pd.Series, pd.Series]:
    """Whole months since the last activity, and the status key: ``active``, ``quiet`` (for
    that many months) or ``no_news``. Views turn keys into words; nothing parses words back."""
    months = (reference.year - last_activity.dt.year) * 12 + (reference.month - last_activity.dt.month)
    months = months.clip(lower=0).astype("Int64")
    key = pd.Series(ACTIVE, index=last_activity.index, dtype=object)
    key[(months > active_months).fillna(False).to_numpy(bool)] = QUIET
    key[months.isna().to_numpy(bool)] = NO_NEWS
    return months, key


def join_news(
    registry: pd.DataFrame,
    events: pd.DataFrame,
    places: pd.DataFrame,
    partnerships: pd.DataFrame,
    reference: date | None = None,
    active_months: int = ACTIVE_MONTHS,
) -> Network:
    """Registered partnerships with their news activity, and stated news pairs not registered.

    ``reference``: the date statuses are relative to; by default the newest item's, so
    an archive's statuses do not change with the day it is looked at.
    """
    stated = pd.DataFrame(
        {"event_id": partnerships["event_id"], "pair": stated_pairs(partnerships, places), "stated": True}
    )
    mentioned = co_mentions(places).assign(stated=False)
    found = activity(pd.concat([stated, mentioned], ignore_index=True), events)
    if reference is None:
        newest = events["date"].max()
        reference = date.today() if pd.isna(newest) else newest.date()
    links = _links(registry, found, reference, active_months)
    registered = set(links["link_id"])
    new = stated[~stated["pair"].isin(registered)]
    return Network(links, _unregistered(new, partnerships, events, found))


def _links(registry: pd.DataFrame, found: pd.DataFrame, reference: date, active_months: int) -> pd.DataFrame:
    keyed = registry.assign(link_id=registry_keys(registry))
    first = keyed.drop_duplicates("link_id").set_index("link_id")
    links = first.rename(columns={"row": "registry_row"})
    links["registry_rows"] = keyed.groupby("link_id").size()
    links["resolved"] = keyed.groupby("link_id")["resolved"].all()
    links["coords_disagree"] = keyed.groupby("link_id")["coords_disagree"].any()
    links = links.join(found, how="left")
    links["news_items"] = links["news_items"].fillna(0)
    links["stated_items"] = links["stated_items"].fillna(0)
    links["event_ids"] = links["event_ids"].apply(lambda ids: ids if isinstance(ids, list) else [])
    links["topics"] = links["topics"].apply(lambda topics: topics if isinstance(topics, list) else [])
    links["months_quiet"], links["status"] = status(links["last_activity"], reference, active_months)
    return schema.conform(links.reset_index(), schema.LINKS)


def _unregistered(
    new: pd.DataFrame, partnerships: pd.DataFrame, events: pd.DataFrame, found: pd.DataFrame
) -> pd.DataFrame:
    if new.empty:
        return schema.empty(schema.UNREGISTERED)
    # The latest item's names and phrase speak for the pair.
    rows = partnerships.loc[new.index].assign(link_id=new["pair"])
    rows = rows.merge(events[["event_id", "date"]], on="event_id", how="left").sort_values(
        "date", kind="stable"
    )
    latest = rows.drop_duplicates("link_id", keep="last").set_index("link_id")
    sides = latest[[c for c in schema.UNREGISTERED if c.startswith(("a_", "b_")) or c == "phrase"]]
    out = found.loc[latest.index].rename_axis("link_id").join(sides)
    out["status"] = UNREGISTERED
    return schema.conform(
        out.sort_values("last_activity", ascending=False).reset_index(), schema.UNREGISTERED
    )
