"""The HTML summary: self-contained, offline, and news text escaped."""

from __future__ import annotations

from html import escape
from importlib import resources
from pathlib import Path

from partnerdash.charts.map import partnership_map
from partnerdash.filters import Filters, apply, kpis
from partnerdash.i18n import Labels
from partnerdash.load import Document
from partnerdash.pipeline import build
from partnerdash.report import summary_html

HOSTILE = (
    "<img src=x onerror=alert(1)>\n\n"
    "Bonn, 3 May 2023. <script>alert('x')</script> The partnership between Munich and Harare grows.\n"
)


def report_for(data: bytes, name: str = "hostile.txt", caption: str = "caption", title: str = "Map") -> str:
    dataset = build([Document(name, data)])
    view = apply(dataset, Filters())
    figures = [(title, partnership_map(view.places, view.partnerships))]
    return summary_html(view, kpis(view), Labels("en"), caption, figures)


def test_the_report_embeds_plotly_and_the_world_shapes() -> None:
    html = report_for(Path("data/sample/skew-news-archive-2023-en.txt").read_bytes())
    assert "window.PlotlyGeoAssets" in html
    assert '"world_110m"' in html
    assert "<script src=" not in html  # nothing is loaded from elsewhere
    assert "Leipzig-Kyiv: a dynamic partnership in troubled times" in html


def test_news_text_is_escaped_in_the_report() -> None:
    html = report_for(HOSTILE.encode())
    assert "<img src=x onerror" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_every_field_of_the_hostile_fixture_is_escaped_in_the_report() -> None:
    hostile = Path(__file__).parent / "fixtures" / "hostile" / "news.jsonl"
    html = report_for(hostile.read_bytes(), hostile.name)
    for title in build([Document(hostile.name, hostile.read_bytes())]).events["title"]:
        assert escape(title) in html
    for payload in ("<script>window.__pwned", "<img src=x onerror", "<svg onload", '<a href="javascript'):
        assert payload not in html


def test_the_caption_and_chart_titles_are_escaped_too() -> None:
    html = report_for(HOSTILE.encode(), caption="<b onmouseover=x>'all'</b>", title='<svg onload="x">')
    assert "<b onmouseover" not in html
    assert "<svg onload" not in html
    assert escape("<b onmouseover=x>'all'</b>") in html
    assert escape('<svg onload="x">') in html


def test_the_template_ships_inside_the_package() -> None:
    # Read through importlib (jinja2.PackageLoader), so an installed wheel finds it too.
    assert resources.files("partnerdash").joinpath("templates", "summary.html").is_file()


def test_a_close_map_brings_the_finer_world_shapes_and_its_frames_wait_for_play() -> None:
    dataset = build([Document("seed.txt", Path("data/sample/skew-news-archive-2023-en.txt").read_bytes())])
    view = apply(dataset, Filters())
    fig = partnership_map(view.places, view.partnerships, events=view.events, view="europe")
    html = summary_html(view, kpis(view), Labels("en"), "caption", [("Map", fig)])
    assert '"world_110m"' in html
    assert '"world_50m"' in html  # Europe is drawn with the 1:50m shapes
    assert "Plotly.addFrames" in html  # a frame per quarter, and the slider over them
    assert "Plotly.animate(" not in html  # nothing plays until Play is pressed


def test_a_world_map_brings_only_the_world_shapes() -> None:
    html = report_for(Path("data/sample/skew-news-archive-2023-en.txt").read_bytes())
    assert '"world_50m"' not in html
