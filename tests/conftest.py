"""Shared fixtures: paths to the sample data and the test fixtures, and settings pinned.

The developer's own settings never reach a test: every ``PARTNERDASH_*`` variable is
removed for the session (and so for every app or command a test starts), the settings
file is one that does not exist, and each test saves place overrides to a folder of its
own. Only ``PARTNERDASH_CACHE_DIR`` is kept — the Makefile sets it to the checkout's
``.cache/`` so the gazetteer index is built once — and set to that folder when unset.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "data" / "sample" / "skew-news-archive-2023-en.txt"
KEPT = frozenset({"PARTNERDASH_CACHE_DIR"})


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "package: builds the wheel and installs it in a fresh environment (about a minute)"
    )


@pytest.fixture(scope="session", autouse=True)
def _pinned_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Session-wide, so that it is in place before module-scoped fixtures start servers too.
    with pytest.MonkeyPatch.context() as patch:
        for name in [n for n in os.environ if n.startswith("PARTNERDASH_") and n not in KEPT]:
            patch.delenv(name)
        patch.setenv("PARTNERDASH_CACHE_DIR", os.environ.get("PARTNERDASH_CACHE_DIR") or str(ROOT / ".cache"))
        patch.setenv("PARTNERDASH_CONFIG", str(tmp_path_factory.mktemp("settings") / "absent.toml"))
        patch.setenv("PARTNERDASH_USER_DATA_DIR", str(tmp_path_factory.mktemp("user-data")))
        yield


@pytest.fixture(autouse=True)
def _own_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """An override saved by one test is not read by the next."""
    monkeypatch.setenv("PARTNERDASH_USER_DATA_DIR", str(tmp_path_factory.mktemp("user-data")))


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
