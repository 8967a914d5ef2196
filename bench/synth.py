"""Synthetic news items for benchmarks: deterministic, realistic in shape, never real news.

Items name real municipalities of the gazetteer — German towns and villages, partner
municipalities weighted towards Ukraine, Africa south of the Sahara, Latin America, the
Middle East and Asia — in English and German, with every dateline form the loaders read,
the archive's partnership phrasings, topic and kind words of ``topics.toml``, captions,
people's names, navigation lines and invented places that cannot resolve. The words,
names and templates are in ``bench/data/synth.toml``; this module holds the logic.

The same ``(items, seed)`` gives the same bytes, given the same vocabulary, gazetteer,
place rules and overrides (the pool avoids names those treat specially): every random
choice of the items comes from one ``random.Random(seed)``, and the pool of places from
one fixed seed over a sorted list. Each item also carries its answer key (the real
municipalities it names, its pair, its invented place, its topic and kind) to check
extraction against.

Run: .venv/bin/python -m bench.synth --items N --seed S [--format listing|jsonl] [-o OUT]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import sys
import tomllib
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, partial
from itertools import accumulate
from pathlib import Path
from typing import Any, TextIO, TypeVar

from tqdm import tqdm

from partnerdash.extract.rules import default_rules
from partnerdash.geocode.gazetteer import Gazetteer, default_gazetteer
from partnerdash.geocode.gazetteer.places import Place
from partnerdash.geocode.overrides import index_overrides, load_overrides
from partnerdash.normalize import normalize

T = TypeVar("T")

VOCABULARY = Path(__file__).resolve().parent / "data" / "synth.toml"

FIRST_DAY, LAST_DAY = date(2015, 1, 1), date(2024, 12, 31)
HOME_POOL, ABROAD_POOL = 3000, 3000
# Share of the German pool that are villages (500–5,000 inhabitants); the rest are towns
# and cities. The archive's partnerships are mostly towns', but villages have them too.
VILLAGE_SHARE = 0.4
MIN_POPULATION_ABROAD = 1000
# The pool is the same for every seed: it is drawn once per process and cached, so a
# benchmark's 10^5 items cost one pass over the gazetteer, not one per seed.
POOL_SEED = 20240101
_PAGE_SIZE = (8, 25)  # items per page
# Below this many items a run takes a moment and a progress bar is only noise.
PROGRESS_FROM_ITEMS = 2000


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class Country:
    code: str
    weight: int
    en: str
    de: str
    en_in: str  # "in Ukraine", "in the Philippines"
    de_in: str  # "in der Ukraine", "im Libanon"


def _strings(value: Any) -> tuple[str, ...]:
    """A list of the vocabulary, checked: its order is part of what a seed gives."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{VOCABULARY}: expected a list of strings, not {value!r}")
    return tuple(value)


def _string_lists(table: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    return {key: _strings(value) for key, value in table.items()}


def _weights(table: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Names and cumulative weights, in the file's order."""
    return tuple(table), tuple(accumulate(int(w) for w in table.values()))


_VOCABULARY: dict[str, Any] = tomllib.loads(VOCABULARY.read_text(encoding="utf-8"))

DATELINE_PLACE: str = _VOCABULARY["dateline_place"]
# What a listing, its items' sources and URLs say: synthetic ({seed}, {number} filled in).
_LISTING: dict[str, str] = _VOCABULARY["listing"]
COUNTRIES = tuple(Country(**country) for country in _VOCABULARY["countries"])
# German federal states by GeoNames admin1 code: (English, German "in …").
STATES: dict[str, tuple[str, str]] = {
    code: (state["en"], state["de_in"]) for code, state in _VOCABULARY["states"].items()
}
# Topic phrases per key of topics.toml and language.
TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    key: _string_lists(phrases) for key, phrases in _VOCABULARY["topics"].items()
}
TOPIC_KEYS = tuple(TOPICS)
KINDS, _KIND_WEIGHTS = _weights(_VOCABULARY["kinds"])
SHAPES, _SHAPE_WEIGHTS = _weights(_VOCABULARY["shapes"])
_PEOPLE: tuple[tuple[str, str, bool], ...] = tuple(
    (p["first"], p["last"], bool(p["female"])) for p in _VOCABULARY["people"]
)
_TITLES_EN = _strings(_VOCABULARY["titles"]["en"])
_TITLES_DE = {
    True: _strings(_VOCABULARY["titles"]["de_female"]),
    False: _strings(_VOCABULARY["titles"]["de_male"]),
}
_SYLLABLES = _strings(_VOCABULARY["syllables"])
_NAVIGATION = tuple(_strings(lines) for lines in _VOCABULARY["navigation"])
_MONTHS_EN = _strings(_VOCABULARY["months"]["en"])
_MONTHS_DE = _strings(_VOCABULARY["months"]["de"])
_ORDINAL = {int(day): str(suffix) for day, suffix in _VOCABULARY["ordinals"].items()}
_ORDINARY = frozenset(_strings(_VOCABULARY["ordinary"]))
# Letters only (no digits, brackets or dots), up to three words joined by spaces or hyphens.
_NAME = re.compile(r"[^\W\d_][^\W\d_]+(?:[ -][^\W\d_]+){0,2}")


# --------------------------------------------------------------------------- items


@dataclass(frozen=True)
class SynthItem:
    """One synthetic news item, with what a perfect extraction would find in it."""

    seed: int
    number: int  # 1-based position in the listing, newest first
    day: date
    lang: str  # "en" or "de"
    caption: str | None
    title: str
    dateline: str  # "Bonn, 15 December 2023."
    body: str  # the paragraph after the dateline
    navigation: tuple[str, ...]  # navigation lines before the item: a page starts here
    # The answer key:
    shape: str  # see SHAPES
    topic: str  # a topic key of topics.toml
    kind: str  # see KINDS
    municipalities: tuple[str, ...]  # the real municipalities named, as written
    pair: tuple[str, str] | None  # the partnership stated (German side first), if any
    invented: str | None  # the invented place, if any

    @property
    def summary(self) -> str:
        return f"{self.dateline} {self.body}"

    @property
    def url(self) -> str:
        return _LISTING["url"].format(number=self.number)


# --------------------------------------------------------------------------- pool


@dataclass(frozen=True)
class Pool:
    """The places items are written about, chosen once from the gazetteer."""

    home: tuple[Place, ...]
    abroad: dict[str, tuple[Place, ...]]  # by country code
    countries: tuple[Country, ...]  # those with places, for the weighted choice
    cum_weights: tuple[int, ...]
    gazetteer: Gazetteer  # invented names must not be in it,
    avoid: frozenset[str]  # nor be ordinary words or overrides (normalized)
    # Invented words already checked against the gazetteer: the syllables make a few
    # thousand words, and a lookup costs more than the rest of an item.
    checked: dict[str, bool] = field(default_factory=dict, compare=False)


@cache
def default_pool() -> Pool:
    return make_pool(default_gazetteer())


def make_pool(gazetteer: Gazetteer) -> Pool:
    ordinary = _ordinary_words()
    villages: list[Place] = []
    towns: list[Place] = []
    abroad: dict[str, list[Place]] = {c.code: [] for c in COUNTRIES}
    for place in gazetteer.places():
        if place.kind != "municipality":
            continue
        if place.country == "DE" and _plain(place.name, ordinary):
            (villages if place.population < 5000 else towns).append(place)
        elif (
            place.country in abroad
            and place.population >= MIN_POPULATION_ABROAD
            and _plain(place.name, ordinary)
        ):
            abroad[place.country].append(place)
    rng = random.Random(POOL_SEED)  # noqa: S311 - reproducible test data, not secrets
    partner_countries = frozenset(abroad)
    village_count = round(HOME_POOL * VILLAGE_SHARE)
    home = _draw(rng, villages, village_count, gazetteer, partner_countries)
    home += _draw(rng, towns, HOME_POOL - village_count, gazetteer, partner_countries)
    total = sum(c.weight for c in COUNTRIES)
    drawn = {
        c.code: tuple(_draw(rng, abroad[c.code], max(5, ABROAD_POOL * c.weight // total), gazetteer))
        for c in COUNTRIES
    }
    countries = tuple(c for c in COUNTRIES if drawn[c.code])
    return Pool(
        home=tuple(home),
        abroad=drawn,
        countries=countries,
        cum_weights=tuple(accumulate(c.weight for c in countries)),
        gazetteer=gazetteer,
        avoid=ordinary | _override_keys(),
    )


def _ordinary_words() -> frozenset[str]:
    rules = default_rules()
    listed = rules.not_places | rules.person_titles | rules.names_of_things
    return frozenset(_ORDINARY | listed | rules.place_cues | rules.place_neighbours)


def _plain(name: str, ordinary: frozenset[str]) -> bool:
    """A name a text can carry as it is: letters only, every word capitalised (no "am",
    "an der" inside, which partnership phrases would read as qualifiers), not a word."""
    return (
        _NAME.fullmatch(name) is not None
        and all(word[0].isupper() for word in re.split("[ -]", name))
        and normalize(name) not in ordinary
    )


def _draw(
    rng: random.Random,
    places: list[Place],
    count: int,
    gazetteer: Gazetteer,
    avoid_countries: frozenset[str] = frozenset(),
) -> list[Place]:
    """``count`` places that a reader — and the extraction — would take for themselves."""
    ordered = sorted(places, key=lambda p: (p.geonameid, p.name))  # sorted: the draw is stable
    rng.shuffle(ordered)
    overrides = _override_keys()
    chosen: list[Place] = []
    names: set[str] = set()
    for place in ordered:
        key = normalize(place.name)
        if key in names or key in overrides:
            continue
        if not _unambiguous(place, gazetteer.lookup(key), avoid_countries):
            continue
        chosen.append(place)
        names.add(key)
        if len(chosen) == count:
            break
    return chosen


def _unambiguous(place: Place, candidates: Sequence[Place], avoid_countries: frozenset[str]) -> bool:
    """Whether the name stands for this place wherever a text puts it.

    It must be the largest place of its name and no country's or region's name; a
    partner abroad may not share its name with a German town of 1,000 or more (those are
    preferred when the text names no country), and a German one not with a place in a
    partner country (which would win when the text names that country).
    """
    if not candidates or candidates[0].kind != "municipality":
        return False
    if max(candidates, key=lambda p: p.population).geonameid != place.geonameid:
        return False
    others = [p for p in candidates if p.geonameid != place.geonameid]
    if place.country == "DE":
        return not any(p.country in avoid_countries for p in others)
    return not any(p.country == "DE" and p.population >= 1000 for p in others)


@cache
def _override_keys() -> frozenset[str]:
    return frozenset(index_overrides(load_overrides()))


# --------------------------------------------------------------------------- generation


def generate(items: int, seed: int, pool: Pool | None = None) -> Iterator[SynthItem]:
    """``items`` synthetic items, newest first, spread evenly over 2015–2024."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    pool = pool or default_pool()
    span = (LAST_DAY - FIRST_DAY).days + 1
    page_left = 0
    for index in range(items):
        # Spread with jitter, and never newer than the item before: a listing runs newest
        # first, which the loader's year inference relies on.
        back = min(span - 1, int((index + rng.random()) * span / items))
        navigation: tuple[str, ...] = ()
        if page_left == 0:
            navigation = _pick(rng, _NAVIGATION)
            page_left = _between(rng, *_PAGE_SIZE)
        page_left -= 1
        yield _item(rng, pool, seed, index + 1, LAST_DAY - timedelta(days=back), navigation)


# random.Random's choice() and randrange() cost about a microsecond each, a dozen times
# per item; one random() per draw is several times cheaper and just as reproducible.
def _pick(rng: random.Random, options: Sequence[T]) -> T:
    return options[int(rng.random() * len(options))]


def _between(rng: random.Random, low: int, high: int) -> int:
    """An integer from ``low`` to ``high``, both included."""
    return low + int(rng.random() * (high - low + 1))


def _weighted(rng: random.Random, options: Sequence[T], cum_weights: Sequence[int]) -> T:
    return options[bisect_right(cum_weights, rng.random() * cum_weights[-1])]


def _item(
    rng: random.Random, pool: Pool, seed: int, number: int, day: date, navigation: tuple[str, ...]
) -> SynthItem:
    lang = "de" if rng.random() < 0.5 else "en"
    shape = _weighted(rng, SHAPES, _SHAPE_WEIGHTS)
    kind = _weighted(rng, KINDS, _KIND_WEIGHTS)
    words = _Words(rng, pool, lang)
    title, sentences, pair = _content(rng, _TEXTS[lang], shape, kind, words)
    caption = _caption(rng, lang, shape) if rng.random() < 0.6 else None
    return SynthItem(
        seed=seed,
        number=number,
        day=day,
        lang=lang,
        caption=None if caption is None else caption.format_map(words),
        title=title.format_map(words),
        dateline=f"{DATELINE_PLACE}, {_date_text(rng, day, lang)}.",
        body=" ".join(s.format_map(words) for s in sentences),
        navigation=navigation,
        shape=shape,
        topic=words.topic,
        kind=kind,
        municipalities=tuple(words.named),
        pair=pair,
        invented=words.get("invented"),
    )


class _Words(dict[str, str]):
    """The words one item is written from, each drawn when a template first asks for it.

    Most items need only some of them (a venue, a person, a deadline); drawing lazily
    keeps generation fast, and stays reproducible since templates are filled in order.
    """

    def __init__(self, rng: random.Random, pool: Pool, lang: str) -> None:
        super().__init__()
        self.rng, self.pool, self.lang = rng, pool, lang
        self.topic = _pick(rng, TOPIC_KEYS)
        self.named: dict[str, None] = {}  # the real municipalities drawn, in order
        self._country: Country | None = None

    def __missing__(self, name: str) -> str:
        _FILLERS[name](self)
        return self[name]

    @property
    def country(self) -> Country:
        """The partner country: the partner is from it, and the text names it."""
        if self._country is None:
            self._country = _weighted(self.rng, self.pool.countries, self.pool.cum_weights)
        return self._country

    def fill_home(self) -> None:
        place = _pick(self.rng, self.pool.home)
        self.named[place.name] = None
        self["home"] = place.name
        self["home_q"] = _with_state(self.rng, place, self.lang)

    def fill_venue(self) -> None:  # a second German town, where a conference meets
        place = _pick(self.rng, self.pool.home)
        self.named[place.name] = None
        self["venue"] = place.name

    def fill_country(self) -> None:
        country = self.country
        self["country"] = country.de if self.lang == "de" else country.en
        self["in_country"] = country.de_in if self.lang == "de" else country.en_in

    def fill_partner(self) -> None:
        partner = _pick(self.rng, self.pool.abroad[self.country.code]).name
        self.named[partner] = None
        self["partner"] = partner

    def fill_topic(self) -> None:
        phrase = _pick(self.rng, TOPICS[self.topic][self.lang])
        self["topic"] = phrase
        self["Topic"] = phrase[0].upper() + phrase[1:]

    def fill_dash(self) -> None:  # "Leipzig-Kyiv", but "Neumarkt-Sankt Veit – El Sauz"
        self["dash"] = "-" if _simple(self["home"]) and _simple(self["partner"]) else " – "

    def fill_invented(self) -> None:
        self["invented"] = _invented(self.rng, self.pool)

    def fill_other(self, name: str) -> None:
        self[name] = _DRAWS[name](self.rng, self.lang)


def _with_state(rng: random.Random, home: Place, lang: str) -> str:
    """The German name, now and then with its state: "Opfenbach in Bavaria"."""
    state = STATES.get(home.admin1)
    if state is None or rng.random() >= 0.3:
        return home.name
    return f"{home.name} {state[1]}" if lang == "de" else f"{home.name} in {state[0]}"


def _simple(name: str) -> bool:
    return " " not in name and "-" not in name


def _person(rng: random.Random, lang: str) -> str:
    """A person behind a title ("Mayor Anna Schmidt"), as the archive names them."""
    first, last, female = _pick(rng, _PEOPLE)
    title = _pick(rng, _TITLES_DE[female]) if lang == "de" else _pick(rng, _TITLES_EN)
    return f"{title} {first} {last}"


def _photographer(rng: random.Random, lang: str) -> str:
    first, last, _ = _pick(rng, _PEOPLE)
    return f"{first} {last}"


def _deadline(rng: random.Random, lang: str) -> str:
    day, month = _between(rng, 1, 28), _between(rng, 0, 11)
    return f"{day}. {_MONTHS_DE[month]}" if lang == "de" else f"{day} {_MONTHS_EN[month]}"


_DRAWS: dict[str, Callable[[random.Random, str], str]] = {
    "person": _person,
    "photographer": _photographer,
    "deadline": _deadline,
    "n": lambda rng, _: str(_between(rng, 20, 199)),  # participants, municipalities
    "since": lambda rng, _: str(_between(rng, 1975, 2014)),  # the year a partnership began
}
# Which method of _Words fills each template field (some fill two at once).
_FILLERS: dict[str, Callable[[_Words], None]] = {
    "home": _Words.fill_home,
    "home_q": _Words.fill_home,
    "venue": _Words.fill_venue,
    "country": _Words.fill_country,
    "in_country": _Words.fill_country,
    "partner": _Words.fill_partner,
    "topic": _Words.fill_topic,
    "Topic": _Words.fill_topic,
    "dash": _Words.fill_dash,
    "invented": _Words.fill_invented,
    **{name: partial(_Words.fill_other, name=name) for name in _DRAWS},
}


def _invented(rng: random.Random, pool: Pool) -> str:
    """A pseudo-name of syllables that is no place, no ordinary word, no genitive."""
    while True:
        words = [
            "".join(_pick(rng, _SYLLABLES) for _ in range(_between(rng, 2, 3))).capitalize()
            for _ in range(_between(rng, 1, 2))
        ]
        name = " ".join(words)
        if all(_unknown(w, pool) for w in [*words, name]):
            return name


def _unknown(word: str, pool: Pool) -> bool:
    known = pool.checked.get(word)
    if known is None:
        key = normalize(word)
        # A word ending in "s" would also be read as the German genitive of a place.
        known = key.endswith("s") or key in pool.avoid or bool(pool.gazetteer.lookup_rows(key))
        pool.checked[word] = known
    return not known


def _date_text(rng: random.Random, day: date, lang: str) -> str:
    """The date in one of the dateline forms the loaders read; now and then without a year."""
    roll = rng.random()
    if lang == "de":
        month = _MONTHS_DE[day.month - 1]
        if roll < 0.08:
            return f"{day.day}. {month}"  # 13. März: the year comes from the page
        if roll < 0.3:
            return f"{day.day:02}.{day.month:02}.{day.year}"  # 15.12.2023
        return f"{day.day}. {month} {day.year}"  # 2. Mai 2018
    month = _MONTHS_EN[day.month - 1]
    if roll < 0.08:
        return f"{day.day}{_ORDINAL.get(day.day, 'th')} {month}"  # 2nd April, 13th March
    if roll < 0.25:
        return f"{month} {day.day}, {day.year}"  # December 15, 2023
    if roll < 0.33:
        return f"{day.day}. {month} {day.year}"  # 3. July 2019
    if roll < 0.38:
        return f"{day.day:02}.{day.month:02}.{day.year}"
    return f"{day.day} {month} {day.year}"  # 15 December 2023


# --------------------------------------------------------------------------- texts


@dataclass(frozen=True)
class _Texts:
    """The templates of one language. Every place name stands where the archive's do:
    after a cue word, in a partnership phrase, or beside its country."""

    pair_titles: tuple[str, ...]
    pairs: tuple[str, ...]
    swapped: tuple[str, ...]  # the partner abroad named first
    singles_home: tuple[str, ...]
    singles_abroad: tuple[str, ...]
    generals: tuple[str, ...]
    invented: tuple[tuple[str, bool], ...]  # (template, whether it states a partnership)
    aside: str  # an invented village beside a real pair: "the municipality of Qaryat Zalmun"
    kind_titles: dict[str, tuple[str, ...]]
    kind_titles_general: dict[str, tuple[str, ...]]
    kinds: dict[str, tuple[str, ...]]  # the sentence that makes an item its kind
    kinds_general: dict[str, tuple[str, ...]]

    @classmethod
    def read(cls, table: Mapping[str, Any]) -> _Texts:
        return cls(
            pair_titles=_strings(table["pair_titles"]),
            pairs=_strings(table["pairs"]),
            swapped=_strings(table["swapped"]),
            singles_home=_strings(table["singles_home"]),
            singles_abroad=_strings(table["singles_abroad"]),
            generals=_strings(table["generals"]),
            invented=tuple((str(t["template"]), bool(t["partnership"])) for t in table["invented"]),
            aside=str(table["aside"]),
            kind_titles=_string_lists(table["kind_titles"]),
            kind_titles_general=_string_lists(table["kind_titles_general"]),
            kinds=_string_lists(table["kinds"]),
            kinds_general=_string_lists(table["kinds_general"]),
        )


_TEXTS = {lang: _Texts.read(table) for lang, table in _VOCABULARY["texts"].items()}
_CAPTIONS = _string_lists(_VOCABULARY["captions"])
# Captions that name no municipality, for items about none.
_CAPTIONS_GENERAL = {
    lang: tuple(c for c in captions if not re.search(r"\{(?:home|partner|venue)\}", c))
    for lang, captions in _CAPTIONS.items()
}


def _content(
    rng: random.Random, text: _Texts, shape: str, kind: str, words: _Words
) -> tuple[str, list[str], tuple[str, str] | None]:
    """The title and body sentences (as templates) and the pair, for one shape of item."""
    if shape == "general":
        title = _pick(rng, text.kind_titles_general[kind])
        return title, [_pick(rng, text.generals), *_kind_sentence(rng, text.kinds_general[kind])], None
    pair: tuple[str, str] | None = None
    if shape == "pair":
        main = _pick(rng, text.swapped if rng.random() < 0.15 else text.pairs)
        title = _pick(rng, text.pair_titles) if rng.random() < 0.6 else _pick(rng, text.kind_titles[kind])
        pair = (words["home"], words["partner"])
    elif shape == "invented":
        main, paired = _pick(rng, text.invented)
        title = _pick(rng, text.kind_titles[kind])
        pair = (words["home"], words["invented"]) if paired else None
    else:
        main = _pick(rng, text.singles_abroad if rng.random() < 0.35 else text.singles_home)
        title = _pick(rng, text.kind_titles[kind])
    sentences = [main, *_kind_sentence(rng, text.kinds[kind])]
    if shape == "pair" and rng.random() < 0.2:
        sentences.append(text.aside)
    return title, sentences, pair


def _kind_sentence(rng: random.Random, options: tuple[str, ...]) -> list[str]:
    """The sentence that makes the item a conference, an interview, …; none for news."""
    return [_pick(rng, options)] if options else []


def _caption(rng: random.Random, lang: str, shape: str) -> str:
    # One caption in ten is in the other language, as on the real (English) archive pages.
    caption_lang = lang if rng.random() < 0.9 else ("en" if lang == "de" else "de")
    return _pick(rng, (_CAPTIONS_GENERAL if shape == "general" else _CAPTIONS)[caption_lang])


# --------------------------------------------------------------------------- writers

# The listing's second paragraph: what the items are, and are not.
NOTICE = _LISTING["notice"]


def header(seed: int) -> str:
    """The listing's first line."""
    return _LISTING["header"].format(seed=seed)


def write_listing(items: Iterable[SynthItem], out: TextIO) -> None:
    """The archive's plain-text listing: caption, title and dateline paragraph, a blank line
    between; navigation lines where a page starts, a year heading where a year does."""
    year: int | None = None
    for item in items:
        if year is None:  # before the first item: say what this is
            out.write(f"{header(item.seed)}\n\n{NOTICE}\n\n")
        if item.navigation:
            out.write("\n\n".join(item.navigation) + "\n\n")
        if item.day.year != year or item.navigation:  # each page opens with its year
            year = item.day.year
            out.write(f"{year}\n\n")
        if item.caption:
            out.write(f"{item.caption}\n\n")
        out.write(f"{item.title}\n\n{item.summary}\n\n")


def source(seed: int) -> str:
    """What a synthetic item's source says."""
    return _LISTING["source"].format(seed=seed)


def write_jsonl(items: Iterable[SynthItem], out: TextIO) -> None:
    """One JSON object per item: title, ISO date, summary (opening with its dateline, as
    feeds' often do), caption, lang, url and a source that says it is synthetic."""
    for item in items:
        record = {
            "title": item.title,
            "date": item.day.isoformat(),
            "summary": item.summary,
            "caption": item.caption,
            "lang": item.lang,
            "url": item.url,
            "source": source(item.seed),
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write(path: Path | None, items: int, seed: int, fmt: str = "listing", progress: bool = False) -> None:
    """``items`` items of ``seed`` to ``path`` (standard output if None), as a listing or
    JSON Lines: UTF-8 and "\\n" whatever the locale or platform, the same bytes everywhere."""
    writer = write_jsonl if fmt == "jsonl" else write_listing
    generated: Iterable[SynthItem] = generate(items, seed)
    if progress:
        generated = tqdm(generated, total=items, unit="item", desc="synth", file=sys.stderr)
    if path is None:
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
        try:
            writer(generated, out)
            out.flush()
        finally:
            out.detach()  # standard output stays open
        return
    with path.open("w", encoding="utf-8", newline="\n") as file:
        writer(generated, file)


# --------------------------------------------------------------------------- command line


def _count(text: str) -> int:
    number = int(text)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.synth",
        description="Write deterministic synthetic news items in the archive's shapes, naming real "
        "municipalities of the gazetteer; the same items and seed always give the same bytes. "
        "For benchmarks and tests: never real news.",
    )
    parser.add_argument("--items", type=_count, default=1000, metavar="N", help="how many (default: 1000)")
    parser.add_argument(
        "--seed", type=int, default=1, metavar="S", help="another seed, other items (default: 1)"
    )
    parser.add_argument(
        "--format", choices=("listing", "jsonl"), default="listing", help="output format (default: listing)"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    args = parser.parse_args(argv)
    path = None if args.output is None else Path(args.output)
    # Writing to standard output, a bar would mix with the items in a terminal.
    progress = path is not None and args.items >= PROGRESS_FROM_ITEMS
    try:
        write(path, args.items, args.seed, args.format, progress)
    except BrokenPipeError:
        # The reader (say, `head`) has gone; stop quietly as Unix tools do.
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
