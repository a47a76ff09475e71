"""Stage 2, quotations: where the document's quotations are, paired once over the whole text.

A quotation left open at the end of a paragraph and resumed by an opening mark at the
start of the next one is the same quotation (the newspaper convention), so its sentences
form one chain: a sentence with no cue of its own gets the speaker of its chain
(see speakers.py). The tokens of a sentence ask :func:`_quoted_at` whether they lie inside
a quotation, so cues inside quotation marks are never the sentence's attribution.

A new rule about which marks open or close a quotation, or how quotations continue
across paragraphs, goes here.
"""
from __future__ import annotations

import re

_QUOTE_CHARS = "“”\""
_QUOTE_OR_BREAK = re.compile(r"[“”\"]|\n")


def _quote_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, chain) of each quotation's inside; a chain continues across paragraphs.

    A quotation still open at a line break ends there. If the next paragraph opens with a
    quotation mark, that quotation continues the same chain; if instead a later paragraph
    (within three) has a closing mark with no opening one, the quotation ran on unmarked
    through the paragraphs between, which join the chain.
    """
    spans: list[tuple[int, int, int]] = []
    open_at = -1
    open_chain = 0
    chains = 0
    pending = None  # chain of a quotation left open at the end of a paragraph
    pending_from = 0  # where the paragraphs after it begin
    unmarked = 0  # paragraphs without any quotation mark since then
    last = 0  # end of the previous mark or line break
    para_text = False  # the paragraph has had text before this mark
    for m in _QUOTE_OR_BREAK.finditer(text):
        ch = m.group()
        i = m.start()
        para_text = para_text or not text[last:i].isspace() and i > last
        last = i + 1
        if ch == "\n":
            if open_at >= 0:
                spans.append((open_at, i, open_chain))
                pending, pending_from, unmarked = open_chain, i + 1, 0
                open_at = -1
            elif pending is not None and para_text:
                unmarked += 1
                if unmarked > 3:
                    pending = None
            para_text = False
            continue
        before = text[i - 1] if i > 0 else " "
        opening = ch == "“" or (ch == '"' and open_at < 0 and not (before.isalnum() or before in ".,!?;:'’"))
        if opening:
            if open_at >= 0:  # an opening mark inside an open quotation: start again here
                spans.append((open_at, i, open_chain))
            if pending is not None and unmarked == 0 and not para_text:
                open_chain = pending
            else:
                chains += 1
                open_chain = chains
            pending = None
            open_at = i + 1
        elif open_at >= 0:
            spans.append((open_at, i, open_chain))
            open_at = -1
        elif pending is not None:  # closes a quotation that ran on without marks
            spans.append((pending_from, i, pending))
            pending = None
        # any other closing mark with no opening one is ignored
    if open_at >= 0:
        spans.append((open_at, len(text), open_chain))
    spans.sort()
    return spans


def _single_marks_as_double(text: str) -> str:
    """British style quotes with single curly marks (‘People are scared,’ she said): each
    ‘ at the start of a word opens a quotation, and the next ’ not followed by a letter
    closes it (an apostrophe inside a word, "don’t", is left alone). The text comes back
    the same length, with those marks as “ and ”; without a ‘ it is unchanged."""
    if "‘" not in text:
        return text
    out = list(text)
    open_at = -1
    for i, ch in enumerate(text):
        if ch == "‘" and (i == 0 or not text[i - 1].isalnum()):
            open_at = i
            out[i] = "“"
        elif ch == "’" and open_at >= 0 and (i + 1 >= len(text) or not text[i + 1].isalpha()):
            out[i] = "”"
            open_at = -1
        elif ch == "\n":
            open_at = -1
    return "".join(out)


def _quoted_at(spans: list[tuple[int, int, int]]):
    """``quoted(pos)``: whether a position is inside a quotation; positions are asked in
    document order, so a pointer into the spans only moves forward."""
    qp = 0  # pointer into spans for quoted()

    def quoted(pos: int) -> bool:
        nonlocal qp
        while qp < len(spans) and spans[qp][1] <= pos:
            qp += 1
        k = qp
        while k < len(spans) and spans[k][0] <= pos:
            if pos < spans[k][1]:
                return True
            k += 1
        return False

    return quoted


def _chains_of(spans: list[tuple[int, int, int]]):
    """``chains(s0, s1)``: the quotation chains a sentence touches, in order; sentences are
    asked in document order."""
    cp = 0

    def chains(s0: int, s1: int) -> list[int]:
        nonlocal cp
        while cp < len(spans) and spans[cp][1] <= s0:
            cp += 1
        cs: dict[int, None] = {}  # ordered set of the quotation chains in this sentence
        k = cp
        while k < len(spans) and spans[k][0] < s1:
            if spans[k][1] > s0:
                cs[spans[k][2]] = None
            k += 1
        return list(cs)

    return chains
