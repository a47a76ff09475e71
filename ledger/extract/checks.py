"""Cheap checks on a document's text that a fact-checker should know about.

- Words that mix Latin letters with Cyrillic or Greek look-alikes (``baсked`` with a
  Cyrillic ``с``): a sign of text manipulation, used to dodge filters or plant variants.
- Bidi controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates), anywhere:
  they reorder how a line is shown, so what a reader sees is not the order of the text.
- Invisible characters inside a word (between two letters, digits or marks): zero-width
  space U+200B, joiners U+200C/U+200D, word joiner U+2060, U+FEFF (a byte-order mark
  only at the very start, where it is not inside a word), and the direction marks U+200E,
  U+200F, U+061C. They split a word for a filter or a search while it looks whole.
  Not flagged where a script uses them in its spelling: ZWNJ/ZWJ beside Arabic-script
  (Persian, Urdu) or Indic and other Brahmic letters, direction marks beside a
  right-to-left script. Emoji sequences (``👩‍💻``) are never between two letters.
- Terminal escape sequences (``ESC [2J``, ``ESC ]0;title BEL``): they are masked before
  extraction (:mod:`ledger.extract.escapes`); their presence is worth knowing.
- Text that does not read as English: extraction is tuned for English.

Every word a flag quotes goes through :func:`_shown`, so a flag holds no raw control,
bidi or invisible character and is safe to print.
"""
from __future__ import annotations

import re
import unicodedata
from itertools import islice

from ledger.extract.escapes import escape_sequences
from ledger.inert import visible

_WORDISH = re.compile(r"[\w\u0300-\u036f]+")
_WORD = re.compile(r"[A-Za-z]+")
_TOKEN = re.compile(r"\S+")
_ENGLISH = frozenset(
    "the of and to a in is that for it was on with as by at he said from his be are this have an not has but "
    "they were which who will their been had would or its she her we i you more after also than there when".split()
)
_LIMIT = 20  # words quoted per flag

_BIDI_EMBEDDING = re.compile("[\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c"
_INVISIBLE_RUN = re.compile(f"[{_INVISIBLE}]+")
_SHOW_INVISIBLE = re.compile(f"[{_INVISIBLE}\u00ad]")
_WORD_AROUND = re.compile(r"\S{0,24}")
_WORD_BEFORE = re.compile(r"\S{0,24}$")

# scripts that spell words with an invisible character (code point ranges)
_ARABIC = ((0x0600, 0x06FF), (0x0700, 0x074F), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFE))
_BRAHMIC = ((0x0900, 0x0DFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0xA8E0, 0xA8FF))
_RTL = ((0x0590, 0x05FF), (0x0780, 0x07BF), (0xFB1D, 0xFB4F)) + _ARABIC
_ORTHOGRAPHIC = {"\u200c": _ARABIC + _BRAHMIC, "\u200d": _ARABIC + _BRAHMIC,
                 "\u200e": _RTL, "\u200f": _RTL, "\u061c": _RTL}


def _shown(word: str) -> str:
    """``word`` safe to print, its controls and invisible characters as visible escapes."""
    return _SHOW_INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", visible(word))


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


def mixed_script_words(text: str, limit: int = _LIMIT) -> list[str]:
    """Words holding Latin letters together with Cyrillic or Greek ones (first ``limit``).

    Linear: each word is matched once (a pattern with a required character inside
    ``\\w*`` runs would backtrack over the whole of a long run, once per position)."""
    found: list[str] = []
    if text.isascii():
        return found
    for m in _WORDISH.finditer(text):
        word = m.group()
        if word.isascii() or word in found:
            continue
        scripts = {s for s in map(_script, word) if s}
        if "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"}:
            found.append(word)
            if len(found) >= limit:
                break
    return found


def _word_at(text: str, start: int, end: int) -> str:
    """The run of non-space characters around ``text[start:end]`` (24 each side at most)."""
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    after = _WORD_AROUND.match(text, end)
    return text[before.start():after.end()]


def _in_word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def _orthographic(run: str, before: str, after: str) -> bool:
    """The invisible characters ``run`` are part of the spelling of the script around them."""
    for ch in run:
        ranges = _ORTHOGRAPHIC.get(ch, ())
        if not any(lo <= ord(n) <= hi for n in (before, after) for lo, hi in ranges):
            return False
    return True


def invisible_in_words(text: str, limit: int = _LIMIT) -> list[str]:
    """Words with an invisible character between two of their letters or digits."""
    found: list[str] = []
    for m in _INVISIBLE_RUN.finditer(text):
        s, e = m.span()
        if s == 0 or e == len(text) or not (_in_word(text[s - 1]) and _in_word(text[e])):
            continue
        if _orthographic(m.group(), text[s - 1], text[e]):
            continue
        word = _word_at(text, s, e)
        if word not in found:
            found.append(word)
            if len(found) >= limit:
                break
    return found


def bidi_control_words(text: str, limit: int = _LIMIT) -> list[str]:
    """Words holding a bidi embedding, override or isolate control."""
    found: list[str] = []
    for m in _BIDI_EMBEDDING.finditer(text):
        word = _word_at(text, m.start(), m.end())
        if word not in found:
            found.append(word)
            if len(found) >= limit:
                break
    return found


def looks_english(text: str) -> bool:
    """False when a text of some length has almost none of English's commonest words."""
    words = [m.group() for m in islice(_TOKEN.finditer(text), 3000)]  # not text.split(): one string per word
    if len(words) < 20:
        return True
    latin = [w.lower() for w in words if _WORD.fullmatch(w.strip(".,;:!?\"'()“”‘’"))]
    hits = sum(1 for w in latin if w.strip(".,;:!?\"'()“”‘’") in _ENGLISH)
    return hits >= 0.08 * len(words)


def _quoted(words: list[str]) -> str:
    return ", ".join(_shown(w) for w in words)


def document_flags(text: str) -> list[str]:
    flags = []
    mixed = mixed_script_words(text)
    if mixed:
        flags.append("possible text manipulation: words mix Latin with Cyrillic/Greek letters: " + _quoted(mixed))
    bidi = bidi_control_words(text)
    if bidi:
        flags.append("possible text manipulation: bidi controls reorder how the text is shown: " + _quoted(bidi))
    hidden = invisible_in_words(text)
    if hidden:
        flags.append("possible text manipulation: invisible characters inside words: " + _quoted(hidden))
    escapes = escape_sequences(text, _LIMIT)
    if escapes:
        flags.append("terminal escape sequences in the text (not read as text): " + _quoted(escapes))
    if not looks_english(text):
        flags.append("may not be English: extraction is tuned for English")
    return flags
