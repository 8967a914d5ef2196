"""Partnerships stated between the names of one text, on invented sentences.

The names and their kinds are given here, as the place finder would give them, so that
each example shows one phrasing and nothing of the gazetteer.
"""

from __future__ import annotations

import re

import pytest

from partnerdash.extract.mentions import Mention
from partnerdash.extract.pairs import PairLink, find_links, find_pairs
from partnerdash.extract.rules import default_rules
from partnerdash.normalize import normalize

REGIONS = {"Baden", "Württemberg", "Franken", "Ohio", "Saarland", "Cham", "Rhineland-Palatinate", "Allgäu"}
COUNTRIES = {"Germany", "France", "Ghana", "Ukraine", "Rwanda", "Polen", "Senegal", "US"}


def kind_of(mention: Mention) -> str | None:
    if mention.text in REGIONS:
        return "region"
    if mention.text in COUNTRIES:
        return "country"
    return "municipality"


def mentions(text: str, names: list[str]) -> list[Mention]:
    """Each name where written, as the place finder reads it: "Leipzigs" and "Leipzig’s"
    are Leipzig, and a possessive is not part of the name."""
    found = []
    for name in names:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(['’]s|s)?(?!\w)", text):
            written = name + ("s" if match.group(1) == "s" else "")
            found.append(Mention("summary", written, normalize(name), match.start(), match.end(), 0, 1))
    return sorted(found, key=lambda m: m.start)


def links(text: str, *names: str) -> list[PairLink]:
    return find_pairs(text, mentions(text, list(names)), default_rules(), kind_of)


def pairs(text: str, *names: str) -> set[tuple[str, str]]:
    """The stated municipal pairs, each as (the name first written, the other)."""
    name_of = {normalize(name): name for name in names}
    found = set()
    for link in links(text, *names):
        if link.stated and link.kind == "municipal":
            a, b = sorted((link.a, link.b), key=lambda m: m.start)
            found.add((name_of[a.key], name_of[b.key]))
    return found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Eltville-Montrichard: a dynamic partnership",
            ("Eltville", "Montrichard"),
            ("Eltville", "Montrichard"),
        ),
        ("Ottobrunn – Nagyatád: what counts", ("Ottobrunn", "Nagyatád"), ("Ottobrunn", "Nagyatád")),
        ("Die Klimapartnerschaft Lauf – Mwanza wächst.", ("Lauf", "Mwanza"), ("Lauf", "Mwanza")),
        (
            "Der Freundeskreis Eltville-Montrichard lädt ein.",
            ("Eltville", "Montrichard"),
            ("Eltville", "Montrichard"),
        ),
        ("Wrocław (Breslau) — Wiesbaden", ("Wrocław", "Breslau", "Wiesbaden"), ("Wrocław", "Wiesbaden")),
        ("Lubań ( Lauban) — Goslar (seit 1990)", ("Lauban", "Goslar"), ("Lauban", "Goslar")),
    ],
)
def test_a_dash_between_two_towns(text: str, names: tuple[str, ...], expected: tuple[str, str]) -> None:
    assert pairs(text, *names) == {expected}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Die Bürgermeisterin von Friedrichshain-Kreuzberg eröffnete die Ausstellung.",
            ("Friedrichshain", "Kreuzberg"),
        ),
        ("Das Kurhaus in Bad Sooden-Allendorf ist neu.", ("Bad Sooden", "Allendorf")),
        ("Die Schulen in Baden-Württemberg beginnen.", ("Baden", "Württemberg")),
        ("Der Landkreis Oder-Spree und seine Partner feiern.", ("Oder", "Spree")),
    ],
)
def test_double_names_are_no_pairs(text: str, names: tuple[str, ...]) -> None:
    assert links(text, *names) == []


def test_a_double_name_before_a_dash_is_one_side() -> None:
    text = "Climate partnership Steglitz-Zehlendorf (Berlin) – Brookline"
    found = links(text, "Steglitz", "Zehlendorf", "Berlin", "Brookline")
    assert [(link.a.text, link.b.text) for link in found] == [("Steglitz", "Brookline")]


@pytest.mark.parametrize(
    "text",
    [
        "Die Städtepartnerschaft zwischen Eltville und Montrichard besteht seit 1966.",
        "Die Partnerschaft zwischen der Stadt Eltville und der Gemeinde Montrichard ist alt.",
        "Die Klimapartnerschaft zwischen Eltville und Montrichard trägt Früchte.",
        "Eine Projektpartnerschaft zwischen Eltville in Franken und Montrichard beginnt.",
        "The partner communities of Eltville and Montrichard meet in May.",
        "Eltville und Montrichard begehen 2026 ihr Jubiläum: 60 Jahre Städtepartnerschaft.",
        "Eltville in Rheingau and Montrichard have been twinned since 1966.",
        "Viele Partnerschaften sind alt. Ein Vertrag zwischen Eltville und Montrichard stammt von 1966.",
    ],
)
def test_a_partnership_word_names_two_towns(text: str) -> None:
    assert pairs(text, "Eltville", "Montrichard", "Franken") == {("Eltville", "Montrichard")}


@pytest.mark.parametrize(
    "text",
    [
        "Die Gemeinde Ottobrunn und ihre Partnerstadt Nagyatád helfen einander.",
        "Ottobrunns Partnerstadt Nagyatád baut eine Schule.",
        "Ottobrunn ist auch Partnerstadt von Nagyatád.",
        "Eine Delegation aus Ottobrunn hat die ungarische Partnerstadt Nagyatád besucht.",
        "Ottobrunn pflegt seit 1990 eine Städtepartnerschaft mit Nagyatád.",
        "Die Partnerschaft der Gemeinde Ottobrunn mit der Stadt Nagyatád besteht seit 1990.",
        "Ottobrunn, near Munich, is proud of being twinned with Nagyatád.",
        "Ottobrunn has been twinned with Nagyatád since 1990.",
        "Nagyatád became sister cities with Ottobrunn in 1990.",
        "The mayor of Nagyatád, Ottobrunn's partner town, came too.",
        "Nagyatád, which is Ottobrunn's sister city, sent a choir.",
        "A delegation from Nagyatád visited Ottobrunn for the twinning anniversary.",
    ],
)
def test_a_partner_word_between_two_towns(text: str) -> None:
    found = pairs(text, "Ottobrunn", "Nagyatád", "Munich")
    assert {frozenset(pair) for pair in found} == {frozenset(("Ottobrunn", "Nagyatád"))}


def test_a_visit_alone_is_no_partnership() -> None:
    assert links("A delegation from Nagyatád visited Ottobrunn last week.", "Nagyatád", "Ottobrunn") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ingolstadt und seine Partnerstädte Grasse, Kirkcaldy und Murrhardt laden ein.",
        "Im Rathaus hängen die Urkunden der Partnerstädte Ingolstadts: Grasse, Kirkcaldy und Murrhardt.",
        "Ingolstadt now has three sister cities, Grasse, Kirkcaldy and Murrhardt.",
        "Grasse, Kirkcaldy and Murrhardt are Ingolstadt’s oldest sister cities.",
        "Grasse, Kirkcaldy und Murrhardt sind Partnerstädte von Ingolstadt.",
    ],
)
def test_a_list_of_partners_of_a_named_town(text: str) -> None:
    found = pairs(text, "Ingolstadt", "Grasse", "Kirkcaldy", "Murrhardt")
    assert {frozenset(pair) for pair in found} == {
        frozenset(("Ingolstadt", partner)) for partner in ("Grasse", "Kirkcaldy", "Murrhardt")
    }


def test_two_statements_share_a_list_split_at_its_comma() -> None:
    text = "Bern twinned with Gent, Turku and Split are sister cities of Graz."
    assert pairs(text, "Bern", "Gent", "Turku", "Split", "Graz") == {
        ("Bern", "Gent"),
        ("Turku", "Graz"),
        ("Split", "Graz"),
    }


def test_a_comma_and_between_two_clauses_is_no_list() -> None:
    text = "Lviv twinned with Kraków, and Odesa became sister cities with Lublin."
    assert pairs(text, "Lviv", "Kraków", "Odesa", "Lublin") == {("Lviv", "Kraków"), ("Odesa", "Lublin")}


def test_only_the_nearest_of_a_list_without_and() -> None:
    text = "Kharkiv thanked Opole, Poznań twinned with Brno."
    assert pairs(text, "Kharkiv", "Opole", "Poznań", "Brno") == {("Poznań", "Brno")}


def test_pairs_of_pairs_in_one_sentence() -> None:
    text = (
        "Partnerschaften gibt es auch zwischen der Gemeinde Aach mit der Stadt Ustka "
        "und der Gemeinde Pfronten mit der Stadt Belfort."
    )
    assert pairs(text, "Aach", "Ustka", "Pfronten", "Belfort") == {("Aach", "Ustka"), ("Pfronten", "Belfort")}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("We are proud of our partnership with both Lörrach and Sens.", ("Lörrach", "Sens")),
        (
            "Die Städtepartnerschaft lebt: Gäste aus Eltville und Montrichard kamen.",
            ("Eltville", "Montrichard"),
        ),
        (
            "Die Kreise besuchten in ihren Partnerkommunen Eltville und Montrichard Schulen.",
            ("Eltville", "Montrichard"),
        ),
        ("Daraus sind Städtepartnerschaften entstanden: Wetzlar an Lahn und Dill.", ("Lahn", "Dill")),
    ],
)
def test_partners_of_somebody_else_are_not_each_others(text: str, names: tuple[str, ...]) -> None:
    assert links(text, *names) == []


def test_between_alone_states_no_partnership() -> None:
    (link,) = links("Der Zug fährt zwischen Eltville und Montrichard.", "Eltville", "Montrichard")
    assert not link.stated


def test_two_towns_in_a_title_are_an_unstated_link() -> None:
    (link,) = links("Eltville und Montrichard: ein Jahr voller Begegnungen", "Eltville", "Montrichard")
    assert (link.a.text, link.b.text, link.stated, link.kind) == (
        "Eltville",
        "Montrichard",
        False,
        "municipal",
    )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The state of Ohio, US, signed a partnership with the Lviv region.", ("Ohio", "US", "Lviv")),
        ("Der Landkreis Cham und sein Partnerkreis Klatovy feiern.", ("Cham", "Klatovy")),
        ("Der Kreis Ottobrunn empfing Gäste aus dem Partnerkreis Klatovy.", ("Ottobrunn", "Klatovy")),
        (
            "The partnership between Rhineland-Palatinate and Rwanda is old.",
            ("Rhineland-Palatinate", "Rwanda"),
        ),
        ("Rhineland-Palatinate – Rwanda: forty years", ("Rhineland-Palatinate", "Rwanda")),
    ],
)
def test_partnerships_of_regions_are_of_another_kind(text: str, names: tuple[str, ...]) -> None:
    found = links(text, *names)
    assert found
    assert {link.kind for link in found} == {"other"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ottobrunn in Ukraine und ihre Partnerstadt in Polen helfen.", ("Ottobrunn", "Ukraine", "Polen")),
        ("Germany – France: the match", ("Germany", "France")),
        ("Kumasi and its partner city in Ghana", ("Kumasi", "Ghana")),
        ("The capital of Saarland presented goods from its partner city Bamako.", ("Saarland", "Bamako")),
    ],
)
def test_a_country_is_never_a_side(text: str, names: tuple[str, ...]) -> None:
    assert links(text, *names) == []


def test_the_qualifier_of_a_name_is_folded_into_it() -> None:
    text = "Eckernförde in Allgäu and its partner town Tanga (Ghana) met."
    (link,) = links(text, "Eckernförde", "Allgäu", "Tanga", "Ghana")
    assert (link.a.text, link.b.text, link.shape) == ("Eckernförde", "Tanga", "partner")
    assert link.phrase == "Eckernförde in Allgäu and its partner town Tanga"


def test_a_long_list_is_a_listing() -> None:
    names = [f"Town{chr(65 + i)}" for i in range(20)]
    text = "Partnerstädte: " + ", ".join(names[:-1]) + " und " + names[-1] + "."
    assert links(text, *names) == []


def hosted(text: str, *names: str) -> list[list[str]]:
    """The lists of partners named with no other side, as written."""
    _, found = find_links(text, mentions(text, list(names)), default_rules(), kind_of)
    return [[m.text for m in link.partners] for link in found]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Auf dem Weihnachtsmarkt sind die Partnerstädte Trondheim, Gyönk und Brescia zu Gast.",
            ("Trondheim", "Gyönk", "Brescia"),
            [["Trondheim", "Gyönk", "Brescia"]],
        ),
        (
            "Eine Delegation aus der gemeinsamen Partnerstadt Winnyzja ist zu Gast.",
            ("Winnyzja",),
            [["Winnyzja"]],
        ),
        ("A choir from our twin town Harpenden sang.", ("Harpenden",), [["Harpenden"]]),
        ("Die Partnerstädte: Lyon, Turin.", ("Lyon", "Turin"), [["Lyon", "Turin"]]),
    ],
)
def test_partners_named_with_no_other_side_are_left_to_the_item_host(
    text: str, names: tuple[str, ...], expected: list[list[str]]
) -> None:
    assert hosted(text, *names) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Leipzigs Partnerstadt Kiew feiert.", ("Leipzig", "Kiew")),  # the owner is named
        ("Sie besuchten die Partnerstadt von Kassel, Florenz.", ("Kassel", "Florenz")),
        ("Alzey is the twin town of Harpenden.", ("Alzey", "Harpenden")),
        ("Der Partnerkreis Unterallgäu lud ein.", ("Unterallgäu",)),  # a region's partner word
        ("Eine Delegation aus Winnyzja ist zu Gast.", ("Winnyzja",)),  # no partner word
    ],
)
def test_a_partner_whose_owner_is_named_or_not_a_town_is_not_left_to_the_host(
    text: str, names: tuple[str, ...]
) -> None:
    assert hosted(text, *names) == []


LISTED = (
    "Seit vielen Jahren pflegt Eltville Partnerschaften mit diesen Städten:\n"
    "\n"
    "  • Mit der französischen Stadt Montrichard seit 1962, nahe Tours.\n"
    "  • France: Mit Lorient seit 1980.\n"
    "  – With the English town of Hove since 1991. Hove lies near Brighton.\n"
    "Auch Mainz ist zu Gast."
)


def test_a_list_under_a_statement_pairs_the_first_name_of_each_line_with_its_owner() -> None:
    names = ("Eltville", "Montrichard", "Tours", "France", "Lorient", "English", "Hove", "Brighton", "Mainz")
    found = pairs(LISTED, *names)
    # The country before a line's partner and the adjective before "town of" are no partners;
    # names later in a line, and after the list's end, are not listed.
    assert found == {("Eltville", "Montrichard"), ("Eltville", "Lorient"), ("Eltville", "Hove")}


def test_a_numbered_list_under_a_partner_word_is_left_to_the_item_host() -> None:
    text = "Unsere Partnerstädte:\n1. Trondheim (seit 1970)\n2. Gyönk\nMehr dazu im Rathaus."
    assert hosted(text, "Trondheim", "Gyönk") == [["Trondheim", "Gyönk"]]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # No partnership word in the statement: a list of anything.
        ("Eltville lädt ein:\n• Montrichard\n• Lorient\n", ("Eltville", "Montrichard", "Lorient")),
        # Two towns in the statement: whose partners they are is not said.
        (
            "Wie Eltville pflegt auch Mainz Partnerschaften:\n• Montrichard\n• Lorient\n",
            ("Eltville", "Mainz", "Montrichard", "Lorient"),
        ),
        # Lines without a mark are no list.
        ("Eltville pflegt Partnerschaften:\nMontrichard lädt ein.\n", ("Eltville", "Montrichard")),
        # Numbers out of turn are dates, not a list.
        (
            "Eltville feiert die Partnerschaft:\n12. Mai: Montrichard\n13. Mai: Lorient\n",
            ("Eltville", "Montrichard", "Lorient"),
        ),
    ],
)
def test_a_list_without_a_stated_owner_or_marks_is_no_partnership(text: str, names: tuple[str, ...]) -> None:
    assert pairs(text, *names) == set()


def test_a_list_under_a_statement_longer_than_a_list_is_a_listing() -> None:
    names = [f"Town{chr(65 + i)}" for i in range(20)]
    text = "Eltville pflegt Partnerschaften:\n" + "".join(f"• {name}\n" for name in names)
    assert pairs(text, "Eltville", *names) == set()
