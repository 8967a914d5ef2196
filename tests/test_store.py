"""The store: a second build over unchanged files reads their tables instead of extracting.

Each test has a store of its own in a temporary folder; the news are copies of the
fixtures, so a test can change one file and watch only that one be extracted again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from partnerdash import pipeline
from partnerdash.load.sources import documents
from partnerdash.model import Dataset
from partnerdash.pipeline import build
from partnerdash.store import Store, resolution_version

NEWS = Path(__file__).resolve().parent / "fixtures" / "news"


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    shutil.copytree(NEWS, folder)
    return folder


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "store", resolution_version("gazetteer-1"))


def assert_same_tables(first: Dataset, second: Dataset) -> None:
    for name in ("events", "places", "partnerships"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name))
    assert [str(w) for w in first.warnings] == [str(w) for w in second.warnings]


def test_a_second_build_reads_every_file_from_the_store_and_gives_the_same_tables(
    news: Path, store: Store
) -> None:
    fresh = build(documents([news]), store=store)
    again = build(documents([news]), store=store)
    assert fresh.files_stored == 0
    assert again.files_stored == again.files_read == fresh.files_read
    assert_same_tables(build(documents([news])), fresh)
    assert_same_tables(fresh, again)


def test_a_build_that_reads_every_file_from_the_store_builds_no_place_finder(
    news: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(documents([news]), store=store)

    def no_finder() -> None:
        raise AssertionError("the place finder was built with nothing to extract")

    monkeypatch.setattr(pipeline, "default_finder", no_finder)
    assert build(documents([news]), store=store).files_stored > 0


def test_only_a_changed_file_is_extracted_again(news: Path, store: Store) -> None:
    build(documents([news]), store=store)
    changed = news / "skew-archive-2019-en.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Bonn", "Bonn ", 1), encoding="utf-8")
    again = build(documents([news]), store=store)
    assert again.files_stored == again.files_read - 1


def test_new_overrides_resolve_the_stored_items_without_reading_the_file_again(
    news: Path, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(documents([news]), store=store)
    resolved_again = Store(store.folder, resolution_version("gazetteer-2"))

    def no_reading(*_: object) -> None:
        raise AssertionError("a stored file was loaded again")

    monkeypatch.setattr(pipeline, "load_documents", no_reading)
    again = build(documents([news]), store=resolved_again)
    assert again.files_stored == 0
    assert_same_tables(build(documents([news]), store=store), again)


def test_a_damaged_entry_is_extracted_again(news: Path, store: Store) -> None:
    fresh = build(documents([news]), store=store)
    for part in store.folder.glob("*.tables/events.parquet"):
        part.write_bytes(b"not parquet")
    again = build(documents([news]), store=store)
    assert again.files_stored == 0
    assert_same_tables(fresh, again)


def test_files_that_cannot_be_read_are_never_stored(tmp_path: Path, store: Store) -> None:
    bad = Path(__file__).resolve().parent / "fixtures" / "bad"
    first = build(documents([bad]), store=store)
    again = build(documents([bad]), store=store)
    assert again.files_failed == first.files_failed > 0
    assert len(list(store.folder.glob("*.tables"))) == first.files_read  # the readable ones only
    assert [str(w) for w in again.failures] == [str(w) for w in first.failures]


def test_an_entry_without_a_table_column_is_extracted_again(news: Path, store: Store) -> None:
    fresh = build(documents([news]), store=store)
    for events in store.folder.glob("*.tables/events.parquet"):
        pd.read_parquet(events).drop(columns=["topics"]).to_parquet(events, index=False)
    again = build(documents([news]), store=store)
    assert again.files_stored == 0
    assert_same_tables(fresh, again)
