import io
import json
import os
import subprocess
import sys
import urllib.request
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from tests.test_package import serving

from partnerdash import cli, pipeline, settings
from partnerdash.cli import main


def test_extract_writes_one_json_object_per_event(seed_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["extract", str(seed_path)]) == 0
    out, err = capsys.readouterr()
    events = [json.loads(line) for line in out.splitlines()]
    assert len(events) == 12
    first = events[0]
    assert first["date"] == "2023-12-15"
    assert first["title"] == "Reconstruction in Ukraine starts now!"
    assert "reconstruction" in first["topics"]
    assert {"event_id", "date_inferred", "summary", "caption", "lang", "source", "kind"} <= set(first)
    assert "12 events" in err


def test_each_event_carries_its_own_places_and_pairs_in_any_table_order(seed_path: Path) -> None:
    dataset = pipeline.build_paths([seed_path])
    shuffled = replace(
        dataset,
        places=dataset.places.sample(frac=1, random_state=3),
        partnerships=dataset.partnerships.iloc[::-1],
    )
    for data in (dataset, shuffled):
        out = io.BytesIO()
        cli._write_events(data, out, "jsonl")
        events = [json.loads(line) for line in out.getvalue().splitlines()]
        by_title = {e["title"]: e for e in events}
        leipzig = by_title["Leipzig-Kyiv: a dynamic partnership in troubled times"]
        assert ["Leipzig", "Kyiv"] in leipzig["pairs"]
        names = [p["canonical"] for p in leipzig["places"]]
        assert {"Leipzig", "Kyiv"} <= set(names)
        assert sum(len(e["places"]) for e in events) == len(dataset.places)
        for event in events:
            mine = dataset.places[dataset.places["event_id"] == event["event_id"]]
            assert sorted(p["name"] for p in event["places"]) == sorted(mine["name"])


def test_extract_reads_stdin_and_writes_csv_and_parquet(seed_path: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"events.{fmt}"
        result = subprocess.run(
            [sys.executable, "-m", "partnerdash.cli", "extract", "-", "--format", fmt, "-o", str(out)],
            input=seed_path.read_bytes(),
            capture_output=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        frame = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
        assert len(frame) == 12


def test_warnings_go_to_stderr_and_only_total_failure_is_an_error(
    seed_path: Path,
    tmp_path: Path,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('[{"title": ')
    assert main(["extract", str(seed_path), str(broken)]) == 0
    err = capsys.readouterr().err
    assert f"warning: {broken}: invalid JSON" in err
    assert main(["extract", str(broken)]) == 1


def test_extract_with_no_path_reads_the_data_setting(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract"]) == 0  # the bundled sample, by default
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 12
    assert "12 events" in err


def test_a_bad_setting_is_one_line_naming_its_variable(
    seed_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PARTNERDASH_GEOCODER", "google")
    assert main(["extract", str(seed_path)]) == 2
    assert capsys.readouterr().err == (
        "partnerdash: geocoder 'google' is not one of offline, nominatim (set by PARTNERDASH_GEOCODER)\n"
    )


class Exec:
    """Stands in for os.execve: records what the dashboard command would run."""

    def __init__(self) -> None:
        self.command: list[str] = []
        self.env: dict[str, str] = {}

    def __call__(self, path: str, command: list[str], env: dict[str, str]) -> None:
        assert path == command[0]
        self.command, self.env = command, env


@pytest.fixture
def execve(monkeypatch: pytest.MonkeyPatch) -> Exec:
    recorder = Exec()
    monkeypatch.setattr(cli.os, "execve", recorder)
    return recorder


def test_dashboard_runs_streamlit_on_the_app_with_path_as_the_data_setting(
    execve: Exec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    main(["dashboard", "news", "--server.port", "8502", "--server.headless=true"])
    assert execve.command == [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(settings.APP),
        "--server.port",
        "8502",
        "--server.headless=true",
    ]
    assert execve.env["PARTNERDASH_DATA"] == str(tmp_path / "news")  # absolute, for the child


def test_dashboard_without_path_keeps_the_data_setting(execve: Exec) -> None:
    main(["dashboard", "--server.port", "8502"])  # 8502 is the option's value, not PATH
    assert execve.command[-3:] == [str(settings.APP), "--server.port", "8502"]
    assert "PARTNERDASH_DATA" not in execve.env


def test_dashboard_refuses_a_missing_path_or_a_bad_setting_before_starting(
    execve: Exec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dashboard", str(tmp_path / "nowhere")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    monkeypatch.setenv("PARTNERDASH_MAX_UPLOAD_MB", "lots")
    assert main(["dashboard"]) == 2
    assert "PARTNERDASH_MAX_UPLOAD_MB" in capsys.readouterr().err
    assert execve.command == []


def test_settings_lists_every_setting_with_its_source(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PARTNERDASH_MAX_UPLOAD_MB", "20")
    assert main(["settings"]) == 0
    out = capsys.readouterr().out
    assert "max_upload_mb = 20  (by PARTNERDASH_MAX_UPLOAD_MB)" in out
    assert all(f"{s.name} = " in out for s in settings.SETTINGS)


def test_dashboard_from_another_folder_serves_the_checkouts_static_files(tmp_path: Path) -> None:
    """Streamlit's config beside app.py applies wherever the command is started."""
    partnerdash = Path(sys.executable).with_name("partnerdash")
    with serving([str(partnerdash), "dashboard"], tmp_path, os.environ) as dashboard:
        assert urllib.request.urlopen(f"{dashboard.url}/app/static/favicon.png").status == 200


def test_a_second_extract_reads_the_store_unless_told_not_to(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    news = tmp_path / seed_path.name  # a path of its own: nothing stored for it yet
    news.write_bytes(seed_path.read_bytes())
    outputs = []
    for options in ([], [], ["--no-cache"]):
        assert main(["extract", str(news), *options]) == 0
        outputs.append(capsys.readouterr())
    assert "from the store" not in outputs[0].err
    assert "(1 from the store)" in outputs[1].err
    assert "from the store" not in outputs[2].err
    assert outputs[0].out == outputs[1].out == outputs[2].out


def test_jobs_split_large_inputs_over_processes_with_the_same_output(
    fixtures: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("partnerdash.pipeline.PARALLEL_FROM_ITEMS", 1)
    monkeypatch.setattr("partnerdash.pipeline.CHUNK_ITEMS", 5)
    outputs = []
    for jobs in ("1", "2"):
        assert main(["extract", str(fixtures / "news"), "--jobs", jobs, "--no-cache"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) > 20
