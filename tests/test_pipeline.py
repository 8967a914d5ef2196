"""The pipeline's tables do not depend on how the items are cut into chunks."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd
import pytest
from geopy.location import Location

from partnerdash.load import RawItem
from partnerdash.load.sources import documents
from partnerdash.model import Dataset
from partnerdash.pipeline import Extracted, build, extract_chunk

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three listings with an empty file between them: chunks cross documents, and one
    document has no items at all."""
    for name in ("skew-archive-2019-de.txt", "skew-archive-2019-en.txt", "skew-archive-2022-en.html"):
        shutil.copy(FIXTURES / "news" / name, tmp_path / name)
    shutil.copy(FIXTURES / "bad" / "empty.txt", tmp_path / "skew-archive-2019-en2.txt")
    return tmp_path


class Everywhere:
    """An online geocoder that knows every name, in Lebanon."""

    def geocode(
        self, query: str, exactly_one: bool = True, country_codes: Sequence[str] | None = None
    ) -> Location:
        return Location(f"{query}, Lebanon", (34.5, 36.1), {"address": {"country_code": "lb"}})


def built(folder: Path, online: Everywhere | None = None) -> Dataset:
    return build(documents([folder]), online=online)


def assert_same(one: Dataset, other: Dataset) -> None:
    for name in ("events", "places", "partnerships"):
        pd.testing.assert_frame_equal(getattr(one, name), getattr(other, name))
    assert one.warnings == other.warnings
    assert (one.files_read, one.files_failed) == (other.files_read, other.files_failed)


@pytest.mark.parametrize("online", [None, Everywhere()], ids=["offline", "online"])
def test_small_chunks_cut_at_any_item_give_the_tables_of_one_chunk(
    folder: Path, monkeypatch: pytest.MonkeyPatch, online: Everywhere | None
) -> None:
    whole = built(folder, online)
    for size in (1, 3, 7):
        monkeypatch.setattr("partnerdash.pipeline.CHUNK_ITEMS", size)
        assert_same(whole, built(folder, online))
    assert whole.events["source"].nunique() == 3
    assert whole.files_failed == 1
    assert (whole.places["resolved_by"] == "online").any() == (online is not None)


def dropping_the_last_item(chunks: Sequence[Sequence[RawItem]]) -> Iterator[Extracted]:
    from partnerdash.pipeline import default_finder

    finder = default_finder()
    for n, chunk in enumerate(chunks):
        yield extract_chunk(chunk[:-1] if n == len(chunks) - 1 else chunk, finder)


def test_a_runner_that_loses_items_is_an_error_not_shorter_tables(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("partnerdash.pipeline.PARALLEL_FROM_ITEMS", 1)
    with pytest.raises(ValueError, match="fewer items"):
        build(documents([folder]), runner=dropping_the_last_item)


def no_runner_wanted(chunks: Sequence[Sequence[RawItem]]) -> Iterator[Extracted]:
    raise AssertionError("extraction went to the runner")


def test_with_an_online_geocoder_large_inputs_are_extracted_here(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One rate limit and one cache of answers, this process's: workers would each have theirs.
    monkeypatch.setattr("partnerdash.pipeline.PARALLEL_FROM_ITEMS", 1)
    here = build(documents([folder]), online=Everywhere(), runner=no_runner_wanted)
    assert_same(here, built(folder, Everywhere()))
