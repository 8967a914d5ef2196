"""The world map of partnerships: places as bubbles, partnerships as lines.

Partner municipalities are sized by how many items name them and coloured by world
region; German municipalities are coloured by federal state. All partnership lines
are one trace, segments separated by None: thousands of lines stay fast that way.
The map aggregates to one point per place and one line per partnership, so what
the browser receives grows with the number of places, not of items.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from partnerdash.charts.frames import partnership_links, place_activity
from partnerdash.charts.network import add_lines, add_network
from partnerdash.charts.theme import GREY, OKABE_ITO, REGION_COLOURS, colours_for

Label = Callable[[str], str]
HOME = "DE"
# Lines beyond this many are the least active partnerships; the map says how many it leaves out.
MAX_LINES = 5000
MAX_BUBBLES = 5000
TOPOJSON_URL = "app/static/topojson/"


def _sizes(items: pd.Series) -> np.ndarray[Any, Any]:
    return np.asarray(8 + 6 * np.sqrt(items.astype(float)), dtype=float)


def partnership_map(
    places: pd.DataFrame,
    partnerships: pd.DataFrame,
    label: Label = str,
    network: tuple[pd.DataFrame, pd.DataFrame] | None = None,
) -> go.Figure:
    """Places as bubbles; lines: the registry's network (links, unregistered pairs) when
    given, else the partnerships the news states."""
    fig = go.Figure()
    if network is not None:
        add_network(fig, *network, label=label)
    else:
        links = partnership_links(partnerships).head(MAX_LINES)
        add_lines(fig, links, label("Partnerships"), "rgba(0, 114, 178, 0.45)", 1.5)
    activity = place_activity(places).head(MAX_BUBBLES)
    home = activity[activity["country"] == HOME]
    abroad = activity[activity["country"] != HOME]
    _add_bubbles(fig, abroad, "region", REGION_COLOURS, label, symbol="circle")
    states = sorted(home["federal_state"].dropna().unique())
    state_colours = dict(zip(states, (list(OKABE_ITO) * 3)[: len(states)], strict=True))
    _add_bubbles(fig, home, "federal_state", state_colours, label, symbol="diamond")
    fig.update_geos(
        projection_type="natural earth",
        showland=True,
        landcolor="#EEF0F2",
        showcountries=True,
        countrycolor="#C5CBD3",
        showocean=True,
        oceancolor="#F7FAFC",
        showcoastlines=False,
        showframe=False,
        resolution=110,
        fitbounds="locations" if len(activity) else False,
    )
    fig.update_layout(legend={"orientation": "v", "x": 1.0, "y": 0.5}, margin={"l": 0, "r": 0, "b": 0})
    return fig


def _add_bubbles(
    fig: go.Figure,
    rows: pd.DataFrame,
    colour_by: str,
    fixed: dict[str, str],
    label: Label,
    symbol: str,
) -> None:
    groups = rows[colour_by].fillna("")
    colours = colours_for(sorted(groups.unique()), fixed)
    # numpy arrays, not pandas columns: plotly converts columns one by one, at a cost per trace.
    for value, part in sorted(rows.groupby(groups.to_numpy(object), sort=False), key=lambda g: str(g[0])):
        group = str(value)
        fig.add_trace(
            go.Scattergeo(
                lat=part["lat"].to_numpy(float),
                lon=part["lon"].to_numpy(float),
                mode="markers",
                name=label(group or "Unknown"),
                marker={
                    "size": _sizes(part["items"]),
                    "color": colours.get(group, GREY),
                    "symbol": symbol,
                    "line": {"width": 1, "color": "#FFFFFF"},
                    "opacity": 0.85,
                },
                customdata=part[["canonical", "country", "items"]].to_numpy(object),
                text=(part["canonical"] + " (" + part["country"] + ")").to_numpy(object),
                hovertemplate="%{text}: %{customdata[2]}<extra>%{fullData.name}</extra>",
            )
        )
