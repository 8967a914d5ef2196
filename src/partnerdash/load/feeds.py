"""RSS and Atom feeds, read with feedparser."""

from __future__ import annotations

import time
from typing import Any

import feedparser

from partnerdash.load.html import html_to_text
from partnerdash.load.items import LoadError, LoadResult, LoadWarning, RawItem


def parse_feed(text: str, source: str) -> LoadResult:
    parsed: Any = feedparser.parse(text, sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries", [])
    result = LoadResult()
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        message = (
            f"the feed is malformed ({_describe(problem)}); "
            f"kept the {len(entries)} entries read before the fault"
        )
        if not entries:
            raise LoadError(
                source, f"the feed is malformed ({_describe(problem)}) and no entry could be read"
            )
        result.warnings.append(LoadWarning(source, message))
    for position, entry in enumerate(entries, start=1):
        title = html_to_text(entry.get("title", "")).strip()
        if not title:
            result.warnings.append(LoadWarning(source, "an entry without a title; skipped", position))
            continue
        result.items.append(
            RawItem(
                source=source,
                position=position,
                title=title,
                summary=_summary(entry),
                date_text=_date(entry),
                url=entry.get("link"),
                # A feed's own language is not trusted per entry: feeds mix languages.
                lang=_lang(entry.get("language")),
            )
        )
    return result


def _summary(entry: Any) -> str:
    content = entry.get("content") or []
    raw = content[0].get("value", "") if content else entry.get("summary", "")
    return html_to_text(str(raw))


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    for key in ("published", "updated", "created"):
        if entry.get(key):
            return str(entry[key])
    return None


def _lang(value: object) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    return value.split("-")[0].lower()


def _describe(problem: object) -> str:
    text = str(problem).strip() or type(problem).__name__
    return text.splitlines()[0][:160]
