"""The built index on disk: flat columns in a small binary container, one file per key.

Building from the sources takes seconds and much memory (the GeoNames JSON alone is
80 MB), so the result is written once to ``settings.get_path("cache_dir")`` (see
``_write_container``) and read back in a fraction of a second. The file name carries
the sources' key (``Sources.key``), so a change makes a new index.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from partnerdash.geocode.files import write_atomically

_MAGIC = b"PDGAZ1\n"
_CACHE_PREFIX = "gazetteer-"
_CACHE_SUFFIX = ".bin"


@dataclass
class Tables:
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
    def read(cls, path: Path) -> Tables:
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


def cache_path(folder: Path, key: str) -> Path:
    """Where the index of sources with ``key`` is kept in ``folder``."""
    return folder / f"{_CACHE_PREFIX}{key}{_CACHE_SUFFIX}"


def remove_stale(folder: Path, keep: Path) -> None:
    """Delete indexes of other keys: each is tens of MB and will never be read again."""
    for old in folder.glob(f"{_CACHE_PREFIX}*{_CACHE_SUFFIX}"):
        if old != keep:
            old.unlink(missing_ok=True)
