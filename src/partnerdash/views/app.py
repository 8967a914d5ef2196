"""The dashboard's entry point, called by app.py."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import streamlit as st

from partnerdash import settings
from partnerdash.pipeline import Dataset, build_paths


@st.cache_data(show_spinner=False)
def _dataset(path: str, mtime: float) -> Dataset:
    del mtime  # part of the cache key only: a changed file is read again
    return build_paths([path])


def _mtime(path: Path) -> float:
    if path.is_dir():
        return max((p.stat().st_mtime for p in path.rglob("*") if p.is_file()), default=0.0)
    return path.stat().st_mtime if path.exists() else 0.0


def main() -> None:
    st.set_page_config(page_title="partnerdash", layout="wide")
    source = settings.get_path("data")
    with st.status("Reading news items…", expanded=False) as status:
        dataset = _dataset(str(source), _mtime(source))
        status.update(label=f"Read {len(dataset.events)} news items", state="complete")
    events = dataset.events
    st.title("Municipal partnership activity")
    dates = events["date"].dropna()
    span = f"{dates.min():%d %b %Y} – {dates.max():%d %b %Y}" if len(dates) else "no dates"
    st.caption(f"Data: {source.name} · {len(events)} items · {span} · loaded {datetime.now():%d %b %Y %H:%M}")
    st.dataframe(events[["date", "title", "kind", "lang"]], hide_index=True, use_container_width=True)
    for warning in dataset.warnings:
        st.warning(str(warning))
