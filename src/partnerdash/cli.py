"""The ``partnerdash`` command line."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import numpy as np
import pandas as pd
from tqdm import tqdm

from partnerdash import __version__, geojson, output, settings
from partnerdash.load.sources import documents
from partnerdash.model import Dataset
from partnerdash.parallel import DaskRunner, LocalRunner, cores
from partnerdash.pipeline import Runner, build, default_store, online_geocoder, registry
from partnerdash.registry.join import join_news

T = TypeVar("T")
# Below this many items a run takes a moment and a progress bar is only noise.
PROGRESS_FROM_ITEMS = 2000
# Extraction makes millions of small objects that live to the end of the run; at Python's
# default thresholds the collector scans them again and again: measured with a gc callback
# on 20,000 real-shaped items, 12 % of the run's CPU time, 2 % at these, same peak memory.
GC_THRESHOLDS = (200_000, 50, 100)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="partnerdash",
        description="Turn news about municipal partnerships into tables of events.",
    )
    parser.add_argument("--version", action="version", version=f"partnerdash {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser(
        "extract",
        help="read news files and write one event per item",
        description="Read news items (text or HTML listings, RSS/Atom, CSV, JSON, JSON Lines, "
        "Excel; folders are read recursively; '-' reads standard input) and write the events.",
    )
    _inputs(extract)
    extract.add_argument(
        "--format",
        choices=(*output.FORMATS, "geojson"),
        default="jsonl",
        help="output format (default: jsonl); geojson: places and partnership lines for GIS tools",
    )
    extract.add_argument(
        "--layer",
        choices=geojson.LAYERS,
        help="with --format geojson: only the places' points or only the partnerships' lines",
    )
    extract.add_argument(
        "-o", "--output", metavar="OUT", help="write to this file instead of standard output"
    )
    places = commands.add_parser(
        "places",
        help="list the places found in news files",
        description="List every place found, one row per item and place, as CSV.",
    )
    _inputs(places)
    places.add_argument(
        "--unresolved",
        action="store_true",
        help="only names that could not be placed: what data/places_overrides.csv should add",
    )
    dashboard = commands.add_parser(
        "dashboard",
        help="start the dashboard on news files",
        description="Start the dashboard (Streamlit) on PATH: the data setting if left out, which "
        "is the bundled sample unless set. Options after PATH go to `streamlit run`, for example "
        "--server.port 8502 --server.headless true.",
    )
    dashboard.add_argument("path", nargs="?", metavar="PATH", help="folder or file of news items")
    dashboard.add_argument(
        "streamlit", nargs=argparse.REMAINDER, metavar="STREAMLIT-OPTION", help="passed to streamlit run"
    )
    commands.add_parser(
        "settings",
        help="list the settings, their values and where each was set",
        description="List every setting: its value, where it was set (PARTNERDASH_<NAME>, the "
        "settings file, or by default), its type and what it is for.",
    )
    return parser


def _inputs(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="file, folder, or - for stdin (default: the data setting, the bundled sample unless set)",
    )
    command.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=cores(),
        metavar="N",
        help=f"worker processes for large inputs (default: this machine's cores, {cores()}); "
        "with an online geocoder, one: its rate limit and cache are per process",
    )
    command.add_argument(
        "--no-cache",
        action="store_true",
        help="extract every file again: neither read nor write the store of extracted tables",
    )
    command.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on this Dask cluster (e.g. tcp://10.0.0.5:8786) instead; needs partnerdash[dask]",
    )


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _split_dashboard(argv: list[str]) -> tuple[list[str], list[str]]:
    """``dashboard [PATH] [STREAMLIT-OPTION ...]`` as argparse's part and Streamlit's.

    argparse alone would take the value of ``--server.port 8502`` for PATH: it cannot
    know which of Streamlit's options take a value. So only a first word that is no
    option (or is -h) is PATH; everything after it is Streamlit's.
    """
    if not argv or argv[0] != "dashboard":
        return argv, []
    rest = argv[1:]
    ours = rest[:1] if rest and (not rest[0].startswith("-") or rest[0] in ("-h", "--help")) else []
    return ["dashboard", *ours], rest[len(ours) :]


def main(argv: Sequence[str] | None = None) -> int:
    ours, streamlit_options = _split_dashboard(list(sys.argv[1:] if argv is None else argv))
    args = _parser().parse_args(ours)
    try:
        if args.command == "dashboard":
            return _dashboard(args.path, streamlit_options)
        if args.command == "settings":
            return _settings()
        return _extract_or_places(args)
    except settings.SettingError as error:
        print(f"partnerdash: {error}", file=sys.stderr)
        return 2


def _extract_or_places(args: argparse.Namespace) -> int:
    with _collecting_less():
        return _extract_or_places_now(args)


@contextmanager
def _collecting_less() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _extract_or_places_now(args: argparse.Namespace) -> int:
    try:
        dataset = _build(args)
        _report(dataset)
        if dataset.events.empty:
            print("partnerdash: no news items could be read.", file=sys.stderr)
            return 1
        if args.command == "extract":
            with _open(args.output) as out:
                if args.format == "geojson":
                    _write_geojson(dataset, out, (args.layer,) if args.layer else geojson.LAYERS)
                else:
                    _write_events(dataset, out, args.format)
        else:
            _write_places(dataset, args.unresolved)
    except BrokenPipeError:
        # The reader (say, `head`) has gone; stop quietly as Unix tools do.
        sys.stderr.close()
    return 0


def dashboard_command(path: str | None, options: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """`streamlit run` on the dashboard's script, and its environment: PATH is the data setting."""
    env = dict(os.environ)
    if path is not None:
        # Absolute: the child resolves it, and Streamlit may be told to run elsewhere.
        env["PARTNERDASH_DATA"] = str(Path(path).expanduser().resolve())
    return [sys.executable, "-m", "streamlit", "run", str(settings.APP), *options], env


def _dashboard(path: str | None, options: list[str]) -> int:
    # Checked here, before Streamlit starts: a bad setting is one clear line on the
    # console instead of an error page for every visitor.
    problems = settings.problems()
    if path is not None and not Path(path).expanduser().exists():
        problems.append(f"no such file or folder: {path}")
    for problem in problems:
        print(f"partnerdash: {problem}", file=sys.stderr)
    if problems:
        return 2
    command, env = dashboard_command(path, options)
    sys.stdout.flush()
    sys.stderr.flush()
    # Streamlit takes this process's place rather than running as its child: Ctrl-C and a
    # service manager's SIGTERM reach it directly, and no orphan outlives a killed parent.
    os.execve(command[0], command, env)  # noqa: S606 - our own interpreter; the options are Streamlit's


def _settings() -> int:
    path = settings.config_file()
    print(f"settings file: {path}" + ("" if path.exists() else " (none)"))
    for row in settings.describe():
        print(f"{row['name']} = {row['value']}  ({row['set']})")
        print(f"    {row['help']} [{row['type']}; {row['env_var']}]")
    problems = settings.problems()
    for problem in problems:
        print(f"partnerdash: {problem}", file=sys.stderr)
    return 2 if problems else 0


def _build(args: argparse.Namespace) -> Dataset:
    paths = args.paths or [settings.get("data")]
    with _Bar() as progress:
        store = None if args.no_cache else default_store()
        docs = documents(list(paths))
        return build(docs, progress=progress, online=online_geocoder(), runner=_runner(args), store=store)


class _Bar:
    """The progress bar on standard error, for large inputs only."""

    def __init__(self) -> None:
        self.bar: tqdm[Any] | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            hide = total < PROGRESS_FROM_ITEMS
            self.bar = tqdm(total=total, unit="item", desc="items", disable=hide, file=sys.stderr)
        self.bar.update(done - self.bar.n)

    def __enter__(self) -> _Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


def _runner(args: argparse.Namespace) -> Runner | None:
    if args.scheduler:
        return DaskRunner(args.scheduler)
    return LocalRunner(args.jobs) if args.jobs > 1 else None


class _open:  # noqa: N801 - used like the built-in open()
    def __init__(self, path: str | None) -> None:
        self.path = path
        self.handle: BinaryIO | None = None

    def __enter__(self) -> BinaryIO:
        if self.path is None:
            return sys.stdout.buffer
        self.handle = Path(self.path).open("wb")
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()
        else:
            sys.stdout.buffer.flush()


def _write_geojson(dataset: Dataset, out: BinaryIO, layers: tuple[str, ...]) -> None:
    known = registry() if settings.get_optional_path("registry") is not None else None
    network = None
    if known is not None and not known.partnerships.empty:
        network = join_news(known.partnerships, dataset.events, dataset.places, dataset.partnerships)
    collection = geojson.feature_collection(
        dataset.events, dataset.places, dataset.partnerships, network, layers
    )
    out.write(geojson.dumps(collection).encode("utf-8"))


def _write_events(dataset: Dataset, out: BinaryIO, fmt: str) -> None:
    if fmt == "jsonl":
        nested = {"places": _places_by_event(dataset), "pairs": _pairs_by_event(dataset)}
        output.write(dataset.events, out, fmt, plain=nested)
    else:
        output.write(dataset.events, out, fmt)


def _places_by_event(dataset: Dataset) -> Iterator[list[dict[str, Any]]]:
    columns = ["name", "canonical", "kind", "country", "lat", "lon", "dateline", "confidence", "evidence"]
    order, counts = _grouped(dataset, dataset.places["event_id"])
    return _by_event(counts, output.records(dataset.places[columns].iloc[order]))


def _pairs_by_event(dataset: Dataset) -> Iterator[list[list[str]]]:
    order, counts = _grouped(dataset, dataset.partnerships["event_id"])
    pairs = dataset.partnerships.iloc[order]
    return _by_event(
        counts, ([str(a), str(b)] for a, b in zip(pairs["a_name"], pairs["b_name"], strict=True))
    )


def _grouped(dataset: Dataset, owners: pd.Series) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """The rows' positions sorted by their event (stable), and each event's row count."""
    positions = pd.Index(dataset.events["event_id"]).get_indexer(owners)
    order = np.argsort(positions, kind="stable")
    order = order[positions[order] >= 0]  # a row of no event shown: not written
    return order, np.bincount(positions[order], minlength=len(dataset.events))


def _by_event(counts: np.ndarray[Any, Any], rows: Iterator[T]) -> Iterator[list[T]]:
    """Each event's rows in the events' order, made as the writer reaches the event: one
    event's dicts in memory at a time, not every place's (``rows`` come sorted by event)."""
    for count in counts.tolist():
        yield list(islice(rows, count))


def _write_places(dataset: Dataset, unresolved: bool) -> None:
    places = dataset.places.merge(dataset.events[["event_id", "title", "source"]], on="event_id")
    if unresolved:
        missing = places[places["canonical"].isna()]
        table = (
            missing.groupby("name", sort=True)
            .agg(
                mentions=("event_id", "size"),
                reason=("unresolved_reason", "first"),
                example=("title", "first"),
                source=("source", "first"),
            )
            .reset_index()
            .sort_values(["mentions", "name"], ascending=[False, True])
        )
    else:
        table = places.drop(columns=["title"])
    _csv(table)


def _csv(table: pd.DataFrame) -> None:
    output.write(table, sys.stdout.buffer, "csv")
    sys.stdout.buffer.flush()


def _report(dataset: Dataset) -> None:
    for warning in dataset.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    unresolved = int(dataset.places["canonical"].isna().sum())
    print(
        f"partnerdash: {len(dataset.events)} events, {len(dataset.places)} places "
        f"({unresolved} unresolved), {len(dataset.partnerships)} partnerships "
        f"from {dataset.files_read} file(s)"
        + (f" ({dataset.files_stored} from the store)" if dataset.files_stored else "")
        + (f"; {dataset.files_failed} file(s) could not be read" if dataset.files_failed else ""),
        file=sys.stderr,
    )


if __name__ == "__main__":
    raise SystemExit(main())
