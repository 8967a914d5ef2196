"""Running the dashboard headless with Streamlit's AppTest."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = ("overview", "timeline", "map", "topics", "partnerships", "explorer", "quality")


def open_page(at: AppTest, page: str) -> AppTest:
    """Run the app on one of its pages (callable pages have no file for switch_page)."""
    url = "" if page == "overview" else page
    # AppTest.switch_page matches files; pages registered as callables are found by URL path.
    at._page_hash = next(h for h, info in at._registered_pages.items() if info.get("url_pathname") == url)
    return at.run()


@pytest.fixture
def data_folder(tmp_path: Path) -> Path:
    """The sample page plus the English and German fixtures: both languages, many places."""
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(ROOT / "data" / "sample" / "skew-news-archive-2023-en.txt", folder)
    for name in ("skew-archive-2019-de.txt", "skew-archive-2019-en.txt", "items.csv"):
        shutil.copy(ROOT / "tests" / "fixtures" / "news" / name, folder)
    return folder


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path | None], AppTest]:
    def start(data: Path | None = None) -> AppTest:
        if data is not None:
            monkeypatch.setenv("PARTNERDASH_DATA", str(data))
        return AppTest.from_file(APP, default_timeout=120).run()

    return start
