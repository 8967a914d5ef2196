"""Loading for the dashboard: the expensive build, cached by what it depends on.

The dataset is cached per (source path, newest file time, overrides file time), so an
edited file or a saved override builds again and nothing else does; the place finder
(the gazetteer index) is kept once per process. Both are shared resources, not copied
per rerun (st.cache_data would unpickle a 100,000-item dataset on every click); nothing
downstream modifies them — filtering makes new frames. Filtering is not cached: it is cheap.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from partnerdash import settings
from partnerdash.filters import options
from partnerdash.geocode.overrides import default_path as overrides_path
from partnerdash.geocode.resolve import PlaceFinder
from partnerdash.load import Document, load_documents
from partnerdash.load.items import LoadError, LoadWarning
from partnerdash.load.sources import add_to_folder, documents
from partnerdash.model import Dataset
from partnerdash.parallel import LocalRunner, cores
from partnerdash.pipeline import build, default_finder, default_store, online_geocoder, registry
from partnerdash.registry.join import Network, join_news
from partnerdash.registry.load import Registry
from partnerdash.registry.selection import Activity

_UNSAFE = re.compile(r"[^\w.\- ]+")
_MAX_NAME = 100  # characters: enough to recognise a file, short enough for a table cell
_MAX_SUFFIX = 10


def stamp(path: Path) -> float:
    """The newest modification time under ``path`` (0 if it does not exist)."""
    if path.is_dir():
        return max((p.stat().st_mtime for p in path.rglob("*") if p.is_file()), default=0.0)
    return path.stat().st_mtime if path.exists() else 0.0


@st.cache_resource(show_spinner=False)
def finder(overrides_stamp: float) -> PlaceFinder:
    del overrides_stamp  # part of the cache key only
    return default_finder()


@st.cache_resource(show_spinner=False, max_entries=4)
def folder_dataset(source: str, source_stamp: float, overrides_stamp: float) -> Dataset:
    """The data folder's tables: unchanged files from the store, the others extracted on
    all cores (workers from a fork server: the server's threads rule out forking it)."""
    del source_stamp  # part of the cache key only
    return build(
        documents([source]),
        finder(overrides_stamp),
        online=online_geocoder(),
        runner=LocalRunner(cores(), fork=False),
        store=default_store(),
    )


@st.cache_resource(show_spinner=False, max_entries=8)
def upload_dataset(files: tuple[tuple[str, bytes], ...], overrides_stamp: float) -> Dataset:
    docs = [Document(name, data) for name, data in files]
    # Not stored: an upload stays in the session (and off the disk) until added to the archive.
    return build(docs, finder(overrides_stamp), online=online_geocoder())


@st.cache_resource(show_spinner=False, max_entries=8)
def choices(_data: Dataset, version: str) -> dict[str, list[str]]:
    """What each filter can be set to; worked out once per dataset ``version``."""
    events = _data.events
    return {
        "region": options(_data, "region"),
        "country": options(_data, "country"),
        "state": options(_data, "federal_state"),
        "municipality": options(_data, "canonical"),
        "topic": sorted({topic for topics in events["topics"] for topic in topics}),
        "kind": sorted(map(str, events["kind"].dropna().unique())),
        "lang": sorted(map(str, events["lang"].dropna().unique())),
    }


def registry_path() -> Path | None:
    return settings.get_optional_path("registry")


@st.cache_resource(show_spinner=False, max_entries=2)
def known_partnerships(path: str, path_stamp: float, overrides_stamp: float) -> Registry:
    """The registry, resolved once per file version; an unreadable file is a warning."""
    del path_stamp, overrides_stamp  # part of the cache key only
    try:
        return registry(Path(path))
    except LoadError as error:
        return Registry(warnings=[LoadWarning(error.source, error.reason, failed=True)])


@st.cache_resource(show_spinner=False, max_entries=4)
def network(
    _data: Dataset, version: str, _known: Registry, registry_version: str
) -> tuple[Network, Activity]:
    """The news joined to the registry: once per dataset and registry version."""
    del version, registry_version  # the cache key: the objects themselves are not hashed
    joined = join_news(_known.partnerships, _data.events, _data.places, _data.partnerships)
    return joined, Activity.of(joined.links, _data.events, joined.unregistered)


def version(data: Dataset) -> str:
    """Names one build of a dataset: the same for every rerun that shows it."""
    return f"{data.built_at.isoformat()}|{len(data.events)}|{data.files_read}"


def safe_name(name: str) -> str:
    """An uploaded file's name as shown and reported: no folders, no odd characters.

    Uploads are read in memory and never written to disk; the name is still made safe
    for any path, because it appears in warnings, reports and downloads.
    """
    # NFC first: a decomposed "ö" is "o" plus a combining mark, which \w does not match.
    base = Path(unicodedata.normalize("NFC", name).replace("\\", "/")).name
    clean = _UNSAFE.sub("_", base).strip(" .")
    if len(clean) > _MAX_NAME:
        suffix = Path(clean).suffix if len(Path(clean).suffix) <= _MAX_SUFFIX else ""
        clean = clean[: _MAX_NAME - len(suffix)].rstrip(" .") + suffix
    return clean or "upload"


def upload_limit_mb() -> int:
    """The largest upload accepted, from the setting max_upload_mb (a SettingError if not positive)."""
    return settings.get_int("max_upload_mb")


def too_big(size_bytes: int, limit_mb: int) -> bool:
    return size_bytes > limit_mb * 1024 * 1024


@dataclass(frozen=True)
class Source:
    path: Path
    label: str


def data_source() -> Source:
    path = settings.get_path("data")
    sample = settings.RESOURCES / "sample"
    label = "bundled sample (SKEW news archive 2023)" if path.resolve() == sample.resolve() else str(path)
    return Source(path, label)


def overrides_stamp() -> float:
    return stamp(overrides_path())


def add_to_archive(folder: Path, name: str, payload: bytes) -> str | None:
    """Put an uploaded file into the data folder if it reads as news; else why not."""
    loaded = load_documents([Document(name, payload)])
    failure = next((w for w in loaded.warnings if w.failed), None)
    if failure is not None:
        return str(failure)
    if not loaded.items:
        return f"{name}: no news items found; not added"
    try:
        add_to_folder(folder, Document(name, payload))
    except OSError as error:
        return f"{name}: could not be written to {folder} ({error.strerror})"
    return None
