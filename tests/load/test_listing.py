from datetime import date
from pathlib import Path

import pandas as pd

from partnerdash.load import load_paths
from partnerdash.load.listing import blocks_from_text, parse_listing
from partnerdash.pipeline import build_paths

SEED_ITEMS = [
    ("2023-12-15", "Reconstruction in Ukraine starts now!", "A blue and yellow flag bearing the words"),
    ("2023-12-01", "Strong partnerships to power reconstruction", "People sitting at a long table chatting."),
    ("2023-11-30", "Strengthen your municipal partnership with an expert", "Graphics: Two cities balance"),
    ("2023-11-11", "Leipzig-Kyiv: a dynamic partnership in troubled times", "Several people look upwards;"),
    (
        "2023-10-30",
        "Unity and Diversity: German and Asian Municipalities Conference in Hildesheim",
        "Gruppenfoto",
    ),
    (
        "2023-09-14",
        "Hildesheim – Padang: „What matters is the strong commitment!“",
        "Three women and two men",
    ),
    ("2023-08-15", "Understanding German local governance structures", "Mockup of the digital publication"),
    ("2023-07-19", "Utility partnerships: The key to a water-secure future", "About two dozen people"),
    ("2023-06-23", "Securing medical care in Lebanon", "Several people, some wearing high-visibility"),
    ("2023-06-06", "“There´s no easy solution for the traffic system in Harare”", None),
    ("2023-04-11", "OECD Roundtable on Cities and Regions for the SDGs", None),
    (
        "2023-05-23",
        "Building a primary healthcare centre in challenging times",
        "A two-storey shell can be seen.",
    ),
]


def test_the_seed_page_yields_its_twelve_items_exactly(seed_path: Path) -> None:
    dataset = build_paths([seed_path])
    events = dataset.events
    assert dataset.warnings == []
    assert len(events) == 12
    for (day, title, caption), row in zip(SEED_ITEMS, events.itertuples(), strict=True):
        assert row.date.date().isoformat() == day
        assert row.title == title
        if caption is None:
            assert pd.isna(row.caption)
        else:
            assert str(row.caption).startswith(caption)
        assert not row.date_inferred
        assert row.lang == "en"
        assert row.dateline_place == "Bonn"
    assert events["summary"].str.len().min() > 100


def test_captions_never_become_titles(seed_path: Path) -> None:
    titles = set(build_paths([seed_path]).events["title"])
    assert "Several people look upwards; buildings and flags in the background." not in titles
    assert "Gruppenfoto der Teilnehmenden der Asienkonferenz 2023 in Hildesheim" not in titles


PAGE = """Hauptnavigation
Aktuelles
2019

Foto: Engagement Global/Max Mustermann

Klimapartnerschaften feiern Jubiläum

Bonn, 3. Juli 2019. Seit fünf Jahren arbeiten Kommunen in Klimapartnerschaften zusammen.

Neue Broschüre erschienen

Bonn, 2. April. Die Servicestelle hat eine neue Publikation veröffentlicht.

Gruppenfoto der Teilnehmenden in Leipzig

Netzwerktreffen in Leipzig

Bonn, 13. März. Vertreterinnen und Vertreter aus zwanzig Kommunen trafen sich.

Ein Mann spricht

Fairer Handel in der Kommune
"""


def test_navigation_is_skipped_years_are_inferred_and_the_cut_off_item_is_reported() -> None:
    result = parse_listing(blocks_from_text(PAGE), "archiv-2019.txt")
    assert [item.title for item in result.items] == [
        "Klimapartnerschaften feiern Jubiläum",
        "Neue Broschüre erschienen",
        "Netzwerktreffen in Leipzig",
    ]
    assert result.items[0].caption == "Foto: Engagement Global/Max Mustermann"
    assert result.items[1].caption is None
    assert result.items[2].caption == "Gruppenfoto der Teilnehmenden in Leipzig"
    assert [item.year_hint for item in result.items] == [2019, 2019, 2019]
    (warning,) = result.warnings
    assert warning.source == "archiv-2019.txt"
    assert warning.item == 4
    assert "Fairer Handel in der Kommune" in warning.message
    assert "cut off" in warning.message


def test_inferred_years_are_marked_in_the_events(tmp_path: Path) -> None:
    page = tmp_path / "archiv-2019.txt"
    page.write_text(PAGE, encoding="utf-8")
    events = build_paths([page]).events
    assert [d.date() for d in events["date"]] == [date(2019, 7, 3), date(2019, 4, 2), date(2019, 3, 13)]
    assert list(events["date_inferred"]) == [False, True, True]
    assert set(events["lang"]) == {"de"}


def test_a_paragraph_after_the_dateline_paragraph_stays_with_its_item() -> None:
    text = (
        "Title one\n\nBonn, 1 June 2023. First paragraph.\n\n"
        + "A second, longer paragraph of the first item. " * 8
        + "\n\nCaption two\n\nTitle two\n\nBonn, 2 May 2023. Text two."
    )
    first, second = load_items(text)
    assert first.summary.startswith("First paragraph.")
    assert "second, longer paragraph" in first.summary
    assert second.caption == "Caption two"


def load_items(text: str) -> list:  # type: ignore[type-arg]
    return parse_listing(blocks_from_text(text), "page.txt").items


def test_a_folder_is_read_recursively(tmp_path: Path, seed_path: Path) -> None:
    (tmp_path / "2023" / "en").mkdir(parents=True)
    (tmp_path / "2023" / "en" / "page.txt").write_bytes(seed_path.read_bytes())
    (tmp_path / "README.md").write_text("notes, not news")
    result = load_paths([tmp_path])
    assert len(result.items) == 12
    assert result.warnings == []
