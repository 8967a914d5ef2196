"""The registry's towns as places the gazetteer lacks: spellings, one place per town, the file."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from partnerdash.geocode import supplement
from partnerdash.geocode.gazetteer.places import Place
from partnerdash.geocode.offline import OfflineGeocoder
from partnerdash.geocode.supplement import (
    names_for,
    registry_names,
    registry_places,
    spelling_variants,
    supplement_for,
)
from partnerdash.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
WIKIDATA = ROOT.parent / "shared" / "data" / "sistercities_germany_wikidata_2017.tsv"


def rows(*sides: tuple[str, str, float | None, float | None]) -> pd.DataFrame:
    """A registry frame as load_registry gives it, pairing the sides two by two."""
    records = []
    for a, b in zip(sides[::2], sides[1::2], strict=True):
        record = {}
        for prefix, (label, country, lat, lon) in (("a", a), ("b", b)):
            record |= {f"{prefix}_label": label, f"{prefix}_country": country}
            record |= {f"{prefix}_lat": lat, f"{prefix}_lon": lon}
        records.append(record)
    return pd.DataFrame.from_records(records).astype(
        dict.fromkeys(("a_lat", "a_lon", "b_lat", "b_lon"), "float64")
    )


def names(places: list[Place]) -> list[str]:
    return [place.name for place in places]


# --------------------------------------------------------------------------- spellings


@pytest.mark.parametrize(
    ("label", "country", "full", "short"),
    [
        # A river or region after a linking word: written or left out.
        ("Hofheim am Taunus", "DE", {"hofheim am taunus", "hofheim a taunus"}, {"hofheim"}),
        ("Marburg an der Lahn", "DE", {"marburg an der lahn", "marburg a d lahn"}, {"marburg"}),
        (
            "Rothenburg ob der Tauber",
            "DE",
            {"rothenburg ob der tauber", "rothenburg o d tauber"},
            {"rothenburg"},
        ),
        (
            "Neumarkt in der Oberpfalz",
            "DE",
            {"neumarkt in der oberpfalz", "neumarkt i d oberpfalz"},
            {"neumarkt"},
        ),
        ("Altdorf bei Nürnberg", "DE", {"altdorf bei nurnberg", "altdorf b nurnberg"}, {"altdorf"}),
        ("Königstein im Taunus", "DE", {"konigstein im taunus", "konigstein i taunus"}, {"konigstein"}),
        # The abbreviations, with or without a space, are spelled out again.
        (
            "Neustadt a. d. Weinstraße",
            "DE",
            {"neustadt a d weinstrasse", "neustadt an der weinstrasse"},
            {"neustadt"},
        ),
        (
            "Neustadt a.d. Weinstraße",
            "DE",
            {"neustadt a d weinstrasse", "neustadt an der weinstrasse"},
            {"neustadt"},
        ),
        # Spas with and without "Bad", also together with a suffix.
        ("Bad Kissingen", "DE", {"bad kissingen"}, {"kissingen"}),
        (
            "Bad Homburg vor der Höhe",
            "DE",
            {"bad homburg vor der hohe", "bad homburg v d hohe"},
            {"bad homburg", "homburg vor der hohe", "homburg v d hohe", "homburg"},
        ),
        # A bracketed or slashed river: both forms are the full name, the bare name is short.
        ("Heringen (Werra)", "DE", {"heringen (werra)", "heringen/werra"}, {"heringen"}),
        ("Taufkirchen (Vils)", "DE", {"taufkirchen (vils)", "taufkirchen/vils"}, {"taufkirchen"}),
        ("Allendorf/Lumda", "DE", {"allendorf/lumda", "allendorf (lumda)"}, {"allendorf"}),
        # Abroad a bracket holds another name of the town: the older German one.
        (
            "Częstochowa (Tschenstochau)",
            "PL",
            {"czestochowa", "czestochowa (tschenstochau)", "czestochowa/tschenstochau"},
            {"tschenstochau"},
        ),
        # An encyclopaedia's disambiguation after a comma.
        ("Essen, Lower Saxony", "DE", {"essen, lower saxony"}, {"essen"}),
        # German names in South Tyrol lose their suffix too.
        ("Tramin an der Weinstraße", "IT", {"tramin an der weinstrasse"}, {"tramin"}),
        # Names without anything to vary stay as they are.
        ("Kalletal", "DE", {"kalletal"}, set()),
    ],
)
def test_spelling_variants(label: str, country: str, full: set[str], short: set[str]) -> None:
    variants = spelling_variants(label, country)
    assert {key for key, shortened in variants.items() if not shortened} == full
    assert {key for key, shortened in variants.items() if shortened} == short


def test_normalize_already_unifies_saints_and_hyphens() -> None:
    # No variant is needed for these: the key itself is the same.
    assert spelling_variants("St. Ingbert", "DE") == {"st ingbert": False}
    assert normalize("Sankt Ingbert") == normalize("Saint Ingbert") == "st ingbert"
    assert spelling_variants("Floh-Seligenthal", "DE") == {"floh seligenthal": False}
    assert normalize("Floh Seligenthal") == "floh seligenthal"


def test_foreign_words_are_not_german_abbreviations() -> None:
    # Catalan "i" ("and") is not "im"; Italian "in" joins a name, not a river.
    assert spelling_variants("Vilanova i la Geltrú", "ES") == {"vilanova i la geltru": False}
    assert spelling_variants("Civitella in Val di Chiana", "IT") == {"civitella in val di chiana": False}


def test_a_bracketed_region_is_no_name_of_the_town() -> None:
    variants = spelling_variants("Saint-Denis (Réunion)", "FR", is_area=lambda key: key == "reunion")
    assert "reunion" not in variants
    assert variants["st denis"] is False


# --------------------------------------------------------------------------- places


def test_every_side_becomes_a_place_under_its_keys() -> None:
    places = registry_places(
        rows(("Kalletal", "DE", 52.12, 9.01), ("Ebsdorfergrund", "DE", 50.73, 8.82)),
    )
    (kalletal,) = places["kalletal"]
    assert kalletal == Place(0, "Kalletal", "municipality", "DE", "", 52.12, 9.01, 0)
    assert names(places["ebsdorfergrund"]) == ["Ebsdorfergrund"]


def test_one_town_in_many_rows_is_one_place() -> None:
    places = registry_places(
        rows(
            ("Lahntal", "DE", 50.87, 8.70),
            ("Floh-Seligenthal", "DE", 50.80, 10.47),
            ("Lahntal", "DE", 50.88, 8.71),  # a little apart: the same town, first point kept
            ("Floh Seligenthal", "DE", 50.80, 10.47),  # the same key, written without the hyphen
        )
    )
    assert [(p.lat, p.lon) for p in places["lahntal"]] == [(50.87, 8.70)]
    assert names(places["floh seligenthal"]) == ["Floh-Seligenthal"]


def test_two_towns_of_one_name_stay_two() -> None:
    places = registry_places(
        rows(
            ("Falkenstein", "DE", 50.48, 12.37),  # Saxony
            ("Falkenstein", "DE", 49.10, 12.49),  # Bavaria, 150 km away
            ("Melle", "DE", 52.20, 8.34),
            ("Melle", "BE", 51.00, 3.80),  # the same name in another country
        )
    )
    assert [p.lat for p in places["falkenstein"]] == [50.48, 49.10]
    assert [p.country for p in places["melle"]] == ["DE", "BE"]


def test_short_forms_only_where_they_name_one_registry_place() -> None:
    one = registry_names(rows(("Hofheim am Taunus", "DE", 50.09, 8.44), ("Kalletal", "DE", 52.12, 9.01)))
    assert names(one.short["hofheim"]) == ["Hofheim am Taunus"]
    assert "hofheim" not in one.full

    both = registry_names(
        rows(("Hofheim am Taunus", "DE", 50.09, 8.44), ("Hofheim in Unterfranken", "DE", 50.14, 10.52))
    )
    assert "hofheim" not in both.short
    assert "hofheim" not in both.full
    assert names(both.full["hofheim in unterfranken"]) == ["Hofheim in Unterfranken"]


def test_a_town_written_in_full_wins_its_name_over_shortened_forms() -> None:
    found = registry_names(
        rows(("Bad Homburg vor der Höhe", "DE", 50.23, 8.62), ("Homburg", "DE", 49.33, 7.34))
    )
    assert names(found.full["homburg"]) == ["Homburg"]
    assert "homburg" not in found.short
    assert names(found.short["bad homburg"]) == ["Bad Homburg vor der Höhe"]
    assert found.full.keys().isdisjoint(found.short.keys())


def test_sides_without_coordinates_or_country_are_skipped() -> None:
    places = registry_places(
        rows(
            ("Lahntal", "DE", None, None),
            ("Kalletal", "DE", 52.12, 9.01),
            ("Nowhere", None, 10.0, 10.0),
            ("", "DE", 50.0, 8.0),
        )
    )
    assert set(places) == {"kalletal"}


def test_registry_rows_reads_what_read_table_gives(fixtures: Path, offline: OfflineGeocoder) -> None:
    from partnerdash.geocode.sides import SideResolver
    from partnerdash.load.partnership_table import read_table

    table, _ = read_table(fixtures / "registry" / "unions-de.csv")
    frame = supplement.registry_rows(table, SideResolver(offline).country_code)
    assert list(frame.loc[2, ["a_label", "a_country", "b_country"]]) == ["Allendorf/Lumda", "DE", "PL"]
    assert frame.loc[2, "b_lat"] == pytest.approx(50.81)
    assert frame.loc[4, ["a_lat", "a_lon"]].isna().all()


# --------------------------------------------------------------------------- the registry file


@pytest.fixture
def unions(fixtures: Path, tmp_path: Path, offline: OfflineGeocoder, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture (its own cache entry), its countries read with the test gazetteer."""
    monkeypatch.setattr(supplement, "_geocoder", lambda: offline)
    return Path(shutil.copy(fixtures / "registry" / "unions-de.csv", tmp_path / "unions-de.csv"))


def test_supplement_for_the_registry_file(unions: Path) -> None:
    places = supplement_for(unions)
    for key in ("kalletal", "ebsdorfergrund", "lahntal", "floh seligenthal", "tschenstochau", "allendorf"):
        assert key in places, key
    assert len(places["kalletal"]) == 1  # in two rows, 1 km apart
    assert "taufkirchen" not in places  # its row has no coordinates
    assert places["czestochowa"][0].country == "PL"
    assert "hofheim" in names_for(unions).short


def test_the_settings_name_the_registry(unions: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTNERDASH_REGISTRY", str(unions))
    assert "kalletal" in supplement_for(None)


@pytest.mark.parametrize("setting", ["none", "None", "off"])
def test_no_registry_gives_no_places(setting: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTNERDASH_REGISTRY", setting)
    assert supplement_for(None) == {}
    assert names_for(None) == ({}, {})


def test_missing_or_unreadable_files_give_no_places(tmp_path: Path) -> None:
    assert supplement_for(tmp_path / "missing.csv") == {}
    unreadable = tmp_path / "no-towns.csv"
    unreadable.write_text("foo,bar\n1,2\n", encoding="utf-8")  # no municipality column
    assert supplement_for(unreadable) == {}


def test_built_once_per_file_version(unions: Path) -> None:
    first = supplement_for(unions)
    assert supplement_for(unions) is first
    with unions.open("a", encoding="utf-8") as file:
        file.write("Lahntal,Germany,50.87,8.70,Kirchhain,Germany,50.82,8.92,2020\n")
    stat = unions.stat()
    os.utime(unions, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    again = supplement_for(unions)
    assert again is not first
    assert "kirchhain" in again


# --------------------------------------------------------------------------- the real registry


def test_the_wikidata_registry(offline: OfflineGeocoder, monkeypatch: pytest.MonkeyPatch) -> None:
    if not WIKIDATA.exists():
        pytest.skip("needs ../shared/data/sistercities_germany_wikidata_2017.tsv")
    monkeypatch.setattr(supplement, "_geocoder", lambda: offline)
    start = time.perf_counter()
    found = names_for(WIKIDATA)
    seconds = time.perf_counter() - start
    places = {place for listed in found.merged().values() for place in listed}
    assert 5_000 < len(places) < 6_000  # 5,681 rows, a few thousand towns
    assert names(found.short["hofheim"]) == ["Hofheim am Taunus"]
    assert "ahnatal" in found.full  # a union of villages GeoNames lacks
    assert not offline.gazetteer.lookup("ahnatal")
    assert seconds < 2.0  # about 0.2 s; generous for slow machines
