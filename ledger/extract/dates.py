"""Relative dates in a claim ("on Tuesday", "yesterday") resolved against publication.

News uses a bare weekday for the most recent such day on or before publication ("said
Tuesday" in a Wednesday story is the day before), and "next Tuesday" for the coming one; a
weekday in the future tense ("will reopen on Monday", "is due on Friday") is the coming one.
A day that would fall outside the calendar Python knows (before 0001-01-01 or after
9999-12-31, from a publication date at either end) is no date: None, never an error. A
publication date known only to its year or month ("2019", "June 2024") resolves nothing:
a "Tuesday" in it has no date. The day counted from is the one the source states (an aware
datetime's own day, not the UTC one).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_NO_DAY = {"year", "month"}
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_FUTURE = re.compile(r"\b(will|would|shall|is due|are due|to be|scheduled|plans? to|expected to|going to|"
                     r"set to|next|upcoming|coming)\b", re.I)
_RELATIVE = re.compile(
    r"\b(?:(?P<next>next|this coming)\s+)?(?:(?P<last>last)\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b|\b(?P<word>yesterday|today|tomorrow|tonight|last night)\b",
    re.I,
)


def resolve_relative_date(sentence: str, published: datetime | date | None, precision: str | None = None) -> str | None:
    """The ISO date of the first relative date in ``sentence``, or None. A publication date
    known only to the year or month (``precision``) has no day to count from: None."""
    if published is None or precision in _NO_DAY:
        return None
    base = published.date() if isinstance(published, datetime) else published
    m = _RELATIVE.search(sentence)
    if not m:
        return None
    if m.group("word"):
        word = m.group("word").lower()
        delta = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}[word]
        return _shifted(base, delta)
    target = _DAYS.index(m.group("day").lower())
    if m.group("next") or _FUTURE.search(sentence[max(0, m.start() - 40):m.start()]):
        ahead = (target - base.weekday()) % 7 or 7
        return _shifted(base, ahead)
    back = (base.weekday() - target) % 7
    if m.group("last") and back == 0:
        back = 7
    return _shifted(base, -back)


def _shifted(base: date, days: int) -> str | None:
    """The ISO date ``days`` after ``base``; None past either end of the calendar."""
    try:
        return (base + timedelta(days=days)).isoformat()
    except OverflowError:
        return None
