"""Parallel runners give exactly the tables of a serial run, in the same order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from partnerdash.load.sources import documents
from partnerdash.parallel import DaskRunner, LocalRunner
from partnerdash.pipeline import Runner, build

NEWS = Path(__file__).resolve().parent / "fixtures" / "news"


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixtures are a few dozen items: cut them into many chunks and run them in parallel."""
    monkeypatch.setattr("partnerdash.pipeline.CHUNK_ITEMS", 7)
    monkeypatch.setattr("partnerdash.pipeline.PARALLEL_FROM_ITEMS", 1)


def tables(runner: Runner | None) -> list[pd.DataFrame]:
    dataset = build(documents([NEWS]), runner=runner)
    return [dataset.events, dataset.places, dataset.partnerships]


def test_two_local_processes_give_the_serial_tables() -> None:
    for serial, parallel in zip(tables(None), tables(LocalRunner(2)), strict=True):
        pd.testing.assert_frame_equal(serial, parallel)


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    distributed = pytest.importorskip("distributed", reason="needs partnerdash[dask]")
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as local,
        distributed.Client(local) as client,
    ):
        yield client


def test_a_dask_cluster_gives_the_serial_tables(cluster: object) -> None:
    for serial, on_dask in zip(tables(None), tables(DaskRunner(cluster)), strict=True):
        pd.testing.assert_frame_equal(serial, on_dask)


def test_progress_counts_items_as_chunks_finish() -> None:
    seen: list[tuple[int, int]] = []
    build(documents([NEWS]), progress=lambda done, total: seen.append((done, total)), runner=LocalRunner(2))
    totals = {total for _, total in seen}
    assert len(totals) == 1
    assert seen[-1][0] == totals.pop()
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
