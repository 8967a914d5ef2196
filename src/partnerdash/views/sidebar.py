"""The shared filters, in the sidebar, kept in the address so a copied link shows the same view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Literal

import streamlit as st

from partnerdash.filters import Filters
from partnerdash.i18n import Labels
from partnerdash.model import Dataset
from partnerdash.views.data import choices, version

BIND: Literal["query-params"] = "query-params"
FILTER_KEYS = ("dates", "region", "country", "state", "municipality", "topic", "kind", "lang", "q")
PENDING = "_pending_municipality"


def reset() -> None:
    for key in FILTER_KEYS:
        st.session_state.pop(key, None)
        if key in st.query_params:
            del st.query_params[key]


def _date_bounds(data: Dataset) -> tuple[date, date] | None:
    dates = data.events["date"].dropna()
    if dates.empty:
        return None
    return dates.min().date(), dates.max().date()


def filters(data: Dataset, t: Labels) -> Filters:
    """Draw the filter widgets and return what they say."""
    if PENDING in st.session_state:  # a place picked on the map, applied before the widget exists
        st.session_state["municipality"] = st.session_state.pop(PENDING)
    st.header(t("filters"))
    start = end = None
    bounds = _date_bounds(data)
    if bounds is not None:
        # Empty means every date: a preset range would hide items that an upload adds later.
        chosen = st.date_input(
            t("date_range"),
            value=[],
            min_value=bounds[0],
            max_value=bounds[1],
            key="dates",
            bind=BIND,
            help=t("date_range_help"),
        )
        if isinstance(chosen, tuple) and len(chosen) == 2:
            start, end = chosen
    can = choices(data, version(data))
    result = Filters(
        start=start,
        end=end,
        regions=_multi(t("region"), can["region"], "region", t.category),
        countries=_multi(t("country"), can["country"], "country", lambda c: f"{t.country(c)} ({c})"),
        states=_multi(t("state"), can["state"], "state", t.category),
        municipalities=_multi(t("municipality"), can["municipality"], "municipality", str),
        topics=_multi(t("topic"), can["topic"], "topic", t.category),
        kinds=_multi(t("kind"), can["kind"], "kind", t.category),
        langs=_multi(t("lang"), can["lang"], "lang", str.upper),
        text=st.text_input(t("search"), key="q", bind=BIND),
    )
    st.button(t("reset"), on_click=reset, width="stretch")
    return result


def _multi(label: str, values: list[str], key: str, fmt: Callable[[Any], str]) -> tuple[str, ...]:
    chosen = st.multiselect(label, values, key=key, bind=BIND, format_func=fmt)
    return tuple(str(v) for v in chosen)


def selection_to_municipality(names: list[str]) -> None:
    """Filter every page to the places picked on the map, from the next run on."""
    st.session_state[PENDING] = list(dict.fromkeys(names))
    st.rerun()
