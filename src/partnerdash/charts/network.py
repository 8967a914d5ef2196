"""The registry on the map: a faint base network, active partnerships drawn over it.

The base network can hold tens of thousands of links. It is one trace, and the ends
of each line are snapped to a grid, as fine as the number of links allows: links
between the same cells are drawn once, so what the browser receives stays bounded
however large the registry (the map is seen zoomed out; narrowing the filters
brings back finer detail). Partnerships with news are drawn at their exact places, by
recency; partnerships the news states but the registry lacks, in their own colour. Each
kind of line has its own width and dash too, so none is told apart by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from partnerdash.charts.theme import GREY, OKABE_ITO, translucent
from partnerdash.registry.join import ACTIVE

Label = Callable[[str], str]
# Grid cells in degrees, finest first: a few links keep their places, a world of them
# is drawn between cells a couple of hundred kilometres wide.
GRIDS = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0)
MAX_BASE_SEGMENTS = 8_000
# Lines drawn per kind of partnership with news, the most recent first: the rest would
# only thicken the same strokes, and the page must stay light at 100,000 items.
MAX_ACTIVE_LINES = 2_000
_ENDS = ["a_lat", "a_lon", "b_lat", "b_lon"]
BLUE, SKY_BLUE, VERMILLION = OKABE_ITO[0], OKABE_ITO[5], OKABE_ITO[3]
# (colour, width, dash) per kind of line: the registry's faint and thin, recent news bold
# and solid, older news dotted, pairs the registry lacks dashed.
BASE_LINE = (translucent(GREY, 0.35), 0.8, "solid")
# (status test, legend label, line): most recent drawn last, on top.
_RECENCY = (
    ("quiet", "Partnerships with older news", (translucent(SKY_BLUE, 0.85), 1.5, "dot")),
    ("active", "Partnerships active in the last 12 months", (translucent(BLUE, 0.95), 3.0, "solid")),
)
UNREGISTERED_LINE = (translucent(VERMILLION, 0.9), 2.0, "dash")


def base_segments(links: pd.DataFrame, max_segments: int = MAX_BASE_SEGMENTS) -> pd.DataFrame:
    """Registry links with their ends snapped to the finest grid that keeps them within
    ``max_segments``, each pair of cells once: a_lat, a_lon, b_lat, b_lon, links (how
    many registry links the segment stands for), most links first."""
    located = links[_ENDS].dropna().to_numpy(float)
    table = pd.DataFrame(columns=[*_ENDS, "links"])
    for grid in GRIDS:
        table = _snapped(located, grid)
        if len(table) <= max_segments:
            break
    return table.head(max_segments)


def _snapped(ends: np.ndarray, grid: float) -> pd.DataFrame:
    """Each pair of grid cells linked, once, with how many links join them."""
    rows, columns = round(180 / grid) + 1, round(360 / grid) + 1
    lat = np.round((ends[:, [0, 2]] + 90) / grid).astype(np.int64)
    lon = np.round((ends[:, [1, 3]] + 180) / grid).astype(np.int64)
    cells = np.sort(lat * columns + lon, axis=1)  # a line from A to B is the line from B to A
    cells = cells[cells[:, 0] != cells[:, 1]]
    pairs, links = np.unique(cells[:, 0] * (rows * columns) + cells[:, 1], return_counts=True)
    first, second = np.divmod(pairs, rows * columns)
    order = np.argsort(-links, kind="stable")
    table = {}
    for side, cell in (("a", first[order]), ("b", second[order])):
        row, column = np.divmod(cell, columns)
        table[f"{side}_lat"] = (row * grid - 90).round(2)
        table[f"{side}_lon"] = (column * grid - 180).round(2)
    return pd.DataFrame({**table, "links": links[order]})


def line_coordinates(ends: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Latitudes and longitudes of many lines as one trace: a, b, gap; a, b, gap; …"""
    lats = np.full(3 * len(ends), np.nan)
    lons = np.full(3 * len(ends), np.nan)
    lats[0::3], lats[1::3] = ends["a_lat"], ends["b_lat"]
    lons[0::3], lons[1::3] = ends["a_lon"], ends["b_lon"]
    return lats, lons


def add_network(fig: go.Figure, links: pd.DataFrame, unregistered: pd.DataFrame, label: Label = str) -> None:
    """The base network under, partnerships with news by recency, unregistered pairs on top."""
    base = base_segments(links).head(MAX_BASE_SEGMENTS)
    add_lines(fig, base, label("Known partnerships (registry)"), *BASE_LINE)
    with_news = links[links["news_items"] > 0].sort_values("last_activity", ascending=False)
    for test, name, line in _RECENCY:
        chosen = with_news[with_news["status"].eq(ACTIVE) == (test == ACTIVE)]
        add_lines(fig, chosen.head(MAX_ACTIVE_LINES), label(name), *line)
    newest = unregistered.sort_values("last_activity", ascending=False).head(MAX_ACTIVE_LINES)
    add_lines(fig, newest, label("News pairs not in the registry"), *UNREGISTERED_LINE)


def add_lines(
    fig: go.Figure, ends: pd.DataFrame, name: str, colour: str, width: float, dash: str = "solid"
) -> None:
    """Many lines as one trace (thousands stay fast that way), not hoverable."""
    located = ends.dropna(subset=_ENDS)
    if located.empty:
        return
    lats, lons = line_coordinates(located)
    fig.add_trace(
        go.Scattergeo(
            lat=lats,
            lon=lons,
            mode="lines",
            line={"width": width, "color": colour, "dash": dash},
            hoverinfo="skip",
            name=name,
            showlegend=True,
        )
    )
