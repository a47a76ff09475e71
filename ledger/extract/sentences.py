"""Sentence spans with exact offsets, via pysbd, paragraph by paragraph."""
from __future__ import annotations

from functools import lru_cache

# A paragraph longer than this is split on line breaks and hard punctuation before
# pysbd sees it, so one pathological line cannot make segmentation run away.
_MAX_PARAGRAPH = 20_000


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets, whitespace trimmed) of ``text[start:end]``."""
    chunk = text[start:end]
    if not chunk.strip():
        return []
    if len(chunk) > _MAX_PARAGRAPH:
        pieces = [(i, min(i + _MAX_PARAGRAPH, len(chunk))) for i in range(0, len(chunk), _MAX_PARAGRAPH)]
    else:
        pieces = [(0, len(chunk))]
    spans: list[tuple[int, int]] = []
    for p0, p1 in pieces:
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
            s1 = s0 + len(stripped)
            spans.append((s0, s1))
            cursor = at + len(stripped)
    return spans
