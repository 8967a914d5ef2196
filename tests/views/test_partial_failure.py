"""One broken file among ten: every page names it and why, and counts the nine others."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from tests.test_partial_failure import GOOD_ITEMS, ten_files
from tests.views.conftest import open_page

from partnerdash.i18n import Labels
from partnerdash.views.text import plain

App = Callable[[Path | None], AppTest]


@pytest.mark.parametrize(("page", "lang"), [("overview", "en"), ("quality", "de")])
def test_the_broken_file_is_named_with_its_reason(app: App, tmp_path: Path, page: str, lang: str) -> None:
    at = app(ten_files(tmp_path / "news", "broken.xlsx"))
    if lang != "en":
        at.segmented_control(key="ui_lang").set_value(lang).run()
    at = open_page(at, page)
    assert not at.exception, [e.value for e in at.exception]
    # One warning on the page, under the header line: what failed, then each file and why.
    (warning,) = at.warning
    assert warning.value.startswith(f"**{plain(Labels(lang)('files_failed', count=1))}**")
    # File names and reasons may quote the file: shown escaped, never as Markdown.
    assert plain("broken.xlsx") in warning.value
    assert plain("not a readable Excel workbook") in warning.value
    shown = {"en": "Showing {n} of {n} items", "de": "{n} von {n} Meldungen"}[lang]
    assert shown.format(n=GOOD_ITEMS) in at.caption[0].value


def test_no_failure_no_notice(app: App) -> None:
    at = app(None)
    assert not at.warning
    assert not at.expander
