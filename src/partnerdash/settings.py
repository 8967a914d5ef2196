"""Settings declared once, with name, default and help.

A setting's value comes from, in this order: the environment variable
``PARTNERDASH_<NAME>`` (e.g. ``PARTNERDASH_DATA=/srv/news``); the file
``.streamlit/partnerdash.toml`` beside the app (``data = "/srv/news"``); its default.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RESOURCES = PROJECT_ROOT / "data"
CONFIG_FILE = PROJECT_ROOT / ".streamlit" / "partnerdash.toml"


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def env_var(self) -> str:
        return f"PARTNERDASH_{self.name.upper()}"


SETTINGS: tuple[Setting, ...] = (
    Setting("data", str(RESOURCES / "sample"), "Folder or file of news items the dashboard shows."),
    Setting(
        "resources",
        str(RESOURCES),
        "Folder of editable data files: topics, regions, place overrides, labels.",
    ),
    Setting(
        "cache_dir",
        str(Path.home() / ".cache" / "partnerdash"),
        "Where the gazetteer index and the online geocoding cache are kept.",
    ),
    Setting(
        "geocoder",
        "offline",
        "offline (embedded GeoNames gazetteer) or nominatim (online, opt-in, cached).",
    ),
    Setting(
        "geocoder_user_agent",
        "partnerdash",
        "User agent sent to an online geocoder, as its usage policy asks.",
    ),
    Setting(
        "geocoder_min_delay",
        "1.0",
        "Seconds between online geocoder requests (Nominatim allows 1 per second).",
    ),
    Setting(
        "include_uncertain",
        "false",
        "true: also place and count names scored below the place model's threshold (uncertain).",
    ),
    Setting("max_upload_mb", "50", "Largest file the dashboard accepts as an upload, in MB."),
    Setting(
        "registry",
        str(RESOURCES / "registry" / "partnerships.csv"),
        "Table of known partnerships joined with the news (CSV, TSV, Excel or JSON); none for no registry.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@cache
def _file_values(path: Path, stamp: float) -> dict[str, str]:
    del stamp  # part of the cache key only: an edited file is read again
    return {str(k): str(v) for k, v in tomllib.loads(path.read_text(encoding="utf-8")).items()}


def _from_file(name: str) -> str | None:
    try:
        return _file_values(CONFIG_FILE, CONFIG_FILE.stat().st_mtime).get(name)
    except FileNotFoundError:
        return None


def get(name: str) -> str:
    """The value of setting ``name``: environment, then the settings file, then the default."""
    setting = _BY_NAME[name]
    return os.environ.get(setting.env_var) or _from_file(name) or setting.default


def get_path(name: str) -> Path:
    return Path(get(name)).expanduser()


def resource(filename: str) -> Path:
    """Path of an editable data file such as ``topics.toml``."""
    return get_path("resources") / filename
