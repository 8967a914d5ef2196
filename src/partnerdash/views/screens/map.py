"""Map: partnerships on the world map; picking a place filters every page to it.

Above the map, two controls kept in the address like the filters: the view (fit to the
data, or a region preset from data/map_presets.toml) and the period shown (all, or one
year or quarter). The period control is the keyboard's way through time; the map's own
Play button steps through the same periods.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from partnerdash import geojson
from partnerdash.charts.map import OverTime, map_figure, period_name, presets
from partnerdash.charts.network import MAX_ACTIVE_LINES
from partnerdash.i18n import Labels
from partnerdash.registry.join import Network
from partnerdash.views import aggregates
from partnerdash.views.chart import show
from partnerdash.views.context import context
from partnerdash.views.controls import choice
from partnerdash.views.sidebar import selection_to_municipality

ALL = "all"


def view_name(t: Labels, name: str) -> str:
    """A preset's name on its button: data/labels.toml's view_<name>, else its own name."""
    text = t(f"view_{name}")
    return name.replace("_", " ").capitalize() if text == f"view_{name}" else text


def _period(t: Labels, over: OverTime | None, where: Any) -> str | None:
    """The period to show (its key; None: all), from a slider the keyboard can move."""
    if over is None:
        return None
    options = [ALL, *over.keys]
    if st.session_state.get("map_period", ALL) not in options:
        # Other filters, other periods: one no longer there shows all again.
        st.session_state["map_period"] = ALL
    chosen = where.select_slider(
        t("map_period"),
        options,
        value=ALL,
        key="map_period",
        bind="query-params",
        format_func=lambda key: period_name(key, t.category),
        help=t("map_period_help"),
    )
    return None if chosen == ALL else str(chosen)


def _picked(selection: Any) -> list[str]:
    """The places selected on the map: each bubble's customdata is its place's name."""
    names = []
    for point in selection.selection.points if selection else []:
        data = point.get("customdata")
        if isinstance(data, list) and data:
            data = data[0]
        if isinstance(data, str) and data:
            names.append(data)
    return names


def world_map() -> None:
    ctx = context()
    t = ctx.t
    names = list(presets())
    over = aggregates.map_over_time(ctx)
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    view = choice(t("map_view"), names, names[0], "view", lambda name: view_name(t, name), left)
    period = _period(t, over, right)
    network = ctx.network
    lines = (network.links, network.unregistered) if network is not None else None
    fig = map_figure(
        aggregates.place_activity(ctx),
        ctx.view.partnerships,
        t.category,
        network=lines,
        view=view,
        presenter=ctx.presenter,
        over=over,
        period=period,
    )
    selection = show(
        ctx, fig, t("map_title"), "map", key="world_map", select=True, selection_mode=("points",)
    )
    picked = _picked(selection)
    if picked and tuple(picked) != tuple(st.session_state.get("municipality", ())):
        selection_to_municipality(picked)
    st.caption(t("map_hint"))
    if network is not None:
        with_news = int((network.links["news_items"] > 0).sum()) + len(network.unregistered)
        if with_news > 2 * MAX_ACTIVE_LINES:
            st.caption(t("lines_capped", shown=t.number(MAX_ACTIVE_LINES), total=t.number(with_news)))
    known = Network(network.links, network.unregistered) if network is not None else None
    shown = ctx.view
    st.download_button(
        t("download_geojson"),
        lambda: geojson.dumps(
            geojson.feature_collection(shown.events, shown.places, shown.partnerships, known)
        ).encode("utf-8"),
        file_name="partnerdash-map.geojson",
        mime="application/geo+json",
        icon=":material/download:",
        help=t("download_geojson_help"),
        on_click="ignore",
    )
    unresolved = aggregates.unresolved_in_view(ctx)
    if unresolved:
        st.warning(t("unresolved_count", count=t.number(unresolved)))
        st.page_link(ctx.pages["quality"], label=t("see_quality"), icon=":material/fact_check:")
