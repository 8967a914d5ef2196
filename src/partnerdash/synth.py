"""Synthetic news items for benchmarks: deterministic, realistic in shape, never real news.

Items name real municipalities of the gazetteer — German towns and villages, partner
municipalities weighted towards Ukraine, Africa south of the Sahara, Latin America, the
Middle East and Asia — in English and German, with every dateline form the loaders read,
the archive's partnership phrasings, topic and kind words of ``topics.toml``, captions,
people's names, navigation lines and invented places that cannot resolve.

The same ``(items, seed)`` gives the same bytes, given the same gazetteer, place rules
and overrides (the pool avoids names those treat specially): every random choice of the
items comes from one ``random.Random(seed)``, and the pool of places from one fixed seed
over a sorted list. Each item also carries its answer key (the real municipalities it
names, its pair, its invented place, its topic and kind) to check extraction against.
"""

from __future__ import annotations

import json
import random
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, partial
from itertools import accumulate
from typing import TextIO, TypeVar

from partnerdash.extract.rules import default_rules
from partnerdash.geocode.gazetteer import Gazetteer, Place, default_gazetteer
from partnerdash.geocode.overrides import index_overrides, load_overrides
from partnerdash.normalize import normalize

T = TypeVar("T")

DATELINE_PLACE = "Bonn"
FIRST_DAY, LAST_DAY = date(2015, 1, 1), date(2024, 12, 31)
HOME_POOL, ABROAD_POOL = 3000, 3000
# Share of the German pool that are villages (500–5,000 inhabitants); the rest are towns
# and cities. The archive's partnerships are mostly towns', but villages have them too.
VILLAGE_SHARE = 0.4
MIN_POPULATION_ABROAD = 1000
# The pool is the same for every seed: it is drawn once per process and cached, so a
# benchmark's 10^5 items cost one pass over the gazetteer, not one per seed.
POOL_SEED = 20240101


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class Country:
    code: str
    weight: int
    en: str
    de: str
    en_in: str  # "in Ukraine", "in the Philippines"
    de_in: str  # "in der Ukraine", "im Libanon"


def _country(code: str, weight: int, en: str, de: str, en_article: str = "", de_in: str = "in") -> Country:
    return Country(code, weight, en, de, f"in {en_article}{en}", f"{de_in} {de}")


# Weights in halves of a per cent: Ukraine 22 %, Africa south of the Sahara 30 %, Latin
# America 20 %, the Middle East and North Africa 12 %, Asia 15 %, elsewhere 3 %.
COUNTRIES = (
    _country("UA", 44, "Ukraine", "Ukraine", de_in="in der"),
    _country("TZ", 8, "Tanzania", "Tansania"),
    _country("GH", 5, "Ghana", "Ghana"),
    _country("BF", 5, "Burkina Faso", "Burkina Faso"),
    _country("MZ", 4, "Mozambique", "Mosambik"),
    _country("RW", 4, "Rwanda", "Ruanda"),
    _country("ZW", 3, "Zimbabwe", "Simbabwe"),
    _country("NA", 3, "Namibia", "Namibia"),
    _country("CM", 4, "Cameroon", "Kamerun"),
    _country("UG", 4, "Uganda", "Uganda"),
    _country("KE", 4, "Kenya", "Kenia"),
    _country("SN", 3, "Senegal", "Senegal", de_in="im"),
    _country("BJ", 3, "Benin", "Benin"),
    _country("ML", 2, "Mali", "Mali"),
    _country("ET", 3, "Ethiopia", "Äthiopien"),
    _country("ZA", 3, "South Africa", "Südafrika"),
    _country("ZM", 2, "Zambia", "Sambia"),
    _country("MW", 2, "Malawi", "Malawi"),
    _country("NI", 8, "Nicaragua", "Nicaragua"),
    _country("PE", 4, "Peru", "Peru"),
    _country("BO", 4, "Bolivia", "Bolivien"),
    _country("EC", 3, "Ecuador", "Ecuador"),
    _country("BR", 4, "Brazil", "Brasilien"),
    _country("MX", 4, "Mexico", "Mexiko"),
    _country("CO", 3, "Colombia", "Kolumbien"),
    _country("GT", 2, "Guatemala", "Guatemala"),
    _country("SV", 2, "El Salvador", "El Salvador"),
    _country("HN", 2, "Honduras", "Honduras"),
    _country("CR", 1, "Costa Rica", "Costa Rica"),
    _country("CL", 2, "Chile", "Chile"),
    _country("CU", 1, "Cuba", "Kuba"),
    _country("LB", 6, "Lebanon", "Libanon", de_in="im"),
    _country("JO", 5, "Jordan", "Jordanien"),
    _country("MA", 4, "Morocco", "Marokko"),
    _country("TN", 5, "Tunisia", "Tunesien"),
    _country("EG", 2, "Egypt", "Ägypten"),
    _country("IQ", 2, "Iraq", "Irak", de_in="im"),
    _country("ID", 6, "Indonesia", "Indonesien"),
    _country("VN", 6, "Vietnam", "Vietnam"),
    _country("PH", 3, "Philippines", "Philippinen", en_article="the ", de_in="in den"),
    _country("IN", 4, "India", "Indien"),
    _country("NP", 2, "Nepal", "Nepal"),
    _country("CN", 3, "China", "China"),
    _country("LK", 2, "Sri Lanka", "Sri Lanka"),
    _country("BD", 1, "Bangladesh", "Bangladesch"),
    _country("MN", 2, "Mongolia", "Mongolei", de_in="in der"),
    _country("KH", 1, "Cambodia", "Kambodscha"),
    _country("TH", 1, "Thailand", "Thailand"),
    _country("GE", 2, "Georgia", "Georgien"),
    _country("MD", 1, "Moldova", "Moldau"),
    _country("AM", 1, "Armenia", "Armenien"),
    _country("PL", 1, "Poland", "Polen"),
    _country("FR", 1, "France", "Frankreich"),
)

# German federal states by GeoNames admin1 code: (English, German "in …"). The city-states
# are left out, since their plain names are the cities.
STATES = {
    "01": ("Baden-Württemberg", "in Baden-Württemberg"),
    "02": ("Bavaria", "in Bayern"),
    "05": ("Hesse", "in Hessen"),
    "06": ("Lower Saxony", "in Niedersachsen"),
    "07": ("North Rhine-Westphalia", "in Nordrhein-Westfalen"),
    "08": ("Rhineland-Palatinate", "in Rheinland-Pfalz"),
    "09": ("Saarland", "im Saarland"),
    "10": ("Schleswig-Holstein", "in Schleswig-Holstein"),
    "11": ("Brandenburg", "in Brandenburg"),
    "12": ("Mecklenburg-Western Pomerania", "in Mecklenburg-Vorpommern"),
    "13": ("Saxony", "in Sachsen"),
    "14": ("Saxony-Anhalt", "in Sachsen-Anhalt"),
    "15": ("Thuringia", "in Thüringen"),
}

# Topic phrases per key of topics.toml, each holding one of its keywords. The German
# ones read the same in every case ("zum Thema …", "setzen auf …").
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "climate": (
        ("climate adaptation", "renewable energy", "flood protection", "climate action"),
        ("Klimaschutz", "Klimaanpassung", "erneuerbare Energien", "Hochwasserschutz"),
    ),
    "water": (
        ("drinking water supply", "sanitation", "wastewater treatment"),
        ("Trinkwasserversorgung", "Abwasserentsorgung", "Wasserversorgung"),
    ),
    "health": (
        ("primary health care", "the local hospital", "health services"),
        ("Gesundheitsversorgung", "medizinische Versorgung", "Krankenhausbau"),
    ),
    "reconstruction": (
        ("reconstruction", "rebuilding destroyed infrastructure", "post-war recovery"),
        ("Wiederaufbau", "Instandsetzung der Infrastruktur"),
    ),
    "fair_trade": (
        ("fair trade", "sustainable procurement"),
        ("faire Beschaffung", "nachhaltige Beschaffung", "Fairtrade"),
    ),
    "migration": (
        ("migration and development", "the integration of refugees", "the diaspora"),
        ("Migration und Entwicklung", "Flucht und Migration", "Diaspora-Engagement"),
    ),
    "education": (
        ("youth exchange", "school partnerships", "vocational training"),
        ("Jugendaustausch", "Schulpartnerschaften", "Ausbildung"),
    ),
    "culture": (
        ("cultural exchange", "a music festival", "cultural heritage"),
        ("Kulturaustausch", "Kulturfestival", "Musik"),
    ),
    "sdgs": (
        ("the 2030 Agenda", "the SDGs", "sustainable development goals"),
        ("Agenda 2030", "Nachhaltigkeitsziele", "nachhaltige Entwicklung"),
    ),
    "mobility": (
        ("public transport", "cycling", "road safety"),
        ("Nahverkehr", "Radverkehr", "Mobilität"),
    ),
    "governance": (
        ("local governance", "digitalisation of public services", "capacity building"),
        ("Kommunalverwaltung", "Digitalisierung", "Bürgerbeteiligung"),
    ),
    "economy": (
        ("local economic development", "jobs for young people", "small and medium-sized enterprises"),
        ("lokale Wirtschaft", "Arbeitsplätze", "Unternehmen vor Ort"),
    ),
}
TOPIC_KEYS = tuple(TOPICS)

# Kinds of item (keys of topics.toml) with their weights; "news" is none in particular.
KINDS = ("news", "conference", "project", "interview", "funding_call", "publication", "statement", "award")
_KIND_WEIGHTS = tuple(accumulate((26, 20, 15, 12, 10, 10, 5, 2)))

# Shapes of item: a partnership pair, one municipality, none (countries only), or a
# place no gazetteer has (invented), with or without a partnership.
SHAPES = ("pair", "single", "general", "invented")
_SHAPE_WEIGHTS = tuple(accumulate((55, 23, 13, 9)))

_PEOPLE = (
    ("Anna", "Schmidt", True), ("Jonas", "Weber", False), ("Katrin", "Hoffmann", True),
    ("Thomas", "Becker", False), ("Sabine", "Wagner", True), ("Michael", "Krüger", False),
    ("Olena", "Kovalenko", True), ("Andrii", "Melnyk", False), ("Amina", "Diallo", True),
    ("Kwame", "Mensah", False), ("Grace", "Mwangi", True), ("Joseph", "Nkurunziza", False),
    ("Lucía", "Fernández", True), ("Carlos", "Mendoza", False), ("Fatima", "Haddad", True),
    ("Omar", "Khalil", False), ("Siti", "Rahmawati", True), ("Minh", "Nguyen", False),
    ("Priya", "Raman", True), ("Ana", "Cortes", True), ("Julia", "Neumann", True),
    ("Stefan", "Schulze", False), ("Mariam", "Ouédraogo", True), ("Jean", "Habimana", False),
)  # fmt: skip
# A title before a name, as the rules' person_titles know them: the name is a person's.
_TITLES_EN = ("Mayor", "Mayor", "Lord Mayor", "Deputy Mayor", "project coordinator", "Dr")
_TITLES_DE = {
    True: ("Bürgermeisterin", "Bürgermeisterin", "Oberbürgermeisterin", "Landrätin", "Koordinatorin", "Frau"),
    False: ("Bürgermeister", "Bürgermeister", "Oberbürgermeister", "Landrat", "Koordinator", "Herr"),
}

# Syllables of invented place names ("Qaryat Zalmun"), checked against the gazetteer.
_SYLLABLES = (
    "qa", "ryat", "zal", "mun", "ti", "ko", "ro", "ba", "ndi", "we", "lu", "sa", "ma", "ki", "nyo",
    "te", "ha", "bu", "ga", "ya", "mo", "ra", "ku", "le", "ve", "dza", "tan", "bel", "ar", "oum",
)  # fmt: skip

# Navigation lines of data/listing_noise.txt, as they stand where a page of an archive starts.
_NAVIGATION = (
    ("Hauptnavigation", "Aktuelles", "Nachrichtenarchiv"),
    ("Current News",),
    ("Main navigation", "News archive"),
    ("Aktuelles",),
    ("Zurück", "Nach oben"),
    ("Back to top", "Current News"),
)
_PAGE_SIZE = (8, 25)  # items per page

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")  # fmt: skip
_MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
              "Oktober", "November", "Dezember")  # fmt: skip
_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}

# Place names that are also ordinary words, on top of the rules' own lists: such a
# village exists, but a text about it would be read as being about something else.
_ORDINARY = frozenset((
    "berg", "buch", "linden", "essen", "rain", "mark", "wald", "feld", "bach", "tal", "kirchen", "burg",
    "haus", "holz", "horn", "ring", "stein", "rot", "roth", "wiese", "muhle", "damm", "dorf", "grund",
    "hagen", "heide", "hohe", "kamp", "kreuz", "lage", "linde", "moos", "ried", "see", "schwalbe",
    "senden", "stadt", "weiden", "wiesen", "zell", "eiche", "eichen", "birken", "brunnen", "garten",
    "hausen", "leer", "laufen", "werben", "wetter", "wedel", "wunder", "lauf", "treuen", "sonne",
    "schwarz", "weiss", "gross", "klein", "alt", "neu", "ober", "unter", "hoch", "tief", "mitte",
    "sachsen", "hessen", "franken", "schwaben", "bayern", "pfalz", "baden", "anhalt", "holstein", "ruhr",
    "ems", "elbe", "oder", "main", "rhein", "donau", "saale", "havel", "spree", "weser", "batman",
    "mobile", "police", "split", "male", "bath", "reading", "march", "may", "nice", "victoria", "hope",
    "unity", "liberty", "paradise", "eden", "sal", "santo", "union", "progress",
))  # fmt: skip
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
        return f"https://example.org/synthetic/{self.number}"


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
        phrase = _pick(self.rng, TOPICS[self.topic][self.lang == "de"])
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


_EN = _Texts(
    pair_titles=(
        "{home}{dash}{partner}: working together on {topic}",
        "{home}{dash}{partner}: a partnership in troubled times",
        "Sister cities {home} and {partner} meet",
        "{partner} and {home} renew their partnership",
    ),
    pairs=(
        "The municipal partnership between {home_q} and {partner} {in_country} has focused on {topic} "
        "since {since}.",
        "The partner communities of {home_q} and {partner} {in_country} are working together on {topic}.",
        "Since {since}, the sister cities of {home_q} and {partner} ({country}) have cooperated on {topic}.",
        "{home_q} and its partner city {partner} {in_country} exchanged experts on {topic}.",
        "{home} has been twinned with {partner} {in_country} since {since}; now the focus is on {topic}.",
        "The climate partnership between {home_q} and {partner}, {country}, puts {topic} first.",
    ),
    swapped=(
        "The partner communities of {partner} {in_country} and {home_q} are building on {topic}.",
        "The partnership between {partner} ({country}) and {home_q} now turns to {topic}.",
        "The partnership between {partner}, {country}, and {home_q} has grown over the years.",
    ),
    singles_home=(
        "More than {n} participants met in {home_q} to discuss {topic}.",
        "The municipality of {home} has adopted a strategy for {topic} and is looking for partners "
        "{in_country}.",
        "{person} from {home_q} presented the town's work on {topic}.",
    ),
    singles_abroad=(
        "The city of {partner} {in_country} is looking for a German partner municipality for {topic}.",
        "Delegates from {partner} {in_country} visited Germany to learn about {topic}.",
        "In {partner} {in_country}, {topic} is at the top of the council's agenda.",
    ),
    generals=(
        "Municipalities in Germany and {country} can now apply for support for {topic}.",
        "Municipal partnerships with {country} are growing, and many of them work on {topic}.",
        "How can municipalities contribute to {topic}? Experts from Germany and {country} discussed "
        "this question online.",
    ),
    invented=(
        ("The partner communities of {invented} {in_country} and {home_q} work together on {topic}.", True),
        (
            "Representatives of the village of {invented} {in_country} visited their partners in {home_q}.",
            False,
        ),
        ("The municipality of {invented} {in_country} and its partner town {home} focus on {topic}.", True),
    ),
    aside="The municipality of {invented} {in_country} wants to join the partnership.",
    kind_titles={
        "news": ("News from {home}", "{Topic} in {home}"),
        "conference": ("Conference in {venue}: {topic} in municipal partnerships",),
        "project": ("A joint project on {topic}",),
        "interview": ("Interview: “Our partnership lives from people”", "“What matters is the commitment!”"),
        "funding_call": ("Call for proposals: {topic} in municipal partnerships",),
        "publication": ("New publication on {topic}",),
        "statement": ("Solidarity with the partners {in_country}",),
        "award": ("Award for commitment to {topic}",),
    },
    kind_titles_general={
        "news": ("{Topic} in municipal partnerships",),
        "conference": ("Network meeting on {topic}",),
        "project": ("Projects on {topic} with partners {in_country}",),
        "interview": ("Interview: “Partnership needs patience”",),
        "funding_call": ("Call for proposals: {topic} in municipal partnerships",),
        "publication": ("New publication on {topic}",),
        "statement": ("Solidarity with municipalities {in_country}",),
        "award": ("Award for municipal commitment to {topic}",),
    },
    kinds={
        "news": (),
        "conference": (
            "At the network meeting in {venue}, more than {n} participants discussed {topic}.",
            "The partnership conference in {venue} brought together {n} municipalities.",
        ),
        "project": ("The joint project will be implemented over the next two years.",),
        "interview": ("In an interview, {person} talks about {topic} and the partnership.",),
        "funding_call": (
            "The call for proposals is open until {deadline}; municipalities can apply for funding.",
        ),
        "publication": ("A new publication shows how municipalities can strengthen {topic}.",),
        "statement": ("In a joint declaration, both councils expressed their solidarity.",),
        "award": ("The partnership received an award for its work.",),
    },
    kinds_general={
        "news": (),
        "conference": ("More than {n} participants took part in the online conference.",),
        "project": ("The projects will be implemented over the next two years.",),
        "interview": ("In an interview, {person} talks about what makes partnerships last.",),
        "funding_call": ("Applications are open until {deadline}.",),
        "publication": ("A new brochure collects examples from {n} municipalities.",),
        "statement": ("In a joint declaration, the municipalities expressed their solidarity.",),
        "award": ("The winners of the competition will be announced in autumn.",),
    },
)

_DE = _Texts(
    pair_titles=(
        "Klimapartnerschaft {home} – {partner} geht in die zweite Phase",
        "{home} und {partner}: Partnerschaft für {topic}",
        "Städtepartnerschaft zwischen {home} und {partner} wird ausgebaut",
        "{home}{dash}{partner}: gemeinsam für {topic}",
    ),
    pairs=(
        "Die Städtepartnerschaft zwischen {home_q} und {partner} {in_country} besteht seit {since}; "
        "im Mittelpunkt steht das Thema {topic}.",
        "{home_q} und ihre Partnerstadt {partner} {in_country} arbeiten seit {since} beim Thema {topic} "
        "zusammen.",
        "Die Klimapartnerschaft {home} – {partner} {in_country} geht in die nächste Runde.",
        "Die Partnergemeinden {home_q} und {partner} {in_country} setzen gemeinsam auf {topic}.",
        "Seit {since} pflegen {home_q} und {partner} {in_country} eine Städtepartnerschaft.",
    ),
    swapped=(
        "Die Partnerschaft zwischen {partner} {in_country} und {home_q} wächst: jetzt geht es um {topic}.",
    ),
    singles_home=(
        "Mehr als {n} Teilnehmende trafen sich in {home_q}, um über {topic} zu sprechen.",
        "Die Gemeinde {home} hat eine Strategie zum Thema {topic} beschlossen und sucht Partner "
        "{in_country}.",
        "{person} aus {home_q} stellte die Arbeit der Kommune zum Thema {topic} vor.",
    ),
    singles_abroad=(
        "Die Stadt {partner} {in_country} sucht eine deutsche Partnerkommune für das Thema {topic}.",
        "Eine Delegation aus {partner} {in_country} informierte sich in Deutschland über {topic}.",
    ),
    generals=(
        "Kommunen in Deutschland und Kommunen {in_country} können ab sofort Unterstützung zum Thema "
        "{topic} beantragen.",
        "Immer mehr Kommunen pflegen Partnerschaften {in_country}; viele arbeiten zum Thema {topic}.",
        "Wie können Kommunen zum Thema {topic} beitragen? Darüber diskutierten Fachleute aus "
        "Deutschland und Gäste {in_country}.",
    ),
    invented=(
        (
            "Die Gemeinde {invented} {in_country} und ihre Partnergemeinde {home} arbeiten beim Thema "
            "{topic} zusammen.",
            True,
        ),
        ("Gäste aus der Gemeinde {invented} {in_country} besuchten ihre Partner in {home_q}.", False),
    ),
    aside="Auch die Gemeinde {invented} {in_country} möchte sich beteiligen.",
    kind_titles={
        "news": ("Neues aus {home}", "{Topic} in {home}"),
        "conference": ("Konferenz in {venue}: {topic} in kommunalen Partnerschaften",),
        "project": ("Gemeinsames Projekt zum Thema {topic}",),
        "interview": ("Interview: „Partnerschaft lebt von Begegnung“", "„Es kommt auf das Engagement an!“"),
        "funding_call": ("Förderaufruf: {topic} in kommunalen Partnerschaften",),
        "publication": ("Neue Publikation zum Thema {topic}",),
        "statement": ("Solidarität mit den Partnern {in_country}",),
        "award": ("Preis für Engagement beim Thema {topic}",),
    },
    kind_titles_general={
        "news": ("{Topic} in kommunalen Partnerschaften",),
        "conference": ("Netzwerktreffen zum Thema {topic}",),
        "project": ("Projekte zum Thema {topic} mit Partnern {in_country}",),
        "interview": ("Interview: „Partnerschaft braucht Geduld“",),
        "funding_call": ("Förderaufruf: {topic} in kommunalen Partnerschaften",),
        "publication": ("Neue Publikation zum Thema {topic}",),
        "statement": ("Solidarität mit den Kommunen {in_country}",),
        "award": ("Preis für kommunales Engagement",),
    },
    kinds={
        "news": (),
        "conference": (
            "Bei der Fachtagung in {venue} diskutierten mehr als {n} Teilnehmende über {topic}.",
            "Beim Netzwerktreffen in {venue} kamen {n} Kommunen zusammen.",
        ),
        "project": ("Das gemeinsame Projekt wird in den kommenden zwei Jahren umgesetzt.",),
        "interview": ("Im Interview spricht {person} über das Thema {topic}.",),
        "funding_call": (
            "Die Ausschreibung läuft bis zum {deadline}; Kommunen können sich mit Projekten bewerben.",
        ),
        "publication": ("Eine neue Broschüre zeigt, wie Kommunen beim Thema {topic} zusammenarbeiten.",),
        "statement": ("In einer gemeinsamen Erklärung bekundeten beide Räte ihre Solidarität.",),
        "award": ("Die Partnerschaft wurde mit einem Preis ausgezeichnet.",),
    },
    kinds_general={
        "news": (),
        "conference": ("Mehr als {n} Teilnehmende waren bei der Online-Konferenz dabei.",),
        "project": ("Die Projekte werden in den kommenden zwei Jahren umgesetzt.",),
        "interview": ("Im Interview spricht {person} darüber, was Partnerschaften trägt.",),
        "funding_call": ("Bewerbungen sind bis zum {deadline} möglich.",),
        "publication": ("Eine neue Broschüre sammelt Beispiele aus {n} Kommunen.",),
        "statement": ("In einer gemeinsamen Erklärung bekundeten die Kommunen ihre Solidarität.",),
        "award": ("Die Gewinner des Wettbewerbs werden im Herbst bekannt gegeben.",),
    },
)
_TEXTS = {"en": _EN, "de": _DE}

_CAPTIONS = {
    "en": (
        "People stand in front of the town hall in {home}.",
        "People stand in front of a water tower in {partner}.",
        "A group photo of the delegation from {partner} in {home}.",
        "Two mayors shake hands in front of the flags of Germany and {country}.",
        "People sitting at a long table chatting.",
        "Graphics: Two cities balance on a pair of scales.",
        "Several people look upwards; buildings and flags in the background.",
    ),
    "de": (
        "Foto: Engagement Global/{photographer}",
        "Foto: Stadt {home}",
        "Gruppenfoto der Teilnehmenden der Partnerschaftskonferenz in {venue}",
        "Gruppenfoto der Delegation aus {partner}",
        "Zwei Bürgermeister geben sich vor dem Rathaus in {home} die Hand.",
        "Jugendliche stehen vor einem Rathaus und halten ein Transparent.",
    ),
}
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


def header(seed: int) -> str:
    """The listing's first line."""
    return f"Synthetic news listing generated by partnerdash synth (seed {seed}) — not real news"


# The listing's second paragraph. Longer than any caption, so the loader takes the two
# for text before the first item (and drops them), not for the first item's caption.
NOTICE = (
    "Every item below was invented by a program, for benchmarks and tests. The municipalities "
    "are real places taken from GeoNames, but the partnerships, events, people, quotations and "
    "dates are not: do not cite, publish or map them as facts. The same seed and number of "
    "items always give the same listing."
)


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
    return f"synthetic (partnerdash synth, seed {seed})"


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
