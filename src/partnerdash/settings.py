"""Settings declared once, in the table SETTINGS: name, default, type and help.

A setting's value comes from, in this order: the environment variable
``PARTNERDASH_<NAME>`` (e.g. ``PARTNERDASH_DATA=/srv/news``); the settings file
(``data = "/srv/news"``); its default. The settings file is ``.streamlit/partnerdash.toml``
beside the app in a checkout, in the current folder for an installed package, or the file
``PARTNERDASH_CONFIG`` names. Every value is parsed by its setting's type: one that does
not parse is a :class:`SettingError` naming the setting, the value and where it was set.

The bundled files — ``data/`` (topics, labels, the sample, the registry, …), ``static/``
(the world shapes Streamlit serves) and the Streamlit script ``app.py`` — sit in
:data:`PROJECT_ROOT`: the checkout in a source or editable install, the package's own
folder when installed from a wheel (which carries them as package data). Files the user
edits from the dashboard (the place overrides) are saved in ``user_data_dir``, never there:
an installed package's folder may be read-only, and a reinstall would lose them.
"""

from __future__ import annotations

import importlib.resources
import math
import os
import shutil
import tempfile
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar

import platformdirs

T = TypeVar("T")


def _installed_root() -> Path | None:
    """The package's folder when it carries the bundled files (a wheel install), else None."""
    folder = importlib.resources.files("partnerdash")
    # A wheel installs as plain files; the package of a checkout (src/partnerdash) has no data/.
    return folder if isinstance(folder, Path) and (folder / "data").is_dir() else None


_INSTALLED_ROOT = _installed_root()
INSTALLED = _INSTALLED_ROOT is not None
PROJECT_ROOT = _INSTALLED_ROOT or Path(__file__).resolve().parents[2]
RESOURCES = PROJECT_ROOT / "data"
STATIC = PROJECT_ROOT / "static"
APP = PROJECT_ROOT / "app.py"  # the Streamlit script: static/ and .streamlit/ are beside it
# Relative when installed: read from the folder the dashboard is started in, like
# Streamlit's own .streamlit/config.toml.
CONFIG_FILE = (
    Path(".streamlit", "partnerdash.toml") if INSTALLED else PROJECT_ROOT / ".streamlit" / "partnerdash.toml"
)
CONFIG_ENV = "PARTNERDASH_CONFIG"  # names another settings file (the tests pin it)
OVERRIDES = "places_overrides.csv"


class SettingError(ValueError):
    """A setting's value is not of its type; the message names the setting and its source."""


@dataclass(frozen=True)
class Kind(Generic[T]):
    """A setting's type: how its text is read, and how the value reads back as text."""

    name: str  # as the help shows it
    parse: Callable[[str], T]  # raises ValueError saying what is wrong ("is not a number")
    text: Callable[[T], str] = str


def _text(raw: str) -> str:
    value = raw.strip()
    if not value:
        raise ValueError("is empty")
    return value


def _choice(*options: str) -> Kind[str]:
    def parse(raw: str) -> str:
        value = raw.strip().lower()
        if value not in options:
            raise ValueError(f"is not one of {', '.join(options)}")
        return value

    return Kind("|".join(options), parse)


def _positive_int(raw: str) -> int:
    try:
        value = int(raw.strip())
    except ValueError:
        value = 0  # refused just below, with the same words as a negative number
    if value <= 0:
        raise ValueError("is not a positive whole number")
    return value


def _seconds(raw: str) -> float:
    try:
        value = float(raw.strip())
    except ValueError:
        raise ValueError("is not a number") from None
    if not (math.isfinite(value) and value >= 0):  # nan compares false, so it is refused too
        raise ValueError("is not a number of 0 or more")
    return value


_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def _flag(raw: str) -> bool:
    value = raw.strip().lower()
    if value not in _TRUE | _FALSE:
        raise ValueError("is not true or false")
    return value in _TRUE


def _path(raw: str) -> Path:
    return Path(_text(raw)).expanduser()


_NONE = frozenset({"none", "off"})  # what the registry setting says for no registry


def _optional_path(raw: str) -> Path | None:
    return None if raw.strip().lower() in _NONE else _path(raw)


TEXT: Kind[str] = Kind("text", _text)
POSITIVE_INT: Kind[int] = Kind("positive whole number", _positive_int)
SECONDS: Kind[float] = Kind("seconds", _seconds)
FLAG: Kind[bool] = Kind("true|false", _flag, lambda value: "true" if value else "false")
PATH: Kind[Path] = Kind("path", _path)
OPTIONAL_PATH: Kind[Path | None] = Kind(
    "path|none", _optional_path, lambda p: "none" if p is None else str(p)
)


@dataclass(frozen=True)
class Setting(Generic[T]):
    name: str
    default: str  # as text, like the values from the environment and the file
    help: str
    kind: Kind[T]

    @property
    def env_var(self) -> str:
        return f"PARTNERDASH_{self.name.upper()}"

    def parse(self, raw: str, origin: str) -> T:
        try:
            return self.kind.parse(raw)
        except ValueError as error:
            raise SettingError(f"{self.name} {raw!r} {error} (set {origin})") from None


SETTINGS: tuple[Setting[Any], ...] = (
    Setting("data", str(RESOURCES / "sample"), "Folder or file of news items the dashboard shows.", PATH),
    Setting(
        "resources",
        str(RESOURCES),
        "Folder of editable data files: topics, regions, place overrides, labels.",
        PATH,
    ),
    Setting(
        "cache_dir",
        str(Path.home() / ".cache" / "partnerdash"),
        "Where the gazetteer index and the online geocoding cache are kept.",
        PATH,
    ),
    Setting(
        "user_data_dir",
        platformdirs.user_data_dir("partnerdash", appauthor=False),
        "Where the place overrides edited in the dashboard are saved (seeded from the bundled file).",
        PATH,
    ),
    Setting(
        "geocoder",
        "offline",
        "offline (embedded GeoNames gazetteer) or nominatim (online, opt-in, cached).",
        _choice("offline", "nominatim"),
    ),
    Setting(
        "geocoder_user_agent",
        "partnerdash",
        "User agent sent to an online geocoder, as its usage policy asks.",
        TEXT,
    ),
    Setting(
        "geocoder_min_delay",
        "1.0",
        "Seconds between online geocoder requests (Nominatim allows 1 per second).",
        SECONDS,
    ),
    Setting(
        "include_uncertain",
        "false",
        "true: also place and count names scored below the place model's threshold (uncertain).",
        FLAG,
    ),
    Setting(
        "store",
        "true",
        "true: keep each file's extracted tables in cache_dir/store and reuse them while the file, "
        "the code, the gazetteer, the overrides and the registry are unchanged.",
        FLAG,
    ),
    Setting("max_upload_mb", "50", "Largest file the dashboard accepts as an upload, in MB.", POSITIVE_INT),
    Setting(
        "registry",
        str(RESOURCES / "registry" / "partnerships.csv"),
        "Table of known partnerships joined with the news (CSV, TSV, Excel or JSON); none for no registry.",
        OPTIONAL_PATH,
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def config_file() -> Path:
    """The settings file in force: the one PARTNERDASH_CONFIG names, else CONFIG_FILE."""
    named = os.environ.get(CONFIG_ENV)
    # absolute(): the installed package's relative default, as messages should name it.
    return (Path(named).expanduser() if named else CONFIG_FILE).absolute()


@cache
def _file_values(path: Path, stamp: float) -> dict[str, str]:
    del stamp  # part of the cache key only: an edited file is read again
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise SettingError(f"settings file {path}: {error}") from None
    # str(): a file may say max_upload_mb = 50 or include_uncertain = true, unquoted.
    return {str(k): str(v) for k, v in table.items()}


def _from_file() -> tuple[Path, dict[str, str]]:
    path = config_file()
    try:
        return path, _file_values(path, path.stat().st_mtime)
    except FileNotFoundError:
        return path, {}


def _raw(setting: Setting[Any]) -> tuple[str, str]:
    """The setting's text and where it came from, as an error message says it."""
    # An empty variable or value counts as unset, so `PARTNERDASH_DATA= make run` is the default.
    from_env = os.environ.get(setting.env_var)
    if from_env:
        return from_env, f"by {setting.env_var}"
    path, values = _from_file()
    if values.get(setting.name):
        return values[setting.name], f"in {path}"
    return setting.default, "by default"


def value(name: str) -> Any:
    """The parsed value of setting ``name``, of its type (the typed getters below say which).

    SettingError if it does not parse.
    """
    setting = _BY_NAME[name]
    return setting.parse(*_raw(setting))


def get(name: str) -> str:
    """Setting ``name`` as text, checked: "true" or "false" for a flag, "none" for no path."""
    setting = _BY_NAME[name]
    return str(setting.kind.text(value(name)))


def _typed(name: str, expected: type[T]) -> T:
    result = value(name)
    if not isinstance(result, expected):
        raise TypeError(f"setting {name} is a {type(result).__name__}, not a {expected.__name__}")
    return result


def get_int(name: str) -> int:
    return _typed(name, int)


def get_float(name: str) -> float:
    return _typed(name, float)


def get_bool(name: str) -> bool:
    return _typed(name, bool)


def get_path(name: str) -> Path:
    """Setting ``name`` as a path (a path setting's "none" reads as the path "none")."""
    return Path(get(name)).expanduser()


def get_optional_path(name: str) -> Path | None:
    """A path setting that may say none (registry): None then."""
    result = value(name)
    if result is not None and not isinstance(result, Path):
        raise TypeError(f"setting {name} is a {type(result).__name__}, not a path")
    return result


def problems() -> list[str]:
    """Every setting that does not parse and every unknown name in the settings file."""
    found: list[str] = []
    for setting in SETTINGS:
        try:
            value(setting.name)
        except SettingError as error:
            found.append(str(error))
    path, values = _from_file()
    found += [f"settings file {path}: unknown setting {name!r}" for name in values if name not in _BY_NAME]
    return found


def describe() -> list[Mapping[str, str]]:
    """Each setting with its value (or the error) and where it came from: for `partnerdash settings`."""
    rows: list[Mapping[str, str]] = []
    for setting in SETTINGS:
        origin = _raw(setting)[1]
        try:
            shown = get(setting.name)
        except SettingError as error:
            shown = f"invalid: {error}"
        rows.append(
            {
                "name": setting.name,
                "value": shown,
                "set": origin,
                "type": setting.kind.name,
                "env_var": setting.env_var,
                "help": setting.help,
            }
        )
    return rows


def resource(filename: str) -> Path:
    """Path of a bundled, editable data file such as ``topics.toml``."""
    return get_path("resources") / filename


def user_file(filename: str) -> Path:
    """Path of a file the user edits from the dashboard, in ``user_data_dir``."""
    return get_path("user_data_dir") / filename


def overrides_path() -> Path:
    """The place overrides to read: the user's copy once one was saved, else the bundled file."""
    user = user_file(OVERRIDES)
    return user if user.exists() else resource(OVERRIDES)


def writable_overrides_path() -> Path:
    """The user's copy of the place overrides, to save to; made from the bundled file if new.

    A save applies a session's edits to the file as it is (see geocode.overrides.save_edit),
    so the copy must start as the bundled file, or its rows would be lost on the first save.
    """
    user = user_file(OVERRIDES)
    if not user.exists():
        _seed(user, resource(OVERRIDES))
    return user


def _seed(target: Path, source: Path) -> None:
    """Copy ``source`` to ``target`` unless another process got there first."""
    if not source.exists():
        return  # nothing to start from: the first save writes the file
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", delete=False) as handle:
        temporary = Path(handle.name)
    try:
        shutil.copyfile(source, temporary)
        os.chmod(temporary, 0o644)  # people edit it by hand; the package's copy may be read-only
        # A hard link never replaces an existing file: of two sessions seeding at once, one
        # wins, and the other's copy (the same bytes) is dropped, whatever was saved meanwhile.
        os.link(temporary, target)
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links: a rename, which a rare race could repeat
        if not target.exists():
            os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
