"""The bench's check that speed work did not buy errors: each F1 that moved, and which way."""

from __future__ import annotations

import json

from bench.userpath import BEFORE, quality_against_before


def recorded() -> dict[str, str]:
    figures: dict[str, str] = json.loads(BEFORE.read_text(encoding="utf-8"))
    figures.pop("_recorded")
    return figures


def test_the_figures_recorded_before_are_the_same() -> None:
    assert quality_against_before(recorded())[1] == "the same as before the speed work"


def test_a_fall_in_any_f1_is_reported_as_worse_with_both_figures() -> None:
    now = recorded()
    now["fixtures"] = "municipalities P/R 0.990/0.970; pairs F1 0.956"
    now["dev all"] = now["dev all"].replace("pairs F1 0.670", "pairs F1 0.700")
    verdict = quality_against_before(now)[1]
    assert "fixtures worse: F1 0.990 → 0.980" in verdict
    assert "dev all better: pairs F1 0.670 → 0.700" in verdict
