"""One calm, colour-blind-safe look for every chart, matching .streamlit/config.toml.

Every categorical colour is one of Okabe & Ito's eight. Colour never tells groups apart
alone: each group's :class:`Style` also has a bar pattern, a marker symbol and a line
dash — eight patterns, twelve symbols, six dashes. From the ninth group (Oceania, the
ninth region; the ninth topic) the colours start over, each time with the patterns
shifted by one, so no two of 64 groups share colour and pattern. Charts are drawn on a
white card in Streamlit's light and dark themes alike: their text is checked
against that card, and a chart saved as an image looks the same whoever saved it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import sample_colorscale

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
# As many patterns as colours (see :func:`style`), a symbol for each region, plotly's dashes.
PATTERNS = ("", "/", ".", "x", "\\", "+", "-", "|")
SYMBOLS = (
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "x",
    "triangle-down",
    "star",
    "hexagon",
    "cross",
    "pentagon",
    "hourglass",
    "star-diamond",
)
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
# No region known is no category, so no colour of the scheme: a neutral grey, as Paul Tol
# advises for missing data.
MISSING = "#CBD2D9"
GREY = "#9AA5B1"
TEXT = "#1F2933"
PAPER = "#FFFFFF"
FONT = "Source Sans Pro, Helvetica, Arial, sans-serif"
# In the palette's order, so the regions keep the colours they always had; Oceania, the
# ninth, is Germany's blue with the next pattern and symbol.
REGIONS = (
    "Germany",
    "Eastern Europe",
    "Sub-Saharan Africa",
    "Middle East & North Africa",
    "Asia",
    "Europe",
    "Latin America & Caribbean",
    "North America",
    "Oceania",
    "Unknown",
    "No place named",
)
# No region, no place, no topic (charts.frames' fill-ins): grey, and last.
MISSING_VALUES = frozenset({"Unknown", "No place named", "Other"})
SEQUENTIAL = "Cividis"  # perceptually uniform and colour-blind safe
TEMPLATE = "partnerdash"


@dataclass(frozen=True)
class Style:
    """How one group is drawn: its colour and the marks that tell it apart without colour."""

    colour: str
    pattern: str  # plotly's marker.pattern.shape
    symbol: str
    dash: str

    @property
    def ink(self) -> str:
        """The pattern's lines."""
        return ink(self.colour)

    def bar_marker(self) -> dict[str, Any]:
        pattern = {
            "shape": self.pattern,
            "fillmode": "overlay",  # on the colour, not instead of it
            "fgcolor": self.ink,
            "fgopacity": 0.55,
            "size": 9,
            "solidity": 0.25,
        }
        return {"color": self.colour, "pattern": pattern, "line": {"width": 0.5, "color": PAPER}}


def style(index: int, missing: bool = False) -> Style:
    """The ``index``-th group's style; a missing value's is grey."""
    rounds, place = divmod(index, len(OKABE_ITO))
    colour = MISSING if missing else OKABE_ITO[place]
    pattern = PATTERNS[(place + rounds) % len(PATTERNS)]
    return Style(colour, pattern, SYMBOLS[index % len(SYMBOLS)], DASHES[index % len(DASHES)])


def styles_for(names: Iterable[str], order: Iterable[str] = ()) -> dict[str, Style]:
    """A style per name: a name in ``order`` by its place there, the others after them in
    alphabetical order, missing values last — not by size, so that a topic looks the same
    in every chart of the same topics, whichever is largest where."""
    names = list(names)
    places = {name: n for n, name in enumerate(order)}
    rest = sorted(set(names) - set(places), key=lambda name: (name in MISSING_VALUES, name))
    places |= {name: n for n, name in enumerate(rest, start=len(places))}
    return {name: style(places[name], name in MISSING_VALUES) for name in names}


REGION_COLOURS = {name: style(n, name in MISSING_VALUES).colour for n, name in enumerate(REGIONS)}


def ink(colour: str) -> str:
    """Black or white, whichever stands out more on ``colour``: never less than 4.58:1."""
    return "#000000" if contrast(colour, "#000000") >= contrast(colour, "#FFFFFF") else "#FFFFFF"


def sequential(fractions: Iterable[float]) -> list[str]:
    """The colours of :data:`SEQUENTIAL` at ``fractions`` (0 to 1), as "#RRGGBB"."""
    colours = sample_colorscale(SEQUENTIAL, list(fractions))
    return ["#" + "".join(f"{round(float(v)):02X}" for v in c[4:-1].split(",")) for c in colours]


def translucent(colour: str, alpha: float) -> str:
    """A "#RRGGBB" colour as plotly's rgba(), at ``alpha``."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha})"


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of a "#RRGGBB" colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


pio.templates[TEMPLATE] = go.layout.Template(
    layout={
        "font": {"family": FONT, "color": TEXT, "size": 14},
        "title": {"subtitle": {"font": {"color": TEXT}}},
        "colorway": list(OKABE_ITO),
        "paper_bgcolor": PAPER,
        "plot_bgcolor": PAPER,
        "xaxis": {"gridcolor": "#E4E7EB", "zeroline": False, "automargin": True},
        "yaxis": {"gridcolor": "#E4E7EB", "zeroline": False, "automargin": True},
        "legend": {"bgcolor": "rgba(255,255,255,0.8)"},
        "margin": {"l": 40, "r": 20, "t": 80, "b": 40},
        "hoverlabel": {"font": {"family": FONT}},
    }
)


def colours_for(names: Iterable[str], fixed: dict[str, str] | None = None) -> dict[str, str]:
    """A colour per name: the fixed ones where given, then the palette in turn."""
    fixed = fixed or {}
    spare = iter([c for c in OKABE_ITO if c not in fixed.values()] * 4)
    return {name: fixed.get(name) or next(spare, GREY) for name in names}


# The HTML summary's column (templates/summary.html): a map there is as high as its view
# needs at this width. In the dashboard the page sizes a map to the screen (views.chart).
MAP_WIDTH = 1068


def finish(fig: go.Figure, title: str, subtitle: str, presenter: bool = False) -> go.Figure:
    """Title and date-range caption on every chart; larger type for presenting.

    A map (charts.map) says its width : height in ``layout.meta["aspect"]``: its height is
    that of its view at :data:`MAP_WIDTH` plus its margins (title, controls, legend)."""
    size = 22 if presenter else 14
    is_map = any(isinstance(trace, go.Scattergeo) for trace in fig.data)
    height = 680 if presenter else 420
    if is_map:
        meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
        margin = fig.layout.margin
        height = round(MAP_WIDTH / float(meta.get("aspect", 1.6)) + (margin.t or 80) + (margin.b or 40))
    fig.update_layout(
        template=TEMPLATE,
        title={"text": title, "subtitle": {"text": subtitle}, "x": 0.01, "xanchor": "left"},
        font={"size": size},
        height=height,
    )
    return fig


def export_config(filename: str, image_format: str = "png", **extra: Any) -> dict[str, Any]:
    """Plotly's toolbar config: the camera button saves PNG or SVG at twice the size."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in filename).strip("-") or "chart"
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": image_format, "filename": safe, "scale": 2},
        **extra,
    }
