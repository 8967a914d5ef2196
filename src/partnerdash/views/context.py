"""What every page of one run needs: the data, the filtered view, the language, the mode."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

import streamlit as st

from partnerdash.filters import View
from partnerdash.i18n import Labels
from partnerdash.model import Dataset
from partnerdash.registry.load import Registry
from partnerdash.registry.selection import NetworkView

_KEY = "_partnerdash_context"


@dataclass
class Context:
    data: Dataset
    view: View
    t: Labels
    presenter: bool
    image_format: str
    source_label: str
    loaded_at: datetime
    pages: dict[str, Any] = field(default_factory=dict)
    registry: Registry | None = None  # the known partnerships, if a registry file is set
    network: NetworkView | None = None  # the registry as the filters show it, with news activity

    def caption(self) -> str:
        """One line on what is shown: how many items of how many, their dates, the source,
        its files (from the store or extracted), the registry's size, when loaded."""
        t, data = self.t, self.data
        parts = [
            t("showing", shown=t.number(len(self.view)), total=t.number(len(data.events))),
            self.span,
            t("header_source", source=self.source_label),
            t(
                "header_files",
                files=t.number(data.files_read),
                stored=t.number(data.files_stored),
                extracted=t.number(data.files_read - data.files_stored),
            ),
        ]
        if self.registry is not None:
            parts.append(t("header_registry", links=t.number(len(self.registry.partnerships))))
        return " · ".join([*parts, t("header_loaded", loaded=self.loaded)])

    @property
    def loaded(self) -> str:
        """When the data was read: the time of day, and the date unless it was today."""
        time = f"{self.loaded_at:%H:%M}"
        day = self.loaded_at.date()
        return time if day == date.today() else f"{self.t.date(day)} {time}"

    @cached_property
    def span(self) -> str:  # asked for by the caption and every chart of the run
        dates = self.view.column("date").dropna()
        if dates.empty:
            return self.t("no_dates")
        return f"{self.t.date(dates.min().date())} – {self.t.date(dates.max().date())}"


def set_context(context: Context) -> None:
    st.session_state[_KEY] = context


def context() -> Context:
    current: Context = st.session_state[_KEY]
    return current
