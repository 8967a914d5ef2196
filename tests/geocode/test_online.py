"""CachedGeocoder: answers are kept (even "not found"), errors are not, and no network.

A fake geopy-shaped geocoder stands in for Nominatim: it records its calls and
answers from a dict, or raises the error it is given.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path

import pytest
from geopy.exc import (
    GeocoderQueryError,
    GeocoderQuotaExceeded,
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
)
from geopy.location import Location
from tests.geocode.conftest import FakeFallback

from partnerdash.geocode.offline import OfflineGeocoder
from partnerdash.geocode.online import CachedGeocoder, GeocoderFallbackWarning, cache_key, make_geocoder

BONN = Location(
    "Bonn, Nordrhein-Westfalen, Deutschland", (50.7352, 7.1002), {"place_id": 1, "osm_type": "relation"}
)


class FakeGeocoder:
    def __init__(self, answers: dict[str, list[Location]] | None = None) -> None:
        self.answers = answers or {}
        self.error: Exception | None = None
        self.calls: list[tuple[str, object]] = []

    def geocode(
        self,
        query: str,
        exactly_one: bool = True,
        country_codes: str | Sequence[str] | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        self.calls.append((query, country_codes))
        if self.error is not None:
            raise self.error
        found = self.answers.get(query)
        if not found:
            return None
        return found[0] if exactly_one else found


def cached(fake: FakeGeocoder, path: Path, max_retries: int = 0) -> CachedGeocoder:
    return CachedGeocoder(
        fake,
        path,
        min_delay_seconds=0,
        fallback=FakeFallback(),
        max_retries=max_retries,
        error_wait_seconds=0,
    )


def test_second_request_is_served_from_the_cache(tmp_path: Path) -> None:
    fake = FakeGeocoder({"Bonn": [BONN]})
    geocoder = cached(fake, tmp_path / "geo.sqlite")
    first = geocoder.geocode("Bonn")
    second = geocoder.geocode("Bonn")
    assert len(fake.calls) == 1
    assert first is not None
    assert second is not None
    assert (second.address, second.point) == (BONN.address, BONN.point)
    assert second.raw["place_id"] == 1
    assert second.raw["resolved_by"] == "online"


def test_the_cache_outlives_the_process(tmp_path: Path) -> None:
    cached(FakeGeocoder({"Bonn": [BONN]}), tmp_path / "geo.sqlite").geocode("Bonn")
    later = FakeGeocoder()  # would answer "not found" if it were asked
    location = cached(later, tmp_path / "geo.sqlite").geocode("Bonn")
    assert later.calls == []
    assert location is not None
    assert location.latitude == pytest.approx(50.7352)


def test_not_found_is_cached_too(tmp_path: Path) -> None:
    fake = FakeGeocoder()
    geocoder = cached(fake, tmp_path / "geo.sqlite")
    assert geocoder.geocode("Qwxzyville") is None
    assert geocoder.geocode("Qwxzyville") is None
    assert len(fake.calls) == 1
    assert len(geocoder.cache) == 1


def test_spellings_with_one_key_share_an_entry(tmp_path: Path) -> None:
    fake = FakeGeocoder()
    geocoder = cached(fake, tmp_path / "geo.sqlite")
    geocoder.geocode("St. Ingbert")
    geocoder.geocode("Sankt-Ingbert")
    geocoder.geocode("ST INGBERT", exactly_one=False)
    assert len(fake.calls) == 1
    assert cache_key("St. Ingbert", None) == cache_key("sankt ingbert", [])


def test_country_codes_are_part_of_the_key_and_passed_on(tmp_path: Path) -> None:
    fake = FakeGeocoder()
    geocoder = cached(fake, tmp_path / "geo.sqlite")
    geocoder.geocode("Berlin", country_codes="DE")
    geocoder.geocode("Berlin", country_codes=["de"])
    geocoder.geocode("Berlin", country_codes="us")
    assert fake.calls == [("Berlin", ["de"]), ("Berlin", ["us"])]


def test_exactly_one_false_returns_all_results(tmp_path: Path) -> None:
    other = Location("Bonn, Ontario", (44.0, -78.0), {"place_id": 2})
    fake = FakeGeocoder({"Bonn": [BONN, other]})
    geocoder = cached(fake, tmp_path / "geo.sqlite")
    everything = geocoder.geocode("Bonn", exactly_one=False)
    best = geocoder.geocode("Bonn")
    assert isinstance(everything, list)
    assert [loc.raw["place_id"] for loc in everything] == [1, 2]
    assert best is not None
    assert best.raw["place_id"] == 1
    assert len(fake.calls) == 1


@pytest.mark.parametrize(
    "error",
    [
        GeocoderTimedOut("timed out"),
        GeocoderUnavailable("no route"),
        GeocoderRateLimited("HTTP 429: Too Many Requests", retry_after=0),
        GeocoderQuotaExceeded("HTTP 402: quota exceeded"),
        GeocoderServiceError("HTTP 500"),
    ],
)
def test_errors_fall_back_offline_and_are_not_cached(tmp_path: Path, error: Exception) -> None:
    fake = FakeGeocoder({"Bonn": [BONN]})
    fake.error = error
    geocoder = cached(fake, tmp_path / "geo.sqlite")
    with pytest.warns(GeocoderFallbackWarning, match=type(error).__name__):
        location = geocoder.geocode("Bonn")
    assert location is not None
    assert location.raw["resolved_by"] == "offline"
    assert geocoder.cache.get(geocoder.service, cache_key("Bonn", None)) is None
    assert len(geocoder.cache) == 0

    fake.error = None  # the service is back: the next call asks it, and keeps the answer
    location = geocoder.geocode("Bonn")
    assert location is not None
    assert location.raw["resolved_by"] == "online"
    assert len(fake.calls) == 2
    assert len(geocoder.cache) == 1


def test_errors_are_retried_before_falling_back(tmp_path: Path) -> None:
    fake = FakeGeocoder()
    fake.error = GeocoderUnavailable("down")
    geocoder = cached(fake, tmp_path / "geo.sqlite", max_retries=2)
    with pytest.warns(GeocoderFallbackWarning):
        geocoder.geocode("Bonn")
    assert len(fake.calls) == 3


def test_a_wrong_request_is_raised_not_hidden(tmp_path: Path) -> None:
    fake = FakeGeocoder()
    fake.error = GeocoderQueryError("HTTP 400: bad request")
    geocoder = cached(fake, tmp_path / "geo.sqlite")
    with warnings.catch_warnings():
        warnings.simplefilter("error", GeocoderFallbackWarning)
        with pytest.raises(GeocoderQueryError):
            geocoder.geocode("Bonn")
    assert len(geocoder.cache) == 0


def test_empty_query_never_reaches_the_service(tmp_path: Path) -> None:
    fake = FakeGeocoder()
    geocoder = cached(fake, tmp_path / "geo.sqlite")
    with pytest.raises(GeocoderQueryError):
        geocoder.geocode("  ")
    assert fake.calls == []


def test_fallback_is_the_offline_geocoder_by_default(tmp_path: Path, offline: OfflineGeocoder) -> None:
    fake = FakeGeocoder()
    fake.error = GeocoderTimedOut("slow")
    geocoder = CachedGeocoder(fake, tmp_path / "geo.sqlite", 0, fallback=offline, max_retries=0)
    with pytest.warns(GeocoderFallbackWarning):
        location = geocoder.geocode("Opfenbach")
    assert location is not None
    assert (location.raw["country"], location.raw["resolved_by"]) == ("DE", "offline")


def test_make_geocoder_follows_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTNERDASH_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("PARTNERDASH_GEOCODER", raising=False)
    assert isinstance(make_geocoder(), OfflineGeocoder)

    monkeypatch.setenv("PARTNERDASH_GEOCODER", "nominatim")
    monkeypatch.setenv("PARTNERDASH_GEOCODER_USER_AGENT", "partnerdash-tests")
    online = make_geocoder()  # builds the client; sends nothing until asked
    assert isinstance(online, CachedGeocoder)
    assert type(online.geocoder).__name__ == "Nominatim"
    assert online.geocoder.headers["User-Agent"] == "partnerdash-tests"
    assert online.cache.path == tmp_path / "geocode-nominatim.sqlite"

    with pytest.raises(ValueError, match="unknown geocoder 'google'"):
        make_geocoder("google")
