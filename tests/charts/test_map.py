"""The map's figure: views (presets and fitted to the data), symbols, frames per period."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from partnerdash.charts import frames
from partnerdash.charts.map import (
    ASPECT,
    CLOSE_LAT_SPAN,
    HOME_SYMBOL,
    MAX_FRAME_BUBBLES,
    MAX_FRAMES_BUBBLES,
    MIN_LAT_SPAN,
    MIN_LON_SPAN,
    PRESENTER_ASPECT,
    REGION_SYMBOLS,
    SYMBOL_NUMBERS,
    GeoView,
    OverTime,
    PresetError,
    box_aspect,
    frame_cap,
    frame_period,
    map_figure,
    over_time,
    partnership_map,
    period_key,
    period_name,
    presets,
    read_presets,
    view_for,
    widened,
)
from partnerdash.charts.theme import MAP_WIDTH, REGION_COLOURS, finish
from partnerdash.i18n import Labels

# (event, date, place, country, region, federal state, lat, lon)
ROWS = [
    ("a", "2019-03-01", "Leipzig", "DE", "Germany", "Saxony", 51.34, 12.37),
    ("a", "2019-03-01", "Kyiv", "UA", "Eastern Europe", None, 50.45, 30.52),
    ("b", "2019-07-01", "Leipzig", "DE", "Germany", "Saxony", 51.34, 12.37),
    ("c", "2021-05-01", "Hildesheim", "DE", "Germany", "Lower Saxony", 52.15, 9.95),
    ("c", "2021-05-01", "Padang", "ID", "Asia", None, -0.95, 100.35),
    ("d", "2023-11-11", "Munich", "DE", "Germany", "Bavaria", 48.14, 11.58),
    ("d", "2023-11-11", "Harare", "ZW", "Sub-Saharan Africa", None, -17.83, 31.05),
    ("e", "2023-12-01", "Al Mohammara", "LB", "Middle East & North Africa", None, 34.5, 36.0),
]


def tables(rows: list[tuple[object, ...]] = ROWS) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Places, events and (no) partnerships, shaped as the pipeline writes them."""
    columns = ["event_id", "date", "canonical", "country", "region", "federal_state", "lat", "lon"]
    table = pd.DataFrame(rows, columns=columns)
    places = table.drop(columns="date").assign(kind="municipality", dateline=False)
    events = (
        table[["event_id", "date"]]
        .drop_duplicates("event_id")
        .assign(date=lambda t: pd.to_datetime(t["date"]))
    )
    partnerships = pd.DataFrame(
        columns=["event_id", "a_name", "b_name", "a_lat", "a_lon", "b_lat", "b_lon", "b_region"]
    )
    return places, events, partnerships


def bubbles(fig: go.Figure) -> go.Scattergeo:
    """The trace drawing the places shown (the others: lines, key entries, hidden places)."""
    return next(
        trace
        for trace in fig.data
        if trace.mode == "markers"
        and trace.visible is not False
        and trace.customdata is not None
        and len(trace.customdata)
    )


# ---------------------------------------------------------------- presets


def test_the_presets_file_has_the_region_views_and_fits_the_data_first() -> None:
    views = presets()
    assert next(iter(views)) == "data"
    assert views["data"].box is None  # fitted to the places shown
    for name in ("world", "europe", "africa", "asia", "latin_america", "germany"):
        assert views[name].box is not None, name
    assert views["europe"].resolution == views["germany"].resolution == 50
    assert views["world"].resolution == 110


def test_the_presets_ship_in_the_data_folder() -> None:
    from partnerdash import settings

    assert settings.resource("map_presets.toml").is_file()


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("[x]\nlon = [10, 0]\nlat = [0, 10]\n", "lon must be"),
        ("[x]\nlon = [0, 10]\n", "both lon and lat"),
        ("[x]\nprojection = 'orthographic'\n", "projection"),
        ("[x]\nresolution = 10\n", "resolution"),
        ("[x]\nzoom = 3\n", "unknown keys zoom"),
        ("[x]\nlon = [0, 10]\nlat = [-95, 10]\n", "lat must be"),
        ("", "no views"),
    ],
)
def test_a_malformed_preset_is_refused_naming_the_file_and_view(tmp_path: Path, text: str, why: str) -> None:
    path = tmp_path / "presets.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PresetError, match=why) as error:
        read_presets(path)
    assert "presets.toml" in str(error.value)


# ---------------------------------------------------------------- views


def test_the_box_aspect_is_that_of_the_projections() -> None:
    # Natural Earth's world is 1.92 times as wide as high; plate carrée's twice.
    assert box_aspect("natural earth", (-180, 180), (-90, 90)) == pytest.approx(1.923, abs=0.005)
    assert box_aspect("equirectangular", (-180, 180), (-90, 90)) == pytest.approx(2.0, abs=0.01)
    # A narrow box: the edges' great circles hardly bulge; Mercator stretches by 1/cos(lat).
    assert box_aspect("mercator", (5, 15), (50, 52)) == pytest.approx(
        10 / 2 * np.cos(np.radians(51)), rel=0.02
    )


@pytest.mark.parametrize("aspect", [ASPECT, PRESENTER_ASPECT])
@pytest.mark.parametrize("name", ["world", "europe", "africa", "asia", "latin_america", "germany"])
def test_each_preset_fills_the_charts_shape_and_shows_at_least_its_box(name: str, aspect: float) -> None:
    preset = presets()[name]
    assert preset.box is not None
    view = view_for(name, np.array([]), np.array([]), aspect)
    (west, east), (south, north) = preset.box
    assert view.lon[0] <= west
    assert view.lon[1] >= east
    assert view.lat[0] <= south
    assert view.lat[1] >= north
    assert view.projection == preset.projection
    assert view.resolution == preset.resolution
    if name != "world":  # the whole globe is at most 1.9 to 2.2 times as wide as high
        assert view.aspect == pytest.approx(aspect, rel=0.01)


def test_the_europe_view_is_centred_on_europe() -> None:
    view = view_for("europe", np.array([]), np.array([]), ASPECT)
    lon, lat = view.centre
    assert 5 < lon < 25
    assert 45 < lat < 55
    assert view.close
    geo = GeoView(view.lon, view.lat, view.projection, view.resolution).geo()
    assert geo["fitbounds"] is False
    assert geo["projection"]["rotation"]["lon"] == pytest.approx(lon)
    assert geo["lonaxis"]["range"] == list(view.lon)


def test_widening_a_tall_box_adds_longitude_about_its_middle() -> None:
    view = widened(GeoView((0.0, 10.0), (40.0, 60.0), "mercator"), 2.0)
    assert view.lat == (40.0, 60.0)
    assert view.aspect == pytest.approx(2.0, rel=0.001)
    assert (view.lon[0] + view.lon[1]) / 2 == pytest.approx(5.0)


def test_widening_a_wide_box_adds_latitude_within_the_globe() -> None:
    view = widened(GeoView((-100.0, 100.0), (70.0, 89.0)), 1.6)
    assert view.lon == (-100.0, 100.0)
    assert -90 <= view.lat[0] < 70
    assert view.lat[1] <= 90
    assert view.aspect == pytest.approx(1.6, rel=0.001)


def test_a_single_place_opens_on_its_region_not_its_streets() -> None:
    view = view_for("data", np.array([51.34]), np.array([12.37]), ASPECT)
    assert view.lon[1] - view.lon[0] >= MIN_LON_SPAN
    assert view.lat[1] - view.lat[0] >= MIN_LAT_SPAN
    assert view.lat[0] < 51.34 < view.lat[1]
    assert view.lon[0] < 12.37 < view.lon[1]
    assert view.resolution == 50
    assert view.projection == "mercator"


def test_places_far_apart_open_on_all_of_them_with_a_margin() -> None:
    lats, lons = np.array([51.34, -17.83, -0.95]), np.array([12.37, 31.05, 100.35])
    view = view_for("data", lats, lons, ASPECT)
    assert view.lat[0] < -17.83 - 1
    assert view.lat[1] > 51.34 + 1
    assert view.lon[0] < 12.37 - 1
    assert view.lon[1] > 100.35 + 1
    assert view.resolution == 110
    assert not view.close
    assert view.aspect == pytest.approx(ASPECT, rel=0.01)


def test_places_across_the_pacific_take_the_short_way_round() -> None:
    view = view_for("data", np.array([35.7, -36.8]), np.array([139.7, -174.8]), ASPECT)  # Tokyo, Auckland
    assert view.lon[1] - view.lon[0] < 200  # not the whole world, centred on the Pacific
    assert abs(view.centre[0]) > 150
    assert view.lon[0] < 139.7
    assert view.lon[1] > 185.2


def test_no_places_open_on_the_world() -> None:
    world = view_for("world", np.array([]), np.array([]), ASPECT)
    assert view_for("data", np.array([]), np.array([]), ASPECT) == world


def test_the_map_fits_the_news_not_the_registrys_faint_network() -> None:
    places, _, partnerships = tables(ROWS[:3])  # Leipzig and Kyiv only
    base = pd.DataFrame(
        {
            "a_lat": [51.34, 51.34],
            "a_lon": [12.37, 12.37],
            "b_lat": [40.71, -33.9],
            "b_lon": [-74.0, 151.2],  # New York, Sydney: known, but no news
            "news_items": [0, 0],
            "status": ["no_news", "no_news"],
            "last_activity": pd.NaT,
        }
    )
    fig = partnership_map(places, partnerships, network=(base, base.iloc[0:0]))
    west, east = fig.layout.geo.lonaxis.range
    assert west > -20
    assert east < 60
    assert fig.layout.geo.resolution == 50


# ---------------------------------------------------------------- places


def test_every_world_region_has_its_own_symbol_and_german_places_are_diamonds() -> None:
    symbols = [REGION_SYMBOLS[name] for name in REGION_SYMBOLS if name != "Germany"]
    assert len(set(symbols)) == len(symbols)
    assert HOME_SYMBOL not in symbols
    assert set(REGION_COLOURS) - {"No place named"} <= set(REGION_SYMBOLS)


def test_the_symbol_numbers_are_plotlys() -> None:
    from plotly.validator_cache import ValidatorCache

    values = ValidatorCache.get_validator("scattergeo.marker", "symbol").values
    numbers = {values[i + 2]: values[i] for i in range(0, len(values), 3)}
    assert {name: numbers[name] for name in SYMBOL_NUMBERS} == SYMBOL_NUMBERS


def decoded(values: object) -> list[int]:
    if isinstance(values, dict):  # plotly's typed array
        import base64

        return list(np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]))
    return list(values)  # type: ignore[call-overload]


def test_places_are_drawn_in_their_groups_colour_and_symbol_with_a_key_entry_each() -> None:
    places, _, partnerships = tables()
    fig = partnership_map(places, partnerships)
    trace = bubbles(fig)
    names = list(trace.customdata)
    symbols = decoded(trace.marker.symbol)
    by_name = dict(zip(names, symbols, strict=True))
    assert by_name["Kyiv"] == SYMBOL_NUMBERS[REGION_SYMBOLS["Eastern Europe"]]
    assert by_name["Padang"] == SYMBOL_NUMBERS[REGION_SYMBOLS["Asia"]]
    assert by_name["Leipzig"] == by_name["Munich"] == SYMBOL_NUMBERS[HOME_SYMBOL]
    key = {t.name: (t.marker.color, t.marker.symbol) for t in fig.data if t.legend == "legend2"}
    assert key["Eastern Europe"] == (REGION_COLOURS["Eastern Europe"], REGION_SYMBOLS["Eastern Europe"])
    assert key["Asia"] == (REGION_COLOURS["Asia"], "star")
    assert {"Saxony", "Lower Saxony", "Bavaria"} <= set(key)
    assert len({key[s][0] for s in ("Saxony", "Lower Saxony", "Bavaria")}) == 3
    assert "Kyiv (UA) · Eastern Europe: 1" in list(trace.text)


def test_on_a_projector_the_key_names_german_places_once() -> None:
    places, _, partnerships = tables()
    fig = map_figure(frames.place_activity(places), partnerships, Labels("de").category, presenter=True)
    key = [t.name for t in fig.data if t.legend == "legend2"]
    assert "Deutsche Kommunen" in key
    assert "Saxony" not in key
    assert "Sachsen" not in key
    assert "Osteuropa" in key


def test_bubbles_are_smaller_and_lines_bolder_in_a_close_view() -> None:
    places, _, _ = tables()
    partnerships = pd.DataFrame(
        {
            "event_id": ["a"],
            "a_name": ["Leipzig"],
            "b_name": ["Kyiv"],
            "a_lat": [51.34],
            "a_lon": [12.37],
            "b_lat": [50.45],
            "b_lon": [30.52],
            "b_region": ["Eastern Europe"],
        }
    )
    world = partnership_map(places, partnerships, view="world")
    europe = partnership_map(places, partnerships, view="europe")
    assert max(bubbles(europe).marker.size) < max(bubbles(world).marker.size)
    line = next(t for t in europe.data if t.mode == "lines")
    assert line.line.width > next(t for t in world.data if t.mode == "lines").line.width
    # the news lines are drawn over the places, so a short one is not hidden under them
    kinds = [t.mode for t in europe.data if t.legend != "legend2"]
    assert kinds.index("lines") > kinds.index("markers")


def test_the_figure_says_its_shape_and_the_summary_sizes_it_to_that() -> None:
    places, _, partnerships = tables()
    fig = partnership_map(places, partnerships, view="europe")
    assert fig.layout.meta["aspect"] == pytest.approx(ASPECT, rel=0.01)
    finish(fig, "Map", "2019 – 2023")
    margins = fig.layout.margin.t + fig.layout.margin.b
    assert fig.layout.height == round(MAP_WIDTH / fig.layout.meta["aspect"] + margins)
    assert fig.layout.margin.l == fig.layout.margin.r == 0
    assert fig.layout.geo.domain.x == (0, 1)


# ---------------------------------------------------------------- over time


def test_years_unless_the_items_span_less_than_three_years() -> None:
    assert frame_period(pd.Series(pd.to_datetime(["2023-04-11", "2023-12-15"]))) == "Q"
    assert frame_period(pd.Series(pd.to_datetime(["2019-03-01", "2023-12-01"]))) == "Y"
    assert frame_period(pd.Series([pd.NaT])) is None


def test_period_keys_and_names() -> None:
    assert period_key(pd.Timestamp("2023-07-01"), "Q") == "2023-Q3"
    assert period_key(pd.Timestamp("2023-01-01"), "Y") == "2023"
    assert period_name("2023-Q3", Labels("en").category) == "Q3 2023"
    assert period_name("all", Labels("de").category) == "Alle"
    assert period_name("2021") == "2021"


def test_a_frame_per_year_with_that_years_places() -> None:
    places, events, partnerships = tables()
    fig = partnership_map(places, partnerships, events=events)
    names = [frame.name for frame in fig.frames]
    assert names == ["2019", "2021", "2023", "all"]
    # Two traces of places: all periods' (index), one period's (index + 1); only they change.
    index = next(n for n, t in enumerate(fig.data) if t.mode == "markers")
    assert [len(fig.data[index].customdata), len(fig.data[index + 1].customdata)] == [7, 0]
    assert all(frame.traces == (index, index + 1) for frame in fig.frames)
    shown = {frame.name: sorted(frame.data[1].customdata) for frame in fig.frames[:-1]}
    assert shown["2019"] == ["Kyiv", "Leipzig"]
    assert shown["2021"] == ["Hildesheim", "Padang"]
    assert shown["2023"] == ["Al Mohammara", "Harare", "Munich"]
    assert all(frame.data[0].visible is False for frame in fig.frames[:-1])
    # The frame of all periods shows the first trace again, without carrying its places.
    every = fig.frames[-1]
    assert (every.data[0].visible, every.data[1].visible) == (True, False)
    assert every.data[0].lat is None
    leipzig = list(fig.frames[0].data[1].customdata).index("Leipzig")
    assert fig.frames[0].data[1].text[leipzig] == "Leipzig (DE) · Saxony: 2"


def test_the_period_is_written_large_and_the_slider_and_play_button_step_through_them() -> None:
    places, events, partnerships = tables()
    fig = partnership_map(places, partnerships, events=events)
    notes = {frame.name: frame.layout.annotations[0].text for frame in fig.frames}
    assert notes["2021"] == "2021"
    assert notes["all"] == "2019 – 2023"
    assert fig.frames[0].layout.annotations[0].font.size >= 36
    assert fig.layout.annotations[0].text == "2019 – 2023"
    slider = fig.layout.sliders[0]
    assert [step.args[0][0] for step in slider.steps] == ["all", "2019", "2021", "2023"]
    assert slider.active == 0
    play, pause = fig.layout.updatemenus[0].buttons
    assert play.method == "animate"
    assert list(play.args[0]) == ["2019", "2021", "2023"]
    assert list(pause.args[0]) == [None]


def test_one_period_chosen_is_drawn_with_its_step_active() -> None:
    places, events, partnerships = tables()
    over = over_time(places, events)
    assert over is not None
    fig = map_figure(frames.place_activity(places), partnerships, over=over, period="2021")
    assert sorted(bubbles(fig).customdata) == ["Hildesheim", "Padang"]
    assert fig.layout.sliders[0].active == 2
    assert fig.layout.annotations[0].text == "2021"
    # an unknown period (the filters changed) draws all of them
    fig = map_figure(frames.place_activity(places), partnerships, over=over, period="1999")
    assert len(bubbles(fig).customdata) == 7
    assert fig.layout.sliders[0].active == 0


def test_quarters_for_a_short_span_and_no_frames_for_one_period() -> None:
    rows = [
        ("a", "2023-04-11", "Leipzig", "DE", "Germany", "Saxony", 51.34, 12.37),
        ("b", "2023-11-11", "Kyiv", "UA", "Eastern Europe", None, 50.45, 30.52),
    ]
    places, events, partnerships = tables(rows)
    assert [f.name for f in partnership_map(places, partnerships, events=events).frames] == [
        "2023-Q2",
        "2023-Q4",
        "all",
    ]
    places, events, partnerships = tables(rows[:1])
    fig = partnership_map(places, partnerships, events=events)
    assert not fig.frames
    assert not fig.layout.sliders
    assert not fig.layout.updatemenus


def test_the_dashboards_count_per_period_is_the_summarys() -> None:
    from partnerdash.views.aggregates import place_activity_by_period_in

    places, events, _ = tables()
    events = events.reset_index(drop=True)
    position = {event: n for n, event in enumerate(events["event_id"])}
    index = frames.Places.of(places, places["event_id"].map(position).to_numpy(np.intp))
    keys = ["period", "canonical", "items"]
    for keep in (None, np.array([True, False, True, True, False])):
        fast = place_activity_by_period_in(index, keep, events["date"], "Y")
        kept = events if keep is None else events[keep]
        slow = over_time(places[places["event_id"].isin(kept["event_id"])], kept)
        assert slow is not None
        assert (
            fast[keys].sort_values(keys).values.tolist() == slow.table[keys].sort_values(keys).values.tolist()
        )


def test_frames_stay_light_for_a_large_archive() -> None:
    """Ten years, 5,000 places: the frames hold at most MAX_FRAMES_BUBBLES places in all."""
    rng = np.random.default_rng(7)
    n = 5000
    table = pd.DataFrame(
        {
            "canonical": [f"Place {i}" for i in range(n)],
            "country": rng.choice(["DE", "FR", "PL", "TZ", "CN", "BR"], n),
            "region": rng.choice(list(REGION_SYMBOLS), n),
            "federal_state": rng.choice(["Bavaria", "Saxony", "Hesse", None], n),
            "lat": rng.uniform(-40, 65, n),
            "lon": rng.uniform(-80, 140, n),
            "items": rng.integers(1, 200, n),
        }
    ).sort_values("items", ascending=False, ignore_index=True)
    years = pd.to_datetime([f"{y}-01-01" for y in range(2015, 2025)])
    periods = pd.concat([table.assign(period=year) for year in years], ignore_index=True)
    rank = periods.groupby("period").cumcount()
    over = OverTime("Y", periods[rank < frame_cap(len(years))][["period", *table.columns]])
    partnerships = pd.DataFrame(
        columns=["event_id", "a_name", "b_name", "a_lat", "a_lon", "b_lat", "b_lon", "b_region"]
    )
    fig = map_figure(table, partnerships, over=over)
    per_frame = [len(frame.data[1].lat) for frame in fig.frames if frame.name != "all"]
    assert max(per_frame) <= MAX_FRAME_BUBBLES
    assert sum(per_frame) <= MAX_FRAMES_BUBBLES
    size = len(fig.to_json())
    assert size < 1_200_000, f"{size:,} bytes"


def test_the_figure_serialises_with_the_symbols_as_a_typed_array() -> None:
    places, events, partnerships = tables()
    spec = json.loads(partnership_map(places, partnerships, events=events).to_json())
    marker = next(t for t in spec["data"] if t.get("customdata"))["marker"]
    assert marker["symbol"]["dtype"] == "i1"
    assert spec["layout"]["geo"]["fitbounds"] is False
    assert CLOSE_LAT_SPAN > 0
