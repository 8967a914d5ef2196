"""Which of a place's names are indexed, as normalized keys.

Only names in Latin script are indexed: the news we read is English and German, and
the Arabic, Cyrillic or CJK alternates would triple the index for no match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from partnerdash.normalize import normalize

# Letters outside Latin (Greek, Cyrillic, Arabic, CJK...) from U+0250 on, except
# Latin Extended Additional (U+1E00-1EFF) and the Latin ligatures (U+FB00-FB06).
_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff\ufb00-\ufb06]")


def is_latin(text: str) -> bool:
    """True if every letter of ``text`` is a Latin letter."""
    return text.isascii() or _NON_LATIN.search(text) is None


_CODE_LIKE = re.compile(r"[A-Z]{2,4}")  # IATA/ICAO codes and abbreviations: HAJ, NOLA
_THREE_LETTERS = re.compile(r"[^\W\d_][\W\d_]*[^\W\d_][\W\d_]*[^\W\d_]")


def _is_code_or_junk(raw: str) -> bool:
    """Alternate names that are codes, postal codes or URLs rather than names."""
    if "://" in raw or raw.startswith("www."):
        return True
    if _CODE_LIKE.fullmatch(raw):
        return True
    return _THREE_LETTERS.search(raw) is None  # postal codes "D-80331", numbers


def primary_keys(names: Iterable[str]) -> set[str]:
    """Keys of a place's own names: kept however short (Finland's "Ii"), if Latin."""
    keys = (normalize(n) for n in names if n and is_latin(n))
    return {k for k in keys if k}


def alternate_keys(names: Iterable[str]) -> set[str]:
    """Keys of a place's alternate names, dropping codes, junk and non-Latin names."""
    keys: set[str] = set()
    for raw in names:
        raw = raw.strip()
        if not raw or not is_latin(raw) or _is_code_or_junk(raw):
            continue
        key = normalize(raw)
        if len(key) >= 3:
            keys.add(key)
    return keys
