"""Extraction measured against hand-made answer keys (tests/fixtures/answers/).

The keys were written by reading each fixture carefully: every item's date, caption and
language, every place with its kind and country, every partnership pair. The seed is the
real archive page; the other fixtures are written in the archive's shapes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from bench.answerkey import Scores, answer_keys, evaluate, keyed_source, read_key
from partnerdash.model import Dataset
from partnerdash.pipeline import build_paths

ROOT = Path(__file__).resolve().parents[2]
KEYS = answer_keys(ROOT)


@pytest.fixture(scope="module")
def datasets() -> dict[str, tuple[Dataset, dict[str, Any]]]:
    return {key.name: (build_paths([keyed_source(key, ROOT)]), read_key(key)) for key in KEYS}


def test_there_is_a_key_for_the_seed_and_for_every_format() -> None:
    names = {key.name for key in KEYS}
    assert "skew-news-archive-2023-en.txt.json" in names
    assert len(names) >= 12


@pytest.mark.parametrize("key", KEYS, ids=lambda k: k.name)
def test_items_dates_captions_and_languages_match_the_key(
    key: Path, datasets: dict[str, tuple[Dataset, dict[str, Any]]]
) -> None:
    dataset, answer = datasets[key.name]
    events = dataset.events.set_index("title")
    assert len(dataset.events) == len(answer["items"])
    for item in answer["items"]:
        row = events.loc[item["title"]]
        expected_date = pd.Timestamp(item["date"]) if item["date"] else pd.NaT
        assert (pd.isna(row["date"]) and pd.isna(expected_date)) or row["date"] == expected_date, item[
            "title"
        ]
        assert bool(row["date_inferred"]) == item["date_inferred"], item["title"]
        caption = None if pd.isna(row["caption"]) else row["caption"]
        assert caption == item["caption"], item["title"]
        assert row["lang"] == item["lang"], item["title"]


def test_place_extraction_meets_its_quality_targets(
    datasets: dict[str, tuple[Dataset, dict[str, Any]]],
) -> None:
    total = Scores()
    for dataset, answer in datasets.values():
        total.add(evaluate(dataset, answer))
    municipalities = total.municipalities
    report = total.summary() + "\n" + "\n".join(total.misses)
    assert municipalities.precision >= 0.9, report
    assert municipalities.recall >= 0.9, report
    assert total.country_accuracy >= 0.97, report
    assert total.pairs.f1 >= 0.85, report
    assert municipalities.true_positive >= 100  # the keys are big enough to mean something
