"""The Partnerships page: a registry joined with the sample's items.

Most tests load the real Wikidata registry of German twinnings from ../shared/data (they
skip without it); one checks the small registry bundled with the sample.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from tests.views.conftest import open_page

from partnerdash.views.text import plain

App = Callable[[Path | None], AppTest]
WIKIDATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "sistercities_germany_wikidata_2017.tsv"


@pytest.fixture
def wikidata(monkeypatch: pytest.MonkeyPatch) -> Path:
    if not WIKIDATA.exists():
        pytest.skip(f"needs the real registry at {WIKIDATA} (../shared/data)")
    monkeypatch.setenv("PARTNERDASH_REGISTRY", str(WIKIDATA))
    return WIKIDATA


def figures(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_known_partnerships_with_their_news(app: App, wikidata: Path) -> None:
    at = open_page(app(None), "partnerships")
    assert not at.exception
    # The Wikidata registry: 5,681 rows, 4,913 distinct partnerships; three are in the sample's news.
    assert figures(at) == {
        "Known partnerships": "4,913",
        "Active": "3",
        "Quiet": "0",
        "No news": "4,910",
        "New or unregistered": "1",
    }
    table = at.dataframe[0].value
    active = table[table["Status"] == "Active"]
    assert set(active["Municipality"] + " – " + active["Partner"]) == {
        "Leipzig (DE) – Kyiv (UA)",
        "Hildesheim (DE) – Padang (ID)",
        "Munich (DE) – Harare (ZW)",
    }
    # Al Mohammara is not in the gazetteer or the registry: the news names it, so it is listed.
    unregistered = at.dataframe[1].value
    assert list(unregistered["Partner"]) == ["Al Mohammara (LB)"]


def test_one_partnerships_items(app: App, wikidata: Path) -> None:
    at = open_page(app(None), "partnerships")
    picker = at.selectbox[0]
    leipzig = next(i for i, label in enumerate(picker.options) if label.startswith("Leipzig"))
    picker.set_value(leipzig).run()
    items = at.dataframe[-1].value
    assert list(items["Title"]) == ["Leipzig-Kyiv: a dynamic partnership in troubled times"]


def test_the_sidebar_filters_apply_to_either_side(app: App, wikidata: Path) -> None:
    at = open_page(app(None), "partnerships")
    at.multiselect(key="country").set_value(["UA"]).run()
    shown = figures(at)
    assert shown["Active"] == "1"
    assert int(shown["Known partnerships"].replace(",", "")) < 4913


def test_status_choice_narrows_the_table(app: App, wikidata: Path) -> None:
    at = open_page(app(None), "partnerships")
    at.button_group(key="link_status").set_value(["active"]).run()
    assert set(at.dataframe[0].value["Status"]) == {"Active"}


def test_in_german(app: App, wikidata: Path) -> None:
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=120)
    at.query_params["ui_lang"] = "DE"
    at.run()
    open_page(at, "partnerships")
    assert not at.exception
    assert figures(at)["Bekannte Partnerschaften"] == "4.913"


def test_without_a_registry_the_page_says_so_and_the_map_shows_news_pairs(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARTNERDASH_REGISTRY", "none")
    at = open_page(app(None), "partnerships")
    assert not at.exception
    assert "No registry" in at.info[0].value
    assert not open_page(at, "map").exception


def test_a_missing_registry_file_is_a_warning(
    app: App, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PARTNERDASH_REGISTRY", str(tmp_path / "nowhere.csv"))
    at = open_page(app(None), "map")
    assert not at.exception
    assert any(plain("nowhere.csv") in w.value for w in at.warning)  # escaped: a file name


def test_the_quality_page_lists_registry_rows_to_check(app: App, wikidata: Path) -> None:
    at = open_page(app(None), "quality")
    assert any("5,681 rows" in c.value and "547" in c.value for c in at.caption)
    far = next(d.value for d in at.dataframe if "a_distance_km" in d.value.columns)
    assert len(far) == 70


def test_the_bundled_registry_shows_the_samples_partnerships(app: App) -> None:
    at = open_page(app(None), "partnerships")
    assert not at.exception
    shown = figures(at)
    assert shown["Known partnerships"] == "28"
    table = at.dataframe[0].value
    active = table[table["Status"] == "Active"]
    assert {
        "Leipzig (DE) – Kyiv (UA)",
        "Hildesheim (DE) – Padang (ID)",
        "Munich (DE) – Harare (ZW)",
    } <= set(active["Municipality"] + " – " + active["Partner"])
