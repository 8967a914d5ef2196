"""Which places an item names, resolved with the item's own context.

A name the gazetteer knows is a place only when nothing speaks against it (an
ordinary word, a person's name, the name of a declaration) and something speaks
for it: it is a large place, a cue word stands before it, the item names its
country, or it is one side of a partnership. Among several places of that name
the item's countries win, then the home country, then population. A name no
candidate fits is reported unresolved, with the reason — never put somewhere wrong.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from partnerdash.extract.mentions import Mention, NameIndex, Token, find_mentions
from partnerdash.extract.pairs import PairLink, find_pairs
from partnerdash.extract.rules import PlaceRules
from partnerdash.geocode.gazetteer import Place
from partnerdash.geocode.normalize import normalize

FIELDS = ("title", "caption", "summary")
# Population ratio at which the larger of two same-named places is the obvious one.
_CLEAR_LEAD = 10
_NAMED_COUNTRY_MARGIN = 100
_CANDIDATE_CACHE = 200_000


class Gazetteer(Protocol):
    def names(self) -> Sequence[str]: ...

    def lookup(self, normalized: str) -> list[Place]: ...


@dataclass(frozen=True)
class FoundPlace:
    """One place of one item: as written, and what it was resolved to (if anything)."""

    name: str
    key: str
    place: Place | None
    resolved_by: str | None
    confidence: float
    unresolved_reason: str | None = None
    dateline: bool = False
    field: str = ""
    start: int = 0


@dataclass(frozen=True)
class FoundPair:
    a: FoundPlace
    b: FoundPlace
    phrase: str


@dataclass(frozen=True)
class ItemPlaces:
    places: list[FoundPlace]
    pairs: list[FoundPair]


class PlaceFinder:
    """Finds and resolves the places of items against a gazetteer and overrides."""

    def __init__(
        self, gazetteer: Gazetteer, overrides: Mapping[str, Sequence[Place]], rules: PlaceRules
    ) -> None:
        self.gazetteer = gazetteer
        self.overrides = {normalize(name): list(places) for name, places in overrides.items()}
        self.rules = rules
        self.index = NameIndex(gazetteer.names(), sorted(self.overrides))
        # The same few thousand names recur across an archive: look each up once.
        self._candidates: dict[str, tuple[list[Place], str]] = {}

    def find(self, fields: Mapping[str, str], dateline_place: str | None = None) -> ItemPlaces:
        per_field: list[tuple[str, str, list[Token], list[Mention]]] = []
        for name in FIELDS:
            text = fields.get(name) or ""
            tokens, mentions = find_mentions(text, name, self.index, self.rules)
            per_field.append((name, text, tokens, mentions))
        links = [
            link
            for _, text, _, mentions in per_field
            for link in find_pairs(text, mentions, self.rules, self._kind)
        ]
        paired = {id(m) for link in links for m in (link.a, link.b)}
        context = _Context.of(self, [m for *_, mentions in per_field for m in mentions])
        resolved: dict[int, FoundPlace] = {}
        for _, text, tokens, mentions in per_field:
            for mention in mentions:
                found = self._resolve(mention, text, tokens, context, id(mention) in paired)
                if found is not None:
                    resolved[id(mention)] = found
        places = _distinct(list(resolved.values()), self._dateline(dateline_place))
        pairs = _pairs(links, resolved, self.rules.home_country)
        return ItemPlaces(places, pairs)

    def _kind(self, mention: Mention) -> str | None:
        candidates, _ = self.candidates(mention.key)
        return candidates[0].kind if candidates else None

    def candidates(self, key: str) -> tuple[list[Place], str]:
        """Places named ``key``, from the overrides if they have it, else the gazetteer."""
        known = self._candidates.get(key)
        if known is None:
            override = self.overrides.get(key)
            known = (override, "override") if override else (self.gazetteer.lookup(key), "offline")
            if len(self._candidates) < _CANDIDATE_CACHE:
                self._candidates[key] = known
        return known

    def _resolve(
        self, mention: Mention, text: str, tokens: list[Token], context: _Context, paired: bool
    ) -> FoundPlace | None:
        candidates, source = self.candidates(mention.key)
        cue = _cued(tokens, mention, self.rules)
        if not candidates:
            reason = "not in the gazetteer; add it to places_overrides.csv"
            return FoundPlace(
                mention.text, mention.key, None, None, 0.0, reason, field=mention.field, start=mention.start
            )
        if source == "override":
            best = _prefer(candidates, context.countries)
            return self._found(mention, best, "override", 1.0)
        top = candidates[0]
        if top.kind != "municipality":
            return self._found(mention, top, source, 0.95)
        if _blocked(text, tokens, mention, self.rules):
            return None
        explicit = paired or cue
        if not (explicit or self._supported(mention, candidates, context)):
            return None
        return self._choose(mention, candidates, context, source, explicit)

    def _supported(self, mention: Mention, candidates: list[Place], context: _Context) -> bool:
        if mention.last - mention.first > 1:
            return True
        rules = self.rules
        return any(
            place.population >= rules.min_population
            or (place.country == rules.home_country and place.population >= rules.min_population_home)
            or place.country in context.countries
            or (place.country, place.admin1) in context.areas
            for place in candidates
        )

    def _choose(
        self, mention: Mention, candidates: list[Place], context: _Context, source: str, explicit: bool
    ) -> FoundPlace | None:
        largest = max(p.population for p in candidates)
        named = [p for p in candidates if p.country in context.countries]
        # A village the item's country happens to have does not beat a city a hundred
        # times its size elsewhere: "Leipzig" in news about Ukraine is still Leipzig.
        if named and _NAMED_COUNTRY_MARGIN * named[0].population >= largest:
            return self._found(mention, named[0], source, 0.9 if len(named) == 1 else 0.8)
        if context.foreign_countries:
            home = [p for p in candidates if p.country == self.rules.home_country]
            if not home and largest < self.rules.min_population_elsewhere:
                if not explicit:
                    return None  # nothing marks it as a place: most likely an ordinary word
                where = ", ".join(sorted({p.country for p in candidates}))
                named_list = ", ".join(sorted(context.countries))
                reason = (
                    f"the gazetteer has “{mention.text}” only in {where}, but the item names {named_list}"
                )
                return FoundPlace(
                    mention.text,
                    mention.key,
                    None,
                    None,
                    0.0,
                    reason,
                    field=mention.field,
                    start=mention.start,
                )
        ranked = sorted(candidates, key=lambda p: self._rank(p, context), reverse=True)
        best = ranked[0]
        runner_up = ranked[1].population if len(ranked) > 1 else 0
        confidence = 0.9 if best.population >= _CLEAR_LEAD * max(runner_up, 1) else 0.6
        return self._found(mention, best, source, confidence)

    def _rank(self, place: Place, context: _Context) -> tuple[bool, bool, int]:
        in_area = (place.country, place.admin1) in context.areas
        return (
            in_area,
            place.country == self.rules.home_country and place.population >= 1000,
            place.population,
        )

    def _found(self, mention: Mention, place: Place, source: str, confidence: float) -> FoundPlace:
        return FoundPlace(
            mention.text, mention.key, place, source, confidence, field=mention.field, start=mention.start
        )

    def _dateline(self, name: str | None) -> FoundPlace | None:
        if not name:
            return None
        key = normalize(name)
        candidates, source = self.candidates(key)
        if not candidates:
            reason = "dateline place not in the gazetteer"
            return FoundPlace(name, key, None, None, 0.0, reason, dateline=True, field="dateline")
        home = [p for p in candidates if p.country == self.rules.home_country]
        return FoundPlace(name, key, (home or candidates)[0], source, 0.9, dateline=True, field="dateline")


@dataclass(frozen=True)
class _Context:
    """What the item as a whole says about where it is: its countries and regions."""

    countries: frozenset[str]
    foreign_countries: frozenset[str]
    areas: frozenset[tuple[str, str]]

    @classmethod
    def of(cls, finder: PlaceFinder, mentions: list[Mention]) -> _Context:
        countries: set[str] = set()
        areas: set[tuple[str, str]] = set()
        for mention in mentions:
            candidates, _ = finder.candidates(mention.key)
            if not candidates or candidates[0].kind == "municipality":
                continue
            top = candidates[0]
            countries.add(top.country)
            if top.kind == "region" and top.admin1:
                areas.add((top.country, top.admin1))
        foreign = frozenset(countries - {finder.rules.home_country})
        return cls(frozenset(countries), foreign, frozenset(areas))


def _prefer(candidates: list[Place], countries: frozenset[str]) -> Place:
    return next((p for p in candidates if p.country in countries), candidates[0])


def _words_before(tokens: list[Token], mention: Mention, count: int) -> list[str]:
    return [t.key for t in tokens[max(0, mention.first - count) : mention.first]]


def _cued(tokens: list[Token], mention: Mention, rules: PlaceRules) -> bool:
    before = _words_before(tokens, mention, rules.longest_cue)
    return any(" ".join(before[-n:]) in rules.place_cues for n in range(1, len(before) + 1))


def _blocked(text: str, tokens: list[Token], mention: Mention, rules: PlaceRules) -> bool:
    before = _words_before(tokens, mention, 4)
    if any(" ".join(before[-n:]) in rules.person_titles for n in range(1, len(before) + 1)):
        return True
    after = tokens[mention.last] if mention.last < len(tokens) else None
    if after is not None and after.key in rules.names_of_things and text[mention.end : after.start] == " ":
        return True
    return _inside_longer_name(text, tokens, mention, rules)


def _inside_longer_name(text: str, tokens: list[Token], mention: Mention, rules: PlaceRules) -> bool:
    """Whether the name runs on into other capitalised words, as people's names do."""
    neighbours = []
    if mention.first > 0 and text[tokens[mention.first - 1].end : mention.start] == " ":
        neighbours.append(tokens[mention.first - 1])
    if mention.last < len(tokens) and text[mention.end : tokens[mention.last].start] == " ":
        neighbours.append(tokens[mention.last])
    return any(
        t.capitalised and t.key not in rules.place_neighbours and not _sentence_start(text, t)
        for t in neighbours
    )


def _sentence_start(text: str, token: Token) -> bool:
    # Walk back over the spaces rather than copy the text before: a copy per word is
    # quadratic on a long text.
    end = token.start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end == 0 or text[end - 1] in '.!?:;"“„«('


def _distinct(found: list[FoundPlace], dateline: FoundPlace | None) -> list[FoundPlace]:
    """Each place once per item, as first written; the dateline's only if not named too."""
    seen: dict[tuple[object, ...], FoundPlace] = {}
    for place in found:
        seen.setdefault(_identity(place), place)
    if dateline is not None and _identity(dateline) not in seen:
        return [dateline, *seen.values()]
    return list(seen.values())


def _identity(found: FoundPlace) -> tuple[object, ...]:
    if found.place is None:
        return ("unresolved", found.key)
    return (found.place.kind, found.place.country, found.place.name, round(found.place.lat, 2))


def _pairs(links: list[PairLink], resolved: Mapping[int, FoundPlace], home: str) -> list[FoundPair]:
    pairs: list[FoundPair] = []
    seen: set[frozenset[tuple[object, ...]]] = set()
    for link in links:
        a, b = resolved.get(id(link.a)), resolved.get(id(link.b))
        if a is None or b is None or _identity(a) == _identity(b):
            continue
        if not link.stated and not _home_and_abroad(a, b, home):
            continue
        key = frozenset((_identity(a), _identity(b)))
        if key in seen:
            continue
        seen.add(key)
        if _country(b) == home and _country(a) != home:
            a, b = b, a
        pairs.append(FoundPair(a, b, link.phrase))
    return pairs


def _home_and_abroad(a: FoundPlace, b: FoundPlace, home: str) -> bool:
    """One side a municipality at home, the other one abroad (or not yet placed)."""
    sides = [_country(a), _country(b)]
    kinds = {a.place.kind if a.place else "municipality", b.place.kind if b.place else "municipality"}
    return kinds == {"municipality"} and sides.count(home) == 1


def _country(found: FoundPlace) -> str | None:
    return found.place.country if found.place else None
