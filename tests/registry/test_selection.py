"""The network as the sidebar's filters show it: links by either side, activity in view."""

from __future__ import annotations

from datetime import date

import pandas as pd

from partnerdash.filters import Filters
from partnerdash.registry.join import Network
from partnerdash.registry.selection import Activity, NetworkView, reference_date, select

News = tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]


def shown(network: Network, news: News, filters: Filters, in_view: list[str] | None = None) -> NetworkView:
    events = news[0]
    activity = Activity.of(network.links, events, network.unregistered)
    mask = None if in_view is None else events["event_id"].isin(in_view).to_numpy(bool)
    return select(network, activity, events, filters, mask)


def by_town(selection: NetworkView) -> dict[str, tuple[int, str, int | None]]:
    """Town → (items in view, status key, months quiet or None)."""
    links = selection.links
    months = [None if pd.isna(m) else int(m) for m in links["months_quiet"]]
    rows = zip(links["news_items"], links["status"], months, strict=True)
    return dict(zip(links["a_name"], rows, strict=True))


def test_without_filters_every_link_shows_with_its_whole_activity(network: Network, news: News) -> None:
    selection = shown(network, news, Filters())
    assert selection.total_links == len(selection.links) == len(network.links)
    assert by_town(selection)["Köln"] == (2, "active", 0)  # newest item: 20 June 2023
    assert selection.reference == date(2023, 6, 20)


def test_a_country_keeps_links_with_either_side_there(network: Network, news: News) -> None:
    towns = set(shown(network, news, Filters(countries=("UA",))).links["a_name"])
    assert towns == {"Munich", "Leipzig", "Gibtsnicht"}
    assert set(shown(network, news, Filters(countries=("FR",))).links["a_name"]) == {"Erfurt"}


def test_a_municipality_matches_the_gazetteer_name_of_either_side(network: Network, news: News) -> None:
    # "Gibtsnicht" is not in the gazetteer, but its partner "Kiew" is Kyiv.
    towns = set(shown(network, news, Filters(municipalities=("Kyiv",))).links["a_name"])
    assert towns == {"Munich", "Leipzig", "Gibtsnicht"}


def test_activity_counts_only_the_items_in_view(network: Network, news: News) -> None:
    # The 2021 item only: Köln–Tunis has one item, and is quiet by the end of 2023.
    filters = Filters(end=date(2023, 12, 31))
    selection = shown(network, news, filters, in_view=["e2"])
    towns = by_town(selection)
    assert towns["Köln"] == (1, "quiet", 35)
    assert towns["Munich"] == (0, "no_news", None)
    assert selection.links.set_index("a_name").loc["Köln", "event_ids"] == ["e2"]


def test_unregistered_pairs_follow_the_items_in_view(network: Network, news: News) -> None:
    assert len(shown(network, news, Filters()).unregistered) == 1  # Erlangen–Vladimir
    assert shown(network, news, Filters(), in_view=["e1"]).unregistered.empty


def test_the_reference_is_the_chosen_end_else_the_newest_item(news: News) -> None:
    assert reference_date(Filters(end=date(2022, 1, 31)), news[0]) == date(2022, 1, 31)
    empty = news[0].iloc[0:0]
    assert reference_date(Filters(), empty) == date.today()


def test_each_link_counts_exactly_its_items_in_view(network: Network, news: News) -> None:
    events = news[0]
    date_of = dict(zip(events["event_id"], events["date"], strict=True))
    for ids in (["e2"], ["e1", "e3"], list(events["event_id"][::2])):
        links = shown(network, news, Filters(), in_view=ids).links
        for row, all_ids in zip(links.itertuples(), network.links["event_ids"], strict=True):
            expected = [e for e in all_ids if e in ids]
            assert row.event_ids == expected
            assert row.news_items == len(expected)
            dated = [date_of[e] for e in expected if pd.notna(date_of[e])]
            assert (row.last_activity if dated else None) == (max(dated) if dated else None)
