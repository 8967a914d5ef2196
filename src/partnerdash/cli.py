"""The ``partnerdash`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from partnerdash import __version__, output
from partnerdash.pipeline import Dataset, build_paths


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
    extract.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    extract.add_argument(
        "--format", choices=output.FORMATS, default="jsonl", help="output format (default: jsonl)"
    )
    extract.add_argument(
        "-o", "--output", metavar="OUT", help="write to this file instead of standard output"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
    except BrokenPipeError:
        # The reader (say, `head`) has gone; stop quietly as Unix tools do.
        sys.stderr.close()
        return 0
    return 2


def _extract(args: argparse.Namespace) -> int:
    dataset = build_paths(list(args.paths))
    _report(dataset)
    if dataset.events.empty:
        print("partnerdash: no news items could be read.", file=sys.stderr)
        return 1
    if args.output:
        with Path(args.output).open("wb") as out:
            output.write(dataset.events, out, args.format)
    else:
        output.write(dataset.events, sys.stdout.buffer, args.format)
        sys.stdout.buffer.flush()
    return 0


def _report(dataset: Dataset) -> None:
    for warning in dataset.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"partnerdash: {len(dataset.events)} events from {dataset.files_read} file(s)"
        + (f"; {dataset.files_failed} file(s) could not be read" if dataset.files_failed else ""),
        file=sys.stderr,
    )


if __name__ == "__main__":
    raise SystemExit(main())
