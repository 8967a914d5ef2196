"""Bytes to text: byte-order marks, UTF-8, then charset detection; binary is refused."""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from partnerdash.load.items import LoadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.02


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding). Raise LoadError for empty or binary input."""
    if not data.strip():
        raise LoadError(source, "the file is empty")
    text, encoding = _decode(data, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text):
        raise LoadError(source, "this is binary data, not news text (no known format detected)")
    return text, encoding


def _decode(data: bytes, source: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    for encoding in ("utf-8", "cp1252"):
        # Windows-1252 before guessing: the archive is English and German, and a guesser
        # easily calls short German text Central European (cp1250) and garbles it.
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise LoadError(source, "this is binary data, not news text (no text encoding fits)")
    return data.decode(best.encoding, errors="replace"), best.encoding


def _looks_binary(text: str) -> bool:
    sample = text[:20_000]
    control = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\t")
    replaced = sample.count("\ufffd")
    return (control + replaced) > _MAX_CONTROL_SHARE * max(len(sample), 1)
