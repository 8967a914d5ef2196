"""The tables partnerdash produces, their columns and dtypes: declared here only.

Every stage that builds a table ends with :func:`conform`, so a frame always has
exactly these columns in this order with these dtypes, whether it holds a million
rows or none.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

STR = "str"  # pandas' own string dtype (Arrow-backed): faster to filter than "string"
LIST = "object"  # a Python list of str per row

EVENTS: Mapping[str, str] = {
    "event_id": STR,
    "date": "datetime64[ns]",
    "date_inferred": "bool",
    "title": STR,
    "summary": STR,
    "caption": STR,
    "lang": STR,
    "kind": STR,
    "topics": LIST,
    "url": STR,
    "source": STR,
    "position": "Int64",
    "dateline_place": STR,
    "municipalities": LIST,
    "countries": LIST,
    "regions": LIST,
    "federal_states": LIST,
    "n_municipalities": "int64",
    "n_countries": "int64",
    "n_pairs": "int64",
    # Partnerships with a region or country as a side ("Rhineland-Palatinate – Rwanda"):
    # kept with the item, apart from the municipal partnerships table.
    "other_partnerships": LIST,
}

PLACES: Mapping[str, str] = {
    "event_id": STR,
    "name": STR,
    "canonical": STR,
    "kind": STR,
    "country": STR,
    "region": STR,
    "admin1": STR,
    "federal_state": STR,
    "lat": "float64",
    "lon": "float64",
    "geonameid": "Int64",
    "resolved_by": STR,
    "confidence": "float64",
    "evidence": STR,  # the signals that decided it: "cue, home, ordinary word (0.4)"
    "uncertain": "bool",  # scored below the threshold: listed, not placed or counted
    "unresolved_reason": STR,
    "dateline": "bool",
}

_SIDE: Mapping[str, str] = {
    "name": STR,
    "country": STR,
    "region": STR,
    "federal_state": STR,
    "kind": STR,
    "lat": "float64",
    "lon": "float64",
}
PARTNERSHIPS: Mapping[str, str] = {
    "event_id": STR,
    **{f"a_{column}": dtype for column, dtype in _SIDE.items()},
    **{f"b_{column}": dtype for column, dtype in _SIDE.items()},
    "phrase": STR,
}


# The partnership network: a registry of known partnerships (partnerdash.registry).
_REGISTRY_SIDE: Mapping[str, str] = {
    "label": STR,  # as the registry writes it: "Cologne", "Kiew"
    "country_label": STR,
    "name": STR,  # the gazetteer's name if resolved, else the label
    "country": STR,  # ISO 3166-1 alpha-2
    "kind": STR,
    "region": STR,  # world region of the country
    "federal_state": STR,  # German sides: the Land
    "geonameid": "Int64",  # missing for overrides, regions and unresolved sides
    "lat": "float64",  # the registry's coordinates where it has them, else the gazetteer's
    "lon": "float64",
    "gazetteer_lat": "float64",
    "gazetteer_lon": "float64",
    "distance_km": "float64",  # registry point to gazetteer point
    "resolved_by": STR,  # "override" or "offline" (the gazetteer)
    "unresolved_reason": STR,
}
REGISTRY: Mapping[str, str] = {
    "source_file": STR,
    "row": "int64",  # line of a CSV/TSV, Excel row number, position in a JSON list
    **{f"a_{column}": dtype for column, dtype in _REGISTRY_SIDE.items()},
    **{f"b_{column}": dtype for column, dtype in _REGISTRY_SIDE.items()},
    "since": "Int64",  # year
    "type": STR,  # twinning, friendship, project, climate partnership, or as written
    "source": STR,
    "resolved": "bool",  # both sides
    "coords_disagree": "bool",  # a side's coordinates lie > 25 km from the gazetteer's place
    "unresolved_reason": STR,
}
_NETWORK_SIDE: Mapping[str, str] = {
    "name": STR,
    "country": STR,
    "region": STR,
    "federal_state": STR,
    "lat": "float64",
    "lon": "float64",
}
_ACTIVITY: Mapping[str, str] = {
    "news_items": "int64",  # items that state the pair or name both sides
    "stated_items": "int64",  # items that state the pair ("X and its partner city Y")
    "event_ids": LIST,
    "first_activity": "datetime64[ns]",
    "last_activity": "datetime64[ns]",
    "topics": LIST,  # most frequent first
}
LINKS: Mapping[str, str] = {
    "link_id": STR,  # the unordered pair of places: stable across loads of the registry
    **{f"a_{column}": dtype for column, dtype in _NETWORK_SIDE.items()},
    **{f"b_{column}": dtype for column, dtype in _NETWORK_SIDE.items()},
    "since": "Int64",
    "type": STR,
    "source": STR,
    "registry_row": "int64",  # first row naming the pair; duplicates count in registry_rows
    "registry_rows": "int64",
    "resolved": "bool",
    "coords_disagree": "bool",
    **_ACTIVITY,
    "months_quiet": "Int64",  # whole months from the last activity to the reference date
    "status": STR,  # a key: "active", "quiet" (for months_quiet months), "no_news"
}
UNREGISTERED: Mapping[str, str] = {
    "link_id": STR,
    **{f"a_{column}": dtype for column, dtype in _NETWORK_SIDE.items()},
    **{f"b_{column}": dtype for column, dtype in _NETWORK_SIDE.items()},
    **_ACTIVITY,
    "phrase": STR,  # how the latest item states it
    "status": STR,  # the key "unregistered"
}


def empty(schema: Mapping[str, str]) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in schema.items()})


def conform(frame: pd.DataFrame, schema: Mapping[str, str]) -> pd.DataFrame:
    """The frame with exactly the schema's columns (missing ones filled) and dtypes."""
    out = pd.DataFrame(index=frame.index)
    for column, dtype in schema.items():
        if column in frame.columns:
            values = frame[column]
        elif dtype == LIST:
            values = pd.Series([[] for _ in range(len(frame))], index=frame.index, dtype=object)
        elif dtype in ("bool", "int64"):
            values = pd.Series(0, index=frame.index)
        else:
            values = pd.Series(index=frame.index, dtype=dtype)  # all missing, in the column's own kind
        out[column] = values.astype(dtype) if dtype != LIST else values.astype(object)  # type: ignore[call-overload]
    return out.reset_index(drop=True)
