"""Showing untrusted news text: as text, never as markup or HTML."""

from __future__ import annotations

import re

# "&" too: Markdown would turn an entity such as "&lt;" into the character it names.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def plain(text: object) -> str:
    """Text with every Markdown character escaped, for st.markdown and headings."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def safe_url(url: object) -> str | None:
    """Only http(s) links are ever shown as links."""
    text = str(url).strip() if isinstance(url, str) else ""
    return text if re.match(r"^https?://[^\s\"'<>]+$", text, re.IGNORECASE) else None
