"""Hand-kept places that win over the gazetteer: ``data/places_overrides.csv``.

For places the gazetteer lacks (Al Mohammara, Lebanon) or gets wrong. Columns:
``name,country,lat,lon,kind,note``. ``name`` may list several spellings separated by
``|``; the first is the display name. One bad row must not cost the others: it is
skipped with an ``OverrideWarning`` naming the file and line. Saving is the
opposite: all rows are checked first, and nothing is written unless all are valid.

Several people may edit the file at once (one dashboard, many sessions). ``save_edit``
therefore saves a session's *changes* — rows added, changed or removed since it read the
file — onto the file as it is now, under an exclusive lock, so that two saves made at the
same time both count.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import os
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast, get_args

from partnerdash import settings
from partnerdash.geocode.files import write_atomically
from partnerdash.geocode.gazetteer import Kind, Place
from partnerdash.geocode.normalize import normalize

COLUMNS = ("name", "country", "lat", "lon", "kind", "note")
FILENAME = "places_overrides.csv"


class OverrideWarning(UserWarning):
    """A row of the overrides file was skipped."""


class OverrideConflictError(ValueError):
    """Rows this session changed were changed by someone else since it read the file."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(f"overrides not saved: changed meanwhile by someone else: {', '.join(names)}")
        self.names = names


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
    return settings.resource(FILENAME)


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


def validate_rows(rows: Iterable[Override | Mapping[str, object]]) -> list[Override]:
    """All rows as Overrides, or ValueError listing every bad row (1-based)."""
    valid: list[Override] = []
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    for number, row in enumerate(rows, start=1):
        try:
            override = row if isinstance(row, Override) else parse_override(row)
            override = parse_override(override.row())  # an Override built by hand is checked too
        except ValueError as error:
            problems.append(f"row {number}: {error}")
            continue
        keys = {(key, override.country) for key in override.lookup_keys()}
        if keys & seen:
            problems.append(f"row {number}: repeats an earlier name in {override.country}")
        seen |= keys
        valid.append(override)
    if problems:
        raise ValueError("overrides not saved: " + "; ".join(problems))
    return valid


def save_overrides(path: Path, rows: Iterable[Override | Mapping[str, object]]) -> None:
    """Validate every row, then replace the whole file atomically.

    On a ValueError nothing is written and the old file stays as it was; a crash
    midway leaves the old file too (the new one is written beside it, then renamed).
    """
    overrides = validate_rows(rows)
    with _locked(path):
        _write(path, overrides)


def save_edit(
    path: Path,
    loaded: Iterable[Override | Mapping[str, object]],
    edited: Iterable[Override | Mapping[str, object]],
) -> list[Override]:
    """Save the changes that turned ``loaded`` into ``edited`` onto the file as it is now.

    ``loaded`` is the file as this session read it. Rows saved by others since then are
    kept. Refused, writing nothing, with ``OverrideConflictError`` if a row this session
    changed or removed was changed by someone else meanwhile, and with ``ValueError`` if
    the result has an invalid row. Returns the rows now in the file.
    """
    with _locked(path):
        current = [_canonical(row) for row in _read_rows(path)]
        merged = merge_edit(current, [_canonical(r) for r in loaded], [_canonical(r) for r in edited])
        overrides = validate_rows(dict(zip(COLUMNS, row, strict=True)) for row in merged)
        _write(path, overrides)
    return overrides


Row = tuple[str, ...]  # the values of COLUMNS


def merge_edit(current: Sequence[Row], loaded: Sequence[Row], edited: Sequence[Row]) -> list[Row]:
    """``current`` with the changes that turned ``loaded`` into ``edited``.

    Rows have no id, so a row is known by its content: one the edit dropped is removed,
    one it brought is added, and a changed row is both — its new version takes the old
    one's place when the two share a name, so a hand-kept order survives.
    """
    removed = Counter(loaded) - Counter(edited)
    added = list((Counter(edited) - Counter(loaded)).elements())
    _refuse_conflicts(current, removed)
    merged: list[Row] = []
    for row in current:
        if removed[row] <= 0:
            merged.append(row)
            continue
        removed[row] -= 1
        replacement = next((new for new in added if _keys(new) & _keys(row)), None)
        if replacement is not None:
            added.remove(replacement)
            merged.append(replacement)
    return merged + added


def _refuse_conflicts(current: Sequence[Row], removed: Counter[Row]) -> None:
    # A row this session changed or removed that is gone from the file was changed by
    # someone else if the file still has a row of that name; gone altogether, it was
    # removed, and removing it again (or re-adding this session's version) loses nothing.
    gone = removed - Counter(current)
    clashes = [row for row in gone if any(_keys(row) & _keys(other) for other in current)]
    if clashes:
        raise OverrideConflictError([row[0].split("|")[0].strip() for row in clashes])


def _keys(row: Row) -> set[tuple[str, str]]:
    name, country = row[0], row[1].upper()
    return {(key, country) for key in map(normalize, name.split("|")) if key}


def _canonical(row: Override | Mapping[str, object]) -> Row:
    """A row as compared between versions of the file: "lb" and "LB", "1" and "1.0" match."""
    if isinstance(row, Override):
        values = row.row()
    else:
        try:
            values = parse_override(row).row()
        except ValueError:  # compared as written; validation refuses it later if it stays
            values = {column: str(row.get(column) or "").strip() for column in COLUMNS}
    return tuple(values[column] for column in COLUMNS)


def _read_rows(path: Path) -> list[dict[str, str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return []
    return [
        {column: str(row.get(column) or "") for column in COLUMNS}
        for row in csv.DictReader(io.StringIO(text, newline=""))
    ]


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Held from reading the file to replacing it, so that saves queue up, across processes.

    The folder is locked rather than the file: the file is replaced on every save, and a
    lock on the replaced one would not stop the next writer. No lock file is left behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)  # releases the lock


def _write(path: Path, overrides: Sequence[Override]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(o.row() for o in overrides)
    # Keep the permissions of the file being replaced: people edit it by hand.
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    write_atomically(path, [buffer.getvalue().encode("utf-8")], mode)


def index_overrides(overrides: Iterable[Override]) -> dict[str, list[Override]]:
    """Normalized spelling → overrides named so, in file order."""
    index: dict[str, list[Override]] = {}
    for override in overrides:
        for key in override.lookup_keys():
            index.setdefault(key, []).append(override)
    return index
