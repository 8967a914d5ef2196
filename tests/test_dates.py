from datetime import date

import pytest

from partnerdash.dates import PartialDate, infer_years, parse_date, parse_dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 December 2023", PartialDate(15, 12, 2023)),
        ("3. July 2019", PartialDate(3, 7, 2019)),
        ("2nd April", PartialDate(2, 4, None)),
        ("13th March", PartialDate(13, 3, None)),
        ("21st January 2019", PartialDate(21, 1, 2019)),
        ("2. Mai 2018", PartialDate(2, 5, 2018)),
        ("3. Juli 2019", PartialDate(3, 7, 2019)),
        ("13. März", PartialDate(13, 3, None)),
        ("1. Dezember 2023", PartialDate(1, 12, 2023)),
        ("December 15, 2023", PartialDate(15, 12, 2023)),
        ("Oct. 4, 2022", PartialDate(4, 10, 2022)),
        ("15.12.2023", PartialDate(15, 12, 2023)),
        ("12.03.2019", PartialDate(12, 3, 2019)),
        ("2023-12-15", PartialDate(15, 12, 2023)),
        ("2023-12-15T09:30:00Z", PartialDate(15, 12, 2023)),
    ],
)
def test_every_dateline_form_parses(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "no date here", "30 February 2023", "In 2023 we met", "32.13.2020"])
def test_text_without_a_valid_date_gives_none(text: str) -> None:
    assert parse_date(text) is None


def test_dateline_splits_place_date_and_text() -> None:
    dateline = parse_dateline("Bonn, 15 December 2023. The restoration has begun.")
    assert dateline is not None
    assert dateline.place == "Bonn"
    assert dateline.date == PartialDate(15, 12, 2023)
    assert dateline.rest == "The restoration has begun."


@pytest.mark.parametrize(
    "paragraph",
    [
        "Bonn, 2nd April. Text",
        "Bonn, 13. März. Die Stadt",
        "Frankfurt am Main, 3. Juli 2019. Text",
        "Bonn, December 15, 2018. Text",
        "Bonn, 12.03.2019. Text",
    ],
)
def test_datelines_in_both_languages(paragraph: str) -> None:
    assert parse_dateline(paragraph) is not None


@pytest.mark.parametrize(
    "paragraph",
    [
        "Hildesheim – Padang: „What matters is the strong commitment!“",
        "In 2023, the city of Leipzig hosted a conference.",
        "From September 26 to 28, 2023, the sister cities will host",
    ],
)
def test_titles_and_prose_are_not_datelines(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None


def test_year_heading_supplies_a_missing_year() -> None:
    dates = [PartialDate(3, 7, 2019), PartialDate(2, 4, None)]
    assert infer_years(dates, [2019, 2019]) == [(date(2019, 7, 3), False), (date(2019, 4, 2), True)]


def test_newer_neighbour_supplies_the_year_in_a_newest_first_listing() -> None:
    dates = [PartialDate(10, 2, 2020), PartialDate(2, 12, None), PartialDate(1, 11, 2019)]
    resolved = infer_years(dates, [None, None, None])
    assert resolved[1] == (date(2019, 12, 2), True)  # December comes after February: the year before


def test_older_neighbour_is_used_when_no_newer_item_has_a_date() -> None:
    dates = [PartialDate(2, 4, None), PartialDate(13, 3, 2019)]
    assert infer_years(dates, [None, None])[0] == (date(2019, 4, 2), True)


def test_a_lone_yearless_date_stays_unknown() -> None:
    assert infer_years([PartialDate(2, 4, None)], [None]) == [(None, False)]


@pytest.mark.parametrize(
    ("paragraph", "places"),
    [
        ("Bonn/Neumarkt, 3. Mai 2019. Text", ("Bonn", "Neumarkt")),
        ("Bonn/ Washington, 25 October 2022. Text", ("Bonn", "Washington")),
        ("Bonn, 25 October 2022. Text", ("Bonn",)),
    ],
)
def test_a_shared_dateline_names_its_first_place(paragraph: str, places: tuple[str, ...]) -> None:
    dateline = parse_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.places, dateline.rest) == (places[0], places, "Text")


@pytest.mark.parametrize(
    ("paragraph", "day"),
    [
        ("Bonn, 12. März 20", PartialDate(12, 3, None)),
        ("Bonn, 12.03.2", PartialDate(12, 3, None)),
        ("Bonn, March 12, 201", PartialDate(12, 3, None)),
        ("Bonn, 12. März", PartialDate(12, 3, None)),
        ("Bonn, 3. Mai 2019", PartialDate(3, 5, 2019)),
    ],
)
def test_a_dateline_cut_off_inside_its_year_has_no_year(paragraph: str, day: PartialDate) -> None:
    dateline = parse_dateline(paragraph)
    assert dateline is not None
    assert dateline.date == day
    assert dateline.rest == ""
    assert parse_date(dateline.text) == day  # as the listing keeps it for the item


def test_digits_after_a_date_are_a_cut_year_only_at_the_very_end() -> None:
    assert parse_dateline("Bonn, 3 May 20 participants met.") is None
