"""The real gazetteer and overrides (cached in PARTNERDASH_CACHE_DIR), and a little news:
items naming partner towns in English and German spellings, for the join."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from partnerdash import schema, settings
from partnerdash.geocode.gazetteer import Gazetteer
from partnerdash.geocode.gazetteer.sources import Sources
from partnerdash.geocode.offline import OfflineGeocoder
from partnerdash.geocode.overrides import load_overrides
from partnerdash.registry.join import Network, join_news
from partnerdash.registry.load import load_registry

DATA = settings.RESOURCES


@pytest.fixture(scope="session")
def offline(tmp_path_factory: pytest.TempPathFactory) -> OfflineGeocoder:
    configured = os.environ.get("PARTNERDASH_CACHE_DIR")
    cache = Path(configured) if configured else tmp_path_factory.mktemp("gazetteer-cache")
    gazetteer = Gazetteer.load(cache, Sources.default(DATA))
    return OfflineGeocoder(gazetteer, load_overrides(DATA / "places_overrides.csv"))


@pytest.fixture
def registry_fixtures(fixtures: Path) -> Path:
    return fixtures / "registry"


# (event, name as written, canonical, country, geonameid, kind, dateline)
PLACES = [
    ("e1", "München", "Munich", "DE", 2867714, "municipality", False),
    ("e1", "Kiew", "Kyiv", "UA", 703448, "municipality", False),
    ("e2", "Cologne", "Köln", "DE", 2886242, "municipality", False),
    ("e2", "Tunis", "Tunis", "TN", 2464470, "municipality", False),
    ("e3", "Kyiv", "Kyiv", "UA", 703448, "municipality", False),
    ("e3", "Leipzigs", "Leipzig", "DE", 2879139, "municipality", False),
    ("e4", "Erlangen", "Erlangen", "DE", 2929567, "municipality", False),
    ("e4", "Wladimir", "Vladimir", "RU", 473247, "municipality", False),
    ("e5", "Bonn", "Bonn", "DE", 2946447, "municipality", True),
    ("e5", "Köln", "Köln", "DE", 2886242, "municipality", False),
    ("e5", "Tunis", "Tunis", "TN", 2464470, "municipality", False),
]
# (event, a, a_country, b, b_country, phrase): as the news states them, either order
PAIRS = [
    ("e1", "Kyiv", "UA", "Munich", "DE", "Kiew und seine Partnerstadt München"),
    ("e3", "Leipzig", "DE", "Kyiv", "UA", "Leipzigs Partnerstadt Kiew"),
    ("e4", "Erlangen", "DE", "Vladimir", "RU", "Erlangen und seine Partnerstadt Wladimir"),
]
DATES = {"e1": "2023-05-02", "e2": "2021-01-10", "e3": "2023-06-01", "e4": "2022-11-30", "e5": "2023-06-20"}
TOPICS = {"e1": ["culture"], "e2": ["climate"], "e3": ["culture", "aid"], "e4": ["youth"], "e5": ["climate"]}


@pytest.fixture
def news() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Events, places and partnerships as the pipeline makes them."""
    return news_tables()


def news_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    events = pd.DataFrame(
        {
            "event_id": list(DATES),
            "date": pd.to_datetime(list(DATES.values())),
            "title": list(DATES),
            "topics": list(TOPICS.values()),
        }
    )
    columns = ["event_id", "name", "canonical", "country", "geonameid", "kind", "dateline"]
    places = pd.DataFrame(PLACES, columns=columns)
    pairs: list[dict[str, Any]] = [
        {"event_id": e, "a_name": a, "a_country": ac, "b_name": b, "b_country": bc, "phrase": p}
        for e, a, ac, b, bc, p in PAIRS
    ]
    return (
        schema.conform(events, schema.EVENTS),
        schema.conform(places, schema.PLACES),
        schema.conform(pd.DataFrame(pairs), schema.PARTNERSHIPS),
    )


@pytest.fixture
def network(registry_fixtures: Path, offline: OfflineGeocoder) -> Network:
    registry = load_registry(registry_fixtures / "partnerschaften-de.csv", offline).partnerships
    return join_news(registry, *news_tables(), reference=date(2024, 12, 31))
