"""Cheap checks on a document's text that a fact-checker should know about.

- Words that mix Latin letters with Cyrillic or Greek look-alikes (``baсked`` with a
  Cyrillic ``с``): a sign of text manipulation, used to dodge filters or plant variants.
- Text that does not read as English: extraction is tuned for English.
"""
from __future__ import annotations

import re
import unicodedata

_NON_ASCII_WORD = re.compile(r"\w*[^\x00-\x7f]\w*")
_WORD = re.compile(r"[A-Za-z]+")
_ENGLISH = frozenset(
    "the of and to a in is that for it was on with as by at he said from his be are this have an not has but "
    "they were which who will their been had would or its she her we i you more after also than there when".split()
)


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    if ch.isascii():
        return "LATIN"
    name = unicodedata.name(ch, "")
    for script in ("LATIN", "CYRILLIC", "GREEK"):
        if name.startswith(script):
            return script
    return "OTHER"


def mixed_script_words(text: str, limit: int = 20) -> list[str]:
    """Words holding Latin letters together with Cyrillic or Greek ones (first ``limit``)."""
    found: list[str] = []
    for m in _NON_ASCII_WORD.finditer(text):
        word = m.group()
        scripts = {s for s in map(_script, word) if s}
        if "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"} and word not in found:
            found.append(word)
            if len(found) >= limit:
                break
    return found


def looks_english(text: str) -> bool:
    """False when a text of some length has almost none of English's commonest words."""
    words = text.split()[:3000]
    if len(words) < 20:
        return True
    latin = [w.lower() for w in words if _WORD.fullmatch(w.strip(".,;:!?\"'()“”‘’"))]
    hits = sum(1 for w in latin if w.strip(".,;:!?\"'()“”‘’") in _ENGLISH)
    return hits >= 0.08 * len(words)


def document_flags(text: str) -> list[str]:
    flags = []
    mixed = mixed_script_words(text)
    if mixed:
        flags.append("possible text manipulation: words mix Latin with Cyrillic/Greek letters: " + ", ".join(mixed))
    if not looks_english(text):
        flags.append("may not be English: extraction is tuned for English")
    return flags
