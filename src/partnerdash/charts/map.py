"""The world map of partnerships: places as bubbles, partnerships as lines, over time.

**Places.** Municipalities are sized by how many items name them (by area, up to a
largest bubble, so one busy town cannot cover a country). Each world region has a colour
*and* a marker symbol (:data:`REGION_SYMBOLS`): no group is told apart by colour alone.
German municipalities are diamonds coloured by federal state. All partnership lines of a
kind are one trace, segments separated by None: thousands of lines stay fast that way.
The map aggregates to one point per place and one line per partnership, so what the
browser receives grows with the number of places, not of items.

**The view.** The map shows a box of longitudes and latitudes worked out here, not left
to plotly's ``fitbounds``: that kept the whole world's shape (the map filled half the
chart's width), counted the registry's faint network (so it zoomed out to the world
whatever the filters) and took one place to street level. A view is a preset of
``data/map_presets.toml`` (World, Europe, …) or the extent of the places and news lines
shown, padded and at least a region's size (the "Data" preset). Either is widened to the
shape of the chart (:data:`ASPECT`; wider for a projector), so the map fills the chart's
width, and the chart is sized to it (``layout.meta["aspect"]``). Close views draw the
1:50m world shapes and smaller bubbles with bolder lines.

**Over time.** Given each period's activity (:class:`OverTime`: years, or quarters when
the items span less than three years), the figure carries a frame per period: only the
bubbles change, the lines stay, and frames hold at most :data:`MAX_FRAME_BUBBLES` places
each. A slider and Play/Pause buttons step through them — in the dashboard and in the
offline HTML summary alike — and the period shown is written large on the map.
"""

from __future__ import annotations

import base64
import math
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import cycle
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from partnerdash import settings
from partnerdash.charts.frames import Period, on_the_map, partnership_links, period_start, place_activity
from partnerdash.charts.network import add_lines, add_network
from partnerdash.charts.theme import GREY, OKABE_ITO, REGION_COLOURS, TEXT

Label = Callable[[str], str]
HOME = "DE"
# Lines beyond this many are the least active partnerships; the map says how many it leaves out.
MAX_LINES = 5000
MAX_BUBBLES = 5000
# Frames repeat the bubbles for every period: at most this many places per frame (the
# most active), and in all frames together.
MAX_FRAME_BUBBLES = 800
MAX_FRAMES_BUBBLES = 6_000
TOPOJSON_URL = "app/static/topojson/"
PRESETS_FILE = "map_presets.toml"
# Width : height of the map itself: the main column of a laptop screen with the sidebar,
# and a projector's 16:9 without it, less the title, controls and legend.
ASPECT = 1.6
PRESENTER_ASPECT = 2.3
# Items spanning less than this are stepped through by quarter, else by year.
QUARTERS_BELOW = pd.Timedelta(days=3 * 365)
PROJECTIONS = ("natural earth", "mercator", "equirectangular")
RESOLUTIONS = (50, 110)
# A fitted view at least this small (degrees) around one place: its region, not its streets.
MIN_LON_SPAN, MIN_LAT_SPAN = 12.0, 8.0
# A view no taller than this (degrees of latitude) is close: 1:50m shapes when fitted,
# smaller bubbles and bolder lines.
CLOSE_LAT_SPAN = 45.0
WORLD_BOX = ((-180.0, 180.0), (-55.0, 76.0))
_LAT_LIMIT = {"mercator": 85.0}
# One symbol per world region, besides its colour; German places are diamonds (by state).
HOME_SYMBOL = "diamond"
REGION_SYMBOLS = {
    "Germany": HOME_SYMBOL,
    "Europe": "circle",
    "Eastern Europe": "square",
    "Middle East & North Africa": "triangle-up",
    "Sub-Saharan Africa": "triangle-down",
    "Asia": "star",
    "Latin America & Caribbean": "pentagon",
    "North America": "cross",
    "Oceania": "x",
    "Unknown": "hexagon",
}
LAND, OCEAN, BORDERS = "#ECEEF1", "#E3EEF6", "#AEB7C2"
# Type (px) of the keys, and room above the map for the title, with the period controls
# beside the date range under it.
LEGEND_FONT = {False: 14, True: 16}
TOP_MARGIN = {False: 96, True: 124}
SLIDER = (0.34, 0.44)  # where the period slider starts and how long it is (of the width)
# How crowded the news lines are: 0 for one line, 1 from a thousand (log scale). Crowded
# lines are drawn thinner and fainter, under the places (from FEW_LINES, about 200 lines).
FEW_LINES = np.log10(200) / 3
# Words on the map when no translation is given (label=str): the keys of data/labels.toml.
_TEXTS = {
    "map_all": "All",
    "map_quarter": "Q{quarter} {year}",
    "map_play": "▶ Play",
    "map_pause": "❚❚ Pause",
    "map_home_places": "German municipalities",
    "map_places": "Municipalities",
    "Unknown": "Unknown",
}


def _text(label: Label, key: str, **values: object) -> str:
    text = label(key)
    text = _TEXTS.get(key, key) if text == key else text
    return text.format(**values) if values else text


# ---------------------------------------------------------------- views


class PresetError(ValueError):
    """A view in the presets file is not well-formed; the message names the file and view."""


@dataclass(frozen=True)
class Preset:
    """A view of the presets file: a box to show at least, or None to fit the data."""

    name: str
    box: tuple[tuple[float, float], tuple[float, float]] | None = None  # (west, east), (south, north)
    projection: str = "natural earth"
    resolution: int = 110


def presets() -> dict[str, Preset]:
    """The map's views, in the file's order (the first is the default)."""
    return read_presets(settings.resource(PRESETS_FILE))


@cache
def read_presets(path: Path) -> dict[str, Preset]:
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise PresetError(f"{path.name}: {error}") from error
    found = {name: _preset(path.name, name, entry) for name, entry in table.items()}
    if not found:
        raise PresetError(f"{path.name}: no views")
    return found


def _preset(file: str, name: str, entry: Any) -> Preset:
    def wrong(why: str) -> PresetError:
        return PresetError(f"{file}, view {name!r}: {why}")

    if not isinstance(entry, dict):
        raise wrong("is not a table")
    unknown = set(entry) - {"lon", "lat", "projection", "resolution"}
    if unknown:
        raise wrong(f"unknown keys {', '.join(sorted(unknown))}")
    projection = entry.get("projection", "natural earth")
    if projection not in PROJECTIONS:
        raise wrong(f"projection {projection!r} is not one of {', '.join(PROJECTIONS)}")
    resolution = entry.get("resolution", 110)
    if resolution not in RESOLUTIONS:
        raise wrong(f"resolution {resolution!r} is not 50 or 110")
    if ("lon" in entry) != ("lat" in entry):
        raise wrong("needs both lon and lat, or neither (to fit the data)")
    if "lon" not in entry:
        return Preset(name, None, projection, resolution)
    lon, lat = _pair(entry["lon"], 180, wrong, "lon"), _pair(entry["lat"], 90, wrong, "lat")
    return Preset(name, (lon, lat), projection, resolution)


def _pair(value: Any, limit: float, wrong: Callable[[str], PresetError], key: str) -> tuple[float, float]:
    numbers = isinstance(value, list) and all(isinstance(v, int | float) for v in value)
    if not numbers or len(value) != 2 or not -limit <= value[0] < value[1] <= limit:
        raise wrong(f"{key} must be [low, high] within ±{limit:g} degrees, low first")
    return float(value[0]), float(value[1])


@dataclass(frozen=True)
class GeoView:
    """The box a map shows (east may pass 180 across the antimeridian), and how."""

    lon: tuple[float, float]
    lat: tuple[float, float]
    projection: str = "natural earth"
    resolution: int = 110

    @property
    def centre(self) -> tuple[float, float]:
        lon = (self.lon[0] + self.lon[1]) / 2
        return (lon + 180) % 360 - 180, (self.lat[0] + self.lat[1]) / 2

    @property
    def aspect(self) -> float:
        """Width : height of the box as drawn."""
        return box_aspect(self.projection, self.lon, self.lat)

    @property
    def close(self) -> bool:
        return self.lat[1] - self.lat[0] <= CLOSE_LAT_SPAN

    def geo(self, presenter: bool = False) -> dict[str, Any]:
        """The figure's ``layout.geo``: this box, filling the plot area."""
        lon, lat = self.centre
        return {
            "projection": {"type": self.projection, "rotation": {"lon": lon}, "scale": 1},
            "center": {"lon": lon, "lat": lat},
            "lonaxis": {"range": list(self.lon)},
            "lataxis": {"range": list(self.lat)},
            "domain": {"x": [0, 1], "y": [0, 1]},
            "fitbounds": False,
            "resolution": self.resolution,
            "showland": True,
            "landcolor": LAND,
            "showocean": True,
            "oceancolor": OCEAN,
            "showlakes": True,
            "lakecolor": OCEAN,
            "showcountries": True,
            "countrycolor": BORDERS,
            "countrywidth": 0.9 if presenter else 0.6,
            "showcoastlines": True,
            "coastlinecolor": BORDERS,
            "coastlinewidth": 0.5,
            "showframe": False,
            "bgcolor": "rgba(0,0,0,0)",
        }


def _project(projection: str, lam: np.ndarray, phi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """d3's projections, as plotly draws them (radians; λ from the view's middle)."""
    if projection == "mercator":
        return lam, np.log(np.tan(np.pi / 4 + np.clip(phi, -1.55, 1.55) / 2))
    if projection == "equirectangular":
        return lam, phi
    phi2 = phi * phi  # natural earth (Šavrič et al. 2015), d3.geoNaturalEarth1
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def box_aspect(projection: str, lon: tuple[float, float], lat: tuple[float, float]) -> float:
    """Width : height of a box of longitudes and latitudes in a projection centred on it,
    as plotly draws it: the bounds of its outline, whose edges are great circles (plotly's
    range box has five corners along the top and bottom: they bulge towards the poles)."""
    lam, phi = _outline(lon, lat)
    x, y = _project(projection, lam, phi)
    return float((x.max() - x.min()) / max(y.max() - y.min(), 1e-9))


def _outline(lon: tuple[float, float], lat: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    """Points along plotly's range box (geo's makeRangeBox), longitudes from its middle,
    radians; each edge sampled along its great circle."""
    pad = 1e-3  # plotly's clipPad
    half = (lon[1] - lon[0]) / 2 - pad
    south, north = lat[0] + pad, lat[1] - pad
    steps = [-half + k * half / 2 for k in range(5)]
    corners = [(-half, south), *((x, north) for x in steps), *((x, south) for x in reversed(steps))]
    ends = np.radians(np.array(corners))
    vectors = np.stack(
        [
            np.cos(ends[:, 1]) * np.cos(ends[:, 0]),
            np.cos(ends[:, 1]) * np.sin(ends[:, 0]),
            np.sin(ends[:, 1]),
        ],
        1,
    )
    start, stop = vectors[:-1], vectors[1:]
    angle = np.arccos(np.clip(np.sum(start * stop, axis=1), -1.0, 1.0))[:, None, None]
    share = np.linspace(0.0, 1.0, 33)[None, :, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        weights = np.where(angle > 1e-9, np.sin((1 - share) * angle) / np.sin(angle), 1 - share)
        others = np.where(angle > 1e-9, np.sin(share * angle) / np.sin(angle), share)
    points = (weights * start[:, None, :] + others * stop[:, None, :]).reshape(-1, 3)
    return np.arctan2(points[:, 1], points[:, 0]), np.arctan2(
        points[:, 2], np.hypot(points[:, 0], points[:, 1])
    )


def widened(view: GeoView, aspect: float) -> GeoView:
    """The view with its longitudes (if too tall) or latitudes (if too wide) widened about
    its middle until it has ``aspect``, as far as the globe allows."""
    have = view.aspect
    if have < aspect * 0.999:
        middle = (view.lon[0] + view.lon[1]) / 2

        def wider(half: float) -> GeoView:
            return replace(view, lon=(middle - half, middle + half))

        return _widest(wider, (view.lon[1] - view.lon[0]) / 2, 180.0, lambda v: v.aspect >= aspect)
    if have > aspect * 1.001:
        limit = _LAT_LIMIT.get(view.projection, 90.0)
        middle = (view.lat[0] + view.lat[1]) / 2

        def taller(half: float) -> GeoView:
            south, north = middle - half, middle + half
            if south < -limit:
                south, north = -limit, min(limit, north - limit - south)
            if north > limit:
                south, north = max(-limit, south - (north - limit)), limit
            return replace(view, lat=(south, north))

        return _widest(taller, (view.lat[1] - view.lat[0]) / 2, limit, lambda v: v.aspect <= aspect)
    return view


def _widest(
    grown: Callable[[float], GeoView], low: float, high: float, enough: Callable[[GeoView], bool]
) -> GeoView:
    """The least growth in [low, high] that is ``enough`` (by bisection), or ``high``."""
    if not enough(grown(high)):
        return grown(high)
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (low, middle) if enough(grown(middle)) else (middle, high)
    return grown(high)


def _lon_extent(lons: np.ndarray) -> tuple[float, float]:
    """The shortest stretch of longitude holding every one (west first; east may pass 180)."""
    ring = np.unique(np.mod(lons, 360.0))
    gaps = np.diff(np.append(ring, ring[0] + 360.0))
    widest = int(np.argmax(gaps))
    west = float(ring[(widest + 1) % len(ring)])
    west = (west + 180.0) % 360.0 - 180.0
    return west, west + 360.0 - float(gaps[widest])


def fitted(lats: np.ndarray, lons: np.ndarray, world: GeoView) -> GeoView:
    """The places' extent, padded, at least a region's size; ``world`` for none or most of it."""
    keep = np.isfinite(lats) & np.isfinite(lons)
    lats, lons = lats[keep], lons[keep]
    if not len(lats):
        return world
    west, east = _lon_extent(lons)
    south, north = float(lats.min()), float(lats.max())
    west, east = _padded(west, east, max(0.12 * (east - west), 2.0), MIN_LON_SPAN)
    south, north = _padded(south, north, max(0.12 * (north - south), 1.5), MIN_LAT_SPAN)
    south, north = max(south, -80.0), min(north, 84.0)
    if east - west > 200 or north - south > 120:
        return world
    close = north - south <= 40 and max(abs(south), abs(north)) < 72
    return GeoView((west, east), (south, north), "mercator" if close else "natural earth")


def _padded(low: float, high: float, pad: float, least: float) -> tuple[float, float]:
    low, high = low - pad, high + pad
    short = least - (high - low)
    return (low - short / 2, high + short / 2) if short > 0 else (low, high)


def view_for(name: str, lats: np.ndarray, lons: np.ndarray, aspect: float) -> GeoView:
    """The view of preset ``name`` (the first preset if unknown) at ``aspect``; a preset
    without a box fits the places at ``lats``, ``lons``."""
    known = presets()
    preset = known.get(name) or next(iter(known.values()))
    world_preset = known.get("world")
    world_box = world_preset.box if world_preset is not None and world_preset.box else WORLD_BOX
    world = GeoView(*world_box)
    if preset.box is not None:
        return widened(GeoView(*preset.box, preset.projection, preset.resolution), aspect)
    view = widened(fitted(lats, lons, world), aspect)
    return replace(view, resolution=50 if view.close else 110)


# ---------------------------------------------------------------- over time


@dataclass(frozen=True)
class OverTime:
    """Each period's places with the items naming them: ``table`` has a ``period`` column
    (its first day) and :func:`place_activity`'s, most items first within a period."""

    period: Period  # "Y" or "Q"
    table: pd.DataFrame

    @property
    def keys(self) -> list[str]:
        starts = pd.DatetimeIndex(self.table["period"].unique()).sort_values()
        return [period_key(start, self.period) for start in starts]


def frame_period(dates: pd.Series) -> Period | None:
    """Years, or quarters for items spanning less than three years; None without dates."""
    dated = dates.dropna()
    if dated.empty:
        return None
    return "Q" if dated.max() - dated.min() < QUARTERS_BELOW else "Y"


def frame_cap(periods: int) -> int:
    """Places per frame: the most active, so all frames together stay light."""
    return max(50, min(MAX_FRAME_BUBBLES, MAX_FRAMES_BUBBLES // max(periods, 1)))


def period_key(start: pd.Timestamp, period: Period) -> str:
    """A period as the address and the frames name it: "2023" or "2023-Q3"."""
    return f"{start.year}" if period == "Y" else f"{start.year}-Q{(start.month - 1) // 3 + 1}"


def period_name(key: str, label: Label = str) -> str:
    """A period as the map writes it: "2023", or "Q3 2023" (data/labels.toml: map_quarter)."""
    if key == "all":
        return _text(label, "map_all")
    year, _, quarter = key.partition("-Q")
    return _text(label, "map_quarter", quarter=quarter, year=year) if quarter else year


def over_time(places: pd.DataFrame, events: pd.DataFrame) -> OverTime | None:
    """Each period's places from the place and event tables (the summary's way; the
    dashboard counts over indexes built once, ``views.aggregates.map_over_time``)."""
    period = frame_period(events["date"])
    if period is None:
        return None
    named = place_activity_rows(places).merge(events[["event_id", "date"]], on="event_id")
    named = named[named["date"].notna()]
    named["period"] = period_start(named["date"], period)
    keys = ["period", "canonical", "country", "region", "federal_state", "lat", "lon"]
    table = named.groupby(keys, dropna=False, sort=False).size().rename("items").reset_index()
    table = table.sort_values(["period", "items"], ascending=[True, False], ignore_index=True, kind="stable")
    return with_cap(OverTime(period, table))


def place_activity_rows(places: pd.DataFrame) -> pd.DataFrame:
    """The place rows the map counts (:func:`on_the_map`), with their items."""
    return places.loc[
        on_the_map(places), ["event_id", "canonical", "country", "region", "federal_state", "lat", "lon"]
    ]


def with_cap(over: OverTime) -> OverTime | None:
    """``over`` with at most :func:`frame_cap` places per period; None for under two periods."""
    table = over.table
    periods = table["period"].nunique()
    if periods < 2:
        return None
    rank = table.groupby("period", sort=False).cumcount()
    return OverTime(over.period, table[rank < frame_cap(periods)].reset_index(drop=True))


# ---------------------------------------------------------------- the figure


def partnership_map(
    places: pd.DataFrame,
    partnerships: pd.DataFrame,
    label: Label = str,
    network: tuple[pd.DataFrame, pd.DataFrame] | None = None,
    events: pd.DataFrame | None = None,
    view: str = "",
    presenter: bool = False,
) -> go.Figure:
    """Places as bubbles; lines: the registry's network (links, unregistered pairs) when
    given, else the partnerships the news states; with ``events``, a frame per period."""
    periods = over_time(places, events) if events is not None else None
    return map_figure(
        place_activity(places), partnerships, label, network, view=view, presenter=presenter, over=periods
    )


def map_figure(
    activity: pd.DataFrame,
    partnerships: pd.DataFrame,
    label: Label = str,
    network: tuple[pd.DataFrame, pd.DataFrame] | None = None,
    *,
    view: str = "",
    presenter: bool = False,
    over: OverTime | None = None,
    period: str | None = None,
) -> go.Figure:
    """:func:`partnership_map` from the places already counted (:func:`place_activity`):
    the view of preset ``view``; with ``over``, a frame per period, and ``period`` shown
    (its :func:`period_key`; None: all periods)."""
    activity = activity.head(MAX_BUBBLES)
    lines = go.Figure()
    if network is not None:
        add_network(lines, *network, label=label)
    else:
        links = partnership_links(partnerships).head(MAX_LINES)
        add_lines(lines, links, label("Partnerships"), "rgba(0, 114, 178, 0.45)", 1.5)
    # The registry's faint network lies under everything and does not set the view.
    base_name = label("Known partnerships (registry)") if network is not None else None
    base = [trace for trace in lines.data if trace.name == base_name]
    news = [trace for trace in lines.data if trace.name != base_name]
    lats = np.concatenate([activity["lat"].to_numpy(float), *(np.asarray(t.lat, float) for t in news)])
    lons = np.concatenate([activity["lon"].to_numpy(float), *(np.asarray(t.lon, float) for t in news)])
    geo = view_for(view, lats, lons, PRESENTER_ASPECT if presenter else ASPECT)
    _bolder(base, 1.3 if geo.close else 1.0)
    crowd = _crowd(news)
    _bolder(news, (1.5 if geo.close else 1.0) * (1.25 if presenter else 1.0) * (1 - 0.5 * crowd))
    for trace in news:
        trace.opacity = round(1 - 0.6 * crowd, 2)
    for rank, trace in enumerate([*base, *news]):
        trace.update(legend="legend", legendrank=1 + rank)

    periods = _periods(over)
    shown = period if period in periods else None
    bubbles = _Bubbles(_groups([activity, *([over.table] if over is not None else [])]), geo.close, presenter)
    # All periods' places in one trace; with periods, one period's in a second (empty
    # unless one is chosen), which the frames fill: the frame of all periods then only
    # shows the first trace again, rather than carrying every place a second time.
    drawn = [bubbles.trace(activity, _top(activity), label, visible=shown is None)]
    if periods:
        rows = periods[shown] if shown is not None else activity.iloc[0:0]
        drawn.append(bubbles.trace(rows, _top(over.table) if over is not None else 1.0, label))
    # A few news lines go over the places, so a short one is not hidden under its ends;
    # hundreds would bury the places, and go under them.
    on_top = crowd < FEW_LINES
    under, above = ([], news) if on_top else (news, [])
    fig = go.Figure(data=[*base, *under, *drawn, *bubbles.legend(label), *above])
    font = {"size": LEGEND_FONT[presenter]}
    fig.update_layout(
        geo=geo.geo(presenter),
        # The lines' key inside the map's bottom left corner (mostly sea: German places lie
        # north of most partners, the period is written top right); the places' under it.
        legend={
            "x": 0.005,
            "xanchor": "left",
            "y": 0.01,
            "yanchor": "bottom",
            "bgcolor": "rgba(255,255,255,0.85)",
            "font": font,
        },
        legend2={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -0.01,
            "yanchor": "top",
            "itemsizing": "constant",
            "bgcolor": "rgba(255,255,255,0)",
            "font": font,
        },
        margin={"l": 0, "r": 0, "t": TOP_MARGIN[presenter], "b": _legend_height(fig, presenter)},
        meta={"aspect": round(geo.aspect, 4)},
        uirevision=view or "view",
    )
    if over is not None and periods:
        _animate(fig, bubbles, periods, shown, over.table, label, presenter)
    return fig


def _periods(over: OverTime | None) -> dict[str, pd.DataFrame]:
    """Each period's rows by :func:`period_key`, in time order."""
    if over is None:
        return {}
    groups = over.table.groupby("period", sort=True)
    return {period_key(cast(pd.Timestamp, start), over.period): rows for start, rows in groups}


def _top(table: pd.DataFrame) -> float:
    return float(table["items"].max()) if len(table) else 1.0


def _crowd(traces: Sequence[Any]) -> float:
    segments = sum(len(trace.lat) // 3 for trace in traces)
    return float(np.clip(np.log10(max(segments, 1)) / 3, 0.0, 1.0))


def _bolder(traces: Sequence[Any], factor: float) -> None:
    for trace in traces:
        trace.line.width = (trace.line.width or 1.0) * factor


Group = tuple[str, str]  # ("region", region) or ("state", federal state); "" for unknown
Mask = np.ndarray[Any, np.dtype[np.bool_]]


def _group_columns(rows: pd.DataFrame) -> tuple[Mask, pd.Series, pd.Series]:
    """Which places are German (grouped by federal state), their states and regions."""
    home = (rows["country"] == HOME).to_numpy(bool)
    return home, rows["federal_state"].fillna("").astype(str), rows["region"].fillna("").astype(str)


def _groups(tables: Sequence[pd.DataFrame]) -> list[Group]:
    """Every group of places in any table: world regions in their usual order, then states."""
    found_regions: set[str] = set()
    found_states: set[str] = set()
    for table in tables:
        if len(table):
            home, state, region = _group_columns(table)
            found_states.update(state[home].unique().tolist())
            found_regions.update(region[~home].unique().tolist())
    order = {name: n for n, name in enumerate(REGION_COLOURS)}
    regions = sorted(found_regions, key=lambda v: (order.get(v or "Unknown", 99), v))
    states = sorted(found_states, key=lambda v: (v == "", v))
    return [("region", v) for v in regions] + [("state", v) for v in states]


def _group_codes(rows: pd.DataFrame, groups: Sequence[Group]) -> np.ndarray[Any, np.dtype[np.int16]]:
    """Each place's group as its position in ``groups`` (a hash lookup per column, not a
    Python step per place)."""
    home, state, region = _group_columns(rows)
    by_state = _positions(state, [(n, v) for n, (k, v) in enumerate(groups) if k == "state"])
    by_region = _positions(region, [(n, v) for n, (k, v) in enumerate(groups) if k == "region"])
    return np.where(home, by_state, by_region).astype(np.int16)


def _positions(values: pd.Series, numbered: list[tuple[int, str]]) -> np.ndarray[Any, np.dtype[np.int64]]:
    """Each value's number in ``numbered``; 0 for a value not there."""
    if not numbered:
        return np.zeros(len(values), np.int64)
    numbers = np.array([n for n, _ in numbered], np.int64)
    found = pd.Index([v for _, v in numbered]).get_indexer(pd.Index(values))
    return np.where(found >= 0, numbers[found], 0)


# plotly's numbers for the symbols used: a number per place is shorter to send than a name.
SYMBOL_NUMBERS = {
    "circle": 0,
    "square": 1,
    "diamond": 2,
    "cross": 3,
    "x": 4,
    "triangle-up": 5,
    "triangle-down": 6,
    "pentagon": 13,
    "hexagon": 14,
    "star": 17,
}


def _typed(values: np.ndarray[Any, np.dtype[np.int8]]) -> dict[str, str]:
    """Small whole numbers as plotly.js's typed array (what plotly sends numpy arrays as):
    plotly would otherwise check a symbol array against its names place by place."""
    return {"dtype": "i1", "bdata": base64.b64encode(values.astype(np.int8).tobytes()).decode("ascii")}


@dataclass(frozen=True)
class _Bubbles:
    """All places as one trace, each coloured and shaped by its group (a number per place
    into a stepwise colour scale and plotly's symbol numbers), and a key entry per group.

    One trace rather than one per group: a frame then changes one trace, not twenty-five,
    which keeps building (and validating) a frame per period cheap at 100,000 items."""

    groups: list[Group]
    close: bool
    presenter: bool

    @property
    def scale(self) -> tuple[float, float]:
        """Diameters (px) of the least and the most active place: smaller in a close view,
        where places lie further apart and short lines must show between them."""
        small, large = (5.0, 22.0) if self.close else (6.0, 30.0)
        grow = 1.25 if self.presenter else 1.0
        return small * grow, large * grow

    def style(self, group: Group) -> tuple[str, str]:
        """A group's colour and marker symbol."""
        kind, value = group
        if kind == "region":
            name = value or "Unknown"
            return REGION_COLOURS.get(name, GREY), REGION_SYMBOLS.get(name, "circle")
        states = [v for k, v in self.groups if k == "state" and v]
        # Okabe & Ito's black would read as a hole among the places: the other seven.
        palette = [colour for colour in OKABE_ITO if colour != "#000000"]
        return dict(zip(states, cycle(palette))).get(value, GREY), HOME_SYMBOL

    def name(self, group: Group, label: Label) -> str:
        return label(group[1]) if group[1] else _text(label, "Unknown")

    @property
    def one_home_entry(self) -> bool:
        """On a projector the key names German places once, not each federal state: the
        legend would take a third of the screen (the hover still names the state)."""
        return self.presenter and any(kind == "state" for kind, _ in self.groups)

    def trace(self, rows: pd.DataFrame, top: float, label: Label, visible: bool = True) -> go.Scattergeo:
        n = max(len(self.groups), 1)
        colours = [self.style(group)[0] for group in self.groups] or [GREY]
        steps = [[position, colour] for k, colour in enumerate(colours) for position in (k / n, (k + 1) / n)]
        data = self.data(rows, top, label)
        data["marker"] |= {
            "colorscale": steps,
            "cmin": 0,
            "cmax": n,
            "showscale": False,
            "line": {"width": 1, "color": "#FFFFFF"},
            "opacity": 0.85,
        }
        return go.Scattergeo(
            **data,
            mode="markers",
            name=_text(label, "map_places"),
            showlegend=False,
            visible=visible,
            hovertemplate="%{text}<extra></extra>",
        )

    def data(self, rows: pd.DataFrame, top: float, label: Label) -> dict[str, Any]:
        """What a frame changes in the trace: places, sizes, colours, symbols, hover text,
        names (``customdata``: a selected place filters every page to it). Computed once
        for all groups, from numpy arrays and lists: pandas would cost per group and per
        operation, and this runs for every period on every filter change."""
        codes = _group_codes(rows, self.groups)
        symbols = np.array([SYMBOL_NUMBERS[self.style(group)[1]] for group in self.groups] or [0], np.int8)
        names = [self.name(group, label) for group in self.groups] or [""]
        items = rows["items"].to_numpy(np.int64)
        small, large = self.scale
        sizes = np.round(small + (large - small) * np.sqrt(items / max(top, 1.0)), 1).astype(np.float32)
        places = rows["canonical"].astype(str).tolist()
        countries = rows["country"].astype(str).tolist()
        text = [
            f"{place} ({country}) · {names[code]}: {count}"
            for place, country, code, count in zip(
                places, countries, codes.tolist(), items.tolist(), strict=True
            )
        ]
        return {
            "lat": rows["lat"].to_numpy(np.float32),
            "lon": rows["lon"].to_numpy(np.float32),
            "marker": {
                "size": sizes,
                "color": (codes + 0.5).astype(np.float32),
                "symbol": _typed(symbols[codes]),
            },
            "text": np.array(text, dtype=object),
            "customdata": np.array(places, dtype=object),
        }

    def legend(self, label: Label) -> list[go.Scattergeo]:
        """The places' key: an entry per group (no points of its own)."""
        entries = []
        home = False
        for group in self.groups:
            colour, symbol = self.style(group)
            name = self.name(group, label)
            if group[0] == "state" and self.one_home_entry:
                if home:
                    continue
                home, name = True, _text(label, "map_home_places")
                colour = REGION_COLOURS.get("Germany", OKABE_ITO[0])
            entries.append(
                go.Scattergeo(
                    lat=[None],
                    lon=[None],
                    mode="markers",
                    marker={
                        "color": colour,
                        "symbol": symbol,
                        "size": 11,
                        "line": {"width": 1, "color": "#FFFFFF"},
                    },
                    name=name,
                    legend="legend2",
                    hoverinfo="skip",
                )
            )
        return entries

    def frame(
        self,
        name: str,
        rows: pd.DataFrame | None,
        top: float,
        traces: tuple[int, int],
        note: dict[str, Any],
        label: Label,
    ) -> dict[str, Any]:
        """A frame as plotly's dict (the figure checks it once; a go.Frame would be checked,
        and copied, again): one period's places in the second trace, the first hidden; or,
        for ``rows`` None, the first shown again and the second emptied."""
        if rows is None:
            data = [{"type": "scattergeo", "visible": True}, {"type": "scattergeo", "visible": False}]
        else:
            period = {"type": "scattergeo", "visible": True, **self.data(rows, top, label)}
            data = [{"type": "scattergeo", "visible": False}, period]
        return {"name": name, "data": data, "traces": list(traces), "layout": {"annotations": [note]}}


def _legend_height(fig: go.Figure, presenter: bool) -> int:
    """Room under the map for the places' key, as plotly lays it out across a main column
    about 900 px wide (1,080 on a projector): one row if it fits, else rows of columns as
    wide as its longest entry. Plotly makes more room if it needs it."""
    font = LEGEND_FONT[presenter]
    width = 1080 if presenter else 900
    entries = [
        44 + 0.5 * font * len(str(trace.name or ""))
        for trace in fig.data
        if trace.legend == "legend2" and trace.showlegend is not False
    ]
    if not entries:
        return 8
    columns = len(entries) if sum(entries) <= width else max(1, int(width // max(entries)))
    rows = math.ceil(len(entries) / columns)
    return round(rows * (font * 1.45 + 4) + 14)


def _animate(
    fig: go.Figure,
    bubbles: _Bubbles,
    periods: dict[str, pd.DataFrame],
    shown: str | None,
    by_period: pd.DataFrame,
    label: Label,
    presenter: bool,
) -> None:
    """A frame per period (``by_period``: their places) and one of all, a slider over them,
    Play and Pause, and the period shown large in the map's top right corner."""
    first = next(n for n, trace in enumerate(fig.data) if trace.mode == "markers")
    traces = (first, first + 1)  # all periods' places, one period's
    keys = list(periods)
    span = f"{period_name(keys[0], label)} – {period_name(keys[-1], label)}"
    top = _top(by_period)
    frames = [
        bubbles.frame(key, rows, top, traces, _annotation(period_name(key, label), presenter), label)
        for key, rows in periods.items()
    ]
    frames.append(bubbles.frame("all", None, top, traces, _annotation(span, presenter, 0.6), label))
    fig.frames = frames
    still = {"mode": "immediate", "frame": {"duration": 0, "redraw": True}, "transition": {"duration": 0}}
    play = {**still, "fromcurrent": True, "frame": {"duration": 1100, "redraw": True}}
    pause = {"mode": "immediate", "frame": {"duration": 0, "redraw": False}, "transition": {"duration": 0}}
    names = ["all", *keys]
    steps = [
        {
            "label": _step_label(n, name, len(names), label, presenter),
            "method": "animate",
            "args": [[name], still],
        }
        for n, name in enumerate(names)
    ]
    font = {"size": 16 if presenter else 12, "color": TEXT}
    controls = {"y": 1.0, "yanchor": "bottom", "pad": {"t": 0, "b": 8, "l": 0, "r": 0}, "font": font}
    colours = {"bgcolor": "#F3F5F7", "bordercolor": "#7B8794"}
    slider = {**controls, **colours, "x": SLIDER[0], "len": SLIDER[1], "xanchor": "left", "steps": steps}
    slider |= {"active": names.index(shown) if shown else 0, "currentvalue": {"visible": False}}
    slider |= {"ticklen": 4, "minorticklen": 0, "activebgcolor": OKABE_ITO[0]}
    buttons = [
        {"label": _text(label, "map_play"), "method": "animate", "args": [keys, play]},
        {"label": _text(label, "map_pause"), "method": "animate", "args": [[None], pause]},
    ]
    menu = {**controls, **colours, "type": "buttons", "direction": "left", "showactive": False}
    menu |= {"x": 0.995, "xanchor": "right", "buttons": buttons}
    fig.update_layout(
        annotations=[
            _annotation(period_name(shown, label), presenter) if shown else _annotation(span, presenter, 0.6)
        ],
        sliders=[slider],
        updatemenus=[menu],
    )


def _step_label(n: int, name: str, steps: int, label: Label, presenter: bool) -> str:
    """Each step's name if they fit under the slider, else every k-th and the last (the
    period shown is written on the map)."""
    width = (1080 if presenter else 900) * SLIDER[1]
    font = 16 if presenter else 12
    every = max(1, math.ceil(steps * (0.55 * font * 7 + 8) / width))
    return period_name(name, label) if n % every == 0 or n == steps - 1 else ""


def _annotation(text: str, presenter: bool, scale: float = 1.0) -> dict[str, Any]:
    """The period shown, large, in the map's top right corner (all periods: their span,
    smaller)."""
    return {
        "text": text,
        "name": "period",
        "xref": "paper",
        "yref": "paper",
        "x": 0.995,
        "y": 0.985,
        "xanchor": "right",
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": round((54 if presenter else 38) * scale), "color": TEXT},
        "bgcolor": "rgba(255,255,255,0.8)",
        "borderpad": 6,
    }
