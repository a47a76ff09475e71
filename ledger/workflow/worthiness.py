"""Check-worthiness: which pending claims a desk should look at first.

A documented, additive score (higher first in the queue):

| feature | weight |
|---|---|
| a numeric claim (an attribution without a figure: +1.0) | +2.0 |
| a named official speaker (a role such as minister, president, police, spokesperson, or a title before the name) | +1.0 |
| any other named speaker (a proper name; generic sources like "officials" get nothing) | +0.5 |
| a comparative or superlative (more, fewer, highest, record, doubled, -est words) | +1.0 |
| the claim conflicts with another document's figure | +2.0 |
| each further appearance of the same claim in another document (at most +1.5) | +0.5 |
| hedged (may, might, could, reportedly, allegedly, possibly, perhaps) | -0.5 |
| trivial: a bare 0-2 or a duration of 0-2 units stated exactly, or fewer than 6 words | -0.5 |
"""
from __future__ import annotations

import re

_OFFICIAL = re.compile(
    r"\b(minister|president|secretary|spokes(?:man|woman|person)|official|governor|mayor|senator|"
    r"representative|chief|director|commissioner|police|ministry|department|agency|government|white house|"
    r"prime|chancellor|ambassador|general|attorney|judge|court|council|congress|parliament|"
    r"king|queen|ceo|chair(?:man|woman)?)\b", re.I)
_COMPARATIVE = re.compile(
    r"\b(more|less|fewer|higher|lower|larger|smaller|bigger|greater|biggest|largest|highest|lowest|greatest|"
    r"record|worst|best|most|least|doubled|tripled|quadrupled|halved|surge[sd]?|soar(?:ed|s)?|plunge[sd]?|"
    r"\w{3,}est)\b", re.I)
_HEDGE = re.compile(r"\b(may|might|could|reportedly|allegedly|possibly|perhaps|apparently|unconfirmed)\b", re.I)
_GENERIC = re.compile(r"^(the )?(officials?|analysts?|experts?|residents?|witnesses|sources?|critics|observers|"
                      r"authorities|police|people|others|some|many|they|he|she|it)$", re.I)
_SHORT_UNITS = {None, "second", "minute", "hour", "day", "week", "month", "year", "time"}


def base_score(*, text: str, has_quantity: bool, value: float | None, unit: str | None, change: str | None,
               speaker: str | None, role: str | None) -> float:
    score = 2.0 if has_quantity else 1.0
    if speaker:
        if role or _OFFICIAL.search(speaker):
            score += 1.0
        elif not _GENERIC.match(speaker.strip()) and speaker[:1].isupper():
            score += 0.5
    if _COMPARATIVE.search(text):
        score += 1.0
    if _HEDGE.search(text):
        score -= 0.5
    trivial = has_quantity and value is not None and 0 <= value <= 2 and unit in _SHORT_UNITS and (change or "=") == "="
    if trivial or len(text.split()) < 6:
        score -= 0.5
    return score


APPEARANCES_COUNTED = 3  # further appearances after these add nothing


def link_bonus(*, appearances: int, conflicts: int) -> float:
    """``appearances`` counts the other documents the claim appears in."""
    return (2.0 if conflicts else 0.0) + 0.5 * min(APPEARANCES_COUNTED, appearances)
