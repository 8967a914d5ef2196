"""A registry of partnerships as large as a world registry, made from the real one.

Each synthetic row joins the German side of one row of the real Wikidata registry in ../shared/data to
the partner of another, so names, countries and coordinates are real and the gazetteer
lookups are as varied as in a real file. Deterministic for a seed; never shipped.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "sistercities_germany_wikidata_2017.tsv"
GERMAN_SIDE = 5  # the first five columns describe the German municipality


def synthetic_registry(path: Path, links: int, seed: int = 7) -> Path:
    if path.exists():
        return path
    with REAL.open(encoding="utf-8", newline="") as real:
        header, *rows = list(csv.reader(real, delimiter="\t"))
    chance = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t")
        writer.writerow(header)
        for _ in range(links):
            german, partner = chance.choice(rows), chance.choice(rows)
            writer.writerow(german[:GERMAN_SIDE] + partner[GERMAN_SIDE:])
    return path
