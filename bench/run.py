"""partnerdash's benchmark: `make bench`. Prints a Markdown table and writes bench/results.md.

Every figure is measured in this run, on this machine; speeds of other tools (geotext, a
naive one-geocoder-call-per-mention pipeline) are measured on the same items in the same
run and given as ratios. Each measurement that needs a fresh process (cold and warm
gazetteer, peak memory) runs in one.

Usage: python bench/run.py [--quick]   (--quick: smaller sizes, for trying the harness)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.md"
PY = sys.executable


# ---------------------------------------------------------------- helpers


def median_of(runs: int, measure: Callable[[], float]) -> tuple[float, list[float]]:
    values = [measure() for _ in range(runs)]
    return statistics.median(values), values


def run_worker(*args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run this file as a worker in a fresh process; it prints one JSON object."""
    out = subprocess.run(
        [PY, str(Path(__file__)), "--worker", *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def synthetic(folder: Path, items: int, fmt: str = "jsonl") -> Path:
    path = folder / f"synthetic-{items}.{'jsonl' if fmt == 'jsonl' else 'txt'}"
    if not path.exists():
        from bench.synth import write

        write(path, items, seed=7, fmt="jsonl" if fmt == "jsonl" else "listing")
    return path


# ---------------------------------------------------------------- workers (fresh processes)


def worker_gazetteer(cache: str) -> dict[str, Any]:
    os.environ["PARTNERDASH_CACHE_DIR"] = cache
    start = time.perf_counter()
    from partnerdash.geocode.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    return {"seconds": time.perf_counter() - start, "places": len(gazetteer)}


def worker_extract(path: str) -> dict[str, Any]:
    from partnerdash.load import load_paths
    from partnerdash.pipeline import build_paths, default_finder

    default_finder()  # gazetteer and name index: measured separately, not per item
    start = time.perf_counter()
    dataset = build_paths([path])
    seconds = time.perf_counter() - start
    loaded = len(load_paths([path]).items)
    return {
        "seconds": seconds,
        "items": loaded,
        "events": len(dataset.events),
        "places": len(dataset.places),
        "pairs": len(dataset.partnerships),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def worker_parallel(path: str, processes: str) -> dict[str, Any]:
    from partnerdash.load import load_paths
    from partnerdash.parallel import LocalRunner, _finder
    from partnerdash.pipeline import extract

    items = load_paths([path]).items
    _finder()  # built once before the workers fork: measured separately
    start = time.perf_counter()
    runner = LocalRunner(int(processes)) if int(processes) > 1 else None
    done = sum(len(chunk.records) for chunk in extract(items, runner=runner))
    return {"seconds": time.perf_counter() - start, "items": done}


def worker_registry(path: str) -> dict[str, Any]:
    from partnerdash.geocode.offline import OfflineGeocoder
    from partnerdash.registry.load import load_registry

    geocoder = OfflineGeocoder()
    geocoder.geocode("Bonn")  # the gazetteer loads here: measured separately
    start = time.perf_counter()
    frame = load_registry(Path(path), geocoder).partnerships
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": len(frame), "resolved": int(frame["resolved"].sum())}


def worker_dashboard_build(path: str) -> dict[str, Any]:
    """The dashboard's cold build (no store): workers from a fork server, as in the app."""
    from partnerdash.load.sources import documents
    from partnerdash.parallel import LocalRunner, cores
    from partnerdash.pipeline import build, default_finder

    finder = default_finder()
    start = time.perf_counter()
    dataset = build(documents([path]), finder, runner=LocalRunner(cores(), fork=False))
    return {"seconds": time.perf_counter() - start, "events": len(dataset.events)}


WORKERS: dict[str, Callable[..., dict[str, Any]]] = {
    "dashboard_build": worker_dashboard_build,
    "gazetteer": worker_gazetteer,
    "extract": worker_extract,
    "parallel": worker_parallel,
    "registry": worker_registry,
}


# ---------------------------------------------------------------- measurements


def bench_gazetteer(rows: list[tuple[str, str, str]]) -> None:
    with tempfile.TemporaryDirectory() as cache:
        cold = run_worker("gazetteer", cache)["seconds"]
        warm, _ = median_of(5, lambda: run_worker("gazetteer", cache)["seconds"])
    rows.append(("Gazetteer index, cold build", f"{cold:.1f} s", "≤ 20 s"))
    rows.append(("Gazetteer index, warm load (median of 5 fresh processes)", f"{warm:.2f} s", "≤ 0.5 s"))


def bench_extraction(rows: list[tuple[str, str, str]], folder: Path, sizes: list[int]) -> dict[int, float]:
    speeds: dict[int, float] = {}
    for size in sizes:
        path = synthetic(folder, size)
        runs = 3
        results = [run_worker("extract", str(path)) for _ in range(runs)]
        seconds = statistics.median(r["seconds"] for r in results)
        rss = max(r["peak_rss_mb"] for r in results)
        speeds[size] = results[0]["items"] / seconds
        rows.append(
            (
                f"Extraction end to end, {size:,} items (median of {runs})",
                f"{seconds:.1f} s = {speeds[size]:,.0f} items/s; peak RSS {rss:,.0f} MB",
                "≥ 10,000 items/s; 100k ≤ 20 s; RSS ≤ 1.5 GB",
            )
        )
    return speeds


def bench_baselines(rows: list[tuple[str, str, str]], folder: Path, size: int, ours: float) -> None:
    from geopy.extra.rate_limiter import RateLimiter
    from geotext import GeoText

    from partnerdash.extract.items import item_text
    from partnerdash.geocode.offline import OfflineGeocoder
    from partnerdash.load import load_paths

    items = load_paths([synthetic(folder, size)]).items
    texts = [item_text(item) for item in items]
    start = time.perf_counter()
    mentions = [GeoText(text).cities for text in texts]
    geotext_speed = len(texts) / (time.perf_counter() - start)
    rows.append(
        (
            f"geotext 0.4 on the same {size:,} items",
            f"{geotext_speed:,.0f} items/s; partnerdash/geotext = {ours / geotext_speed:.2f}×",
            "partnerdash ≥ 0.5× geotext",
        )
    )
    geocoder = OfflineGeocoder()
    geocode = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    calls = sum(len(m) for m in mentions)
    start = time.perf_counter()
    for found in mentions:
        for name in found:
            geocode(name)
    naive = len(texts) / (time.perf_counter() - start)
    rows.append(
        (
            "Naive: geotext, then one geopy geocoder call per mention (offline geocoder)",
            f"{naive:,.0f} items/s ({calls:,} calls); against Nominatim at 1 request/s: "
            f"{calls / 3600:,.1f} h for these {size:,} items",
            "—",
        )
    )


def bench_parallel(rows: list[tuple[str, str, str]], folder: Path, size: int) -> None:
    path = str(synthetic(folder, size))
    one = run_worker("parallel", path, "1")["seconds"]
    two = run_worker("parallel", path, "2")["seconds"]
    rows.append(
        (
            f"Parallel extraction, {size:,} items, 1 → 2 processes",
            f"{one:.1f} s → {two:.1f} s = {one / two:.2f}× speed-up",
            "—",
        )
    )


def bench_dashboard(rows: list[tuple[str, str, str]], folder: Path, sizes: list[int]) -> None:
    from bench.dashboard import measure_pages

    for size in sizes:
        data = folder / f"app-{size}"
        data.mkdir(exist_ok=True)
        target = data / "news.jsonl"
        if not target.exists():
            target.symlink_to(synthetic(folder, size))
        for page, (median_ms, payload) in measure_pages(data).items():
            rows.append(
                (
                    f"Dashboard, {size:,} events, {page}: filter change (median of 5 reruns); payload",
                    f"{median_ms:,.0f} ms; {payload / 1e6:.2f} MB",
                    "≤ 300 ms; map ≤ 2 MB",
                )
            )


def bench_registry(rows: list[tuple[str, str, str]], folder: Path, links: int, news: int) -> None:
    from bench.dashboard import measure_pages
    from bench.registry import REAL, synthetic_registry

    if not REAL.exists():
        rows.append(("Registry", f"needs the real registry at {REAL}: not measured", "—"))
        return
    for label, path in (
        ("real, ../shared/data", REAL),
        ("synthetic", synthetic_registry(folder / "registry.tsv", links)),
    ):
        runs = [run_worker("registry", str(path)) for _ in range(3)]
        seconds, loaded = statistics.median(r["seconds"] for r in runs), runs[0]
        rows.append(
            (
                f"Registry ({label}): load and resolve {loaded['rows']:,} rows (median of 3)",
                f"{seconds:.1f} s; {loaded['resolved']:,} rows with both sides resolved",
                "—",
            )
        )
    data = folder / f"app-{news}"
    registry = synthetic_registry(folder / "registry.tsv", links)
    for page, (median_ms, payload) in measure_pages(data, ("map", "partnerships"), registry).items():
        rows.append(
            (
                f"Dashboard, {news:,} events and a {links:,}-row registry, {page}: "
                "filter change (median of 5 reruns); payload",
                f"{median_ms:,.0f} ms; {payload / 1e6:.2f} MB",
                "≤ 300 ms; ≤ 2 MB",
            )
        )


def bench_quality(rows: list[tuple[str, str, str]]) -> None:
    """Quality beside speed, so speed never silently buys errors: the development corpus and
    the twin towns (both from ../shared), and our own fixture keys, each in its own row."""
    from bench.dev import dev_scores
    from bench.twins import REGISTRY, measure, report_line, sample
    from bench.userpath import quality_against_before

    scores = dev_scores()
    figures: dict[str, str] = {}
    if scores is None:
        rows.append(("Development corpus (../shared/corpus/dev)", "absent: not measured", "—"))
    else:
        for lang in ("de", "en", "all"):
            figures[f"dev {lang}"] = scores[lang].summary()
            rows.append(
                (
                    f"Development corpus, {lang} items",
                    figures[f"dev {lang}"],
                    "P/R/F1 ≥ 0.93/0.92/0.92; pairs F1 ≥ 0.80",
                )
            )
    if REGISTRY.exists():
        from partnerdash.pipeline import default_finder

        rows.append(
            (
                "Twin towns of the shared registry as 400 short items (gazetteer only)",
                report_line(measure(default_finder(), sample(REGISTRY), [], registry=False)),
                "German side ≥ 0.95; partner > 161 km ≤ 1 %; pair ≥ 0.90",
            )
        )
    from bench.quality import fixture_summary

    figures["fixtures"] = fixture_summary()
    rows.append(("Our own fixture keys (tests/fixtures/answers)", figures["fixtures"], "P ≥ 0.90, R ≥ 0.95"))
    if scores is not None:
        rows.append(quality_against_before(figures))


def cores() -> int:
    from partnerdash.parallel import cores as usable

    return usable()


def bench_user_path(rows: list[tuple[str, str, str]], folder: Path, sizes: list[int], jobs: int) -> None:
    from bench.userpath import bench_user_path as measure

    measure(rows, folder, sizes, jobs)


def bench_dashboard_build(rows: list[tuple[str, str, str]], folder: Path, sizes: list[int]) -> None:
    from bench.workload import archive

    for size in sizes:
        result = run_worker("dashboard_build", str(archive(folder, size)))
        rows.append(
            (
                f"Dashboard cold build (no store), {size:,} real-shaped items, all cores",
                f"{result['seconds']:.1f} s = {size / result['seconds']:,.0f} items/s",
                "—",
            )
        )


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--worker", nargs="+")
    args = parser.parse_args()
    if args.worker:
        name, *rest = args.worker
        print(json.dumps(WORKERS[name](*rest)))
        return 0
    sizes = [1_000, 5_000] if args.quick else [1_000, 10_000, 100_000]
    rows: list[tuple[str, str, str]] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_gazetteer(rows)
        bench_quality(rows)
        bench_user_path(rows, folder, sizes, cores())
        bench_dashboard_build(rows, folder, sizes[-1:])
        speeds = bench_extraction(rows, folder, sizes)
        bench_baselines(rows, folder, sizes[1], speeds[sizes[1]])
        bench_parallel(rows, folder, sizes[1])
        bench_dashboard(rows, folder, sizes)
        bench_registry(rows, folder, 5_000 if args.quick else 50_000, sizes[1])
    table = ["| measurement | result | target |", "|---|---|---|"]
    table += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    took = time.perf_counter() - started
    text = (
        f"Machine: {machine()}. Run {time.strftime('%Y-%m-%d %H:%M')}, took {took / 60:.1f} min.\n\n"
        + "\n".join(table)
        + "\n"
    )
    print(text)
    RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
