"""The real Nominatim client against a local stand-in: no network, a hung service, HTTP 429.

test_online.py raises geopy's errors from a fake geocoder; here geopy itself turns a
refused connection, a silent server and a 429 reply into those errors, so the test
also proves the client's errors are the ones CachedGeocoder falls back on. Each time
the answer comes from the offline fallback with a warning, the cache holds no row for
the query, and a later call, once the service answers, asks again and is cached.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from geopy.geocoders import Nominatim
from tests.geocode.conftest import FakeFallback

from partnerdash.geocode.online import CachedGeocoder, GeocoderFallbackWarning, cache_key

BONN = [{"place_id": 1, "lat": "50.7352", "lon": "7.1002", "display_name": "Bonn, Deutschland"}]


class Service(BaseHTTPRequestHandler):
    """Answers a Nominatim search with ``status`` (and Bonn when it is 200)."""

    status = 200
    hang = threading.Event()  # set: accept the request and answer nothing
    release = threading.Event()  # set: stop hanging, the test is over

    def do_GET(self) -> None:
        if self.hang.is_set():
            self.release.wait(5)
            return
        body = json.dumps(BONN if self.status == 200 else {"error": "no"}).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Retry-After", "0")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        del format, args  # keeps the test output clean


@pytest.fixture
def service() -> Iterator[tuple[str, type[Service]]]:
    class Handler(Service):
        status = 200
        hang = threading.Event()
        release = threading.Event()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}", Handler
    Handler.release.set()
    server.shutdown()
    server.server_close()


def geocoder(domain: str, cache: Path) -> CachedGeocoder:
    client = Nominatim(user_agent="partnerdash-tests", domain=domain, scheme="http", timeout=0.5)
    return CachedGeocoder(
        client, cache, 0, fallback=FakeFallback(), max_retries=0, error_wait_seconds=0, service="nominatim"
    )


def assert_falls_back_uncached(geocoder: CachedGeocoder, error: str) -> None:
    with pytest.warns(GeocoderFallbackWarning, match=error):
        location = geocoder.geocode("Bonn")
    assert location is not None
    assert location.raw["resolved_by"] == "offline"
    assert geocoder.cache.get("nominatim", cache_key("Bonn", None)) is None
    assert len(geocoder.cache) == 0


def assert_later_answer_is_cached(geocoder: CachedGeocoder) -> None:
    location = geocoder.geocode("Bonn")
    assert location is not None
    assert (location.raw["resolved_by"], location.latitude) == ("online", 50.7352)
    assert geocoder.cache.get("nominatim", cache_key("Bonn", None)) is not None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_no_network(tmp_path: Path, service: tuple[str, type[Service]]) -> None:
    offline = geocoder(f"127.0.0.1:{free_port()}", tmp_path / "geo.sqlite")  # nothing listens
    assert_falls_back_uncached(offline, "GeocoderUnavailable")
    assert_later_answer_is_cached(geocoder(service[0], tmp_path / "geo.sqlite"))


def test_a_service_that_never_answers_times_out(tmp_path: Path, service: tuple[str, type[Service]]) -> None:
    domain, handler = service
    cached = geocoder(domain, tmp_path / "geo.sqlite")
    handler.hang.set()
    # geopy's requests adapter retries a read time-out, then calls it GeocoderUnavailable.
    assert_falls_back_uncached(cached, "Read timed out")
    handler.hang.clear()
    assert_later_answer_is_cached(cached)


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (429, "GeocoderRateLimited"),
        (402, "GeocoderQuotaExceeded"),
        (503, "GeocoderTimedOut"),  # geopy's name for "service unavailable"
        (500, "GeocoderServiceError"),
    ],
)
def test_an_error_status(tmp_path: Path, service: tuple[str, type[Service]], status: int, error: str) -> None:
    domain, handler = service
    cached = geocoder(domain, tmp_path / "geo.sqlite")
    handler.status = status
    assert_falls_back_uncached(cached, error)
    handler.status = 200
    assert_later_answer_is_cached(cached)
