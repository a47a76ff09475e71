"""Terminal escape sequences masked out of the text the parsers read.

A document may carry terminal control sequences (pasted from a terminal, or planted):
``\\x1b[2J`` clears the screen, ``\\x1b[31;1m`` colours, ``\\x1b[10;20H`` moves the
cursor, ``\\x1b]0;title\\x07`` retitles the window, ``\\x1b]8;;URL\\x1b\\\\`` plants a
hyperlink. Their parameters are digits, and digits are what the number parser reads:
``[10;20H`` is not ten of anything.

The rule: before sentence splitting, attribution and number parsing, :func:`mask_escapes`
replaces every escape sequence by spaces of the same length. Offsets therefore still
index the original text, and surfaces and claim texts are sliced from the original. The
stored text is never changed (it is shown through :func:`ledger.inert.visible`).

Masked, with 7-bit (``ESC`` + char) and 8-bit (C1) introducers:

- CSI: ``ESC [`` or ``\\x9b``, parameter bytes ``0-?``, intermediate bytes ``space-/``, a
  final byte ``@-~`` (masked without one too: ``ESC [12`` at the end of a text is no 12);
- string sequences, OSC (``ESC ]`` / ``\\x9d``), DCS (``ESC P`` / ``\\x90``), SOS, PM and
  APC: up to their terminator (BEL, ``ESC \\`` or ``\\x9c``) within ``_MAX_STRING``
  characters on the same line. An unterminated one masks only its introducer and leading
  numeric parameter (``ESC ]0;``): a terminal would swallow the rest, but masking a whole
  article behind a stray ``ESC ]`` would let one character hide every claim after it;
- any other ``ESC`` with its intermediate and final bytes (``ESC ( B``, ``ESC c``).

A lone ``ESC`` or C1 control is left as it is: it is a symbol, not a number.
"""
from __future__ import annotations

import re

__all__ = ["mask_escapes", "escape_sequences"]

_MAX_STRING = 2048
_ESCAPE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*+[ -/]*+[@-~]?"  # CSI (its parameters are masked even with no final byte)
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n\x90\x98\x9b\x9d\x9e\x9f]{0," + str(_MAX_STRING) + r"}"
    r"(?:\x07|\x1b\\|\x9c)"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[0-9;]*"  # unterminated string sequence: its introducer only
    r"|\x1b[ -/]*[0-~]"  # other escapes: ESC ( B, ESC c, ESC 7
)
_INTRODUCERS = re.compile(r"[\x1b\x90\x98\x9b\x9d\x9e\x9f]")


def escape_sequences(text: str, limit: int = 20) -> list[str]:
    """The first ``limit`` distinct escape sequences in ``text`` (each cut to 40 characters)."""
    found: list[str] = []
    if not _INTRODUCERS.search(text):
        return found
    for m in _ESCAPE.finditer(text):
        seq = m.group()[:40]
        if seq not in found:
            found.append(seq)
            if len(found) >= limit:
                break
    return found


def mask_escapes(text: str) -> str:
    """``text`` with each escape sequence replaced by as many spaces; ``text`` itself
    (the same object) when it holds none, so the common case costs one search."""
    if not _INTRODUCERS.search(text):
        return text
    return _ESCAPE.sub(lambda m: " " * len(m.group()), text)
