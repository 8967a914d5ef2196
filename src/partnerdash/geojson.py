"""Places and partnership lines as one RFC 7946 GeoJSON FeatureCollection.

For GIS tools (QGIS, ArcGIS, kepler.gl, Datawrapper): a Point per resolved place with how
often and when the news named it, a LineString per partnership pair with its items and,
when a registry is loaded, its status. Coordinates are [longitude, latitude] in WGS 84
with 5 decimals (about a metre); a line across the antimeridian is cut there into a
MultiLineString (RFC 7946, 3.1.9). Unresolved and uncertain places, and pairs with a side
that has no coordinates, are left out and counted in the top-level "partnerdash" member,
so a reader knows what the map does not show.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pandas as pd

from partnerdash import __version__
from partnerdash.registry.join import UNREGISTERED, Network, stated_pairs

LAYERS = ("places", "partnerships")
DECIMALS = 5
Feature = dict[str, Any]
Position = list[float]


def feature_collection(
    events: pd.DataFrame,
    places: pd.DataFrame,
    partnerships: pd.DataFrame,
    network: Network | None = None,
    layers: tuple[str, ...] = LAYERS,
) -> dict[str, Any]:
    """The FeatureCollection of the given rows (a whole dataset, or a filtered view)."""
    dates = events.set_index("event_id")["date"]
    features: list[Feature] = []
    if "places" in layers:
        features.extend(place_features(places, dates))
    if "partnerships" in layers:
        features.extend(pair_features(partnerships, places, dates, network))
    return {
        "type": "FeatureCollection",
        "features": features,
        "partnerdash": _left_out(places, partnerships, layers) | {"version": __version__},
    }


def dumps(collection: dict[str, Any]) -> str:
    """The collection as JSON text: every name a JSON string, non-ASCII letters kept."""
    return json.dumps(collection, ensure_ascii=False, allow_nan=False)


def _placed(places: pd.DataFrame) -> pd.DataFrame:
    """Places a map shows: resolved, certain, with coordinates; not the publisher's seat."""
    keep = places["canonical"].notna() & ~places["uncertain"] & places["lat"].notna() & places["lon"].notna()
    return places[keep & ~places["dateline"]]


def place_features(places: pd.DataFrame, dates: pd.Series) -> Iterator[Feature]:
    placed = _placed(places).assign(date=lambda f: f["event_id"].map(dates))
    keys = ["canonical", "kind", "country", "lat", "lon"]
    grouped = placed.groupby(keys, sort=True, dropna=False)
    summary = grouped.agg(
        names=("name", _written_forms),
        region=("region", "first"),
        federal_state=("federal_state", "first"),
        items=("event_id", "nunique"),
        first=("date", "min"),
        last=("date", "max"),
        confidence=("confidence", "max"),
    ).reset_index()
    for row in summary.to_dict("records"):
        yield {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": _position(row["lon"], row["lat"])},
            "properties": {
                "name": row["names"][0],
                "names_as_written": row["names"],
                "canonical": row["canonical"],
                "kind": row["kind"],
                "country": _text(row["country"]),
                "world_region": _text(row["region"]),
                "federal_state": _text(row["federal_state"]),
                "items": int(row["items"]),
                "first_date": _iso(row["first"]),
                "last_date": _iso(row["last"]),
                "confidence": round(float(row["confidence"]), 3),
            },
        }


def pair_features(
    partnerships: pd.DataFrame, places: pd.DataFrame, dates: pd.Series, network: Network | None
) -> Iterator[Feature]:
    located = partnerships[partnerships[["a_lat", "a_lon", "b_lat", "b_lon"]].notna().all(axis=1)]
    if located.empty:
        return
    pairs = located.assign(pair=stated_pairs(located, places), date=located["event_id"].map(dates))
    statuses = _statuses(network)
    for pair, rows in pairs.groupby("pair", sort=True):
        first = rows.iloc[0]
        known = statuses.get(str(pair)) if statuses is not None else None
        yield {
            "type": "Feature",
            "geometry": line(
                _position(first["a_lon"], first["a_lat"]), _position(first["b_lon"], first["b_lat"])
            ),
            "properties": {
                "a_name": first["a_name"],
                "a_country": _text(first["a_country"]),
                "b_name": first["b_name"],
                "b_country": _text(first["b_country"]),
                "items": int(rows["event_id"].nunique()),
                "first_date": _iso(rows["date"].min()),
                "last_date": _iso(rows["date"].max()),
                "status": None if statuses is None else (known or UNREGISTERED),
                "in_registry": None if statuses is None else known is not None,
            },
        }


def _statuses(network: Network | None) -> dict[str, str] | None:
    if network is None:
        return None
    return dict(zip(network.links["link_id"].astype(str), network.links["status"].astype(str), strict=True))


def line(a: Position, b: Position) -> dict[str, Any]:
    """A LineString from a to b along the shorter way round, cut where it crosses 180°."""
    if abs(b[0] - a[0]) <= 180:
        return {"type": "LineString", "coordinates": [a, b]}
    # Eastward across the antimeridian if b lies far west of a, westward otherwise.
    edge = 180.0 if a[0] > b[0] else -180.0
    unwrapped = b[0] + (360.0 if edge == 180.0 else -360.0)
    share = (edge - a[0]) / (unwrapped - a[0])
    lat = round(a[1] + share * (b[1] - a[1]), DECIMALS)
    return {"type": "MultiLineString", "coordinates": [[a, [edge, lat]], [[-edge, lat], b]]}


def _left_out(places: pd.DataFrame, partnerships: pd.DataFrame, layers: tuple[str, ...]) -> dict[str, Any]:
    unresolved = places["canonical"].isna() & ~places["uncertain"]
    counts: dict[str, Any] = {"layers": list(layers)}
    if "places" in layers:
        counts["unresolved_places_left_out"] = int(places.loc[unresolved, "name"].nunique())
        counts["uncertain_places_left_out"] = int(places.loc[places["uncertain"], "name"].nunique())
    if "partnerships" in layers:
        sides = partnerships[["a_lat", "a_lon", "b_lat", "b_lon"]]
        counts["pairs_without_coordinates_left_out"] = int((~sides.notna().all(axis=1)).sum())
    return counts


def _position(lon: float, lat: float) -> Position:
    return [round(float(lon), DECIMALS), round(float(lat), DECIMALS)]


def _written_forms(names: pd.Series) -> list[str]:
    """The names as the news wrote them, the most frequent first."""
    counts = names.astype(str).value_counts(sort=False)
    return sorted(counts.index, key=lambda name: (-int(counts[name]), name))


def _iso(value: Any) -> str | None:
    return None if pd.isna(value) else pd.Timestamp(value).date().isoformat()


def _text(value: Any) -> str | None:
    return None if value is None or pd.isna(value) else str(value)
