"""What every page of one run needs: the data, the filtered view, the language, the mode."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
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
        """What is shown: how many items of how many, their dates, the source, when loaded."""
        return self.t(
            "showing",
            shown=self.t.number(len(self.view.events)),
            total=self.t.number(len(self.data.events)),
            span=self.span,
            source=self.source_label,
            loaded=self.loaded_at.strftime("%Y-%m-%d %H:%M"),
        )

    @cached_property
    def span(self) -> str:  # asked for by the caption and every chart of the run
        dates = self.view.events["date"].dropna()
        if dates.empty:
            return self.t("no_dates")
        return f"{self.t.date(dates.min().date())} – {self.t.date(dates.max().date())}"


def set_context(context: Context) -> None:
    st.session_state[_KEY] = context


def context() -> Context:
    current: Context = st.session_state[_KEY]
    return current
