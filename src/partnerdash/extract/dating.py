"""Each item's date: parsed from what it says, the year inferred where a listing omits it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby

from partnerdash.dates import PartialDate, infer_years, parse_date
from partnerdash.load.items import LoadWarning, RawItem


def item_dates(items: Sequence[RawItem]) -> tuple[list[tuple[date | None, bool]], list[LoadWarning]]:
    """(date, inferred) per item, in order, and a warning per item left without a date."""
    dates: list[tuple[date | None, bool]] = []
    warnings: list[LoadWarning] = []
    for (_, from_listing), group in groupby(items, key=lambda item: (item.source, item.from_listing)):
        members = list(group)
        partials = [parse_date(item.date_text) if item.date_text else None for item in members]
        hints = [item.year_hint if from_listing else None for item in members]
        if from_listing:
            resolved = infer_years(partials, hints)
        else:
            resolved = [(p.to_date() if p else None, False) for p in partials]
        dates.extend(resolved)
        warnings.extend(
            _warning(item, partial)
            for item, partial, (day, _) in zip(members, partials, resolved, strict=True)
            if day is None
        )
    return dates, warnings


def _warning(item: RawItem, partial: PartialDate | None) -> LoadWarning:
    if item.date_text is None:
        reason = "has no date"
    elif partial is None:
        reason = f"has a date that could not be read (“{item.date_text.strip()}”)"
    else:
        reason = f"gives no year (“{item.date_text.strip()}”) and none could be inferred from the page"
    return LoadWarning(item.source, f"“{item.title[:60]}” {reason}; its date is left empty", item.position)
