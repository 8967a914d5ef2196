import pytest

from partnerdash.extract.keywords import KeywordIndex, words
from partnerdash.extract.lang import detect_language
from partnerdash.extract.topics import kind, topics


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Klimapartnerschaften in Afrika", "climate"),
        ("Die Wasserversorgung in Mwanza", "water"),
        ("Neue Trinkwasserleitungen", "water"),
        ("municipal water supply and sanitation companies", "water"),
        ("wastewater disposal", "water"),
        ("Reconstruction in Ukraine starts now!", "reconstruction"),
        ("Wiederaufbau der Ukraine", "reconstruction"),
        ("a primary healthcare centre", "health"),
        ("the traffic and transport department", "mobility"),
        ("Agenda 2030 vor Ort", "sdgs"),
        ("Cities and Regions for the SDGs", "sdgs"),
        ("Fairtrade-Towns und nachhaltige Beschaffung", "fair_trade"),
        ("the influx of refugees", "migration"),
        ("Jugendbegegnung in Tansania", "education"),
        ("Understanding German local governance structures", "governance"),
        ("Kulturaustausch zwischen Partnerstädten", "culture"),
    ],
)
def test_keywords_match_words_and_german_compounds(text: str, topic: str) -> None:
    assert topic in topics(text)


@pytest.mark.parametrize(
    "text",
    ["Agrikultur auf dem Land", "Beratung und Strategie", "capacity and city", "Gewässerschutz"],
)
def test_keywords_do_not_match_inside_unrelated_words(text: str) -> None:
    assert "culture" not in topics(text)
    assert "health" not in topics(text)
    assert "water" not in topics(text)


def test_topics_are_multi_label() -> None:
    found = topics("Klimaschutz und Trinkwasser für Geflüchtete")
    assert {"climate", "water", "migration"} <= set(found)


def found(keyword: str, text: str) -> bool:
    index = KeywordIndex()
    index.add(keyword, 0)
    return bool(index.counts(words(text), text)[0])


def test_keyword_syntax() -> None:
    assert found("partnership", "Partnerships")
    assert not found("city", "capacity")
    assert found("klima*", "Klimapartnerschaften")
    assert not found("klima*", "Weltklima")
    assert found("*wasser", "Trinkwasser")
    assert found("*wasser*", "Trinkwasserversorgung")
    assert found("drinking water", "drinking-water supply")
    assert not found("drinking water", "drinking the water")


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Hildesheim – Padang", "In our interview, they told us about the conference.", "interview"),
        ("OECD Roundtable on Cities and Regions", "A review of the progress.", "conference"),
        ("Strengthen your partnership", "send your Declaration of Interest!", "funding_call"),
        ("Neue Broschüre erschienen", "Die Publikation zeigt Beispiele.", "publication"),
        ("A day in the life", "Nothing in particular happened.", "news"),
    ],
)
def test_kind_prefers_what_the_title_says(title: str, text: str, expected: str) -> None:
    assert kind(title, text) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The city of Leipzig is hosting the conference.", "en"),
        ("Die Stadt Leipzig richtet die Konferenz aus.", "de"),
        ("Klimapartnerschaften feiern Jubiläum", "de"),
        ("12345", "und"),
    ],
)
def test_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
