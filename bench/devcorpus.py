"""Scoring against the development corpus: real news of other publishers, keyed by others.

The corpus (``../shared/corpus/dev/``: ``items.jsonl`` and ``answers.jsonl``) is third-party
text; it is read from where it lies and never copied. Its README gives the key's
conventions, which this module applies:

* municipalities are matched per item by name as written or any alias (normalised, a
  German genitive "-s" folded), each key entry at most once;
* a found municipality that the key lists as a region or country, or not at all, is a
  false positive; one that matches a key entry with coordinates but lies more than
  161 km (100 miles) from them is *misplaced*;
* pairs are unordered pairs of the key's municipality names;
* a found place whose name is one of the item's ``not_places`` is counted as a trap taken.

Places below the confidence threshold are *uncertain*: they are not on the map, so they
are scored apart (counted, never as true or false positives).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partnerdash.geocode.sides import point_km
from partnerdash.normalize import normalize

MISPLACED_KM = 161.0


def corpus_dir(root: Path) -> Path:
    """Where the development corpus lies beside a checkout: ``../shared/corpus/dev``."""
    return root.parent / "shared" / "corpus" / "dev"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class DevItem:
    id: str
    lang: str
    title: str
    text: str
    date: str | None
    key: Mapping[str, Any]


def read_corpus(folder: Path) -> list[DevItem]:
    answers = {a["id"]: a for a in read_jsonl(folder / "answers.jsonl")}
    return [
        DevItem(i["id"], i["lang"], i.get("title") or "", i["text"], i.get("date"), answers[i["id"]])
        for i in read_jsonl(folder / "items.jsonl")
    ]


@dataclass(frozen=True)
class Found:
    """One place partnerdash found in an item (municipality, region or country)."""

    name: str
    canonical: str
    kind: str
    country: str
    lat: float
    lon: float
    certain: bool = True


@dataclass
class DevScores:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    pairs_tp: int = 0
    pairs_fp: int = 0
    pairs_fn: int = 0
    misplaced: int = 0
    traps_taken: int = 0
    uncertain: int = 0
    uncertain_right: int = 0
    items: int = 0
    lines: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def precision(self) -> float:
        return self._ratio(self.true_positive, self.true_positive + self.false_positive)

    @property
    def recall(self) -> float:
        return self._ratio(self.true_positive, self.true_positive + self.false_negative)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def pairs_f1(self) -> float:
        found, wanted = self.pairs_tp + self.pairs_fp, self.pairs_tp + self.pairs_fn
        p, r = self._ratio(self.pairs_tp, found), self._ratio(self.pairs_tp, wanted)
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: DevScores) -> None:
        for name in (
            "true_positive",
            "false_positive",
            "false_negative",
            "pairs_tp",
            "pairs_fp",
            "pairs_fn",
            "misplaced",
            "traps_taken",
            "uncertain",
            "uncertain_right",
            "items",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.lines.extend(other.lines)

    def summary(self) -> str:
        return (
            f"municipalities P/R/F1 {self.precision:.3f}/{self.recall:.3f}/{self.f1:.3f} "
            f"(tp {self.true_positive}, fp {self.false_positive}, fn {self.false_negative}); "
            f"pairs F1 {self.pairs_f1:.3f} (tp {self.pairs_tp}, fp {self.pairs_fp}, fn {self.pairs_fn}); "
            f"misplaced > {MISPLACED_KM:.0f} km {self.misplaced}; traps taken {self.traps_taken}; "
            f"uncertain {self.uncertain} (of them right {self.uncertain_right})"
        )


def _forms(name: str) -> set[str]:
    key = normalize(name)
    forms = {key}
    for suffix in ("s", "'s", "'"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            forms.add(key[: -len(suffix)])
    return forms


def _entry_forms(entry: Mapping[str, Any]) -> set[str]:
    forms: set[str] = set()
    for name in [entry["name"], *entry.get("aliases", [])]:
        forms |= _forms(str(name))
    return forms


def _match(found: Found, entries: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    forms = _forms(found.name) | _forms(found.canonical)
    return next((e for e in entries if forms & _entry_forms(e)), None)


def score_item(item: DevItem, found: Iterable[Found], pairs: Iterable[tuple[str, str]]) -> DevScores:
    """Scores of one item's found places and pairs against its key entry."""
    scores = DevScores(items=1)
    key = item.key
    entries = list(key.get("places", []))
    municipalities = [e for e in entries if e["kind"] == "municipality"]
    traps = {normalize(str(t)) for t in key.get("not_places", [])}
    unmatched = list(municipalities)
    for place in found:
        if normalize(place.name) in traps:
            scores.traps_taken += place.certain
            scores.lines.append(f"{item.id} trap {place.name} → {place.canonical} ({place.country})")
        if place.kind != "municipality":
            continue
        entry = _match(place, unmatched)
        if not place.certain:
            scores.uncertain += 1
            scores.uncertain_right += entry is not None
            continue
        if entry is None:
            scores.false_positive += 1
            scores.lines.append(f"{item.id} extra {place.name} → {place.canonical} ({place.country})")
            continue
        unmatched.remove(entry)
        scores.true_positive += 1
        lat, lon = entry.get("lat"), entry.get("lon")
        if lat is not None and lon is not None and point_km(lat, lon, place.lat, place.lon) > MISPLACED_KM:
            scores.misplaced += 1
            scores.lines.append(
                f"{item.id} misplaced {place.name} → {place.canonical} ({place.country}), "
                f"{point_km(lat, lon, place.lat, place.lon):.0f} km off"
            )
    scores.false_negative += len(unmatched)
    scores.lines.extend(f"{item.id} missed {e['name']} ({e['country']})" for e in unmatched)
    _score_pairs(scores, item, pairs, municipalities)
    return scores


def _pair_key(pair: Iterable[str], entries: Sequence[Mapping[str, Any]]) -> frozenset[str]:
    """A pair as the key's names: each side mapped to the entry it matches, if any."""
    sides = []
    for name in pair:
        forms = _forms(name)
        entry = next((e for e in entries if forms & _entry_forms(e)), None)
        sides.append(normalize(entry["name"]) if entry else normalize(name))
    return frozenset(sides)


def _score_pairs(
    scores: DevScores,
    item: DevItem,
    pairs: Iterable[tuple[str, str]],
    entries: Sequence[Mapping[str, Any]],
) -> None:
    wanted = {frozenset(normalize(side) for side in pair) for pair in item.key.get("pairs", [])}
    got = {_pair_key(pair, entries) for pair in pairs}
    scores.pairs_tp += len(wanted & got)
    scores.pairs_fp += len(got - wanted)
    scores.pairs_fn += len(wanted - got)
    scores.lines.extend(f"{item.id} pair missed {sorted(p)}" for p in wanted - got)
    scores.lines.extend(f"{item.id} pair extra {sorted(p)}" for p in got - wanted)


def found_places(places: Iterable[Any], certain: bool = True) -> list[Found]:
    """One item's ``FoundPlace`` list as the scorer sees it: resolved places (or, with
    ``certain=False``, the candidates of uncertain ones), without the dateline seat."""
    found = []
    for p in places:
        place = p.place if certain else p.candidate
        if place is not None and not p.dateline:
            found.append(Found(p.name, place.name, place.kind, place.country, place.lat, place.lon, certain))
    return found
