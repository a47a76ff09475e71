"""Units carried between quantities, once a sentence has been read: "41,000 troops ...
and 42,000 more" (also from the sentence before, in one document), "40 million of the 2
billion rupees", "outstanding asylum claims over 150,000", index levels in points, a
unit repeated in parallel ("the high is 84.75 cents and the low is 74.07"). A new rule
that fills in a bare number's unit from its neighbours goes here.
"""
from __future__ import annotations

import re

from ledger.extract.numbers_units import ADJ, CHANGE_BEFORE, CURRENCY_PREFIX, CURRENCY_WORDS, STOP, UNITS
from ledger.extract.numbers.words import _is_plural, _singular
from ledger.extract.numbers.units import _PEOPLE


_INDEX_WORD = re.compile(r"\b(?:index|indices|indexes)\b", re.I)
_LEVEL_NUM = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+")
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|of)\s+$|\(\s*$")
_LEVEL_AFTER = re.compile(r"\s+(?:up|down)\b")
_SHARE_NEXT = re.compile(r"\s+(?:of\s+(?:the|its|their|his|her|our)|or)\s+")
_PREV_WORD = re.compile(r"([A-Za-z]+)\s+$")
_THEN = re.compile(r"\s+(?:last|this|next|the previous|the prior|a) (?:year|month|week|quarter|season)\b"
                   r"|\s+in (?:1[89]|20)\d\d\b|\s+(?:a|one) (?:year|month|week) (?:earlier|ago|before)\b")
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_NO_PARALLEL = {"and", "or", "the", "a", "an", "with", "in", "on", "from", "to", "than", "of", "for"}


def _parallel_unit(text: str, lo: int, before: list, q) -> str | None:
    """The unit of an earlier quantity in the sentence that a bare number repeats:
    'the high is 84.75 cents and the low is 74.07', 'up by 2 percent, down by 1',
    'from 14 mpg to 24'."""
    if not before:
        return None
    m = _PREV_WORD.search(text, max(lo, q.start - 20), q.start)
    if not m:
        return None
    w = m.group(1).lower()
    for p in reversed(before):
        if not p.unit or not (p.unit in _NON_COUNT or " per " in p.unit) or p.unit in ("year", "time"):
            continue
        pm = _PREV_WORD.search(text, max(lo, p.start - 20), p.start)
        pw = pm.group(1).lower() if pm else ""
        if w == pw and w not in _NO_PARALLEL and (w not in ("is", "was", "are", "were", "be") or "." in q.surface):
            return p.unit  # an integer after a copula may be an age or a count: "his brother is 12"
        if w == "to" and pw == "from" and re.fullmatch(r"\s+to\s+", text[p.end:q.start]):
            return p.unit
        if w in ("and", "versus", "vs", "against") and _THEN.match(text, q.end):
            return p.unit  # "1.4 degrees in 2018 and 2.1 last year": the same measure at another time
        return None
    return None


_NOUNS_BEFORE = re.compile(r"(?:\b([a-z]+) )?\b([a-z]+) $")


def _noun_before(text: str, lo: int, pos: int) -> str | None:
    """The lower-case plural noun (with a noun modifier) right before ``pos``: 'asylum claims '."""
    m = _NOUNS_BEFORE.search(text, max(lo, pos - 40), pos)
    if not m or not _is_plural(m.group(2)) or m.group(2) in STOP or m.group(2) in ADJ \
            or m.group(2) in _NON_COUNT_WORDS or m.group(2).endswith(("ly", "ed")):
        return None
    head = _singular(m.group(2))
    if head in _PEOPLE:
        return "year"  # "people under 30", "children over 5": an age bound
    mod = m.group(1)
    if mod and mod not in STOP and mod not in ADJ and not mod.endswith(("ing", "ed", "ly", "s")) \
            and mod not in CHANGE_BEFORE:
        return f"{mod} {head}"
    return head


_NON_COUNT_WORDS = {"costs", "weighs", "measures", "totals", "employs", "seats", "holds", "houses", "spans", "covers",
                    "reaches", "exceeds", "tops", "needs", "gets", "earns", "makes", "pays", "sells", "says", "takes",
                    "gives", "runs", "lasts", "hits", "contains", "includes", "numbers", "counts", "stands", "sits",
                    "is", "was", "has", "does", "this", "its", "his", "hers", "yes", "less", "perhaps", "always",
                    "sometimes", "towards", "afterwards", "besides", "whereas", "thus", "plus", "minus", "times",
                    "points", "percents", "others", "ones", "years", "months", "weeks", "days", "hours"}


_BARE_NEXT = re.compile(r"\s*(?:[^\w\s]|$|(?:more|others?|additional|were|was|have|had|are|in|at|on|last|this|from|and|to|by|during|compared|versus|vs)\b)")


def _bare_end(text: str, pos: int, end: int) -> bool:
    """A bare number ends its phrase: '42,000 more', 'over 9,000,' (not 'about 700 oil- and gas-fired plants')."""
    return bool(_BARE_NEXT.match(text, pos, end))


_NON_COUNT = set(UNITS.values()) | set(CURRENCY_WORDS.values()) | set(CURRENCY_PREFIX.values()) | {
    "percentage", "percentage point", "year", "time"}
