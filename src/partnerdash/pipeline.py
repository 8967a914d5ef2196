"""From news files to tables, in the order the data flows.

load → extract (dates, language, topics, kind; place names and pairs)
     → geocode (resolve names against gazetteer and overrides, in each item's context)
     → model (typed events, places and partnerships tables)
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from partnerdash import settings
from partnerdash.extract.dating import item_dates
from partnerdash.extract.items import as_written, describe
from partnerdash.extract.rules import default_rules
from partnerdash.geocode.complete import complete_online
from partnerdash.geocode.gazetteer import default_gazetteer
from partnerdash.geocode.gazetteer.places import Place
from partnerdash.geocode.gazetteer.sources import Sources, admin1_name
from partnerdash.geocode.online import Geocoder, make_geocoder
from partnerdash.geocode.overrides import OverrideWarning, index_overrides, load_overrides
from partnerdash.geocode.resolve import ItemPlaces, PlaceFinder
from partnerdash.geocode.supplement import names_for
from partnerdash.load import Document, LoadError, LoadResult, LoadWarning, RawItem, load_documents
from partnerdash.load.sources import documents
from partnerdash.model import Dataset, ItemRows, TableRows, combine, item_rows
from partnerdash.registry.load import Registry, load_registry
from partnerdash.store import Store, resolution_version

# Called as chunks are done: (items done so far, items in all).
Progress = Callable[[int, int], None]


class Extracted(NamedTuple):
    """A chunk's results, item by item: what each says (``describe``), its rows of the
    places and partnerships tables; and what the online geocoder, if asked, reported."""

    records: list[dict[str, Any]]
    rows: list[ItemRows]
    problems: list[str]


# Maps extract_chunk over chunks, yielding results in the chunks' order (partnerdash.parallel).
Runner = Callable[[Sequence[Sequence[RawItem]]], Iterator[Extracted]]
CHUNK_ITEMS = 500
# Below this, starting worker processes costs more than it saves.
PARALLEL_FROM_ITEMS = 2_000


def override_places(path: Path | None = None) -> tuple[dict[str, list[Place]], list[LoadWarning]]:
    """The overrides file's places by name key, and a warning per row it skipped."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", OverrideWarning)
        overrides = index_overrides(load_overrides(path))
    skipped = [LoadWarning("places_overrides.csv", str(w.message)) for w in caught]
    return {key: [o.place() for o in rows] for key, rows in overrides.items()}, skipped


def default_finder() -> PlaceFinder:
    places, _ = override_places()
    include = settings.get("include_uncertain").strip().lower() in {"1", "true", "yes"}
    return PlaceFinder(
        default_gazetteer(), places, default_rules(), include_uncertain=include, registry=names_for()
    )


def find_places(
    items: Sequence[RawItem], finder: PlaceFinder, langs: Sequence[str] | None = None
) -> list[ItemPlaces]:
    """Each item's places; ``langs``: the items' languages, if already known."""
    return [
        finder.find(
            {"title": i.title, "caption": i.caption or "", "summary": i.summary},
            i.dateline_place,
            langs[n] if langs else None,
        )
        for n, i in enumerate(items)
    ]


def extract_chunk(items: Sequence[RawItem], finder: PlaceFinder, online: Geocoder | None = None) -> Extracted:
    """What each item says (language, topics, kind) and its rows of the places and
    partnerships tables: a pure function of the chunk, so chunks can run anywhere
    (partnerdash.parallel). ``online``: a geocoder to ask about names the gazetteer lacks."""
    records = [describe(item) for item in items]
    found = find_places(items, finder, [r["lang"] for r in records])
    problems: list[str] = []
    if online is not None:
        found, problems = complete_online(found, online)
    state_name = cache(admin1_name)  # a handful of states, asked for every German place
    return Extracted(records, [item_rows(f, state_name) for f in found], problems)


def extract(
    items: Sequence[RawItem],
    finder: PlaceFinder | None = None,
    progress: Progress | None = None,
    runner: Runner | None = None,
    online: Geocoder | None = None,
) -> Generator[Extracted, None, None]:
    """Each chunk's results, in order, as soon as it is done; on ``runner`` for large
    inputs (its workers use the default finder), else here with ``finder``. With an
    online geocoder, always here: its rate limit and cache of answers are this
    process's, and workers with one each would ask more often than the limit allows.
    Lazy: nothing is extracted until the result is iterated."""
    chunks = [items[i : i + CHUNK_ITEMS] for i in range(0, len(items), CHUNK_ITEMS)]
    if not chunks:
        return  # every file came from the store: no place finder to build
    if runner is not None and online is None and len(items) >= PARALLEL_FROM_ITEMS:
        results = runner(chunks)
    else:
        here = finder or default_finder()
        results = (extract_chunk(chunk, here, online) for chunk in chunks)
    done = 0
    for result in results:
        done += len(result.records)
        if progress is not None:
            progress(done, len(items))
        yield result


def build(
    docs: Iterable[Document | LoadError],
    finder: PlaceFinder | None = None,
    progress: Progress | None = None,
    online: Geocoder | None = None,
    runner: Runner | None = None,
    store: Store | None = None,
) -> Dataset:
    """Tables from documents. ``online``: a geocoder to ask about names the gazetteer lacks;
    ``runner``: where large inputs are extracted (all local cores, a Dask cluster; not
    used with an online geocoder, whose rate limit and cache are this process's);
    ``store``: where each file's tables are kept, so unchanged files are not extracted again
    (not used with an online geocoder, whose answers may change between runs).

    The tables grow as chunks come back: workers make each chunk's rows, and this process
    joins them to their events while the workers extract the next chunks."""
    store = None if online is not None else store
    parts = [_stored_or_loaded(doc, store) for doc in docs]
    todo = [part for part in parts if part.dataset is None]
    pending: list[_DocumentTables | None] = [None] * len(todo)
    items = [item for part in todo for item in part.loaded.items]
    geocode_warnings: list[LoadWarning] = []
    with closing(extract(items, finder, progress, runner, online)) as results:
        for n, records, rows in _by_document(
            results, [len(part.loaded.items) for part in todo], geocode_warnings
        ):
            # Made at a document's first chunk: its dates are worked out while workers run.
            document = pending[n] = pending[n] or _DocumentTables(todo[n].loaded)
            document.add(records, rows)
    del items
    for n, part in enumerate(todo):
        _finish(part, pending[n] or _DocumentTables(part.loaded), store)
        pending[n] = None  # its rows are in its tables now
    dataset = combine([part.dataset for part in parts if part.dataset is not None]) if parts else Dataset()
    # The overrides' skipped rows too: the data-quality page lists every warning.
    dataset.warnings = dataset.warnings + geocode_warnings + override_places()[1]
    return dataset


def _by_document(
    results: Iterable[Extracted], sizes: Sequence[int], problems: list[LoadWarning]
) -> Iterator[tuple[int, list[dict[str, Any]], list[ItemRows]]]:
    """The chunks' results cut where one document's items end and the next one's begin:
    (the document's number, records, rows); documents without items are passed over. The
    online geocoder's problems go to ``problems``.
    ValueError if the results do not add up to the documents' items."""
    document, left = -1, 0
    for records, rows, reported in results:
        problems.extend(LoadWarning("online geocoder", p) for p in reported)
        if len(rows) != len(records):
            raise ValueError(f"a chunk came back with {len(records)} records but {len(rows)} rows")
        start = 0
        while start < len(records):
            while left == 0:
                document += 1
                if document == len(sizes):
                    raise ValueError("extraction returned more items than it was given")
                left = sizes[document]
            end = min(start + left, len(records))
            yield document, records[start:end], rows[start:end]
            left -= end - start
            start = end
    if left or any(sizes[document + 1 :]):
        raise ValueError("extraction returned fewer items than it was given")


def _finish(part: _Part, document: _DocumentTables, store: Store | None) -> None:
    """The document's tables, into the store too; its loaded items are let go."""
    part.dataset = document.dataset()
    if store is not None and part.key is not None and not part.dataset.files_failed:
        store.write_tables(store.tables_key(part.key), part.dataset)
    part.loaded = LoadResult()  # in the tables now; loading 100k raised the peak ~370 MB


@dataclass
class _Part:
    """One document on its way to tables: its items, or its tables from the store."""

    loaded: LoadResult
    key: str | None = None  # its items' key in the store
    dataset: Dataset | None = None


def _stored_or_loaded(doc: Document | LoadError, store: Store | None) -> _Part:
    if store is None or isinstance(doc, LoadError):
        return _Part(load_documents([doc]))
    key = store.items_key(doc)
    stored = store.read_tables(store.tables_key(key))
    if stored is not None:
        stored.files_stored = stored.files_read
        return _Part(LoadResult(), key, stored)
    loaded = store.read_items(key)
    if loaded is None:
        loaded = load_documents([doc])
        if not any(w.failed for w in loaded.warnings):
            store.write_items(key, loaded)
    return _Part(loaded, key)


class _DocumentTables:
    """One document's tables, filled as its items' records and rows come back."""

    def __init__(self, loaded: LoadResult) -> None:
        self._warnings = loaded.warnings
        self._items = loaded.items
        # Dates over the whole document: a page's undated items take their year from neighbours.
        self._dates, self._date_warnings = item_dates(loaded.items)
        self._rows = TableRows()
        self._done = 0

    def add(self, records: list[dict[str, Any]], rows: list[ItemRows]) -> None:
        start, end = self._done, self._done + len(records)
        self._rows.add(
            [
                {**as_written(item), **record, "date": day, "date_inferred": inferred}
                for item, record, (day, inferred) in zip(
                    self._items[start:end], records, self._dates[start:end], strict=True
                )
            ],
            rows,
        )
        self._done = end

    def dataset(self) -> Dataset:
        events, places, partnerships = self._rows.frames()
        failed = sum(w.failed for w in self._warnings)
        return Dataset(
            events=events,
            places=places,
            partnerships=partnerships,
            warnings=self._warnings + self._date_warnings,
            files_read=1 - failed,
            files_failed=failed,
        )


def default_store() -> Store | None:
    """The store in the cache folder, unless the settings turn it off."""
    if not settings.get_bool("store"):
        return None
    resolution = resolution_version(Sources.default().key())
    return Store(settings.get_path("cache_dir") / "store", resolution)


def build_paths(paths: list[str | Path], finder: PlaceFinder | None = None) -> Dataset:
    return build(documents(paths), finder, online=online_geocoder())


def online_geocoder() -> Geocoder | None:
    """The online geocoder if the settings opt in to one (PARTNERDASH_GEOCODER), else None."""
    return None if settings.get("geocoder") == "offline" else make_geocoder()


def registry(path: Path | None = None) -> Registry:
    """The registry of known partnerships, resolved with the gazetteer and overrides the news use."""
    return load_registry(path or settings.get_path("registry"))
