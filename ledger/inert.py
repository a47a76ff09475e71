"""Text from documents made inert for a terminal or a one-line message.

Anything that comes from a document, a file name, a speaker, a note or a reviewer is
data. Shown to a person it must not move the cursor, clear the screen, retitle the
window, plant a hyperlink, reorder the line (bidi overrides) or start a new line that
looks like another message. :func:`visible` replaces every such character by a visible
escape (``\\x1b``, ``\\u202e``); the stored text is never changed.

Replaced: C0 controls (U+0000–U+001F, newline and tab kept only where asked), DEL and
C1 controls (U+007F–U+009F, which include the 8-bit CSI and OSC introducers), the line
and paragraph separators U+2028/U+2029, and the bidi controls (U+061C, U+200E, U+200F,
U+202A–U+202E, U+2066–U+2069). An escape sequence loses its ESC, so what follows it
(``[2J``, ``]0;title``) is shown as the plain characters it is.
"""
from __future__ import annotations

import re

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029" + BIDI_CONTROLS
_UNSAFE_LINE = re.compile(f"[\n\t{_UNSAFE}]")
_UNSAFE_BLOCK = re.compile(f"[{_UNSAFE}]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    if m.group() in _NAMED:
        return _NAMED[m.group()]
    code = ord(m.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str | None, *, multiline: bool = False) -> str:
    """``text`` with control, escape and bidi characters shown as escapes.

    ``multiline`` keeps newlines and tabs (a document's paragraphs); otherwise they are
    escaped too, so the result is one line and cannot forge another message.
    """
    if not text:
        return text or ""
    return (_UNSAFE_BLOCK if multiline else _UNSAFE_LINE).sub(_escape, text)


# What json.dumps(ensure_ascii=False) leaves raw although a terminal acts on it: it
# already writes C0 controls as \u00XX, but not DEL, the C1 controls (the 8-bit CSI
# \x9b among them), the line separators or the bidi controls.
_JSON_RAW = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")


def inert_json(dumped: str) -> str:
    """JSON text with those characters written as ``\\uXXXX`` escapes.

    They can only occur inside JSON strings (everything outside a string is ASCII), where
    ``\\uXXXX`` is the format's own escape: ``json.loads`` gives back the exact same value.
    """
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
