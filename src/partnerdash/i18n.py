"""Interface text in English and German (data/labels.toml), numbers and dates per language."""

from __future__ import annotations

import gettext
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import pycountry
from babel.dates import format_date
from babel.numbers import format_decimal

from partnerdash import settings

LANGUAGES = ("en", "de")
# CLDR's own medium dates are "May 3, 2023" and "03.05.2023"; the dashboard has always
# written the day first with the month's short name, so the pattern is fixed per language.
_DATE_PATTERNS = {"en": "d MMM y", "de": "d. MMM y"}


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


@cache
def _category_names() -> dict[str, dict[str, str]]:
    """Each topic's and kind's name per language, from the label tables of topics.toml.

    Read here rather than through the keyword index of ``partnerdash.extract``: the
    interface text needs only the names, and should not depend on the extraction stage.
    A key that is both a topic and a kind takes the topic's names.
    """
    table: dict[str, Any] = tomllib.loads(settings.resource("topics.toml").read_text(encoding="utf-8"))
    names: dict[str, dict[str, str]] = {}
    for section in ("topics", "kinds"):
        for key, entry in table.get(section, {}).items():
            label = entry.get("label", {})
            names.setdefault(str(key), {str(k): str(v) for k, v in label.items()})
    return names


def _locale(lang: str) -> str:
    return lang if lang in LANGUAGES else "en"


def _decimal_format(decimals: int) -> str:
    """A CLDR number pattern with grouping and exactly ``decimals`` fraction digits."""
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


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
        names = _category_names().get(value)
        if names is None:
            return self(value)
        return names.get(self.lang) or names.get("en") or value

    def country(self, code: str) -> str:
        record = pycountry.countries.get(alpha_2=code)
        if record is None:
            return code
        name = str(getattr(record, "common_name", None) or record.name)
        return _country_translation(self.lang).gettext(name)

    def number(self, value: float, decimals: int = 0) -> str:
        locale = _locale(self.lang)
        return format_decimal(value, format=_decimal_format(decimals), locale=locale)

    def date(self, day: date | None) -> str:
        if day is None:
            return "—"
        locale = _locale(self.lang)
        return format_date(day, _DATE_PATTERNS[locale], locale=locale)
