"""Fixtures for the geocoding tests: the real gazetteer is built at most once per run.

The index is cached in ``PARTNERDASH_CACHE_DIR`` when set (the Makefile sets it to
``.cache/`` in the checkout, so later runs only read it, in a fraction of a
second); otherwise in a temporary folder, and then built once per session
(about 10 s).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from geopy.location import Location

from partnerdash import settings
from partnerdash.geocode.gazetteer import Gazetteer
from partnerdash.geocode.gazetteer.sources import Sources
from partnerdash.geocode.offline import OfflineGeocoder
from partnerdash.geocode.overrides import load_overrides

DATA = settings.RESOURCES  # the repository's data/, whatever PARTNERDASH_RESOURCES says


@pytest.fixture(scope="session")
def gazetteer_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    configured = os.environ.get("PARTNERDASH_CACHE_DIR")
    return Path(configured) if configured else tmp_path_factory.mktemp("gazetteer-cache")


@pytest.fixture(scope="session")
def gazetteer(gazetteer_cache_dir: Path) -> Gazetteer:
    return Gazetteer.load(gazetteer_cache_dir, Sources.default(DATA))


@pytest.fixture(scope="session")
def offline(gazetteer: Gazetteer) -> OfflineGeocoder:
    return OfflineGeocoder(gazetteer, load_overrides(DATA / "places_overrides.csv"))


class FakeFallback:
    """Stands in for the OfflineGeocoder, so these tests need no gazetteer."""

    def geocode(
        self,
        query: str,
        exactly_one: bool = True,
        country_codes: str | Sequence[str] | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        return Location(f"{query} (offline)", (1.0, 2.0), {"resolved_by": "offline"})
