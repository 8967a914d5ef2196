"""The map page's controls, headless (AppTest): the view and the period shown, both in
the address; what the browser does with them is tests/views/test_browser_map.py's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest
from tests.views.conftest import APP, open_page

App = Callable[[Path | None], AppTest]


def spec(at: AppTest) -> dict[str, Any]:
    """The map's figure as the browser receives it."""
    found: dict[str, Any] = json.loads(at.get("plotly_chart")[0].proto.spec)
    return found


def map_at(address: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in address.items():
        at.query_params[key] = value
    return open_page(at.run(), "map")


def test_the_map_opens_fitted_to_the_data_with_every_period(app: App) -> None:
    at = open_page(app(None), "map")
    assert not at.exception
    views = at.button_group(key="view")
    assert views.value == "data"
    assert views.options[:2] == ["Data", "World"]  # as shown; the keys are the presets' names
    period = at.select_slider(key="map_period")
    assert period.value == "all"
    assert period.options == ["All", "Q2 2023", "Q3 2023", "Q4 2023"]
    figure = spec(at)
    assert figure["layout"]["geo"]["fitbounds"] is False
    assert [frame["name"] for frame in figure["frames"]] == ["2023-Q2", "2023-Q3", "2023-Q4", "all"]


def test_an_address_opens_a_preset_and_a_period() -> None:
    at = map_at({"view": "Europe", "map_period": "Q3 2023"})
    assert not at.exception
    assert at.button_group(key="view").value == "europe"
    layout = spec(at)["layout"]
    assert layout["geo"]["projection"]["type"] == "mercator"
    assert layout["geo"]["resolution"] == 50
    assert layout["sliders"][0]["active"] == 2
    assert layout["annotations"][0]["text"] == "Q3 2023"


def test_a_period_no_longer_there_shows_all_of_them(app: App) -> None:
    at = open_page(app(None), "map")
    at.session_state["map_period"] = "2099"  # as if the filters had changed
    at.run()
    assert not at.exception
    assert at.select_slider(key="map_period").value == "all"
    assert map_at({"map_period": "Q9 1999"}).select_slider(key="map_period").value == "all"


def test_the_controls_speak_german() -> None:
    at = map_at({"ui_lang": "DE"})
    assert not at.exception
    assert at.button_group(key="view").label == "Ausschnitt"
    assert "Europa" in at.button_group(key="view").options
    assert at.select_slider(key="map_period").label == "Gezeigter Zeitraum"
    assert at.select_slider(key="map_period").options[0] == "Alle"
    menu = spec(at)["layout"]["updatemenus"][0]["buttons"]
    assert menu[0]["label"] == "▶ Abspielen"
