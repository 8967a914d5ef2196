"""The dashboard's build: large folders on all cores, unchanged files from the store."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from partnerdash.i18n import Labels
from partnerdash.views.text import plain

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "sample" / "skew-news-archive-2023-en.txt"


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"  # a path of its own: nothing stored for it yet
    folder.mkdir()
    shutil.copy(SEED, folder)
    return folder


def files(stored: int, extracted: int) -> str:
    """The header line's part on the files read, as the page shows it (escaped)."""
    return plain(Labels("en")("header_files", files=stored + extracted, stored=stored, extracted=extracted))


def test_a_restart_reads_unchanged_files_from_the_store(
    app: Callable[[Path | None], AppTest], news: Path
) -> None:
    assert files(stored=0, extracted=1) in app(news).caption[0].value
    st.cache_resource.clear()  # as a restarted server has no cache
    assert files(stored=1, extracted=0) in app(news).caption[0].value


def test_worker_processes_extract_a_large_folder_without_drawing_pages(
    app: Callable[[Path | None], AppTest], news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers start fresh (the server's threads rule out forking it) and import app.py as
    __mp_main__: it must not run the dashboard there."""
    monkeypatch.setattr("partnerdash.pipeline.PARALLEL_FROM_ITEMS", 1)
    monkeypatch.setattr("partnerdash.pipeline.CHUNK_ITEMS", 3)
    monkeypatch.setenv("PARTNERDASH_STORE", "false")
    st.cache_resource.clear()
    at = app(news)
    assert not at.exception
    assert "Showing 12 of 12 items" in at.caption[0].value
    assert files(stored=0, extracted=1) in at.caption[0].value


def test_the_map_offers_the_view_as_geojson(app: Callable[[Path | None], AppTest], news: Path) -> None:
    from tests.views.conftest import open_page

    at = open_page(app(news), "map")
    labels = [button.proto.label for button in at.get("download_button")]
    assert "Download GeoJSON" in labels
