"""Asking an online geocoder (opt-in) about the names the offline gazetteer lacks.

Only unresolved names go online, each with the countries its item names as a hint,
so a run costs one request per new name at most — and none on a second run, as the
cached geocoder keeps every answer.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from geopy.location import Location

from partnerdash.geocode.gazetteer import default_gazetteer
from partnerdash.geocode.gazetteer.places import Place
from partnerdash.geocode.online import Geocoder
from partnerdash.geocode.resolve import FoundPlace, ItemPlaces

ONLINE_CONFIDENCE = 0.7


def complete_online(found: Sequence[ItemPlaces], geocoder: Geocoder) -> tuple[list[ItemPlaces], list[str]]:
    """The items' places with unresolved names looked up online; and what went wrong."""
    problems: list[str] = []
    done: list[ItemPlaces] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for item in found:
            hint = sorted({f.place.country for f in item.places if f.place and f.place.kind == "country"})
            places = [
                _lookup(f, geocoder, hint) if f.place is None and not f.dateline else f for f in item.places
            ]
            done.append(replace(item, places=places))
    problems.extend(str(w.message) for w in caught)
    return done, problems


def _lookup(found: FoundPlace, geocoder: Geocoder, countries: list[str]) -> FoundPlace:
    answer = geocoder.geocode(found.name, exactly_one=True, country_codes=countries or None)
    location = answer[0] if isinstance(answer, list) and answer else answer
    if not isinstance(location, Location):
        return found
    raw: dict[str, Any] = dict(location.raw or {})
    place = Place(
        geonameid=int(raw.get("geonameid") or 0),
        name=str(raw.get("name") or location.address.split(",")[0]),
        kind=raw.get("kind") or "municipality",
        country=str(raw.get("country") or _country_of(raw, location.address)),
        admin1=str(raw.get("admin1") or ""),
        lat=location.latitude,
        lon=location.longitude,
        population=int(raw.get("population") or 0),
    )
    source = str(raw.get("resolved_by") or "online")
    return replace(
        found, place=place, resolved_by=source, confidence=ONLINE_CONFIDENCE, unresolved_reason=None
    )


def _country_of(raw: dict[str, Any], address: str) -> str:
    """ISO code from an online answer: its address details, else its last address part."""
    details = raw.get("address")
    if isinstance(details, dict) and details.get("country_code"):
        return str(details["country_code"]).upper()
    last = address.rsplit(",", 1)[-1].strip()
    countries = [p for p in default_gazetteer().find(last) if p.kind == "country"]
    return countries[0].country if countries else ""
