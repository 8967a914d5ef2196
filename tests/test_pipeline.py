"""The pipeline's tables do not depend on how the items are cut into chunks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from partnerdash.load.sources import documents
from partnerdash.pipeline import build

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three listings with an empty file between them: chunks cross documents, and one
    document has no items at all."""
    for name in ("skew-archive-2019-de.txt", "skew-archive-2019-en.txt", "skew-archive-2022-en.html"):
        shutil.copy(FIXTURES / "news" / name, tmp_path / name)
    shutil.copy(FIXTURES / "bad" / "empty.txt", tmp_path / "skew-archive-2019-en2.txt")
    return tmp_path


def tables(folder: Path) -> list[pd.DataFrame]:
    dataset = build(documents([folder]))
    return [dataset.events, dataset.places, dataset.partnerships]


def test_small_chunks_cut_at_any_item_give_the_tables_of_one_chunk(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = tables(folder)
    for size in (1, 3, 7):
        monkeypatch.setattr("partnerdash.pipeline.CHUNK_ITEMS", size)
        for one_chunk, cut in zip(whole, tables(folder), strict=True):
            pd.testing.assert_frame_equal(one_chunk, cut)
    assert whole[0]["source"].nunique() == 3
