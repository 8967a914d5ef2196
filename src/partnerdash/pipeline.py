"""From news files to tables, in the order the data flows.

load → extract (dates, language, topics, kind; place names and pairs)
     → geocode (resolve names against gazetteer and overrides, in each item's context)
     → model (typed events, places and partnerships tables)
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from partnerdash import settings
from partnerdash.extract.items import extract_items
from partnerdash.extract.rules import default_rules
from partnerdash.geocode.complete import complete_online
from partnerdash.geocode.gazetteer import Place, admin1_name, default_gazetteer
from partnerdash.geocode.online import Geocoder, make_geocoder
from partnerdash.geocode.overrides import OverrideWarning, index_overrides, load_overrides
from partnerdash.geocode.resolve import ItemPlaces, PlaceFinder
from partnerdash.geocode.supplement import names_for
from partnerdash.load import Document, LoadError, LoadWarning, RawItem, load_documents
from partnerdash.load.sources import documents
from partnerdash.model import Dataset, tables
from partnerdash.registry.load import Registry, load_registry

T = TypeVar("T")
Progress = Callable[[Iterable[T], int], Iterator[T]]


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
    items: Sequence[RawItem],
    finder: PlaceFinder,
    progress: Progress[RawItem] | None = None,
    langs: Sequence[str] | None = None,
) -> list[ItemPlaces]:
    """Each item's places; ``langs``: the items' languages, if already known."""
    stream = progress(items, len(items)) if progress else iter(items)
    return [
        finder.find(
            {"title": i.title, "caption": i.caption or "", "summary": i.summary},
            i.dateline_place,
            langs[n] if langs else None,
        )
        for n, i in enumerate(stream)
    ]


def build(
    docs: Iterable[Document | LoadError],
    finder: PlaceFinder | None = None,
    progress: Progress[RawItem] | None = None,
    online: Geocoder | None = None,
) -> Dataset:
    """Tables from documents. ``online``: a geocoder to ask about names the gazetteer lacks."""
    docs = list(docs)
    loaded = load_documents(docs)
    records, date_warnings = extract_items(loaded.items)
    finder = finder or default_finder()
    found = find_places(loaded.items, finder, progress, [r["lang"] for r in records])
    geocode_warnings: list[LoadWarning] = []
    if online is not None:
        found, problems = complete_online(found, online)
        geocode_warnings = [LoadWarning("online geocoder", p) for p in problems]
    events, places, partnerships = tables(records, found, admin1_name)
    failed = sum(w.failed for w in loaded.warnings)
    return Dataset(
        events=events,
        places=places,
        partnerships=partnerships,
        # The overrides' skipped rows too: the data-quality page lists every warning.
        warnings=loaded.warnings + date_warnings + geocode_warnings + override_places()[1],
        files_read=len(docs) - failed,
        files_failed=failed,
    )


def build_paths(paths: list[str | Path], finder: PlaceFinder | None = None) -> Dataset:
    return build(documents(paths), finder, online=online_geocoder())


def online_geocoder() -> Geocoder | None:
    """The online geocoder if the settings opt in to one (PARTNERDASH_GEOCODER), else None."""
    return None if settings.get("geocoder") == "offline" else make_geocoder()


def registry(path: Path | None = None) -> Registry:
    """The registry of known partnerships, resolved with the gazetteer and overrides the news use."""
    return load_registry(path or settings.get_path("registry"))
