"""Stages after the scan: a span of time written in several units is one figure ("4 hours 52
minutes 18 seconds" is 17,538 seconds; "2 hours and 5 minutes" is 125 minutes), counted in
its smallest unit, as a race time or a journey time is checked; and a race time written
like a clock ("in 2:04:17", "lost 1:06", "2:41 behind", "29:49.50") is seconds, where the
scan leaves clock-like figures alone as times of day. A new way of writing one span goes here.
"""
from __future__ import annotations

import re

from ledger.extract.types import Quantity

_SECONDS = {"hour": 3600, "minute": 60, "second": 1}
_JOIN = re.compile(r"\s+(?:and\s+)?")


def _joinable(text: str, a: Quantity, b: Quantity) -> bool:
    """b goes on the span a ends: a smaller unit of time right after it, no range, no change of its own."""
    return a.unit in _SECONDS and b.unit in _SECONDS and _SECONDS[b.unit] < _SECONDS[a.unit] \
        and a.value_max is None and b.value_max is None and b.change == "=" and a.value >= 0 and b.value >= 0 \
        and bool(_JOIN.fullmatch(text, a.end, b.start)) and a.end <= b.start


def compound_durations(text: str, qs: list[Quantity]) -> list[Quantity]:
    """The quantities with each run of joined units of time made one, in the smallest unit."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if prev is not None and _joinable(text, prev, q):
            value = prev.value * _SECONDS[prev.unit] / _SECONDS[q.unit] + q.value
            out[-1] = Quantity(**{**prev.__dict__, "value": round(value, 6), "unit": q.unit, "end": q.end,
                                  "surface": text[prev.start:q.end]})
        else:
            out.append(q)
    return out


# a race time: h:mm:ss or m:ss(.ss); read as one only where a time of day cannot be meant
_RACE_TIME = re.compile(r"(?<![\w:.])(\d{1,2}):([0-5]\d)(?::([0-5]\d))?(\.\d{1,3})?(?![\w:])")
_GAP_BEFORE = re.compile(r"\b(?:lost|gained|trails?|trailed|trailing|clocked|ran|finished\s+in|won\s+in|time\s+of|"
                         r"record\s+of|lead\s+of|margin\s+of|deficit\s+of|"
                         r"(?:ran|run|runs|swam|swims|rode|rides|covered|completed|won|wins|finished)\s+(?:the|a|an|his|her|their)"
                         r"\s+(?:[\w'’-]+\s+){0,3}?in)\s+(?:(?:about|just|only|nearly|almost)\s+)?$")  # "ran the mile in 3:51"
_CLOCK_AFTER = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?|hours|GMT|UTC)\b", re.I)  # "2:41 p.m." is a time of day
_GAP_AFTER = re.compile(r"\s+(?:behind|ahead|clear|adrift|down|back)\b")


def _race_seconds(m: re.Match) -> float:
    a, b, c, frac = m.group(1), m.group(2), m.group(3), m.group(4) or ""
    if c is not None:
        return int(a) * 3600 + int(b) * 60 + float(c + frac)
    return int(a) * 60 + float(b + frac)


def race_times(text: str, start: int, end: int, qs: list[Quantity]) -> list[Quantity]:
    """The quantities with race times written like clocks added, in seconds: those with
    seconds after the minutes ("2:04:17"), a fraction of a second ("29:49.50"), or a word of a
    race before or after ("lost 1:06", "2:41 behind"); "at 4:30" stays a time of day."""
    found = []
    for m in _RACE_TIME.finditer(text, start, end):
        raced = m.group(3) is not None or m.group(4) is not None \
            or _GAP_BEFORE.search(text, max(start, m.start() - 60), m.start()) or _GAP_AFTER.match(text, m.end(), end)
        if raced and not any(q.start < m.end() and m.start() < q.end for q in qs) \
                and not _CLOCK_AFTER.match(text, m.end(), end):
            found.append(Quantity(surface=m.group(0), start=m.start(), end=m.end(), value=round(_race_seconds(m), 6),
                                  value_max=None, unit="second", change="=", concept=None))
    return sorted([*qs, *found], key=lambda q: q.start) if found else qs
