import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

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
