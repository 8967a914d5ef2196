"""Showing a plotly figure: title and date range on it, export settings, offline map shapes.

A map is sized to the screen, not given a fixed height: its frame (a container keyed
``<key>_frame``) is as wide as the main column and as high as the map's view needs at
that width (``layout.meta["aspect"]``, from charts.map) plus the figure's margins for
the title, the period controls and the legend — but never higher than the window below
Streamlit's header, so the whole chart fits on the screen without scrolling inside it.
The chart stretches to fill the frame and follows it when the window is resized.
In presenter mode every other chart has a frame too, the window's height below the
header: one chart per screen, whole, at any projector size.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st

from partnerdash.charts.map import TOPOJSON_URL
from partnerdash.charts.theme import export_config, finish
from partnerdash.views.context import Context

# Streamlit's header bar is 3.75rem high; the rem follows presenter mode's larger type.
HEADER = "3.75rem"


def show(
    ctx: Context,
    fig: go.Figure,
    title: str,
    name: str,
    key: str | None = None,
    select: bool = False,
    selection_mode: Any = ("points", "box", "lasso"),
) -> Any:
    """Draw ``fig`` as the page's chart ``name``; returns the selection when ``select``."""
    finish(fig, title, ctx.span, presenter=ctx.presenter)
    config = export_config(f"partnerdash-{name}-{ctx.span}", ctx.image_format)
    if any(isinstance(trace, go.Scattergeo) for trace in fig.data):
        # The world shapes come from this app's own static folder, never from a CDN.
        config["topojsonURL"] = TOPOJSON_URL
        return _show_map(fig, config, key or name, select, selection_mode)
    if ctx.presenter:
        st.html(screen_css(name))
        return _stretched(fig, config, key, f"{name}_frame", select, selection_mode)
    if select:
        return st.plotly_chart(
            fig, config=config, key=key, on_select="rerun", selection_mode=selection_mode, theme=None
        )
    st.plotly_chart(fig, config=config, key=key, theme=None)
    return None


def screen_css(name: str) -> str:
    """A presenter's chart frame: the window's height below the header, less a little air."""
    return f"""<style>
.st-key-{name}_frame {{
  flex: 0 0 auto !important; position: relative; min-height: 0 !important;
  height: calc(100vh - {HEADER} - 1.5rem);
}}
.st-key-{name}_frame > * {{ position: absolute !important; inset: 0; }}
</style>"""


def frame_css(key: str, aspect: float, margins: int) -> str:
    """The map frame's size: the view's ``aspect`` at the column's width, plus ``margins``
    (px) — padding, so the chart inside (absolutely placed) fills both — at most the
    window's height below the header."""
    return f"""<style>
.st-key-{key}_frame {{
  flex: 0 0 auto !important; position: relative; box-sizing: content-box !important;
  aspect-ratio: {aspect:.4f}; min-height: 0 !important; padding-bottom: {margins}px;
  max-height: calc(100vh - {HEADER} - {margins + 8}px);
}}
.st-key-{key}_frame > * {{ position: absolute !important; inset: 0; }}
</style>"""


def _show_map(fig: go.Figure, config: dict[str, Any], key: str, select: bool, selection_mode: Any) -> Any:
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    margin = fig.layout.margin
    st.html(frame_css(key, float(meta.get("aspect", 1.6)), int((margin.t or 0) + (margin.b or 0))))
    return _stretched(fig, config, key, f"{key}_frame", select, selection_mode)


def _stretched(
    fig: go.Figure, config: dict[str, Any], key: str | None, frame: str, select: bool, selection_mode: Any
) -> Any:
    """The chart filling the container ``frame``, which CSS sizes."""
    with st.container(key=frame):
        if select:
            return st.plotly_chart(
                fig,
                config=config,
                key=key,
                height="stretch",
                on_select="rerun",
                selection_mode=selection_mode,
                theme=None,
            )
        st.plotly_chart(fig, config=config, key=key, height="stretch", theme=None)
    return None
