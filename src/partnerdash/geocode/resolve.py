"""Which places an item names, each resolved in the item's own context and scored.

Extraction finds the names (``extract.mentions``) and the partnerships stated between
them (``extract.pairs``); this module decides, in one place, what each name is:

1. **Which place.** A name the text ties to a country ("Tenkodogo in Burkina Faso",
   "Padang (Indonesia)") is only ever a place of that country — none there, and it is
   unresolved with that reason. Within one country, a town's own name beats another
   town's unrelated other name unless that town is far larger. Otherwise the countries
   the item names win, then the home country, then population. A name matched only as
   another place's alternate name, in a country the item does not name while it names
   others, is unresolved ("Al Mohammara … Lebanon" is not Khorramshahr, Iran).
2. **How sure.** Every place gets a ``confidence`` from the evidence for and against it
   (a logistic model over the signals of :class:`Signals`, weights in
   ``data/place_model.toml``, fitted on the development corpus by
   ``bench/fit_places.py``). The strongest signal against is an ordinary word: a
   capitalised token used far more often in the item's language than the size of the
   place explains (:mod:`partnerdash.geocode.lexicon`). Places below the model's
   threshold are *uncertain*: listed with their evidence, not placed.
"""

from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import combinations
from typing import Protocol

from partnerdash import settings
from partnerdash.extract.lang import detect_language
from partnerdash.extract.mentions import Mention, NameIndex, Token, find_mentions
from partnerdash.extract.pairs import MUNICIPAL, OTHER, HostedLink, PairLink, find_links
from partnerdash.extract.rules import PlaceRules
from partnerdash.geocode.gazetteer.places import Place, rank
from partnerdash.geocode.lexicon import excess, zipf
from partnerdash.geocode.sides import point_km
from partnerdash.geocode.supplement import SAME_PLACE_KM, RegistryNames
from partnerdash.normalize import normalize

FIELDS = ("title", "caption", "summary")
_NAMED_COUNTRY_MARGIN = 10
_WORDS = re.compile(r"\w+")
_CANDIDATE_CACHE = 200_000
# "Tenkodogo in Burkina Faso", "Padang (Indonesia)", "Eckernförde in Schleswig-Holstein",
# "Kumasi, Ghana": what may stand between a name and the country or region it lies in.
_TIE = re.compile(
    r"\s*(?:\(\s*|,\s*|/\s*|\s(?:in|im|in der|in the|near|bei|nahe)\s+(?:(?:the|der|dem|den)\s+)?)",
    re.IGNORECASE,
)
_MAX_TIE_GAP = 24
_UMLAUTS = frozenset("äöü")
_QUALIFIED = re.compile(r"\s*[(/]")


class Gazetteer(Protocol):
    def names(self) -> Sequence[str]: ...

    def lookup(self, normalized: str) -> list[Place]: ...


Signals = tuple[tuple[str, float], ...]
"""The evidence on one place: (signal, value) for each signal that is present."""


@dataclass(frozen=True, slots=True)
class FoundPlace:
    """One place of one item: as written, and what it was resolved to (if anything).

    ``uncertain``: the best candidate scored below the threshold; ``place`` is then None
    and ``candidate`` holds what it would have been.
    """

    name: str
    key: str
    place: Place | None
    resolved_by: str | None
    confidence: float
    unresolved_reason: str | None = None
    dateline: bool = False
    field: str = ""
    start: int = 0
    signals: Signals = ()
    uncertain: bool = False
    candidate: Place | None = None

    @property
    def evidence(self) -> str:
        """The signals that decided it, for people: "cue, pair, ordinary word (2.1)"."""
        return ", ".join(name if value == 1 else f"{name} ({value:.1f})" for name, value in self.signals)


@dataclass(frozen=True, slots=True)
class FoundPair:
    """A partnership the item states; ``kind`` "other" when a side is a region or country."""

    a: FoundPlace
    b: FoundPlace
    phrase: str
    kind: str = MUNICIPAL


@dataclass(frozen=True, slots=True)
class ItemPlaces:
    """An item's places, its municipal partnerships, and the others (region–country …)."""

    places: list[FoundPlace]
    pairs: list[FoundPair]
    other_pairs: list[FoundPair] = field(default_factory=list)


@dataclass(frozen=True)
class PlaceModel:
    """Weights of the evidence signals and the thresholds, from ``data/place_model.toml``."""

    intercept: float
    weights: Mapping[str, float]
    threshold: float
    floor: float
    offsets: Mapping[str, float]
    rare_zipf: float
    unknown_ordinary_zipf: float
    other_name_ratio: float
    country_confidence: float = 0.95

    def confidence(self, signals: Signals) -> float:
        score = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in signals)
        return 1 / (1 + math.exp(-score))


def read_model(text: str) -> PlaceModel:
    table = tomllib.loads(text)
    return PlaceModel(
        intercept=float(table["intercept"]),
        weights={str(k): float(v) for k, v in table["weights"].items()},
        threshold=float(table["threshold"]),
        floor=float(table["floor"]),
        offsets={str(k): float(v) for k, v in table["lexicon_offset"].items()},
        rare_zipf=float(table["rare_zipf"]),
        unknown_ordinary_zipf=float(table["unknown_ordinary_zipf"]),
        other_name_ratio=float(table["other_name_ratio"]),
    )


@cache
def default_model() -> PlaceModel:
    return read_model(settings.resource("place_model.toml").read_text(encoding="utf-8"))


@dataclass
class _Field:
    name: str
    text: str
    tokens: list[Token]
    mentions: list[Mention]
    _cued: dict[int, bool] | None = None

    def cued(self, mention: Mention, rules: PlaceRules) -> bool:
        """A cue right before the name, or before the first name of the list it is in:
        "die Partnerstädte Trondheim, Gyönk, Brescia und Ushgorod". Worked out for all
        the field's names at once: a list can be thousands of names long."""
        if self._cued is None:
            self._cued = {}
            listed = False
            for position, name in enumerate(self.mentions):
                earlier = self.mentions[position - 1] if position else None
                joined = earlier is not None and bool(
                    rules.list_join.fullmatch(self.text, earlier.end, name.start)
                )
                after_name = earlier is not None and earlier.last == name.first
                cued = _past_abbreviation(self.text, self.tokens, name)
                listed = (
                    _cue_before(self.tokens, cued, rules)
                    or (not after_name and _compound_cue_before(self.tokens, cued, rules))
                    or (joined and listed)
                )
                self._cued[id(name)] = listed
        return self._cued.get(id(mention), False)


@dataclass
class _Item:
    """One item while it is resolved: its fields, language, context and partnership sides."""

    fields: list[_Field]
    lang: str
    context: _Context
    paired: set[int] = field(default_factory=set)
    ties: dict[int, Place] = field(default_factory=dict)
    people: set[str] = field(default_factory=set)  # names the item uses as surnames


class PlaceFinder:
    """Finds and resolves the places of items against a gazetteer and overrides."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        overrides: Mapping[str, Sequence[Place]],
        rules: PlaceRules,
        model: PlaceModel | None = None,
        include_uncertain: bool = False,
        registry: RegistryNames | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.overrides = {normalize(name): list(places) for name, places in overrides.items()}
        self.rules = rules
        self.model = model or default_model()
        self.include_uncertain = include_uncertain
        self.registry = registry or RegistryNames({}, {})
        self.index = NameIndex(
            gazetteer.names(), sorted(self.overrides), sorted(self.registry.full), sorted(self.registry.short)
        )
        # The same few thousand names recur across an archive: look each up once.
        self._candidates: dict[str, tuple[list[Place], str]] = {}

    def find(
        self, fields: Mapping[str, str], dateline_place: str | None = None, lang: str | None = None
    ) -> ItemPlaces:
        parts = []
        for name in FIELDS:
            text = fields.get(name) or ""
            tokens, mentions = find_mentions(text, name, self.index, self.rules, self._qualifies)
            parts.append(_Field(name, text, tokens, mentions))
        found_links = [find_links(f.text, f.mentions, self.rules, self._kind) for f in parts]
        links = [link for stated, _ in found_links for link in stated]
        hosted = [link for _, partners in found_links for link in partners]
        item = _Item(
            parts,
            lang or detect_language(" ".join(f.text for f in parts)),
            _Context.of(self, [m for f in parts for m in f.mentions]),
            {id(m) for link in links if link.stated for m in (link.a, link.b)},
        )
        for part in parts:
            item.ties.update(self._ties(part))
            item.people.update(self._people(part))
        item.ties.update(self._name_ties(parts, item.ties))
        resolved: dict[int, FoundPlace] = {}
        for part in parts:
            for mention in part.mentions:
                found = self._resolve(mention, part, item)
                if found is not None:
                    resolved[id(mention)] = found
        # "Damme and its partner town Damme in Belgium": twins of one name are two places.
        twins = {link.a.key for link in links if link.stated and link.a.key == link.b.key}
        resolved = _one_sense(resolved, twins)
        places = _distinct(list(resolved.values()), self._dateline(dateline_place))
        pairs = _pairs(links, hosted, resolved, self.rules.home_country)
        return ItemPlaces(
            places, [p for p in pairs if p.kind == MUNICIPAL], [p for p in pairs if p.kind != MUNICIPAL]
        )

    def _qualifies(self, name: str, word: str) -> bool:
        """Whether ``word`` in brackets after ``name`` is part of the name, as a river is
        in the home country's official names ("Heringen (Werra)"); not a country or
        region ("Lima (Peru)") and not another name of the same town ("Pleszew
        (Pleschen)", "Jarocin (Jarotschin)": abroad, an unknown word is most likely one)."""
        ours, _ = self.candidates(name)
        theirs, _ = self.candidates(word)
        if not theirs:
            return bool(ours) and ours[0].country == self.rules.home_country
        if theirs[0].kind != "municipality":
            return False
        return not {(p.country, p.lat, p.lon) for p in ours} & {(p.country, p.lat, p.lon) for p in theirs}

    def _kind(self, mention: Mention) -> str | None:
        candidates, _ = self.candidates(mention.key)
        return candidates[0].kind if candidates else None

    def candidates(self, key: str) -> tuple[list[Place], str]:
        """Places named ``key``: the overrides' if they have it, else the gazetteer's with
        the registry's towns it lacks (a shortened registry name only if it has none),
        less the towns that bear it only as another name (``less_other_names``)."""
        known = self._candidates.get(key)
        if known is None:
            override = self.overrides.get(key)
            if override:
                known = (override, "override")
            else:
                found = self.gazetteer.lookup(key)
                extra = self.registry.full.get(key) or ([] if found else self.registry.short.get(key, []))
                known = (self.less_other_names(key, _with_registry(found, extra)), "offline")
            if len(self._candidates) < _CANDIDATE_CACHE:
                self._candidates[key] = known
        return known

    def _ties(self, part: _Field) -> dict[int, Place]:
        """Mentions the text ties to the country or region right after them."""
        ties: dict[int, Place] = {}
        for mention, after in zip(part.mentions, part.mentions[1:], strict=False):
            gap = part.text[mention.end : after.start]
            if len(gap) > _MAX_TIE_GAP or not _TIE.fullmatch(gap):
                continue
            candidates, _ = self.candidates(after.key)
            if candidates and candidates[0].kind in ("country", "region"):
                ties[id(mention)] = candidates[0]
        return ties

    def _name_ties(self, parts: list[_Field], ties: dict[int, Place]) -> dict[int, Place]:
        """A name's tie holds for all its mentions in the item: "Huttendorf (France)" in
        the text decides the title's "Huttendorf", even when no Huttendorf lies in France.
        Not when the item ties the name to two different places, nor a home town's name to
        a place abroad: "nach Troisdorf in den Kosovo" is a journey, and a misread tie there
        would unplace every other mention of the town."""
        by_name: dict[str, dict[tuple[str, str], Place]] = {}
        mentions = [m for part in parts for m in part.mentions]
        for mention in mentions:
            tie = ties.get(id(mention))
            if tie is not None:
                by_name.setdefault(mention.key, {})[(tie.country, tie.admin1)] = tie
        home = self.rules.home_country
        agreed = {
            key: tie
            for key, found in by_name.items()
            if len(found) == 1
            for tie in found.values()
            if tie.country == home or all(p.country != home for p in self.candidates(key)[0])
        }
        return {id(m): agreed[m.key] for m in mentions if m.key in agreed and id(m) not in ties}

    def _people(self, part: _Field) -> set[str]:
        """Foreign regions' names a first name stands before somewhere in the item. A name
        keeps one sense per item: "Ana Cortes … Ana Cortes supports" is a person at a
        sentence start too, not Cortés in Honduras."""
        people = set()
        for mention in part.mentions:
            candidates, _ = self.candidates(mention.key)
            if (
                candidates
                and candidates[0].kind == "region"
                and candidates[0].country != self.rules.home_country
                and _first_name_before(part.text, part.tokens, mention, self.rules)
            ):
                people.add(mention.key)
        return people

    def _resolve(self, mention: Mention, part: _Field, item: _Item) -> FoundPlace | None:
        candidates, source = self.candidates(mention.key)
        if not candidates:
            if self._ordinary_unknown(mention.key, item.lang):
                return None
            reason = "not in the gazetteer; add it to places_overrides.csv"
            return self._unresolved(mention, reason)
        if source == "override":
            best = _prefer(candidates, item.context.countries)
            return self._found(mention, best, "override", 1.0, (("override", 1.0),))
        candidates = self.cities_before_foreign_regions(candidates, item.context)
        tie = item.ties.get(id(mention))
        if item.lang == "de" and (tie is None or tie.kind != "region"):
            # A region written beside the name decides among its namesakes by itself.
            candidates = as_spelled(mention.text, mention.key, candidates)
        top = candidates[0]
        if top.kind != "municipality":
            if top.kind == "region" and mention.key in item.people:
                return None  # "Ana Cortes" is a person, not Cortés in Honduras
            return self._found(
                mention, top, source, self.model.country_confidence, (("country or region", 1.0),)
            )
        if _titled(part.tokens, mention, self.rules) or _thing_after(
            part.text, part.tokens, mention, self.rules
        ):
            return None  # "Mayor Klein", "the Bonn Declaration": a person, a thing
        # A name with capitalised words right next to it, as a first name has its surname
        # ("we spoke to Oliver Rösner"), is most likely a person or an organisation, however
        # marked: not worth listing as a place the gazetteer only knows by another name.
        explicit = (
            tie is not None or id(mention) in item.paired or part.cued(mention, self.rules)
        ) and not _inside_longer_name(part.text, part.tokens, mention, self.rules)
        chosen = self._choose(mention, candidates, item.context, tie, explicit)
        if chosen is None or isinstance(chosen, str):
            return None if chosen is None else self._unresolved(mention, chosen)
        if _region_typed(part.tokens, mention, self.rules):
            # "Landkreis Unna", "Powiat Piła": the district named after its town, at home, in
            # a country the item names, or where the towns of that name lie in one country
            # only: "Solano County" is not in the Philippines, as Colombia has a Solano too.
            elsewhere = (
                chosen.country != self.rules.home_country and chosen.country not in item.context.countries
            )
            if elsewhere and _towns_countries(mention, candidates) != {chosen.country}:
                return self._unresolved(
                    mention, f"a district named {mention.text}: no one town of that name to place it by"
                )
            district = replace(chosen, kind="region")
            return self._found(mention, district, source, self.model.country_confidence, (("district", 1.0),))
        signals = self._signals(mention, part, item, chosen, tie)
        confidence = self.model.confidence(signals)
        if confidence < self.model.floor:
            return None  # an ordinary word or a person's name: not worth listing
        if confidence < self.model.threshold and not self.include_uncertain:
            reason = f"uncertain: {chosen.name} ({chosen.country}) scored {confidence:.2f}"
            return FoundPlace(
                mention.text,
                mention.key,
                None,
                None,
                confidence,
                reason,
                field=mention.field,
                start=mention.start,
                signals=signals,
                uncertain=True,
                candidate=chosen,
            )
        return self._found(
            mention, chosen, "registry" if _from_registry(chosen) else source, confidence, signals
        )

    def _ordinary_unknown(self, key: str, lang: str) -> bool:
        """Whether a name the gazetteer lacks begins with a common word of the language that
        begins no place's name: "und Mitglied des Präsidiums", "Herrn Albek Ibrajimow" are
        no places, "Bad Zwesten" is one ("Bad" is common, but so are towns named Bad …)."""
        first = key.split()[0]
        return zipf(first, lang) >= self.model.unknown_ordinary_zipf and not self.index.continues(first)

    def cities_before_foreign_regions(self, candidates: list[Place], context: _Context) -> list[Place]:
        """A city comes before a region of a country the item does not name: "Hanover" is
        Hannover, not the Jamaican parish; "Münster" the city, not the Irish province."""
        top = candidates[0]
        if top.kind != "region" or top.country in context.stated:
            return candidates
        towns = [p for p in candidates if p.kind == "municipality"]
        if towns and max(p.population for p in towns) >= self.rules.min_population:
            return towns
        return candidates

    def _choose(
        self, mention: Mention, candidates: list[Place], context: _Context, tie: Place | None, explicit: bool
    ) -> Place | str | None:
        """The candidate the item's context points to, or why there is none (None: nothing
        marks the name as a place and nothing fits — most likely an ordinary word)."""
        if tie is not None:
            there = [p for p in candidates if p.country == tie.country]
            if not there:
                where = ", ".join(sorted({p.country for p in candidates}))
                return f"the text places “{mention.text}” in {tie.name}; the gazetteer has it only in {where}"
            in_region = [p for p in there if tie.kind == "region" and tie.admin1 and p.admin1 == tie.admin1]
            return (in_region or there)[0]
        largest = max(_size(p) for p in candidates)
        named = [p for p in candidates if p.country in context.countries]
        # A town the item's country happens to have does not beat a city ten times its
        # size elsewhere: "Paris" in news naming the United States is still Paris.
        home = [p for p in candidates if p.country == self.rules.home_country]
        at_home = max((_size(p) for p in home), default=0)
        # ... nor one at home at least its size: without a tie, "Melle" in news about a
        # Belgian partner is still the German town.
        if named and _NAMED_COUNTRY_MARGIN * _size(named[0]) >= largest and _size(named[0]) > at_home:
            return named[0]
        # The item's regions and the home country pick among places of comparable size
        # only: "Paris" next to Mississippi is not the Mississippi town also called so.
        comparable = [
            p
            for p in candidates
            if _NAMED_COUNTRY_MARGIN * _size(p) >= largest
            or (p.country == self.rules.home_country and _size(p) >= 1000)
        ]
        best = max(comparable, key=lambda p: self._rank(p, context))
        if (
            _name_key(best.name) != mention.key
            and best.country != self.rules.home_country
            and context.foreign_countries
            and best.country not in context.countries
            and best.population < self.rules.min_population_elsewhere
        ):
            if not explicit:
                return None
            named_list = ", ".join(sorted(context.countries))
            return (
                f"“{mention.text}” is another name of {best.name} ({best.country}), "
                f"but the item names {named_list}"
            )
        return best

    def less_other_names(self, key: str, candidates: list[Place]) -> list[Place]:
        """The candidates less the towns that bear the name only as an unrelated other name
        where a town of the same country bears it as its own and is not
        ``other_name_ratio`` times smaller: "Aken" is the town on the Elbe, not Aachen (Aken
        in Dutch), "Waterloo" in the United States is Waterloo, Iowa, not Austin (once called
        so). A short form of a town's own name is no other name ("Halle" for Halle
        (Saale)), and a name no town bears as its own stays with the city ("München")."""
        # The registry's towns take no part: the size they count as is no population.
        own: dict[str, int] = {}
        for p in candidates:
            if p.kind == "municipality" and not _from_registry(p) and _name_key(p.name) == key:
                own[p.country] = max(own.get(p.country, 0), p.population)
        if not own:
            return candidates
        return [
            p
            for p in candidates
            if p.kind != "municipality"
            or _from_registry(p)
            or self.model.other_name_ratio * own.get(p.country, 0) <= p.population
            or _short_form(key, _name_key(p.name))
        ]

    def _rank(self, place: Place, context: _Context) -> tuple[bool, bool, int]:
        in_area = (place.country, place.admin1) in context.areas
        size = _size(place)
        return (in_area, place.country == self.rules.home_country and size >= 1000, size)

    def _signals(
        self, mention: Mention, part: _Field, item: _Item, place: Place, tie: Place | None
    ) -> Signals:
        rules, tokens, text = self.rules, part.tokens, part.text
        first = tokens[mention.first]
        one_word = mention.last - mention.first == 1
        single = one_word and mention.key == first.key
        before = _words_before(tokens, mention, 1)
        present: dict[str, float] = {
            "size": max(-1.5, min(3.0, math.log10(max(_size(place), 1)) - 4)),
            "cue": float(part.cued(mention, rules)),
            "pair": float(id(mention) in item.paired),
            "tied": float(tie is not None),
            "named country": float(place.country in item.context.foreign_countries),
            "named region": float((place.country, place.admin1) in item.context.areas),
            "home": float(place.country == rules.home_country),
            "several words": float(not one_word),
            "inflected": float(one_word and not single),
            "alternate name": float(_other_name(mention.key, _name_key(place.name), rules)),
            "article": float(item.lang == "de" and bool(before) and before[0] in rules.articles),
            "sentence start": float(_sentence_start(text, first)),
            "name-like": float(_inside_longer_name(text, tokens, mention, rules)),
            "office": float(_office_beside(text, tokens, mention, rules)),
            "acronym": float(mention.text.isupper() and len(mention.text) <= 4),
        }
        present["accent added"] = float(
            _name_key(place.name) == mention.key and _accent_added(mention.text, place.name)
        )
        offset = self.model.offsets.get(item.lang)
        if single and offset is not None:
            ordinary = max(
                0.0, excess(mention.text, item.lang, place.population, offset, self.model.rare_zipf)
            )
            # Where capitals carry no information (a sentence's first word) or the name is
            # only another place's alias, an ordinary word is all the more likely a word.
            present["ordinary word"] = ordinary
            present["ordinary at sentence start"] = ordinary * present["sentence start"]
            present["ordinary alias"] = ordinary * present["alternate name"]
        return tuple((name, round(value, 2)) for name, value in present.items() if value)

    def _unresolved(self, mention: Mention, reason: str) -> FoundPlace:
        return FoundPlace(
            mention.text, mention.key, None, None, 0.0, reason, field=mention.field, start=mention.start
        )

    def _found(
        self, mention: Mention, place: Place, source: str, confidence: float, signals: Signals
    ) -> FoundPlace:
        return FoundPlace(
            mention.text,
            mention.key,
            place,
            source,
            round(confidence, 3),
            field=mention.field,
            start=mention.start,
            signals=signals,
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
    stated: frozenset[str] = frozenset()  # the countries named as countries, not via a region

    @classmethod
    def of(cls, finder: PlaceFinder, mentions: list[Mention]) -> _Context:
        tops = [c[0] for m in mentions if (c := finder.candidates(m.key)[0]) and c[0].kind != "municipality"]
        stated = frozenset(p.country for p in tops if p.kind == "country")
        within = cls(stated, stated - {finder.rules.home_country}, frozenset(), stated)
        countries, areas = set(stated), set()
        for mention in mentions:
            candidates, _ = finder.candidates(mention.key)
            if not candidates or candidates[0].kind != "region":
                continue
            if finder.cities_before_foreign_regions(candidates, within)[0].kind != "region":
                continue  # "Hanover" is the city: Jamaica is not in the item
            region = candidates[0]
            countries.add(region.country)
            if region.admin1:
                areas.add((region.country, region.admin1))
        foreign = frozenset(countries - {finder.rules.home_country})
        return cls(frozenset(countries), foreign, frozenset(areas), stated)


REGISTRY_TOWN_SIZE = 10_000
"""The size a registry's town counts as when ranked (the registry gives none): a real
municipality the user vouches for comes before a village of the same name elsewhere, and
after a town of that name at home or a city."""


def _from_registry(place: Place) -> bool:
    return place.geonameid == 0 and place.kind == "municipality" and place.population == 0


@lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    """A place's own name as a lookup key: asked of every candidate of every name."""
    return normalize(name)


def _towns_countries(mention: Mention, candidates: Sequence[Place]) -> set[str]:
    """The countries of the towns named exactly as written ("Piła", not the Philippines'
    Pila), or of those whose own name it is once accents are set aside."""
    towns = [p for p in candidates if p.kind == "municipality"]
    written = mention.text.casefold()
    exact = {p.country for p in towns if p.name.casefold() == written}
    return exact or {p.country for p in towns if _name_key(p.name) == mention.key}


def _other_name(key: str, name: str, rules: PlaceRules) -> bool:
    """Whether the name written is not the place's own, nor its own without the river or
    region that qualifies it: "Halle" is Halle (Saale)'s own name, "Frankfurt" Frankfurt am
    Main's; "Kiew" is another name of Kyiv."""
    if name == key:
        return False
    rest = name.removeprefix(key + " ")
    if rest == name:
        return True
    return not (
        rest.startswith("(") or any(rest.startswith(f"{link} ") for link in rules.qualifier_links if link)
    )


def _short_form(key: str, name: str) -> bool:
    """Whether one of two names is the other's words in a row: "halle" of "halle (saale)",
    "montigny" of "montigny-le-bretonneux", "gundelfingen an der donau" of "gundelfingen"."""
    short, long = sorted((_WORDS.findall(key), _WORDS.findall(name)), key=len)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _size(place: Place) -> int:
    return REGISTRY_TOWN_SIZE if _from_registry(place) else place.population


def _with_registry(found: list[Place], extra: list[Place]) -> list[Place]:
    """The gazetteer's candidates with the registry's towns it lacks (none within 10 km),
    in the gazetteer's order."""
    new = [
        town
        for town in extra
        if not any(p.country == town.country and _km(p, town) <= SAME_PLACE_KM for p in found)
    ]
    if not new:
        return found
    return sorted(found + new, key=lambda p: rank(p, _size(p)))


def _km(a: Place, b: Place) -> float:
    return point_km(a.lat, a.lon, b.lat, b.lon)


def _umlauts(text: str) -> list[str]:
    """The umlauts of a name, in order, without what follows it in brackets or after a
    slash ("Munster (Örtze)" is written without one)."""
    name = _QUALIFIED.split(unicodedata.normalize("NFC", text), maxsplit=1)[0]
    return [c for c in name.casefold() if c in _UMLAUTS]


def as_spelled(written: str, key: str, candidates: list[Place]) -> list[Place]:
    """German writes its umlauts: in a German item, "Buchenbach" is Buchenbach, not the
    larger Büchenbach of the same country, and "Lohne" not Löhne. Of the towns whose own
    name is the one written (``key``, folded), those of a country that has one spelled with
    the umlauts as written keep only that one. Only ä, ö and ü count, and only towns of one
    country are compared: other accents, which German news often drop ("Lodz" for Łódź),
    and other names (Munich for "München") are left alone."""
    spelled = _umlauts(written)

    def variant(p: Place) -> bool:
        return p.kind == "municipality" and _name_key(p.name) == key

    exact = {p.country for p in candidates if variant(p) and _umlauts(p.name) == spelled}
    return [p for p in candidates if not (variant(p) and p.country in exact and _umlauts(p.name) != spelled)]


def _prefer(candidates: list[Place], countries: frozenset[str]) -> Place:
    return next((p for p in candidates if p.country in countries), candidates[0])


def _words_before(tokens: list[Token], mention: Mention, count: int) -> list[str]:
    return [t.key for t in tokens[max(0, mention.first - count) : mention.first]]


def _past_abbreviation(text: str, tokens: list[Token], mention: Mention) -> Mention:
    """The name as if the bracketed abbreviation of the word before it were not there:
    "die Verbandsgemeinde (VG) Wallmerod" reads as "die Verbandsgemeinde Wallmerod"."""
    if mention.first == 0:
        return mention
    word = tokens[mention.first - 1]
    bracketed = text[word.start - 1 : word.start] == "(" and text[word.end : word.end + 1] == ")"
    if not (bracketed and word.text.isupper() and len(word.text) <= 5):
        return mention
    return replace(mention, first=mention.first - 1)


def _cue_before(tokens: list[Token], mention: Mention, rules: PlaceRules) -> bool:
    before = _words_before(tokens, mention, rules.longest_cue)
    for n in range(1, len(before) + 1):
        *words, last = before[-n:]
        if any(" ".join([*words, form]) in rules.place_cues for form in _singulars(last)):
            return True
    return False


def _compound_cue_before(tokens: list[Token], mention: Mention, rules: PlaceRules) -> bool:
    """A German compound of a cue word right before the name: "die Industriestadt Jinja"."""
    before = _words_before(tokens, mention, 1)
    return bool(before) and any(
        form.endswith(end) and len(form) > len(end) + 2
        for form in _singulars(before[0])
        for end in rules.place_cue_endings
    )


def _singulars(word: str) -> set[str]:
    """The word and what it is the plural of, if a noun: "partnerstadte" (Partnerstädte,
    folded) → "partnerstadt", "cities" → "city", "gemeinden" → "gemeinde". Short words
    are left alone: "ins" is no plural of "in"."""
    forms = {word}
    if len(word) < 5:
        return forms
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    for ending in ("es", "en", "s", "e", "n"):
        if word.endswith(ending):
            forms.add(word[: -len(ending)])
    return forms


def _accent_added(written: str, name: str) -> bool:
    """The text writes a letter with a diacritic that the place's own name lacks: "Länder"
    is not Lander (Venezuela), "Tür" not Tur. Writing one without ("Dusseldorf") is common."""
    return bool({c for c in written.casefold() if not c.isascii()} - set(name.casefold()))


def _region_typed(tokens: list[Token], mention: Mention, rules: PlaceRules) -> bool:
    """A district's type word stands right before or after the name."""
    before = _words_before(tokens, mention, 1)
    after = tokens[mention.last].key if mention.last < len(tokens) else ""
    return bool(before and _uninflected(before[0]) & rules.district_before) or after in rules.district_after


def _uninflected(word: str) -> set[str]:
    """The word and its forms without a German genitive ending: "Landkreises" → "Landkreis"."""
    return {word, word.removesuffix("s"), word.removesuffix("es")}


def _titled(tokens: list[Token], mention: Mention, rules: PlaceRules) -> bool:
    """A person's title before it: "Mayor Klein", "Frau Sankt"."""
    before = _words_before(tokens, mention, rules.longest_cue)
    return any(" ".join(before[-n:]) in rules.person_titles for n in range(1, len(before) + 1))


def _thing_after(text: str, tokens: list[Token], mention: Mention, rules: PlaceRules) -> bool:
    """A word after it that makes it the name of something else: "Bonn Declaration"."""
    after = tokens[mention.last] if mention.last < len(tokens) else None
    return after is not None and after.key in rules.names_of_things and text[mention.end : after.start] == " "


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


def _first_name_before(text: str, tokens: list[Token], mention: Mention, rules: PlaceRules) -> bool:
    """A capitalised word right before a one-word name, as a first name stands before a
    surname; type words ("Provinz", "Region") and sentence starts do not count."""
    if mention.first == 0 or mention.last - mention.first > 1:
        return False
    before = tokens[mention.first - 1]
    return (
        before.capitalised
        and text[before.end : mention.start] == " "
        and before.key not in rules.place_neighbours
        and before.key not in rules.district_before
        and not _sentence_start(text, before)
    )


_OF = frozenset({"of", "von"})
_OFFICE_JOINS = frozenset({" ", "'s ", "’s "})


def _office_beside(text: str, tokens: list[Token], mention: Mention, rules: PlaceRules) -> bool:
    """A town's office or body named with it: "the mayor of Harpenden", "Bürgermeister von
    Wachtberg", "Harpenden Town Council", "Frankfurts Oberbürgermeister", "Alzey's mayor".
    People and things have no town hall: the words are ``place_neighbours``."""
    before = _words_before(tokens, mention, 2)
    if len(before) == 2 and before[1] in _OF and _singulars(before[0]) & rules.place_neighbours:
        return True
    after = tokens[mention.last] if mention.last < len(tokens) else None
    return (
        after is not None
        and text[mention.end : after.start] in _OFFICE_JOINS
        and bool(_singulars(after.key) & rules.place_neighbours)
    )


def _sentence_start(text: str, token: Token) -> bool:
    # Walk back over the spaces rather than copy the text before: a copy per word is
    # quadratic on a long text.
    end = token.start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end == 0 or text[end - 1] in '.!?:;"“„«('


def _one_sense(resolved: dict[int, FoundPlace], twins: set[str]) -> dict[int, FoundPlace]:
    """One name, one place per item: every mention of a town's name takes the resolution
    of its best-supported mention — a tie to a country first ("Huttendorf (France)" in the
    text decides the title's "Huttendorf"), then confidence. A district named after its
    town ("Landkreis Unna" and Unna) stays a second place, and so does each of ``twins``,
    names the item pairs with themselves: each mention keeps its own resolution."""
    best: dict[str, FoundPlace] = {}
    for found in resolved.values():
        if found.place is not None and found.place.kind == "municipality" and found.key not in twins:
            current = best.get(found.key)
            if current is None or _support(found) > _support(current):
                best[found.key] = found
    return {mention: _as(found, best.get(found.key)) for mention, found in resolved.items()}


def _support(found: FoundPlace) -> tuple[bool, float]:
    return any(name == "tied" for name, _ in found.signals), found.confidence


def _as(found: FoundPlace, chosen: FoundPlace | None) -> FoundPlace:
    own = found.place or found.candidate
    if chosen is None or chosen is found or (own is not None and own.kind != "municipality"):
        return found
    return replace(
        found,
        place=chosen.place,
        resolved_by=chosen.resolved_by,
        confidence=chosen.confidence,
        signals=chosen.signals,
        uncertain=False,
        candidate=None,
        unresolved_reason=None,
    )


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


# What ties a town to the item's partnership, so that it can be the host of one.
_HOST_EVIDENCE = frozenset({"cue", "pair"})
# Two sides of a partnership (either may be unknown), its phrase, whether stated, its kind.
_Sides = tuple[FoundPlace | None, FoundPlace | None, str, bool, str]


def _pairs(
    links: list[PairLink], hosted: list[HostedLink], resolved: Mapping[int, FoundPlace], home: str
) -> list[FoundPair]:
    units = [[resolved.get(id(m)) for m in k.partners] for k in hosted]
    host = _host(resolved.values(), [p for unit in units for p in unit], home) if hosted else None
    by_host: list[_Sides] = []
    host_lists: set[frozenset[int]] = set()
    for link, unit in zip(hosted, units, strict=True):
        # "Sister Cities: Lichtenfels and Vandalia" names both sides itself.
        if host is None or (len(unit) > 1 and any(p is not None and _country(p) == home for p in unit)):
            continue
        by_host += [(host, partner, link.phrase, True, MUNICIPAL) for partner in unit]
        # "die Partnerstädte Brescia und Trondheim": the host's partners, not each other's.
        host_lists.update(frozenset((id(a), id(b))) for a, b in combinations(link.partners, 2))
    sides: list[_Sides] = [
        (resolved.get(id(k.a)), resolved.get(id(k.b)), k.phrase, k.stated, k.kind)
        for k in links
        if frozenset((id(k.a), id(k.b))) not in host_lists
    ]
    pairs: list[FoundPair] = []
    seen: set[frozenset[tuple[object, ...]]] = set()
    for a, b, phrase, stated, kind in sides + by_host:
        if a is None or b is None or _identity(a) == _identity(b):
            continue
        if not stated and not _home_and_abroad(a, b, home):
            continue
        key = frozenset((_identity(a), _identity(b)))
        if key in seen:
            continue
        seen.add(key)
        if _country(b) == home and _country(a) != home:
            a, b = b, a
        municipal = kind == MUNICIPAL and _municipality(a) and _municipality(b)
        pairs.append(FoundPair(a, b, phrase, MUNICIPAL if municipal else OTHER))
    return pairs


def _host(found: Iterable[FoundPlace], partners: Iterable[FoundPlace | None], home: str) -> FoundPlace | None:
    """The municipality at home the item is about, if one stands out among those the text
    ties to a partnership (a cue word or a stated pair: a surname that is also a town has
    neither) and does not name as a partner itself: the only one, or the one named more
    often than any other."""
    taken = {_identity(p) for p in partners if p is not None}
    counts: Counter[tuple[object, ...]] = Counter()
    first: dict[tuple[object, ...], FoundPlace] = {}
    tied: set[tuple[object, ...]] = set()
    for place in found:
        if place.place is None or place.place.kind != "municipality" or place.place.country != home:
            continue
        identity = _identity(place)
        if identity in taken:
            continue
        counts[identity] += 1
        first.setdefault(identity, place)
        if any(name in _HOST_EVIDENCE for name, _ in place.signals):
            tied.add(identity)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]) or ranked[0][0] not in tied:
        return None
    return first[ranked[0][0]]


def _municipality(found: FoundPlace) -> bool:
    """Resolved as a municipality, or not resolved (an unknown name is most often a town)."""
    return found.place is None or found.place.kind == "municipality"


def _home_and_abroad(a: FoundPlace, b: FoundPlace, home: str) -> bool:
    """One side a municipality at home, the other one abroad (or not yet placed)."""
    sides = [_country(a), _country(b)]
    kinds = {a.place.kind if a.place else "municipality", b.place.kind if b.place else "municipality"}
    return kinds == {"municipality"} and sides.count(home) == 1


def _country(found: FoundPlace) -> str | None:
    return found.place.country if found.place else None
