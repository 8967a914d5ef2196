"""A single self-contained HTML summary of the current view, to mail to a funder.

plotly.js and the map's world shapes are embedded, so the file opens offline and asks
no other host for anything. The page is the Jinja2 template ``templates/summary.html``
with autoescape on, so all news text is escaped; only plotly's own output is marked safe.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import pandas as pd
import plotly.graph_objects as go
from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from partnerdash import settings
from partnerdash.filters import Kpis, View
from partnerdash.i18n import Labels

SHAPES = settings.PROJECT_ROOT / "static" / "topojson"
WORLD = SHAPES / "world_110m.json"
TEMPLATE = "summary.html"
COLUMNS = ("date", "title", "places", "topics")


@dataclass(frozen=True)
class Chart:
    title: str
    html: Markup  # plotly's div and script: trusted, not escaped


@dataclass(frozen=True)
class Tile:
    name: str
    value: str


def _escaped(value: object) -> Markup:
    """Each value as the rest of the app escapes text: ``html.escape`` (``&#x27;``, ``&quot;``).

    markupsafe writes quotes as ``&#39;`` and ``&#34;``; equally safe, but the summary
    keeps one form of escaped text, the one the dashboard and its tests look for.
    Markup (plotly's output) passes through as it is.
    """
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value)))  # noqa: S704 - escaped on this very line


@cache
def _template() -> Template:
    # PackageLoader reads through importlib, so the template is found in an installed
    # wheel as well as in the source tree. StrictUndefined: a misspelt name fails loudly.
    # autoescape stays on behind ``finalize``: whatever finalize misses is still escaped.
    env = Environment(
        loader=PackageLoader("partnerdash", "templates"),
        autoescape=True,
        finalize=_escaped,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template(TEMPLATE)


def summary_html(
    view: View, kpis: Kpis, t: Labels, caption: str, figures: Sequence[tuple[str, go.Figure]]
) -> str:
    """The report as one HTML document (figures already titled)."""
    return _template().render(
        lang=t.lang,
        title=t("app_title"),
        caption=caption,
        geo_assets=Markup(_geo_assets(_resolutions(figures))),  # noqa: S704 - our JSON, kept from closing the <script>
        plotly_js=Markup(get_plotlyjs()),  # noqa: S704 - plotly's own bundle
        tiles=_tiles(kpis, t),
        charts=[_chart(title, fig) for title, fig in figures],
        latest_items=t("latest_items"),
        columns=[t(key) for key in COLUMNS],
        rows=_item_rows(view, t),
    )


def _chart(title: str, fig: go.Figure) -> Chart:
    # A map's frames wait for its Play button: plotly would start them as the page opens.
    div = fig.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False}, auto_play=False)
    return Chart(title, Markup(div))  # noqa: S704 - plotly escapes the figure's text into its JSON


def _tiles(kpis: Kpis, t: Labels) -> list[Tile]:
    counts = (
        ("items", kpis.items),
        ("municipalities", kpis.municipalities),
        ("countries", kpis.countries),
        ("partnerships", kpis.partnerships),
    )
    return [Tile(t(name), t.number(value)) for name, value in counts]


def _resolutions(figures: Sequence[tuple[str, go.Figure]]) -> set[int]:
    """The world shapes the maps draw: 110 (1:110m), and 50 for a close view."""
    return {110} | {int(fig.layout.geo.resolution or 110) for _, fig in figures if _is_map(fig)}


def _is_map(fig: go.Figure) -> bool:
    return any(isinstance(trace, go.Scattergeo) for trace in fig.data)


def _geo_assets(resolutions: set[int] | frozenset[int] = frozenset({110})) -> str:
    """plotly's geo charts read world shapes from here before asking its CDN: each
    resolution the maps draw (the 1:50m shapes add about 1 MB)."""
    shapes = [
        # "<\\/" for "</": a shape's text cannot end the <script>
        f'"world_{r}m": ' + (SHAPES / f"world_{r}m.json").read_text(encoding="utf-8").replace("</", "<\\/")
        for r in sorted(resolutions | {110})
    ]
    return "window.PlotlyGeoAssets = {topojson: {" + ", ".join(shapes) + "}};"


def _item_rows(view: View, t: Labels) -> list[tuple[str, str, str, str]]:
    """Date, title, places and topics of each item, newest first, as plain text."""
    events = view.events.sort_values("date", ascending=False)
    days = [t.date(day.date()) if pd.notna(day) else "—" for day in events["date"]]
    return [
        (day, str(title), ", ".join(places), ", ".join(map(t.category, topics)))
        for day, title, places, topics in zip(
            days, events["title"], events["municipalities"], events["topics"], strict=True
        )
    ]
