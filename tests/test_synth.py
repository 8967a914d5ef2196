"""The synthetic news generator: deterministic, loadable, and rich in places and pairs."""

from __future__ import annotations

import io
from pathlib import Path

from partnerdash.pipeline import build_paths
from partnerdash.synth import generate, write_jsonl, write_listing


def listing(items: int, seed: int) -> str:
    out = io.StringIO()
    write_listing(generate(items, seed), out, seed)
    return out.getvalue()


def test_the_same_seed_gives_the_same_items_and_another_seed_others() -> None:
    assert listing(50, 1) == listing(50, 1)
    assert listing(50, 1) != listing(50, 2)


def test_the_listing_loads_every_item_with_places_and_pairs(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.txt"
    path.write_text(listing(300, 4), encoding="utf-8")
    assert path.read_text(encoding="utf-8").startswith("Synthetic news listing")
    dataset = build_paths([path])
    assert len(dataset.events) == 300
    assert dataset.warnings == []
    assert (dataset.events["n_municipalities"] > 0).mean() >= 0.9
    assert (dataset.events["n_pairs"] > 0).mean() >= 0.5
    assert dataset.events["date_inferred"].any()  # "2nd April" forms, completed from the page
    assert set(dataset.events["lang"]) == {"en", "de"}


def test_json_lines_say_they_are_synthetic(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.jsonl"
    with path.open("w", encoding="utf-8") as out:
        write_jsonl(generate(40, 5), out, 5)
    events = build_paths([path]).events
    assert len(events) == 40
    assert events["source"].str.contains("synthetic").all()
