"""The one key used for every place-name lookup.

``normalize`` is applied both when the gazetteer index is built and to every name
looked up (or matched in text), so two spellings of one place meet only if they
normalize to the same string. It is deliberately conservative: it erases
differences of *form* (case, accents, punctuation, "St." vs "Saint" vs "Sankt"),
never differences of *name* (Kiew vs Kyiv is left to the gazetteer's alternate names).

Decisions, each with the spelling pair it serves:

* NFKC first, then casefold: full-width and ligature forms, ``ß`` → ``ss``.
* Diacritics are folded (``München`` → ``munchen``, ``Kraków`` → ``krakow``), and so
  are the Latin letters that Unicode does not decompose (``Łódź`` → ``lodz``,
  ``Ærø`` → ``aero``). German umlaut transcriptions (``Muenchen``) are *not*
  folded to ``u``: "ue" is too common inside real names (Mueller, Manuel, Quellen).
* Apostrophes ``´ ' ’ ` ʼ ‘`` all become ``'``: "There´s", "L'Aquila", "'s-Hertogenbosch".
* Hyphens, dashes, underscores and dots become spaces: "La Chapelle-Saint-Luc" ==
  "La Chapelle Saint Luc", "Frankfurt a.M." == "Frankfurt a M".
* The saint tokens are unified, anywhere in the name: "st", "saint", "sankt" → ``st``,
  "ste", "sainte" → ``ste``. GeoNames writes "Sankt Ingbert" while the town
  writes "St. Ingbert"; France writes "Saint-Malo" and news "St Malo". Mapping all
  three to one token keeps a single key per name (indexing every variant would
  multiply the index) at the price of equating "Sankt X" with "Saint X" — which
  are the same saint anyway, and real towns named so differ by country.
* Whitespace is collapsed and stripped, so the key never holds a newline.
"""

from __future__ import annotations

import re
import unicodedata

# Latin letters without a canonical decomposition: NFKD leaves them whole.
_UNDECOMPOSED = {
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "æ": "ae",
    "œ": "oe",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    "ŀ": "l",
    "ɨ": "i",
}
_APOSTROPHES = dict.fromkeys("´’‘`ʼʻ′", "'")
# Hyphen-minus, underscore, dot, the Unicode hyphens and dashes, minus sign, soft hyphen.
_SEPARATORS = dict.fromkeys("-_.\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad", " ")
# One C-level pass instead of a Python loop per character: the gazetteer build
# normalizes about a million names. Combining marks are deleted (after NFKD): the
# blocks that Latin script uses (non-Latin names never reach the index anyway).
_COMBINING_BLOCKS = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F))
_COMBINING = dict.fromkeys(cp for low, high in _COMBINING_BLOCKS for cp in range(low, high + 1))
_FOLD = str.maketrans({**_UNDECOMPOSED, **_SEPARATORS}) | _COMBINING
# Apostrophes go first: NFKC itself turns "´" into a space and a combining accent.
_UNIFY_APOSTROPHES = str.maketrans(_APOSTROPHES)
# ASCII names (most of them) take a bytes table: a C lookup per byte, 5x faster.
_ASCII_FOLD = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ`-_.", b"abcdefghijklmnopqrstuvwxyz'   ")
_SAINTS = {"saint": "st", "sankt": "st", "sainte": "ste"}
_SAINT_WORD = re.compile(r"\b(?:saint|sankt|sainte)\b")


def fold_diacritics(text: str) -> str:
    """Drop combining marks after compatibility decomposition; map undecomposable letters."""
    return unicodedata.normalize("NFKD", text).translate(_FOLD)


def _unify_saints(text: str) -> str:
    if "sa" not in text:  # cheap guard: saint, sankt and sainte all contain it
        return text
    return _SAINT_WORD.sub(lambda match: _SAINTS[match.group()], text)


def normalize(name: str) -> str:
    """The lookup key of a place name: see the module docstring for each rule."""
    if name.isascii():  # most names: NFKC, casefold and folding change nothing but case
        text = name.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
    else:
        text = unicodedata.normalize("NFKC", name.translate(_UNIFY_APOSTROPHES)).casefold()
        text = fold_diacritics(text)
    # split() without argument splits on any whitespace run and drops the ends.
    return _unify_saints(" ".join(text.split()))
