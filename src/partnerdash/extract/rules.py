"""The editable rules of place finding (data/place_rules.toml), normalised for lookup."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from partnerdash import settings
from partnerdash.normalize import normalize


def _phrase_pattern(phrases: list[str], endings: list[str] | None = None) -> re.Pattern[str]:
    """Any of the phrases, or a compound word ending in one of ``endings``."""
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    compounds = [rf"[\w-]+(?:{'|'.join(map(re.escape, endings))})"] if endings else []
    body = "|".join([r"\s+".join(map(re.escape, p.split())) for p in ordered] + compounds) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class PlaceRules:  # frozen, but cached_property needs the instance __dict__
    not_places: frozenset[str]
    person_titles: frozenset[str]
    names_of_things: frozenset[str]
    place_cues: frozenset[str]
    place_cue_endings: tuple[str, ...]
    place_neighbours: frozenset[str]
    articles: frozenset[str]
    qualifier_links: tuple[str, ...]
    list_join: re.Pattern[str]
    district_before: frozenset[str]
    district_after: frozenset[str]
    unresolved_cue: re.Pattern[str]
    pair_cue: re.Pattern[str]
    min_population: int
    home_country: str
    min_population_home: int
    min_population_elsewhere: int

    @cached_property
    def name_leads(self) -> frozenset[str]:
        """Words that lead up to a name without being part of it: "Gemeinde", "die", "Mayor"."""
        return self.place_cues | self.articles | self.person_titles

    @cached_property
    def longest_cue(self) -> int:
        return max((len(c.split()) for c in self.place_cues | self.person_titles), default=1)


def _join_pattern(joins: list[str]) -> re.Pattern[str]:
    """Text between two names of one list: one of ``joins``, with spaces around it."""
    words = "|".join(rf"\b{re.escape(j)}\b" if j[0].isalnum() else re.escape(j) for j in joins)
    return re.compile(rf"\s*(?:{words})\s*", re.IGNORECASE)


def _keys(table: dict[str, Any], name: str) -> frozenset[str]:
    return frozenset(normalize(str(word)) for word in table.get(name, []))


def read_rules(path: Path) -> PlaceRules:
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return PlaceRules(
        not_places=_keys(table, "not_places"),
        person_titles=_keys(table, "person_titles"),
        names_of_things=_keys(table, "names_of_things"),
        place_cues=_keys(table, "place_cues") | _keys(table, "place_prepositions"),
        place_cue_endings=tuple(normalize(str(end)) for end in table.get("place_cue_endings", [])),
        place_neighbours=_keys(table, "place_neighbours"),
        articles=_keys(table, "articles"),
        list_join=_join_pattern([str(word) for word in table.get("list_joins", [","])]),
        qualifier_links=tuple(normalize(str(link)) for link in table.get("qualifier_links", [""])),
        district_before=_keys(table, "district_before"),
        district_after=_keys(table, "district_after"),
        unresolved_cue=_phrase_pattern(
            _unresolved_cues(table), [str(e) for e in table.get("place_cue_endings", [])]
        ),
        pair_cue=_phrase_pattern(list(table.get("pair_cues", []))),
        min_population=int(table.get("min_population_unsupported", 100_000)),
        home_country=str(table.get("home_country", "DE")),
        min_population_home=int(table.get("min_population_unsupported_home", 10_000)),
        min_population_elsewhere=int(table.get("min_population_outside_named_countries", 1_000_000)),
    )


def _unresolved_cues(table: dict[str, Any]) -> list[str]:
    """The place nouns, and the phrases that mark an unknown name besides them. A rules file
    from before place_cues and place_prepositions were split has prepositions among its
    place_cues: then only its unresolved_cues count ("in Zukunft" names no place)."""
    nouns = table.get("place_cues", []) if "place_prepositions" in table else []
    return [str(cue) for cue in [*nouns, *table.get("unresolved_cues", [])]]


@cache
def default_rules() -> PlaceRules:
    return read_rules(settings.resource("place_rules.toml"))
