"""Synthetic news items for benchmarks: deterministic, realistic in shape, never real news.

Items name real municipalities of the gazetteer (small villages too), in English and
German, with every dateline form the loaders read, partnership phrasings, topic words,
captions, navigation noise, people's names and invented places that cannot resolve.
The same (items, seed) always gives the same bytes.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TextIO

from partnerdash.geocode.gazetteer import Place, default_gazetteer

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")  # fmt: skip
_MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
              "Oktober", "November", "Dezember")  # fmt: skip
_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
_COUNTRIES = {
    "UA": ("Ukraine", "Ukraine"), "TZ": ("Tanzania", "Tansania"), "GH": ("Ghana", "Ghana"),
    "NI": ("Nicaragua", "Nicaragua"), "BF": ("Burkina Faso", "Burkina Faso"), "LB": ("Lebanon", "Libanon"),
    "MZ": ("Mozambique", "Mosambik"), "PE": ("Peru", "Peru"), "ID": ("Indonesia", "Indonesien"),
    "RW": ("Rwanda", "Ruanda"), "MA": ("Morocco", "Marokko"), "VN": ("Vietnam", "Vietnam"),
}  # fmt: skip
_TOPICS_EN = ("climate adaptation", "drinking water supply", "primary health care", "reconstruction",
              "fair trade procurement", "refugees and migration", "youth exchange and schools",
              "the 2030 Agenda and the SDGs", "local economy and jobs", "a cultural festival",
              "public transport", "local governance")  # fmt: skip
_TOPICS_DE = ("Klimaschutz", "die Wasserversorgung", "die Gesundheitsversorgung", "den Wiederaufbau",
              "fairen Handel und Beschaffung", "Migration und Flucht", "Jugendaustausch und Schulen",
              "die Agenda 2030", "die lokale Wirtschaft", "ein Kulturfestival", "den Nahverkehr",
              "die Kommunalverwaltung")  # fmt: skip
_KINDS_EN = ("At a conference in {de}, ", "In an interview, ", "A new publication shows how ", "")
_KINDS_DE = (
    "Auf einer Konferenz in {de} berichtet",
    "Im Interview berichtet",
    "In einer neuen Broschüre berichtet",
    "Dabei berichtet",
)
_CAPTIONS_EN = (
    "People stand in front of the town hall.",
    "Two mayors shake hands.",
    "A group photo of the delegation.",
)
_CAPTIONS_DE = (
    "Foto: Engagement Global/Archiv",
    "Gruppenfoto der Teilnehmenden",
    "Zwei Bürgermeister im Gespräch.",
)
_PEOPLE = (
    "Anna Schmidt",
    "Jonas Weber",
    "Amina Diallo",
    "Olena Kovalenko",
    "Carlos Mendoza",
    "Fatima Haddad",
)
_SYLLABLES = ("qa", "ryat", "zal", "mun", "tik", "oro", "bel", "wen", "ka", "di", "lo", "sur")
_NOISE = ("Hauptnavigation", "Current News", "Aktuelles")
_SKIP = frozenset({"of", "mayor", "global", "union", "bad", "hof", "rain", "hall", "norden", "weil", "may"})


@dataclass(frozen=True)
class SynthItem:
    title: str
    summary: str
    caption: str | None
    day: date
    lang: str
    dateline: str
    number: int


def _pool(rng: random.Random) -> tuple[list[Place], list[Place]]:
    """German municipalities (villages too) and partner municipalities abroad, fixed per seed."""
    home: list[Place] = []
    abroad: list[Place] = []
    for place in default_gazetteer().places():
        plain = place.name.replace(" ", "").replace("-", "").isalpha() and place.name.lower() not in _SKIP
        if place.kind != "municipality" or not plain or len(place.name) < 4:
            continue
        if place.country == "DE" and place.population >= 500:
            home.append(place)
        elif place.country in _COUNTRIES and place.population >= 20_000:
            abroad.append(place)
    home.sort(key=lambda p: p.geonameid)
    abroad.sort(key=lambda p: p.geonameid)
    return rng.sample(home, min(3000, len(home))), rng.sample(abroad, min(3000, len(abroad)))


def _dateline(rng: random.Random, day: date, lang: str) -> str:
    form = rng.randrange(6)
    if lang == "de":
        month = _MONTHS_DE[day.month - 1]
        text = (f"{day.day}. {month} {day.year}", f"{day.day}. {month}", f"{day:%d.%m.%Y}")[form % 3]
    else:
        month = _MONTHS_EN[day.month - 1]
        ordinal = f"{day.day}{_ORDINAL.get(day.day, 'th')} {month}"
        text = (f"{day.day} {month} {day.year}", ordinal, f"{month} {day.day}, {day.year}",
                f"{day.day}. {month} {day.year}", f"{day.day} {month} {day.year}", ordinal)[form]  # fmt: skip
    return f"Bonn, {text}."


def _invented(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()


def _item(rng: random.Random, number: int, day: date, home: list[Place], abroad: list[Place]) -> SynthItem:
    lang = "de" if rng.random() < 0.5 else "en"
    de, partner = rng.choice(home).name, rng.choice(abroad)
    country = _COUNTRIES[partner.country][1 if lang == "de" else 0]
    topic = rng.randrange(len(_TOPICS_EN))
    person = rng.choice(_PEOPLE)
    odd = f" The municipality of {_invented(rng)} joined them." if rng.random() < 0.1 else ""
    if lang == "de":
        title = rng.choice((f"{de} – {partner.name}: Partnerschaft für {_TOPICS_DE[topic]}",
                            f"Klimapartnerschaft {de} – {partner.name}", f"Neues aus {de}"))  # fmt: skip
        body = rng.choice((f"Die Städtepartnerschaft zwischen {de} und {partner.name} in {country} wächst.",
                           f"{de} und ihre Partnerstadt {partner.name} setzen auf {_TOPICS_DE[topic]}.",
                           f"Die Gemeinde {de} arbeitet mit Kommunen in {country} zusammen."))  # fmt: skip
        kind = rng.choice(_KINDS_DE).format(de=de)
        summary = f"{body} {kind} {person} über {_TOPICS_DE[topic]}.{odd}"
        caption = rng.choice(_CAPTIONS_DE) if rng.random() < 0.6 else None
    else:
        title = rng.choice((f"{de}-{partner.name}: working together on {_TOPICS_EN[topic]}",
                            f"Sister cities {de} and {partner.name} meet", f"News from {de}"))  # fmt: skip
        body = rng.choice((
            f"The municipal partnership between {de} and {partner.name}, {country}, grows.",
            f"The partner communities of {de} and {partner.name} focus on {_TOPICS_EN[topic]}.",
            f"{de} and its partner city {partner.name} in {country} exchanged experts.",
        ))  # fmt: skip
        kind = rng.choice(_KINDS_EN).format(de=de)
        summary = f"{body} {kind}{person} talks about {_TOPICS_EN[topic]}.{odd}"
        caption = rng.choice(_CAPTIONS_EN) if rng.random() < 0.6 else None
    return SynthItem(title, summary, caption, day, lang, _dateline(rng, day, lang), number)


def generate(items: int, seed: int) -> Iterator[SynthItem]:
    """``items`` synthetic items, newest first, from 2024 back over the years."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    home, abroad = _pool(rng)
    day = date(2024, 12, 20)
    span = max(1, (date(2024, 12, 31) - date(2015, 1, 1)).days * 1000 // max(items, 1))
    for number in range(items):
        day -= timedelta(seconds=rng.randrange(span) * 86.4)
        yield _item(rng, number + 1, day, home, abroad)


def write_listing(items: Iterator[SynthItem], out: TextIO, seed: int = 0) -> None:
    """The archive's plain-text listing, with year headings and some navigation noise."""
    out.write(f"Synthetic news listing generated by partnerdash synth (seed {seed}) — not real news\n\n")
    year = None
    for item in items:
        if item.day.year != year:
            year = item.day.year
            out.write(f"{_NOISE[year % len(_NOISE)]}\n\n{year}\n\n")
        if item.caption:
            out.write(f"{item.caption}\n\n")
        out.write(f"{item.title}\n\n{item.dateline} {item.summary}\n\n")


def write_jsonl(items: Iterator[SynthItem], out: TextIO, seed: int = 0) -> None:
    for item in items:
        record = {
            "title": item.title,
            "date": item.day.isoformat(),
            "summary": f"{item.dateline} {item.summary}",
            "caption": item.caption,
            "lang": item.lang,
            "url": f"https://example.org/synthetic/{item.number}",
            "source": f"synthetic (partnerdash synth, seed {seed})",
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
