"""Keyword patterns from the editable taxonomy: whole words, prefixes, compounds, phrases."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from partnerdash import settings

# Endings a plain keyword may take without being written: plurals and German cases.
_ENDINGS = "(?:s|es|e|en|n|er|ern|ns)?"


def keyword_pattern(keyword: str) -> str:
    """Regex source for one keyword in the taxonomy's syntax."""
    word = keyword.strip().casefold()
    head = r"\w*" if word.startswith("*") else ""
    tail = r"\w*" if word.endswith("*") else _ENDINGS
    core = r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", word.strip("*")))
    return rf"(?<!\w){head}{core}{tail}(?!\w)"


@dataclass(frozen=True)
class Label:
    """A topic or kind: its key, its names in each language and its matcher."""

    key: str
    names: dict[str, str]
    pattern: re.Pattern[str]

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names.get("en") or self.key

    def count(self, text: str) -> int:
        return sum(1 for _ in self.pattern.finditer(text))


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Label, ...]
    kinds: tuple[Label, ...]


def _labels(section: dict[str, Any]) -> tuple[Label, ...]:
    labels = []
    for key, entry in section.items():
        keywords = [str(k) for lang in ("en", "de") for k in entry.get(lang, [])]
        source = "|".join(keyword_pattern(k) for k in keywords) or r"(?!x)x"
        names = {str(k): str(v) for k, v in entry.get("label", {}).items()}
        labels.append(Label(key, names, re.compile(source, re.IGNORECASE)))
    return tuple(labels)


def read_taxonomy(path: Path) -> Taxonomy:
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return Taxonomy(_labels(table.get("topics", {})), _labels(table.get("kinds", {})))


@cache
def default_taxonomy() -> Taxonomy:
    return read_taxonomy(settings.resource("topics.toml"))
