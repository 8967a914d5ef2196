"""Hand-kept places that win over the gazetteer: ``data/places_overrides.csv``.

For places the gazetteer lacks (Al Mohammara, Lebanon) or gets wrong. Columns:
``name,country,lat,lon,kind,note``. ``name`` may list several spellings separated by
``|``; the first is the display name. One bad row must not cost the others: it is
skipped with an ``OverrideWarning`` naming the file and line.

This module reads the file; saving it (validated, merged with other sessions' saves
under a lock, written atomically) is :mod:`partnerdash.geocode.override_edits`.
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast, get_args

from partnerdash import settings
from partnerdash.geocode.gazetteer.places import Kind, Place
from partnerdash.normalize import normalize

COLUMNS = ("name", "country", "lat", "lon", "kind", "note")
FILENAME = "places_overrides.csv"


class OverrideWarning(UserWarning):
    """A row of the overrides file was skipped."""


@dataclass(frozen=True, slots=True)
class Override:
    name: str  # "Al Mohammara|El Mohammara": spellings, the first one displayed
    country: str
    lat: float
    lon: float
    kind: Kind
    note: str = ""

    @property
    def spellings(self) -> list[str]:
        return [part.strip() for part in self.name.split("|") if part.strip()]

    @property
    def display_name(self) -> str:
        return self.spellings[0]

    def lookup_keys(self) -> set[str]:
        return {normalize(spelling) for spelling in self.spellings}

    def place(self) -> Place:
        return Place(
            geonameid=0,
            name=self.display_name,
            kind=self.kind,
            country=self.country,
            admin1="",
            lat=self.lat,
            lon=self.lon,
            population=0,
        )

    def row(self) -> dict[str, str]:
        """The CSV row; repr() of a float round-trips exactly."""
        return {
            "name": self.name,
            "country": self.country,
            "lat": repr(self.lat),
            "lon": repr(self.lon),
            "kind": self.kind,
            "note": self.note,
        }


def _number(row: Mapping[str, object], column: str, low: float, high: float) -> float:
    raw = row.get(column)
    try:
        value = float(str(raw).strip())
    except ValueError:
        raise ValueError(f"{column} {raw!r} is not a number") from None
    if not low <= value <= high:  # also refuses nan
        raise ValueError(f"{column} {value} is outside [{low:g}, {high:g}]")
    return value


def parse_override(row: Mapping[str, object]) -> Override:
    """An Override from one row of strings (or values); ValueError says what is wrong."""
    name = str(row.get("name") or "").strip()
    spellings = [part for part in name.split("|") if part.strip()]
    if not spellings or not all(normalize(spelling) for spelling in spellings):
        raise ValueError(f"name {name!r} is empty")  # or only punctuation: nothing to look up
    country = str(row.get("country") or "").strip().upper()
    if len(country) != 2 or not country.isascii() or not country.isalpha():
        raise ValueError(f"country {country!r} is not a two-letter ISO code")
    kind = str(row.get("kind") or "").strip()
    if kind not in get_args(Kind):
        raise ValueError(f"kind {kind!r} is not one of {', '.join(get_args(Kind))}")
    return Override(
        name=name,
        country=country,
        lat=_number(row, "lat", -90, 90),
        lon=_number(row, "lon", -180, 180),
        kind=cast(Kind, kind),  # checked against Kind just above
        note=str(row.get("note") or "").strip(),
    )


def default_path() -> Path:
    return settings.overrides_path()


def load_overrides(path: Path | None = None) -> list[Override]:
    """Valid rows of the overrides file; a missing file is no overrides."""
    path = path if path is not None else default_path()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return []
    return list(_parse_rows(path, text))


def _parse_rows(path: Path, text: str) -> Iterator[Override]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in ("name", "country", "lat", "lon", "kind") if c not in (reader.fieldnames or [])]
    if missing:
        warnings.warn(
            f"{path}: no column {', '.join(missing)}; overrides ignored", OverrideWarning, stacklevel=3
        )
        return
    seen: set[tuple[str, str]] = set()
    for row in reader:
        try:
            override = parse_override(row)
        except ValueError as error:
            warnings.warn(f"{path}:{reader.line_num}: {error}; row skipped", OverrideWarning, stacklevel=3)
            continue
        keys = {(key, override.country) for key in override.lookup_keys()}
        if keys & seen:
            warnings.warn(
                f"{path}:{reader.line_num}: repeats an earlier name; row skipped",
                OverrideWarning,
                stacklevel=3,
            )
            continue
        seen |= keys
        yield override


def index_overrides(overrides: Iterable[Override]) -> dict[str, list[Override]]:
    """Normalized spelling → overrides named so, in file order."""
    index: dict[str, list[Override]] = {}
    for override in overrides:
        for key in override.lookup_keys():
            index.setdefault(key, []).append(override)
    return index
