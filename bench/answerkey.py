"""Scoring place extraction against a hand-made answer key.

An answer key (tests/fixtures/answers/*.json) lists, per item, every place a careful
reader finds — name as written, canonical name, kind, country, whether it is only the
dateline — and every partnership pair. Municipalities are matched by name (written or
canonical, normalised); countries are then checked on the matches; pairs are matched
as unordered pairs of names.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from partnerdash.model import Dataset
from partnerdash.normalize import normalize


@dataclass
class Counts:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.true_positive += other.true_positive
        self.false_positive += other.false_positive
        self.false_negative += other.false_negative


@dataclass
class Scores:
    municipalities: Counts = field(default_factory=Counts)
    pairs: Counts = field(default_factory=Counts)
    countries_right: int = 0
    countries_checked: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def country_accuracy(self) -> float:
        return self.countries_right / self.countries_checked if self.countries_checked else 1.0

    def add(self, other: Scores) -> None:
        self.municipalities.add(other.municipalities)
        self.pairs.add(other.pairs)
        self.countries_right += other.countries_right
        self.countries_checked += other.countries_checked
        self.misses.extend(other.misses)

    def summary(self) -> str:
        m = self.municipalities
        return (
            f"municipalities P={m.precision:.3f} R={m.recall:.3f} "
            f"(tp {m.true_positive}, fp {m.false_positive}, fn {m.false_negative}); "
            f"countries {self.countries_right}/{self.countries_checked} = {self.country_accuracy:.3f}; "
            f"pairs F1={self.pairs.f1:.3f} (tp {self.pairs.true_positive}, fp {self.pairs.false_positive}, "
            f"fn {self.pairs.false_negative})"
        )


def answer_keys(root: Path) -> list[Path]:
    """The answer keys of a checkout: ``tests/fixtures/answers/<news file name>.json``."""
    return sorted((root / "tests" / "fixtures" / "answers").glob("*.json"))


def keyed_source(key: Path, root: Path) -> Path:
    """The news file an answer key describes: a test fixture, or the bundled sample."""
    name = key.name.removesuffix(".json")
    fixture = root / "tests" / "fixtures" / "news" / name
    return fixture if fixture.exists() else root / "data" / "sample" / name


def read_key(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _names(place: Mapping[str, Any]) -> set[str]:
    return {normalize(str(place[k])) for k in ("name", "canonical") if place.get(k)}


def _active(place: Mapping[str, Any]) -> bool:
    return not place.get("dateline") or bool(place.get("also_in_text"))


@dataclass(frozen=True)
class Predicted:
    """One place the system found: written name, canonical name (None if unresolved)."""

    name: str
    canonical: str | None
    kind: str | None
    country: str | None


def score_item(
    predicted: Iterable[Predicted], pairs: Iterable[tuple[str, str]], key_item: Mapping[str, Any]
) -> Scores:
    scores = Scores()
    key_places = [p for p in key_item.get("places", []) if _active(p)]
    wanted = [p for p in key_places if p["kind"] == "municipality"]
    found = [p for p in predicted if p.kind in (None, "municipality")]
    unmatched = list(found)
    for place in wanted:
        names = _names(place)
        match = next(
            (p for p in unmatched if normalize(p.canonical or p.name) in names or normalize(p.name) in names),
            None,
        )
        if match is None:
            scores.municipalities.false_negative += 1
            scores.misses.append(f"missed {place['name']} ({place['country']}) in “{key_item['title'][:50]}”")
            continue
        unmatched.remove(match)
        scores.municipalities.true_positive += 1
    for extra in unmatched:
        scores.municipalities.false_positive += 1
        scores.misses.append(
            f"extra {extra.name} → {extra.canonical} ({extra.country}) in “{key_item['title'][:50]}”"
        )
    _score_countries(scores, predicted, key_places)
    _score_pairs(scores, pairs, key_item)
    return scores


def _score_countries(
    scores: Scores, predicted: Iterable[Predicted], key_places: list[Mapping[str, Any]]
) -> None:
    for place in predicted:
        if place.canonical is None:
            continue
        key = next(
            (
                k
                for k in key_places
                if normalize(place.name) in _names(k) or normalize(place.canonical) in _names(k)
            ),
            None,
        )
        if key is None:
            continue
        scores.countries_checked += 1
        if key["country"] == place.country:
            scores.countries_right += 1
        else:
            scores.misses.append(f"wrong country {place.name}: {place.country}, not {key['country']}")


def _score_pairs(scores: Scores, pairs: Iterable[tuple[str, str]], key_item: Mapping[str, Any]) -> None:
    wanted = {frozenset(map(normalize, pair)) for pair in key_item.get("pairs", [])}
    got = {frozenset(map(normalize, pair)) for pair in pairs}
    scores.pairs.true_positive += len(wanted & got)
    scores.pairs.false_positive += len(got - wanted)
    scores.pairs.false_negative += len(wanted - got)
    scores.misses.extend(f"pair missed {sorted(p)}" for p in wanted - got)
    scores.misses.extend(f"pair extra {sorted(p)}" for p in got - wanted)


def evaluate(dataset: Dataset, key: Mapping[str, Any]) -> Scores:
    """Scores of a dataset's places and pairs against an answer key, item by item (by title)."""
    scores = Scores()
    events = dataset.events.set_index("title")
    for key_item in key["items"]:
        title = key_item["title"]
        if title not in events.index:
            scores.misses.append(f"item not loaded: “{title[:50]}”")
            continue
        event_id = events.loc[title, "event_id"]
        places = dataset.places[
            (dataset.places["event_id"] == event_id)
            & ~dataset.places["dateline"]
            & ~dataset.places["uncertain"]
        ]
        partnerships = dataset.partnerships[dataset.partnerships["event_id"] == event_id]
        predicted = [
            Predicted(str(r.name), _text(r.canonical), _text(r.kind), _text(r.country))
            for r in places.itertuples(index=False)
        ]
        pairs = [(str(r.a_name), str(r.b_name)) for r in partnerships.itertuples(index=False)]
        scores.add(score_item(predicted, pairs, key_item))
    return scores


def _text(value: object) -> str | None:
    return (
        None
        if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))
        else str(value)
    )
