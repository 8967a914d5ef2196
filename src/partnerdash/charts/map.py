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
    return map_figure(place_activity(places), partnerships, label, network)


def map_figure(
    activity: pd.DataFrame,
    partnerships: pd.DataFrame,
    label: Label = str,
    network: tuple[pd.DataFrame, pd.DataFrame] | None = None,
) -> go.Figure:
    """:func:`partnership_map` from the places already counted (:func:`place_activity`)."""
    activity = activity.head(MAX_BUBBLES)
    geo = {
        "projection": {"type": "natural earth"},
        "showland": True,
        "landcolor": "#EEF0F2",
        "showcountries": True,
        "countrycolor": "#C5CBD3",
        "showocean": True,
        "oceancolor": "#F7FAFC",
        "showcoastlines": False,
        "showframe": False,
        "resolution": 110,
        "fitbounds": "locations" if len(activity) else False,
    }
    layout = {
        "geo": geo,
        "legend": {"orientation": "v", "x": 1.0, "y": 0.5},
        "margin": {"l": 0, "r": 0, "b": 0},
    }
    fig = go.Figure(layout=layout)
    if network is not None:
        add_network(fig, *network, label=label)
    else:
        links = partnership_links(partnerships).head(MAX_LINES)
        add_lines(fig, links, label("Partnerships"), "rgba(0, 114, 178, 0.45)", 1.5)
    home = (activity["country"] == HOME).to_numpy(bool)
    bubbles = _bubbles(activity[~home], "region", REGION_COLOURS, label, symbol="circle")
    states = sorted(activity.loc[home, "federal_state"].dropna().unique())
    state_colours = dict(zip(states, (list(OKABE_ITO) * 3)[: len(states)], strict=True))
    bubbles += _bubbles(activity[home], "federal_state", state_colours, label, symbol="diamond")
    fig.add_traces(bubbles)
    return fig


def _bubbles(
    rows: pd.DataFrame,
    colour_by: str,
    fixed: dict[str, str],
    label: Label,
    symbol: str,
) -> list[go.Scattergeo]:
    """One trace of bubbles per group, from numpy arrays: plotly validates pandas columns
    one by one, at a cost per trace."""
    groups = rows[colour_by].fillna("").to_numpy(object)
    colours = colours_for(sorted(set(groups)), fixed)
    lat, lon = rows["lat"].to_numpy(float), rows["lon"].to_numpy(float)
    sizes = _sizes(rows["items"])
    custom = rows[["canonical", "country", "items"]].to_numpy(object)
    text = (rows["canonical"] + " (" + rows["country"] + ")").to_numpy(object)
    traces = []
    for group in sorted(set(groups), key=str):
        part = groups == group
        traces.append(
            go.Scattergeo(
                lat=lat[part],
                lon=lon[part],
                mode="markers",
                name=label(str(group) or "Unknown"),
                marker={
                    "size": sizes[part],
                    "color": colours.get(group, GREY),
                    "symbol": symbol,
                    "line": {"width": 1, "color": "#FFFFFF"},
                    "opacity": 0.85,
                },
                customdata=custom[part],
                text=text[part],
                hovertemplate="%{text}: %{customdata[2]}<extra>%{fullData.name}</extra>",
            )
        )
    return traces
