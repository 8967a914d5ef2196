"""How much more often a word is used than the place it might name explains.

German capitalises every noun, and GeoNames holds a village for many of them ("Welt",
"Ende", "Stelle"). Word frequency alone does not tell them apart — "Köln" is about as
frequent in German as "Buch" — but frequency *relative to the place's size* does: a
city's name is used about as often as its population predicts, an ordinary word far
more often. ``excess`` measures that gap in Zipf units (log10 of uses per billion
words, from the ``wordfreq`` lexicons, which ship offline):

    excess = zipf(word, language) − (log10(population) − offset[language])

``offset`` is the median of ``log10(population) − zipf(name)`` over the towns of 20,000+
inhabitants of the language's own countries, measured once by
``bench/fit_places.py`` and kept in ``data/place_model.toml``. GeoNames lists some
municipalities with far too few inhabitants, or none, so the excess is capped by the
word's own frequency above a rare word's.
"""

from __future__ import annotations

import math
from functools import lru_cache

# wordfreq's own code for "no language we know": then nothing is ordinary.
_LANGUAGES = frozenset({"de", "en"})


@lru_cache(maxsize=1 << 16)
def zipf(word: str, lang: str) -> float:
    """The word's Zipf frequency in ``lang`` (0 if unknown, or the language is not covered)."""
    # Imported here: it costs about 0.3 s of start-up, which a run reading only the store
    # never needs.
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang) if lang in _LANGUAGES else 0.0


def expected_zipf(population: int, offset: float) -> float:
    """How often a place of this size is named, by the fit the module docstring describes."""
    return math.log10(max(population, 1)) - offset


def excess(word: str, lang: str, population: int, offset: float, rare: float) -> float:
    """Zipf units by which ``word`` is used more than a place of ``population`` explains,
    and at most by how much it is used more than a rare word (Zipf ``rare``): a word seen
    once in ten million is nobody's ordinary word, however small the village it names
    ("Ebsdorfergrund", a municipality GeoNames lists with no inhabitants)."""
    frequency = zipf(word, lang)
    return min(frequency - expected_zipf(population, offset), frequency - rare)
