"""Numbers, dates and category names in English and German."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from partnerdash.i18n import Labels

EN, DE = Labels("en"), Labels("de")


@pytest.mark.parametrize(
    ("value", "decimals", "english", "german"),
    [
        (4913, 0, "4,913", "4.913"),
        (1234567.891, 2, "1,234,567.89", "1.234.567,89"),
        (0.25, 1, "0.2", "0,2"),  # half to even, as Python's own formatting rounds
        (-12000, 0, "-12,000", "-12.000"),
        (7, 0, "7", "7"),
    ],
)
def test_numbers(value: float, decimals: int, english: str, german: str) -> None:
    assert EN.number(value, decimals) == english
    assert DE.number(value, decimals) == german


def test_dates_put_the_day_first_with_the_short_month() -> None:
    assert EN.date(date(2023, 5, 3)) == "3 May 2023"
    assert DE.date(date(2023, 5, 3)) == "3. Mai 2023"
    assert DE.date(date(2024, 3, 7)) == "7. März 2024"
    assert EN.date(None) == DE.date(None) == "—"


def test_an_unknown_language_is_english() -> None:
    assert Labels("fr").number(4913) == "4,913"
    assert Labels("fr").date(date(2023, 12, 1)) == "1 Dec 2023"


def test_categories_are_named_from_the_taxonomy() -> None:
    assert EN.category("climate") == "Climate"
    assert DE.category("climate") == "Klima"
    assert DE.category("funding_call") == "Förderaufruf"  # a kind
    assert DE.category("no such category") == "no such category"


def test_i18n_does_not_depend_on_the_extraction_stage() -> None:
    source = Path(__file__).resolve().parents[1] / "src" / "partnerdash" / "i18n.py"
    modules = {
        node.module or ""
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
    }
    assert not {m for m in modules if m.startswith("partnerdash.extract")}
