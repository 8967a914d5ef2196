"""The timeline's charts: partnerships with news so far, and groups told apart without colour."""

from __future__ import annotations

import pandas as pd

from partnerdash import schema
from partnerdash.charts.frames import NO_PLACE, counts_over_time
from partnerdash.charts.timeline import activity_figure, items_on_axis, pairs_so_far, pairs_so_far_figure
from partnerdash.filters import Filters, apply
from partnerdash.model import Dataset

EVENTS = schema.conform(
    pd.DataFrame(
        {
            "event_id": ["jan", "feb", "mar", "may", "undated"],
            "date": pd.to_datetime(["2023-01-10", "2023-02-03", "2023-03-21", "2023-05-30", None]),
            "title": ["Bonn and Cape Coast", "Cape Coast and Bonn", "Leipzig and Kyiv", "Bonn again", "?"],
            "kind": ["project", "project", "statement", "project", "project"],
            "regions": [["Sub-Saharan Africa"], ["Sub-Saharan Africa"], ["Eastern Europe"], [], []],
        }
    ),
    schema.EVENTS,
)


def pair(event: str, a: tuple[str, str], b: tuple[str, str]) -> dict[str, str]:
    return {"event_id": event, "a_name": a[0], "a_country": a[1], "b_name": b[0], "b_country": b[1]}


BONN, CAPE_COAST, LEIPZIG, KYIV = ("Bonn", "DE"), ("Cape Coast", "GH"), ("Leipzig", "DE"), ("Kyiv", "UA")
PAIRS = schema.conform(
    pd.DataFrame(
        [
            pair("jan", BONN, CAPE_COAST),
            pair("feb", CAPE_COAST, BONN),  # the same partnership, the other way round
            pair("mar", LEIPZIG, KYIV),
            pair("may", BONN, CAPE_COAST),  # named again later
            pair("undated", BONN, KYIV),  # no date: in no period
        ]
    ),
    schema.PARTNERSHIPS,
)


def so_far(table: pd.DataFrame) -> list[tuple[str, int, int]]:
    return list(zip(table["period"].dt.strftime("%Y-%m"), table["new"], table["pairs"], strict=True))


def test_each_partnership_counts_once_from_its_first_item_in_either_direction() -> None:
    assert so_far(pairs_so_far(EVENTS, PAIRS, "M")) == [
        ("2023-01", 1, 1),  # Bonn – Cape Coast
        ("2023-02", 0, 1),  # Cape Coast – Bonn is the same partnership
        ("2023-03", 1, 2),  # Leipzig – Kyiv
        ("2023-04", 0, 2),  # no item: the count stays
        ("2023-05", 0, 2),  # Bonn – Cape Coast named again
    ]


def test_quarters_and_years_count_the_same_partnerships() -> None:
    assert so_far(pairs_so_far(EVENTS, PAIRS, "Q")) == [("2023-01", 2, 2), ("2023-04", 0, 2)]
    assert so_far(pairs_so_far(EVENTS, PAIRS, "Y")) == [("2023-01", 2, 2)]


def test_the_filters_apply_and_the_dataset_index_counts_as_the_view_does() -> None:
    from partnerdash.charts.timeline import Pairs, pairs_so_far_in

    data = Dataset(events=EVENTS, partnerships=PAIRS)
    view = apply(data, Filters(kinds=("statement",)))
    indexed = pairs_so_far_in(Pairs.of(data.partnerships, data.event_rows[1]), view.mask, EVENTS["date"], "M")
    assert so_far(indexed) == [("2023-03", 1, 1)]  # only Leipzig – Kyiv's statement
    pd.testing.assert_frame_equal(indexed, pairs_so_far(view.events, view.partnerships, "M"))


def test_without_partnerships_the_count_stays_at_zero_over_the_items_period() -> None:
    table = pairs_so_far(EVENTS, PAIRS.iloc[:0], "Q")
    assert so_far(table) == [("2023-01", 0, 0), ("2023-04", 0, 0)]


def test_without_dated_items_there_is_nothing_to_count() -> None:
    assert pairs_so_far(EVENTS.iloc[4:], PAIRS, "M").empty


def test_the_running_count_is_an_area_with_the_new_ones_on_hover() -> None:
    fig = pairs_so_far_figure(pairs_so_far(EVENTS, PAIRS, "M"), "Partnerships with news so far", "new")
    (area,) = fig.data
    assert list(area.y) == [1, 1, 2, 2, 2]
    assert area.fill == "tozeroy"
    assert "+%{customdata} new" in area.hovertemplate


def test_stacked_regions_differ_by_pattern_as_well_as_colour() -> None:
    fig = activity_figure(counts_over_time(EVENTS, "regions", NO_PLACE, "M"), "region")
    looks = {(bar.marker.color, bar.marker.pattern.shape) for bar in fig.data}
    patterns = {bar.marker.pattern.shape for bar in fig.data}
    assert len(looks) == len(patterns) == len(fig.data) == 3


def test_each_kind_of_item_has_its_own_symbol() -> None:
    fig = items_on_axis(EVENTS)
    assert {trace.name: trace.marker.symbol for trace in fig.data} == {
        "project": "circle",
        "statement": "square",
    }
