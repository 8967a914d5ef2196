"""Places the registry of known partnerships vouches for, keyed like the gazetteer.

GeoNames lacks many German unions of villages ("Kalletal", "Lahntal",
"Floh-Seligenthal") and small partner towns abroad. The registry the user loads names
them with coordinates: it is the user's own authority that the town exists there. So
every side of the registry becomes a :class:`Place` (``geonameid`` 0), keyed by
:func:`normalize` of each way registries and news spell its name.

Two kinds of key, because they deserve different trust:

* **full**: the label and other forms of the same name — "Neustadt a. d. Weinstraße"
  for "Neustadt an der Weinstraße", "Allendorf (Lumda)" for "Allendorf/Lumda",
  "Częstochowa" for "Częstochowa (Tschenstochau)". Two places may share a full key
  (two towns named Falkenstein): both are listed, as the gazetteer lists homonyms.
* **short**: forms that drop a part and so may name another town elsewhere —
  "Hofheim" for "Hofheim am Taunus", "Homburg" for "Bad Homburg", "Heringen" for
  "Heringen (Werra)"; and a bracketed other name abroad ("Tschenstochau"), which
  might be a qualifier in disguise. Kept only where they name a single place of the registry
  (not "Hofheim" when the registry also has "Hofheim in Unterfranken"); a caller
  ranks them below full names.

What :func:`normalize` already makes equal needs no variant: case, accents, "St." /
"Sankt" / "Saint" (all ``st``), hyphen and space ("Floh-Seligenthal").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from partnerdash import settings
from partnerdash.geocode.gazetteer import Gazetteer
from partnerdash.geocode.gazetteer.places import Place
from partnerdash.geocode.offline import OfflineGeocoder
from partnerdash.geocode.sides import SideResolver, point_km
from partnerdash.load.items import LoadError
from partnerdash.load.partnership_table import read_table
from partnerdash.normalize import normalize

logger = logging.getLogger(__name__)

SAME_PLACE_KM = 10.0
"""Two sides with one key and country this close are one place: the registry repeats a
town in every row naming it, with coordinates that differ from row to row (up to 8 km
in the Wikidata registry: Corfu, Ekeren), while the nearest two towns of one name there
(Reinsdorf, Saxony) lie 24 km apart."""
# Where brackets, slashes and the German suffixes below add a river or region to the
# name ("Heringen (Werra)", "Hofheim am Taunus"); elsewhere a bracket holds another
# name of the town ("Częstochowa (Tschenstochau)").
GERMAN_SPEAKING = frozenset({"DE", "AT", "CH", "LI"})
SIDES = ("a", "b")
_LIMITS = {"lat": 90.0, "lon": 180.0}


def _alternation(words: set[str]) -> str:
    """Words as one regex group, longest first: "an der" is taken before "am"."""
    return "(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"


# On normalized keys, so dots are already spaces: "a. d." and "a.d." are both "a d".
_ABBREVIATED = {
    "an der": "a d",
    "ob der": "o d",
    "in der": "i d",
    "vor der": "v d",
    "am": "a",
    "im": "i",
    "bei": "b",
}
_EXPANDED = {short: long for long, short in _ABBREVIATED.items()}
# Inside the name only, never its first or last word.
_SWAP = re.compile(rf"(?<= ){_alternation({*_ABBREVIATED, *_EXPANDED})}(?= )")
# The words that join a town's name to its river, region or neighbour: "Hofheim am Taunus".
_LINKS = {"an der", "an den", "am", "auf der", "bei", "im", "in der", "ob der", "unter", "vor der"}
# "hofheim am taunus" → "hofheim": the name before the first linking word. "In" and the
# one-letter abbreviations only where German is spoken: elsewhere they are words of
# other languages ("Vilanova i la Geltrú"); the German words also name South Tyrol's
# towns ("Tramin an der Weinstraße").
_SUFFIX = re.compile(rf"^(.+?) {_alternation({*_LINKS, 'in', *_EXPANDED})} .+$")
_SUFFIX_ABROAD = re.compile(rf"^(.+?) {_alternation(_LINKS)} .+$")
_SPA = re.compile(r"^bad (.+)$")
# On labels as written: "Heringen (Werra)", "Allendorf/Lumda", "Essen, Lower Saxony".
_BRACKET = re.compile(r"^([^()]+?)\s*\(([^()]+)\)$")
_SLASH = re.compile(r"^([^/]+?)\s*/\s*([^/]+)$")
_COMMA = re.compile(r"^([^,]+),\s*.+$")


def _no_area(key: str) -> bool:
    return False


class RegistryNames(NamedTuple):
    """The registry's places by key: full names, and shortened forms (disjoint keys)."""

    full: dict[str, list[Place]]
    short: dict[str, list[Place]]

    def merged(self) -> dict[str, list[Place]]:
        return {**self.full, **self.short}


# --------------------------------------------------------------------------- spellings


def spelling_variants(
    label: str, country: str, *, is_area: Callable[[str], bool] = _no_area
) -> dict[str, bool]:
    """Key → whether it is a shortened form, for every spelling of ``label``.

    ``is_area`` tells whether a key names a region or country: a bracket holding one
    ("Saint-Denis (Réunion)") qualifies the name, it is not another name of the town.
    """
    german = country in GERMAN_SPEAKING
    found: dict[str, bool] = {}
    pending = [(normalize(text), short) for text, short in _label_forms(label.strip(), german, is_area)]
    while pending:
        key, short = pending.pop()
        if not key or (key in found and found[key] <= short):  # known already, as full or as this
            continue
        found[key] = short
        pending.extend(_german_forms(key, short, german))
    return found


def _label_forms(label: str, german: bool, is_area: Callable[[str], bool]) -> Iterator[tuple[str, bool]]:
    """The label and its forms with and without a bracket, slash or comma qualifier."""
    yield label, False
    if comma := _COMMA.match(label):  # "Ahorn, Bavaria": an encyclopaedia's disambiguation
        yield comma.group(1), True
    qualified = _BRACKET.match(label) or _SLASH.match(label)
    if qualified is None:
        return
    name, extra = qualified.group(1).strip(), qualified.group(2).strip()
    yield f"{name} ({extra})", False
    yield f"{name}/{extra}", False
    # German: "(Werra)" is a river, "Heringen" alone may be another town. Elsewhere the
    # bracket is another name ("Tschenstochau"), unless it names a region; it stays a
    # shortened form either way, since a qualifier may look like a name.
    yield name, german
    if not german and not is_area(normalize(extra)):
        yield extra, True


def _german_forms(key: str, short: bool, german: bool) -> Iterator[tuple[str, bool]]:
    """Abbreviated or spelled-out linking words (same name), then the name without its
    river or region ("am Main", "bei Nürnberg") or without "Bad" (shortened)."""
    if german:
        yield _SWAP.sub(lambda m: _ABBREVIATED.get(m.group(1)) or _EXPANDED[m.group(1)], key), short
    if suffix := (_SUFFIX if german else _SUFFIX_ABROAD).match(key):
        yield suffix.group(1), True
    if spa := _SPA.match(key):
        yield spa.group(1), True


# --------------------------------------------------------------------------- places


@dataclass(slots=True)
class _Entry:
    place: Place
    short: bool


def registry_names(rows: pd.DataFrame, *, is_area: Callable[[str], bool] = _no_area) -> RegistryNames:
    """The places of every side of ``rows``, by full and by shortened key.

    ``rows`` has each side's ``{a,b}_label``, ``_country`` (ISO code) and ``_lat`` /
    ``_lon`` (degrees), as :func:`partnerdash.registry.load.load_registry` and
    :func:`registry_rows` give them. Sides without coordinates or country are skipped.
    """
    index: dict[str, list[_Entry]] = {}
    for place in _sides(rows):
        for key, short in spelling_variants(place.name, place.country, is_area=is_area).items():
            _add(index.setdefault(key, []), place, short)
    return _split(index)


def registry_places(
    rows: pd.DataFrame, *, is_area: Callable[[str], bool] = _no_area
) -> dict[str, list[Place]]:
    """:func:`registry_names`, full and shortened keys in one dict."""
    return registry_names(rows, is_area=is_area).merged()


def _sides(rows: pd.DataFrame) -> list[Place]:
    """Each distinct side once, in the order of the rows: a town stands in many rows."""
    columns = ("label", "country", "lat", "lon")
    sides = pd.concat(
        [rows[[f"{side}_{c}" for c in columns]].set_axis(list(columns), axis=1) for side in SIDES],
        ignore_index=True,
    )
    sides["label"] = sides["label"].astype(object).where(sides["label"].notna(), "").astype(str).str.strip()
    sides = sides[(sides["label"] != "") & sides["country"].notna() & (sides["country"] != "")]
    sides = sides.dropna(subset=["lat", "lon"]).drop_duplicates()
    return [
        Place(
            geonameid=0,
            name=label,
            kind="municipality",
            country=str(country),
            admin1="",
            lat=float(lat),
            lon=float(lon),
            population=0,
        )
        for label, country, lat, lon in sides.itertuples(index=False)
    ]


def _add(entries: list[_Entry], place: Place, short: bool) -> None:
    """One entry per place under a key: a near side of the same country joins the first
    seen, and the key is full for the place if any of its sides writes it in full."""
    for entry in entries:
        if entry.place.country == place.country and _km(entry.place, place) <= SAME_PLACE_KM:
            entry.short = entry.short and short
            return
    entries.append(_Entry(place, short))


def _km(a: Place, b: Place) -> float:
    return point_km(a.lat, a.lon, b.lat, b.lon)


def _split(index: dict[str, list[_Entry]]) -> RegistryNames:
    """Full keys with their places; short keys only where they name one place and no
    other place has that key in full ("Hofheim" stays the town written "Hofheim")."""
    full: dict[str, list[Place]] = {}
    short: dict[str, list[Place]] = {}
    for key, entries in index.items():
        named = [e.place for e in entries if not e.short]
        if named:
            full[key] = named
        elif len(entries) == 1:
            short[key] = [entries[0].place]
    return RegistryNames(full, short)


# --------------------------------------------------------------------------- the registry file


def registry_rows(table: pd.DataFrame, country_code: Callable[[str], str | None]) -> pd.DataFrame:
    """:func:`partnerdash.load.partnership_table.read_table`'s strings as :func:`registry_names`
    takes them: labels, ISO codes (None if unknown), coordinates as floats (NaN if bad).

    Cheaper than ``load_registry``, which also resolves every side in the gazetteer.
    """
    out = pd.DataFrame(index=table.index)
    for side in SIDES:
        countries = table[f"{side}_country"]
        codes = {label: country_code(label) if label else None for label in countries.unique()}
        out[f"{side}_label"] = table[f"{side}_name"]
        out[f"{side}_country"] = countries.map(codes)
        for axis, limit in _LIMITS.items():
            out[f"{side}_{axis}"] = _degrees(table[f"{side}_{axis}"], limit)
    return out


def _degrees(raw: pd.Series, limit: float) -> pd.Series:
    """As load_registry reads coordinates: a decimal comma is allowed, out of range is none."""
    values = pd.to_numeric(raw.str.replace(",", ".", regex=False), errors="coerce").astype("float64")
    return values.where(values.abs() <= limit)


def registry_path() -> Path | None:
    """The registry file the settings name; None when they say there is none."""
    return settings.get_optional_path("registry")


def names_for(path: Path | None = None) -> RegistryNames:
    """:func:`registry_names` of the registry file (the settings' one if ``path`` is None).

    Built once per file version. No registry, or a missing or unreadable file, gives no
    names: the supplement only adds to the gazetteer, so it never stops geocoding.
    The dicts are shared between callers: do not change them.
    """
    version = _version(path)
    return _names(*version) if version else RegistryNames({}, {})


def supplement_for(path: Path | None = None) -> dict[str, list[Place]]:
    """Key → places of the registry file, full and shortened keys together (see :func:`names_for`)."""
    version = _version(path)
    return _merged(*version) if version else {}


def _version(path: Path | None) -> tuple[Path, int] | None:
    """The file and its modification time, the cache key; None if there is no file."""
    path = path if path is not None else registry_path()
    if path is None:
        return None
    try:
        return path, path.stat().st_mtime_ns
    except OSError:
        return None


@lru_cache(maxsize=4)
def _merged(path: Path, stamp: int) -> dict[str, list[Place]]:
    return _names(path, stamp).merged()


@lru_cache(maxsize=4)
def _names(path: Path, stamp: int) -> RegistryNames:
    del stamp  # part of the cache key only: an edited file is read again
    try:
        table, _ = read_table(path)
    except (OSError, ValueError, LoadError) as error:  # ValueError: a file pandas cannot parse
        logger.warning("registry %s not used for place names: %s", path, error)
        return RegistryNames({}, {})
    geocoder = _geocoder()
    resolver = SideResolver(geocoder)
    return registry_names(registry_rows(table, resolver.country_code), is_area=_area_test(geocoder.gazetteer))


def _geocoder() -> OfflineGeocoder:
    """The gazetteer and overrides that resolve the registry's country names (a seam for tests)."""
    return OfflineGeocoder()


def _area_test(gazetteer: Gazetteer) -> Callable[[str], bool]:
    """Whether the gazetteer knows a key only as a region or country ("Réunion")."""

    def is_area(key: str) -> bool:
        kinds = {place.kind for place in gazetteer.lookup(key)}
        return bool(kinds) and "municipality" not in kinds

    return is_area
