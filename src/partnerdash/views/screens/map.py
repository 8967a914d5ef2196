"""Map: partnerships on the world map; picking a place filters every page to it."""

from __future__ import annotations

import streamlit as st

from partnerdash import geojson
from partnerdash.charts.map import map_figure
from partnerdash.charts.network import MAX_ACTIVE_LINES
from partnerdash.registry.join import Network
from partnerdash.views import aggregates
from partnerdash.views.chart import show
from partnerdash.views.context import context
from partnerdash.views.sidebar import selection_to_municipality


def world_map() -> None:
    ctx = context()
    t = ctx.t
    st.caption(t("map_hint"))
    network = ctx.network
    lines = (network.links, network.unregistered) if network is not None else None
    fig = map_figure(aggregates.place_activity(ctx), ctx.view.partnerships, t.category, network=lines)
    selection = show(
        ctx, fig, t("map_title"), "map", key="world_map", select=True, selection_mode=("points",)
    )
    picked = [
        str(point["customdata"][0])
        for point in (selection.selection.points if selection else [])
        if isinstance(point.get("customdata"), list) and point["customdata"]
    ]
    if picked and tuple(picked) != tuple(st.session_state.get("municipality", ())):
        selection_to_municipality(picked)
    if network is not None:
        with_news = int((network.links["news_items"] > 0).sum()) + len(network.unregistered)
        if with_news > 2 * MAX_ACTIVE_LINES:
            st.caption(t("lines_capped", shown=t.number(MAX_ACTIVE_LINES), total=t.number(with_news)))
    known = Network(network.links, network.unregistered) if network is not None else None
    view = ctx.view
    st.download_button(
        t("download_geojson"),
        lambda: geojson.dumps(
            geojson.feature_collection(view.events, view.places, view.partnerships, known)
        ).encode("utf-8"),
        file_name="partnerdash-map.geojson",
        mime="application/geo+json",
        icon=":material/download:",
        help=t("download_geojson_help"),
        on_click="ignore",
    )
    places = ctx.view.places
    unresolved = places[places["canonical"].isna() & ~places["dateline"]]
    if len(unresolved):
        st.warning(t("unresolved_count", count=t.number(unresolved["name"].nunique())))
        st.page_link(ctx.pages["quality"], label=t("see_quality"), icon=":material/fact_check:")
