"""Extraction over several processes: it is a pure function of one item.

Each worker process loads the gazetteer once (a fraction of a second from the cache)
and extracts a contiguous chunk of items; the chunks' results are joined in order. The
same per-item function maps onto any engine that runs Python functions over partitions
(e.g. a Spark ``mapPartitions`` or a Dask ``map_partitions``), with one gazetteer per
partition worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from partnerdash.extract.items import extract_items
from partnerdash.geocode.resolve import ItemPlaces, PlaceFinder
from partnerdash.load import RawItem, load_paths
from partnerdash.pipeline import default_finder, find_places

_FINDER: PlaceFinder | None = None


def _finder() -> PlaceFinder:
    """This process's place finder, built on first use (once per worker)."""
    global _FINDER
    if _FINDER is None:
        _FINDER = default_finder()
    return _FINDER


def extract_chunk(items: Sequence[RawItem]) -> list[ItemPlaces]:
    """Dates, topics, kind and places of a chunk of items (in a worker process)."""
    extract_items(items)
    return find_places(items, _finder())


def chunks(items: Sequence[RawItem], count: int) -> list[Sequence[RawItem]]:
    size = max(1, -(-len(items) // count))
    return [items[i : i + size] for i in range(0, len(items), size)]


def extract_parallel(path: Path, processes: int) -> int:
    """Extract every item under ``path`` over ``processes`` processes; returns the item count."""
    items = load_paths([path]).items
    with ProcessPoolExecutor(max_workers=processes, initializer=_finder) as pool:
        done = sum(len(found) for found in pool.map(extract_chunk, chunks(items, processes * 4)))
    return done
