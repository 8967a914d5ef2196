"""Loading for the dashboard: the expensive build, cached by what it depends on.

The dataset is cached per (source path, newest file time, overrides file time), so an
edited file or a saved override builds again and nothing else does; the place finder
(the gazetteer index) is kept once per process. Both are shared resources, not copied
per rerun (st.cache_data would unpickle a 100,000-item dataset on every click); nothing
downstream modifies them — filtering makes new frames. Filtering is not cached: it is cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from partnerdash import settings
from partnerdash.extract.places import PlaceFinder
from partnerdash.extract.rules import default_rules
from partnerdash.filters import options
from partnerdash.geocode.gazetteer import default_gazetteer
from partnerdash.geocode.overrides import default_path as overrides_path
from partnerdash.load import Document
from partnerdash.load.sources import documents
from partnerdash.pipeline import Dataset, build, online_geocoder, override_places

_UNSAFE = re.compile(r"[^\w.\- ]+")


def stamp(path: Path) -> float:
    """The newest modification time under ``path`` (0 if it does not exist)."""
    if path.is_dir():
        return max((p.stat().st_mtime for p in path.rglob("*") if p.is_file()), default=0.0)
    return path.stat().st_mtime if path.exists() else 0.0


@st.cache_resource(show_spinner=False)
def finder(overrides_stamp: float) -> PlaceFinder:
    del overrides_stamp  # part of the cache key only
    places, _ = override_places()
    return PlaceFinder(default_gazetteer(), places, default_rules())


@st.cache_resource(show_spinner=False, max_entries=4)
def folder_dataset(source: str, source_stamp: float, overrides_stamp: float) -> Dataset:
    del source_stamp  # part of the cache key only
    return build(documents([source]), finder(overrides_stamp), online=online_geocoder())


@st.cache_resource(show_spinner=False, max_entries=8)
def upload_dataset(files: tuple[tuple[str, bytes], ...], overrides_stamp: float) -> Dataset:
    docs = [Document(name, data) for name, data in files]
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


def version(data: Dataset) -> str:
    """Names one build of a dataset: the same for every rerun that shows it."""
    return f"{data.built_at.isoformat()}|{len(data.events)}|{data.files_read}"


def safe_name(name: str) -> str:
    """An uploaded file's name as shown and reported: no folders, no odd characters."""
    base = Path(name.replace("\\", "/")).name
    return _UNSAFE.sub("_", base).strip(" .") or "upload"


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
