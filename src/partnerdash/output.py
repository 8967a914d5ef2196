"""Tables written out as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

import pandas as pd

FORMATS = ("jsonl", "csv", "parquet")
LIST_SEPARATOR = "; "


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if value is None or value is pd.NaT or (not isinstance(value, (list, str)) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def records(frame: pd.DataFrame) -> Iterator[dict[str, Any]]:
    """Rows as JSON-ready dicts: ISO dates, None for missing values, lists kept."""
    columns = list(frame.columns)
    for row in frame.itertuples(index=False, name=None):
        yield {column: _plain(value) for column, value in zip(columns, row, strict=True)}


def write(frame: pd.DataFrame, out: BinaryIO, fmt: str) -> None:
    if fmt == "jsonl":
        for record in records(frame):
            out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
    elif fmt == "csv":
        flat = frame.copy()
        for column in flat.columns:
            if flat[column].dtype == object:
                flat[column] = flat[column].map(
                    lambda v: LIST_SEPARATOR.join(map(str, v)) if isinstance(v, list) else v
                )
        text = io.StringIO()
        flat.to_csv(text, index=False, date_format="%Y-%m-%d")
        out.write(text.getvalue().encode("utf-8"))
    elif fmt == "parquet":
        frame.to_parquet(out, index=False)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
