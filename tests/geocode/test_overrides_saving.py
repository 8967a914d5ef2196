"""Saving overrides from many sessions: each saves its own changes, and none is lost.

A session reads the file, edits rows, and saves; meanwhile others may have saved.
``save_edit`` applies the session's changes to the file as it is at saving time,
under a lock, so concurrent saves queue up and all count.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import random
import threading
import time
from pathlib import Path

import pytest

from partnerdash.geocode.override_edits import OverrideConflictError, _locked, save_edit
from partnerdash.geocode.overrides import COLUMNS, load_overrides

HEADER = ",".join(COLUMNS) + "\n"
START = "Alpha,DE,50,10,municipality,\nBeta,FR,45,5,municipality,\nGamma,LB,34,36,region,\n"


def rows(path: Path) -> list[dict[str, str]]:
    """The file as a session reads it: strings, as the page's table holds them."""
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def row(name: str, lat: str = "1", country: str = "DE") -> dict[str, str]:
    return {"name": name, "country": country, "lat": lat, "lon": "2", "kind": "municipality", "note": ""}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "places_overrides.csv"
    path.write_text(HEADER + START, encoding="utf-8")
    return path


def names(path: Path) -> list[str]:
    return [o.name for o in load_overrides(path)]


def test_two_sessions_saving_in_turn_keep_both_edits(path: Path) -> None:
    first, second = rows(path), rows(path)  # both opened the page before either saved
    save_edit(path, first, [*first, row("Added by one")])
    changed = [row("Beta", "46", "FR") if r["name"] == "Beta" else r for r in second]
    save_edit(path, second, changed[:-1])  # changes Beta, removes Gamma
    assert names(path) == ["Alpha", "Beta", "Added by one"]
    assert load_overrides(path)[1].lat == 46.0


def test_a_changed_row_keeps_its_place(path: Path) -> None:
    loaded = rows(path)
    edited = [row("Alpha", "51") if r["name"] == "Alpha" else r for r in loaded]
    saved = save_edit(path, loaded, edited)
    assert [(o.name, o.lat) for o in saved][:2] == [("Alpha", 51.0), ("Beta", 45.0)]


def test_an_unchanged_row_written_differently_is_no_change(path: Path) -> None:
    loaded = rows(path)
    respelled = [{**r, "country": r["country"].lower(), "lat": r["lat"] + ".0"} for r in loaded]
    save_edit(path, loaded, respelled)
    assert names(path) == ["Alpha", "Beta", "Gamma"]


def test_the_same_row_changed_by_two_sessions_is_refused_and_nothing_written(path: Path) -> None:
    first, second = rows(path), rows(path)
    save_edit(path, first, [row("Alpha", "51") if r["name"] == "Alpha" else r for r in first])
    before = path.read_bytes()
    with pytest.raises(OverrideConflictError, match="Alpha") as caught:
        save_edit(path, second, [row("Alpha", "52") if r["name"] == "Alpha" else r for r in second])
    assert caught.value.names == ["Alpha"]
    assert path.read_bytes() == before
    assert load_overrides(path)[0].lat == 51.0  # the first session's edit stands


def test_a_row_removed_by_both_sessions_is_simply_gone(path: Path) -> None:
    first, second = rows(path), rows(path)
    save_edit(path, first, first[1:])
    save_edit(path, second, [*second[1:], row("Delta")])
    assert names(path) == ["Beta", "Gamma", "Delta"]


@pytest.mark.parametrize(
    ("bad", "complaint"),
    [
        (row("Off the map", "91"), "lat 91.0 is outside"),
        ({**row("No kind"), "kind": ""}, "kind '' is not one of"),
        (row("alpha"), "repeats an earlier name"),
    ],
)
def test_an_invalid_edit_is_refused_and_the_file_kept(
    path: Path, bad: dict[str, str], complaint: str
) -> None:
    before = path.read_bytes()
    loaded = rows(path)
    with pytest.raises(ValueError, match=complaint):
        save_edit(path, loaded, [*loaded, bad])
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_a_save_waits_for_the_lock(path: Path) -> None:
    loaded = rows(path)
    done = threading.Event()

    def save() -> None:
        save_edit(path, loaded, [*loaded, row("Waiting")])
        done.set()

    with _locked(path):
        thread = threading.Thread(target=save)
        thread.start()
        assert not done.wait(0.3)  # blocked while another save holds the lock
    thread.join(10)
    assert done.is_set()
    assert "Waiting" in names(path)


THREADS = 8
ROUNDS = 5


def test_concurrent_saves_from_threads_lose_no_edit(path: Path) -> None:
    """Eight sessions, five rounds: each opens the file, adds a row, and saves at once."""
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def session(number: int) -> None:
        try:
            for round_ in range(ROUNDS):
                loaded = rows(path)
                barrier.wait()  # all have read the same version before anyone saves
                save_edit(path, loaded, [*loaded, row(f"Thread {number} round {round_}")])
        except BaseException as error:  # reported by the main thread
            errors.append(error)
            barrier.abort()

    threads = [threading.Thread(target=session, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    expected = {f"Thread {n} round {r}" for n in range(THREADS) for r in range(ROUNDS)}
    assert expected - set(names(path)) == set()  # edits lost: none of 40
    assert len(names(path)) == 3 + THREADS * ROUNDS


SAVES_PER_PROCESS = 25


def _process_session(path: Path, number: int) -> None:
    randomly = random.Random(number)  # noqa: S311 - pauses, not secrets
    for save in range(SAVES_PER_PROCESS):
        loaded = rows(path)
        time.sleep(randomly.uniform(0, 0.005))  # the other process saves in between, often
        save_edit(path, loaded, [*loaded, row(f"Process {number} save {save}")])


def test_concurrent_saves_from_two_processes_lose_no_edit(path: Path) -> None:
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_process_session, args=(path, n)) for n in range(2)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [p.exitcode for p in processes] == [0, 0]
    expected = {f"Process {n} save {s}" for n in range(2) for s in range(SAVES_PER_PROCESS)}
    assert expected - set(names(path)) == set()  # edits lost: none of 50
    assert names(path)[:3] == ["Alpha", "Beta", "Gamma"]
