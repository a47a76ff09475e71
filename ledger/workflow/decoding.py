"""Bytes of an article file to text, whatever encoding the inbox delivered it in.

Order (NUL characters anywhere refuse the file): a byte-order mark (UTF-8, UTF-16, UTF-32) decides; bytes that look binary (NUL
bytes, known file signatures, many control characters) are refused; strict UTF-8; UTF-8
with a few invalid bytes (replaced, with a warning); Windows-1252 for mostly-ASCII
Western text (charset-normalizer misreads short Western texts as Baltic or Central
European code pages); otherwise the encoding charset-normalizer finds.
"""
from __future__ import annotations

import codecs

from ledger.errors import InputError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_SIGNATURES = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b", b"%PDF", b"\x7fELF", b"BZh", b"\xfd7zXZ",
    b"7z\xbc\xaf", b"Rar!", b"OggS", b"ID3", b"RIFF", b"\x00\x00\x01\x00", b"MZ", b"SQLite format 3",
)


def _binary(data: bytes) -> bool:
    if data.startswith(_SIGNATURES) or b"\x00" in data[:65536]:
        return True
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 100)


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """The text of ``data`` and warnings about how it was read; InputError if not text.

    A text holding NUL characters anywhere (past the part sniffed for binary, or from a
    UTF-16 or UTF-32 file) is refused too: no article has them, and PostgreSQL cannot
    store them."""
    text, warnings = _decode(data, name)
    if "\x00" in text:
        raise InputError(f"{name}: not a text file (it holds NUL characters)")
    return text, warnings


def _decode(data: bytes, name: str) -> tuple[str, list[str]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError:
                return data.decode(encoding, errors="replace"), [f"{name}: invalid {encoding} bytes replaced"]
    if _binary(data):
        raise InputError(f"{name}: not a text file")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    good = sum(1 for ch in loose if ord(ch) > 127 and ch != "\ufffd")
    if good and bad <= good:
        return loose, [f"{name}: {bad} invalid UTF-8 byte sequence{'s' if bad != 1 else ''} replaced"]
    try:  # mostly-ASCII Western text: Windows-1252 (a superset of Latin-1's printable range)
        western = data.decode("cp1252")
        letters = [ch for ch in western if ch.isalpha()]
        if letters and sum(ch.isascii() for ch in letters) >= 0.7 * len(letters):
            return western, [f"{name}: not UTF-8; read as Windows-1252"]
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: not a text file (no text encoding fits)")
    return str(best), [f"{name}: not UTF-8; read as {best.encoding}"]
