"""The look: one colour-blind-safe scheme, groups told apart without colour, and text with
WCAG AA contrast in Streamlit's light and dark themes and on the charts."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from partnerdash import settings
from partnerdash.charts.theme import (
    MISSING,
    OKABE_ITO,
    PAPER,
    REGION_COLOURS,
    REGIONS,
    TEMPLATE,
    Style,
    contrast,
    ink,
    sequential,
    style,
    styles_for,
)

AA, AA_LARGE = 4.5, 3.0
CONFIG = settings.PROJECT_ROOT / ".streamlit" / "config.toml"


def theme(scheme: str) -> dict[str, str]:
    config: dict[str, Any] = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    section: dict[str, str] = config["theme"][scheme]
    return section


def blend(colour: str, background: str, alpha: float) -> str:
    """``colour`` at ``alpha`` over ``background``, as the browser paints it."""
    mixed = (
        round(int(colour[i : i + 2], 16) * alpha + int(background[i : i + 2], 16) * (1 - alpha))
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{channel:02X}" for channel in mixed)


def test_contrast_is_wcag_2s_ratio() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the lightest AA grey on white
    assert contrast("#0072B2", "#0072B2") == 1


def test_every_region_colour_is_okabe_ito_or_the_grey_of_no_region() -> None:
    assert set(REGION_COLOURS) == set(REGIONS)
    assert {REGION_COLOURS["Unknown"], REGION_COLOURS["No place named"]} == {MISSING}
    assert set(REGION_COLOURS.values()) - {MISSING} == set(OKABE_ITO)


def test_the_ninth_region_shares_a_colour_but_neither_pattern_nor_symbol() -> None:
    styles = styles_for(REGIONS, REGIONS)
    germany, oceania = styles["Germany"], styles["Oceania"]
    assert oceania.colour == germany.colour
    assert oceania.pattern != germany.pattern
    assert oceania.symbol != germany.symbol
    unknown, unnamed = styles["Unknown"], styles["No place named"]
    assert unknown.colour == unnamed.colour == MISSING
    assert unknown.pattern != unnamed.pattern


def test_a_region_looks_the_same_whatever_else_a_chart_shows() -> None:
    alone = styles_for(["Asia"], REGIONS)["Asia"]
    assert styles_for(["Oceania", "Europe", "Asia"], REGIONS)["Asia"] == alone
    assert styles_for(["Atlantis", "Asia"], REGIONS)["Atlantis"] == style(len(REGIONS))


def test_a_topic_looks_the_same_whichever_chart_lists_it_first() -> None:
    by_size = styles_for(["water", "climate", "health"])  # a trend, largest first
    by_name = styles_for(["climate", "health", "water"])  # the shares, in column order
    assert by_size == by_name
    assert by_name["climate"] == style(0)
    assert styles_for(["Other", "water"])["Other"] == style(1, missing=True)  # no topic: grey, last


def test_no_two_of_64_groups_share_colour_and_pattern() -> None:
    styles = [style(n) for n in range(64)]
    assert len({(s.colour, s.pattern) for s in styles}) == 64
    assert len({s.pattern for s in styles[:8]}) == 8  # without colour, eight groups still differ
    assert len({s.symbol for s in styles[:12]}) == 12  # every region has a symbol of its own
    assert len({(s.dash, s.symbol) for s in styles[:12]}) == 12


def test_black_or_white_text_reads_on_every_colour_of_the_sequential_scale() -> None:
    for colour in sequential(n / 100 for n in range(101)):
        assert contrast(ink(colour), colour) >= AA, colour


def test_a_patterns_lines_stand_out_on_its_colour() -> None:
    for colour in (*OKABE_ITO, MISSING):
        assert contrast(Style(colour, "/", "circle", "solid").ink, colour) >= AA_LARGE, colour


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_and_captions_have_aa_contrast_on_both_backgrounds(scheme: str) -> None:
    colours = theme(scheme)
    for background in (colours["backgroundColor"], colours["secondaryBackgroundColor"]):
        assert contrast(colours["textColor"], background) >= AA
        # Captions, help and placeholders: Streamlit's fadedText60, the text at 60 %.
        assert contrast(blend(colours["textColor"], background, 0.6), background) >= AA


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_chosen_segmented_button_is_readable(scheme: str) -> None:
    colours = theme(scheme)
    primary = colours["primaryColor"]
    for background in (colours["backgroundColor"], colours["secondaryBackgroundColor"]):
        for tint in (0.1, 0.2):  # chosen, and chosen under the pointer
            assert contrast(primary, blend(primary, background, tint)) >= AA


def test_the_light_themes_primary_buttons_are_readable() -> None:
    # Streamlit writes white on them; the dark theme's primary cannot carry white, and the
    # app has no primary buttons (the browser test finds any that appear).
    assert contrast("#FFFFFF", theme("light")["primaryColor"]) >= AA


def test_chart_text_has_aa_contrast_on_the_chart_card() -> None:
    import plotly.io as pio

    layout = pio.templates[TEMPLATE].layout
    assert layout.paper_bgcolor == layout.plot_bgcolor == PAPER
    for text in (layout.font.color, layout.title.subtitle.font.color):
        assert contrast(text, PAPER) >= AA
    assert contrast(layout.font.color, blend(PAPER, "#000000", 0.8)) >= AA  # the legend, over anything
