"""Opt-in online geocoding of names the gazetteer lacks, with a stand-in for Nominatim."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from geopy.exc import GeocoderTimedOut
from geopy.location import Location

from partnerdash.geocode.complete import complete_online
from partnerdash.geocode.online import CachedGeocoder
from partnerdash.pipeline import default_finder

TEXT = "The municipality of Qaryat Zzyzx in Lebanon signed a partnership agreement."


class FakeOnline:
    def __init__(self, fail: bool = False) -> None:
        self.calls: list[tuple[str, object]] = []
        self.fail = fail

    def geocode(
        self,
        query: str,
        exactly_one: bool = True,
        country_codes: str | Sequence[str] | None = None,
        timeout: float | None = None,
    ) -> Location | None:
        self.calls.append((query, country_codes))
        if self.fail:
            raise GeocoderTimedOut("no network")
        return Location("Qaryat Zzyzx, Akkar, Lebanon", (34.5, 36.1), {"address": {"country_code": "lb"}})


def test_only_unresolved_names_go_online_with_the_items_countries_as_a_hint() -> None:
    found = [default_finder().find({"summary": TEXT}, "Bonn")]
    online = FakeOnline()
    (item,), problems = complete_online(found, online)
    assert online.calls == [("Qaryat Zzyzx", ["LB"])]
    (place,) = [f for f in item.places if f.name == "Qaryat Zzyzx"]
    assert place.place is not None
    assert (place.place.country, place.resolved_by, place.unresolved_reason) == ("LB", "online", None)
    assert problems == []


def test_a_failing_online_geocoder_falls_back_offline_and_says_so(tmp_path: Path) -> None:
    found = [default_finder().find({"summary": TEXT}, None)]
    failing = FakeOnline(fail=True)
    cached = CachedGeocoder(
        failing, tmp_path / "cache.sqlite", min_delay_seconds=0, max_retries=0, error_wait_seconds=0
    )
    (item,), problems = complete_online(found, cached)
    (place,) = [f for f in item.places if f.name == "Qaryat Zzyzx"]
    assert place.place is None
    assert "not in the gazetteer" in (place.unresolved_reason or "")
    assert problems
    assert failing.calls  # it was asked, and its error was not cached as an answer
    complete_online(found, cached)
    assert len(failing.calls) == 2
