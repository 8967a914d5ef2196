"""Place finding and pairs on the development corpus (../shared/corpus/dev), by language.

Run: .venv/bin/python bench/dev.py [--lines]   (--lines: every miss, extra and misplaced place)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Run as a script, the checkout is not on the path; the bench package needs it there.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.devcorpus import DevScores, corpus_dir, found_places, read_corpus, score_item
from partnerdash.geocode.resolve import PlaceFinder
from partnerdash.geocode.supplement import names_for
from partnerdash.pipeline import default_finder

ROOT = Path(__file__).resolve().parents[1]
SHARED_REGISTRY = ROOT.parent / "shared" / "data" / "sistercities_germany_wikidata_2017.tsv"


def dev_finder() -> PlaceFinder:
    """The finder as a user with a real registry has it: the shared Wikidata registry of
    German twinnings as the supplementary gazetteer, when it is there."""
    finder = default_finder()
    if not SHARED_REGISTRY.exists():
        return finder
    return PlaceFinder(
        finder.gazetteer, finder.overrides, finder.rules, finder.model, registry=names_for(SHARED_REGISTRY)
    )


def dev_scores() -> dict[str, DevScores] | None:
    """Scores per language and over all items; None if the corpus is not beside the checkout."""
    folder = corpus_dir(ROOT)
    if not folder.exists():
        return None
    finder = dev_finder()
    scores = {"de": DevScores(), "en": DevScores(), "all": DevScores()}
    for item in read_corpus(folder):
        found = finder.find({"title": item.title, "summary": item.text}, None, item.lang)
        pairs = [(p.a.name, p.b.name) for p in found.pairs]
        places = found_places(found.places) + found_places(
            [p for p in found.places if p.uncertain], certain=False
        )
        item_scores = score_item(item, places, pairs)
        scores[item.lang].add(item_scores)
        scores["all"].add(item_scores)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", action="store_true", help="print every miss and extra")
    args = parser.parse_args()
    scores = dev_scores()
    if scores is None:
        sys.exit(f"needs the development corpus at {corpus_dir(ROOT)}")
    for lang, score in scores.items():
        print(f"{lang:3s} {score.summary()}")
    if args.lines:
        print("\n".join(scores["all"].lines))


if __name__ == "__main__":
    main()
