"""The bench on the user's path: `partnerdash extract` end to end on real-shaped text.

Each run is the command a user types, in a fresh process, from process start to the last
byte written; peak memory is the largest resident set of that process and its workers.
geotext runs on the same items in the same run, as the yardstick the figures are ratios to.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.workload import archive

ROOT = Path(__file__).resolve().parents[1]
BEFORE = ROOT / "bench" / "before_speed.json"
Row = tuple[str, str, str]


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


def extract(path: Path, out: Path, options: Sequence[str], env: dict[str, str]) -> Run:
    """One `partnerdash extract` in a fresh process (through a small wrapper that reports
    the peak memory of its children only)."""
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stderr=subprocess.DEVNULL)\n"
        "took = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps([took, peak]))\n"
    )
    command = [str(Path(sys.executable).with_name("partnerdash")), "extract", str(path), "-o", str(out)]
    done = subprocess.run(
        [sys.executable, "-c", probe, *command, *options],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    seconds, peak = json.loads(done.stdout)
    return Run(seconds, peak)


def geotext_speed(path: Path) -> float:
    """Items per second of geotext's city matching on the same items (this process, warm)."""
    from geotext import GeoText

    from partnerdash.extract.items import item_text
    from partnerdash.load import load_paths

    texts = [item_text(item) for item in load_paths([path]).items]
    GeoText("Warm up in Bonn.")
    start = time.perf_counter()
    for text in texts:
        GeoText(text).cities  # noqa: B018 - the matching is the measurement
    return len(texts) / (time.perf_counter() - start)


def bench_user_path(rows: list[Row], folder: Path, sizes: Sequence[int], jobs: int) -> None:
    store = folder / "store-cache"
    # The gazetteer's index is shared; the store of extracted tables starts empty.
    env = {"PARTNERDASH_CACHE_DIR": os.environ.get("PARTNERDASH_CACHE_DIR", str(ROOT / ".cache"))}
    for size in sizes:
        path = archive(folder, size)
        yardstick = geotext_speed(path)
        out = folder / "out"
        serial = extract(path, out, ["--format", "jsonl", "--jobs", "1", "--no-cache"], env)
        rows.append(
            _row(f"`partnerdash extract --format jsonl --jobs 1`, {size:,} items", size, serial, yardstick)
        )
        for fmt in ("jsonl", "csv", "parquet"):
            run = extract(path, out, ["--format", fmt, "--jobs", str(jobs), "--no-cache"], env)
            label = f"`partnerdash extract --format {fmt}` ({jobs} jobs), {size:,} items"
            rows.append(_row(label, size, run, yardstick))
            if fmt == "jsonl":
                rows.append(
                    (
                        f"Cores: 1 → {jobs} jobs, {size:,} items",
                        f"{serial.seconds:.1f} s → {run.seconds:.1f} s = {serial.seconds / run.seconds:.2f}×",
                        "≥ 1.8× on 2 cores",
                    )
                )
        stored_env = {**env, "PARTNERDASH_CACHE_DIR": str(store)}
        _link_gazetteer(Path(env["PARTNERDASH_CACHE_DIR"]), store)
        first = extract(path, out, ["--format", "jsonl"], stored_env)
        second = extract(path, out, ["--format", "jsonl"], stored_env)
        rows.append(
            (
                f"Store: a second `extract` over the unchanged {size:,} items",
                f"{first.seconds:.1f} s (first, filling the store) → {second.seconds:.1f} s "
                f"= {second.seconds / first.seconds:.0%} of the first",
                "≤ 10 % of the first run",
            )
        )


def _link_gazetteer(cache: Path, store: Path) -> None:
    """The store's cache folder shares the checkout's gazetteer index (no second build)."""
    store.mkdir(exist_ok=True)
    for index in cache.glob("gazetteer*"):
        target = store / index.name
        if not target.exists():
            target.symlink_to(index)


def _row(label: str, items: int, run: Run, geotext: float) -> Row:
    speed = items / run.seconds
    return (
        label,
        f"{run.seconds:.1f} s = {speed:,.0f} items/s = {speed / geotext:.2f}× geotext "
        f"({geotext:,.0f} items/s); peak RSS {run.peak_mb:,.0f} MB",
        "100k ≤ 20 s; ≥ 0.5× geotext; ≤ 1.5 GB",
    )


def quality_against_before(scores: dict[str, str]) -> Row:
    """The quality figures now beside those recorded before the speed work (BEFORE): each
    F1 that moved, and which way, so that a speed-up bought with errors shows as "worse"."""
    before = json.loads(BEFORE.read_text(encoding="utf-8"))
    moved = []
    for name, text in scores.items():
        old, new = _f1s(before.get(name, "")), _f1s(text)
        changes = [
            f"{label} {a:.3f} → {b:.3f}" for label, a, b in zip(_F1_LABELS, old, new, strict=False) if a != b
        ]
        if changes:
            worse = any(b < a for _, a, b in zip(_F1_LABELS, old, new, strict=False))
            moved.append(f"{name} {'worse' if worse else 'better'}: {', '.join(changes)}")
    verdict = "; ".join(moved) if moved else "the same as before the speed work"
    return ("Quality, dev corpus and our keys, against before the speed work", verdict, "not worse")


_F1_LABELS = ("F1", "pairs F1")


def _f1s(summary: str) -> tuple[float, ...]:
    """Municipality F1 (the third of "P/R/F1 a/b/c", or the harmonic mean of "P/R a/b")
    and pairs F1 of a quality summary line."""
    numbers = re.search(r"P/R(/F1)? ([\d.]+)/([\d.]+)(?:/([\d.]+))?", summary)
    pairs = re.search(r"pairs F1 ([\d.]+)", summary)
    if numbers is None or pairs is None:
        return ()
    precision, recall = float(numbers.group(2)), float(numbers.group(3))
    f1 = float(numbers.group(4)) if numbers.group(4) else 2 * precision * recall / (precision + recall)
    return round(f1, 3), float(pairs.group(1))
