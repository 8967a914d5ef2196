"""Filtering events, and the places and partnerships that follow them."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from partnerdash import schema
from partnerdash.filters import Filters, apply, kpis
from partnerdash.model import Dataset


def event(event_id: str, day: str, title: str, topics: list[str], kind: str = "news") -> dict[str, object]:
    return {
        "event_id": event_id,
        "date": pd.Timestamp(day),
        "title": title,
        "summary": "",
        "lang": "en",
        "kind": kind,
        "topics": topics,
    }


def place(event_id: str, name: str, country: str, region: str, dateline: bool = False) -> dict[str, object]:
    return {
        "event_id": event_id,
        "name": name,
        "canonical": name,
        "kind": "municipality",
        "country": country,
        "region": region,
        "dateline": dateline,
    }


@pytest.fixture
def data() -> Dataset:
    events = [
        event("leipzig-kyiv", "2023-11-11", "Leipzig and Kyiv", ["solidarity"]),
        event("bonn-cape-coast", "2023-05-23", "Cape Coast visits Bonn", ["climate"]),
        event("conference", "2022-06-01", "Conference in Bonn", [], kind="event"),
    ]
    places = [
        place("leipzig-kyiv", "Bonn", "DE", "Europe", dateline=True),
        place("leipzig-kyiv", "Leipzig", "DE", "Europe"),
        place("leipzig-kyiv", "Kyiv", "UA", "Europe"),
        place("bonn-cape-coast", "Bonn", "DE", "Europe"),
        place("bonn-cape-coast", "Cape Coast", "GH", "Africa"),
        # The publisher's seat in the dateline: it does not make an item about Bonn.
        place("conference", "Bonn", "DE", "Europe", dateline=True),
    ]
    pairs = [
        {"event_id": "leipzig-kyiv", "a_name": "Leipzig", "b_name": "Kyiv"},
        {"event_id": "bonn-cape-coast", "a_name": "Bonn", "b_name": "Cape Coast"},
    ]
    return Dataset(
        events=schema.conform(pd.DataFrame(events), schema.EVENTS),
        places=schema.conform(pd.DataFrame(places), schema.PLACES),
        partnerships=schema.conform(pd.DataFrame(pairs), schema.PARTNERSHIPS),
    )


def ids(data: Dataset, filters: Filters) -> list[str]:
    return list(apply(data, filters).events["event_id"])


def test_no_filter_keeps_everything(data: Dataset) -> None:
    view = apply(data, Filters())
    assert (len(view.events), len(view.places), len(view.partnerships)) == (3, 6, 2)


def test_a_region_keeps_items_naming_a_place_there_and_their_places_and_pairs(data: Dataset) -> None:
    view = apply(data, Filters(regions=("Africa",)))
    assert list(view.events["event_id"]) == ["bonn-cape-coast"]
    assert sorted(view.places["name"]) == ["Bonn", "Cape Coast"]
    assert list(view.partnerships["b_name"]) == ["Cape Coast"]


def test_the_dateline_seat_does_not_count_as_a_place_named(data: Dataset) -> None:
    assert ids(data, Filters(municipalities=("Bonn",))) == ["bonn-cape-coast"]


def test_geographic_filters_combine_with_and(data: Dataset) -> None:
    assert ids(data, Filters(countries=("UA",), municipalities=("Leipzig",))) == ["leipzig-kyiv"]
    assert ids(data, Filters(countries=("GH",), municipalities=("Leipzig",))) == []


def test_topics_dates_kinds_and_text(data: Dataset) -> None:
    assert ids(data, Filters(topics=("climate", "solidarity"))) == ["leipzig-kyiv", "bonn-cape-coast"]
    assert ids(data, Filters(start=date(2023, 1, 1), end=date(2023, 11, 11))) == [
        "leipzig-kyiv",
        "bonn-cape-coast",
    ]
    assert ids(data, Filters(kinds=("event",))) == ["conference"]
    assert ids(data, Filters(text="cape COAST")) == ["bonn-cape-coast"]


def test_kpis_count_what_the_view_shows(data: Dataset) -> None:
    figures = kpis(apply(data, Filters(regions=("Europe",))))
    assert (figures.items, figures.municipalities, figures.countries, figures.partnerships) == (2, 4, 3, 2)
