"""Plain data passed from the loaders to extraction: documents, raw items, warnings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """Bytes to load and the name to blame when something is wrong with them."""

    name: str
    data: bytes


@dataclass(frozen=True)
class LoadWarning:
    """A problem with one file or one item of it; shown to users as is.

    ``failed``: nothing of the file was read (as opposed to a note on a file that was).
    """

    source: str
    message: str
    item: int | None = None
    failed: bool = False

    def __str__(self) -> str:
        where = self.source if self.item is None else f"{self.source}, item {self.item}"
        return f"{where}: {self.message}"


class LoadError(Exception):
    """A whole document could not be read; the message names the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(slots=True)
class RawItem:
    """One news item as a loader found it, before any interpretation.

    ``date_text`` is the date as written (a dateline, a feed's date, a table cell);
    ``year_hint`` is the year heading of the page section the item stood under;
    ``dateline_places`` are all the places of a shared dateline ("Bonn/Neumarkt"),
    ``dateline_place`` the first of them.
    """

    source: str
    position: int
    title: str
    summary: str = ""
    caption: str | None = None
    date_text: str | None = None
    url: str | None = None
    lang: str | None = None
    year_hint: int | None = None
    dateline_place: str | None = None
    dateline_places: tuple[str, ...] = ()
    from_listing: bool = False


@dataclass
class LoadResult:
    items: list[RawItem] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)

    def extend(self, other: LoadResult) -> None:
        self.items.extend(other.items)
        self.warnings.extend(other.warnings)


def first_sentence(text: str) -> str:
    """A title for an item that has none: the start of its text."""
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return sentence[:120]
