"""Every input format, detected from content rather than from the file's extension."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from partnerdash.load import Document, load_document
from partnerdash.pipeline import build

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>News</title><language>en</language>
<item><title>Jena and San Marcos renew their partnership</title>
<link>https://example.org/news/1</link>
<description>&lt;p&gt;The &lt;b&gt;sister cities&lt;/b&gt; met in Jena.&lt;/p&gt;</description>
<pubDate>Tue, 12 Mar 2019 09:00:00 +0100</pubDate></item>
<item><title>Klimapartnerschaften gehen in die nächste Runde</title>
<link>https://example.org/news/2</link><description>Die Kommunen treffen sich in Bonn.</description>
<pubDate>Fri, 01 Feb 2019 09:00:00 +0100</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
<entry><title>Water utilities join forces</title><link href="https://example.org/a"/>
<updated>2023-07-19T10:00:00Z</updated><summary>Partnerships for safe drinking water.</summary></entry>
</feed>"""

HTML = """<!DOCTYPE html><html><head><title>News archive 2022</title><script>var x = 1;</script></head>
<body><nav><a href="/">Home</a><a href="/news">Current News</a></nav>
<main><h2>2022</h2>
<article><figure><img src="a.jpg" alt="Two mayors shake hands."></figure>
<h3><a href="https://example.org/news/cape-coast">Bonn &amp; Cape Coast: twenty years</a></h3>
<p>Bonn, 14 October 2022. The partnership between Bonn and Cape Coast celebrates.</p></article>
<article><h3>Fair trade in the town hall</h3>
<p>Bonn, 2nd September. Procurement rules &bdquo;made simple&ldquo;.</p></article>
</main><footer>Imprint</footer></body></html>"""


def load(data: bytes | str, name: str = "upload") -> list[tuple[str, str | None]]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return [(item.title, item.date_text) for item in load_document(Document(name, raw)).items]


def test_rss_2() -> None:
    items = load_document(Document("feed", RSS.encode())).items
    assert [i.title for i in items] == [
        "Jena and San Marcos renew their partnership",
        "Klimapartnerschaften gehen in die nächste Runde",
    ]
    assert items[0].summary == "The sister cities met in Jena."
    assert items[0].url == "https://example.org/news/1"
    assert items[0].date_text == "2019-03-12"


def test_atom() -> None:
    assert load(ATOM) == [("Water utilities join forces", "2023-07-19")]


def test_html_listing_uses_headings_links_and_image_descriptions() -> None:
    items = load_document(Document("page.html", HTML.encode())).items
    assert [i.title for i in items] == ["Bonn & Cape Coast: twenty years", "Fair trade in the town hall"]
    assert items[0].caption == "Two mayors shake hands."
    assert items[0].url == "https://example.org/news/cape-coast"
    assert items[1].caption is None
    assert items[1].year_hint == 2022
    assert "„made simple“" in items[1].summary


def test_csv_with_english_synonyms_in_any_case() -> None:
    text = 'Headline,Published,Summary,Link\n"Leipzig, Kyiv: partners",15.12.2023,"A text, with commas",https://x.org\n'
    assert load(text, "export.txt") == [("Leipzig, Kyiv: partners", "15.12.2023")]


def test_csv_with_german_headers_and_semicolons() -> None:
    text = "Titel;Datum;Text\nStädtepartnerschaft gefeiert;2. Mai 2018;Die Partnerstädte feierten.\n"
    assert load(text) == [("Städtepartnerschaft gefeiert", "2. Mai 2018")]


def test_json_array_and_wrapped_object() -> None:
    rows = [{"Title": "One", "Date": "2023-01-02", "text": "a"}, {"title": "Two", "date": None}]
    assert load(json.dumps(rows)) == [("One", "2023-01-02"), ("Two", None)]
    assert load(json.dumps({"items": rows[:1]})) == [("One", "2023-01-02")]


def test_json_lines() -> None:
    text = '{"title": "One", "date": "2023-01-02"}\n{"title": "Two", "published": "2. Mai 2018"}\n'
    assert load(text, "feed.json") == [("One", "2023-01-02"), ("Two", "2. Mai 2018")]


def test_excel_with_date_cells() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Title", "Date", "Text"])
    sheet.append(["Harare and Munich", datetime(2023, 6, 6), "Traffic planning."])
    buffer = io.BytesIO()
    book.save(buffer)
    assert load(buffer.getvalue(), "upload.bin") == [("Harare and Munich", "2023-06-06")]


def test_format_is_detected_from_content_not_extension(seed_path: Path) -> None:
    assert len(load(seed_path.read_bytes(), "misnamed.csv")) == 12
    assert len(load(RSS, "feed.txt")) == 2


def test_the_same_item_from_two_files_is_one_event(seed_path: Path) -> None:
    data = seed_path.read_bytes()
    dataset = build([Document("a.txt", data), Document("copy/b.txt", data)])
    assert len(dataset.events) == 12
    assert dataset.events["event_id"].is_unique
    assert set(dataset.events["source"]) == {"a.txt"}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (bytes(range(256)) * 8, "binary"),
        (b"foo,bar,date\n1,2,2023-01-01\n", "no title or text column"),
        (b"just some text\nwithout any dateline\n", "no news items"),
        (b'[{"title": "broken"', "invalid JSON"),
        (b"<rss><channel><item><title>", "malformed"),
    ],
)
def test_bad_input_gives_a_clear_error_naming_the_file(data: bytes, reason: str) -> None:
    dataset = build([Document("bad-file.x", data)])
    assert dataset.events.empty
    (warning,) = dataset.warnings
    assert warning.source == "bad-file.x"
    assert reason in warning.message
    assert dataset.files_failed == 1


def test_cp1252_and_utf16_text_is_read(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8").replace("“", '"').replace("”", '"').replace("„", '"')
    text = text.replace("’", "'").replace("´", "'").replace("–", "-")
    for encoding in ("cp1252", "utf-16"):
        dataset = build([Document(f"page-{encoding}.txt", text.encode(encoding))])
        assert len(dataset.events) == 12, encoding
        assert any("read as" in w.message for w in dataset.warnings)


def test_a_bad_file_does_not_stop_the_others(seed_path: Path) -> None:
    docs = [Document("bad.bin", b"\x00\x01\x02" * 300), Document("seed.txt", seed_path.read_bytes())]
    dataset = build(docs)
    assert len(dataset.events) == 12
    assert [w.source for w in dataset.warnings] == ["bad.bin"]
    assert (dataset.files_read, dataset.files_failed) == (1, 1)
