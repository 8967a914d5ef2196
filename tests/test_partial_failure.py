"""Ten files, one broken: the nine are read, and the one is named with its reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from partnerdash.pipeline import build_paths

NEWS = Path(__file__).resolve().parent / "fixtures" / "news"
GOOD = (
    "feed-atom.xml",
    "feed-rss.xml",
    "items-de.csv",
    "items.csv",
    "items.json",
    "items.jsonl",
    "items.xlsx",
    "skew-archive-2019-de.txt",
    "skew-archive-2022-en.html",
)
GOOD_ITEMS = 35  # 3 + 4 + 3 + 4 + 3 + 3 + 3 + 7 + 5, in the order above


def truncated_workbook() -> bytes:
    workbook = (NEWS / "items.xlsx").read_bytes()
    return workbook[: len(workbook) // 2]  # a download cut off halfway


# A UTF-16 byte-order mark, then lone surrogates: no text in any encoding.
BROKEN_UTF16 = b"\xff\xfe" + b"\x3d\xd8" * 50 + b"\x00\xdc" * 20

BROKEN = {
    "broken.xlsx": (truncated_workbook(), "not a readable Excel workbook"),
    "broken-utf16.txt": (BROKEN_UTF16, "binary data, not news text"),
}


def ten_files(folder: Path, broken: str) -> Path:
    """Nine good news files in ``folder`` and one broken one called ``broken``."""
    folder.mkdir(exist_ok=True)
    for name in GOOD:
        shutil.copy(NEWS / name, folder)
    (folder / broken).write_bytes(BROKEN[broken][0])
    return folder


@pytest.mark.parametrize("broken", sorted(BROKEN))
def test_nine_of_ten_files_load_and_the_broken_one_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    monkeypatch.delenv("PARTNERDASH_GEOCODER", raising=False)  # offline: no network
    dataset = build_paths([ten_files(tmp_path / "news", broken)])
    assert (dataset.files_read, dataset.files_failed) == (9, 1)
    assert len(dataset.events) == GOOD_ITEMS
    # A workbook's items name their sheet too: "items.xlsx [News]".
    assert {Path(source).name.split(" [")[0] for source in dataset.events["source"]} == set(GOOD)
    (failure,) = dataset.failures
    assert Path(failure.source).name == broken
    assert BROKEN[broken][1] in failure.message
    assert broken in str(failure)  # as the app shows it: file, then reason


def test_a_file_read_in_another_encoding_is_not_counted_as_failed(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    text = (NEWS / "skew-archive-2019-en.txt").read_text(encoding="utf-8")
    (folder / "utf16.txt").write_bytes(text.encode("utf-16"))
    dataset = build_paths([folder])
    assert (dataset.files_read, dataset.files_failed, dataset.failures) == (1, 0, [])
    assert any("read as" in w.message for w in dataset.warnings)


def test_a_failed_file_in_another_encoding_is_counted_as_failed(tmp_path: Path) -> None:
    """Its reason begins "read as cp1252 text", which the old string check took for a note."""
    feed = (
        '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel>'
        "<title>Städte</title><item><description>Über Köln</description></item></channel></rss>"
    )
    path = tmp_path / "feed.xml"
    path.write_bytes(feed.encode("cp1252"))
    dataset = build_paths([path])
    assert (dataset.files_read, dataset.files_failed) == (0, 1)
    (failure,) = dataset.failures
    assert failure.message.startswith("read as cp1252 text; an entry without a title")


def test_rows_the_overrides_file_skips_are_warnings_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARTNERDASH_USER_DATA_DIR", str(tmp_path))
    bundled = (Path(__file__).resolve().parents[1] / "data" / "places_overrides.csv").read_text(
        encoding="utf-8"
    )
    (tmp_path / "places_overrides.csv").write_text(bundled + "Nowhere,XX,not a latitude,7.0,municipality,\n")
    dataset = build_paths([NEWS / "items.csv"])
    skipped = [w for w in dataset.warnings if w.source == "places_overrides.csv"]
    assert len(skipped) == 1
    assert "not a latitude" in skipped[0].message
