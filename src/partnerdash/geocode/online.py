"""Opt-in online geocoding, cached for good and polite to the service.

``CachedGeocoder`` wraps any geopy geocoder (Nominatim by default, see
``make_geocoder``):

* every *answer* is kept in a SQLite file, including "not found", so a name is
  asked at most once per service and country filter, across runs;
* requests are spaced by geopy's ``RateLimiter`` (Nominatim allows one a second);
* *errors* (time-outs, service unavailable, HTTP 429 ``GeocoderRateLimited``, other
  service errors) are not answers and are never cached: the next call asks again.
  Meanwhile the call is answered by the offline geocoder, and a
  ``GeocoderFallbackWarning`` is issued through :mod:`warnings` (the returned
  ``Location.raw["resolved_by"]`` says "offline" or "override" too). Warnings
  rather than a returned list keep the geopy call shape, and a caller that wants
  them can record them with ``warnings.catch_warnings(record=True)``.

The cache stores all results of a query (the wrapped geocoder is asked with
``exactly_one=False``), so ``exactly_one=True`` and ``False`` share one entry.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from geopy.exc import GeocoderQueryError, GeocoderServiceError
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from partnerdash import settings
from partnerdash.geocode.offline import OfflineGeocoder, country_code_set, query_key

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    service TEXT NOT NULL,
    query_key TEXT NOT NULL,   -- normalized query | sorted country codes
    query TEXT NOT NULL,       -- as first asked, for people reading the cache
    answer TEXT NOT NULL,      -- JSON list of {address, lat, lon, raw}; [] = not found
    fetched_at REAL NOT NULL,  -- Unix time
    PRIMARY KEY (service, query_key)
)
"""


class GeocoderFallbackWarning(UserWarning):
    """The online geocoder failed; the answer came from the offline one."""


class Geocoder(Protocol):
    """What partnerdash needs of a geocoder: geopy's ``geocode`` call."""

    def geocode(
        self,
        query: str,
        exactly_one: bool = True,
        country_codes: str | Sequence[str] | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None: ...


def cache_key(query: str, country_codes: str | Sequence[str] | None) -> str:
    """Normalized query and country codes: "St. Ingbert" and "Sankt-Ingbert" share one."""
    return f"{query_key(query)}|{','.join(sorted(country_code_set(country_codes)))}"


def _to_json(locations: Sequence[Location]) -> str:
    return json.dumps(
        [
            {"address": loc.address, "lat": loc.latitude, "lon": loc.longitude, "raw": loc.raw}
            for loc in locations
        ],
        ensure_ascii=False,
        default=str,  # a service's raw answer may hold non-JSON values; keep their text
    )


def _from_json(text: str) -> list[Location]:
    return [Location(item["address"], (item["lat"], item["lon"]), item["raw"]) for item in json.loads(text)]


def _with_source(location: Location, resolved_by: str) -> Location:
    raw = {**dict(location.raw or {}), "resolved_by": resolved_by}
    return Location(location.address, (location.latitude, location.longitude), raw)


class AnswerCache:
    """Geocoding answers in SQLite; one short transaction per read or write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as connection:
            connection.execute(_SCHEMA)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # A connection per operation: safe across Streamlit's threads, and
        # `with connection` commits (or rolls back) one transaction.
        connection = sqlite3.connect(self.path, timeout=30)
        try:
            with connection:
                yield connection
        finally:
            connection.close()

    def get(self, service: str, key: str) -> list[Location] | None:
        with self._connect() as connection:
            row = connection.execute(
                "SELECT answer FROM answers WHERE service = ? AND query_key = ?", (service, key)
            ).fetchone()
        return None if row is None else _from_json(row[0])

    def put(self, service: str, key: str, query: str, locations: Sequence[Location]) -> None:
        with self._connect() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                (service, key, query, _to_json(locations), time.time()),
            )

    def __len__(self) -> int:
        with self._connect() as connection:
            count: int = connection.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
        return count


class CachedGeocoder:
    """A geopy geocoder behind a persistent answer cache, a rate limit and a fallback."""

    def __init__(
        self,
        geocoder: Any,
        cache_path: Path,
        min_delay_seconds: float = 1.0,
        *,
        fallback: Geocoder | None = None,
        max_retries: int = 2,
        error_wait_seconds: float = 5.0,
        service: str | None = None,
    ) -> None:
        self.geocoder = geocoder
        self.cache = AnswerCache(cache_path)
        self.service = service or type(geocoder).__name__.lower()
        self._fallback = fallback
        # swallow_exceptions=False: RateLimiter would otherwise turn an error into
        # None, which is indistinguishable from "not found" and would be cached.
        self._limited: Callable[..., Any] = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=max_retries,
            error_wait_seconds=error_wait_seconds,
            swallow_exceptions=False,
        )

    @property
    def fallback(self) -> Geocoder:
        if self._fallback is None:
            self._fallback = OfflineGeocoder()
        return self._fallback  # the offline one is built on first failure only

    def geocode(
        self,
        query: str,
        exactly_one: bool = True,
        country_codes: str | Sequence[str] | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        key = cache_key(query, country_codes)  # GeocoderQueryError for an empty query
        locations = self.cache.get(self.service, key)
        if locations is None:
            try:
                locations = self._ask(query, country_codes, timeout)
            except GeocoderQueryError:
                raise  # the request itself is wrong: falling back would hide a bug
            except GeocoderServiceError as error:
                failure = f"{type(error).__name__}: {error}"
                warnings.warn(
                    f"online geocoding of {query!r} failed ({failure}); answered offline",
                    GeocoderFallbackWarning,
                    stacklevel=2,
                )
                return self.fallback.geocode(query, exactly_one, country_codes, timeout)
            self.cache.put(self.service, key, query, locations)
        if not locations:
            return None
        located = [_with_source(location, "online") for location in locations]
        return located[0] if exactly_one else located

    def _ask(
        self, query: str, country_codes: str | Sequence[str] | None, timeout: float | None
    ) -> list[Location]:
        codes = sorted(code.lower() for code in country_code_set(country_codes))
        arguments: dict[str, Any] = {"exactly_one": False}
        if codes:
            arguments["country_codes"] = codes
        if timeout is not None:
            arguments["timeout"] = timeout
        answer = self._limited(query, **arguments)
        if answer is None:
            return []
        return list(answer) if isinstance(answer, list | tuple) else [answer]


def make_geocoder(kind: str | None = None) -> Geocoder:
    """The geocoder the settings ask for: "offline" (default) or "nominatim"."""
    kind = kind.strip().lower() if kind else settings.get("geocoder")  # the setting is checked there
    if kind == "offline":
        return OfflineGeocoder()
    if kind == "nominatim":
        from geopy.geocoders import Nominatim

        return CachedGeocoder(
            Nominatim(user_agent=settings.get("geocoder_user_agent")),
            settings.get_path("cache_dir") / "geocode-nominatim.sqlite",
            min_delay_seconds=settings.get_float("geocoder_min_delay"),
            service="nominatim",
        )
    raise ValueError(
        f"unknown geocoder {kind!r}: use 'offline' or 'nominatim' (setting PARTNERDASH_GEOCODER)"
    )
