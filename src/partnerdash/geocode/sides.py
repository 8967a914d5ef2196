"""Each side of a registry row resolved to a place of the project's gazetteer and overrides.

Names are looked up once per distinct (name, country): a registry of 10^5 links
names a few thousand places. The registry's country is a hard hint, as in the news
("Damme" is in Germany and in Belgium). Among same-named places of the country the
registry's own coordinates pick the nearest ("Neustadt"); without coordinates the
gazetteer's ranking does (larger first). Municipalities come before regions before
countries: "Luxembourg" as a partner is the city.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from geopy.distance import great_circle
from geopy.exc import GeocoderQueryError

from partnerdash.geocode.gazetteer.places import KINDS
from partnerdash.geocode.offline import Candidate, OfflineGeocoder
from partnerdash.load.partnership_table import vocabulary

EARTH_RADIUS_KM = 6371.0088
NEAR_KM = 25.0
_KIND_ORDER = tuple(reversed(KINDS))  # municipality, region, country
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")  # "Halle (Saale)" → "Halle"
_ADMIN_WORD = re.compile(r"^(?:municipality of|gemeinde|stadt|markt)\s+|\s+(?:municipality|spa)$", re.I)
# Shortened forms may name another place of the same name: "Zell am Harmersbach" → "Zell".
_RIVER_OR_REGION = re.compile(r"\s+(?:an der|an den|am|im|in der|in|bei|ob der|vor der)\s+.+$")
_SPA = re.compile(r"^bad\s+", re.I)


def name_variants(label: str) -> list[tuple[str, bool]]:
    """The label, then forms registries lengthen it by: "(Saale)", ", Bavaria", "X / Y",
    "Municipality". The flag marks forms so short they may name another place: those count
    only near the registry's coordinates."""
    exact = [
        label,
        _QUALIFIER.sub("", label),
        label.split(",")[0],
        label.split(" / ")[0],
        _ADMIN_WORD.sub("", label),
    ]
    loose = [_RIVER_OR_REGION.sub("", label), _SPA.sub("", label), label.split("/")[0]]
    variants = [(v.strip(), False) for v in exact] + [(v.strip(), True) for v in loose if v != label]
    return [(v, flag) for v, flag in dict.fromkeys(variants) if v]


@dataclass(frozen=True, slots=True)
class Found:
    candidates: list[Candidate]
    reason: str = ""  # why there are none
    loose: bool = False  # found by a shortened name only


@dataclass
class SideResolver:
    """Country labels and place names → gazetteer candidates, each looked up once."""

    geocoder: OfflineGeocoder
    _countries: dict[str, str | None] = field(default_factory=dict)
    _places: dict[tuple[str, str], Found] = field(default_factory=dict)

    def country_code(self, label: str) -> str | None:
        """ISO code of a country label ("Germany", "Deutschland", "DE"); None if unknown."""
        if label not in self._countries:
            self._countries[label] = self._country(label)
        return self._countries[label]

    def _country(self, label: str) -> str | None:
        aliases: dict[str, str] = vocabulary().get("countries", {})
        if label in aliases:
            return aliases[label].upper()
        if len(label) == 2 and label.isascii() and label.isalpha():
            return label.upper() if self.geocoder.gazetteer.country(label) else None
        countries = [c for c in self._ranked(label, "") if c.place.kind == "country"]
        return countries[0].place.country if countries else None

    def candidates(self, label: str, country: str) -> Found:
        """The places ``label`` may be in ``country`` ("" for anywhere), best first; or a reason."""
        key = (label, country)
        if key not in self._places:
            self._places[key] = self._lookup(label, country)
        return self._places[key]

    def _lookup(self, label: str, country: str) -> Found:
        for variant, loose in name_variants(label):
            found = _preferred(self._ranked(variant, country))
            if found:
                return Found(found, loose=loose)
        if country and _preferred(self._ranked(label, "")):
            return Found([], f"{label!r} is in the gazetteer, but not in {country}")
        return Found([], f"{label!r} is neither in the gazetteer nor in the overrides")

    def _ranked(self, name: str, country: str) -> list[Candidate]:
        try:
            return self.geocoder.ranked(name, country or None)
        except GeocoderQueryError:  # nothing left after normalising ("--")
            return []


def _preferred(found: Sequence[Candidate]) -> list[Candidate]:
    """Candidates of the best kind present; overrides alone if they name one (they correct)."""
    for kind in _KIND_ORDER:
        of_kind = [c for c in found if c.place.kind == kind]
        if of_kind:
            overrides = [c for c in of_kind if c.resolved_by == "override"]
            return overrides or of_kind
    return []


def distance_km(lat1: object, lon1: object, lat2: object, lon2: object) -> np.ndarray:
    """Great-circle distances (haversine) between arrays of points in degrees; NaN where unknown."""
    p1, l1, p2, l2 = (np.radians(np.asarray(v, dtype="float64")) for v in (lat1, lon1, lat2, lon2))
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1))))


def point_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Scalar twin of :func:`distance_km` (numpy costs more than it saves on a few points);
    geopy's ``great_circle`` on the same sphere, so the two agree. NaN if a point is unknown."""
    if any(math.isnan(v) for v in (lat1, lon1, lat2, lon2)):
        return math.nan
    return float(great_circle((lat1, lon1), (lat2, lon2), radius=EARTH_RADIUS_KM).km)


def _km(lat: float, lon: float, candidate: Candidate) -> float:
    return point_km(lat, lon, candidate.place.lat, candidate.place.lon)


def _nearest(found: list[Candidate], lat: float, lon: float) -> Candidate:
    """The candidate nearest the point; the best ranked if there is no point (or one candidate)."""
    if len(found) == 1 or math.isnan(lat) or math.isnan(lon):
        return found[0]
    return min(found, key=lambda candidate: _km(lat, lon, candidate))  # the first of equals


def resolve_side(
    labels: pd.Series, countries: pd.Series, lat: pd.Series, lon: pd.Series, resolver: SideResolver
) -> pd.DataFrame:
    """One side's places: canonical name, kind, geonameid, the gazetteer's point, and why
    not where it is unresolved. ``countries`` holds ISO codes ("" if unknown)."""
    rows: list[dict[str, object]] = []
    for label, country, y, x in zip(labels, countries, lat, lon, strict=True):
        found = resolver.candidates(label, country)
        if not found.candidates:
            rows.append({"unresolved_reason": found.reason})
            continue
        chosen = _nearest(found.candidates, y, x)
        place = chosen.place
        # Only a shortened name needs the distance; NaN (no point) > NEAR_KM is False: no check.
        if found.loose and (distance := _km(y, x, chosen)) > NEAR_KM:
            reason = f"{label!r} is not in the gazetteer; {place.name!r} is, but {distance:.0f} km away"
            rows.append({"unresolved_reason": reason})
            continue
        rows.append(
            {
                "name": place.name,
                "country": place.country,
                "kind": place.kind,
                "admin1": place.admin1 or None,
                "geonameid": place.geonameid or None,
                "gazetteer_lat": place.lat,
                "gazetteer_lon": place.lon,
                "resolved_by": chosen.resolved_by,
            }
        )
    return pd.DataFrame.from_records(rows, index=labels.index)
