"""Place extraction against the answer keys: partnerdash and the geotext package, side by side.

Run: .venv/bin/python bench/quality.py   (prints a Markdown table)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

# Run as a script, the checkout is not on the path; the bench package needs it there.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geotext import GeoText

from bench.answerkey import (
    Predicted,
    Scores,
    answer_keys,
    evaluate,
    keyed_source,
    read_key,
    score_item,
)
from partnerdash.extract.items import item_text
from partnerdash.load import load_paths
from partnerdash.pipeline import build_paths

ROOT = Path(__file__).resolve().parents[1]
KEYS = answer_keys(ROOT)


def geotext_scores(path: Path, key: dict) -> Scores:  # type: ignore[type-arg]
    """geotext finds city names (no countries of its own per city, no pairs)."""
    scores = Scores()
    items = {item.title: item for item in load_paths([path]).items}
    for key_item in key["items"]:
        item = items.get(key_item["title"])
        if item is None:
            continue
        found = GeoText(item_text(item))
        predicted = [Predicted(city, city, "municipality", None) for city in dict.fromkeys(found.cities)]
        scores.add(score_item(predicted, [], key_item))
    return scores


def fixture_summary() -> str:
    """partnerdash on our own fixture keys, as one line."""
    ours = Scores()
    for key_path in KEYS:
        ours.add(evaluate(build_paths([keyed_source(key_path, ROOT)]), read_key(key_path)))
    m = ours.municipalities
    return f"municipalities P/R {m.precision:.3f}/{m.recall:.3f}; pairs F1 {ours.pairs.f1:.3f}"


def main() -> int:
    ours, theirs = Scores(), Scores()
    ours_seconds = theirs_seconds = 0.0
    for key_path in KEYS:
        key, source = read_key(key_path), keyed_source(key_path, ROOT)
        start = time.perf_counter()
        ours.add(evaluate(build_paths([source]), key))
        ours_seconds += time.perf_counter() - start
        start = time.perf_counter()
        theirs.add(geotext_scores(source, key))
        theirs_seconds += time.perf_counter() - start
    print(
        "| extractor | municipality precision | municipality recall | country of resolved places | pairs F1 |"
    )
    print("|---|---|---|---|---|")
    for name, s in (("partnerdash", ours), ("geotext 0.4", theirs)):
        m = s.municipalities
        pairs = f"{s.pairs.f1:.3f}" if name == "partnerdash" else "— (finds no pairs)"
        country = f"{s.country_accuracy:.3f}" if name == "partnerdash" else "— (no country per city)"
        precision = f"{m.precision:.3f} ({m.true_positive}/{m.true_positive + m.false_positive})"
        recall = f"{m.recall:.3f} ({m.true_positive}/{m.true_positive + m.false_negative})"
        print(f"| {name} | {precision} | {recall} | {country} | {pairs} |")
    wanted = ours.municipalities.true_positive + ours.municipalities.false_negative
    print(f"\n{len(KEYS)} answer keys; {wanted} municipalities in them.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
