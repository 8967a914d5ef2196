"""The registry on the map: the base network aggregated, active partnerships on top."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from partnerdash.charts.network import add_network, base_segments


def links(rows: list[tuple[float, float, float, float, int, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["a_lat", "a_lon", "b_lat", "b_lon", "news_items", "status"])
    frame["last_activity"] = pd.Timestamp("2023-06-01")
    return frame


def test_links_between_the_same_cells_are_one_segment_in_either_direction() -> None:
    table = base_segments(
        links(
            [
                (50.73, 7.10, 50.45, 30.52, 0, "no_news"),  # Bonn – Kyiv
                (50.45, 30.52, 50.74, 7.09, 0, "no_news"),  # Kyiv – a town beside Bonn
                (51.34, 12.37, 50.45, 30.52, 0, "no_news"),  # Leipzig – Kyiv
            ]
        )
    )
    assert sorted(table["links"]) == [1, 2]
    assert len(table) == 2


def test_a_link_inside_one_cell_draws_nothing() -> None:
    assert base_segments(links([(50.73, 7.10, 50.74, 7.09, 0, "no_news")])).empty


def test_the_map_draws_the_base_under_recent_and_older_activity_and_unregistered_pairs() -> None:
    network = links(
        [
            (50.73, 7.10, 50.45, 30.52, 2, "active"),
            (51.34, 12.37, 36.80, 10.18, 1, "quiet for 19 months"),
            (48.14, 11.58, 40.71, -74.0, 0, "no_news"),
        ]
    )
    unregistered = links([(49.6, 11.0, 56.13, 40.4, 1, "new or unregistered")])
    fig = go.Figure()
    add_network(fig, network, unregistered)
    names = [trace.name for trace in fig.data]
    assert names == [
        "Known partnerships (registry)",
        "Partnerships with older news",
        "Partnerships active in the last 12 months",
        "News pairs not in the registry",
    ]
    base = fig.data[0]
    assert len(base.lat) == 3 * 3  # three segments: a, b, gap
    assert len(fig.data[2].lat) == 3  # one active partnership


def test_each_kind_of_line_differs_by_dash_or_width_not_by_colour_alone() -> None:
    network = links(
        [
            (50.73, 7.10, 50.45, 30.52, 2, "active"),
            (51.34, 12.37, 36.80, 10.18, 1, "quiet"),
            (48.14, 11.58, 40.71, -74.0, 0, "no_news"),
        ]
    )
    fig = go.Figure()
    add_network(fig, network, links([(49.6, 11.0, 56.13, 40.4, 1, "unregistered")]))
    looks = [(trace.line.dash, trace.line.width) for trace in fig.data]
    assert looks == [("solid", 0.8), ("dot", 1.5), ("solid", 3.0), ("dash", 2.0)]
