"""Each malformed file of tests/fixtures/bad: a clear message naming it, the rest still loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerdash.pipeline import build_paths

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"
SEED = Path(__file__).resolve().parents[2] / "data" / "sample" / "skew-news-archive-2023-en.txt"


@pytest.mark.parametrize(
    ("name", "items", "message"),
    [
        ("empty.txt", 0, "the file is empty"),
        ("garbage.bin", 0, "binary data"),
        ("no-title.csv", 0, "no title or text column"),
        ("broken.html", 2, "seems cut off"),
        ("truncated-rss.xml", 3, "the feed is malformed"),
        ("cp1252-listing.txt", 2, "read as cp1252"),
        ("utf16-listing.txt", 2, "read as utf-16"),
    ],
)
def test_bad_file_is_named_and_the_others_still_load(name: str, items: int, message: str) -> None:
    dataset = build_paths([BAD / name, SEED])
    assert len(dataset.events) == 12 + items
    mine = [w for w in dataset.warnings if w.source == str(BAD / name)]
    assert any(message in w.message for w in mine), [str(w) for w in mine]
    assert not [w for w in dataset.warnings if w.source == str(SEED)]


def test_text_in_other_encodings_reads_right() -> None:
    titles = " ".join(build_paths([BAD / "cp1252-listing.txt"]).events["title"])
    assert "Würzburg" in titles
    assert "„" in titles
