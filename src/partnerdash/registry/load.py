"""A registry of known partnerships, read from a table and resolved against the gazetteer.

One row per usable file row (schema :data:`partnerdash.schema.REGISTRY`). A row is
skipped only when it cannot be a partnership (a side has no name, or both sides are
one place), and then with a warning naming file and row. Everything else stays: a
side the gazetteer lacks is listed with its reason, a bad coordinate or year is
dropped from the row with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd

from partnerdash import schema
from partnerdash.geocode.gazetteer.sources import admin1_name
from partnerdash.geocode.offline import OfflineGeocoder
from partnerdash.geocode.regions import world_region
from partnerdash.geocode.sides import SideResolver, distance_km, resolve_side
from partnerdash.load.items import LoadWarning
from partnerdash.load.partnership_table import ROW, read_table, vocabulary
from partnerdash.normalize import normalize

DISAGREEMENT_KM = 25.0
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_LIMITS = {"lat": 90.0, "lon": 180.0}
_RESOLVED = [
    "name",
    "country",
    "kind",
    "admin1",
    "geonameid",
    "gazetteer_lat",
    "gazetteer_lon",
    "resolved_by",
    "unresolved_reason",
]


@dataclass
class Registry:
    partnerships: pd.DataFrame = field(default_factory=lambda: schema.empty(schema.REGISTRY))
    warnings: list[LoadWarning] = field(default_factory=list)


def load_registry(path: Path, geocoder: OfflineGeocoder | None = None) -> Registry:
    """The registry file's partnerships with both sides resolved; LoadError if unreadable."""
    source = path.name
    frame, warnings = read_table(path)
    points: dict[str, pd.Series] = {}
    for column in ("a_lat", "a_lon", "b_lat", "b_lon"):
        points[column], bad = _coordinate(frame, column, source)
        warnings += bad
    keep, skipped = _usable(frame, points, source)
    frame, points = frame[keep], {column: values[keep] for column, values in points.items()}
    warnings += skipped
    resolver = SideResolver(geocoder or OfflineGeocoder())
    sides = []
    for side in ("a", "b"):
        resolved, side_warnings = _side(frame, side, points, resolver, source)
        sides.append(resolved)
        warnings += side_warnings
    since, since_warnings = _years(frame, source)
    out = pd.concat([frame[[ROW, "source"]], *sides], axis=1)
    out["source_file"] = source
    out["since"] = since
    out["type"] = frame["type"].map({t: _type_name(t) for t in frame["type"].unique()})
    out["resolved"] = out["a_unresolved_reason"].isna() & out["b_unresolved_reason"].isna()
    out["coords_disagree"] = (out["a_distance_km"] > DISAGREEMENT_KM) | (
        out["b_distance_km"] > DISAGREEMENT_KM
    )
    out["unresolved_reason"] = _row_reason(out)
    return Registry(schema.conform(out.replace({"": None}), schema.REGISTRY), warnings + since_warnings)


def _usable(
    frame: pd.DataFrame, points: dict[str, pd.Series], source: str
) -> tuple[pd.Series, list[LoadWarning]]:
    """Which rows name two places; a warning for each of the others.

    Two towns may share a name and a country (Falkenstein in the Palatinate and in
    Bavaria are partners): the same name is one place only where the points are near.
    """
    no_a, no_b = frame["a_name"] == "", frame["b_name"] == ""
    keys = {name: normalize(name) for name in pd.unique(frame[["a_name", "b_name"]].to_numpy().ravel())}
    apart = distance_km(points["a_lat"], points["a_lon"], points["b_lat"], points["b_lon"]) > DISAGREEMENT_KM
    same = (
        (frame["a_name"].map(keys) == frame["b_name"].map(keys))
        & (frame["a_country"] == frame["b_country"])
        & ~apart
    )
    missing = no_a | no_b
    warnings = [
        LoadWarning(source, f"row {row}: {why}; skipped")
        for mask, why in (
            (missing, "a municipality is missing"),
            (same & ~missing, "both sides name one place"),
        )
        for row in frame.loc[mask, ROW]
    ]
    return ~(missing | same), warnings


def _side(
    frame: pd.DataFrame, side: str, points: dict[str, pd.Series], resolver: SideResolver, source: str
) -> tuple[pd.DataFrame, list[LoadWarning]]:
    labels, country_labels = frame[f"{side}_name"], frame[f"{side}_country"]
    codes = country_labels.map({c: resolver.country_code(c) if c else None for c in country_labels.unique()})
    unknown = codes.isna() & (country_labels != "")
    warnings = [
        LoadWarning(source, f"row {row}: country {label!r} of {name!r} is unknown; looked up anywhere")
        for row, label, name in zip(
            frame.loc[unknown, ROW], country_labels[unknown], labels[unknown], strict=True
        )
    ]
    lat, lon = points[f"{side}_lat"], points[f"{side}_lon"]
    places = resolve_side(labels, codes.fillna(""), lat, lon, resolver).reindex(columns=_RESOLVED)
    places["name"] = places["name"].fillna(labels)
    places["country"] = places["country"].fillna(codes)
    places["label"], places["country_label"] = labels, country_labels
    places["region"], places["federal_state"] = _areas(places["country"], places["admin1"])
    places["lat"] = lat.fillna(places["gazetteer_lat"])
    places["lon"] = lon.fillna(places["gazetteer_lon"])
    places["distance_km"] = distance_km(lat, lon, places["gazetteer_lat"], places["gazetteer_lon"])
    return places.add_prefix(f"{side}_"), warnings


def _areas(countries: pd.Series, admin1: pd.Series) -> tuple[pd.Series, pd.Series]:
    """World region and federal state of each side, as the news tables name them."""
    keys = list(zip(countries, admin1, strict=True))
    known = {
        (country, code): (
            world_region(country if isinstance(country, str) else None),
            admin1_name(country, code) if isinstance(country, str) and isinstance(code, str) else None,
        )
        for country, code in set(keys)
    }
    regions = pd.Series([known[key][0] for key in keys], index=countries.index, dtype=object)
    states = pd.Series([known[key][1] for key in keys], index=countries.index, dtype=object)
    return regions, states


def _coordinate(frame: pd.DataFrame, column: str, source: str) -> tuple[pd.Series, list[LoadWarning]]:
    raw = frame[column]
    values = pd.to_numeric(raw.str.replace(",", ".", regex=False), errors="coerce")
    values = values.where(values.abs() <= _LIMITS[column[2:]])
    bad = values.isna() & (raw != "")
    side, axis = column.split("_")
    warnings = [
        LoadWarning(source, f"row {row}: {side.upper()} {axis} {text!r} is not a coordinate; ignored")
        for row, text in zip(frame.loc[bad, ROW], raw[bad], strict=True)
    ]
    return values.astype("float64"), warnings


def _years(frame: pd.DataFrame, source: str) -> tuple[pd.Series, list[LoadWarning]]:
    raw = frame["since"]
    years = pd.to_numeric(raw.str.extract(_YEAR, expand=False), errors="coerce").astype("Int64")
    bad = years.isna() & (raw != "")
    warnings = [
        LoadWarning(source, f"row {row}: 'since' {text!r} holds no year; ignored")
        for row, text in zip(frame.loc[bad, ROW], raw[bad], strict=True)
    ]
    return years, warnings


def _type_name(text: str) -> str | None:
    """One of the known types when ``text`` is a synonym of it, else as written."""
    if not text:
        return None
    return _types().get(normalize(text), text)


@cache
def _types() -> dict[str, str]:
    table: dict[str, list[str]] = vocabulary().get("types", {})
    return {normalize(name): kind for kind, names in table.items() for name in [kind, *names]}


def _row_reason(frame: pd.DataFrame) -> pd.Series:
    """Both sides' reasons in one text: "A: ...; B: ..."."""
    parts = [
        frame[f"{side}_unresolved_reason"]
        .astype(object)
        .fillna("")
        .map(lambda r, s=side: f"{s.upper()}: {r}" if r else "")
        for side in ("a", "b")
    ]
    joined = (parts[0] + "; " + parts[1]).str.strip("; ")
    return joined.where(joined != "", None)


def unresolved(registry: pd.DataFrame) -> pd.DataFrame:
    """Rows with a side the gazetteer and overrides lack, with the reason."""
    return registry[~registry["resolved"]]


def disagreements(registry: pd.DataFrame) -> pd.DataFrame:
    """Rows whose coordinates lie more than 25 km from the gazetteer's place, farthest first."""
    flagged = registry[registry["coords_disagree"]]
    worst = flagged[["a_distance_km", "b_distance_km"]].max(axis=1)
    return flagged.loc[worst.sort_values(ascending=False).index]
