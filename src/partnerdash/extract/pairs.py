"""Partnerships the text states between the names found in it.

The names of one text are first read as groups and lists. A group is a name with its
qualifiers folded in: "Eckernförde in Schleswig-Holstein", "Padang (Indonesia)",
"Wrocław (Breslau)", "Ottobrunn, near Munich". A list is a run of groups joined by
commas and "and": "Grasse, Kirkcaldy and Murrhardt", "Eltville und der Stadt Montrichard".
A partnership is then stated between two neighbouring lists, or inside a list of two.

Between two lists, in English and German:

* a dash — "Leipzig-Kyiv", "Hildesheim – Padang", "Klimapartnerschaft Jena – San Marcos",
  "Rhineland-Palatinate – Rwanda"; a bare hyphen only with a partnership word near it,
  so that "Friedrichshain-Kreuzberg" or "Bad Sooden-Allendorf" stay one name;
* a partner word — "X and its partner city Y", "X und ihre Partnerstädte A, B und C",
  "Leipzigs Partnerstadt Kiew", "X ist auch Partnerstadt von Y", "A and B are now sister
  cities of C", "C now has three sister cities, A, B and D";
* a partnership with — "X has been twinned with Y", "X pflegt seit 1990
  eine Städtepartnerschaft mit Y", "Y became sister cities with X";
* an owner after — "Y, X's sister city", "A, B and C are X's sister cities",
  "Y, which is X's sister city";
* the partner word before an owner — "die Partnerstädte Ingolstadts: A, B und C";
* "X mit Y" after a partnership word — "die Partnerschaft der Gemeinde X mit der Gemeinde Y";
* a delegation's visit — "a delegation from Y visited X", only when the sentence has a
  partnership word: a visit alone is no partnership.

Each member of the one list is paired with each member of the other. A list between two
statements is split at its first comma: "Bern twinned with Gent, Turku and Split are
sister cities of Graz" pairs Bern–Gent, Turku–Graz and Split–Graz.

Inside a list of two, "X und Y" is stated by a partnership word just before ("die
Städtepartnerschaft zwischen X und Y", "the partner communities of X and Y") or after it
in the sentence ("X und Y feiern ihre Städtepartnerschaft"). With no partnership word
it is an unstated link, a pair only if one is a German municipality and the other a
municipality abroad: in this archive that is how partnerships are named in titles.

A partner named with no other side — "die Partnerstädte Trondheim, Gyönk und Brescia",
"a delegation from its sister city Harpenden" — is a :class:`HostedLink`: its other side is
the municipality the item is about, which only the resolved item tells (geocode.resolve).

Only municipalities form municipal pairs. A country is never a side, except of a dash
between a region and a country ("Rhineland-Palatinate – Rwanda"); links with a region
side, or named by a regional partner word ("Partnerkreis", "partner county"), have
``kind == "other"``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from partnerdash.extract.mentions import Mention
from partnerdash.extract.partner_words import OWN_PARTNER, PARTNER_WORD
from partnerdash.extract.rules import PlaceRules

KindOf = Callable[[Mention], "str | None"]

QUALIFIERS = frozenset({"region", "country"})
MUNICIPAL = "municipal"
OTHER = "other"

# The words between two names of a pair are a short phrase. Patterns with runs of
# optional spaces backtrack polynomially on long gaps (8,000 spaces took 17 s): every
# pattern below is only tried on a gap of at most this many characters.
_MAX_GAP = 200
# A list longer than this is a listing, not the side of a partnership.
_MAX_LIST = 12
_PARTNER_SHAPES = frozenset({"partner", "owner", "partners of"})
_CUE_WINDOW = 120
_WITH_CUE_WINDOW = 250
_AFTER_WINDOW = 100
_HYPHEN_WINDOW = 40

_ARTICLE = r"(?:der|die|das|dem|den|des|the)"
_TYPE = (
    r"(?:city|cities|town|towns|municipality|municipalities|village|commune|community|borough|"
    r"stadt|städte|städten|gemeinde|gemeinden|kommune|kommunen|ortsgemeinde|verbandsgemeinde|"
    r"stadtbezirk|bezirk|ort|dorf|kleinstadt|hauptstadt|capital|hansestadt|kreisstadt|"
    r"landkreis|landkreises|kreis|kreises|county|district)"
)
# Article, adjective and type word before a name: "der Stadt", "the French city of".
_LEAD = rf"(?:{_ARTICLE}\s+)?(?:(?:[\w-]+\s+)?{_TYPE}\s+(?:of\s+)?)?"
_REGION_PARTNER_WORD = (
    r"(?:partner\s+(?:regions?|district|districts|count(?:y|ies)|provinces?|states?)|"
    r"partner(?:land)?kreis(?:e|es)?|partnerregion(?:en)?|partnerprovinz(?:en)?|partnerland)"
)
_ANY_PARTNER_WORD = rf"(?:(?P<region>{_REGION_PARTNER_WORD})|{PARTNER_WORD})"
_PARTNERSHIP = (
    r"(?:twinned|partnered|paired|verschwistert|partnerschaftlich\s+verbunden|"
    r"partnerships?|twinning|(?:städte|klima|projekt|nachhaltigkeits)?partnerschaft(?:en)?|"
    r"städtefreundschaft|sister\s+cities|twin\s+towns)"
)
# German names of partnership associations: "Partnerverein X-Y", "Freundeskreis X-Y",
# "Partnerschaftskomitee X-Y".
_PARTNER_COMPOUND = r"(?<!\w)(?:städte|klima)?(?:partner|freundeskreis|freundschafts)\w*"
_WORDS = r"(?:[\w-]+\s+){0,4}"
_TAIL = rf"(?:(?:of|von|with|mit|der|des)\s+)?{_LEAD}"

_BARE_HYPHEN = re.compile(r"[-‐‑]")
# An unbalanced bracket or a short one before the dash: "Lubań ( Lauban) — Goslar",
# "Wrocław (Breslau) — Wiesbaden".
_DASH = re.compile(r"\s*\)?\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-‐‑–—]\s*|/\s+)")
# A region the gazetteer lacks: "Eltville in Rheingau and Montrichard".
_LOOSE_QUALIFIER = r"(?:\s+(?:in|im|near|bei)\s+(?:(?:der|dem|the)\s+)?(?-i:[A-ZÄÖÜ][\w-]*))?"
_AND_JOIN = re.compile(rf"{_LOOSE_QUALIFIER}\s*(?:,\s*)?(?:and|und|&|sowie)\s+{_LEAD}", re.IGNORECASE)
_COMMA_JOIN = re.compile(r"[^\S\n]*,[^\S\n]*")
_PARTNER_OF = re.compile(
    rf"(?:['’´]s)?\s*(?:,\s*)?{_WORDS}{_ANY_PARTNER_WORD}\s*(?:[,:]\s*)?{_TAIL}", re.IGNORECASE
)
_TWINNED_WITH = re.compile(
    rf"(?:['’´]s)?\s*(?:,\s*)?{_WORDS}{_PARTNERSHIP}\s+(?:with|mit|zu|to)\s+{_LEAD}", re.IGNORECASE
)
_OWNER_GAP = re.compile(
    r"\s*(?:,\s*)?(?:(?:which|that)\s+)?"
    r"(?:(?:is|are|was|were|became|become|has\s+become|have\s+become|remains?)\s+)?"
    r"(?:(?:now|also|officially)\s+)?",
    re.IGNORECASE,
)
_OWNER_AFTER = re.compile(rf"(?:['’´]s)?\s+(?:[\w-]+\s+){{0,2}}{_ANY_PARTNER_WORD}(?!\w)", re.IGNORECASE)
_POSSESSIVE_END = re.compile(r"['’´]s$")
_GENITIVE_GAP = re.compile(r"\s*[:,]\s*|\s+")
_PARTNER_WORD_BEFORE = re.compile(rf"{_ANY_PARTNER_WORD}\s+$", re.IGNORECASE)
# A town's partner word right before a list, with nothing between that could name the
# owner ("Partnerstadt von X", "twin town of X" and "Partnerstadt der Stadt X" name it).
_HOSTED_BEFORE = re.compile(rf"(?<![\w-]){PARTNER_WORD}\s*:?\s+$", re.IGNORECASE)
_WITH = re.compile(rf"\s+(?:mit|with)\s+{_LEAD}", re.IGNORECASE)
_VISIT = re.compile(
    rf"\s+(?:(?:has|have|had|hat|haben)\s+)?(?:visited|visits|besuchte|besuchten|besucht|besuchen|"
    rf"(?:reiste|reisten|travelled|traveled)\s+(?:nach|to))\s+{_LEAD}",
    re.IGNORECASE,
)
_DELEGATION_BEFORE = re.compile(
    rf"(?:delegation|visitors|gäste|besucher)\s+(?:from|of|aus)\s+{_LEAD}$", re.IGNORECASE
)
# Before a list of two: its members are somebody else's partners, not each other's.
_NOT_EACH_OTHER = re.compile(
    rf"(?<!\w)(?:(?:with|mit|both|sowohl|aus|from|nach|to|in|im|an|am|at|on|bei|near|für|for|über|via)\s+{_LEAD}|"
    rf"{OWN_PARTNER}\s+)$",
    re.IGNORECASE,
)
# "zwischen den Gemeinden aus X und Y": the partners of each other after all.
_BETWEEN_FROM = re.compile(r"(?<!\w)(?:between|zwischen)\s+(?:[\w-]+\s+){0,3}(?:aus|from)\s+$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(rf"(?<!\w)(?:between|zwischen)\s+{_LEAD}$", re.IGNORECASE)
_REGION_BEFORE = re.compile(
    rf"(?<!\w)(?:{_REGION_PARTNER_WORD}|landkreis(?:es)?|kreis(?:es)?|bundesland(?:es)?|provinz|"
    r"(?:county|state|province|region)\s+of)\s+$",
    re.IGNORECASE,
)
_REGION_AFTER = re.compile(r"\s+(?:region|county|province|oblast)(?!\w)", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"\)?\s*(?:,|\(|\b(?:in|im|on|near|bei|am)\b(?:\s+[^\s,.;:]+){0,3}?)\s*",
    re.IGNORECASE,
)
# A town named to place another: "Ottobrunn, near Munich", "the Steglitz district in Berlin".
_NEAR_TOWN = re.compile(
    r"\s*(?:,\s*)?(?:near|nahe|bei|close\s+to|(?:district|borough|bezirk|stadtteil|ortsteil)\s+(?:in|of|von))\s+",
    re.IGNORECASE,
)
_BRACKET = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")
# A statement that ends in a colon at the end of its line, a list below it.
_LIST_INTRO = re.compile(r":[^\S\n]*\n")
_LIST_STATEMENT = 300
_TYPE_OF_AFTER = re.compile(rf"\s+{_TYPE}\s+of\s", re.IGNORECASE)
_LINE = re.compile(r"[^\n]*")
_LIST_MARK = re.compile(r"[^\S\n]*(?:[•·▪‣◦*–—-]|(?P<number>\d{1,2})[.)])[^\S\n]")
_CLAUSE_END = re.compile(r"[.!?;](?=\s)|\n")
_SENTENCE_END = re.compile(r"[.!?]\s")


@dataclass(frozen=True)
class PairLink:
    a: Mention
    b: Mention
    phrase: str
    stated: bool  # False: only "X and Y", a pair if one is German and the other not
    kind: str = MUNICIPAL  # "other": a side is a region or a country, not a municipal pair
    shape: str = ""  # how the text states it: "dash", "partner", "twinned", "owner", "and", ...


@dataclass(frozen=True)
class HostedLink:
    """Partners whose other side the text leaves to the reader: the item's own town."""

    partners: tuple[Mention, ...]
    phrase: str


@dataclass
class _Group:
    head: Mention
    end: int
    region: bool = False  # the text calls it a district or region: "Landkreis X", "X region"


@dataclass
class _Unit:
    """A list of groups: "Grasse, Kirkcaldy and Murrhardt"; most often just one."""

    groups: list[_Group]
    joins: list[str] = field(default_factory=list)  # "and" or "comma", between the groups

    @property
    def start(self) -> int:
        return self.groups[0].head.start

    @property
    def end(self) -> int:
        return self.groups[-1].end


@dataclass(frozen=True)
class _Relation:
    shape: str
    stated: bool = True
    regional: bool = False  # named by a regional partner word: "Partnerkreis"


def find_pairs(text: str, mentions: list[Mention], rules: PlaceRules, kind_of: KindOf) -> list[PairLink]:
    return find_links(text, mentions, rules, kind_of)[0]


def find_links(
    text: str, mentions: list[Mention], rules: PlaceRules, kind_of: KindOf
) -> tuple[list[PairLink], list[HostedLink]]:
    """The partnerships stated between names, and the partners named with no other side."""
    units = _units(text, _compounds(text, _groups(text, mentions, kind_of), rules))
    relations = _relations(text, units, rules)
    links: list[PairLink] = []
    hosted: list[HostedLink] = []
    for i, relation in enumerate(relations):
        if relation is not None:
            links.extend(_between(text, units, relations, i, relation, kind_of))
    for i, unit in enumerate(units):
        has_role = (i > 0 and relations[i - 1] is not None) or (
            i < len(relations) and relations[i] is not None
        )
        if not has_role:
            links.extend(_inside(text, unit, rules, kind_of))
            hosted.extend(_hosted(text, unit))
    listed, owner_less = _lists(text, [group for unit in units for group in unit.groups], rules, kind_of)
    return _distinct(links + listed), hosted + owner_less


# --- groups and lists ---------------------------------------------------------------


def _groups(text: str, mentions: list[Mention], kind_of: KindOf) -> list[_Group]:
    """Mentions with their qualifiers folded in: "Corinto in Nicaragua" is one group."""
    groups: list[_Group] = []
    for mention in mentions:
        if groups and _folds(text, groups[-1], mention, kind_of):
            close = _CLOSE.match(text, mention.end)
            groups[-1].end = close.end() if close else mention.end
            continue
        groups.append(_Group(mention, mention.end, _regional(text, mention, kind_of)))
    return groups


def _folds(text: str, group: _Group, mention: Mention, kind_of: KindOf) -> bool:
    gap = text[group.end : mention.start]
    if len(gap) > _MAX_GAP:
        return False
    kind, head_kind = kind_of(mention), kind_of(group.head)
    if (kind in QUALIFIERS and head_kind not in QUALIFIERS) or (kind, head_kind) == ("country", "region"):
        return _QUALIFIER.fullmatch(gap) is not None  # "Corinto in Nicaragua", "Ohio, US"
    if _BRACKET.fullmatch(gap) and _CLOSE.match(text, mention.end):
        return True  # an old or other name in brackets: "Wrocław (Breslau)"
    return _NEAR_TOWN.fullmatch(gap) is not None


def _regional(text: str, mention: Mention, kind_of: KindOf) -> bool:
    if kind_of(mention) == "region":
        return True
    before = text[max(0, mention.start - 40) : mention.start]
    return _REGION_BEFORE.search(before) is not None or _REGION_AFTER.match(text, mention.end) is not None


def _compounds(text: str, groups: list[_Group], rules: PlaceRules) -> list[_Group]:
    """Names joined by a bare hyphen are one double name ("Friedrichshain-Kreuzberg",
    "Baden-Württemberg") unless a partnership word stands next to them ("Leipzig-Kyiv:
    a dynamic partnership")."""
    merged: list[_Group] = []
    for i, group in enumerate(groups):
        last = merged[-1] if merged else None
        if last is not None and _BARE_HYPHEN.fullmatch(text[last.end : group.head.start]):
            following = groups[i + 1] if i + 1 < len(groups) else None
            if not _hyphen_pair(text, last, group, following, rules):
                last.end = group.end
                continue
        merged.append(group)
    return merged


def _hyphen_pair(text: str, a: _Group, b: _Group, following: _Group | None, rules: PlaceRules) -> bool:
    if a.region or b.region or not _cue_next_to(text, a.head.start, b.end, rules):
        return False
    # "Steglitz-Zehlendorf (Berlin) – Brookline": a dash to a third name.
    gap = text[b.end : following.head.start] if following else ""
    return following is None or len(gap) > _MAX_GAP or not _DASH.fullmatch(gap)


def _units(text: str, groups: list[_Group]) -> list[_Unit]:
    units: list[_Unit] = []
    for group in groups:
        join = _join(text, units[-1], group) if units else None
        if join is not None and len(units[-1].groups) < _MAX_LIST:
            units[-1].groups.append(group)
            units[-1].joins.append(join)
        else:
            units.append(_Unit([group]))
    return units


def _join(text: str, unit: _Unit, group: _Group) -> str | None:
    gap = text[unit.end : group.head.start]
    if len(gap) > _MAX_GAP:
        return None
    if _AND_JOIN.fullmatch(gap):
        # "Kraków, and Odesa became …" joins two clauses; "Harare, Zimbabwe, and Munich" a list.
        clauses = "," in gap and len(unit.groups) == 1 and unit.end == unit.groups[0].head.end
        return None if clauses else "and"
    if _COMMA_JOIN.fullmatch(gap) and _possessed_partner(text, group.head) is None:
        return "comma"  # but "Thiès, Solingen's sister city" is no list
    return None


# --- statements between lists -------------------------------------------------------


def _relation(text: str, u: _Unit, v: _Unit, rules: PlaceRules) -> _Relation | None:
    gap = text[u.end : v.start]
    if len(gap) > _MAX_GAP:
        return None
    if _BARE_HYPHEN.fullmatch(gap):
        return _Relation("hyphen")  # not a double name: see _compounds
    if _DASH.fullmatch(gap):
        return _Relation("dash")
    partner = _PARTNER_OF.fullmatch(gap)
    if partner:
        return _Relation("partner", regional=partner.group("region") is not None)
    if _TWINNED_WITH.fullmatch(gap):
        return _Relation("twinned")
    owner = _owner_after(text, gap, v)
    if owner is not None:
        return owner
    return _relation_in_context(text, gap, u, rules)


def _owner_after(text: str, gap: str, v: _Unit) -> _Relation | None:
    """ "Y, X's sister city", "A and B became X's new sister cities"."""
    if len(v.groups) != 1 or not _OWNER_GAP.fullmatch(gap):
        return None
    after = _possessed_partner(text, v.groups[0].head)
    if after is None:
        return None
    return _Relation("owner", regional=after.group("region") is not None)


def _possessed_partner(text: str, head: Mention) -> re.Match[str] | None:
    """ "Solingen's sister city": the partner word after a possessive."""
    after = _OWNER_AFTER.match(text, head.end)
    if after is None:
        return None
    possessive = _POSSESSIVE_END.search(text[head.start : head.end]) or after.group().startswith(
        ("'", "’", "´")
    )
    return after if possessive else None


def _relation_in_context(text: str, gap: str, u: _Unit, rules: PlaceRules) -> _Relation | None:
    before = text[max(0, u.start - 60) : u.start]
    genitive = _PARTNER_WORD_BEFORE.search(before)
    if genitive and len(u.groups) == 1 and _GENITIVE_GAP.fullmatch(gap) and _genitive(text, u):
        return _Relation("partners of", regional=genitive.group("region") is not None)
    if _WITH.fullmatch(gap) and _cue_before(text, u.start, rules, _WITH_CUE_WINDOW):
        return _Relation("with")
    if _VISIT.fullmatch(gap) and _DELEGATION_BEFORE.search(before) and _cue_in_sentence(text, u, rules):
        return _Relation("visit")  # a visit alone is no partnership
    return None


def _genitive(text: str, u: _Unit) -> bool:
    head = u.groups[0].head
    written = text[head.start : head.end]
    return written.endswith("s") and not head.key.endswith("s")


def _relations(text: str, units: list[_Unit], rules: PlaceRules) -> list[_Relation | None]:
    relations = [_relation(text, u, v, rules) for u, v in pairwise(units)]
    for i, (relation, following) in enumerate(pairwise([*relations, None])):
        if relation is None or following is None:
            continue
        if relation.shape == "partner" and following.shape == "partners of":
            relations[i] = None  # "… die Partnerstädte Ingolstadts: A, B und C": not the name before
    return relations


def _between(
    text: str,
    units: list[_Unit],
    relations: list[_Relation | None],
    i: int,
    relation: _Relation,
    kind_of: KindOf,
) -> Iterator[PairLink]:
    u, v = units[i], units[i + 1]
    if relation.shape in ("dash", "hyphen"):
        sides = [(u.groups[-1], v.groups[0])]
    else:
        subjects = _members(u, subject=True, shared=i > 0 and relations[i - 1] is not None)
        objects = _members(v, subject=False, shared=i + 1 < len(relations) and relations[i + 1] is not None)
        sides = [(a, b) for a in subjects for b in objects]
    for a, b in sides:
        link = _link(text, a, b, relation, kind_of)
        if link is not None:
            yield link


def _members(unit: _Unit, subject: bool, shared: bool) -> list[_Group]:
    """The members of a list that a statement takes, as its subject (the list before it)
    or its object: all of "Grasse, Kirkcaldy and Murrhardt", only the nearest of
    "Opole, Poznań". A list that is the object of the statement before it and the subject of
    the one after is split at its first comma."""
    groups = unit.groups
    if shared:
        cut = unit.joins.index("comma") + 1 if "comma" in unit.joins else 1
        return groups[cut:] if subject else groups[:cut]
    if unit.joins and unit.joins[-1] == "and":
        return groups
    return groups[-1:] if subject else groups[:1]


def _link(text: str, a: _Group, b: _Group, relation: _Relation, kind_of: KindOf) -> PairLink | None:
    kinds = (kind_of(a.head), kind_of(b.head))
    if kinds == ("country", "country"):
        return None
    if "country" in kinds and relation.shape not in ("dash", "hyphen"):
        return None  # a country has no "partner city"; "X in Ukraine and its partner Y" is X's
    if relation.shape in _PARTNER_SHAPES and not relation.regional and (a.region or b.region):
        return None  # "the capital of Saarland … its partner city Bamako": a town's partner
    other = "country" in kinds or a.region or b.region or relation.regional
    kind = OTHER if other else MUNICIPAL
    return PairLink(a.head, b.head, _phrase(text, a.head, b.head), relation.stated, kind, relation.shape)


# --- statements inside a list of two --------------------------------------------------


def _inside(text: str, unit: _Unit, rules: PlaceRules, kind_of: KindOf) -> Iterator[PairLink]:
    if unit.joins != ["and"]:
        return
    a, b = unit.groups
    before = text[max(0, a.head.start - 60) : a.head.start]
    if _NOT_EACH_OTHER.search(before) and not _BETWEEN_FROM.search(before):
        return
    stated = (
        _cue_before(text, a.head.start, rules, _CUE_WINDOW)
        or (
            _BETWEEN_BEFORE.search(before) is not None
            and _cue_before(text, a.head.start, rules, _WITH_CUE_WINDOW, True)
        )
        or _cue_after(text, b.end, rules)
    )
    kinds = {kind_of(a.head), kind_of(b.head)}
    municipal = kinds <= {"municipality", None} and not (a.region or b.region)
    if stated and kinds != {"country"}:
        kind = MUNICIPAL if municipal else OTHER
        yield PairLink(a.head, b.head, _phrase(text, a.head, b.head), True, kind, "and")
    elif municipal:
        yield PairLink(a.head, b.head, _phrase(text, a.head, b.head), False, MUNICIPAL, "and")


def _hosted(text: str, unit: _Unit) -> list[HostedLink]:
    if _HOSTED_BEFORE.search(text, max(0, unit.start - 80), unit.start) is None:
        return []
    return _hosted_link(text, unit.groups)


def _hosted_link(text: str, groups: list[_Group]) -> list[HostedLink]:
    """The towns among ``groups`` as partners of the item's own town (a region is no town's partner)."""
    partners = tuple(g.head for g in groups if not g.region)
    return [HostedLink(partners, _phrase(text, partners[0], partners[-1]))] if partners else []


# --- a list under a statement ------------------------------------------------------


def _lists(
    text: str, groups: list[_Group], rules: PlaceRules, kind_of: KindOf
) -> tuple[list[PairLink], list[HostedLink]]:
    """Partners listed one per line under a statement ending in a colon: "Bingen maintains
    partnerships with six towns:" then "• With the English town of Hitchin since 1958."

    The first name of each marked line is a partner of the statement's one town or region,
    or of the item's own town when the statement names none ("Unsere Partnerstädte:" then
    "1. Trondheim"). A list is read once, whatever colons its lines hold, and only up to
    ``_MAX_LIST`` lines: a longer one is a listing.
    """
    starts = [g.head.start for g in groups]
    links: list[PairLink] = []
    hosted: list[HostedLink] = []
    read_to = 0
    for intro in _LIST_INTRO.finditer(text):
        if intro.start() < read_to:
            continue
        lines = _list_lines(text, intro.end())
        if not lines:
            continue
        read_to = lines[-1][1]
        start = intro.start() - len(_clause_before(text, intro.start(), _LIST_STATEMENT))
        if len(lines) > _MAX_LIST or rules.pair_cue.search(text, start, intro.start()) is None:
            continue
        partners = [g for line in lines if (g := _first_of(text, line, groups, starts, kind_of))]
        stated = groups[bisect_left(starts, start) : bisect_left(starts, intro.start())]
        owners = {g.head.key: g for g in stated if kind_of(g.head) != "country"}
        if not partners or len(owners) > 1:
            continue
        if not owners:
            hosted.extend(_hosted_link(text, partners))
            continue
        (owner,) = owners.values()
        found = (_link(text, owner, partner, _Relation("list"), kind_of) for partner in partners)
        links.extend(link for link in found if link is not None)
    return links, hosted


def _list_lines(text: str, position: int) -> list[tuple[int, int]]:
    """The spans of the marked lines from ``position`` on, blank lines between them
    allowed, until the first line without a bullet, or with a number out of turn ("12. Mai"
    is a date, not the first of a list). One more than ``_MAX_LIST`` at most."""
    lines: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, position):
        if not line.group().strip():
            continue
        mark = _LIST_MARK.match(line.group())
        if mark is None or (mark.group("number") and int(mark.group("number")) != len(lines) + 1):
            break
        lines.append(line.span())
        if len(lines) > _MAX_LIST:
            break
    return lines


def _first_of(
    text: str, line: tuple[int, int], groups: list[_Group], starts: list[int], kind_of: KindOf
) -> _Group | None:
    """The line's first name that is no country, nor an adjective before a type word
    ("the English town of Hitchin")."""
    start, end = line
    for group in groups[bisect_left(starts, start) : bisect_left(starts, end)]:
        if kind_of(group.head) != "country" and not _TYPE_OF_AFTER.match(text, group.end):
            return group
    return None


# --- partnership words near a name ----------------------------------------------------


def _clause_before(text: str, start: int, window: int) -> str:
    piece = text[max(0, start - window) : start]
    ends = [m.end() for m in _CLAUSE_END.finditer(piece)]
    return piece[ends[-1] :] if ends else piece


def _clause_after(text: str, end: int, window: int) -> str:
    piece = text[end : end + window]
    stop = _CLAUSE_END.search(piece)
    return piece[: stop.start()] if stop else piece


def _cue_before(text: str, start: int, rules: PlaceRules, window: int, across: bool = False) -> bool:
    piece = text[max(0, start - window) : start] if across else _clause_before(text, start, window)
    return rules.pair_cue.search(piece) is not None


def _cue_after(text: str, end: int, rules: PlaceRules) -> bool:
    return rules.pair_cue.search(_clause_after(text, end, _AFTER_WINDOW)) is not None


def _cue_next_to(text: str, start: int, end: int, rules: PlaceRules) -> bool:
    """A partnership word right before or after: "Städtepartnerschaft Karlsruhe-Nancy",
    "Leipzig-Kyiv: a dynamic partnership", "the Jena-San Marcos partnership"."""
    before, after = _cue_next_to_patterns(rules.pair_cue.pattern)
    return bool(before.search(text, max(0, start - _HYPHEN_WINDOW), start) or after.match(text, end))


@lru_cache(maxsize=8)
def _cue_next_to_patterns(cue: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    before = re.compile(rf"(?:{cue}|{_PARTNER_COMPOUND})\s+{_LEAD}$", re.IGNORECASE)
    after = re.compile(rf"(?:\s*:\s*(?:[\w-]+\s+){{0,3}}|\s+|-)(?:{cue}|{_PARTNER_COMPOUND})", re.IGNORECASE)
    return before, after


def _cue_in_sentence(text: str, unit: _Unit, rules: PlaceRules) -> bool:
    return _cue_before(text, unit.start, rules, _WITH_CUE_WINDOW) or _cue_after(text, unit.end, rules)


def _distinct(links: list[PairLink]) -> list[PairLink]:
    seen: set[frozenset[int]] = set()
    kept: list[PairLink] = []
    for link in sorted(links, key=lambda k: (not k.stated, min(k.a.start, k.b.start))):
        key = frozenset((id(link.a), id(link.b)))
        if key not in seen:
            seen.add(key)
            kept.append(link)
    return sorted(kept, key=lambda k: min(k.a.start, k.b.start))


def _phrase(text: str, a: Mention, b: Mention) -> str:
    """The words that state the partnership: from the sentence's start (at most 60
    characters back) to the second name."""
    first, last = min(a.start, b.start), max(a.end, b.end)
    start = max(0, first - 60)
    sentence_starts = [m.end() for m in _SENTENCE_END.finditer(text, start, first)]
    cut = sentence_starts[-1] if sentence_starts else (text.rfind(" ", 0, start) + 1 if start else 0)
    return " ".join(text[cut:last].split())
