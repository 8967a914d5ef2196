"""English or German: which language's function words an item uses most.

Only the two languages of the archive are told apart, and short texts decide on a
handful of words — a counted list of function words does this reliably and fast,
where general language detectors are slower and not deterministic on short text.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache

from partnerdash import settings

UNKNOWN = "und"
_WORD = re.compile(r"[^\W\d_]+")
_GERMAN_LETTERS = re.compile(r"[äöüß]")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    table = tomllib.loads(settings.resource("stopwords.toml").read_text(encoding="utf-8"))
    return {lang: frozenset(words) for lang, words in table.items()}


def detect_language(text: str) -> str:
    counts = dict.fromkeys(_stopwords(), 0)
    for word in _WORD.findall(text.casefold()):
        for lang, words in _stopwords().items():
            if word in words:
                counts[lang] += 1
    if "de" in counts:
        counts["de"] += len(_GERMAN_LETTERS.findall(text.casefold()))
    best = max(counts, key=lambda lang: counts[lang])
    if counts[best] == 0 or list(counts.values()).count(counts[best]) > 1:
        return UNKNOWN
    return best
