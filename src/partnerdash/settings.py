"""Settings declared once, with name, default and help; overridable by environment.

Every setting can be overridden by an environment variable ``PARTNERDASH_<NAME>``
(upper case), e.g. ``PARTNERDASH_DATA=/srv/news``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RESOURCES = PROJECT_ROOT / "data"


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
    Setting("max_upload_mb", "50", "Largest file the dashboard accepts as an upload, in MB."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The value of setting ``name``: the environment's if set, else the default."""
    setting = _BY_NAME[name]
    return os.environ.get(setting.env_var, setting.default)


def get_path(name: str) -> Path:
    return Path(get(name)).expanduser()


def resource(filename: str) -> Path:
    """Path of an editable data file such as ``topics.toml``."""
    return get_path("resources") / filename
