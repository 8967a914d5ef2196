"""Saved news-archive pages in HTML: the listing's blocks, read from the markup.

The standard library's parser is used on purpose: it does not recurse, so unclosed or
deeply nested tags cannot hurt it, and it raises on broken markup only in marked
sections, which are read here as comments.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

from partnerdash.load.listing import Block

_SKIP = frozenset(
    {
        "head",
        "title",
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "form",
        "button",
        "template",
        "svg",
        "select",
        "aside",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "article",
        "section",
        "li",
        "ul",
        "ol",
        "td",
        "th",
        "tr",
        "table",
        "figure",
        "main",
        "body",
        "blockquote",
        "dd",
        "dt",
        "time",
    }
)
_CONTENT_ROOTS = frozenset({"main", "article"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset(
    {
        "img",
        "br",
        "hr",
        "meta",
        "link",
        "input",
        "source",
        "wbr",
        "area",
        "base",
        "col",
        "embed",
        "param",
        "track",
    }
)


class _BlockCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._text: list[str] = []
        self._role: str | None = None
        self._href: str | None = None
        self._skip_depth = 0
        self._open: list[str] = []
        # Kept beside the stack so that pages with 100,000 open tags stay linear: how
        # often each tag is open, and where the first skipped tag of the stack stands.
        self._open_count: Counter[str] = Counter()
        self._skip_from = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "img" and not self._skip_depth:
                self._image(dict(attrs).get("alt"))
            elif tag == "br":
                self._text.append(" ")
            return
        if tag in _CONTENT_ROOTS and self._skip_depth:
            # Content never lives in navigation: an unclosed <nav> or <header> ends here.
            skipped = self._open[self._skip_from :]
            self._open[self._skip_from :] = [t for t in skipped if t not in _SKIP]
            self._open_count.subtract(t for t in skipped if t in _SKIP)
            self._skip_depth = 0
        if tag in _SKIP and not self._skip_depth:
            self._skip_from = len(self._open)
        self._open.append(tag)
        self._open_count[tag] += 1
        if tag in _SKIP:
            self._skip_depth += 1
        elif self._skip_depth:
            return
        elif tag in _BLOCK or tag in _HEADINGS or tag == "figcaption":
            self._flush()
            self._role = "heading" if tag in _HEADINGS else "caption" if tag == "figcaption" else None
        elif tag == "a" and self._href is None:
            href = dict(attrs).get("href")
            self._href = href.strip() if href else None

    def handle_endtag(self, tag: str) -> None:
        if not self._open_count[tag]:
            return  # a stray closing tag in broken markup
        while self._open:
            opened = self._open.pop()
            self._open_count[opened] -= 1
            if opened in _SKIP:
                self._skip_depth -= 1
            if opened == tag:
                break
        if not self._skip_depth and (tag in _BLOCK or tag in _HEADINGS or tag == "figcaption"):
            self._flush()

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            # "<![foo" or "<![": the parser asserts; browsers read it as a bogus comment.
            return self.parse_bogus_comment(i, report)

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._text.append(data)

    def _image(self, alt: str | None) -> None:
        if alt and alt.strip():
            self._flush()
            self.blocks.append(Block(" ".join(alt.split()), role="alt"))

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.blocks.append(
                Block(text, role=self._role, href=self._href if self._role == "heading" else None)
            )
        self._text = []
        self._role = None
        self._href = None

    def close(self) -> None:
        super().close()
        self._flush()


def html_blocks(text: str) -> list[Block]:
    collector = _BlockCollector()
    collector.feed(text)
    collector.close()
    return collector.blocks


def html_to_text(text: str) -> str:
    """Readable text of an HTML fragment (a feed's summary), paragraphs kept apart."""
    if "<" not in text and "&" not in text:
        return text.strip()  # plain text already: most table cells
    return "\n\n".join(block.text for block in html_blocks(text) if block.role != "caption")
