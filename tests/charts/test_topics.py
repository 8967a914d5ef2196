"""The topics page's charts tell topics apart without colour."""

from __future__ import annotations

import pandas as pd

from partnerdash.charts.frames import NO_PLACE, NO_TOPIC
from partnerdash.charts.theme import contrast, sequential
from partnerdash.charts.topics import heatmap_figure, share_figure, share_table, trend_figure

COUNTS = pd.DataFrame(
    {
        "period": pd.to_datetime(["2023-01-01", "2023-04-01", "2023-01-01", "2023-04-01"]),
        "group": ["water", "water", "climate", "climate"],
        "items": [3, 1, 1, 2],
    }
)


def test_each_topics_trend_has_its_own_dash_and_symbol() -> None:
    fig = trend_figure(COUNTS)
    looks = {line.name: (line.line.dash, line.marker.symbol) for line in fig.data}
    assert looks == {"water": ("dash", "square"), "climate": ("solid", "circle")}
    assert all(line.marker.color == line.line.color for line in fig.data)


def test_each_topics_share_has_its_own_pattern_on_its_colour() -> None:
    table = pd.DataFrame({"climate": [1, 0], "water": [1, 2]}, index=["Europe", "Asia"])
    fig = share_figure(table)
    patterns = {bar.name: bar.marker.pattern for bar in fig.data}
    assert patterns["climate"].shape != patterns["water"].shape
    assert {p.fillmode for p in patterns.values()} == {"overlay"}  # drawn over the colour
    assert [list(bar.x) for bar in fig.data] == [[50.0, 0.0], [50.0, 100.0]]


def test_shares_name_an_item_without_a_region_or_topic_as_the_heatmap_does() -> None:
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2023-01-10", "2023-02-03"]),
            "topics": [["water"], []],
            "regions": [[], ["Europe"]],
        }
    )
    table = share_table(events, "region")
    assert list(table.index) == ["Europe", NO_PLACE]  # rows: regions
    assert list(table.columns) == [NO_TOPIC, "water"]  # columns: topics


def test_the_heatmaps_counts_read_on_their_cells() -> None:
    table = pd.DataFrame({"Europe": [0, 1, 2], "Asia": [3, 4, 5]}, index=["climate", "water", "health"])
    cells, counts = heatmap_figure(table).data
    assert list(counts.text) == ["0", "3", "1", "4", "2", "5"]  # row by row, as the cells
    assert list(zip(counts.x, counts.y, strict=True))[:2] == [("Europe", "climate"), ("Asia", "climate")]
    backgrounds = sequential(v / cells.zmax for v in (0, 3, 1, 4, 2, 5))
    for ink, background in zip(counts.textfont.color, backgrounds, strict=True):
        assert contrast(ink, background) >= 4.5
