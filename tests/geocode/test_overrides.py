"""places_overrides.csv: a bad row is skipped with a warning; a bad save writes nothing."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from partnerdash.geocode.override_edits import save_overrides
from partnerdash.geocode.overrides import (
    Override,
    OverrideWarning,
    index_overrides,
    load_overrides,
    parse_override,
)

from .conftest import DATA

HEADER = "name,country,lat,lon,kind,note\n"


def write(path: Path, body: str) -> Path:
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_shipped_file_supplies_al_mohammara_in_lebanon() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", OverrideWarning)  # the shipped file must be clean
        overrides = load_overrides(DATA / "places_overrides.csv")
    found = index_overrides(overrides)["al mohammara"]
    assert [(o.display_name, o.country, o.kind) for o in found] == [("Al Mohammara", "LB", "municipality")]
    # Akkar, north of Tripoli (34.43, 35.84), south of the Syrian border (34.65).
    assert 34.45 < found[0].lat < 34.65
    assert 35.9 < found[0].lon < 36.2


def test_every_spelling_of_a_row_finds_it(tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "Al Mohammara|El-Mohammara|Mhammara,LB,34.52,35.97,municipality,\n")
    index = index_overrides(load_overrides(path))
    assert set(index) == {"al mohammara", "el mohammara", "mhammara"}
    assert index["mhammara"][0].place().name == "Al Mohammara"


@pytest.mark.parametrize(
    ("row", "complaint"),
    [
        ("Atlantis,LB,95,36,municipality,", "lat 95.0 is outside"),
        ("Atlantis,LB,34,200,municipality,", "lon 200.0 is outside"),
        ("Atlantis,LB,north,36,municipality,", "lat 'north' is not a number"),
        ("Atlantis,LB,nan,36,municipality,", "lat nan is outside"),
        ("Atlantis,LBN,34,36,municipality,", "country 'LBN' is not a two-letter"),
        ("Atlantis,,34,36,municipality,", "country '' is not"),
        ("Atlantis,LB,34,36,village,", "kind 'village' is not one of"),
        (",LB,34,36,municipality,", "name '' is empty"),
    ],
)
def test_a_bad_row_is_skipped_with_file_and_line(tmp_path: Path, row: str, complaint: str) -> None:
    path = write(
        tmp_path / "o.csv", f"Good Place,DE,50,10,municipality,\n{row}\nOther Place,FR,45,5,region,\n"
    )
    with pytest.warns(OverrideWarning, match=f"o.csv:3: {complaint}") as caught:
        overrides = load_overrides(path)
    assert len(caught) == 1
    assert [o.name for o in overrides] == ["Good Place", "Other Place"]


def test_a_repeated_name_keeps_the_first_row(tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "Twin,DE,50,10,municipality,first\nTwin,DE,51,11,municipality,second\n")
    with pytest.warns(OverrideWarning, match="o.csv:3: repeats"):
        overrides = load_overrides(path)
    assert [o.note for o in overrides] == ["first"]


def test_missing_columns_warn_and_yield_nothing(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text("name,country\nX,DE\n", encoding="utf-8")
    with pytest.warns(OverrideWarning, match="no column lat, lon, kind"):
        assert load_overrides(path) == []


def test_missing_file_is_no_overrides(tmp_path: Path) -> None:
    assert load_overrides(tmp_path / "absent.csv") == []


def test_lower_case_country_is_accepted() -> None:
    assert (
        parse_override({"name": "X", "country": "lb", "lat": "1", "lon": "2", "kind": "region"}).country
        == "LB"
    )


def test_save_then_load_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    rows = [
        Override("Al Mohammara|Mhammara", "LB", 34.5213, 35.9731, "municipality", 'says "approx."'),
        {"name": "Akkar plain", "country": "lb", "lat": "34.6", "lon": "36.0", "kind": "region"},
    ]
    save_overrides(path, rows)
    loaded = load_overrides(path)
    assert loaded[0] == rows[0]
    assert (loaded[1].country, loaded[1].lat, loaded[1].note) == ("LB", 34.6, "")
    assert path.read_text(encoding="utf-8").startswith(HEADER)


def test_invalid_save_is_refused_and_the_old_file_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "Keep Me,DE,50,10,municipality,\n")
    before = path.read_bytes()
    bad = [
        Override("Fine", "DE", 50.0, 10.0, "municipality"),
        Override("Off the map", "DE", 91.0, 10.0, "municipality"),  # built by hand, checked anyway
        {"name": "No kind", "country": "DE", "lat": "50", "lon": "10", "kind": ""},
    ]
    with pytest.raises(ValueError, match=r"row 2: lat 91.0 is outside .*row 3: kind '' is not one of"):
        save_overrides(path, bad)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.csv"]  # no temporary file left


def test_duplicate_names_are_refused_on_save(tmp_path: Path) -> None:
    twice = [Override("Twin", "DE", 50.0, 10.0, "municipality"), Override("twin", "DE", 51.0, 11.0, "region")]
    with pytest.raises(ValueError, match="row 2: repeats"):
        save_overrides(tmp_path / "o.csv", twice)
    assert not (tmp_path / "o.csv").exists()


def test_save_keeps_the_file_permissions(tmp_path: Path) -> None:
    path = write(tmp_path / "o.csv", "")
    path.chmod(0o664)
    save_overrides(path, [Override("X", "DE", 1.0, 2.0, "region")])
    assert path.stat().st_mode & 0o777 == 0o664
