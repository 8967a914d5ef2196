"""Registry files (CSV, TSV, Excel, JSON) as one frame of strings with the registry's fields.

Headers are matched by the synonyms of ``data/registry_columns.toml``, the same way
news tables are matched by ``data/columns.toml``; workbooks, JSON and the delimiter are
read as for news tables (:mod:`partnerdash.load.tabular`, :mod:`partnerdash.load.delimiters`).
Delimited text is read here, with ``csv.reader``: it tells each row's line, for the warnings.
"""

from __future__ import annotations

import csv
import io
import tomllib
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from partnerdash import settings
from partnerdash.load.decode import decode
from partnerdash.load.delimiters import most_used_delimiter, sniff_delimiter
from partnerdash.load.items import LoadError, LoadWarning
from partnerdash.load.tabular import excel_sheets, match_headers, parse_json, synonym_index

SIDE_FIELDS = ("name", "country", "lat", "lon")
FIELDS = (
    *(f"a_{f}" for f in SIDE_FIELDS),
    *(f"b_{f}" for f in SIDE_FIELDS),
    "since",
    "type",
    "source",
)
REQUIRED = ("a_name", "b_name")
ROW = "row"
"""A row's place in its file: the line of a CSV/TSV, the row number in Excel, the
1-based position in a JSON list. Warnings and the unresolved list name it."""
_ZIP = b"PK\x03\x04"
# Wikidata labels carry invisible direction marks ("Granada\u200e"): they would defeat lookups.
_INVISIBLE = dict.fromkeys(c for c in range(0x2000, 0x2070) if unicodedata.category(chr(c)) == "Cf")


@cache
def vocabulary() -> dict[str, Any]:
    text = settings.resource("registry_columns.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def synonyms() -> dict[str, str]:
    """Normalised header → field name."""
    return synonym_index(vocabulary(), FIELDS)


def match_columns(headers: list[str]) -> dict[str, str]:
    """Header as written → field name; a field's first matching header wins."""
    return match_headers(headers, synonyms())


def _names_both_sides(header: list[str]) -> bool:
    return set(REQUIRED) <= set(match_columns(header).values())


def read_table(path: Path) -> tuple[pd.DataFrame, list[LoadWarning]]:
    """The file's rows as strings ("" for empty), columns renamed to the registry's fields.

    Fields the file lacks are empty columns; ``row`` is where the row stands in the file
    as people see it (see :data:`ROW`). LoadError if the file cannot be read or has no
    column for either municipality; a warning for each line that cannot be a row.
    """
    data = path.read_bytes()
    bad: list[LoadWarning] = []
    if data.startswith(_ZIP):
        raw = _excel(data, path.name)
        raw.index = raw.index + 2  # Excel's row numbers: the header is row 1
    else:
        raw, bad = _text_table(data, path.name)
    raw = raw.astype(object).where(raw.notna(), "")
    columns = match_columns([str(c) for c in raw.columns])
    missing = [field for field in REQUIRED if field not in columns.values()]
    if missing:
        raise LoadError(
            path.name,
            f"no column for {' or '.join(missing)} (columns found: {', '.join(map(str, raw.columns))}); "
            "expected headers such as 'municipality a' / 'municipality b' or 'Kommune' / 'Partnerstadt'",
        )
    frame = raw[list(columns)].rename(columns=columns).map(_text)
    for field in FIELDS:
        if field not in frame.columns:
            frame[field] = ""
    frame[ROW] = frame.index.astype("int64")
    return frame[[ROW, *FIELDS]].reset_index(drop=True), bad


def _text(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value).translate(_INVISIBLE).strip()


def _excel(data: bytes, source: str) -> pd.DataFrame:
    """The workbook's first sheet: a registry is one table."""
    (frame,) = excel_sheets(data, source, first_only=True).values()
    return frame


def _text_table(data: bytes, source: str) -> tuple[pd.DataFrame, list[LoadWarning]]:
    text, _ = decode(data, source)
    if text.lstrip().startswith(("[", "{")):
        return _json(text, source), []
    return _delimited(text, source)


def _delimited(text: str, source: str) -> tuple[pd.DataFrame, list[LoadWarning]]:
    """csv.reader rather than pandas: it tells each row's line, for the warnings."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader, [])
        rows: list[list[str]] = []
        lines: list[int] = []
        bad: list[LoadWarning] = []
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                message = f"line {reader.line_num}: {len(cells)} cells, the header has {len(header)}; skipped"
                bad.append(LoadWarning(source, message))
                continue
            rows.append(cells)
            lines.append(reader.line_num)
    except csv.Error as error:
        raise LoadError(source, f"not a readable CSV/TSV table ({error})") from error
    return pd.DataFrame(rows, columns=header, index=lines, dtype=object), bad


def _delimiter(text: str) -> str:
    """The sniffed delimiter of a header naming both municipalities; where the sniffer
    cannot tell (a header alone, many bad rows), the one the header line uses most."""
    return sniff_delimiter(text, _names_both_sides) or most_used_delimiter(text)


def _json(text: str, source: str) -> pd.DataFrame:
    data = parse_json(text, source)
    if isinstance(data, dict):  # {"partnerships": [...]}: the first list of objects
        data = next((v for v in data.values() if isinstance(v, list)), None)
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise LoadError(source, "JSON holds no list of partnerships (expected a list of objects)")
    frame = pd.DataFrame.from_records(data)
    frame.index = frame.index + 1
    return frame
