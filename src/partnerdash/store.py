"""The extracted tables of each input file, kept on disk so unchanged files are not redone.

Two entries per file, both in ``<cache_dir>/store``:

* its **items** (Parquet), keyed by the file's name and bytes and the code and data files
  that read them: a change to the overrides or the registry re-resolves the items without
  reading the file again;
* its **tables** (events, places, partnerships as Parquet, warnings as JSON), keyed by the
  items' key and everything resolution depends on: the gazetteer, the overrides, the
  registry and the settings that change a place.

Code changes invalidate both (the key digests the package's source and data files, so no
version number can be forgotten). Entries are written to a temporary name and renamed, so
a reader never sees half an entry, and concurrent writers of one key write the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import asdict, fields
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from partnerdash import __version__, schema, settings
from partnerdash.load import Document, LoadResult, LoadWarning, RawItem
from partnerdash.model import Dataset

PACKAGE = Path(__file__).resolve().parent
_TABLES = {"events": schema.EVENTS, "places": schema.PLACES, "partnerships": schema.PARTNERSHIPS}
# What resolution reads besides the gazetteer: settings that change which places are kept.
_RESOLUTION_SETTINGS = ("include_uncertain", "geocoder")
_DATA_SUFFIXES = {".toml", ".csv", ".json", ".tsv"}


def _digest(parts: Iterable[bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()[:32]


@cache
def code_version(resources: Path) -> str:
    """Digest of the package's code and the data files in ``resources`` (topics, rules, regions…)."""
    code = sorted(PACKAGE.rglob("*.py"))
    data = sorted(p for p in resources.rglob("*") if p.is_file() and p.suffix in _DATA_SUFFIXES)
    return _digest([__version__.encode(), *(p.read_bytes() for p in [*code, *data])])


def _file_bytes(path: Path | None) -> bytes:
    return path.read_bytes() if path is not None and path.is_file() else b"<none>"


def resolution_version(gazetteer_key: str) -> str:
    """Digest of what a place depends on beyond the item: gazetteer, overrides, registry, settings."""
    values = [settings.get(name).encode() for name in _RESOLUTION_SETTINGS]
    overrides = _file_bytes(settings.overrides_path())
    registry = _file_bytes(settings.get_optional_path("registry"))
    return _digest([gazetteer_key.encode(), overrides, registry, *values])


class Store:
    """Items and tables per input file, in ``folder`` (see the module docstring)."""

    def __init__(self, folder: Path, resolution: str) -> None:
        self.folder = folder
        self.resolution = resolution

    def items_key(self, doc: Document) -> str:
        version = code_version(settings.get_path("resources"))
        return _digest([version.encode(), doc.name.encode(), doc.data])

    def tables_key(self, items_key: str) -> str:
        return _digest([items_key.encode(), self.resolution.encode()])

    def read_items(self, key: str) -> LoadResult | None:
        entry = self.folder / f"{key}.items"
        try:
            frame = pd.read_parquet(entry / "items.parquet")
            warnings = _read_warnings(entry / "warnings.json")
        except (OSError, ValueError):
            return None
        return LoadResult(
            [_item({str(k): v for k, v in row.items()}) for row in frame.to_dict("records")], warnings
        )

    def write_items(self, key: str, loaded: LoadResult) -> None:
        columns = [f.name for f in fields(RawItem)]
        rows = [{**asdict(item), "dateline_places": list(item.dateline_places)} for item in loaded.items]
        frame = pd.DataFrame(rows, columns=columns).astype({"year_hint": "Int64"})
        with self._entry(f"{key}.items") as entry:
            frame.to_parquet(entry / "items.parquet", index=False)
            _write_warnings(entry / "warnings.json", loaded.warnings)

    def read_tables(self, key: str) -> Dataset | None:
        entry = self.folder / f"{key}.tables"
        try:
            meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
            frames = {name: _read_table(entry / f"{name}.parquet", table) for name, table in _TABLES.items()}
            warnings = _read_warnings(entry / "warnings.json")
        except (OSError, ValueError, KeyError):
            return None
        return Dataset(
            events=frames["events"],
            places=frames["places"],
            partnerships=frames["partnerships"],
            warnings=warnings,
            files_read=meta["files_read"],
            files_failed=meta["files_failed"],
            built_at=datetime.fromisoformat(meta["built_at"]),
        )

    def write_tables(self, key: str, dataset: Dataset) -> None:
        with self._entry(f"{key}.tables") as entry:
            for name in _TABLES:
                getattr(dataset, name).to_parquet(entry / f"{name}.parquet", index=False)
            _write_warnings(entry / "warnings.json", dataset.warnings)
            meta = {
                "files_read": dataset.files_read,
                "files_failed": dataset.files_failed,
                "built_at": dataset.built_at.isoformat(),
            }
            (entry / "meta.json").write_text(json.dumps(meta), encoding="utf-8")

    def _entry(self, name: str) -> _Entry:
        return _Entry(self.folder, name)


class _Entry:
    """A folder written under a temporary name and renamed into place when complete."""

    def __init__(self, folder: Path, name: str) -> None:
        self.target = folder / name
        folder.mkdir(parents=True, exist_ok=True)
        self.temporary = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=folder))

    def __enter__(self) -> Path:
        return self.temporary

    def __exit__(self, kind: object, *exc: object) -> None:
        if kind is None:
            try:
                os.replace(self.temporary, self.target)
                return
            except OSError:
                pass  # another process stored the same entry first: its bytes are the same
        for child in self.temporary.iterdir():
            child.unlink()
        self.temporary.rmdir()


def _item(row: Mapping[str, Any]) -> RawItem:
    values: dict[str, Any] = {name: (None if _missing(value) else value) for name, value in row.items()}
    values["dateline_places"] = tuple(
        values["dateline_places"] if values["dateline_places"] is not None else ()
    )
    values["year_hint"] = None if values["year_hint"] is None else int(values["year_hint"])
    values["position"] = int(values["position"])
    return RawItem(**values)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA


def _read_table(path: Path, table: Mapping[str, str]) -> pd.DataFrame:
    stored = pq.read_table(path)
    # Lists straight from Arrow: through pandas they come as arrays and took twice as long.
    lists = [c for c, dtype in table.items() if dtype == schema.LIST]
    frame = stored.drop_columns(lists).to_pandas()  # KeyError if one is missing: not our entry
    for column in lists:
        values = [v if v is not None else [] for v in stored.column(column).to_pylist()]
        frame[column] = pd.Series(values, index=frame.index, dtype=object)
    return schema.conform(frame, table)


def _write_warnings(path: Path, warnings: list[LoadWarning]) -> None:
    path.write_text(json.dumps([asdict(w) for w in warnings], ensure_ascii=False), encoding="utf-8")


def _read_warnings(path: Path) -> list[LoadWarning]:
    return [LoadWarning(**row) for row in json.loads(path.read_text(encoding="utf-8"))]
