"""Tables of news items: CSV, JSON, JSON Lines and Excel, with headers matched by synonym.

The registry's tables (:mod:`partnerdash.load.partnership_table`) share the matching of
headers, the opening of workbooks and the guarded JSON parser.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
import warnings
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

import pandas as pd

from partnerdash import settings
from partnerdash.load.delimiters import sniff_delimiter
from partnerdash.load.html import html_to_text
from partnerdash.load.items import LoadError, LoadResult, LoadWarning, RawItem, first_sentence

FIELDS = ("title", "date", "summary", "caption", "url", "lang", "source")


def header_key(header: str) -> str:
    return re.sub(r"[\s_\-]+", " ", header.strip().casefold()).replace(" ", "")


def synonym_index(table: Mapping[str, Any], fields: Iterable[str]) -> dict[str, str]:
    """Normalised header → field name, from a table of ``field = [headers…]``."""
    return {header_key(str(name)): field for field in fields for name in table.get(field, [])}


def match_headers(headers: Iterable[str], known: Mapping[str, str]) -> dict[str, str]:
    """Header as written → field name (``known`` from :func:`synonym_index`); a field's
    first matching header wins."""
    found: dict[str, str] = {}
    for header in headers:
        field = known.get(header_key(header))
        if field is not None and field not in found.values():
            found[header] = field
    return found


@cache
def synonyms() -> dict[str, str]:
    """Normalised header → field name."""
    table = tomllib.loads(settings.resource("columns.toml").read_text(encoding="utf-8"))
    return synonym_index(table, FIELDS)


def match_columns(headers: Iterable[str]) -> dict[str, str]:
    """Field name → the normalised header (see :func:`header_key`) that holds it."""
    return dict(_match(tuple(map(str, headers))))


@lru_cache(maxsize=256)
def _match(headers: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Rows of one table share their headers: match them once."""
    return tuple((field, header_key(header)) for header, field in match_headers(headers, synonyms()).items())


def records_to_items(records: list[Mapping[str, Any]], source: str) -> LoadResult:
    headers: dict[str, None] = {}
    for record in records:
        headers.update(dict.fromkeys(map(str, record)))
    columns = match_columns(headers)
    if "title" not in columns and "summary" not in columns:
        raise LoadError(
            source,
            f"no title or text column (columns found: {', '.join(headers) or 'none'}); "
            "expected a header such as title, headline, Titel, text or summary",
        )
    result = LoadResult()
    for position, record in enumerate(records, start=1):
        # Rows of JSON may each name their fields differently; match per row.
        cells = {header_key(str(k)): v for k, v in record.items()}
        values = {field: _cell(cells.get(key)) for field, key in match_columns(record).items()}
        title = values.get("title") or first_sentence(values.get("summary") or "")
        if not title:
            result.warnings.append(LoadWarning(source, "a row without a title or text; skipped", position))
            continue
        result.items.append(
            RawItem(
                # A table may say where each row came from ("synthetic", a feed's name).
                source=f"{source} ({values['source']})" if values.get("source") else source,
                position=position,
                title=title,
                summary=html_to_text(values.get("summary") or ""),
                caption=values.get("caption"),
                date_text=values.get("date"),
                url=values.get("url"),
                lang=(values.get("lang") or "").split("-")[0].lower() or None,
            )
        )
    return result


def _cell(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, datetime | date | pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    return text or None


def _frame_records(frame: pd.DataFrame) -> list[Mapping[str, Any]]:
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def news_delimiter(text: str) -> str | None:
    """The delimiter of a CSV whose header names a known column, else None."""
    return sniff_delimiter(text, lambda header: bool(match_columns(header)))


def read_csv(text: str, source: str) -> LoadResult:
    delimiter = news_delimiter(text) or ","
    # pandas reports each skipped row as a Python warning, which users never see.
    with warnings.catch_warnings(record=True) as skipped:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:
            frame = pd.read_csv(
                io.StringIO(text),
                sep=delimiter,
                dtype=str,
                keep_default_na=False,
                on_bad_lines="warn",
                engine="python",
                # Else a first row longer than the header turns its leading cells into an
                # index: titles shift into the wrong column, and a 40,000-cell row took
                # minutes building a MultiIndex.
                index_col=False,
            )
        except (pd.errors.ParserError, ValueError, csv.Error) as error:
            raise LoadError(source, f"not a readable CSV table ({error})") from error
    result = records_to_items(_frame_records(frame), source)
    result.warnings.extend(
        LoadWarning(source, _skipped_row(str(w.message)))
        for w in skipped
        if issubclass(w.category, pd.errors.ParserWarning)
    )
    return result


def _skipped_row(message: str) -> str:
    if message.startswith("Length of header"):  # pandas' words for what index_col=False does
        return "the first row has more cells than the header; the extra cells are ignored"
    return message.strip()  # "Skipping line 3: Expected 2 fields in line 3, saw 3"


def parse_json(text: str, source: str) -> Any:
    """The document's JSON value; LoadError if it is not JSON or nested too deeply to read."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise LoadError(source, f"invalid JSON ({error})") from error
    except RecursionError as error:  # the decoder recurses once per level of nesting
        raise LoadError(source, "invalid JSON (nested too deeply)") from error


def read_json(text: str, source: str) -> LoadResult:
    records = _json_records(parse_json(text, source))
    if records is None:
        raise LoadError(source, "JSON holds no list of news items (expected a list of objects)")
    return records_to_items(records, source)


def _json_records(data: Any) -> list[Mapping[str, Any]] | None:
    if isinstance(data, list):
        return [r for r in data if isinstance(r, Mapping)]
    if isinstance(data, Mapping):
        for value in data.values():
            if isinstance(value, list) and any(isinstance(r, Mapping) for r in value):
                return [r for r in value if isinstance(r, Mapping)]
    return None


def read_jsonl(text: str, source: str) -> LoadResult:
    records: list[Mapping[str, Any]] = []
    bad: list[LoadWarning] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            bad.append(LoadWarning(source, f"line {number} is not valid JSON ({error.msg}); skipped"))
            continue
        except RecursionError:
            bad.append(LoadWarning(source, f"line {number} is nested too deeply; skipped"))
            continue
        if isinstance(record, Mapping):
            records.append(record)
    if not records:
        raise LoadError(source, "no line holds a JSON object")
    result = records_to_items(records, source)
    result.warnings[:0] = bad
    return result


def excel_sheets(data: bytes, source: str, *, first_only: bool = False) -> dict[str, pd.DataFrame]:
    """Sheet name → its cells (header from the first row); only the first sheet if asked.
    LoadError if the workbook cannot be read."""
    try:
        with pd.ExcelFile(io.BytesIO(data), engine="openpyxl") as workbook:
            wanted = [str(name) for name in workbook.sheet_names]
            sheets = pd.read_excel(workbook, sheet_name=wanted[:1] if first_only else wanted, dtype=object)
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise LoadError(source, f"not a readable Excel workbook ({type(error).__name__}: {error})") from error
    return {str(name): frame for name, frame in sheets.items()}


def read_excel(data: bytes, source: str) -> LoadResult:
    sheets = excel_sheets(data, source)
    result = LoadResult()
    failures: list[str] = []
    for name, frame in sheets.items():
        try:
            result.extend(records_to_items(_frame_records(frame), f"{source} [{name}]"))
        except LoadError as error:
            failures.append(f"sheet {name}: {error.reason}")
    if not result.items and failures:
        raise LoadError(source, "; ".join(failures))
    result.warnings.extend(LoadWarning(source, failure) for failure in failures)
    return result
