"""Render a `partnerdash extract --format geojson` file with geopandas and matplotlib.

The README's picture of the export opened in a GIS library: GDAL (through geopandas)
reads the file as any GIS tool would, with the world's countries from the shapes the
dashboard serves. Not part of the package or of `make test`; it needs
`pip install geopandas matplotlib`:

    partnerdash extract data/sample tests/fixtures/news --format geojson -o /tmp/news.geojson
    python docs/render_geojson.py /tmp/news.geojson docs/screenshots/geojson-geopandas.png
"""

from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd
import matplotlib.pyplot as plt

ROOT = Path(__file__).resolve().parents[1]
WORLD = ROOT / "static" / "topojson" / "world_50m.json"
# Okabe–Ito: distinguishable in every common form of colour blindness.
STATUS_COLOURS = {"active": "#0072B2", "quiet": "#56B4E9", "no_news": "#999999", "unregistered": "#E69F00"}


def main(source: str, target: str) -> None:
    features = gpd.read_file(source)
    world = gpd.read_file(WORLD, layer="countries").explode(index_parts=False)
    # Parts that wrap round the antimeridian would draw as bands across the whole map.
    bounds = world.bounds
    world = world[(bounds["maxx"] - bounds["minx"]) < 180]
    points = features[features.geom_type == "Point"]
    lines = features[features.geom_type != "Point"]
    figure, axis = plt.subplots(figsize=(14, 7.5), dpi=120)
    world.plot(ax=axis, color="#eeeeee", edgecolor="#bbbbbb", linewidth=0.4)
    for status, group in lines.groupby(lines["status"].fillna("unregistered")):
        style = "--" if status == "unregistered" else "-"
        group.plot(
            ax=axis,
            color=STATUS_COLOURS.get(status, "#333333"),
            linewidth=1.6,
            linestyle=style,
            label=f"partnership: {status.replace('_', ' ')} ({len(group)})",
        )
    towns = points[points["kind"] == "municipality"]
    towns.plot(
        ax=axis,
        color="#D55E00",
        markersize=towns["items"] * 14,
        alpha=0.8,
        edgecolor="white",
        linewidth=0.5,
        label=f"municipality ({len(towns)}; size: items)",
    )
    axis.set_xlim(-110, 135)
    axis.set_ylim(-56, 68)
    axis.set_axis_off()
    axis.legend(loc="lower left", fontsize=11, frameon=True)
    axis.set_title(f"{Path(source).name} read by GDAL (geopandas {gpd.__version__})", fontsize=14)
    figure.tight_layout()
    figure.savefig(target)


if __name__ == "__main__":
    main(*sys.argv[1:3])
