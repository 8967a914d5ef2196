"""A real-shaped workload: real news text, recombined into archives of any size.

The pool is every item of the seed archive (data/sample), of our news fixtures and, when
present, of the development corpus (../shared/corpus/dev). Each output item takes a real
title and a window of about 500 characters of real text, so its length, its language mix
and its density of place names are those of real news. Titles get a running number and
every item its own date, so no two items are the same event.

Writes the archive's own listing form (title, blank line, "Bonn, <date>. <text>"), the
form `partnerdash extract` reads from the archive's pages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

from babel.dates import format_date

ROOT = Path(__file__).resolve().parents[1]
DEV_ITEMS = ROOT.parent / "shared" / "corpus" / "dev" / "items.jsonl"
TEXT_CHARS = 500
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Source:
    title: str
    text: str
    lang: str


def pool() -> list[Source]:
    """Every real item we may recombine: the seed, our fixtures, the dev corpus if present."""
    from partnerdash.extract.lang import detect_language
    from partnerdash.load import load_paths

    paths: list[str | Path] = [ROOT / "data" / "sample", ROOT / "tests" / "fixtures" / "news"]
    sources = [
        Source(item.title, item.summary, detect_language(f"{item.title} {item.summary}"))
        for item in load_paths(paths).items
        if item.summary
    ]
    if DEV_ITEMS.exists():
        with DEV_ITEMS.open(encoding="utf-8") as rows:
            for line in rows:
                row = json.loads(line)
                sources.append(Source(row["title"], row["text"], row["lang"]))
    return sources


def window(text: str, start_sentence: int) -> str:
    """About TEXT_CHARS characters of whole sentences, starting at the given sentence."""
    sentences = _SENTENCE_END.split(text.strip())
    start = start_sentence % len(sentences)
    picked: list[str] = []
    for sentence in sentences[start:] + sentences[:start]:
        picked.append(sentence)
        if sum(len(s) + 1 for s in picked) >= TEXT_CHARS:
            break
    return " ".join(picked)


def write_listing(items: int, out: TextIO, sources: list[Source] | None = None) -> None:
    sources = sources or pool()
    first = date(2015, 1, 1)
    for n in range(items):
        source = sources[n % len(sources)]
        day = first + timedelta(days=(n * 7) % 4000)
        when = format_date(day, "d MMMM y", locale=source.lang)
        dot = "." if source.lang == "de" and not when.endswith(".") else ""
        text = window(source.text, n // len(sources))
        out.write(f"{source.title} ({n + 1})\n\nBonn, {when.replace(' ', dot + ' ', 1)}. {text}\n\n")


def archive(folder: Path, items: int) -> Path:
    """The workload of ``items`` items in ``folder`` (written once, then reused)."""
    path = folder / f"real-shaped-{items}.txt"
    if not path.exists():
        with path.open("w", encoding="utf-8") as out:
            write_listing(items, out)
    return path
