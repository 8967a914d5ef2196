"""The places a gazetteer holds, and the order a name's candidates come out in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["municipality", "region", "country"]
KINDS: tuple[Kind, ...] = ("country", "region", "municipality")  # also the rank order


@dataclass(frozen=True, slots=True)
class Place:
    """One place the gazetteer knows. ``geonameid`` is 0 for curated regions."""

    geonameid: int
    name: str
    kind: Kind
    country: str
    admin1: str
    lat: float
    lon: float
    population: int


def rank(place: Place, size: int | None = None) -> tuple[int, int]:
    """Sort key of the places one name may be, without context: countries first, then
    regions, then the larger first. ``size`` stands in for a population the source lacks."""
    return KINDS.index(place.kind), -(place.population if size is None else size)
