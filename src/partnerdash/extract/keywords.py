"""Keywords of the editable taxonomy: whole words, prefixes, compounds, phrases.

Matching is word by word: the text is split into words once, and each distinct word is
looked up in an index built from every keyword of every label (and remembered), so an
item costs a dictionary lookup per word rather than a regular expression per label.
Only phrases of several words are matched as patterns over the text.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any

from partnerdash import settings

# Endings a plain keyword may take without being written: plurals and German cases.
ENDINGS = ("s", "es", "e", "en", "n", "er", "ern", "ns")
WORD = re.compile(r"\w+")


def keyword_pattern(keyword: str) -> str:
    """Regex source for one keyword in the taxonomy's syntax (used for phrases)."""
    word = keyword.strip().casefold()
    head = r"\w*" if word.startswith("*") else ""
    tail = r"\w*" if word.endswith("*") else "(?:" + "|".join(ENDINGS) + ")?"
    core = r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", word.strip("*")))
    return rf"(?<!\w){head}{core}{tail}(?!\w)"


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


@dataclass(frozen=True)
class Label:
    """A topic or kind: its key and its names in each language."""

    key: str
    names: dict[str, str]

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names.get("en") or self.key


@dataclass
class KeywordIndex:
    """Which labels each word (or phrase) of a text stands for."""

    exact: dict[str, set[int]] = field(default_factory=dict)
    prefixes: list[tuple[str, int]] = field(default_factory=list)
    suffixes: list[tuple[str, int]] = field(default_factory=list)
    infixes: list[tuple[str, int]] = field(default_factory=list)
    # (first word, pattern, label): a phrase is looked for only in texts holding its first word
    phrases: list[tuple[str, re.Pattern[str], int]] = field(default_factory=list)
    _seen: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def add(self, keyword: str, label: int) -> None:
        word = keyword.strip().casefold()
        core = word.strip("*")
        if re.search(r"[\s-]", core):
            first = re.split(r"[\s-]", core)[0]
            pattern = re.compile(keyword_pattern(word), re.IGNORECASE)
            self.phrases.append(("" if word.startswith("*") else first, pattern, label))
        elif word.startswith("*") and word.endswith("*"):
            self.infixes.append((core, label))
        elif word.endswith("*"):
            self.prefixes.append((core, label))
        elif word.startswith("*"):
            self.suffixes.append((core, label))
        else:
            for form in (core, *(core + ending for ending in ENDINGS)):
                self.exact.setdefault(form, set()).add(label)

    def labels_of(self, word: str) -> tuple[int, ...]:
        known = self._seen.get(word)
        if known is None:
            found = set(self.exact.get(word, ()))
            found.update(i for p, i in self.prefixes if word.startswith(p))
            found.update(i for s, i in self.suffixes if word.endswith(s))
            found.update(i for s, i in self.infixes if s in word)
            known = self._seen[word] = tuple(sorted(found))
        return known

    def counts(self, tokens: Sequence[str], text: str) -> Counter[int]:
        """Hits per label: one per matching word, one per phrase occurrence."""
        present = set(tokens)
        for word in present.difference(self._seen):
            self.labels_of(word)
        # Every word is remembered now: a C-level lookup per word instead of a Python call.
        hits = Counter(chain.from_iterable(map(self._seen.__getitem__, tokens)))
        for first, pattern, label in self.phrases:
            if not first or first in present:
                found = len(pattern.findall(text))
                if found:
                    hits[label] += found
        return hits


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Label, ...]
    kinds: tuple[Label, ...]
    topic_index: KeywordIndex
    kind_index: KeywordIndex


def _labels(section: dict[str, Any]) -> tuple[tuple[Label, ...], KeywordIndex]:
    labels = []
    index = KeywordIndex()
    for number, (key, entry) in enumerate(section.items()):
        for keyword in (str(k) for lang in ("en", "de") for k in entry.get(lang, [])):
            index.add(keyword, number)
        labels.append(Label(key, {str(k): str(v) for k, v in entry.get("label", {}).items()}))
    return tuple(labels), index


def read_taxonomy(path: Path) -> Taxonomy:
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    topics, topic_index = _labels(table.get("topics", {}))
    kinds, kind_index = _labels(table.get("kinds", {}))
    return Taxonomy(topics, kinds, topic_index, kind_index)


@cache
def default_taxonomy() -> Taxonomy:
    return read_taxonomy(settings.resource("topics.toml"))


def matching(labels: Sequence[Label], hits: Counter[int]) -> list[str]:
    """Keys of the labels with a hit, in the taxonomy's order."""
    return [label.key for number, label in enumerate(labels) if hits[number]]
