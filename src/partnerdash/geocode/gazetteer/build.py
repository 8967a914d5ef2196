"""Building the index from its sources: every place with its keys, then flat tables."""

from __future__ import annotations

import gc
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from partnerdash.geocode.gazetteer.names import alternate_keys, primary_keys
from partnerdash.geocode.gazetteer.places import KINDS, Place, rank
from partnerdash.geocode.gazetteer.sources import (
    CityRecord,
    CountryRecord,
    Sources,
    german_and_english_country_names,
    read_country_aliases,
    read_regions,
)
from partnerdash.geocode.gazetteer.store import Tables
from partnerdash.normalize import normalize


@dataclass
class _Builder:
    """Accumulates places and their keys; ``_freeze`` turns them into tables."""

    places: list[Place] = field(default_factory=list)
    keys: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    admin1_names: dict[str, str] = field(default_factory=dict)

    def add(self, place: Place, keys: Iterable[str]) -> int:
        row = len(self.places)
        self.places.append(place)
        for key in keys:
            self.keys[key].add(row)
        return row


def _add_cities(builder: _Builder, cities: Mapping[str, CityRecord]) -> None:
    for record in cities.values():
        place = Place(
            geonameid=int(record["geonameid"]),
            name=str(record["name"]),
            kind="municipality",
            country=str(record["countrycode"]),
            admin1=str(record.get("admin1code") or ""),
            lat=float(record["latitude"]),
            lon=float(record["longitude"]),
            population=int(record.get("population") or 0),
        )
        alternates = [str(a) for a in record.get("alternatenames") or ()]
        builder.add(place, primary_keys([place.name]) | alternate_keys(alternates))


def _largest_towns(places: Iterable[Place], group: Callable[[Place], str]) -> dict[str, Place]:
    """Each group's most populous municipality (the first of equals)."""
    best: dict[str, Place] = {}
    for place in places:
        if place.kind != "municipality":
            continue
        name = group(place)
        if name not in best or place.population > best[name].population:
            best[name] = place
    return best


def _capital_point(
    builder: _Builder, country: CountryRecord, fallback: Place | None
) -> tuple[float, float] | None:
    """Where a country's marker goes: its capital, else its most populous place.

    GeoNames' country list has no coordinates, and a capital is always on land
    and recognisable on a map (a centroid can fall into the sea).
    """
    code = country["iso"]
    capital_key = normalize(str(country.get("capital") or ""))
    rows = builder.keys.get(capital_key, set()) if capital_key else set()
    capitals = [builder.places[r] for r in rows if builder.places[r].country == code]
    if capitals:
        best = max(capitals, key=lambda p: p.population)
        return best.lat, best.lon
    return (fallback.lat, fallback.lon) if fallback is not None else None


def _add_countries(
    builder: _Builder,
    countries: Mapping[str, CountryRecord],
    extra_names: Mapping[str, set[str]],
) -> None:
    most_populous = _largest_towns(builder.places, lambda p: p.country)
    for code, record in sorted(countries.items()):
        point = _capital_point(builder, record, most_populous.get(code))
        if point is None:
            continue  # uninhabited (Antarctica, Bouvet Island): nothing to place
        place = Place(
            geonameid=int(record.get("geonameid") or 0),
            name=str(record["name"]),
            kind="country",
            country=code,
            admin1="",
            lat=point[0],
            lon=point[1],
            population=int(record.get("population") or 0),
        )
        builder.add(place, primary_keys([place.name, *extra_names.get(code, ())]))


def _add_regions(builder: _Builder, rows: Iterable[Mapping[str, str]]) -> None:
    for row in rows:
        try:
            place = Place(
                geonameid=0,
                name=row["name"],
                kind="region",
                country=row["country"].upper(),
                admin1=row.get("admin1", ""),
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                population=0,
            )
        except (KeyError, ValueError):
            continue  # a broken curated row must not break the gazetteer; tests check the file
        builder.add(place, primary_keys(row.get("names", "").split("|")))
        if row.get("level") == "admin1" and place.admin1:
            builder.admin1_names[f"{place.country}.{place.admin1}"] = place.name


_CITY_NAMING_ITS_REGION = 20_000


def _add_subdivisions(builder: _Builder, skip: frozenset[str]) -> None:
    """First-level divisions of every country (ISO 3166-2, from pycountry) as regions.

    Without them a US state or a Ukrainian oblast in the news lands on a namesake town.
    A name that divisions of several countries share ("Centre") is left out as generic,
    and so is a division named like a city of its own country (the city keeps the
    name: "Wien" is Vienna); a small town does not take a state's name (California).
    pycountry has no coordinates: a US state gets its largest town's (GeoNames' US admin1
    codes are the state codes), others their country's point, as countries do — the map
    draws municipalities only.
    """
    try:
        import pycountry
    except ImportError:
        return
    towns: dict[str, set[str]] = defaultdict(set)
    for key, rows in builder.keys.items():
        for row in rows:
            place = builder.places[row]
            if place.kind == "municipality" and place.population >= _CITY_NAMING_ITS_REGION:
                towns[place.country].add(key)
    largest = _largest_towns((p for p in builder.places if p.country == "US"), lambda p: p.admin1)
    capitals = {p.country: p for p in builder.places if p.kind == "country"}
    divisions = [d for d in pycountry.subdivisions if d.parent_code is None]
    # "Centre", "Eastern", "Nord": names several countries give a division are generic words.
    countries_of: dict[str, set[str]] = defaultdict(set)
    for division in divisions:
        for key in primary_keys([division.name]):
            countries_of[key].add(division.country_code)
    for division in divisions:
        country, _, code = division.code.partition("-")
        keys = primary_keys([division.name])
        if country in skip or not keys or keys & towns[country]:
            continue
        if any(len(countries_of[key]) > 1 for key in keys):
            continue
        point = largest.get(code) if country == "US" else capitals.get(country)
        if point is None:
            continue
        builder.add(
            Place(
                geonameid=0,
                name=division.name,
                kind="region",
                country=country,
                admin1=code if country == "US" else "",
                lat=point.lat,
                lon=point.lon,
                population=0,
            ),
            keys,
        )


def _merge(*mappings: Mapping[str, set[str]]) -> dict[str, set[str]]:
    merged: dict[str, set[str]] = defaultdict(set)
    for mapping in mappings:
        for code, names in mapping.items():
            merged[code] |= names
    return merged


def _freeze(builder: _Builder, key: str) -> Tables:
    places = builder.places
    codes = sorted({p.country for p in places} | {p.admin1 for p in places})
    code_index = {code: i for i, code in enumerate(codes)}
    sorted_keys = sorted(builder.keys)
    postings: array[int] = array("I")
    starts: array[int] = array("I", [0])
    order = [(*rank(place), row) for row, place in enumerate(places)]
    for name_key in sorted_keys:
        rows = builder.keys[name_key]
        postings.extend(sorted(rows, key=order.__getitem__) if len(rows) > 1 else rows)
        starts.append(len(postings))
    return Tables(
        key=key,
        keys=tuple(sorted_keys),
        postings_start=starts,
        postings=postings,
        names=[p.name.replace("\n", " ") for p in places],
        geonameid=array("i", (p.geonameid for p in places)),
        kind=bytes(KINDS.index(p.kind) for p in places),
        country=array("H", (code_index[p.country] for p in places)),
        admin1=array("H", (code_index[p.admin1] for p in places)),
        lat=array("d", (p.lat for p in places)),
        lon=array("d", (p.lon for p in places)),
        population=array("q", (p.population for p in places)),
        codes=codes,
        admin1_names=dict(builder.admin1_names),
        country_rows={p.country: row for row, p in enumerate(places) if p.kind == "country"},
    )


def build_tables(sources: Sources) -> Tables:
    """Build the index from its sources (seconds; the caller caches the result)."""
    # The build allocates millions of small objects and frees none of them until it
    # ends: the cyclic collector would rescan the growing heap again and again for
    # nothing (measured: a third of the build time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        builder = _Builder()
        _add_cities(builder, sources.cities())
        country_names = _merge(
            german_and_english_country_names(), read_country_aliases(sources.country_aliases)
        )
        _add_countries(builder, sources.countries(), country_names)
        curated = read_regions(sources.regions)
        _add_regions(builder, curated)
        states = frozenset(row.get("country", "").upper() for row in curated if row.get("level") == "admin1")
        _add_subdivisions(builder, states)
        return _freeze(builder, sources.key())
    finally:
        if was_enabled:
            gc.enable()
