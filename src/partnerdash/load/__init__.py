"""Loading: documents in, raw news items and warnings out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from partnerdash.dates import parse_dateline
from partnerdash.load.formats import LOADERS, load_document
from partnerdash.load.items import Document, LoadError, LoadResult, LoadWarning, RawItem
from partnerdash.load.sources import documents

__all__ = [
    "LOADERS",
    "Document",
    "LoadError",
    "LoadResult",
    "LoadWarning",
    "RawItem",
    "load_document",
    "load_documents",
    "load_paths",
]


def split_dateline(item: RawItem) -> RawItem:
    """A feed's or table's text may open with a dateline too: keep its place apart."""
    if item.from_listing or item.dateline_place:
        return item
    dateline = parse_dateline(item.summary)
    if dateline is None:
        return item
    return replace(
        item,
        summary=dateline.rest,
        dateline_place=dateline.place,
        dateline_places=dateline.places,
        date_text=item.date_text or dateline.text,
    )


def load_documents(docs: Iterable[Document | LoadError]) -> LoadResult:
    """Every item of every readable document; each failure becomes one warning."""
    result = LoadResult()
    for doc in docs:
        try:
            if isinstance(doc, LoadError):
                raise doc
            loaded = load_document(doc)
            loaded.items = [split_dateline(item) for item in loaded.items]
            result.extend(loaded)
        except LoadError as error:
            result.warnings.append(LoadWarning(error.source, error.reason, failed=True))
    return result


def load_paths(paths: list[str | Path]) -> LoadResult:
    return load_documents(documents(paths))
