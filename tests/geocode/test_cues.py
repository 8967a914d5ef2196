"""Cue words before a place name: in the plural too, and over a whole list of names."""

from __future__ import annotations

import pytest

from partnerdash.geocode.resolve import PlaceFinder
from partnerdash.pipeline import default_finder


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    return default_finder()


def cued(finder: PlaceFinder, text: str) -> dict[str, bool]:
    """Name as written → whether a cue counted as its evidence."""
    found = finder.find({"summary": text}).places
    return {f.name: "cue" in f.evidence.split(", ") for f in found}


def test_a_cue_before_a_list_holds_for_every_name_of_it(finder: PlaceFinder) -> None:
    text = "Auf dem Markt sind die Partnerstädte Trondheim, Gyönk, Brescia und Ushgorod zu Gast."
    assert cued(finder, text) == {"Trondheim": True, "Gyönk": True, "Brescia": True}


def test_the_list_ends_where_other_words_come_between(finder: PlaceFinder) -> None:
    text = "Die Partnerstadt Trondheim lud ein, und am Abend sprach man über Brescia."
    assert cued(finder, text) == {"Trondheim": True, "Brescia": False}


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv has three new sister cities: Bologna and Metz.",
        "Die Partnerstädte Bologna und Metz feierten.",
        "Vertreter der Gemeinden Bologna und Metz kamen.",
    ],
)
def test_a_cue_noun_in_the_plural_is_a_cue(finder: PlaceFinder, text: str) -> None:
    assert cued(finder, text).get("Bologna") is True


@pytest.mark.parametrize(
    "text",
    [
        "In einer Stunde erreicht man die Industriestadt Jinja.",
        "Die Wissenschaftsstadt Jinja lädt ein.",
        "Mit den Bürgermeistern der Großgemeinde Jinja.",
    ],
)
def test_a_german_compound_of_a_cue_word_is_a_cue(finder: PlaceFinder, text: str) -> None:
    assert cued(finder, text)["Jinja"]


def test_a_town_whose_name_ends_like_a_cue_word_is_no_cue_for_the_name_after_it(finder: PlaceFinder) -> None:
    # "Darmstadt Brescia" is two names side by side: Darmstadt is no "…stadt" before Brescia.
    assert cued(finder, "Gäste: Darmstadt Brescia.")["Brescia"] is False
