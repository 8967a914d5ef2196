"""Spellings of one name must meet in one key; different names must not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerdash.normalize import normalize


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("München", "munchen"),
        ("Kraków", "krakow"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Ærø", "aero"),
        ("Đà Nẵng", "da nang"),
        ("ＭＵＮＩＣＨ", "munich"),  # full-width letters: NFKC
        ("  Bad   Tölz\n", "bad tolz"),
    ],
)
def test_case_and_diacritics_are_folded(written: str, key: str) -> None:
    assert normalize(written) == key


@pytest.mark.parametrize(
    "spellings",
    [
        ("La Chapelle-Saint-Luc", "La Chapelle Saint Luc", "la chapelle–saint–luc"),
        ("Rhineland-Palatinate", "Rhineland Palatinate", "Rhineland_Palatinate"),
        ("L'Aquila", "L’Aquila", "L´Aquila", "L`Aquila"),
        ("'s-Hertogenbosch", "’s Hertogenbosch"),
        ("Frankfurt a.M.", "Frankfurt a. M.", "Frankfurt a M"),
    ],
)
def test_punctuation_variants_meet(spellings: tuple[str, ...]) -> None:
    assert len({normalize(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    "spellings",
    [
        ("St. Ingbert", "Sankt Ingbert", "St Ingbert", "Saint-Ingbert"),  # German town
        ("Saint-Malo", "St-Malo", "St. Malo"),  # French town
        ("Sainte-Foy", "Ste-Foy", "Ste. Foy"),
    ],
)
def test_saint_abbreviations_meet(spellings: tuple[str, ...]) -> None:
    assert len({normalize(s) for s in spellings}) == 1


def test_saint_is_a_whole_word_only() -> None:
    assert normalize("Steinfurt") == "steinfurt"
    assert normalize("Saintes") == "saintes"
    assert normalize("Sankt Ingbert") == "st ingbert"


def test_different_names_stay_different() -> None:
    # Umlaut transcriptions are not folded: "ue" occurs inside too many real names.
    assert normalize("Muenchen") != normalize("München")
    assert normalize("Kiew") != normalize("Kyiv")  # a different name: the gazetteer's job


def test_apostrophe_before_s_survives() -> None:
    assert normalize("There´s") == "there's"


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.text())
def test_key_has_no_line_breaks_or_outer_spaces(text: str) -> None:
    key = normalize(text)
    assert "\n" not in key
    assert key == key.strip()
