"""The writers of `partnerdash extract`, on a small invented table."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from partnerdash import output


@pytest.fixture
def events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id": [1, 2, 3],
            "date": pd.to_datetime(["2023-11-11", None, "2024-02-29 14:30"], format="ISO8601"),
            "title": ["Leipzig–Kyiv: Partnerschaft", 'Mit "Anführungszeichen", Komma', "Zürich"],
            "topics": [["culture", "youth"], [], ["climate"]],
            "lat": [51.34, float("nan"), 47.37],
        }
    )


def test_json_lines_hold_one_plain_row_per_event(events: pd.DataFrame) -> None:
    out = io.BytesIO()
    output.write(events, out, "jsonl", plain={"places": [[{"name": "Leipzig"}], [], []]})
    rows = [json.loads(line) for line in out.getvalue().decode("utf-8").splitlines()]
    assert rows[0] == {
        "event_id": 1,
        "date": "2023-11-11",
        "title": "Leipzig–Kyiv: Partnerschaft",
        "topics": ["culture", "youth"],
        "lat": 51.34,
        "places": [{"name": "Leipzig"}],
    }
    assert (rows[1]["date"], rows[1]["lat"]) == (None, None)
    assert rows[2]["date"] == "2024-02-29T14:30:00"
    assert "Zürich".encode() in out.getvalue()  # UTF-8 as written, not \\u escapes


def test_json_lines_write_pandas_missing_values_and_timestamps_anywhere() -> None:
    frame = pd.DataFrame(
        {
            "position": pd.array([3, None], dtype="Int64"),
            "name": pd.array(["Bonn", None], dtype="str"),
            "seen": [[pd.Timestamp("2023-11-11"), pd.NaT], [pd.Timestamp("2024-02-29 14:30")]],
        }
    )
    out = io.BytesIO()
    output.write(frame, out, "jsonl")
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows == [
        {"position": 3, "name": "Bonn", "seen": ["2023-11-11", None]},
        {"position": None, "name": None, "seen": ["2024-02-29T14:30:00"]},
    ]


def test_csv_in_slices_is_the_same_as_at_once(events: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = io.BytesIO()
    output.write(events, whole, "csv")
    monkeypatch.setattr(output, "_CSV_ROWS", 2)
    sliced = io.BytesIO()
    output.write(events, sliced, "csv")
    assert sliced.getvalue() == whole.getvalue()
    assert not sliced.closed  # the caller's stream stays open
    table = pd.read_csv(io.BytesIO(whole.getvalue()))
    assert list(table["topics"].fillna("")) == ["culture; youth", "", "climate"]
    assert table["title"][1] == 'Mit "Anführungszeichen", Komma'


def test_an_empty_table_is_a_header_only(events: pd.DataFrame) -> None:
    out = io.BytesIO()
    output.write(events.iloc[:0], out, "csv")
    assert out.getvalue().decode("utf-8").strip() == "event_id,date,title,topics,lat"
    jsonl = io.BytesIO()
    output.write(events.iloc[:0], jsonl, "jsonl")
    assert jsonl.getvalue() == b""


def test_an_unknown_format_is_refused(events: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        output.write(events, io.BytesIO(), "xml")
