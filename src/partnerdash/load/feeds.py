"""RSS and Atom feeds, read with feedparser.

Two kinds of input feedparser mishandles are dealt with before it sees them: XML entity
declarations (it keeps those it deems safe and expands them without limit, so a 200 kB
feed grew to 600 MB) and character references to no character (its fallback parser
raises on them).
"""

from __future__ import annotations

import re
import time
from typing import Any

import feedparser

from partnerdash.load.html import html_to_text
from partnerdash.load.items import LoadError, LoadResult, LoadWarning, RawItem

# Case-sensitive like XML itself: "<!entity" declares nothing.
_ENTITY_DECLARATION = "<!ENTITY"
_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def parse_feed(text: str, source: str) -> LoadResult:
    if _ENTITY_DECLARATION in text:
        # Refused wherever it stands, even in CDATA: news feeds never declare entities,
        # and they are how feeds expand to gigabytes or pull in local files (XXE).
        raise LoadError(source, "the feed declares XML entities (<!ENTITY …>); refused for safety")
    text = _CHARREF.sub(_valid_charref, text)
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


def _valid_charref(match: re.Match[str]) -> str:
    hex_digits, digits = match.groups()
    number = (hex_digits or digits).lstrip("0")
    # Longer numbers are past U+10FFFF anyway, and int() refuses very long decimal ones.
    if len(number) <= 7:
        code = int(number or "0", 16 if hex_digits else 10)
        if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            return match.group()
    return "&#xFFFD;"


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
