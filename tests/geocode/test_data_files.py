"""The curated data files are well-formed and agree with GeoNames."""

from __future__ import annotations

import csv

import pytest

from partnerdash.geocode.gazetteer import Gazetteer
from partnerdash.geocode.gazetteer.sources import read_regions

from .conftest import DATA

# Each state's capital, whose GeoNames admin1 code must be the state's code.
STATE_CAPITALS = {
    "01": "Stuttgart",
    "02": "Munich",
    "03": "Bremen",
    "04": "Hamburg",
    "05": "Wiesbaden",
    "06": "Hannover",
    "07": "Düsseldorf",
    "08": "Mainz",
    "09": "Saarbrücken",
    "10": "Kiel",
    "11": "Potsdam",
    "12": "Schwerin",
    "13": "Dresden",
    "14": "Magdeburg",
    "15": "Erfurt",
    "16": "Berlin",
}


def test_regions_rows_are_complete() -> None:
    rows = read_regions(DATA / "regions.csv")
    assert rows
    for row in rows:
        assert row["name"]
        assert row["names"]
        assert len(row["country"]) == 2
        assert row["level"] in {"admin1", "area"}
        assert -90 <= float(row["lat"]) <= 90
        assert -180 <= float(row["lon"]) <= 180
        if row["level"] == "admin1":
            assert row["admin1"]


STATES = {
    r["admin1"]: r
    for r in read_regions(DATA / "regions.csv")
    if r["country"] == "DE" and r["level"] == "admin1"
}


def test_all_sixteen_federal_states() -> None:
    assert sorted(STATES) == sorted(STATE_CAPITALS)


@pytest.mark.parametrize(("admin1", "capital"), sorted(STATE_CAPITALS.items()))
def test_state_codes_match_geonames(gazetteer: Gazetteer, admin1: str, capital: str) -> None:
    town = next(p for p in gazetteer.find(capital) if p.country == "DE" and p.kind == "municipality")
    assert town.admin1 == admin1
    # The state's centre lies within ~250 km of its capital: a swapped row would not.
    state = next(p for p in gazetteer.find(STATES[admin1]["names"].split("|")[0]) if p.kind == "region")
    assert state.admin1 == admin1
    assert abs(state.lat - town.lat) < 2.3
    assert abs(state.lon - town.lon) < 3.5


def test_country_aliases_name_known_countries(gazetteer: Gazetteer) -> None:
    with (DATA / "country_aliases.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            assert gazetteer.country(row["country"]) is not None, row
            assert any(
                p.kind == "country" and p.country == row["country"] for p in gazetteer.find(row["name"])
            )
