"""Per-item extraction: one record of plain values for each raw item."""

from __future__ import annotations

from typing import Any

from partnerdash.extract.lang import UNKNOWN, detect_language
from partnerdash.extract.topics import topics_and_kind
from partnerdash.load.items import RawItem

LANGUAGES = frozenset({"en", "de"})


def item_text(item: RawItem) -> str:
    """All the text of an item that extraction reads, title first."""
    return "\n".join(part for part in (item.title, item.caption or "", item.summary) if part)


def describe(item: RawItem) -> dict[str, Any]:
    """What one item says, independent of its neighbours: language, topics, kind. Only
    what is worked out: a worker process sends it back, and the item's own text stays."""
    text = item_text(item)
    declared = item.lang if item.lang in LANGUAGES else None
    found_topics, found_kind = topics_and_kind(item.title, item.caption, item.summary)
    return {
        "lang": declared or detect_language(text) if declared or text else UNKNOWN,
        "kind": found_kind,
        "topics": found_topics,
    }


def as_written(item: RawItem) -> dict[str, Any]:
    """The item's own columns of the events table, as loaded."""
    return {
        "title": item.title,
        "summary": item.summary,
        "caption": item.caption,
        "url": item.url,
        "source": item.source,
        "position": item.position,
        "dateline_place": item.dateline_place,
    }
