"""GeoJSON out: an RFC 7946 FeatureCollection that GIS tools open as it is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from shapely.geometry import shape

from partnerdash import geojson, schema
from partnerdash.cli import main
from partnerdash.load import Document
from partnerdash.model import Dataset
from partnerdash.pipeline import build, build_paths


@pytest.fixture(scope="module")
def seed_collection(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    seed = Path(__file__).resolve().parents[1] / "data" / "sample"
    out = tmp_path_factory.mktemp("geojson") / "seed.geojson"
    assert main(["extract", str(seed), "--format", "geojson", "-o", str(out)]) == 0
    collection: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return collection


def positions(geometry: dict[str, Any]) -> list[list[float]]:
    coordinates = geometry["coordinates"]
    if geometry["type"] == "Point":
        return [coordinates]
    if geometry["type"] == "LineString":
        return list(coordinates)
    return [p for part in coordinates for p in part]


def assert_rfc7946(collection: dict[str, Any]) -> None:
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection  # RFC 7946, 4: WGS 84 only, no crs member
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert set(feature) == {"type", "geometry", "properties"}
        assert shape(feature["geometry"]).is_valid
        for lon, lat in positions(feature["geometry"]):
            assert -180 <= lon <= 180
            assert -90 <= lat <= 90
            assert round(lon, 5) == lon
            assert round(lat, 5) == lat


def lines(collection: dict[str, Any]) -> set[tuple[str, str]]:
    return {
        (f["properties"]["a_name"], f["properties"]["b_name"])
        for f in collection["features"]
        if f["geometry"]["type"] in ("LineString", "MultiLineString")
    }


def test_the_seed_is_a_valid_feature_collection_in_lon_lat_order(seed_collection: dict[str, Any]) -> None:
    assert_rfc7946(seed_collection)
    leipzig = next(f for f in seed_collection["features"] if f["properties"].get("canonical") == "Leipzig")
    lon, lat = leipzig["geometry"]["coordinates"]
    assert (round(lon), round(lat)) == (12, 51)  # east 12°, north 51°: longitude first
    assert leipzig["properties"]["items"] >= 2
    assert leipzig["properties"]["federal_state"] == "Saxony"


def test_the_seed_pairs_are_lines_with_their_registry_status(seed_collection: dict[str, Any]) -> None:
    assert {("Leipzig", "Kyiv"), ("Hildesheim", "Padang"), ("Munich", "Harare")} <= lines(seed_collection)
    kyiv = next(f for f in seed_collection["features"] if f["properties"].get("b_name") == "Kyiv")
    assert kyiv["properties"]["in_registry"] is True
    assert kyiv["properties"]["status"] == "active"
    assert kyiv["properties"]["first_date"] <= kyiv["properties"]["last_date"]


def test_a_side_without_coordinates_gives_no_line_and_is_counted() -> None:
    text = "A visit\n\nBonn, 3 May 2023. The partner communities of Qwertzhausen and Opfenbach met.\n"
    data = build([Document("visit.txt", text.encode())])
    collection = geojson.feature_collection(data.events, data.places, data.partnerships)
    assert len(data.partnerships) == 1  # the pair is read, one side unresolved
    assert lines(collection) == set()
    assert collection["partnerdash"]["pairs_without_coordinates_left_out"] == 1
    assert collection["partnerdash"]["unresolved_places_left_out"] == 1
    names = {f["properties"]["canonical"] for f in collection["features"]}
    assert "Qwertzhausen" not in names
    assert "Bonn" not in names  # the publisher's seat is not activity


@pytest.mark.parametrize(
    ("a", "b"),
    [([178.44, -18.14], [-171.76, -13.83]), ([-171.76, -13.83], [178.44, -18.14])],
    ids=["eastward", "westward"],
)
def test_a_line_across_the_antimeridian_is_cut_there(a: list[float], b: list[float]) -> None:
    geometry = geojson.line(a, b)
    assert geometry["type"] == "MultiLineString"
    first, second = geometry["coordinates"]
    assert first[0] == a
    assert second[-1] == b
    assert abs(first[-1][0]) == abs(second[0][0]) == 180
    assert first[-1][1] == second[0][1]
    assert -18.14 < first[-1][1] < -13.83
    assert shape(geometry).is_valid


def test_a_line_within_one_hemisphere_is_one_segment() -> None:
    assert geojson.line([7.1, 50.7], [30.5, 50.5]) == {
        "type": "LineString",
        "coordinates": [[7.1, 50.7], [30.5, 50.5]],
    }


HOSTILE = 'Evil"}],"type":"x</script><script>alert(1)</script>\n\u2028'


def hostile_dataset() -> Dataset:
    place = {
        "event_id": "e1",
        "name": HOSTILE,
        "canonical": HOSTILE,
        "kind": "municipality",
        "country": "DE",
        "region": "Germany",
        "lat": 50.0,
        "lon": 7.0,
        "confidence": 0.9,
        "uncertain": False,
        "dateline": False,
    }
    pair = {"event_id": "e1", "a_name": HOSTILE, "a_lat": 50.0, "a_lon": 7.0, "b_name": "Kyiv"}
    return Dataset(
        events=schema.conform(
            pd.DataFrame([{"event_id": "e1", "date": pd.Timestamp("2023-05-03")}]), schema.EVENTS
        ),
        places=schema.conform(pd.DataFrame([place]), schema.PLACES),
        partnerships=schema.conform(
            pd.DataFrame([{**pair, "b_lat": 50.45, "b_lon": 30.52}]), schema.PARTNERSHIPS
        ),
    )


def test_hostile_names_are_json_strings_and_nothing_else() -> None:
    data = hostile_dataset()
    text = geojson.dumps(geojson.feature_collection(data.events, data.places, data.partnerships))
    assert HOSTILE not in text  # never raw: the quote and the newline are escaped
    parsed = json.loads(text)
    point, pair = parsed["features"]
    assert point["properties"]["name"] == point["properties"]["canonical"] == HOSTILE
    assert pair["properties"]["a_name"] == HOSTILE
    assert parsed["type"] == "FeatureCollection"
    assert len(parsed["features"]) == 2  # nothing injected


def test_layer_writes_only_points_or_only_lines(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parents[1] / "data" / "sample"
    kinds = {}
    for layer in geojson.LAYERS:
        out = tmp_path / f"{layer}.geojson"
        assert main(["extract", str(seed), "--format", "geojson", "--layer", layer, "-o", str(out)]) == 0
        collection = json.loads(out.read_text(encoding="utf-8"))
        assert_rfc7946(collection)
        kinds[layer] = {f["geometry"]["type"] for f in collection["features"]}
    assert kinds["places"] == {"Point"}
    assert kinds["partnerships"] <= {"LineString", "MultiLineString"}


def test_a_filtered_view_exports_only_its_rows() -> None:
    seed = Path(__file__).resolve().parents[1] / "data" / "sample"
    data = build_paths([seed])
    kept = data.events["title"].str.contains("Leipzig")
    events = data.events[kept]
    places = data.places[data.places["event_id"].isin(events["event_id"])]
    pairs = data.partnerships[data.partnerships["event_id"].isin(events["event_id"])]
    collection = geojson.feature_collection(events, places, pairs)
    assert lines(collection) == {("Leipzig", "Kyiv")}
