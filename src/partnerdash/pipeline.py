"""From news files to tables, in the order the data flows.

load → extract (dates, language, topics, kind) → model
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from partnerdash import schema
from partnerdash.extract.items import extract_items
from partnerdash.load import Document, LoadError, LoadWarning, load_documents
from partnerdash.load.sources import documents
from partnerdash.model import events_frame


@dataclass
class Dataset:
    events: pd.DataFrame = field(default_factory=lambda: schema.empty(schema.EVENTS))
    warnings: list[LoadWarning] = field(default_factory=list)
    files_read: int = 0
    files_failed: int = 0


def build(docs: Iterable[Document | LoadError]) -> Dataset:
    docs = list(docs)
    loaded = load_documents(docs)
    records, date_warnings = extract_items(loaded.items)
    events = events_frame(records)
    failed = {w.source for w in loaded.warnings if w.item is None and not w.message.startswith("read as")}
    failed -= {item.source for item in loaded.items}
    return Dataset(
        events=events,
        warnings=loaded.warnings + date_warnings,
        files_read=len(docs) - len(failed),
        files_failed=len(failed),
    )


def build_paths(paths: list[str | Path]) -> Dataset:
    return build(documents(paths))
