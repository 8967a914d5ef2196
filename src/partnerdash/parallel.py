"""Extraction on all local cores, or on a Dask cluster: it is a pure function of a chunk.

The pipeline cuts the items into chunks; a runner maps ``extract_chunk`` over them and
yields the results in the chunks' order, so every runner gives the tables a serial run
gives. Each worker builds its place finder once: local worker processes are forked from
a parent that has built it already, so they share its memory; Dask workers build their
own on first use (from their own gazetteer cache, a fraction of a second when warm).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from partnerdash.geocode.resolve import PlaceFinder
from partnerdash.load import RawItem
from partnerdash.pipeline import Extracted, default_finder, extract_chunk

_FINDER: PlaceFinder | None = None


def _finder() -> PlaceFinder:
    """This process's place finder, built on first use (once per worker)."""
    global _FINDER
    if _FINDER is None:
        _FINDER = default_finder()
    return _FINDER


def extract_with_default_finder(items: Sequence[RawItem]) -> Extracted:
    """One chunk, extracted in a worker with the default place finder."""
    return extract_chunk(items, _finder())


def cores() -> int:
    """The cores this process may use (a container's CPU set, not the host's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class LocalRunner:
    """Chunks over ``jobs`` worker processes on this machine.

    ``fork`` (where the OS has it): workers start as copies of this process, finder
    included. A process with threads of its own (the dashboard's server) must not fork;
    its workers start fresh from a fork server and build their finder once each.
    """

    def __init__(self, jobs: int, fork: bool = True) -> None:
        self.jobs = jobs
        methods = multiprocessing.get_all_start_methods()
        fresh = "forkserver" if "forkserver" in methods else "spawn"
        self.start_method = "fork" if fork and "fork" in methods else fresh

    def __call__(self, chunks: Sequence[Sequence[RawItem]]) -> Iterator[Extracted]:
        if self.start_method == "fork":
            _finder()  # built before the fork, so the workers inherit it
        context = multiprocessing.get_context(self.start_method)
        pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)
        try:
            yield from pool.map(extract_with_default_finder, chunks)
        finally:
            # A caller that stops early (an error while it makes the tables, a rerun of the
            # dashboard) does not wait for the chunks still queued.
            pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner:
    """Chunks on a ``dask.distributed`` cluster: the scheduler's address, or a Client."""

    def __init__(self, scheduler: Any) -> None:
        from distributed import Client  # optional: pip install 'partnerdash[dask]'

        # distributed does not annotate Client.__init__.
        self.client = scheduler if isinstance(scheduler, Client) else Client(scheduler)  # type: ignore[no-untyped-call]

    def __call__(self, chunks: Sequence[Sequence[RawItem]]) -> Iterator[Extracted]:
        futures = self.client.map(extract_with_default_finder, list(chunks), pure=False)
        futures.reverse()
        while futures:  # each result is let go on the cluster once it is read
            result: Extracted = futures.pop().result()
            yield result
