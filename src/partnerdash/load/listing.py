"""The news-archive listing: caption, title, then a paragraph opening with a dateline.

Used for the plain-text pages and, through :mod:`partnerdash.load.html`, for the
same pages saved as HTML. A page may open with navigation lines and year headings
and may be cut off mid-item at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from partnerdash import settings
from partnerdash.extract.dates import parse_dateline
from partnerdash.load.items import LoadResult, LoadWarning, RawItem

YEAR_HEADING = re.compile(r"^(?:19|20)\d\d$")
# A caption is a short description of a picture; longer text is a paragraph.
MAX_CAPTION_CHARS = 250
CAPTION_PREFIX = re.compile(r"^(?:foto|photo|bild|grafik|graphics?|image|abbildung|©)\b", re.I)


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
    datelines = [(i, parse_dateline(b.text)) for i, b in enumerate(blocks)]
    starts = [(i, d) for i, d in datelines if d is not None]
    consumed = 0
    year: int | None = None
    for index, dateline in starts:
        title_at = index - 1
        between = blocks[consumed : max(title_at, consumed)]
        year = _last_year(between, year)
        position = len(result.items) + 1
        if title_at < consumed or _is_heading_noise(blocks[title_at]):
            result.warnings.append(
                LoadWarning(source, "a dateline without a title before it; skipped", position)
            )
            consumed = index + 1
            continue
        caption, continuation = _split_between(between)
        if continuation and result.items:
            result.items[-1].summary += "\n\n" + "\n\n".join(continuation)
        title_block = blocks[title_at]
        result.items.append(
            RawItem(
                source=source,
                position=position,
                title=title_block.text,
                summary=dateline.rest,
                caption=caption,
                date_text=blocks[index].text[: len(blocks[index].text) - len(dateline.rest)],
                url=title_block.href,
                year_hint=year,
                dateline_place=dateline.place,
                from_listing=True,
            )
        )
        consumed = index + 1
    _warn_cut_off(blocks[consumed:], source, len(result.items) + 1, result)
    return result


def _is_heading_noise(block: Block) -> bool:
    return is_noise(block) or bool(YEAR_HEADING.match(block.text))


def _last_year(blocks: list[Block], year: int | None) -> int | None:
    for block in blocks:
        if YEAR_HEADING.match(block.text):
            year = int(block.text)
    return year


def _split_between(blocks: list[Block]) -> tuple[str | None, list[str]]:
    """Caption lines just above a title, and paragraphs continuing the item before."""
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
    while content and _caption_like(content[-1]):
        captions.append(content.pop().text)
    return (" ".join(reversed(captions)) or None), [b.text for b in content]


_PICTURE_ROLES = frozenset({"caption", "alt"})


def _caption_like(block: Block) -> bool:
    if block.role is not None:
        return block.role in _PICTURE_ROLES
    return len(block.text) <= MAX_CAPTION_CHARS or bool(CAPTION_PREFIX.match(block.text))


def _warn_cut_off(trailing: list[Block], source: str, position: int, result: LoadResult) -> None:
    content = [b for b in trailing if not _is_heading_noise(b)]
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
