"""The aggregations behind the charts, on a handful of events."""

from __future__ import annotations

import pandas as pd
import pytest

from partnerdash.charts.frames import (
    NO_PLACE,
    NO_TOPIC,
    counts_over_time,
    crosstab,
    exploded,
    period_start,
    place_activity,
)
from partnerdash.charts.timeline import items_on_axis

EVENTS = pd.DataFrame(
    {
        "event_id": ["a", "b", "c"],
        "date": pd.to_datetime(["2023-11-11", "2023-02-28", "1969-05-02"]),
        "topics": [["climate", "water"], [], ["climate"]],
        "regions": [["Europe"], ["Africa", "Europe"], []],
    }
)


@pytest.mark.parametrize("period", ["M", "Q", "Y"])
def test_period_start_agrees_with_pandas_periods(period: str) -> None:
    dates = EVENTS["date"]
    expected = dates.dt.to_period(period).dt.start_time
    assert list(period_start(dates, period)) == list(expected)  # type: ignore[arg-type]


def test_exploded_gives_a_row_per_value_and_marks_empty_lists() -> None:
    table = exploded(EVENTS, "topics", NO_TOPIC)
    assert list(zip(table["row"], table["topics"], strict=True)) == [
        (0, "climate"),
        (0, "water"),
        (1, NO_TOPIC),
        (2, "climate"),
    ]


def test_crosstab_counts_each_item_once_per_topic_and_region() -> None:
    table = crosstab(EVENTS, "topics", "regions")
    assert table.loc["climate", "Europe"] == 1
    assert table.loc["climate", NO_PLACE] == 1
    assert table.loc[NO_TOPIC, "Africa"] == 1
    assert table.loc["water", "Africa"] == 0


def test_counts_over_time_per_quarter() -> None:
    table = counts_over_time(EVENTS, "regions", NO_PLACE, "Q")
    europe = table[table["group"] == "Europe"]
    assert sorted(europe["period"].dt.strftime("%Y-%m")) == ["2023-01", "2023-10"]


def test_place_activity_counts_items_and_leaves_out_the_dateline() -> None:
    places = pd.DataFrame(
        {
            "event_id": ["a", "b", "b", "c"],
            "canonical": ["Bonn", "Bonn", "Cape Coast", "Bonn"],
            "country": ["DE", "DE", "GH", "DE"],
            "region": ["Europe", "Europe", "Africa", "Europe"],
            "federal_state": [
                "North Rhine-Westphalia",
                "North Rhine-Westphalia",
                None,
                "North Rhine-Westphalia",
            ],
            "lat": [50.7, 50.7, 5.1, 50.7],
            "lon": [7.1, 7.1, -1.2, 7.1],
            "kind": ["municipality"] * 4,
            "dateline": [False, False, False, True],
        }
    )
    table = place_activity(places)
    assert list(zip(table["canonical"], table["items"], strict=True)) == [("Bonn", 2), ("Cape Coast", 1)]


def test_a_single_item_gets_a_readable_time_axis() -> None:
    one = pd.DataFrame(
        {
            "event_id": ["a"],
            "date": pd.to_datetime(["2023-11-11"]),
            "kind": ["news"],
            "title": ["Leipzig-Kyiv"],
        }
    )
    start, end = items_on_axis(one).layout.xaxis.range
    assert pd.Timestamp(end) - pd.Timestamp(start) == pd.Timedelta(days=90)
