"""Saving ``places_overrides.csv``: validated, merged with other sessions' saves, atomic.

Saving is the opposite of reading (:mod:`partnerdash.geocode.overrides`): all rows are
checked first, and nothing is written unless all are valid.

Several people may edit the file at once (one dashboard, many sessions). ``save_edit``
therefore saves a session's *changes* — rows added, changed or removed since it read the
file — onto the file as it is now, under an exclusive lock, so that two saves made at the
same time both count.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from filelock import FileLock

from partnerdash import settings
from partnerdash.geocode.files import write_atomically
from partnerdash.geocode.overrides import COLUMNS, Override, parse_override
from partnerdash.normalize import normalize


class OverrideConflictError(ValueError):
    """Rows this session changed were changed by someone else since it read the file."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(f"overrides not saved: changed meanwhile by someone else: {', '.join(names)}")
        self.names = names


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


def lock_path(path: Path) -> Path:
    """The lock file that guards ``path``: in the cache folder, named after the file's full path.

    Not beside the file: the overrides folder is hand-edited data, and a lock file left in
    it would look like one more data file. Not the file itself either: it is replaced on
    every save, and a lock on the replaced one would not stop the next writer.
    """
    digest = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    return settings.get_path("cache_dir") / "locks" / f"{path.name}.{digest}.lock"


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Held from reading the file to replacing it, so that saves queue up, across threads
    and processes (``filelock``: ``flock`` on POSIX, ``msvcrt`` locking on Windows).

    A new FileLock per save: one lock object shared between threads would let a second
    thread in (it is reentrant), while separate ones exclude each other like processes.
    """
    lock = lock_path(path)
    lock.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(lock):
        yield


def _write(path: Path, overrides: Sequence[Override]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(o.row() for o in overrides)
    # Keep the permissions of the file being replaced: people edit it by hand.
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    write_atomically(path, [buffer.getvalue().encode("utf-8")], mode)
