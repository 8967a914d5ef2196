"""News text is shown as text: Markdown and HTML characters escaped, links only http(s)."""

from __future__ import annotations

import pytest

from partnerdash.views.text import plain, safe_url


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("**bold**", r"\*\*bold\*\*"),
        ("[click](javascript:alert(1))", r"\[click\]\(javascript\:alert\(1\)\)"),
        ("&lt;script&gt;", r"\&lt;script\&gt;"),
    ],
)
def test_plain_escapes_markdown_and_entities(text: str, shown: str) -> None:
    assert plain(text) == shown


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://www.service-eine-welt.de/", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>", False),
        ('http://x" onmouseover="alert(1)', False),
    ],
)
def test_only_http_links_are_links(url: str, kept: bool) -> None:
    assert (safe_url(url) is not None) == kept
