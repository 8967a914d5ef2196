"""The package installs anywhere: the wheel built from this checkout, installed in a fresh
virtual environment outside it, reads its bundled files, extracts the bundled sample, saves
overrides in the user's folder, and its dashboard starts and serves the world shapes.

About a minute, most of it pip fetching the dependencies from PyPI into the new
environment: the one test here that needs the network, as an install does.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEALTH_TIMEOUT = 90.0  # seconds; Streamlit answers in about 3 on this machine

pytestmark = pytest.mark.package


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return int(response.status)
    except OSError:
        return 0


@dataclass(frozen=True)
class Serving:
    url: str
    seconds: float  # from start until the health check answered


@contextmanager
def serving(command: Sequence[str], cwd: Path, env: Mapping[str, str]) -> Iterator[Serving]:
    """The dashboard started by ``command`` on a free local port, until the block ends."""
    port = free_port()
    options = ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]
    log = cwd / f"dashboard-{port}.log"
    started = time.monotonic()
    with log.open("wb") as out:
        process = subprocess.Popen([*command, *options], cwd=cwd, env=dict(env), stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}"
    try:
        while _status(f"{url}/_stcore/health") != 200:
            if process.poll() is not None or time.monotonic() - started > HEALTH_TIMEOUT:
                pytest.fail(f"the dashboard did not answer its health check:\n{log.read_text()[-3000:]}")
            time.sleep(0.25)
        yield Serving(url, time.monotonic() - started)
    finally:
        process.terminate()
        process.wait(timeout=20)


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    work: Path  # the current folder of every command: outside the checkout

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def env(self, **extra: str) -> dict[str, str]:
        # Nothing of the checkout's: no PYTHONPATH, no activated .venv, a cache of its own.
        env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        env["PARTNERDASH_CACHE_DIR"] = str(self.work / "cache")
        return env | extra

    def run(self, *command: str, **extra: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            command, cwd=self.work, env=self.env(**extra), capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result

    def python(self, code: str, **extra: str) -> str:
        return self.run(str(self.bin / "python"), "-c", code, **extra).stdout


def _run(command: Sequence[str | Path]) -> None:
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("package")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", work / "dist", ROOT])
    (wheel,) = (work / "dist").glob("partnerdash-*.whl")
    venv = work / "venv"
    # Without pip of its own (ensurepip takes seconds): this environment's pip installs into it.
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    _run([sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "--quiet", wheel])
    return Installed(wheel, venv, work)


def test_the_wheel_carries_the_bundled_files(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for name in (
        "partnerdash/app.py",
        "partnerdash/data/topics.toml",
        "partnerdash/data/places_overrides.csv",
        "partnerdash/data/sample/skew-news-archive-2023-en.txt",
        "partnerdash/data/registry/partnerships.csv",
        "partnerdash/static/favicon.png",
        "partnerdash/static/topojson/world_110m.json",
        "partnerdash/.streamlit/config.toml",
    ):
        assert name in names, name
    assert not any(
        name.startswith(("tests/", "bench/", "partnerdash/.streamlit/partnerdash")) for name in names
    )


def test_the_installed_package_reads_its_own_folders(installed: Installed) -> None:
    found = json.loads(
        installed.python(
            "import json, partnerdash, partnerdash.settings as s; print(json.dumps({"
            "'package': partnerdash.__file__, 'installed': s.INSTALLED, 'root': str(s.PROJECT_ROOT), "
            "'data': s.get('data'), 'registry': s.get('registry'), 'app': str(s.APP)}))"
        )
    )
    site = installed.venv / "lib"
    assert Path(found["package"]).is_relative_to(site)  # the wheel's copy, not the checkout's
    assert found["installed"]
    assert Path(found["root"]) == Path(found["package"]).parent
    for key in ("data", "registry", "app"):
        assert Path(found[key]).is_relative_to(site), key
        assert Path(found[key]).exists(), key


def test_extract_with_no_path_reads_the_bundled_sample(installed: Installed) -> None:
    result = installed.run("partnerdash", "extract")
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(events) == 12
    assert "12 events" in result.stderr
    assert any(place["canonical"] == "Leipzig" for event in events for place in event["places"])


def test_overrides_are_saved_in_the_users_data_folder(installed: Installed) -> None:
    home = installed.work / "home"
    code = (
        "from partnerdash import settings; "
        "print(settings.writable_overrides_path()); print(settings.overrides_path())"
    )
    env = installed.env(HOME=str(home))
    for unset in ("PARTNERDASH_USER_DATA_DIR", "XDG_DATA_HOME"):  # the default, for a user in $HOME
        env.pop(unset, None)
    result = subprocess.run(
        [str(installed.bin / "python"), "-c", code],
        cwd=installed.work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    writable, read = result.stdout.split()
    expected = home / ".local" / "share" / "partnerdash" / "places_overrides.csv"  # platformdirs' default
    assert Path(writable) == Path(read) == expected
    bundled = installed.python(
        "from partnerdash import settings; print(settings.resource('places_overrides.csv'))"
    )
    assert expected.read_bytes() == Path(bundled.strip()).read_bytes()


def test_the_installed_app_draws_its_first_page(installed: Installed) -> None:
    code = (
        "import partnerdash.settings as s\n"
        "from streamlit.testing.v1 import AppTest\n"
        "at = AppTest.from_file(str(s.APP), default_timeout=120).run()\n"
        "assert not at.exception, [e.value for e in at.exception]\n"
        "assert not at.error, [e.value for e in at.error]\n"
        "print(len(at.metric))\n"
    )
    assert int(installed.python(code)) > 0  # the overview's key figures


def test_the_dashboard_command_starts_streamlit_on_the_package(installed: Installed) -> None:
    with serving(["partnerdash", "dashboard"], installed.work, installed.env()) as dashboard:
        # Served only with the shipped .streamlit/config.toml (enableStaticServing): the map's shapes.
        assert _status(f"{dashboard.url}/app/static/topojson/world_110m.json") == 200
    print(f"health check answered after {dashboard.seconds:.1f} s")
