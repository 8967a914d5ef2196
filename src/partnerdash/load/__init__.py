"""Loading: documents in, raw news items and warnings out."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from partnerdash.load.items import Document, LoadError, LoadResult, LoadWarning, RawItem
from partnerdash.load.registry import LOADERS, load_document
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


def load_documents(docs: Iterable[Document | LoadError]) -> LoadResult:
    """Every item of every readable document; each failure becomes one warning."""
    result = LoadResult()
    for doc in docs:
        try:
            if isinstance(doc, LoadError):
                raise doc
            result.extend(load_document(doc))
        except LoadError as error:
            result.warnings.append(LoadWarning(error.source, error.reason))
    return result


def load_paths(paths: list[str | Path]) -> LoadResult:
    return load_documents(documents(paths))
