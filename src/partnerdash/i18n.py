"""Interface text in English and German (data/labels.toml), numbers and dates per language."""

from __future__ import annotations

import gettext
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import pycountry

from partnerdash import settings
from partnerdash.extract.keywords import default_taxonomy

LANGUAGES = ("en", "de")
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "de": ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."),
}


@cache
def _table() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, Any]] = tomllib.loads(
        settings.resource("labels.toml").read_text(encoding="utf-8")
    )
    return {lang: {k: str(v) for k, v in texts.items()} for lang, texts in data.items()}


@cache
def _country_translation(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


@dataclass(frozen=True)
class Labels:
    lang: str = "en"

    def __call__(self, key: str, **values: object) -> str:
        """The interface text for ``key``, with ``{placeholders}`` filled in."""
        table = _table()
        text = table.get(self.lang, {}).get(key) or table["en"].get(key) or key
        return text.format(**values) if values else text

    def category(self, value: str) -> str:
        """A topic, kind, region or other category value, in this language."""
        taxonomy = default_taxonomy()
        for label in (*taxonomy.topics, *taxonomy.kinds):
            if label.key == value:
                return label.name(self.lang)
        return self(value)

    def country(self, code: str) -> str:
        record = pycountry.countries.get(alpha_2=code)
        if record is None:
            return code
        name = str(getattr(record, "common_name", None) or record.name)
        return _country_translation(self.lang).gettext(name)

    def number(self, value: float, decimals: int = 0) -> str:
        text = f"{value:,.{decimals}f}"
        return text.translate(str.maketrans(",.", ".,")) if self.lang == "de" else text

    def date(self, day: date | None) -> str:
        if day is None:
            return "—"
        month = _MONTHS.get(self.lang, _MONTHS["en"])[day.month - 1]
        return f"{day.day}. {month} {day.year}" if self.lang == "de" else f"{day.day} {month} {day.year}"
