"""Uploads: a size limit from the settings, names that can never name another place, and
adding an upload to the archive.

Uploads are read in memory (``upload_dataset`` builds from the bytes) and not written to
disk until the user adds them to the archive (the data folder); their names appear in
warnings, reports, downloads and as file names there, so ``safe_name`` must reduce any
name to one plain file name.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerdash import settings
from partnerdash.views.data import add_to_archive, safe_name, too_big, upload_limit_mb

MB = 1024 * 1024


@pytest.fixture
def no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(settings, "CONFIG_FILE", tmp_path / "absent.toml")
    monkeypatch.delenv("PARTNERDASH_MAX_UPLOAD_MB", raising=False)
    return monkeypatch


def test_the_limit_is_50_mb_unless_set(no_config: pytest.MonkeyPatch) -> None:
    assert upload_limit_mb() == 50
    no_config.setenv("PARTNERDASH_MAX_UPLOAD_MB", "5")
    assert upload_limit_mb() == 5


@pytest.mark.parametrize("value", ["abc", "0", "-3", "2.5"])
def test_a_limit_that_is_no_positive_whole_number_is_refused(
    no_config: pytest.MonkeyPatch, value: str
) -> None:
    no_config.setenv("PARTNERDASH_MAX_UPLOAD_MB", value)
    with pytest.raises(ValueError, match=f"max_upload_mb '{value}' is not a positive whole number"):
        upload_limit_mb()


def test_a_file_of_exactly_the_limit_is_accepted_one_byte_more_is_not() -> None:
    assert not too_big(50 * MB, 50)
    assert too_big(50 * MB + 1, 50)
    assert not too_big(0, 1)


def test_streamlit_refuses_nothing_the_app_would_accept() -> None:
    """Streamlit's own limit comes first; were it lower, users would get its message, not ours."""
    config = tomllib.loads((settings.PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    default = next(s.default for s in settings.SETTINGS if s.name == "max_upload_mb")
    assert config["server"]["maxUploadSize"] == int(default)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("news.csv", "news.csv"),
        ("../../etc/passwd", "passwd"),
        ("/etc/passwd", "passwd"),
        ("C:\\x\\..\\y", "y"),
        ("C:\\Users\\me\\Köln 2023.xlsx", "Köln 2023.xlsx"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("a\x00b.txt", "a_b.txt"),
        ("news.txt\x00.exe", "news.txt_.exe"),
        ("..", "upload"),
        ("", "upload"),
        ("   ", "upload"),
        (".hidden", "hidden"),
        ("evil\u202etxt.exe", "evil_txt.exe"),  # a right-to-left override hiding the real suffix
        ("Ko\u0308ln.txt", "Köln.txt"),  # decomposed umlaut
        ("Париж｜Paris.csv", "Париж_Paris.csv"),
        ("x" * 300 + ".xlsx", "x" * 95 + ".xlsx"),
        ("x" * 300, "x" * 100),
    ],
)
def test_safe_name(name: str, safe: str) -> None:
    assert safe_name(name) == safe


@given(st.text())
def test_any_name_stays_in_the_folder_it_is_put_in(name: str) -> None:
    safe = safe_name(name)
    assert safe
    assert len(safe) <= 100
    assert not safe.startswith(".")
    assert not {"/", "\\", "\x00", ":"} & set(safe)
    folder = Path("/srv/uploads")
    assert (folder / safe).parent == folder
    assert Path(safe).name == safe


NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "news"


def test_an_upload_added_to_the_archive_is_a_file_of_the_data_folder(tmp_path: Path) -> None:
    payload = (NEWS / "items.csv").read_bytes()
    assert add_to_archive(tmp_path, "items.csv", payload) is None
    assert (tmp_path / "items.csv").read_bytes() == payload
    assert add_to_archive(tmp_path, "items.csv", payload) is None  # again: nothing new
    assert sorted(p.name for p in tmp_path.iterdir()) == ["items.csv"]


def test_an_upload_never_replaces_another_file_of_its_name(tmp_path: Path) -> None:
    (tmp_path / "items.csv").write_bytes((NEWS / "items-de.csv").read_bytes())
    assert add_to_archive(tmp_path, "items.csv", (NEWS / "items.csv").read_bytes()) is None
    assert (tmp_path / "items.csv").read_bytes() == (NEWS / "items-de.csv").read_bytes()
    assert (tmp_path / "items-2.csv").read_bytes() == (NEWS / "items.csv").read_bytes()


@pytest.mark.parametrize(("name", "payload"), [("garbage.bin", b"\x00\x01\x02"), ("empty.txt", b"")])
def test_an_upload_that_is_no_news_is_refused_by_name_and_not_written(
    tmp_path: Path, name: str, payload: bytes
) -> None:
    problem = add_to_archive(tmp_path, name, payload)
    assert problem is not None
    assert problem.startswith(name)
    assert list(tmp_path.iterdir()) == []
