"""One calm, colour-blind-safe look for every chart, matching .streamlit/config.toml."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
GREY = "#9AA5B1"
TEXT = "#1F2933"
FONT = "Source Sans Pro, Helvetica, Arial, sans-serif"
REGION_COLOURS = {
    "Germany": "#0072B2",
    "Europe": "#56B4E9",
    "Eastern Europe": "#E69F00",
    "Middle East & North Africa": "#D55E00",
    "Sub-Saharan Africa": "#009E73",
    "Asia": "#CC79A7",
    "Latin America & Caribbean": "#B8A200",
    "North America": "#000000",
    "Oceania": "#7F7F7F",
    "Unknown": "#CBD2D9",
    "No place named": "#CBD2D9",
}
SEQUENTIAL = "Cividis"  # perceptually uniform and colour-blind safe
TEMPLATE = "partnerdash"

pio.templates[TEMPLATE] = go.layout.Template(
    layout={
        "font": {"family": FONT, "color": TEXT, "size": 14},
        "colorway": list(OKABE_ITO),
        "paper_bgcolor": "#FFFFFF",
        "plot_bgcolor": "#FFFFFF",
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


def finish(fig: go.Figure, title: str, subtitle: str, presenter: bool = False) -> go.Figure:
    """Title and date-range caption on every chart; larger type for presenting."""
    size = 22 if presenter else 14
    is_map = any(isinstance(trace, go.Scattergeo) for trace in fig.data)
    height = (760 if is_map else 680) if presenter else (560 if is_map else 420)
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
