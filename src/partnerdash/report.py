"""A single self-contained HTML summary of the current view, to mail to a funder.

plotly.js and the map's world shapes are embedded, so the file opens offline and asks
no other host for anything. All news text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from partnerdash import settings
from partnerdash.filters import Kpis, View
from partnerdash.i18n import Labels

WORLD = settings.PROJECT_ROOT / "static" / "topojson" / "world_110m.json"
_STYLE = """
body { font-family: "Source Sans Pro", Helvetica, Arial, sans-serif; color: #1F2933; margin: 2rem auto;
       max-width: 1100px; padding: 0 1rem; }
h1 { margin-bottom: 0.2rem; } .caption { color: #52606D; margin-top: 0; }
.kpis { display: flex; gap: 1rem; margin: 1.5rem 0; }
.kpi { flex: 1; background: #F3F5F7; border-radius: 8px; padding: 1rem; }
.kpi b { display: block; font-size: 2rem; color: #0072B2; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
td, th { border-bottom: 1px solid #E4E7EB; padding: 0.4rem; text-align: left; vertical-align: top; }
"""


def summary_html(
    view: View, kpis: Kpis, t: Labels, caption: str, figures: Sequence[tuple[str, go.Figure]]
) -> str:
    """The report as one HTML document (figures already titled)."""
    charts = "\n".join(
        f"<section><h2>{html.escape(title)}</h2>"
        f"{fig.to_html(full_html=False, include_plotlyjs=False, config={'displaylogo': False})}</section>"
        for title, fig in figures
    )
    tiles = "".join(
        f'<div class="kpi"><b>{t.number(value)}</b>{html.escape(t(name))}</div>'
        for name, value in (
            ("items", kpis.items),
            ("municipalities", kpis.municipalities),
            ("countries", kpis.countries),
            ("partnerships", kpis.partnerships),
        )
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{t.lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(t('app_title'))}</title><style>{_STYLE}</style>"
        f"<script>{_geo_assets()}</script><script>{get_plotlyjs()}</script></head><body>"
        f'<h1>{html.escape(t("app_title"))}</h1><p class="caption">{html.escape(caption)}</p>'
        f'<div class="kpis">{tiles}</div>{charts}'
        f"<h2>{html.escape(t('latest_items'))}</h2>{_items_table(view, t)}</body></html>"
    )


def _geo_assets() -> str:
    """plotly's geo charts read world shapes from here before asking its CDN."""
    world = WORLD.read_text(encoding="utf-8").replace("</", "<\\/")  # cannot end the <script>
    return 'window.PlotlyGeoAssets = {topojson: {"world_110m": ' + world + "}};"


def _items_table(view: View, t: Labels) -> str:
    events = view.events.sort_values("date", ascending=False)
    days = [t.date(day.date()) if pd.notna(day) else "—" for day in events["date"]]
    rows = [
        f"<tr><td>{html.escape(day)}</td><td>{html.escape(str(title))}</td>"
        f"<td>{html.escape(', '.join(places))}</td>"
        f"<td>{html.escape(', '.join(map(t.category, topics)))}</td></tr>"
        for day, title, places, topics in zip(
            days, events["title"], events["municipalities"], events["topics"], strict=True
        )
    ]
    head = "".join(f"<th>{html.escape(t(k))}</th>" for k in ("date", "title", "places", "topics"))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
