"""Dates as written in English and German news: datelines, table cells, feed dates.

A date without a year stays without one here; the year is inferred from the page
by :func:`infer_years`, and the caller marks such dates as inferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    1: ("january", "jan", "januar", "jänner", "jaenner"),
    2: ("february", "feb", "februar", "feber"),
    3: ("march", "mar", "märz", "maerz", "marz", "mrz"),
    4: ("april", "apr"),
    5: ("may", "mai"),
    6: ("june", "jun", "juni"),
    7: ("july", "jul", "juli"),
    8: ("august", "aug"),
    9: ("september", "sep", "sept"),
    10: ("october", "oct", "oktober", "okt"),
    11: ("november", "nov"),
    12: ("december", "dec", "dezember", "dez"),
}
MONTH_NUMBER = {name: number for number, names in _MONTHS.items() for name in names}

_MONTH = "(?P<month>" + "|".join(sorted(MONTH_NUMBER, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:\.|st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FORMS = (
    rf"{_DAY}\s*{_MONTH}(?:,?\s+{_YEAR})?",  # 15 December 2023, 3. Juli 2019, 2nd April
    rf"{_MONTH}\s+{_DAY},?(?:\s+{_YEAR})?",  # December 15, 2023
    r"(?P<day>[0-3]?\d)\.\s?(?P<month>[01]?\d)\.\s?(?P<year>(?:19|20)\d\d)?",  # 15.12.2023
    r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)",  # 2023-12-15
)
# An ISO date may run on into a time ("2023-12-15T09:30"); the other forms end a word.
_DATE_PATTERNS = tuple(
    re.compile(rf"(?<!\w){form}(?!\w)" if "-" not in form else rf"(?<!\w){form}(?![^\WT])", re.IGNORECASE)
    for form in _FORMS
)
_DATE_ANY = "|".join(f"(?:{form})".replace("?P<", "?P<x") for form in _FORMS)
_DATE_ANY = re.sub(r"\?P<x\w+>", "", _DATE_ANY)

# "Bonn, 15 December 2023. The restoration ..." — a place, a comma, a date, a full stop.
# Places may be shared ("Bonn/Neumarkt", "Bonn/ Washington"). A page cut off inside the
# year ("Bonn, 12. März 20") ends with a few digits: the date is then read without a year.
DATELINE = re.compile(
    rf"^(?P<place>[^\W\d][\w'’ ./-]{{0,40}}?),\s+(?P<date>{_DATE_ANY})"
    r"(?:,?\s*\d{1,3}\s*$|\s*(?:[.:–—-]\s*|$))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PartialDate:
    """A calendar date whose year may be unknown."""

    day: int
    month: int
    year: int | None

    def with_year(self, year: int) -> date | None:
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None

    def to_date(self) -> date | None:
        return None if self.year is None else self.with_year(self.year)


def parse_date(text: str) -> PartialDate | None:
    """The first date in ``text`` in any form above, or None."""
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        parsed = _from_match(match)
        if parsed is not None:
            return parsed
    return None


def _from_match(match: re.Match[str]) -> PartialDate | None:
    raw_month = match.group("month").lower().rstrip(".")
    month = int(raw_month) if raw_month.isdigit() else MONTH_NUMBER.get(raw_month)
    day = int(match.group("day"))
    year_text = match.group("year")
    year = int(year_text) if year_text else None
    if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    candidate = PartialDate(day, month, year)
    # 30 February is not a date whatever the year; 29 February needs a leap year.
    if candidate.with_year(year or 2000) is None:
        return None
    return candidate


@dataclass(frozen=True)
class Dateline:
    """``place`` is the first of ``places``; ``text`` is place and date as written,
    without the digits of a year cut short, so that :func:`parse_date` reads it."""

    place: str
    date: PartialDate
    rest: str
    places: tuple[str, ...] = ()
    text: str = ""


def parse_dateline(paragraph: str) -> Dateline | None:
    """Split "Bonn, 15 December 2023. Text" into place, date and the text after it."""
    match = DATELINE.match(paragraph)
    if match is None:
        return None
    parsed = parse_date(match.group("date"))
    if parsed is None:
        return None
    places = tuple(name.strip() for name in match.group("place").split("/") if name.strip())
    return Dateline(
        places[0], parsed, paragraph[match.end() :].strip(), places, paragraph[: match.end("date")]
    )


def infer_years(
    dates: list[PartialDate | None], year_hints: list[int | None]
) -> list[tuple[date | None, bool]]:
    """Complete dates of a newest-first listing: (date, inferred) per item.

    A missing year comes from the item's year heading; without one, from the nearest
    dated neighbour — the newer item above it (the same year, or the year before when
    the month and day come later) or else the older one below it.
    """
    resolved: list[date | None] = [d.to_date() if d else None for d in dates]
    inferred = [False] * len(dates)
    for index, partial in enumerate(dates):
        if partial is None or resolved[index] is not None:
            continue
        guess = _guess_year(partial, index, resolved, year_hints[index])
        if guess is not None:
            resolved[index] = guess
            inferred[index] = True
    return list(zip(resolved, inferred, strict=True))


def _guess_year(
    partial: PartialDate, index: int, resolved: list[date | None], hint: int | None
) -> date | None:
    if hint is not None:
        return partial.with_year(hint)
    newer = next((d for d in reversed(resolved[:index]) if d is not None), None)
    if newer is not None:
        year = newer.year if (partial.month, partial.day) <= (newer.month, newer.day) else newer.year - 1
        return partial.with_year(year)
    older = next((d for d in resolved[index + 1 :] if d is not None), None)
    if older is not None:
        year = older.year if (partial.month, partial.day) >= (older.month, older.day) else older.year + 1
        return partial.with_year(year)
    return None
