from __future__ import annotations

from datetime import date

import pandas as pd

from partnerdash import schema
from partnerdash.registry.join import Network, join_news, pair_keys, place_keys


def link(network: Network, a_label: str) -> pd.Series:
    links = network.links
    return links.set_index("a_name").loc[a_label]


def test_frames_follow_the_schema(network: Network) -> None:
    assert list(network.links.columns) == list(schema.LINKS)
    assert network.links.dtypes.astype(str).tolist() == list(schema.LINKS.values())
    assert list(network.unregistered.columns) == list(schema.UNREGISTERED)


def test_spellings_in_both_languages_meet(network: Network) -> None:
    munich = link(network, "Munich")  # registry "München"–"Kiew", news "Kyiv"–"Munich"
    assert (munich["news_items"], munich["stated_items"], munich["event_ids"]) == (1, 1, ["e1"])
    leipzig = link(network, "Leipzig")  # registry "Kiew", news "Kyiv"
    assert leipzig["event_ids"] == ["e3"]


def test_an_item_naming_both_sides_counts_but_not_the_dateline_seat(network: Network) -> None:
    cologne = link(network, "Köln")  # registry "Köln", news "Cologne"; never stated
    assert cologne["event_ids"] == ["e2", "e5"]
    assert (cologne["news_items"], cologne["stated_items"]) == (2, 0)
    assert cologne["first_activity"] == pd.Timestamp("2021-01-10")
    assert cologne["last_activity"] == pd.Timestamp("2023-06-20")
    assert cologne["topics"] == ["climate"]


def test_status_relative_to_the_reference_date(network: Network, news: tuple[pd.DataFrame, ...]) -> None:
    munich = link(network, "Munich")
    assert (munich["status"], munich["months_quiet"]) == ("quiet", 19)
    assert link(network, "Erfurt")["status"] == "no_news"
    recent = join_news(network_registry(network), *news, reference=date(2023, 12, 1))
    assert recent.links.set_index("a_name").loc["Munich", "status"] == "active"


def network_registry(network: Network) -> pd.DataFrame:
    """A registry frame rebuilt from the links, enough for the join."""
    frame = network.links.rename(columns={"registry_row": "row"})
    for side in ("a", "b"):
        frame[f"{side}_label"] = frame[f"{side}_name"]
        frame[f"{side}_unresolved_reason"] = None
        frame[f"{side}_geonameid"] = (
            frame["link_id"]
            .str.split("~")
            .str[0 if side == "a" else 1]
            .map(lambda key: int(key[1:]) if key.startswith("g") else None)
        )
    return schema.conform(frame, schema.REGISTRY)


def test_unresolved_registry_rows_still_listed(network: Network) -> None:
    unresolved = network.links[~network.links["resolved"]]
    assert unresolved["a_name"].tolist() == ["Gibtsnicht"]
    assert unresolved["status"].tolist() == ["no_news"]


def test_pairs_the_registry_lacks_are_new_or_unregistered(network: Network) -> None:
    new = network.unregistered
    assert new[["a_name", "b_name", "news_items", "status"]].values.tolist() == [
        ["Erlangen", "Vladimir", 1, "unregistered"]
    ]
    assert new["phrase"].iloc[0] == "Erlangen und seine Partnerstadt Wladimir"


def test_pairs_have_no_direction() -> None:
    a = place_keys(pd.Series([1, pd.NA]), pd.Series(["DE", "LB"]), pd.Series(["x", "Al Mohammara"]))
    b = a[::-1].reset_index(drop=True)
    assert pair_keys(a, b).tolist() == pair_keys(b, a).tolist() == ["g1~nLB|al mohammara"] * 2
