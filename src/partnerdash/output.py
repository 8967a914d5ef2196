"""Tables written out as JSON Lines, CSV or Parquet.

Rows are built column-wise: each column is converted to plain Python values once (dates
to ISO text, missing values to None), then the columns are zipped into rows. Per-row
DataFrame access costs far more than the writing itself.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any, BinaryIO

import numpy as np
import orjson
import pandas as pd

FORMATS = ("jsonl", "csv", "parquet")
LIST_SEPARATOR = "; "
_BATCH_ROWS = 1000
# A newline after each row; numpy values and non-string keys as json wrote them, should a
# column ever hold them.
_JSON_OPTIONS = orjson.OPT_APPEND_NEWLINE | orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS
# CSV is written this many rows at a time: the whole text at once was held three times
# over (the flattened copy, the text, its bytes), and took the command's peak at 100,000
# items to 1,530 MB (1,396 MB in slices).
_CSV_ROWS = 10_000


def _plain(value: Any) -> Any:
    if isinstance(value, list):  # mostly lists of words (topics, evidence): strings stay
        return [v if type(v) is str else _plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if value is None or value is pd.NaT or (not isinstance(value, (list, str)) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _dates(column: pd.Series) -> list[Any]:
    """ISO dates, with the time only where there is one; None where missing."""
    dates = column.dt.strftime("%Y-%m-%d")
    timed = column.notna() & (column != column.dt.normalize())
    if timed.any():
        dates = dates.where(~timed, column.map(lambda v: v.isoformat() if pd.notna(v) else None))
    return [None if v is None or v != v else v for v in dates.astype(object)]


def plain_column(column: pd.Series) -> list[Any]:
    """A column as JSON-ready Python values."""
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        return _dates(column)
    if isinstance(column.dtype, np.dtype) and column.dtype.kind in "biu":
        return list(column.tolist())
    if isinstance(column.dtype, np.dtype) and column.dtype.kind == "f":
        return [None if v != v else v for v in column.tolist()]
    values = column.astype(object).tolist()
    return [v if type(v) is str else _plain(v) for v in values]


def records(
    frame: pd.DataFrame, plain: Mapping[str, Iterable[Any]] | None = None
) -> Iterator[dict[str, Any]]:
    """Rows as JSON-ready dicts: ISO dates, None for missing values, lists kept.

    ``plain``: more columns, one value per row, that are JSON-ready already (an event's
    places, made by ``records`` itself): converting them again would walk every nested
    value a second time, which costs more than the rest of the writing.
    """
    names = [*frame.columns, *(plain or {})]
    columns = [plain_column(frame[name]) for name in frame.columns] + list((plain or {}).values())
    for row in zip(*columns, strict=True):
        yield dict(zip(names, row, strict=True))


def write(
    frame: pd.DataFrame, out: BinaryIO, fmt: str, plain: Mapping[str, Iterable[Any]] | None = None
) -> None:
    """``frame`` in ``fmt``; ``plain``: JSON-ready columns added to each JSON Lines row."""
    if fmt == "jsonl":
        rows = records(frame, plain)
        # A write per batch of rows, not per row nor all at once: few calls, little memory.
        while batch := b"".join(
            orjson.dumps(record, option=_JSON_OPTIONS) for record in islice(rows, _BATCH_ROWS)
        ):
            out.write(batch)
    elif fmt == "csv":
        _write_csv(frame, out)
    elif fmt == "parquet":
        frame.to_parquet(out, index=False)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _write_csv(frame: pd.DataFrame, out: BinaryIO) -> None:
    """Lists joined by LIST_SEPARATOR, dates as ISO days; in slices of rows."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        for start in range(0, max(len(frame), 1), _CSV_ROWS):
            flat = frame.iloc[start : start + _CSV_ROWS].copy()
            for column in flat.columns:
                if flat[column].dtype == object:
                    flat[column] = flat[column].map(
                        lambda v: LIST_SEPARATOR.join(map(str, v)) if isinstance(v, list) else v
                    )
            flat.to_csv(text, index=False, header=start == 0, date_format="%Y-%m-%d")
    finally:
        text.detach()  # the caller's stream stays open
