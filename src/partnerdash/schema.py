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
