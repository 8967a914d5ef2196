"""The loaders: each knows its format by content (``detect``) and reads it (``load``).

The first loader in :data:`LOADERS` whose ``detect`` accepts a document reads it;
the listing loader accepts any text, so it comes last.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from partnerdash.load.decode import decode
from partnerdash.load.delimiters import looks_tabular
from partnerdash.load.feeds import parse_feed
from partnerdash.load.html import html_blocks
from partnerdash.load.items import Document, LoadError, LoadResult, LoadWarning
from partnerdash.load.listing import blocks_from_text, parse_listing
from partnerdash.load.tabular import news_delimiter, read_csv, read_excel, read_json, read_jsonl

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"
_FEED = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML = re.compile(r"<(?:!doctype\s+html|html|body|article|div|p|h[1-6])[\s>]", re.I)


@dataclass
class Sniff:
    """A document and, decoded on first use, its text."""

    document: Document

    @cached_property
    def decoded(self) -> tuple[str, str]:
        return decode(self.document.data, self.document.name)

    @property
    def text(self) -> str:
        return self.decoded[0]

    @cached_property
    def head(self) -> str:
        return self.text[:4096].lstrip()


class Loader:
    name: ClassVar[str]

    @staticmethod
    def detect(sniff: Sniff) -> bool:
        raise NotImplementedError

    @staticmethod
    def load(sniff: Sniff) -> LoadResult:
        raise NotImplementedError


class ExcelLoader(Loader):
    name = "excel"

    @staticmethod
    def detect(sniff: Sniff) -> bool:
        data = sniff.document.data
        if data.startswith(_OLE):
            raise LoadError(
                sniff.document.name, "old Excel (.xls) workbooks are not supported; save it as .xlsx"
            )
        return data.startswith(_ZIP)

    @staticmethod
    def load(sniff: Sniff) -> LoadResult:
        return read_excel(sniff.document.data, sniff.document.name)


class FeedLoader(Loader):
    name = "feed"

    @staticmethod
    def detect(sniff: Sniff) -> bool:
        return sniff.head.startswith("<") and bool(_FEED.search(sniff.head))

    @staticmethod
    def load(sniff: Sniff) -> LoadResult:
        return parse_feed(sniff.text, sniff.document.name)


class HtmlLoader(Loader):
    name = "html"

    @staticmethod
    def detect(sniff: Sniff) -> bool:
        return sniff.head.startswith("<") and bool(_HTML.search(sniff.text[:20_000]))

    @staticmethod
    def load(sniff: Sniff) -> LoadResult:
        return parse_listing(html_blocks(sniff.text), sniff.document.name)


class JsonLoader(Loader):
    name = "json"

    @staticmethod
    def detect(sniff: Sniff) -> bool:
        if not sniff.head.startswith(("[", "{")):
            return False
        try:
            json.loads(sniff.text)
        except (json.JSONDecodeError, RecursionError):  # the decoder recurses per level
            return sniff.head.startswith("[")  # a broken array: report it as JSON
        return True

    @staticmethod
    def load(sniff: Sniff) -> LoadResult:
        return read_json(sniff.text, sniff.document.name)


class JsonLinesLoader(Loader):
    name = "jsonl"

    @staticmethod
    def detect(sniff: Sniff) -> bool:
        return sniff.head.startswith("{")

    @staticmethod
    def load(sniff: Sniff) -> LoadResult:
        return read_jsonl(sniff.text, sniff.document.name)


class CsvLoader(Loader):
    name = "csv"

    @staticmethod
    def detect(sniff: Sniff) -> bool:
        if news_delimiter(sniff.text) is not None:
            return True
        return sniff.document.name.lower().endswith((".csv", ".tsv")) and looks_tabular(sniff.text)

    @staticmethod
    def load(sniff: Sniff) -> LoadResult:
        return read_csv(sniff.text, sniff.document.name)


class ListingLoader(Loader):
    name = "listing"

    @staticmethod
    def detect(sniff: Sniff) -> bool:
        return True

    @staticmethod
    def load(sniff: Sniff) -> LoadResult:
        result = parse_listing(blocks_from_text(sniff.text), sniff.document.name)
        if not result.items:
            raise LoadError(
                sniff.document.name, "no news items found (no line like “Bonn, 15 December 2023. …”)"
            )
        return result


LOADERS: tuple[type[Loader], ...] = (
    ExcelLoader,
    FeedLoader,
    HtmlLoader,
    JsonLoader,
    JsonLinesLoader,
    CsvLoader,
    ListingLoader,
)


def load_document(document: Document) -> LoadResult:
    """Read one document with the loader its content calls for.

    Raises LoadError when nothing of it can be read.
    """
    sniff = Sniff(document)
    for loader in LOADERS:
        if loader.detect(sniff):
            result = loader.load(sniff)
            encoding = sniff.decoded[1] if "decoded" in sniff.__dict__ else "utf-8"
            if encoding not in ("utf-8", "ascii"):
                result.warnings.insert(0, LoadWarning(document.name, f"read as {encoding} text"))
            if not result.items:
                reasons = "; ".join(w.message for w in result.warnings) or "no news items found"
                raise LoadError(document.name, reasons)
            return result
    raise LoadError(document.name, "unknown format")
