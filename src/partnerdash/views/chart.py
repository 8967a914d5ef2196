"""Showing a plotly figure: title and date range on it, export settings, offline map shapes."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st

from partnerdash.charts.map import TOPOJSON_URL
from partnerdash.charts.theme import export_config, finish
from partnerdash.views.context import Context


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
    if select:
        return st.plotly_chart(
            fig, config=config, key=key, on_select="rerun", selection_mode=selection_mode, theme=None
        )
    st.plotly_chart(fig, config=config, key=key, theme=None)
    return None
