"""Small controls that several pages share, bound to the address like the filters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

import streamlit as st

from partnerdash.charts.frames import Period
from partnerdash.i18n import Labels

_PERIOD_NAMES = {"M": "month", "Q": "quarter", "Y": "year"}


def choice(
    label: str, options: Sequence[str], default: str, key: str, fmt: Callable[[str], str], where: Any = st
) -> str:
    """One of ``options`` as segmented buttons; never None (clicking the chosen one keeps it)."""
    chosen = where.segmented_control(
        label, options, default=default, key=key, bind="query-params", format_func=fmt
    )
    return str(chosen or default)


def period(t: Labels, key: str, default: Period, where: Any = st) -> Period:
    return cast(
        Period, choice(t("period"), list(_PERIOD_NAMES), default, key, lambda p: t(_PERIOD_NAMES[p]), where)
    )
