"""Settings: where a value comes from, its type, the errors that name it, and where the
bundled and the user's files are."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from partnerdash import settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A settings file of the test's own, not yet written."""
    path = tmp_path / "partnerdash.toml"
    monkeypatch.setenv(settings.CONFIG_ENV, str(path))
    return path


def test_environment_wins_over_the_file_and_the_default(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert settings.get("max_upload_mb") == "50"
    config.write_text('max_upload_mb = "20"\n')
    assert settings.get("max_upload_mb") == "20"
    monkeypatch.setenv("PARTNERDASH_MAX_UPLOAD_MB", "5")
    assert settings.get("max_upload_mb") == "5"
    monkeypatch.setenv("PARTNERDASH_MAX_UPLOAD_MB", "")  # empty is unset
    assert settings.get_int("max_upload_mb") == 20


def test_every_setting_has_help_and_a_default_of_its_type() -> None:
    for setting in settings.SETTINGS:
        assert setting.help
        assert setting.env_var == f"PARTNERDASH_{setting.name.upper()}"
        setting.parse(setting.default, "by default")  # raises if a default does not parse


@pytest.mark.parametrize(
    ("name", "raw", "reason"),
    [
        ("max_upload_mb", "abc", "is not a positive whole number"),
        ("max_upload_mb", "0", "is not a positive whole number"),
        ("geocoder_min_delay", "soon", "is not a number"),
        ("geocoder_min_delay", "-1", "is not a number of 0 or more"),
        ("geocoder_min_delay", "nan", "is not a number of 0 or more"),
        ("include_uncertain", "maybe", "is not true or false"),
        ("geocoder", "google", "is not one of offline, nominatim"),
        ("geocoder_user_agent", "   ", "is empty"),
    ],
)
def test_a_bad_value_is_an_error_naming_the_setting_and_its_variable(
    name: str, raw: str, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    variable = f"PARTNERDASH_{name.upper()}"
    monkeypatch.setenv(variable, raw)
    with pytest.raises(settings.SettingError) as caught:
        settings.get(name)
    assert str(caught.value) == f"{name} {raw!r} {reason} (set by {variable})"
    assert any(variable in problem for problem in settings.problems())


def test_a_bad_value_in_the_file_names_the_file(config: Path) -> None:
    config.write_text('include_uncertain = "sometimes"\n')
    with pytest.raises(settings.SettingError, match=f"include_uncertain 'sometimes' .* in {config}"):
        settings.get_bool("include_uncertain")


def test_values_parse_to_their_types(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config.write_text("max_upload_mb = 20\ninclude_uncertain = true\n")  # TOML values unquoted
    assert settings.get_int("max_upload_mb") == 20
    assert settings.get_bool("include_uncertain") is True
    for raw, flag in [("YES", True), ("on", True), ("0", False), (" Off ", False)]:
        monkeypatch.setenv("PARTNERDASH_INCLUDE_UNCERTAIN", raw)
        assert settings.get_bool("include_uncertain") is flag
        assert settings.get("include_uncertain") == ("true" if flag else "false")  # as text: one spelling
    monkeypatch.setenv("PARTNERDASH_GEOCODER", " Nominatim ")
    assert settings.get("geocoder") == "nominatim"
    monkeypatch.setenv("PARTNERDASH_GEOCODER_MIN_DELAY", "2.5")
    assert settings.get_float("geocoder_min_delay") == 2.5
    monkeypatch.setenv("PARTNERDASH_DATA", "~/news")
    assert settings.get_path("data") == Path.home() / "news"


@pytest.mark.parametrize("raw", ["none", "None", "off"])
def test_the_registry_may_be_none(raw: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTNERDASH_REGISTRY", raw)
    assert settings.get_optional_path("registry") is None
    assert settings.get("registry") == "none"


def test_the_registry_defaults_to_the_bundled_one() -> None:
    assert settings.get_optional_path("registry") == settings.RESOURCES / "registry" / "partnerships.csv"


def test_a_broken_file_or_an_unknown_name_in_it_is_reported(config: Path) -> None:
    config.write_text("dta = '/srv/news'\n")
    assert settings.problems() == [f"settings file {config}: unknown setting 'dta'"]
    config.write_text("data = \n")
    with pytest.raises(settings.SettingError, match=f"settings file {config}"):
        settings.get("data")


def test_describe_says_where_each_value_was_set(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config.write_text('geocoder_user_agent = "our-town"\n')
    monkeypatch.setenv("PARTNERDASH_MAX_UPLOAD_MB", "x")
    rows = {row["name"]: row for row in settings.describe()}
    assert (rows["geocoder_user_agent"]["value"], rows["geocoder_user_agent"]["set"]) == (
        "our-town",
        f"in {config}",
    )
    assert rows["max_upload_mb"]["value"].startswith("invalid: ")
    assert rows["data"]["set"] == "by default"


def test_a_checkout_reads_its_own_folders() -> None:
    assert not settings.INSTALLED
    assert settings.PROJECT_ROOT == ROOT
    assert settings.APP == ROOT / "app.py"
    assert (settings.RESOURCES / "sample").is_dir()
    assert (settings.STATIC / "topojson" / "world_110m.json").is_file()
    assert settings.CONFIG_FILE == ROOT / ".streamlit" / "partnerdash.toml"


def test_the_tests_see_none_of_the_developers_settings() -> None:
    """tests/conftest.py pins them: a developer's PARTNERDASH_DATA must not change a result."""
    pinned = {name for name in os.environ if name.startswith("PARTNERDASH_")}
    assert pinned == {"PARTNERDASH_CACHE_DIR", settings.CONFIG_ENV, "PARTNERDASH_USER_DATA_DIR"}
    assert not settings.config_file().exists()
    assert not any(os.scandir(settings.get_path("user_data_dir")))  # a folder of this test's own


def test_the_bundled_overrides_are_read_until_the_user_saves() -> None:
    bundled = settings.resource(settings.OVERRIDES)
    assert settings.overrides_path() == bundled
    user = settings.writable_overrides_path()
    assert user == settings.get_path("user_data_dir") / settings.OVERRIDES
    assert user.read_bytes() == bundled.read_bytes()  # seeded: a save must not lose its rows
    assert settings.overrides_path() == user


def test_seeding_never_replaces_the_users_copy() -> None:
    user = settings.user_file(settings.OVERRIDES)
    user.write_text("name,country,lat,lon,kind,note\n", encoding="utf-8")
    assert settings.writable_overrides_path() == user
    assert user.read_text(encoding="utf-8") == "name,country,lat,lon,kind,note\n"


def test_a_read_only_bundled_file_gives_an_editable_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resources = tmp_path / "site-packages-data"
    resources.mkdir()
    bundled = resources / settings.OVERRIDES
    bundled.write_text("name,country,lat,lon,kind,note\nAlpha,DE,50,10,municipality,\n", encoding="utf-8")
    bundled.chmod(0o444)
    monkeypatch.setenv("PARTNERDASH_RESOURCES", str(resources))
    monkeypatch.setenv("PARTNERDASH_USER_DATA_DIR", str(tmp_path / "new" / "folder"))
    user = settings.writable_overrides_path()
    assert user.stat().st_mode & 0o777 == 0o644
    assert user.read_bytes() == bundled.read_bytes()


def test_sessions_seeding_at_once_make_one_copy() -> None:
    paths: list[Path] = []
    threads = [
        threading.Thread(target=lambda: paths.append(settings.writable_overrides_path())) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    folder = settings.get_path("user_data_dir")
    assert set(paths) == {folder / settings.OVERRIDES}
    assert [p.name for p in folder.iterdir()] == [settings.OVERRIDES]  # no temporary file left
    assert paths[0].read_bytes() == settings.resource(settings.OVERRIDES).read_bytes()
