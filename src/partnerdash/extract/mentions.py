"""Finding the names of places in one text, in a single pass over its words.

Every capitalised word starts a walk through the gazetteer's sorted names: the walk
goes on while some name begins with the words read so far, and keeps the longest
that is a whole name ("Cape Coast", "Rhineland-Palatinate", "Frankfurt am Main").
Names the gazetteer lacks are still caught where the text says they are places
("the municipality of Al Mohammara"), so they can be listed as unresolved.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from partnerdash.extract.partner_words import OWN_PARTNER
from partnerdash.extract.rules import PlaceRules
from partnerdash.normalize import normalize

_TOKEN = re.compile(r"\w+(?:['’´]\w+)*")
# What may stand between the words of one name: a space or a hyphen, nothing else.
_JOIN = re.compile(r"(?: |\u00a0|-|‐)")
# After an abbreviation, its full stop too: "St. Louis", "Ft. Worth".
_ABBREVIATION_JOIN = re.compile(r"\.[ \u00a0]?")
_POSSESSIVE = re.compile(r"['’´]s$")
_MAX_WORDS = 6
_QUALIFIER = re.compile(r" ?\(([^()\n]{1,30})\)")
_SLASH_QUALIFIER = re.compile(r"/([A-ZÄÖÜ][\w-]{1,30})\b")
# A river or region: one or two words, capitalised, not an abbreviation ("CDU", "UA").
_QUALIFIER_NAME = re.compile(r"[A-ZÄÖÜ][a-zäöüß.-]+(?: [\w.-]+)?")
_CONTINUES_CACHE = 500_000
# Words of an unknown name after a cue: capitalised, or the small words inside names.
_LINKS = r"(?:(?:al|el|de|la|le|am|an|der|im|in der|ob|on|upon|sur)[ -])?"
_TRAILING_LINK = re.compile(r"(?:[ -](?:al|el|de|la|le|am|an|der|im|in der|in|ob|on|upon|sur))*[ -]*$")
# A hyphenated name with a small lower-case word inside, "Terres-de-Caux", "Saint-Jean-de-Luz",
# "Stratford-upon-Avon", or a Romance one with spaces, "Belén de los Andaquís": no ordinary
# word and no pair of names is written so.
_CAP = r"[A-ZÄÖÜÀ-Ý][\w'’]*"
_OF = r"(?:de la|de las|de los|del|della|de|do|da|dos|di|du)"
_COMPOUND = re.compile(
    rf"(?<![\w-])(?:{_CAP}(?:-{_CAP})*(?:(?:-[a-zà-ÿ]{{1,4}})+-{_CAP})+(?:-{_CAP})*"
    rf"|{_CAP}(?: {_CAP})*(?: {_OF})+ {_CAP}(?:-{_CAP})*)(?![\w-])"
)
# Capitalised words right before a position: up to four, joined by spaces or hyphens.
_NAME_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÄÖÜ][\w'’-]*(?:[ -][A-ZÄÖÜ][\w'’-]*){0,3})$")
# What follows a town that has a place of its own: "X and its partner town", "X und ihre Partnerstadt".
_OWNER = re.compile(rf"(?<!\w)(?:and|und)\s+{OWN_PARTNER}(?!\w)", re.IGNORECASE)
_NAME_AFTER_CUE = re.compile(rf"\s+((?:[A-ZÄÖÜ][\w'’-]*)(?:[ -]{_LINKS}[A-ZÄÖÜ][\w'’-]*){{0,3}})")


Qualifies = Callable[[str, str], bool]


class Token(NamedTuple):  # a tuple: made for every word of every item, so cheap to build
    text: str
    key: str
    start: int
    end: int
    capitalised: bool


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        key, capitalised = _word(word)
        start, end = match.span()
        # tuple.__new__ skips NamedTuple's Python-level constructor: this runs for every word.
        tokens.append(_new_tuple(Token, (word, key, start, end, capitalised)))
    return tokens


_new_tuple = tuple.__new__


@lru_cache(maxsize=1 << 18)
def _word(word: str) -> tuple[str, bool]:
    """normalize() of one word and whether it is capitalised; words repeat across items."""
    return normalize(word), word[0].isupper()


@dataclass(slots=True)
class Mention:
    """A name in a text that may be a place, with where it stands."""

    field: str
    text: str
    key: str
    start: int
    end: int
    first: int  # index of its first token
    last: int  # index after its last token


class NameIndex:
    """Name keys (the gazetteer's and the overrides', each sorted), walked word by word.

    Whole names are looked up in a set — a hash per word keeps the pass over each text
    fast; whether a name goes on after some words is a binary search in the sorted keys.
    """

    def __init__(self, *sorted_keys: Sequence[str]) -> None:
        self._sorted = [keys for keys in sorted_keys if len(keys)]
        self._names: set[str] = set().union(*self._sorted)
        self._continues: dict[str, bool] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._names

    def continues(self, prefix: str) -> bool:
        """Whether some name starts with ``prefix`` followed by another word."""
        known = self._continues.get(prefix)
        if known is None:
            probe = prefix + " "
            known = any(
                (i := bisect_left(keys, probe)) < len(keys) and keys[i].startswith(probe)
                for keys in self._sorted
            )
            if len(self._continues) < _CONTINUES_CACHE:
                self._continues[prefix] = known
        return known


def _always(base: str, qualifier: str) -> bool:
    return True


def find_mentions(
    text: str, field_name: str, index: NameIndex, rules: PlaceRules, qualifies: Qualifies = _always
) -> tuple[list[Token], list[Mention]]:
    """The place names of ``text``. ``qualifies(name, word)``: whether a word in brackets
    after a name is part of it (a river), not a place or another name of it."""
    tokens = tokenize(text)
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        found = _longest_name(text, tokens, i, index, rules, qualifies) if tokens[i].capitalised else None
        if found is None:
            i += 1
            continue
        mentions.append(found)
        i = found.last
    mentions = _whole_compounds(text, tokens, mentions, rules)
    mentions.extend(_unknown_after_cues(text, field_name, tokens, mentions, rules))
    mentions.extend(_unknown_owners(text, field_name, tokens, mentions, rules))
    for mention in mentions:
        mention.field = field_name
    mentions.sort(key=lambda m: m.start)
    return tokens, mentions


def _longest_name(
    text: str, tokens: list[Token], i: int, index: NameIndex, rules: PlaceRules, qualifies: Qualifies
) -> Mention | None:
    best: Mention | None = None
    key = ""
    for j in range(i, min(i + _MAX_WORDS, len(tokens))):
        if j > i and not _joined(text, tokens[j - 1], tokens[j]):
            break
        key = f"{key} {tokens[j].key}" if key else _single_key(tokens[j])
        if key in index and tokens[j].capitalised and key not in rules.not_places:
            best = Mention(
                "", text[tokens[i].start : tokens[j].end], key, tokens[i].start, tokens[j].end, i, j + 1
            )
        if not index.continues(key):
            break
    if best is None and tokens[i].key.endswith("s") and len(tokens[i].key) > 4:
        # German genitive: "Leipzigs Partnerstadt", "Kiews Bürgermeister".
        stem = tokens[i].key[:-1]
        if stem in index and stem not in rules.not_places:
            token = tokens[i]
            best = Mention("", token.text, stem, token.start, token.end, i, i + 1)
    if best is not None and best.last == i + 1 and _POSSESSIVE.search(best.text):
        best.text = _POSSESSIVE.sub("", best.text)
    return _with_qualifier(text, tokens, best, index, rules, qualifies) if best is not None else None


def _joined(text: str, before: Token, after: Token) -> bool:
    gap = text[before.end : after.start]
    if _JOIN.fullmatch(gap):
        return True
    return len(before.text) <= 3 and before.capitalised and _ABBREVIATION_JOIN.fullmatch(gap) is not None


def _with_qualifier(
    text: str,
    tokens: list[Token],
    mention: Mention,
    index: NameIndex,
    rules: PlaceRules,
    qualifies: Qualifies,
) -> Mention:
    """The name with the river or region written after it, which is part of it:
    "Frankfurt (Oder)", "Allendorf/Lumda", "Heringen (Werra)".

    The longer name is looked up as the gazetteer writes such names ("Frankfurt (Oder)",
    "Allendorf an der Lumda"). A qualifier it does not know still belongs to the name as
    written, unless it names a place of its own ("Bonn/Neumarkt" is two towns, "X (Peru)"
    X's country), is another name of the same town ("Pleszew (Pleschen)") or is no name
    (an abbreviation, a year). A river in brackets may share a village's name elsewhere:
    "Taufkirchen (Vils)".
    """
    bracket = _QUALIFIER.match(text, mention.end)
    qualifier = bracket or _SLASH_QUALIFIER.match(text, mention.end)
    if qualifier is None:
        return mention
    written = qualifier.group(1)
    base, extra = normalize(text[mention.start : mention.end]), normalize(written)
    forms = [f"{base} ({extra})"] + [
        " ".join(filter(None, (base, link, extra))) for link in rules.qualifier_links
    ]
    longer = next((form for form in forms if form in index), None)
    own_place = not qualifies(base, extra) if bracket else extra in index
    if longer is None and (own_place or not _QUALIFIER_NAME.fullmatch(written)):
        return mention
    end = qualifier.end()
    last = next((k for k in range(mention.last, len(tokens)) if tokens[k].start >= end), len(tokens))
    return Mention(
        "", text[mention.start : end], longer or mention.key, mention.start, end, mention.first, last
    )


def _single_key(token: Token) -> str:
    return normalize(_POSSESSIVE.sub("", token.text)) if _POSSESSIVE.search(token.text) else token.key


def _whole_compounds(
    text: str, tokens: list[Token], mentions: list[Mention], rules: PlaceRules
) -> list[Mention]:
    """A compound name the indexes lack is one unknown name, not the places its parts
    happen to name ("Terres-de-Caux" is no town "Terres" in Italy)."""
    for compound in _COMPOUND.finditer(text):
        first = _token_at(tokens, compound.start())
        while tokens[first].key in rules.name_leads:  # "Gemeinde Belén de los Andaquís": the name after it
            first += 1
        start, end = tokens[first].start, compound.end()
        if not _COMPOUND.fullmatch(text, start, end):
            continue
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        if not inside or any(m.start < start < m.end or m.start < end < m.end for m in mentions):
            continue
        if any(m.start == start and m.end == end for m in inside):
            continue
        last = _token_at(tokens, end)
        written = text[start:end]
        mentions = [m for m in mentions if m not in inside]
        mentions.append(Mention("", written, normalize(written), start, end, first, last))
    return mentions


def _token_at(tokens: list[Token], position: int) -> int:
    """The index of the first token starting at or after ``position`` (or after the last)."""
    return next((k for k, t in enumerate(tokens) if t.start >= position), len(tokens))


def _unknown_after_cues(
    text: str, field_name: str, tokens: list[Token], known: list[Mention], rules: PlaceRules
) -> list[Mention]:
    """Names the indexes lack, where a cue ("the municipality of …") marks a place."""
    taken = [(m.start, m.end) for m in known]
    found: list[Mention] = []
    for cue in rules.unresolved_cue.finditer(text):
        if cue.group().split()[-1][0].isupper() and " " in cue.group():
            continue  # a cue written in title case is part of a name: "Sister City Agreement"
        position = cue.end()
        for _ in range(2):  # "partner communities of X and Y": both sides
            name = _NAME_AFTER_CUE.match(text, position)
            if name is None:
                break
            start, end = name.span(1)
            # "Gemeinde Xyz in der Ukraine": the name ends where a known name begins.
            end = min([s for s, _ in taken if start < s < end] + [end])
            words = _TRAILING_LINK.sub("", text[start:end])
            end = start + len(words)
            overlaps = any(s < end and start < e for s, e in taken)
            if words and not overlaps and normalize(words) not in rules.not_places:
                first, last = _token_at(tokens, start), _token_at(tokens, end)
                found.append(Mention(field_name, words, normalize(words), start, end, first, last))
                taken.append((start, end))
            joined = re.match(r"\s*(?:,|and|und|&)", text[end:])
            if joined is None:
                break
            position = end + joined.end()
    return found


def _unknown_owners(
    text: str, field_name: str, tokens: list[Token], known: list[Mention], rules: PlaceRules
) -> list[Mention]:
    """Names the indexes lack, where what follows says they have a place of their own:
    "Habichtswald and its partner town Solt"."""
    found: list[Mention] = []
    for owner in _OWNER.finditer(text):
        stop = owner.start()
        if stop == 0 or not text[stop - 1].isspace():
            continue
        while stop > 0 and text[stop - 1].isspace():
            stop -= 1
        name = _NAME_BEFORE.search(text, max(0, stop - 80), stop)
        if name is None:
            continue
        start, end = name.span(1)
        words = name.group(1).split(" ")
        while words and normalize(words[0]) in rules.name_leads:  # "Die Gemeinde X und ihre …": X
            start += len(words.pop(0)) + 1
        written = text[start:end]
        if not written or any(m.start < end and start < m.end for m in known + found):
            continue
        key = normalize(written)
        if key not in rules.not_places:
            found.append(
                Mention(
                    field_name, written, key, start, end, _token_at(tokens, start), _token_at(tokens, end)
                )
            )
    return found
