"""Real twin towns as short news items: is the German side found, the partner placed right,
the pair reported?

The pairs come from the shared Wikidata registry (../shared/data, third-party: read from
there, never copied): a fixed sample of 400 rows, each written as a short German or English
item in one of a few phrasings. Each side's coordinates there are the truth. The registry
is *not* used as a supplementary gazetteer here — that would be checking it against
itself — unless --with-registry is given.

Run: .venv/bin/python bench/twins.py [--with-registry] [--lines]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from geopy import distance

from partnerdash.geocode.resolve import FoundPlace, PlaceFinder
from partnerdash.pipeline import default_finder

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT.parent / "shared" / "data" / "sistercities_germany_wikidata_2017.tsv"
SAMPLE = 400
FAR_KM = 161.0
TEMPLATES = (
    ("de", "{a} und {b}: Besuch in der Partnerstadt", "Eine Delegation aus {a} reiste nach {b} ({country})."),
    (
        "de",
        "Städtepartnerschaft gefeiert",
        "Die Städtepartnerschaft zwischen {a} und {b} besteht seit Jahren.",
    ),
    ("en", "{a} welcomes guests", "A delegation from {b}, {country}, visited its twin town {a} this week."),
    ("en", "Twinning anniversary", "{a} and its partner town {b} in {country} celebrated their partnership."),
)


@dataclass
class Counts:
    items: int = 0
    german_found: int = 0
    german_unresolved: int = 0
    partner_placed: int = 0
    partner_far: int = 0
    pairs: int = 0


def sample(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            r for r in csv.DictReader(handle, delimiter="\t") if r["origincityLabel"] and r["sistercityLabel"]
        ]
    return random.Random(11).sample(rows, SAMPLE)  # noqa: S311 - a fixed sample, not a secret


def _near(found: FoundPlace, lat: str, lon: str, km: float) -> bool:
    place = found.place
    if place is None or place.kind != "municipality":
        return False
    return float(distance.great_circle((place.lat, place.lon), (float(lat), float(lon))).km) <= km


def measure(
    finder: PlaceFinder, rows: list[dict[str, str]], lines: list[str], registry: bool = True
) -> Counts:
    """Scores of the finder on the items; ``registry=False``: without its registry supplement."""
    if not registry:
        finder = PlaceFinder(finder.gazetteer, finder.overrides, finder.rules, finder.model)
    counts = Counts()
    for number, row in enumerate(rows):
        lang, title, text = TEMPLATES[number % len(TEMPLATES)]
        a, b, country = row["origincityLabel"], row["sistercityLabel"], row["destination_countryLabel"]
        found = finder.find(
            {"title": title.format(a=a, b=b), "summary": text.format(a=a, b=b, country=country)}, None, lang
        )
        counts.items += 1
        german = [f for f in found.places if f.name in a or (f.place and f.place.name in a)]
        if any(_near(f, row["originlat"], row["originlong"], FAR_KM) for f in german):
            counts.german_found += 1
        else:
            unresolved = [f for f in found.places if f.place is None and a.startswith(f.name)]
            counts.german_unresolved += bool(unresolved)
            placed = ", ".join(f"{f.place.name} ({f.place.country})" for f in german if f.place)
            how = "listed unresolved" if unresolved else f"placed as {placed}" if placed else "not listed"
            lines.append(f"german side missed: {a} ({how})")
        partner = [f for f in found.places if f.place and f.place.kind == "municipality" and f.name in b]
        if partner:
            counts.partner_placed += 1
            if not any(_near(f, row["destinationlat"], row["destinationlong"], FAR_KM) for f in partner):
                counts.partner_far += 1
                first = partner[0].place
                where = f"{first.name} ({first.country})" if first else "?"
                lines.append(f"partner far: {b} ({country}) placed as {where}")
        named = {
            n
            for pair in found.pairs
            for side in (pair.a, pair.b)
            for n in (side.name, side.place.name if side.place else "")
        }
        counts.pairs += any(n and n in a for n in named) and any(n and n in b for n in named)
    return counts


def report_line(c: Counts) -> str:
    n = c.items
    return (
        f"{n} items; German side found {c.german_found / n:.3f} "
        f"(of {n - c.german_found} misses, {c.german_unresolved} listed as unresolved); "
        f"partner placed {c.partner_placed / n:.3f}, of them > {FAR_KM:.0f} km off "
        f"{c.partner_far / max(c.partner_placed, 1):.3f}; pair reported {c.pairs / n:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--with-registry", action="store_true", help="use the registry as a supplement too")
    parser.add_argument("--lines", action="store_true", help="print every miss")
    args = parser.parse_args()
    if not REGISTRY.exists():
        sys.exit(f"needs the shared registry at {REGISTRY}")
    rows = sample(REGISTRY)
    lines: list[str] = []
    counts = measure(default_finder(), rows, lines, registry=args.with_registry)
    print(
        ("with the registry as supplement: " if args.with_registry else "gazetteer only: ")
        + report_line(counts)
    )
    if args.lines:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
