"""Finding, resolving and pairing places, on sentences written as the archive writes them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from partnerdash.extract.rules import default_rules
from partnerdash.geocode.gazetteer.places import Place
from partnerdash.geocode.resolve import FoundPlace, ItemPlaces, PlaceFinder, as_spelled
from partnerdash.pipeline import default_finder


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    return default_finder()


def find(finder: PlaceFinder, text: str, title: str = "", dateline: str | None = None) -> ItemPlaces:
    return finder.find({"title": title, "summary": text}, dateline)


def resolved(result: ItemPlaces) -> dict[str, tuple[str, str, str]]:
    """Name as written → (canonical, kind, country) for every resolved place."""
    return {f.name: (f.place.name, f.place.kind, f.place.country) for f in result.places if f.place}


def pairs(result: ItemPlaces) -> list[tuple[str, str]]:
    return [
        (p.a.place.name if p.a.place else p.a.name, p.b.place.name if p.b.place else p.b.name)
        for p in result.pairs
    ]


@pytest.mark.parametrize(
    ("written", "canonical", "country"),
    [
        ("Kyiv", "Kyiv", "UA"),
        ("Kiew", "Kyiv", "UA"),
        ("Kiev", "Kyiv", "UA"),
        ("Munich", "Munich", "DE"),
        ("München", "Munich", "DE"),
        ("Kharkiv", "Kharkiv", "UA"),
        ("Charkiw", "Kharkiv", "UA"),
        ("Addis Abeba", "Addis Ababa", "ET"),
        ("Cape Coast", "Cape Coast", "GH"),
    ],
)
def test_exonyms_and_other_spellings(finder: PlaceFinder, written: str, canonical: str, country: str) -> None:
    result = find(finder, f"The delegation travelled from Bonn to {written} last week.")
    assert resolved(result)[written][0::2] == (canonical, country)


def test_hyphenated_regions_and_german_inflection(finder: PlaceFinder) -> None:
    result = find(
        finder,
        "Rhineland-Palatinate und Ruanda feiern. Leipzigs Partnerstadt Kiew lädt ein, "
        "in der Stadt Hildesheim tagt die Konferenz.",
    )
    places = resolved(result)
    assert places["Rhineland-Palatinate"] == ("Rhineland-Palatinate", "region", "DE")
    assert places["Leipzigs"][0] == "Leipzig"
    assert places["Kiew"][0] == "Kyiv"
    assert places["Hildesheim"][0] == "Hildesheim"


@pytest.mark.parametrize(
    "text",
    [
        "The Bonn Declaration was signed by forty mayors.",
        "Support for the Global South is growing.",
        "Mayor Burkhard Jung opened the meeting.",
        "In the interview, Oliver Rösner and Erwin M. told us what matters.",
        "Engagement Global supports municipalities.",
        "Of the many projects, most are small.",
    ],
)
def test_ordinary_words_names_and_organisations_are_not_places(finder: PlaceFinder, text: str) -> None:
    assert resolved(find(finder, text)) == {}


def test_the_dateline_city_is_kept_but_flagged(finder: PlaceFinder) -> None:
    result = find(finder, "The city of Leipzig hosts the conference.", dateline="Bonn")
    dateline = [f for f in result.places if f.dateline]
    assert [(f.name, f.place.country if f.place else None) for f in dateline] == [("Bonn", "DE")]
    assert "Leipzig" in resolved(result)


def test_context_country_wins_and_no_candidate_means_unresolved() -> None:
    # GeoNames calls Khorramshahr (Iran) "Al-Muhammarah"; in news about Lebanon that is wrong.
    khorramshahr = Place(127319, "Khorramshahr", "municipality", "IR", "15", 30.44, 48.18, 133_097)
    lebanon = Place(272103, "Lebanon", "country", "LB", "", 33.9, 35.5, 6_848_925)
    gazetteer = _FakeGazetteer({"al mohammara": [khorramshahr], "lebanon": [lebanon]})
    finder = PlaceFinder(gazetteer, {}, default_rules())
    result = find(finder, "Lebanon is in crisis. The small town of Al Mohammara builds a health centre.")
    (unresolved,) = [f for f in result.places if f.place is None]
    assert unresolved.name == "Al Mohammara"
    assert "IR" in (unresolved.unresolved_reason or "")
    assert "LB" in (unresolved.unresolved_reason or "")


def test_an_override_supplies_a_place_the_gazetteer_lacks(finder: PlaceFinder) -> None:
    result = find(finder, "The partner communities of Al Mohammara and Opfenbach in Allgäu work together.")
    places = resolved(result)
    assert places["Al Mohammara"] == ("Al Mohammara", "municipality", "LB")
    assert places["Opfenbach"] == ("Opfenbach", "municipality", "DE")
    assert places["Allgäu"] == ("Allgäu", "region", "DE")
    assert [f.resolved_by for f in result.places if f.name == "Al Mohammara"] == ["override"]


def test_a_name_only_a_cue_marks_is_listed_unresolved(finder: PlaceFinder) -> None:
    result = find(finder, "The municipality of Qaryat Zzyzx signed a partnership agreement.")
    assert [(f.name, f.place) for f in result.places] == [("Qaryat Zzyzx", None)]
    assert "not in the gazetteer" in (result.places[0].unresolved_reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "A delegation from Solt visited its twin town Qaryat Zzyzx this week.",
        "Solt und die Partnerstadt Qaryat Zzyzx feierten.",
        "The Hauptstadt Qaryat Zzyzx signed the agreement.",
        "Eine Delegation aus Qaryat Zzyzx besuchte Bonn.",
    ],
)
def test_a_place_noun_before_a_name_the_gazetteer_lacks_lists_it_unresolved(
    finder: PlaceFinder, text: str
) -> None:
    unresolved = [f.name for f in find(finder, text).places if f.place is None]
    assert unresolved == ["Qaryat Zzyzx"]


@pytest.mark.parametrize(
    "text",
    [
        "Die Gäste kamen aus Qaryat Zzyzx nach Solt.",
        "Bonn signed the Sister City Agreement with Leipzig.",
        "The Twin Town Association Zzyzx of Leipzig met in Bonn.",
    ],
)
def test_a_preposition_or_a_cue_in_title_case_does_not_make_an_unknown_word_a_place(
    finder: PlaceFinder, text: str
) -> None:
    assert [f.name for f in find(finder, text).places if f.place is None] == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Qaryat Zzyzx and its partner town Bonn celebrated their partnership.", "en"),
        ("Gestern feierten Qaryat Zzyzx und ihre Partnerstadt Bonn.", "de"),
    ],
)
def test_a_town_that_has_a_twin_town_is_a_place_even_one_the_gazetteer_lacks(
    finder: PlaceFinder, text: str, lang: str
) -> None:
    places = finder.find({"summary": text}, None, lang).places
    assert [f.name for f in places if f.place is None] == ["Qaryat Zzyzx"]


def test_an_ordinary_word_that_has_a_twin_town_is_still_no_place(finder: PlaceFinder) -> None:
    text = "Der Verein und seine Partnerstadt Bonn feierten."
    assert [f.name for f in finder.find({"summary": text}, None, "de").places if f.place is None] == []


def test_an_ordinary_word_after_a_cue_is_not_listed_as_a_place_the_gazetteer_lacks(
    finder: PlaceFinder,
) -> None:
    text = "Es sprach Ralf Heinen, Bürgermeister der Stadt Köln und Mitglied des Präsidiums."
    assert [f.name for f in finder.find({"summary": text}, None, "de").places if f.place is None] == []


def test_a_common_word_that_begins_names_of_places_still_begins_an_unknown_one(
    finder: PlaceFinder,
) -> None:
    text = "Die Partnergemeinde Bad Qzzyxheim feierte."
    assert [f.name for f in finder.find({"summary": text}, None, "de").places if f.place is None] == [
        "Bad Qzzyxheim"
    ]


def test_a_compound_name_the_gazetteer_lacks_is_one_unresolved_name_not_its_parts(
    finder: PlaceFinder,
) -> None:
    # "Terres" is a village in Italy and "Caux" one in France; the new commune is neither.
    result = find(finder, "Eine Delegation aus Terres-de-Caux war in Jena zu Gast.")
    assert [(f.name, f.place) for f in result.places if f.place is None] == [("Terres-de-Caux", None)]
    assert set(resolved(result)) == {"Jena"}


def test_a_romance_name_with_spaces_is_one_name_without_the_type_word_before_it(finder: PlaceFinder) -> None:
    # "Belén" alone would be another spelling of Beelen in Westphalia.
    result = find(finder, "Hannover und die Gemeinde Belén de los Andaquís in Kolumbien sind Partner.")
    assert [f.name for f in result.places if f.place is None] == ["Belén de los Andaquís"]
    assert "Beelen" not in {f.place.name for f in result.places if f.place}


def test_an_abbreviation_with_its_full_stop_is_part_of_the_name(finder: PlaceFinder) -> None:
    result = find(
        finder,
        "Die Küstenstadt St. Louis im Senegal und St. Gallen sind Partner. "
        "Wir waren in Ulm. Die Stadt ist schön.",
    )
    assert resolved(result) == {
        "St. Louis": ("Saint-Louis", "municipality", "SN"),
        "Senegal": ("Senegal", "country", "SN"),
        "St. Gallen": ("Sankt Gallen", "municipality", "CH"),
        "Ulm": ("Ulm", "municipality", "DE"),
    }


def test_a_district_abroad_is_not_placed_by_a_name_towns_of_several_countries_bear(
    finder: PlaceFinder,
) -> None:
    # Solano is a town in the Philippines and in Colombia; the county is in California.
    result = find(finder, "Der Kreis Unna und Solano County sind Partner.")
    assert resolved(result) == {"Unna": ("Unna", "region", "DE")}
    (solano,) = [f for f in result.places if f.place is None]
    assert "district" in (solano.unresolved_reason or "")


def test_a_district_abroad_is_placed_where_the_towns_of_its_name_lie_in_one_country(
    finder: PlaceFinder,
) -> None:
    # The item names no country; only Poland has a town written Piła (Pila is Philippine too).
    result = find(finder, "Der Landkreis Emsland pflegt Partnerschaften, etwa mit dem Powiat Piła.")
    assert resolved(result)["Piła"] == ("Piła", "region", "PL")


def test_a_compound_name_the_gazetteer_has_is_resolved_whole(finder: PlaceFinder) -> None:
    result = find(finder, "Eine Delegation aus Fauville-en-Caux und Stratford-upon-Avon war zu Gast.")
    assert resolved(result) == {
        "Fauville-en-Caux": ("Fauville-en-Caux", "municipality", "FR"),
        "Stratford-upon-Avon": ("Stratford-upon-Avon", "municipality", "GB"),
    }


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Leipzig-Kyiv: a dynamic partnership", "", ("Leipzig", "Kyiv")),
        ("Hildesheim – Padang: what matters", "", ("Hildesheim", "Padang")),
        ("", "the municipal partnership between Munich and Harare, Zimbabwe.", ("Munich", "Harare")),
        ("", "the partnership between Harare, Zimbabwe, and Munich is old.", ("Munich", "Harare")),
        ("", "The partner communities of Al Mohammara and Opfenbach meet.", ("Opfenbach", "Al Mohammara")),
        ("", "the sister cities of Hildesheim and Padang (Indonesia) will host", ("Hildesheim", "Padang")),
        (
            "",
            "Die Städtepartnerschaft zwischen Jena und San Marcos besteht seit 1988.",
            ("Jena", "San Marcos"),
        ),
        ("", "Die Stadt Nürnberg und ihre Partnerstadt Charkiw helfen.", ("Nuremberg", "Kharkiv")),
        ("", "Die Klimapartnerschaft Würzburg – Mwanza zeigt Wirkung.", ("Würzburg", "Mwanza")),
        ("", "Leipzigs Partnerstadt Kiew braucht Hilfe.", ("Leipzig", "Kyiv")),
    ],
)
def test_partnership_phrasings(finder: PlaceFinder, title: str, text: str, expected: tuple[str, str]) -> None:
    assert pairs(finder.find({"title": title, "summary": text})) == [expected]


def test_the_german_side_comes_first_and_lists_of_countries_are_not_pairs(finder: PlaceFinder) -> None:
    result = find(finder, "The partnership between Kumasi and Dortmund is old.")
    assert pairs(result) == [("Dortmund", "Kumasi")]
    listing = "Utilities from Germany, Jordan, Zambia, South Africa, Tanzania and Ukraine form partnerships."
    assert pairs(find(finder, listing)) == []


def test_partners_with_no_other_side_are_partners_of_the_town_the_item_is_about(finder: PlaceFinder) -> None:
    text = (
        "Der Weihnachtsmarkt in Darmstadt ist eröffnet. Die Stadt Darmstadt "
        "lädt ein, und zu Gast sind die Partnerstädte Trondheim, Brescia und Troyes."
    )
    assert sorted(pairs(find(finder, text))) == [
        ("Darmstadt", "Brescia"),
        ("Darmstadt", "Trondheim"),
        ("Darmstadt", "Troyes"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Two towns at home, each named once: which one's partners they are, the text does not say.
        "Die Städte Kassel und Jena laden ein. Die Partnerstädte Florenz und Pilsen sind zu Gast.",
        # A list naming both sides states the partnership itself.
        "Sister cities: Lichtenfels and Vandalia. Later they visited Munich.",
    ],
)
def test_without_a_town_that_stands_out_partners_are_not_paired_with_a_guess(
    finder: PlaceFinder, text: str
) -> None:
    found = pairs(find(finder, text))
    assert not [pair for pair in found if "Munich" in pair or "Kassel" in pair or "Jena" in pair]


class _FakeGazetteer:
    def __init__(self, table: dict[str, list[Place]]) -> None:
        self.table = table

    def names(self) -> list[str]:
        return sorted(self.table)

    def lookup(self, normalized: str) -> list[Place]:
        return self.table.get(normalized, [])


def test_an_unknown_name_stops_before_the_country_that_follows_it(finder: PlaceFinder) -> None:
    result = find(
        finder, "Die Gemeinde Qaryat Zzyzx in der Ukraine und ihre Partnergemeinde Ensdorf planen viel."
    )
    assert [(f.name, f.place) for f in result.places if f.place is None] == [("Qaryat Zzyzx", None)]
    assert pairs(result) == [("Ensdorf", "Qaryat Zzyzx")]


def _place(result: ItemPlaces, name: str) -> FoundPlace:
    return next(f for f in result.places if f.name == name)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Die Welt schaut auf die Kommunen, die am Ende der Debatte zur Stelle waren.", "Welt"),
        ("Am Ende des Treffens unterzeichneten beide Städte die Erklärung.", "Ende"),
        ("Most of the mayors agreed.", "Most"),
    ],
)
def test_a_capitalised_ordinary_word_is_no_place_without_evidence(
    finder: PlaceFinder, text: str, word: str
) -> None:
    assert word not in resolved(find(finder, text))


def test_every_place_carries_its_confidence_and_evidence(finder: PlaceFinder) -> None:
    result = find(finder, "Die Delegation aus Leipzig reiste in die Partnerstadt Kiew.")
    leipzig = _place(result, "Leipzig")
    assert leipzig.confidence >= finder.model.threshold
    assert "cue" in leipzig.evidence
    assert "home" in leipzig.evidence


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The mayor of Harpenden welcomed the guests.", "Harpenden", "GB"),
        ("Harpenden Town Council voted for it.", "Harpenden", "GB"),
        ("Frankfurts Oberbürgermeister reiste nach China.", "Frankfurts", "DE"),
        ("Der Bürgermeister von Wachtberg begrüßte die Gäste.", "Wachtberg", "DE"),
        ("Alzey’s mayor welcomed the guests.", "Alzey", "DE"),
    ],
)
def test_a_town_s_office_or_body_named_with_it_is_evidence(
    finder: PlaceFinder, text: str, name: str, country: str
) -> None:
    place = _place(find(finder, text), name)
    assert "office" in place.evidence
    assert place.place is not None
    assert place.place.country == country


def test_a_name_with_no_office_beside_it_has_no_such_evidence(finder: PlaceFinder) -> None:
    result = find(finder, "Harpenden and Alzey met, and Mayor Gaskell of the council spoke.")
    assert "office" not in _place(result, "Harpenden").evidence


def test_a_cue_holds_across_its_bracketed_abbreviation(finder: PlaceFinder) -> None:
    with_abbreviation = find(finder, "Die Verbandsgemeinde (VG) Wallmerod lud ein.")
    assert "cue" in _place(with_abbreviation, "Wallmerod").evidence
    with_word = find(finder, "Die Verbandsgemeinde (Foto) Wallmerod lud ein.")
    assert "cue" not in _place(with_word, "Wallmerod").evidence


@pytest.mark.parametrize(
    ("written", "canonical", "other_name"),
    [
        ("Frankfurt", "Frankfurt am Main", False),
        ("Halle", "Halle (Saale)", False),
        ("Marburg", "Marburg an der Lahn", False),
        ("Kiew", "Kyiv", True),
    ],
)
def test_a_town_s_name_without_its_river_is_its_own_name_not_another(
    finder: PlaceFinder, written: str, canonical: str, other_name: bool
) -> None:
    place = _place(find(finder, f"Die Delegation reiste nach {written} und zurück."), written)
    assert place.place is not None
    assert place.place.name == canonical
    assert ("alternate name" in place.evidence) is other_name


def test_a_country_the_text_ties_a_name_to_wins(finder: PlaceFinder) -> None:
    result = find(finder, "Die Stadt Tenkodogo in Burkina Faso pflegt Beziehungen nach Hofheim.")
    assert resolved(result)["Tenkodogo"] == ("Tenkodogo", "municipality", "BF")


def test_a_name_tied_to_a_country_that_lacks_it_is_unresolved_with_the_reason(finder: PlaceFinder) -> None:
    # The gazetteer's Padang lies in Indonesia (and elsewhere), none in Kenya.
    result = find(finder, "Die Partnerstadt Padang (Kenia) lud ein.")
    padang = _place(result, "Padang")
    assert padang.place is None
    assert "Kenia" in str(padang.unresolved_reason) or "Kenya" in str(padang.unresolved_reason)


def test_a_name_s_tie_holds_for_its_other_mentions_too(finder: PlaceFinder) -> None:
    # Padang is in the title untied; the text ties it to Kenya, which has none.
    result = find(finder, "Eine Delegation reiste nach Padang (Kenia).", title="Hofheim und Padang")
    assert [f.place for f in result.places if f.key == "padang"] == [None]


def test_a_home_town_s_journey_abroad_does_not_unplace_it(finder: PlaceFinder) -> None:
    text = "Troisdorf pflegt eine Partnerschaft. Die Reise ging von Troisdorf in den Senegal."
    assert resolved(find(finder, text))["Troisdorf"] == ("Troisdorf", "municipality", "DE")


def test_a_first_name_before_a_surname_is_not_listed_as_an_unresolved_place(finder: PlaceFinder) -> None:
    # "Oliver" is only another name of a Canadian place; here it is a person.
    result = find(finder, "At the conference in Indonesia we spoke to Oliver Rösner about Padang.")
    assert "Oliver" not in {f.name for f in result.places}


def test_a_town_after_a_district_word_names_the_district(finder: PlaceFinder) -> None:
    result = find(finder, "Der Landkreis Unna und der Partnerkreis Bielsko-Biala trafen sich.")
    assert resolved(result)["Unna"][1] == "region"


def test_uncertain_places_are_listed_not_placed() -> None:
    base = default_finder()
    strict = PlaceFinder(base.gazetteer, base.overrides, base.rules, replace(base.model, threshold=0.999))
    result = strict.find({"summary": "Herrenberg feierte."})
    herrenberg = _place(result, "Herrenberg")
    assert herrenberg.uncertain
    assert herrenberg.place is None
    assert herrenberg.candidate is not None
    assert herrenberg.candidate.country == "DE"


def test_states_of_other_countries_and_country_abbreviations_are_known(finder: PlaceFinder) -> None:
    result = find(finder, "Officials from the US and the UK met delegates from California and Texas.")
    places = resolved(result)
    assert places["US"] == ("United States", "country", "US")
    assert places["UK"] == ("United Kingdom", "country", "GB")
    assert places["California"] == ("California", "region", "US")
    assert places["Texas"][1:] == ("region", "US")


def test_a_city_keeps_the_name_of_its_state_and_generic_division_names_are_no_places(
    finder: PlaceFinder,
) -> None:
    result = find(finder, "The delegation travelled to Wien and spoke in the Centre of town.")
    places = resolved(result)
    assert places["Wien"] == ("Vienna", "municipality", "AT")
    assert "Centre" not in places


def test_a_region_country_partnership_is_kept_apart_from_municipal_pairs(finder: PlaceFinder) -> None:
    result = finder.find({"title": "Rhineland-Palatinate – Rwanda: forty years", "summary": ""})
    assert pairs(result) == []
    other = [(p.a.place.name, p.b.place.name, p.kind) for p in result.other_pairs if p.a.place and p.b.place]
    assert other == [("Rhineland-Palatinate", "Rwanda", "other")]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Aken", "Aken"),  # also Aachen's Dutch name, but Aken on the Elbe bears it as its own
        ("Halle", "Halle (Saale)"),  # a short form of the city's own name is no other name
        ("Landsberg", "Landsberg am Lech"),
        ("München", "Munich"),  # an exonym no town bears as its own
        ("Hannover", "Hannover"),
    ],
)
def test_a_towns_own_name_beats_another_towns_other_name_in_its_country(
    finder: PlaceFinder, written: str, canonical: str
) -> None:
    result = find(finder, f"Die Delegation reiste von Bonn nach {written}.")
    assert resolved(result)[written][0::2] == (canonical, "DE")


@pytest.mark.parametrize(
    ("written", "state"),
    [
        ("Lohne", "06"),  # Lohne (Oldenburg), not the larger Löhne in Westphalia
        ("Munster", "06"),  # Munster in Lower Saxony, not Münster
        # Controls, right without the rule too: the umlaut written names the larger town.
        ("Löhne", "07"),
        ("Münster", "07"),
        ("Fürth", "02"),
    ],
)
def test_german_news_mean_the_town_spelled_with_the_umlauts_they_write(
    finder: PlaceFinder, written: str, state: str
) -> None:
    result = finder.find(
        {"title": "", "summary": f"Die Delegation reiste von Bonn nach {written}."}, None, "de"
    )
    place = next(f.place for f in result.places if f.name == written)
    assert place is not None
    assert (place.country, place.admin1, place.name) == ("DE", state, written)


def test_english_news_that_drop_an_umlaut_still_mean_the_city(finder: PlaceFinder) -> None:
    result = finder.find({"title": "", "summary": "A delegation from Munster visited Bonn."}, None, "en")
    assert resolved(result)["Munster"] == ("Münster", "municipality", "DE")


def test_umlauts_choose_only_among_spellings_of_one_name_in_one_country() -> None:
    munich = Place(2867714, "Munich", "municipality", "DE", "02", 48.14, 11.58, 1_260_391)
    village = Place(1, "Munchen", "municipality", "DE", "09", 50.5, 11.0, 600)
    lodz = Place(3093133, "Łódź", "municipality", "PL", "74", 51.77, 19.47, 768_755)
    namesake = Place(2, "Lodz", "municipality", "US", "TX", 30.0, -97.0, 700)
    # An other name (Munich) and another country's accent (Łódź) are left alone.
    assert as_spelled("München", "munchen", [munich, village]) == [munich, village]
    assert as_spelled("Lodz", "lodz", [lodz, namesake]) == [lodz, namesake]
    bunde = Place(2940451, "Bünde", "municipality", "DE", "07", 52.2, 8.58, 46_365)
    small = Place(2940453, "Bunde", "municipality", "DE", "06", 53.18, 7.27, 7_588)
    assert as_spelled("Bunde", "bunde", [bunde, small]) == [small]
    assert as_spelled("Bünde", "bunde", [bunde, small]) == [bunde]
    # What follows in brackets is not part of the spelling; decomposed text is the same text.
    assert as_spelled("Bunde (Ostfriesland)", "bunde", [bunde, small]) == [small]
    assert as_spelled("Bu\u0308nde", "bunde", [bunde, small]) == [bunde]


def test_a_region_written_beside_the_name_outweighs_its_spelling(finder: PlaceFinder) -> None:
    result = finder.find(
        {"title": "", "summary": "Die Delegation reiste nach Lohne (Nordrhein-Westfalen)."}, None, "de"
    )
    place = next(f.place for f in result.places if f.name == "Lohne")
    assert place is not None
    assert (place.name, place.admin1) == ("Löhne", "07")


def test_in_a_stated_country_the_town_of_that_name_beats_the_city_once_so_called(
    finder: PlaceFinder,
) -> None:
    result = find(finder, "A delegation from Hudson, United States, visited its twin town Bonn.")
    # Not Jersey City, which GeoNames also lists as Hudson.
    assert resolved(result)["Hudson"] == ("Hudson", "municipality", "US")


def test_twins_of_one_name_are_two_places(finder: PlaceFinder) -> None:
    result = find(finder, "Damme and its partner town Damme in Belgium celebrated their partnership.")
    places = {(f.place.name, f.place.country) for f in result.places if f.place}
    assert places == {("Damme", "DE"), ("Damme", "BE"), ("Belgium", "BE")}
    (pair,) = result.pairs
    assert (pair.a.place and pair.a.place.country, pair.b.place and pair.b.place.country) == ("DE", "BE")


def test_a_registry_town_does_not_push_a_city_out_by_its_stand_in_size(finder: PlaceFinder) -> None:
    lviv = Place(702550, "Lviv", "municipality", "UA", "15", 49.84, 24.02, 717_273)
    # A registry gives no population (0) and no geonameid; its coordinates may be rough.
    listed = Place(0, "Lemberg", "municipality", "UA", "", 49.70, 24.20, 0)
    assert finder.less_other_names("lemberg", [lviv, listed]) == [lviv, listed]
    aachen = Place(3247449, "Aachen", "municipality", "DE", "07", 50.78, 6.08, 265_208)
    aken = Place(2959083, "Aken", "municipality", "DE", "14", 51.86, 12.05, 9_240)
    assert finder.less_other_names("aken", [aachen, aken]) == [aken]
