"""Ordinary words against the places they might name: frequency relative to size."""

from __future__ import annotations

from partnerdash.geocode.lexicon import excess
from partnerdash.geocode.resolve import default_model

OFFSETS = default_model().offsets
RARE = default_model().rare_zipf


def test_a_common_noun_is_used_far_more_than_its_village_explains() -> None:
    # "Welt" (world) is also a village of a few hundred people.
    assert excess("Welt", "de", 600, OFFSETS["de"], RARE) > 3


def test_a_city_is_used_about_as_often_as_its_size_predicts() -> None:
    assert excess("Leipzig", "de", 600_000, OFFSETS["de"], RARE) < 1
    assert excess("Hildesheim", "de", 100_000, OFFSETS["de"], RARE) < 1


def test_a_name_the_lexicon_does_not_know_is_never_ordinary() -> None:
    assert excess("Opfenbach", "de", 2_260, OFFSETS["de"], RARE) <= 0


def test_the_same_word_is_judged_in_the_items_language() -> None:
    # "Most" is a Czech town of 60,000, and one of the commonest English words.
    assert excess("Most", "en", 60_000, OFFSETS["en"], RARE) > 2
    assert excess("Most", "de", 60_000, OFFSETS["de"], RARE) < 1


def test_a_rare_word_is_never_much_of_an_ordinary_word() -> None:
    # A municipality GeoNames lists with no inhabitants: its name is rare, not ordinary.
    assert excess("Ebsdorfergrund", "de", 0, OFFSETS["de"], RARE) <= 0.5
    assert excess("Ebsdorfergrund", "de", 0, OFFSETS["de"], rare=-9) > 3


def test_a_word_the_lexicon_lacks_is_no_ordinary_word_even_for_a_place_without_inhabitants() -> None:
    assert excess("Opfenbach", "de", 0, OFFSETS["de"], RARE) <= 0
