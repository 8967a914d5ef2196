"""Fuzzing the date and place extractors: any text gives an answer (maybe none), quickly.

Datelines, dates and places are read from text nobody checked: a table cell, a feed's
summary, a page cut off anywhere. No input may raise or take long.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerdash.dates import PartialDate, infer_years, parse_date, parse_dateline
from partnerdash.extract.mentions import Mention
from partnerdash.extract.pairs import find_pairs
from partnerdash.extract.rules import default_rules
from partnerdash.geocode.resolve import PlaceFinder
from partnerdash.load import RawItem, split_dateline
from partnerdash.pipeline import default_finder

# Derandomized and without an example database, so every run tries the same inputs.
FUZZ = settings(max_examples=200, deadline=timedelta(seconds=1), derandomize=True, database=None)
WALL_CLOCK_SECONDS = 10.0

tried: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_tried() -> Iterator[None]:
    yield
    print(f"\nextractor fuzzing, inputs tried: {dict(tried)} = {sum(tried.values())}")


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    return default_finder()


# Pieces of datelines and of the names and phrases the place finder looks for.
PIECES = st.sampled_from(
    [
        "15",
        "31",
        "29",
        "0",
        "39",
        "3.",
        "12.",
        "2nd ",
        "December",
        "Feb.",
        "März",
        "Sept.",
        "2023",
        "1999",
        "2024-02-29",
        "2023-02-29T09:30",
        "31.12.2023",
        ", ",
        ". ",
        " – ",
        "-",
        ":",
        " ",
        "\n",
        "\u00a0",
        "’s",
        "Bonn",
        "Frankfurt am Main",
        "Kyiv",
        "Kiew",
        "Leipzigs",
        "Rhineland-Palatinate",
        "Ruanda",
        "Ukraine",
        "Padang (Indonesia)",
        " and ",
        " und ",
        " and its partner city ",
        " Partnerstadt ",
        " twinned with ",
        " between ",
        "Städtepartnerschaft zwischen ",
        "İ",
        "ß",
        "ﬀ",
    ]
)
NEWS_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)
TEXT = st.one_of(NEWS_TEXT, st.text(max_size=300))


@FUZZ
@given(TEXT)
def test_dates_and_datelines_of_any_text(text: str) -> None:
    tried["dates"] += 1
    date = parse_date(text)
    if date is not None:
        assert 1 <= date.month <= 12
        assert date.with_year(2024) is not None  # 29 February is a date in a leap year
    dateline = parse_dateline(text)
    if dateline is not None:
        assert dateline.place
        assert text.rstrip().endswith(dateline.rest)
    item = split_dateline(RawItem("fuzz", 1, "Title", summary=text))
    assert item.summary == (dateline.rest if dateline else text)


PARTIAL_DATES = st.builds(
    PartialDate,
    day=st.integers(1, 31),
    month=st.integers(1, 12),
    year=st.none() | st.integers(1900, 2099),
).filter(lambda d: d.with_year(2000) is not None)
YEARS = st.none() | st.integers(1900, 2099)


@FUZZ
@given(st.lists(st.tuples(st.none() | PARTIAL_DATES, YEARS), max_size=30))
def test_inferred_years_of_any_listing(items: list[tuple[PartialDate | None, int | None]]) -> None:
    tried["years"] += 1
    dates = [d for d, _ in items]
    completed = infer_years(dates, [hint for _, hint in items])
    assert len(completed) == len(items)
    for partial, (date, inferred) in zip(dates, completed, strict=True):
        if partial is None or date is None:
            continue
        assert (date.month, date.day) == (partial.month, partial.day)
        assert inferred == (partial.year is None)


@settings(FUZZ, max_examples=150)
@given(TEXT, TEXT, st.none() | TEXT)
def test_places_of_any_text(finder: PlaceFinder, title: str, summary: str, dateline: str | None) -> None:
    tried["places"] += 1
    found = finder.find({"title": title, "summary": summary}, dateline)
    for pair in found.pairs:
        assert pair.a is not pair.b


def test_dates_and_places_of_a_huge_line(finder: PlaceFinder) -> None:
    prose = "the municipal partnership keeps growing every year " * 20 + "Leipzig Kyiv "
    text = "Bonn, 15 December 2023. " + prose * 2000  # 2 MB
    tried["pathological"] += 3
    started = time.perf_counter()
    assert parse_dateline(text) is not None
    assert parse_date("x " * 2_500_000) is None  # 5 MB
    assert finder.find({"summary": text}).places
    assert time.perf_counter() - started < WALL_CLOCK_SECONDS


# Generous: a shared CI machine; quadratic took minutes.
NAMES_SECONDS = 90


def test_places_of_two_megabytes_of_names() -> None:
    """240,000 names in one text: it took minutes while each capitalised word copied the
    text before it (places._sentence_start); linear now: 1.2 s for 40,000 names on a 2-core machine."""
    tried["pathological"] += 1
    # In a child process, so that a finder gone quadratic again is stopped at the bound.
    finder_code = (
        "from partnerdash.pipeline import default_finder\n"
        "default_finder().find({'summary': 'Kyiv and Leipzig ' * 120_000})\n"
    )
    subprocess.run([sys.executable, "-c", finder_code], check=True, timeout=NAMES_SECONDS)


@pytest.mark.parametrize("gap", [" " * 8000, " ," * 4000, " in" * 3000, " (" * 4000, "\n" * 8000])
@pytest.mark.parametrize("kinds", [("municipality", "municipality"), ("municipality", "region")])
def test_a_long_gap_between_two_names_is_no_pair_and_quick(gap: str, kinds: tuple[str, str]) -> None:
    """These gaps took 17 s each for the patterns of pairs.py, which backtracked on them."""
    tried["pathological"] += 1
    text = f"Bonn{gap}Kyiv"
    bonn = Mention("summary", "Bonn", "bonn", 0, 4, 0, 1)
    kyiv = Mention("summary", "Kyiv", "kyiv", len(text) - 4, len(text), 1, 2)
    kind = dict(zip(("bonn", "kyiv"), kinds, strict=True))
    started = time.perf_counter()
    assert find_pairs(text, [bonn, kyiv], default_rules(), lambda m: kind[m.key]) == []
    assert time.perf_counter() - started < 1.0
