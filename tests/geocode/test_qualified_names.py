"""Names with a river or region written after them, as German official names have them.

"Frankfurt (Oder)", "Allendorf/Lumda", "Heringen (Werra)": the qualifier belongs to the
name, and picks the town the gazetteer writes as "Allendorf an der Lumda". What follows a
name in brackets or after a slash is not always a qualifier: a country ("Lima (Peru)"), a
second town ("Bonn/Neumarkt"), another name of the same town ("Pleszew (Pleschen)").
"""

from __future__ import annotations

import pytest

from partnerdash.geocode.resolve import ItemPlaces, PlaceFinder
from partnerdash.pipeline import default_finder


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    return default_finder()


def written(result: ItemPlaces) -> dict[str, str | None]:
    """Name as written → the canonical name it resolved to (None if it did not)."""
    return {f.name: f.place.name if f.place else None for f in result.places}


@pytest.mark.parametrize(
    ("text", "name", "canonical"),
    [
        (
            "Die Partnerschaft zwischen Allendorf/Lumda und Gołańcz.",
            "Allendorf/Lumda",
            "Allendorf an der Lumda",
        ),
        ("Der Rat der Stadt Rüdesheim/Nahe tagte.", "Rüdesheim/Nahe", "Rüdesheim"),
        ("Frankfurt (Oder) und Słubice feiern.", "Frankfurt (Oder)", "Frankfurt (Oder)"),
        ("Die Feier in Taufkirchen (Vils) war schön.", "Taufkirchen (Vils)", "Taufkirchen"),
    ],
)
def test_a_qualifier_is_part_of_the_name(finder: PlaceFinder, text: str, name: str, canonical: str) -> None:
    assert written(finder.find({"summary": text})).get(name) == canonical


def test_the_qualified_name_is_a_side_of_the_pair(finder: PlaceFinder) -> None:
    result = finder.find(
        {"summary": "Die Partnerschaft zwischen Allendorf/Lumda und Gołańcz besteht seit 1995."}
    )
    assert [(p.a.name, p.b.name) for p in result.pairs] == [("Allendorf/Lumda", "Gołańcz")]


def test_a_country_in_brackets_is_the_country_not_part_of_the_name(finder: PlaceFinder) -> None:
    assert written(finder.find({"summary": "Lima (Peru) und Hamburg arbeiten zusammen."})) == {
        "Lima": "Lima",
        "Peru": "Peru",
        "Hamburg": "Hamburg",
    }


def test_a_known_town_after_a_slash_is_a_second_town(finder: PlaceFinder) -> None:
    found = written(finder.find({"summary": "Bonn/Neumarkt, 3. Mai 2019. Die Städte trafen sich."}))
    assert set(found) == {"Bonn", "Neumarkt"}


def test_another_name_of_a_town_abroad_in_brackets_is_no_part_of_its_name(finder: PlaceFinder) -> None:
    found = written(
        finder.find({"summary": "Die Partnerschaft zwischen Spangenberg und Pleszew (Pleschen)."})
    )
    assert "Pleszew" in found
    assert not any("(" in name for name in found)


def test_an_abbreviation_in_brackets_is_no_qualifier(finder: PlaceFinder) -> None:
    assert set(written(finder.find({"summary": "Der Oberbürgermeister von Leipzig (CDU) sagte das."}))) == {
        "Leipzig"
    }
