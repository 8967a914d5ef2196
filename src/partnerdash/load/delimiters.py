"""Telling a delimited table's delimiter: one sniffer for news tables and registry tables.

A leaf: it knows delimiters, not columns. Each caller says what a header of its own
tables looks like, and the sniffer answers only when the header it splits is one.
"""

from __future__ import annotations

import csv
from collections.abc import Callable

DELIMITERS = ",;\t|"
# The start of each line is enough to tell the delimiter, and csv.Sniffer is quadratic
# in the length of what it reads: a 60 kB line took it 25 s.
_SNIFF_LINES = 20
_SNIFF_CHARS = 2000

HeaderCheck = Callable[[list[str]], bool]


def sniff_delimiter(text: str, is_header: HeaderCheck) -> str | None:
    """The delimiter ``csv.Sniffer`` finds in the first lines, if the header line it splits
    has two cells or more and passes ``is_header``; else None."""
    lines = [line[:_SNIFF_CHARS] for line in text.split("\n", _SNIFF_LINES)[:_SNIFF_LINES] if line.strip()]
    if len(lines) < 2:
        return None
    try:
        delimiter = csv.Sniffer().sniff("\n".join(lines), delimiters=DELIMITERS).delimiter
    except csv.Error:
        return None
    header = next(csv.reader([lines[0]], delimiter=delimiter))
    if len(header) < 2 or not is_header(header):
        return None
    return delimiter


def most_used_delimiter(text: str) -> str:
    """The delimiter the first line holds most often: a fallback for reading a table the
    sniffer cannot tell (a header alone, or too many rows of the wrong length)."""
    header = text.split("\n", 1)[0]
    return max(DELIMITERS, key=header.count)


def looks_tabular(text: str) -> bool:
    """Whether the first lines all hold the same number (≥ 1) of one delimiter."""
    lines = [line for line in text.split("\n")[:6] if line.strip()]
    return len(lines) >= 2 and any(
        len({line.count(d) for line in lines}) == 1 and lines[0].count(d) >= 1 for d in DELIMITERS
    )
