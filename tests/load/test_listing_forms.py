"""The other forms of the news archive, one page each in tests/fixtures/news/ (see its README).

Each test reads a page as the app does and says what comes out: how many items, their
titles, dates and whether the year was inferred, and where each item's text went.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerdash.load import load_paths
from partnerdash.load.html import html_blocks
from partnerdash.load.listing import blocks_from_text, parse_listing
from partnerdash.pipeline import build_paths

NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "news"


def events_of(name: str) -> pd.DataFrame:
    dataset = build_paths([NEWS / name])
    assert [str(w) for w in dataset.warnings] == []
    return dataset.events


def dated_titles(events: pd.DataFrame) -> list[tuple[str, date, bool]]:
    return [(row.title, row.date.date(), row.date_inferred) for row in events.itertuples()]


def test_title_and_dateline_on_consecutive_lines_without_blank_lines() -> None:
    events = events_of("skew-archive-2021-de-no-blank-lines.txt")
    assert dated_titles(events) == [
        ("Hannover und Blantyre pflanzen einen Partnerschaftswald", date(2021, 11, 18), False),
        ("Köln und Corinto/El Realejo: Solarstrom für das Gesundheitszentrum", date(2021, 10, 6), False),
        ("Bielefeld und Estelí verlängern ihre Partnerschaftsvereinbarung", date(2021, 2, 9), True),
    ]
    assert list(events["caption"].fillna("")) == [
        "Foto: Engagement Global/Anja Vogel",
        "",
        "Zwei Frauen unterschreiben eine Vereinbarung.",
    ]
    assert events["summary"].iloc[1].startswith("Seit 1988 besteht die Städtepartnerschaft")
    assert events["summary"].iloc[2].endswith("Jugendgruppen beider Städte.")


def test_a_teaser_between_title_and_dateline_opens_the_summary() -> None:
    events = events_of("skew-archive-2020-en-teasers.txt")
    assert dated_titles(events) == [
        ("Bremen and Windhoek: twenty years of climate cooperation", date(2020, 11, 26), False),
        ("Erlangen and San Carlos share know-how on drinking water", date(2020, 10, 14), False),
        ("Freiburg and Lviv: a virtual study visit on energy-efficient schools", date(2020, 9, 2), False),
    ]
    first, second, third = events["summary"]
    assert first.startswith("Representatives of both cities met online")
    assert "\n\nBremen and its partner city Windhoek" in first
    assert second.startswith("The partnership between Erlangen and San Carlos")
    assert third.startswith("Because travel was not possible this year")
    assert "said the head of the Lviv energy office.\n\nFor three days" in third
    assert events["caption"].iloc[2] == "A woman points at a map of a school building."


def test_a_shared_dateline_names_bonn_and_keeps_the_other_places() -> None:
    events = events_of("skew-archive-2019-de-co-datelines.txt")
    assert dated_titles(events) == [
        ("Fairtrade-Towns treffen sich in Neumarkt", date(2019, 5, 3), False),
        ("Nürnberg und Charkiw: Schulpartnerschaften im Aufbau", date(2019, 4, 2), False),
        ("Bonn und Cape Coast feiern zehn Jahre Partnerschaft", date(2019, 3, 12), False),
    ]
    assert list(events["dateline_place"]) == ["Bonn", "Bonn", "Bonn"]
    assert events["summary"].iloc[0].startswith("Rund 150 Vertreterinnen")
    items = load_paths([NEWS / "skew-archive-2019-de-co-datelines.txt"]).items
    assert [item.dateline_places for item in items] == [
        ("Bonn", "Neumarkt"),
        ("Bonn",),
        ("Bonn", "Cape Coast"),
    ]


def test_a_dateline_on_a_line_of_its_own_takes_the_text_below_it() -> None:
    events = events_of("skew-archive-2022-en-datelines-alone.txt")
    assert dated_titles(events) == [
        ("Transatlantic exchange on climate partnerships", date(2022, 10, 25), False),
        ("Hildesheim and Padang plan a joint waste project", date(2022, 9, 8), False),
        ("Stuttgart and Menzel Bourguiba agree on vocational training", date(2022, 6, 30), False),
    ]
    first, second, third = events["summary"]
    assert first.startswith("Municipal representatives from Germany and the United States")
    # A short first paragraph is the item's text, not the caption of the item below.
    assert second.startswith("The sister cities of Hildesheim and Padang want to reduce plastic waste")
    assert "\n\nIn a first step" in second
    assert third.startswith("Stuttgart and its Tunisian sister city")
    assert list(events["caption"].fillna("")) == [
        "A group of people stands in front of a town hall.",
        "",
        "Two men shake hands.",
    ]
    items = load_paths([NEWS / "skew-archive-2022-en-datelines-alone.txt"]).items
    assert items[0].dateline_places == ("Bonn", "Washington")


def test_a_single_article_page_is_one_item_with_its_whole_body() -> None:
    events = events_of("skew-article-2019-de.txt")
    assert dated_titles(events) == [
        ("Jena und San Marcos beschließen ihr drittes Handlungsprogramm", date(2019, 5, 3), False)
    ]
    (summary,) = events["summary"]
    assert summary.startswith("Die Klimapartnerschaft zwischen Jena und San Marcos")
    assert "„Wir lernen voneinander“" in summary
    assert summary.endswith("Fachleuten aus dem Umweltamt.")
    assert pd.isna(events["caption"].iloc[0])


def test_a_single_article_without_a_title_is_named_by_its_first_sentence() -> None:
    events = events_of("skew-article-2022-en-no-title.txt")
    title = "Leipzig and Addis Ababa are taking their partnership into the classroom."
    assert dated_titles(events) == [(title, date(2022, 6, 14), False)]
    (summary,) = events["summary"]
    assert summary.startswith(title)
    assert summary.count("\n\n") == 2


def test_a_page_cut_off_inside_the_last_year_takes_the_year_heading() -> None:
    events = events_of("skew-archive-2018-de-cut-in-year.txt")
    assert dated_titles(events) == [
        ("Würzburg und Mwanza gründen eine Jugendwerkstatt", date(2018, 6, 7), False),
        ("Rheinland-Pfalz und Ruanda: neue Schulpartnerschaften", date(2018, 4, 12), False),
        ("München und Harare: faire Arbeitskleidung für die Stadtverwaltung", date(2018, 3, 12), True),
    ]
    assert events["summary"].iloc[2] == ""
    assert events["caption"].iloc[2] == "Zwei Frauen stehen auf einem Markt."


def test_a_page_cut_off_before_the_last_year_takes_it_from_the_item_above() -> None:
    events = events_of("skew-archive-2021-en-cut-before-year.txt")
    assert dated_titles(events) == [
        ("Bonn and La Paz exchange experience on urban gardening", date(2021, 12, 9), False),
        ("Hanover and Blantyre train nurses together", date(2021, 11, 17), False),
        ("Cologne and Corinto: digital lessons for rural schools", date(2021, 11, 2), True),
    ]


def items_of(text: str) -> list[tuple[str, str]]:
    return [(item.title, item.summary) for item in parse_listing(blocks_from_text(text), "page.txt").items]


def test_a_single_article_opening_with_a_dateline_paragraph() -> None:
    page = "Aktuelles\n\nBonn, 3. Mai 2019. Jena und San Marcos pflanzen Bäume. Es sind viele.\n\nMehr Text."
    assert items_of(page) == [
        (
            "Jena und San Marcos pflanzen Bäume.",
            "Jena und San Marcos pflanzen Bäume. Es sind viele.\n\nMehr Text.",
        )
    ]


def test_a_cut_off_item_after_a_dateline_on_its_own_line_is_still_reported() -> None:
    page = "Title one\n\nBonn, 3 May 2019\n\nText one.\n\nPhoto: Engagement Global\n\nTitle two"
    result = parse_listing(blocks_from_text(page), "page.txt")
    assert [(item.title, item.summary) for item in result.items] == [("Title one", "Text one.")]
    (warning,) = result.warnings
    assert "“Title two” has no dateline" in warning.message


def test_in_html_a_paragraph_between_heading_and_dateline_is_a_teaser() -> None:
    page = (
        "<html><body><main><h2>2020</h2><article><h3><a href='/a'>Bremen and Windhoek meet</a></h3>"
        "<p>Both cities take stock</p><p>Bonn, 26 November 2020. They met online.</p></article>"
        "<article><h3>Erlangen and San Carlos</h3><p>Bonn, 14 October 2020. Water.</p></article></main>"
    )
    items = parse_listing(html_blocks(page), "page.html").items
    assert [(item.title, item.summary, item.url) for item in items] == [
        ("Bremen and Windhoek meet", "Both cities take stock\n\nThey met online.", "/a"),
        ("Erlangen and San Carlos", "Water.", None),
    ]


LINES = st.lists(
    st.sampled_from(
        ["", "2019", "Aktuelles", "A title", "A sentence.", "Photo: X", "Bonn, 3. Mai", "x" * 300]
    )
    | st.text(max_size=20).map(lambda text: text.replace("\n", " ")),
    max_size=12,
)


@settings(max_examples=150, derandomize=True, database=None)
@given(
    LINES,
    LINES,
    st.sampled_from(["Bonn, 3. Mai 2019", "Bonn/Neumarkt, 2 May 2019. Text", "Bonn, 1. März 20"]),
)
def test_a_page_with_a_dateline_never_yields_zero_items(
    above: list[str], below: list[str], dateline: str
) -> None:
    page = "\n".join([*above, dateline, *below])
    items = parse_listing(blocks_from_text(page), "page.txt").items
    assert items
    assert all(item.title for item in items)
