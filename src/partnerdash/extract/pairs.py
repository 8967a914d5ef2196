"""Partnerships the text states between two of the names found in it.

Shapes, in English and German:

* a dash between two names — "Leipzig-Kyiv", "Hildesheim – Padang",
  "Klimapartnerschaft Jena – San Marcos", "Rhineland-Palatinate – Rwanda";
* "X and Y" / "X und Y" after a partnership word in the same sentence — "the
  municipal partnership between Munich and Harare", "the partner communities of
  Al Mohammara and Opfenbach", "Städtepartnerschaft zwischen X und Y";
* "X and its partner city Y" / "X und ihre Partnerstadt Y" / "Leipzigs Partnerstadt Kiew",
  "X has been twinned with Y", "X's partnership with Y", and "Y, X's sister city";
* "X and Y" with no partnership word, when one is a German municipality and the other a
  municipality abroad — in this archive that is how partnerships are named in titles.

A name may carry a qualifier that is skipped over: "Eckernförde in Schleswig-Holstein
and its partner town Tanga", "Padang (Indonesia)".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from partnerdash.extract.mentions import Mention
from partnerdash.extract.rules import PlaceRules

KindOf = Callable[[Mention], "str | None"]

_DASH = re.compile(r"\s*[-‐‑–—]\s*|\s+/\s+")
_AND = re.compile(r"\s*,?\s*(?:and|und|&)\s+", re.IGNORECASE)
_PARTNER_WORD = (
    r"(?:partner\s+(?:city|town|municipality|community|district|region)|sister\s+(?:city|town)|"
    r"twin\s+(?:city|town)|partnerstadt|partnergemeinde|partnerkommune|partnerkreis|partnerregion|"
    r"schwesterstadt)"
)
_PARTNER_OF = re.compile(
    r"(?:['’´]s)?\s*,?\s*(?:(?:and|und|with|mit|together\s+with|gemeinsam\s+mit)\s+)?"
    r"(?:(?:its|their|her|his|ihre[mnrs]?|seine[mnrs]?|der|die|the)\s+)?(?:[\w-]+\s+)?"
    rf"{_PARTNER_WORD}\s*",
    re.IGNORECASE,
)
_TWINNED_WITH = re.compile(
    r"(?:['’´]s)?\s*(?:(?:has|have|had)\s+been\s+|is\s+|are\s+|was\s+)?(?:über\s+)?"
    r"(?:(?:its|their|ihre|seine)\s+)?(?:(?:long-standing|langjährige)\s+)?"
    r"(?:twinned|partnered|partnership|partnerschaft|städtepartnerschaft|klimapartnerschaft)\s+"
    r"(?:with|mit)\s+(?:(?:der|dem|den|the)\s+)?(?:(?:gemeinde|stadt|city\s+of|town\s+of|municipality\s+of)\s+)?",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"\s*,\s*")
_OWNER = re.compile(rf"['’´]s\s+(?:[\w-]+\s+)?{_PARTNER_WORD}", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"\)?\s*(?:,|\(|\b(?:in|im|on|near|bei|am)\b(?:\s+[^\s,.;:]+){0,3}?)\s*",
    re.IGNORECASE,
)
_CLOSE = re.compile(r"\s*\)")
_CUE_WINDOW = 120
# The words between two names of a pair are a short phrase. The patterns above, with their
# runs of optional spaces, backtrack polynomially on long gaps: 8,000 spaces took 17 s.
_MAX_GAP = 200
_SENTENCE_END = re.compile(r"[.!?]\s")
QUALIFIERS = frozenset({"region", "country"})


@dataclass(frozen=True)
class PairLink:
    a: Mention
    b: Mention
    phrase: str
    stated: bool  # False: only "X and Y", a pair if one is German and the other not


@dataclass
class _Group:
    head: Mention
    end: int


def find_pairs(text: str, mentions: list[Mention], rules: PlaceRules, kind_of: KindOf) -> list[PairLink]:
    links: list[PairLink] = []
    for first, second in pairwise(_groups(text, mentions, kind_of)):
        a, b = first.head, second.head
        gap = text[first.end : b.start]
        if len(gap) > _MAX_GAP:
            continue
        both_countries = kind_of(a) == "country" and kind_of(b) == "country"
        if _DASH.fullmatch(gap):
            links.append(PairLink(a, b, _phrase(text, a, b), stated=True))
        elif both_countries:
            continue
        elif "country" in (kind_of(a), kind_of(b)):
            continue  # a country has no "partner city"; "X in Ukraine and its partner Y" is X's
        elif _PARTNER_OF.fullmatch(gap) or _TWINNED_WITH.fullmatch(gap):
            links.append(PairLink(a, b, _phrase(text, a, b), stated=True))
        elif _APPOSITION.fullmatch(gap) and _OWNER.match(text, b.end):
            links.append(PairLink(b, a, _phrase(text, a, b), stated=True))
        elif _AND.fullmatch(gap):
            stated = _cue_before(text, a, rules)
            if stated or {kind_of(a), kind_of(b)} <= {"municipality", None}:
                links.append(PairLink(a, b, _phrase(text, a, b), stated=stated))
    return links


def _groups(text: str, mentions: list[Mention], kind_of: KindOf) -> list[_Group]:
    """Mentions with their qualifiers folded in: "Corinto in Nicaragua" is one group."""
    groups: list[_Group] = []
    for mention in mentions:
        if groups and kind_of(mention) in QUALIFIERS and kind_of(groups[-1].head) not in QUALIFIERS:
            gap = text[groups[-1].end : mention.start]
            if len(gap) <= _MAX_GAP and _QUALIFIER.fullmatch(gap):
                close = _CLOSE.match(text, mention.end)
                groups[-1].end = close.end() if close else mention.end
                continue
        groups.append(_Group(mention, mention.end))
    return groups


def _cue_before(text: str, mention: Mention, rules: PlaceRules) -> bool:
    window = text[max(0, mention.start - _CUE_WINDOW) : mention.start]
    sentence = _SENTENCE_END.split(window)[-1]
    return rules.pair_cue.search(sentence) is not None


def _phrase(text: str, a: Mention, b: Mention) -> str:
    """The words that state the partnership: from the sentence's start (at most 60
    characters back) to the second name."""
    first, last = min(a.start, b.start), max(a.end, b.end)
    start = max(0, first - 60)
    sentence_starts = [m.end() for m in _SENTENCE_END.finditer(text, start, first)]
    cut = sentence_starts[-1] if sentence_starts else (text.rfind(" ", 0, start) + 1 if start else 0)
    return " ".join(text[cut:last].split())
