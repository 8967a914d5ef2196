"""The data-quality page saves this session's edits onto the file as others left it.

Another session's save is made directly with ``save_edit`` between this session
opening the page and pressing Save; the table's edits are set through the editor's
session state, as the browser would send them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from tests.views.conftest import open_page

from partnerdash import settings
from partnerdash.geocode.override_edits import save_edit
from partnerdash.geocode.overrides import load_overrides

App = Callable[[Path | None], AppTest]
START = "name,country,lat,lon,kind,note\nAlpha,DE,50,10,municipality,\nBeta,FR,45,5,municipality,\n"


@pytest.fixture
def overrides() -> Path:
    """The user's copy (in the test's own user_data_dir): the page reads it and saves to it."""
    path = settings.user_file(settings.OVERRIDES)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(START, encoding="utf-8")
    return path


def other_session_changes_alpha(path: Path) -> None:
    loaded = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    save_edit(path, loaded, [{**loaded[0], "lat": "49"}, loaded[1]])


def edit_and_save(at: AppTest, edits: dict[str, object]) -> AppTest:
    at.session_state["overrides_editor"] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [], **edits}
    at.run()
    next(b for b in at.button if b.label == "Save overrides").click()
    return at.run()


def test_a_save_keeps_what_another_session_saved_meanwhile(app: App, overrides: Path) -> None:
    at = open_page(app(None), "quality")
    other_session_changes_alpha(overrides)
    added = {"name": "Gamma", "country": "LB", "lat": "34", "lon": "36", "kind": "region", "note": ""}
    at = edit_and_save(at, {"edited_rows": {1: {"lat": "46"}}, "added_rows": [added]})
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert "Saved 3 overrides." in [s.value for s in at.success]
    assert [(o.name, o.lat) for o in load_overrides(overrides)] == [
        ("Alpha", 49.0),  # the other session's edit
        ("Beta", 46.0),  # this session's edit
        ("Gamma", 34.0),  # this session's new row
    ]


def test_a_row_changed_by_another_session_is_refused_with_a_message(app: App, overrides: Path) -> None:
    at = open_page(app(None), "quality")
    other_session_changes_alpha(overrides)
    before = overrides.read_bytes()
    at = edit_and_save(at, {"edited_rows": {0: {"lat": "51"}}})
    assert not at.exception
    (error,) = at.error
    assert "someone else changed Alpha" in error.value
    assert overrides.read_bytes() == before


def test_an_invalid_edit_is_refused_with_a_message_and_the_file_kept(app: App, overrides: Path) -> None:
    at = open_page(app(None), "quality")
    before = overrides.read_bytes()
    at = edit_and_save(at, {"edited_rows": {0: {"lat": "95"}}})
    assert not at.exception
    (error,) = at.error
    assert error.value.startswith("Not saved:")
    assert "lat 95.0 is outside [-90, 90]" in error.value.replace("\\", "")  # shown Markdown-escaped
    assert overrides.read_bytes() == before


def test_an_edit_lands_on_its_row_when_another_session_removed_one_above(app: App, overrides: Path) -> None:
    """The editor's edits are by row number; they must apply to the table they were made in."""
    at = open_page(app(None), "quality")
    loaded = list(csv.DictReader(io.StringIO(overrides.read_text(encoding="utf-8"))))
    save_edit(overrides, loaded, loaded[1:])  # another session removes Alpha
    at = edit_and_save(at, {"edited_rows": {1: {"lat": "46"}}})
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert [(o.name, o.lat) for o in load_overrides(overrides)] == [("Beta", 46.0)]


def test_the_first_save_copies_the_bundled_file_to_the_user_folder(app: App) -> None:
    bundled = settings.resource(settings.OVERRIDES)
    before = bundled.read_bytes()
    user = settings.user_file(settings.OVERRIDES)
    assert not user.exists()
    at = open_page(app(None), "quality")
    added = {"name": "Gamma", "country": "LB", "lat": "34", "lon": "36", "kind": "region", "note": ""}
    at = edit_and_save(at, {"added_rows": [added]})
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    names = [o.name for o in load_overrides(user)]
    assert names == [o.name for o in load_overrides(bundled)] + ["Gamma"]  # the bundled rows kept
    assert bundled.read_bytes() == before  # the package's file is never written
    assert settings.overrides_path() == user  # and the user's copy is what is read from now on
