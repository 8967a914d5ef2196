"""The news-archive listing: caption, title, then a paragraph opening with a dateline.

Used for the plain-text pages and, through :mod:`partnerdash.load.html`, for the
same pages saved as HTML. A page may open with navigation lines and year headings
and may be cut off mid-item at the end. Some pages put a teaser paragraph between
title and dateline, set the dateline on a line of its own, or hold a single article:
a dateline (perhaps after a title) and then its body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from partnerdash import settings
from partnerdash.dates import Dateline, parse_dateline
from partnerdash.load.items import LoadResult, LoadWarning, RawItem, first_sentence

YEAR_HEADING = re.compile(r"^(?:19|20)\d\d$")
# A caption is a short description of a picture; longer text is a paragraph.
MAX_CAPTION_CHARS = 250
CAPTION_PREFIX = re.compile(r"^(?:foto|photo|bild|grafik|graphics?|image|abbildung|©)\b", re.I)
# Closing quotes and brackets, which may follow a sentence's last stop.
CLOSERS = "\"'“”„»«’)]"


@dataclass(frozen=True)
class Block:
    """One paragraph of a page, with what the page's markup says it is, if anything."""

    text: str
    role: str | None = None  # "caption" (figcaption), "alt" (image text), "heading" or None
    href: str | None = None


@cache
def noise_lines() -> frozenset[str]:
    lines = settings.resource("listing_noise.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def blocks_from_text(text: str) -> list[Block]:
    return [Block(line.strip()) for line in text.split("\n") if line.strip()]


def is_noise(block: Block) -> bool:
    return block.text.casefold().rstrip(":") in noise_lines()


def parse_listing(blocks: list[Block], source: str) -> LoadResult:
    result = LoadResult()
    starts = [(i, d) for i, b in enumerate(blocks) if (d := parse_dateline(b.text)) is not None]
    consumed = 0
    year: int | None = None
    # A dateline on a line of its own ("Bonn, 3. Mai 2019"): its text is the next paragraph.
    text_below = False
    for index, dateline in starts:
        before = blocks[consumed:index]
        year = _last_year(before, year)
        lead = _split_before(before, text_below)
        if result.items:
            _add_paragraphs(result.items[-1], lead.body)
        result.items.append(_item(source, len(result.items) + 1, lead, dateline, year))
        text_below = not dateline.rest
        consumed = index + 1
    _read_tail(blocks[consumed:], text_below, source, result)
    for item in result.items:
        # A single article may open with its dateline: its first sentence names it.
        item.title = item.title or first_sentence(item.summary) or item.date_text or ""
    return result


@dataclass(frozen=True)
class _Lead:
    """What stands between two datelines: paragraphs continuing the item above, then
    the caption, title and teaser of the item whose dateline follows."""

    body: list[str]
    title: Block | None
    caption: str | None
    teaser: str | None


def _split_before(before: list[Block], text_below: bool) -> _Lead:
    teaser = before[-1].text if _is_teaser(before) else None
    title_at = len(before) - (2 if teaser else 1)
    if title_at < 0 or _is_heading_noise(before[title_at]):
        return _Lead(_paragraphs(before), None, None, None)
    caption, body = _split_between(before[:title_at], text_below)
    return _Lead(body, before[title_at], caption, teaser)


def _is_teaser(before: list[Block]) -> bool:
    """Whether the block above a dateline is a teaser below the title, not the title."""
    if len(before) < 2 or before[-1].role is not None or _is_heading_noise(before[-2]):
        return False
    above = before[-2]
    if above.role is not None:
        return above.role == "heading"
    # Titles end without a full stop ("… starts now!", "… in Zahlen"); a teaser is prose.
    return _ends(before[-1], ".") and not _ends(above, ".") and not CAPTION_PREFIX.match(above.text)


def _item(source: str, position: int, lead: _Lead, dateline: Dateline, year: int | None) -> RawItem:
    return RawItem(
        source=source,
        position=position,
        title=lead.title.text if lead.title else "",
        summary="\n\n".join(text for text in (lead.teaser, dateline.rest) if text),
        caption=lead.caption,
        date_text=dateline.text,
        url=lead.title.href if lead.title else None,
        year_hint=year,
        dateline_place=dateline.place,
        dateline_places=dateline.places,
        from_listing=True,
    )


def _add_paragraphs(item: RawItem, paragraphs: list[str]) -> None:
    item.summary = "\n\n".join([item.summary, *paragraphs] if item.summary else paragraphs)


def _read_tail(trailing: list[Block], text_below: bool, source: str, result: LoadResult) -> None:
    """After the last dateline: the rest of its item, or an item the page cut off."""
    content = [b for b in trailing if not _is_heading_noise(b)]
    if not result.items:
        _warn_cut_off(content, source, 1, result)
        return
    last = result.items[-1]
    if text_below and content:
        _add_paragraphs(last, _paragraphs(content[:1]))
        content = content[1:]
    if content and _finished(content[-1]):
        _add_paragraphs(last, _paragraphs(content))
    else:
        _warn_cut_off(content, source, len(result.items) + 1, result)


def _finished(block: Block) -> bool:
    """Whether a page ends here with a whole paragraph, not in a title, caption or sentence."""
    return block.role is None and _ends(block, ".", "!", "?")


def _ends(block: Block, *stops: str) -> bool:
    return block.text.rstrip(CLOSERS).endswith(stops)


def _paragraphs(blocks: list[Block]) -> list[str]:
    """The text of an item's body: no navigation, and no picture's description."""
    return [b.text for b in blocks if not _is_heading_noise(b) and b.role not in _PICTURE_ROLES]


def _is_heading_noise(block: Block) -> bool:
    return is_noise(block) or bool(YEAR_HEADING.match(block.text))


def _last_year(blocks: list[Block], year: int | None) -> int | None:
    for block in blocks:
        if YEAR_HEADING.match(block.text):
            year = int(block.text)
    return year


def _split_between(blocks: list[Block], text_below: bool) -> tuple[str | None, list[str]]:
    """Caption lines just above a title, and paragraphs continuing the item before.

    ``text_below``: the item before has its text below its dateline, so the first
    paragraph is that text, however short.
    """
    content = [b for b in blocks if not _is_heading_noise(b)]
    if any(b.role in _PICTURE_ROLES for b in content):
        # Marked-up pages say which text describes the picture: the visible caption if
        # there is one, else the image's text; other blocks are not captions.
        visible = [b.text for b in content if b.role == "caption"]
        pictured = visible or [b.text for b in content if b.role == "alt"]
        continuation = [b.text for b in content if b.role not in _PICTURE_ROLES]
        return " ".join(pictured), continuation
    # Collected backwards and turned round once: inserting at the front each time took
    # minutes on a page of a million short lines.
    captions: list[str] = []
    kept = 1 if text_below else 0
    while len(content) > kept and _caption_like(content[-1]):
        captions.append(content.pop().text)
    return (" ".join(reversed(captions)) or None), [b.text for b in content]


_PICTURE_ROLES = frozenset({"caption", "alt"})


def _caption_like(block: Block) -> bool:
    if block.role is not None:
        return block.role in _PICTURE_ROLES
    return len(block.text) <= MAX_CAPTION_CHARS or bool(CAPTION_PREFIX.match(block.text))


def _warn_cut_off(content: list[Block], source: str, position: int, result: LoadResult) -> None:
    if not content:
        return
    headings = [b for b in content if b.role == "heading"]
    if headings:
        title = headings[-1].text
    elif len(content) >= 2 and _caption_like(content[0]):
        title = content[1].text
    else:
        title = content[0].text
    result.warnings.append(
        LoadWarning(
            source,
            f"the item “{_shorten(title)}” has no dateline (the page seems cut off); skipped",
            position,
        )
    )


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
