"""World regions of a programme-oriented scheme, from data/world_regions.csv."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from partnerdash import settings

UNKNOWN_REGION = "Unknown"


def read_world_regions(path: Path) -> dict[str, str]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {row["country"].strip().upper(): row["region"].strip() for row in csv.DictReader(lines)}


@cache
def default_world_regions() -> dict[str, str]:
    return read_world_regions(settings.resource("world_regions.csv"))


def world_region(country: str | None, table: dict[str, str] | None = None) -> str:
    if not country:
        return UNKNOWN_REGION
    return (table if table is not None else default_world_regions()).get(country.upper(), UNKNOWN_REGION)
