"""A compact offline gazetteer: every name a place is known by → candidate places.

``sources`` reads what it is made of, ``names`` decides which names are indexed,
``build`` merges them into one table of places (row ids are positions in it), and
``store`` keeps the result on disk; here it is loaded and queried.
"""

from __future__ import annotations

import functools
import threading
import warnings
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from pathlib import Path

from partnerdash import settings
from partnerdash.geocode.gazetteer.build import build_tables
from partnerdash.geocode.gazetteer.places import KINDS, Place
from partnerdash.geocode.gazetteer.sources import Sources
from partnerdash.geocode.gazetteer.store import Tables, cache_path, remove_stale
from partnerdash.normalize import normalize


class Gazetteer:
    """Normalized name → candidate places, over the merged sources.

    ``names()`` gives every indexed key (for a multi-pattern matcher over text
    normalized with ``normalize``); ``lookup(key)`` the candidates for one key,
    countries first, then regions, then by population (``places.rank``).
    """

    def __init__(self, tables: Tables, path: Path | None = None) -> None:
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
        path = cache_path(folder, sources.key())
        try:
            return cls(Tables.read(path), path)
        except (OSError, ValueError, KeyError):
            pass  # missing or damaged: rebuild below (a stale one has another name)
        tables = build_tables(sources)
        try:
            tables.write(path)
        except OSError as error:  # read-only or full disk: still usable, just not cached
            warnings.warn(f"gazetteer index not cached ({error}); it will be built again", stacklevel=2)
            return cls(tables, None)
        remove_stale(folder, keep=path)
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


__all__ = ["Gazetteer", "default_gazetteer"]
