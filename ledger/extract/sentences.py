"""Sentence spans with exact offsets, via pysbd, paragraph by paragraph.

pysbd's cost grows with the length of what it is given times the abbreviations in it, so a
long paragraph is first cut into pieces of at most ``_MAX_PIECE`` characters, at the last
sentence-like boundary before the limit (or at a space when there is none: a run of text
that long with no sentence punctuation is not one sentence a reader could check). This
keeps the worst case linear: a 1 MB line with no punctuation is cut, not parsed whole.
"""
from __future__ import annotations

import re
from functools import lru_cache

_MAX_PIECE = 3000
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+")
# Inside a quotation pysbd keeps every sentence together; a fact-checker (and the
# guidelines) count each sentence of a quotation on its own.
_QUOTE = re.compile(r"“[^“”]{2,}?”|\"[^\"]{2,}?\"|‘[^‘]{2,}?’(?![A-Za-z])")
# a quotation closed after its full stop, then a capital or the next quotation: two sentences
_BETWEEN = re.compile(r"(?<=[.!?][”’\"])\s+(?=[“‘\"]?[A-Z])")
_INNER = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘'(])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Prof|Rev|Inc|Co|Corp|Ltd|No|vs|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ave|Mt|Ft|approx|est|etc|pp|p|vol|fig|op|cit)|\b[A-Z]|\.[A-Za-z])\.$"
)


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd
    from pysbd.utils import TextSpan

    class _Segmenter(pysbd.Segmenter):
        """pysbd's segmenter without its own search for each sentence in the text, which
        compiles a new regular expression per sentence (about a seventh of the whole
        extractor's time): :func:`split_sentences` finds each sentence itself."""

        def sentences_with_char_spans(self, sentences):
            return [TextSpan(sent, 0, 0) for sent in sentences]

    return _Segmenter(language="en", clean=False)


def _pieces(chunk: str) -> list[tuple[int, int]]:
    """Cut ``chunk`` into spans of at most _MAX_PIECE characters at good places."""
    spans = []
    at = 0
    n = len(chunk)
    while n - at > _MAX_PIECE:
        limit = at + _MAX_PIECE
        cut = None
        for m in _BOUNDARY.finditer(chunk, at + _MAX_PIECE // 3, limit):
            cut = m.end()
        if cut is None:
            space = chunk.rfind(" ", at + _MAX_PIECE // 3, limit)
            cut = space + 1 if space > at else limit
        spans.append((at, cut))
        at = cut
    spans.append((at, n))
    return spans


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets, whitespace trimmed) of ``text[start:end]``."""
    chunk = text[start:end]
    if not chunk.strip():
        return []
    spans: list[tuple[int, int]] = []
    for p0, p1 in _pieces(chunk):
        sub = chunk[p0:p1]
        cursor = 0
        for sent in _segmenter().segment(sub):
            stripped = sent.strip()
            if not stripped:
                continue
            at = sub.find(stripped, cursor)
            if at < 0:  # pysbd altered the text; fall back to where we are
                at = cursor
            s0 = start + p0 + at
            s1 = min(s0 + len(stripped), start + p1)
            spans.extend(_split_quotations(text, s0, s1))
            cursor = at + len(stripped)
    return _rejoin_after_abbreviations(text, _closing_marks_back(text, spans))


def _closing_marks_back(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A closing quotation mark cut off the end of a sentence ("... £7 million." | "’ She
    said") goes back to the sentence it closes."""
    out: list[tuple[int, int]] = []
    for s0, s1 in spans:
        if out and s1 - s0 > 1 and text[s0] in "’”" and text[out[-1][1] - 1] in ".!?" and out[-1][1] == s0:
            out[-1] = (out[-1][0], s0 + 1)
            s0 += 1
            while s0 < s1 and text[s0].isspace():
                s0 += 1
        out.append((s0, s1))
    return out


_CONTINUES = re.compile(r"[,;)]|[a-z](?![A-Z])")


def _rejoin_after_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence cut after an abbreviation's full stop that goes on with a comma or a
    lower-case word ("Mitch McConnell, R-Ky., said", "Acme Corp. said") is one sentence:
    no sentence starts that way. Only across spaces on one line ("iPhone" starts one)."""
    out: list[tuple[int, int]] = []
    for s0, s1 in spans:
        if out and text[out[-1][1] - 1] == "." and _CONTINUES.match(text, s0) \
                and text[out[-1][1]:s0].strip(" ") == "":
            out[-1] = (out[-1][0], s1)
        else:
            out.append((s0, s1))
    return out


def _split_quotations(text: str, s0: int, s1: int) -> list[tuple[int, int]]:
    """Split the sentence ``text[s0:s1]`` at sentence ends inside its quotations."""
    sentence = text[s0:s1]
    if '"' not in sentence and "“" not in sentence and "‘" not in sentence:
        return [(s0, s1)]
    cuts = [(m.start(), m.end()) for m in _BETWEEN.finditer(sentence)]
    for q in _QUOTE.finditer(sentence):
        for m in _INNER.finditer(sentence, q.start() + 1, q.end() - 1):
            if not _ABBREVIATION.search(sentence[max(q.start(), m.start() - 12): m.start()]):
                cuts.append((m.start(), m.end()))
    if not cuts:
        return [(s0, s1)]
    cuts.sort()
    out, at = [], 0
    for c0, c1 in cuts:
        out.append((s0 + at, s0 + c0))
        at = c1
    out.append((s0 + at, s1))
    return out
