"""The typed tables: events (one row per news item), and later places and partnerships."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from partnerdash import schema

_NON_WORD = re.compile(r"\W+")


def event_id(title: str, day: object) -> str:
    """The same item loaded from two files or twice gets the same id."""
    when = day.isoformat() if hasattr(day, "isoformat") else ""
    key = f"{when}|{_NON_WORD.sub(' ', title.casefold()).strip()}"
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def events_frame(records: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """Events with the schema's dtypes, each item once (the first file that had it wins)."""
    if not records:
        return schema.empty(schema.EVENTS)
    frame = pd.DataFrame.from_records(list(records))
    frame["event_id"] = [event_id(t, d) for t, d in zip(frame["title"], frame["date"], strict=True)]
    frame["date"] = pd.to_datetime(frame["date"])
    frame = frame.drop_duplicates("event_id", keep="first")
    return schema.conform(frame, schema.EVENTS)
