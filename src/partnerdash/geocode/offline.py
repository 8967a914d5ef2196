"""Geocoding without a network, in geopy's shape: overrides first, then the gazetteer.

``OfflineGeocoder.geocode`` answers like a geopy geocoder (``Location`` objects,
``None`` for nothing found, ``geopy.exc`` errors), so callers can swap it for an
online one. Ranking among the places that carry the exact (normalized) name:

1. overrides (``data/places_overrides.csv``) before the gazetteer: they exist to
   correct it;
2. only places in ``country_codes``, when given: the news item's context wins,
   and an empty answer is better than a right name in the wrong country
   ("Al-Muhammarah" is Khorramshahr, Iran, unless the item says Lebanon);
3. countries, then regions, then municipalities: "Lebanon" is the country rather
   than Lebanon, Tennessee, and a curated region ("Brandenburg") rather than a
   town that happens to share its name;
4. larger population first: "Frankfurt" is Frankfurt am Main.

Callers that disambiguate with more context use ``candidates``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from geopy.exc import GeocoderQueryError
from geopy.location import Location

from partnerdash.geocode.gazetteer import Gazetteer, default_gazetteer
from partnerdash.geocode.gazetteer.places import Place
from partnerdash.geocode.overrides import Override, index_overrides, load_overrides
from partnerdash.normalize import normalize

ResolvedBy = Literal["override", "offline"]


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    resolved_by: ResolvedBy
    note: str = ""


def country_code_set(country_codes: str | Sequence[str] | None) -> frozenset[str]:
    """geopy's ``country_codes`` ("de", "de,fr" or ["de", "fr"]) as upper-case codes."""
    if country_codes is None:
        return frozenset()
    parts = country_codes.split(",") if isinstance(country_codes, str) else country_codes
    codes = frozenset(part.strip().upper() for part in parts if part.strip())
    bad = sorted(code for code in codes if len(code) != 2 or not code.isalpha())
    if bad:
        raise GeocoderQueryError(f"country codes must be ISO alpha-2, got {', '.join(bad)}")
    return codes


def query_key(query: str) -> str:
    """The normalized query; GeocoderQueryError if nothing is left to look up."""
    key = normalize(query) if isinstance(query, str) else ""
    if not key:
        raise GeocoderQueryError(f"empty geocoding query: {query!r}")
    return key


class OfflineGeocoder:
    """Overrides plus the embedded gazetteer, answering like a geopy geocoder.

    Both sources are loaded on first use; pass them in to share or to test.
    """

    def __init__(
        self, gazetteer: Gazetteer | None = None, overrides: Iterable[Override] | None = None
    ) -> None:
        self._gazetteer = gazetteer
        self._overrides = index_overrides(overrides) if overrides is not None else None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    @property
    def overrides(self) -> dict[str, list[Override]]:
        if self._overrides is None:
            self._overrides = index_overrides(load_overrides())
        return self._overrides

    def names(self) -> Iterator[str]:
        """Every normalized name either source knows, for a matcher over text."""
        yield from self.overrides
        yield from self.gazetteer.names()

    def ranked(self, query: str, country_codes: str | Sequence[str] | None = None) -> list[Candidate]:
        """Every place named ``query``, best first (see the module docstring)."""
        key = query_key(query)
        codes = country_code_set(country_codes)
        found = [Candidate(o.place(), "override", o.note) for o in self.overrides.get(key, ())]
        found += [Candidate(p, "offline") for p in self.gazetteer.lookup(key)]  # already ranked
        return [c for c in found if not codes or c.place.country in codes]

    def candidates(self, query: str, country_codes: str | Sequence[str] | None = None) -> list[Place]:
        """Places named ``query``, best first, for callers that weigh context themselves."""
        return [candidate.place for candidate in self.ranked(query, country_codes)]

    def geocode(
        self,
        query: str,
        exactly_one: bool = True,
        country_codes: str | Sequence[str] | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        """The best place (or all, best first) named ``query``; None if there is none.

        ``timeout`` is accepted for geopy compatibility and ignored: nothing waits.
        """
        del timeout
        found = self.ranked(query, country_codes)
        if not found:
            return None
        if exactly_one:
            return self.location(found[0])
        return [self.location(candidate) for candidate in found]

    def location(self, candidate: Candidate) -> Location:
        place = candidate.place
        raw: dict[str, Any] = {
            "name": place.name,
            "geonameid": place.geonameid,
            "kind": place.kind,
            "country": place.country,
            "admin1": place.admin1,
            "population": place.population,
            "resolved_by": candidate.resolved_by,
        }
        if candidate.note:
            raw["note"] = candidate.note
        return Location(self.address(place), (place.lat, place.lon), raw)

    def address(self, place: Place) -> str:
        """ "Munich, Bavaria, Germany": the place, its federal state if known, its country."""
        parts = [place.name]
        if place.kind != "country":
            state = (
                self.gazetteer.admin1_name(place.country, place.admin1)
                if place.kind == "municipality"
                else None
            )
            country = self.gazetteer.country(place.country)
            parts += [part for part in (state, country.name if country else place.country) if part]
        return ", ".join(parts)
