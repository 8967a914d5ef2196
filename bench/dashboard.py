"""Dashboard timings with Streamlit's AppTest: one filter change per page, and its payload."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGES = ("overview", "timeline", "map", "topics", "partnerships", "explorer", "quality")
RERUNS = 5


def _open(at: AppTest, page: str) -> AppTest:
    url = "" if page == "overview" else page
    at._page_hash = next(h for h, info in at._registered_pages.items() if info.get("url_pathname") == url)
    return at.run()


def _payload(node: Any) -> int:
    """Bytes of the page's elements as sent to the browser (their protobuf messages)."""
    total = 0
    proto = getattr(node, "proto", None)
    if proto is not None and hasattr(proto, "ByteSize"):
        total += proto.ByteSize()
    children = getattr(node, "children", None) or {}
    for child in children.values() if isinstance(children, dict) else children:
        total += _payload(child)
    return total


def measure_pages(
    data: Path, pages: tuple[str, ...] = PAGES, registry: Path | None = None
) -> dict[str, tuple[float, int]]:
    """Median time of a filter change and the payload of each page; ``registry``: the
    registry of known partnerships to show (else the shipped one)."""
    os.environ["PARTNERDASH_DATA"] = str(data)
    if registry is not None:
        os.environ["PARTNERDASH_REGISTRY"] = str(registry)
    else:
        os.environ.pop("PARTNERDASH_REGISTRY", None)
    at = AppTest.from_file(APP, default_timeout=600).run()  # builds once; cached from then on
    results: dict[str, tuple[float, int]] = {}
    regions = at.multiselect(key="region").options
    choices = [[regions[0]], [regions[-1]]] if regions else [[], []]
    for page in pages:
        _open(at, page)
        times = []
        for i in range(RERUNS):
            at.multiselect(key="region").set_value(choices[i % 2])
            start = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - start) * 1000)
        at.multiselect(key="region").set_value([]).run()
        results[page] = (statistics.median(times), _payload(at._tree))
    return results
