"""Fuzzing the loaders: whatever the bytes, a document loads or is refused with LoadError.

Nothing else may escape — no other exception, no hang, no memory blow-up. Inputs are
random bytes, random markup, mixed encodings, mutated and truncated real fixtures, and
handcrafted pathological files (huge lines, deep nesting, XML entity attacks, zip bombs).
"""

from __future__ import annotations

import contextlib
import io
import time
import tracemalloc
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerdash.load import LOADERS, Document, LoadError, LoadResult, load_documents
from partnerdash.load.decode import decode
from partnerdash.load.feeds import parse_feed
from partnerdash.load.formats import Loader, Sniff

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_FILES = sorted((ROOT / "tests" / "fixtures" / "news").iterdir()) + sorted(
    (ROOT / "data" / "sample").glob("*.txt")
)
# Derandomized and without an example database, so every run tries the same inputs.
FUZZ = settings(max_examples=150, deadline=timedelta(seconds=2), derandomize=True, database=None)
# Each fixture is cut at about this many offsets (every byte of a file this small or smaller).
TRUNCATIONS_PER_FILE = 400
# Pathological inputs must finish well within this, on a slow shared machine.
WALL_CLOCK_SECONDS = 10.0

tried: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_tried() -> Iterator[None]:
    yield
    print(f"\nloader fuzzing, inputs tried: {dict(tried)} = {sum(tried.values())}")


def load_or_refuse(name: str, data: bytes, category: str) -> LoadResult:
    """Load as the app does: a LoadError becomes a warning naming the file; nothing else may escape."""
    tried[category] += 1
    result = load_documents([Document(name, data)])
    assert result.items or result.warnings
    assert all(w.source.startswith(name) for w in result.warnings)
    return result


@pytest.mark.filterwarnings("error::pandas.errors.ParserWarning")
@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_every_truncation_of_a_real_file_loads_or_is_refused(path: Path) -> None:
    data = path.read_bytes()
    stride = max(1, len(data) // TRUNCATIONS_PER_FILE)
    for end in [*range(0, len(data), stride), len(data)]:
        load_or_refuse(path.name, data[:end], "truncations")
    assert load_or_refuse(path.name, data, "truncations").items  # the whole file still loads


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(["news.txt", "news.csv", "news.json", "news.xlsx", "news"]))
def test_random_bytes(data: bytes, name: str) -> None:
    load_or_refuse(name, data, "random bytes")


ENCODINGS = ["utf-8", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
NEWS_WORDS = st.sampled_from(
    ["Bonn, 15 December 2023. ", "Würzburg – Tansania\n", "„Städtepartnerschaft“ ", "Kyjiw ", "€ 100\n"]
)


@FUZZ
@given(
    st.lists(st.tuples(st.one_of(NEWS_WORDS, st.text(max_size=40)), st.sampled_from(ENCODINGS)), max_size=8)
)
def test_pieces_in_mixed_encodings(pieces: list[tuple[str, str]]) -> None:
    data = b"".join(text.encode(encoding, errors="replace") for text, encoding in pieces)
    try:
        text, encoding = decode(data, "mixed.txt")
    except LoadError:
        pass
    else:
        assert "\r" not in text
        assert encoding
    load_or_refuse("mixed.txt", data, "mixed encodings")


# Pieces of every format the registry knows, so random documents reach every loader.
MARKUP = st.sampled_from(
    [
        '<?xml version="1.0"?>',
        '<rss version="2.0"><channel>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "<item>",
        "</item>",
        "<entry>",
        "<title>",
        "</title>",
        "<description>",
        "<pubDate>",
        "Mon, 31 Feb 2023 25:61:61 +9999",
        "<![CDATA[",
        "]]>",
        "&lt;![foo ",
        "&#99999999;",
        "&#xD800;",
        "&amp;",
        "<!DOCTYPE html>",
        "<html><body>",
        "<div>",
        "</div>",
        "<nav>",
        "<main>",
        "<h2>",
        "<figcaption>",
        '<img alt="Bonn">',
        '<a href="x">',
        "[",
        "]",
        "{",
        "}",
        '"title": ',
        '"summary": "',
        "null",
        "1e999",
        "title,date,summary\n",
        "Titel;Datum\n",
        '"a",',
        ",",
        ";",
        "\t",
        "\n",
        "\r",
        "\x00",
        "\ufeff",
        "2023",
        "Bonn, 15 December 2023. ",
        "31.02.2023",
    ]
)
MARKUP_TEXT = st.lists(st.one_of(MARKUP, st.text(max_size=10)), max_size=60).map("".join)


@FUZZ
@given(MARKUP_TEXT, st.sampled_from(["news.txt", "news.csv", "news.json", "news.xml"]))
def test_random_markup(text: str, name: str) -> None:
    load_or_refuse(name, text.encode("utf-8", errors="surrogatepass"), "random markup")


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.name)
@settings(FUZZ, max_examples=60)
@given(text=MARKUP_TEXT)
def test_each_loader_detects_and_loads_any_text_or_refuses_it(loader: type[Loader], text: str) -> None:
    """Even a loader that would not be chosen for the text: each must stand on its own."""
    tried["each loader"] += 1
    sniff = Sniff(Document("news", text.encode("utf-8", errors="surrogatepass")))
    with contextlib.suppress(LoadError):
        assert loader.detect(sniff) in (True, False)
    with contextlib.suppress(LoadError):
        assert isinstance(loader.load(sniff), LoadResult)


@settings(FUZZ, max_examples=100)
@given(
    st.sampled_from(FIXTURE_FILES),
    st.lists(st.tuples(st.integers(min_value=0), st.binary(max_size=8), st.integers(0, 8)), max_size=6),
)
def test_damaged_real_files(path: Path, edits: list[tuple[int, bytes, int]]) -> None:
    """Bytes replaced, inserted or deleted here and there: broken zip members, cut tags."""
    data = bytearray(path.read_bytes())
    for position, replacement, length in edits:
        at = position % (len(data) + 1)
        data[at : at + length] = replacement
    load_or_refuse(path.name, bytes(data), "damaged files")


def load_within_bound(name: str, data: bytes) -> LoadResult:
    started = time.perf_counter()
    result = load_or_refuse(name, data, "pathological")
    assert time.perf_counter() - started < WALL_CLOCK_SECONDS
    return result


HUGE = 10_000_000
DEPTH = 100_000
# Built when the test runs, not when pytest collects it: together they are half a gigabyte.
PATHOLOGICAL: dict[str, tuple[str, Callable[[], bytes]]] = {
    "line-text": ("line.txt", lambda: b"x" * HUGE),
    "line-listing": ("line.txt", lambda: b"Title\nBonn, 15 December 2023. " + b"a " * (HUGE // 2)),
    "line-csv": ("line.csv", lambda: b"title,date\n" + b"a," * (HUGE // 2)),
    "line-csv-quoted": ("line.csv", lambda: b"title,date\n" + b'"a",' * (HUGE // 4)),
    # 60 kB of unbalanced quotes: csv.Sniffer took 25 s on the whole line.
    "line-csv-sniffed": ("line.csv", lambda: b"title,date\n" + b',"a' * 20_000),
    "line-json": ("line.json", lambda: b'[{"title": "' + b"a" * HUGE + b'"}]'),
    "line-jsonl": ("line.jsonl", lambda: b'{"title": "' + b"a" * HUGE + b'"}\n'),
    "line-html": ("line.html", lambda: b"<html><body><p>" + b"a " * (HUGE // 2)),
    "line-feed": ("line.xml", lambda: b"<rss><channel><item><title>" + b"a " * (HUGE // 2)),
    "deep-html": (
        "deep.html",
        lambda: b"<html><body>" + b"<div>" * DEPTH + b"T</div><div>Bonn, 15 May 2023. x" + b"</div>" * DEPTH,
    ),
    "deep-html-stray-close": ("deep.html", lambda: b"<html><body>" + b"<div>" * DEPTH + b"</b>" * DEPTH),
    "deep-html-unclosed-nav": ("deep.html", lambda: b"<html><body>" + b"<nav><main>" * (DEPTH // 2)),
    "deep-json-array": ("deep.json", lambda: b"[" * DEPTH + b"]" * DEPTH),
    "deep-json-object": ("deep.json", lambda: b'{"a":' * DEPTH + b"1" + b"}" * DEPTH),
    "deep-jsonl": ("deep.jsonl", lambda: b'{"title": "T"}\n' + b'{"a":' * DEPTH + b"1" + b"}" * DEPTH),
    # feedparser takes about 0.1 ms per element; a tenth of the depth keeps this short.
    "deep-feed": (
        "deep.xml",
        lambda: b"<rss><channel><item><title>T</title><description>" + b"<x>" * (DEPTH // 10),
    ),
    "many-lines": ("lines.txt", lambda: b"a\n" * 1_000_000 + b"Title\nBonn, 15 May 2023. x\n"),
}


@pytest.mark.parametrize("case", PATHOLOGICAL)
def test_huge_lines_deep_nesting_and_many_lines(case: str) -> None:
    name, make = PATHOLOGICAL[case]
    load_within_bound(name, make())


def feed_with_dtd(dtd: str, body: str) -> str:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{dtd}\n]>\n<rss version="2.0"><channel><title>t</title>'
        f"<item><title>Bonn {body}</title><description>{body}</description></item></channel></rss>"
    )


LAUGHS = "\n".join(
    ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
)
# feedparser kept this kind ("safe": no reference inside) and expanded it to 600 MB.
QUADRATIC = f'<!ENTITY a "{"x" * 100_000}">'


@pytest.mark.parametrize(
    "feed",
    [
        feed_with_dtd(LAUGHS, "&lol9;"),
        feed_with_dtd(QUADRATIC, "&a;" * 2000),
        feed_with_dtd(QUADRATIC, "&a;" * 2000).replace("</channel>", "<oops"),  # the fallback parser
        feed_with_dtd(QUADRATIC, "&a;" * 2000).replace('version="1.0"', 'versio="1.0"'),
        feed_with_dtd('<!ENTITY xxe SYSTEM "file:///etc/passwd">', "&xxe;"),
        feed_with_dtd('<!ENTITY % p SYSTEM "file:///etc/passwd">\n%p;', ""),
    ],
    ids=["billion-laughs", "quadratic-blowup", "blowup-malformed", "blowup-bad-declaration", "xxe", "param"],
)
def test_feeds_declaring_entities_are_refused_without_expanding_them(feed: str) -> None:
    tried["pathological"] += 1
    tracemalloc.start()
    try:
        with pytest.raises(LoadError, match="declares XML entities"):
            parse_feed(feed, "attack.xml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000
    assert not load_within_bound("attack.xml", feed.encode()).items


def test_an_external_dtd_is_not_fetched() -> None:
    feed = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "file:///etc/passwd">\n<rss version="2.0"><channel>'
        "<item><title>Bonn</title><description>text</description></item></channel></rss>"
    )
    result = load_within_bound("external.xml", feed.encode())
    assert [(i.title, i.summary) for i in result.items] == [("Bonn", "text")]


def workbook(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def real_workbook_with(name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(ROOT / "tests" / "fixtures" / "news" / "items.xlsx") as original:
        members = {info.filename: original.read(info) for info in original.infolist()}
    return workbook({**members, name: data})


WORKBOOKS: dict[str, Callable[[], bytes]] = {
    # 200 MB of zeros compressed to 200 kB, as the first sheet: not XML, refused at once.
    "zeros": lambda: real_workbook_with("xl/worksheets/sheet1.xml", b"\0" * 200_000_000),
    # Whitespace after a valid start: the XML parser must read all 50 MB of it.
    "whitespace": lambda: real_workbook_with(
        "xl/worksheets/sheet1.xml", b"<?xml version='1.0'?>" + b" " * 50_000_000
    ),
    # This workbook's cells hold their text inline, so it still loads.
    "many-strings": lambda: real_workbook_with(
        "xl/sharedStrings.xml", b"<sst>" + b"<si><t>a</t></si>" * 200_000
    ),
    "xxe": lambda: real_workbook_with(
        "xl/worksheets/sheet1.xml", b'<!DOCTYPE x [<!ENTITY e SYSTEM "/etc/passwd">]><x>&e;</x>'
    ),
    "empty-package": lambda: workbook({"[Content_Types].xml": b"<Types/>"}),
    "no-central-directory": lambda: real_workbook_with("xl/workbook.xml", b"")[:-100],
}


@pytest.mark.parametrize("case", WORKBOOKS)
def test_broken_and_bomb_like_workbooks(case: str) -> None:
    result = load_within_bound("bomb.xlsx", WORKBOOKS[case]())
    assert not any("root:" in str(item) for item in result.items)  # nothing of /etc/passwd
