"""Ranges: a second number that closes a range opened by the first ("10-15", "between 12
and 15 million", "from $36,040 to $34,935", "one or two"; ``_range_tail``), with the few
words allowed between "from X" and "to Y" (``_from_to_gap``). Scores ("2-1") and ratios
("a 5 to 2 margin") are told apart here. A new form of range goes here.
"""
from __future__ import annotations

from ledger.extract.numbers_units import CURRENCY_PREFIX, SCALES, SMALL, STOP, STREET_WORDS
from ledger.extract.numbers.limits import _whole
from ledger.extract.numbers.tokens import _DASHES, _Reading, _Toks, _emit, _tok_at
from ledger.extract.numbers.words import _figure, _is_plural, _parse_number, _unreadable_figure
from ledger.extract.numbers.units import _rates, _unit_after
from ledger.extract.numbers.change import _change_before, _moved_by
from ledger.extract.numbers.limits import _is_year
from ledger.extract.numbers.not_quantities import _is_time


def _range_tail(t: _Toks, i, j, value, words, scaled, has_cur, unit, unit_explicit, change, s0=None):
    """A second number after token j that closes a range.

    Returns ((vmax, scale to carry to the first), end, unit, unit kind, is_score) or None;
    is_score is True for a ratio and "unreadable" for a far end too large to read, both skipped.
    """
    if j >= t.n:
        return None
    c = t.low[j]
    if unit is None and not has_cur and t.kind[i] == 1 and _is_year(value, t.txt[i]) and c == "to" and not (
            j + 2 < t.n and t.kind[j + 1] == 1 and t.txt[j + 2].islower() and _is_plural(t.low[j + 2])
            and t.low[j + 2] not in STOP):
        return None  # "from 1990 to 2000" is a span of years; "from 1000 to 2000 hires" is not
    first = _tok_at(t, t.s[i] if s0 is None else s0, i)
    prev = t.lw(first - 1)
    bw = next((first - b for b in range(1, 6) if t.lw(first - b) == "between"), None)
    between = bw is not None and not any(t.kind[x] == 1 for x in range(bw + 1, first))
    skipped = False
    if prev == "from" and c not in _DASHES and c not in ("to", "and", "or") and (
            unit_explicit or has_cur or c in ("at", "in", "on", "during", "last", "this", "since", "by")):
        # "from $41,200 at 9pm on Sunday to $39,800", "from 14 mpg city to 24":
        # a few words of time or place between the two ends of a from-to range
        x = _from_to_gap(t, j, not (unit_explicit or has_cur))
        if x is None:
            return None
        j, c, skipped = x, "to", True
    k = j + 1
    if c in _DASHES:
        # "10-15", "8 – 10": a dash glued on both sides or spaced on both sides
        if k >= t.n or t.glued(j) != t.glued(k):
            return None
    elif c == "to":
        if change in ("up", "down") and prev != "from" and (unit_explicit or has_cur):
            return None  # "rose 5% to 3.2", "grew by $2bn to $90bn"
        if k + 1 < t.n and t.txt[k] in _DASHES and t.glued(k) and t.glued(k + 1):
            k += 1  # "100,000 to-150,000"
    elif c == "and":
        if not between:
            return None
    elif c == "or":
        if not words and not (k < t.n and t.kind[k] == 1):
            return None
    elif c == "/":
        # "$7/$9": a low/high pair of amounts
        if not (has_cur and t.glued(j) and k < t.n and t.glued(k) and t.low[k] in CURRENCY_PREFIX):
            return None
    else:
        return None
    # optional currency before the second number: "$", "US $", "$US", "RM"
    cur2 = False
    while k < t.n and k < j + 4 and t.kind[k] != 1 and (t.low[k] in CURRENCY_PREFIX or t.low[k] == "u.s."):
        k += 1
        cur2 = True
    if k >= t.n:
        return None
    if cur2 and not has_cur:
        return None
    skip = _unreadable_figure(t, k)
    if skip is not None:
        return (0.0, None), skip, None, None, "unreadable"  # the far end is too large to read: skip the range
    if words and t.kind[k] == 1 and c not in ("to", "and"):
        return None
    if not words and t.kind[k] != 1:
        if not (c in ("to", "and") and t.kind[k] == 2 and t.low[k] in SMALL):
            return None
    if t.kind[k] == 1 and (_is_time(t, k, k + 1, 0) or (k + 1 < t.n and t.txt[k + 1] in ":" and t.glued(k + 1))):
        return None
    pn = _parse_number(t, k)
    if pn is None:
        return None
    v2, j2, w2, sc2 = pn
    if c == "to" and v2 > 2 * value and _moved_by(t, first):
        return None  # "rose by 11,000 to 287,000", "raised it by 4 cents to 38 cents": a change and the
        # level it reached; "cut profit by $18 million to $22 million" is a range of changes
    if skipped and t.kind[k] == 1 and _is_year(v2, t.txt[k]) and not _is_year(value, t.txt[i]):
        return None  # "from 5 staff in 2010 to 2012": the second number is a year
    if c == "or" and not words and t.kind[j - 1] != 1:
        return None  # "a 7- or 8-inch screen": two sizes on offer
    if j2 < t.n and t.low[j2] == "m" and t.glued(j2) and (has_cur or cur2):
        v2 *= 1e6
        sc2 = True
        j2 += 1
    scale2 = None
    if sc2 and not scaled:
        # the second number's multiplier carries to the first: "between 12 and 15 million"
        mult = 1.0
        for x in range(k + 1, j2):
            if t.low[x] in SCALES:
                mult *= SCALES[t.low[x]]
        raw2 = _figure(t.txt[k]) if t.kind[k] == 1 else v2 / mult
        if raw2 is not None and value < raw2 and raw2 > 0:
            scale2 = v2 / raw2
    near = v2 / scale2 if scale2 else v2  # "40 or 50 million": the second figure as written
    loose_or = c == "or" and not words and not (near == value + 1 and _whole(value))
    if c == "or" and words and not (near == value + 1 and _whole(value)):
        return None
    if loose_or and not (value < near <= 2 * value):
        return None  # "45 or 50 bushels": two guesses a little apart are a range; "5 or 50" is a choice
    if c in _DASHES and not words and not w2 and v2 <= value and not sc2 and unit is None:
        return (v2, None), j2, None, None, "score"  # a score: 2-1, 507-19
    if c == "/" and v2 <= value:
        return None
    if v2 < value and (c in _DASHES or (c == "to" and prev != "from")):
        if c == "to" and unit is None and not has_cur and _whole(value) and _whole(v2) and value <= 20:
            return (v2, None), j2, None, None, True  # "a 5 to 2 margin": a ratio
        return None
    u2, uend2, uk2 = _unit_after(t, j2, v2, has_cur, k)
    if uk2 in ("fold", "plus", "odd"):
        uk2 = None
        u2 = None
    if unit_explicit:
        # "200 miles to 250 miles", "from 180 pounds to 170": the second may repeat the unit
        if u2 is not None and u2 != unit:
            return None
        if u2 is None and not (prev == "from" or between) and not has_cur:
            return None
    elif u2 is not None and has_cur and uk2 != "cur":
        return None
    if uk2 == "cur" and has_cur:
        u2 = None
    if loose_or and u2 is None and not unit_explicit and not has_cur and not sc2 and not (
            j2 < t.n and t.kind[j2] == 2 and _is_plural(t.low[j2]) and t.low[j2] not in STOP):
        return None  # "in 45 or 50" with nothing counted: no range
    end = uend2 if uk2 else j2
    return (v2, scale2), end, u2, uk2, False


_GAP_STOP = {",", ";", ":", "(", ")", "and", "but", "or", "while", "from", "whereas", "then", "before", "after"}
# "from 9 in the morning to 5": bare numbers around a time of day are clock times, not a range
# "from 6.1% at its peak to 2.8%": a level named between the two is a path from it, not a range
_GAP_LEVEL = {"peak", "height", "worst", "best", "highest", "lowest", "high", "low", "record", "top"}
_GAP_CLOCK = {"morning", "afternoon", "evening", "night", "noon", "midnight", "o'clock", "o’clock"}


def _from_to_gap(t: _Toks, j: int, bare: bool) -> int | None:
    """Index of the 'to' that closes 'from X ... to Y' when only a few words of time, place or
    unit lie between (no clause break, no other quantity): None otherwise."""
    for x in range(j, min(t.n - 1, j + 8)):
        lx = t.low[x]
        if lx == "to":
            return x if x > j else None
        if lx in _GAP_STOP or lx in _DASHES or (bare and lx in _GAP_CLOCK) or lx in _GAP_LEVEL:
            return None
        if lx == "." and not (t.glued(x) and len(t.txt[x - 1]) == 1 and t.txt[x - 1].isupper()):
            return None  # a full stop; "U.S." is fine
        if t.kind[x] == 1:
            if _is_year(_figure(t.txt[x]), t.txt[x]) and t.lw(x - 1) in ("in", "since", "by"):
                continue  # "in 2008"
            if t.lw(x + 1) in ("am", "pm", "a.m", "p.m") or (t.txt[x + 1:x + 2] == [":"] and t.glued(x + 1)):
                continue  # a clock time
            return None
    return None


# ------------------------------------------------------------------ stage: the range


def _range_stage(t: _Toks, r: _Reading):
    """Stage: ranges: 10-15, between 12 and 15 million, from $36,040 to $34,935, 8–10 years,
    one or two. Sets lab0 (the change cue before the first number), rng, vmax, and the
    unit, value (a carried multiplier) and end_tok; a verdict for a score, a span of
    years or an address."""
    i, value, s0, unit, ukind, end_tok, e_num = r.i, r.value, r.s0, r.unit, r.ukind, r.end_tok, r.e_num
    vmax = None
    lab0, _ = _change_before(t, _tok_at(t, s0, i))
    unit_explicit = bool(unit) and end_tok > e_num
    rng = _range_tail(t, i, end_tok if unit_explicit else e_num, value, r.words, r.scaled, r.has_cur, unit,
                      unit_explicit, lab0, s0)
    if rng is not None:
        v2, end2, unit2, kind2, score = rng
        if score == "score" and _is_year(value, t.txt[i]) and len(t.txt[end2 - 1]) == 2 and v2[0] == (value + 1) % 100:
            return [], end2  # "the 2014-15 season": a span of years
        if score == "score":
            # a score or tally is one pair (the guidelines accept either reading)
            q = _emit(t.text, t, s0, t.e[end2 - 1], value, v2[0], None, "=", None)
            return [(q, "score")], end2
        if score:
            return [], end2
        if unit is None and end2 + 1 < t.n and t.kind[end2] == 2 and t.txt[end2][0].isupper() and (
                t.low[end2 + 1] in STREET_WORDS or t.lw(end2 + 2) in STREET_WORDS):
            return [], end2 + 1  # "12-14 Harbour Road"
        if unit is None and unit2:
            unit, ukind = unit2, kind2
        if v2[1]:
            value *= v2[1]
        vmax = v2[0]
        end_tok = max(end2, end_tok)
        if ukind in ("cur", "pct", "phys"):
            unit, end_tok = _rates(t, end_tok, unit)  # "20,000 to 30,000 tonnes of gas a day"
    r.lab0, r.rng, r.vmax = lab0, rng, vmax
    r.unit, r.ukind, r.value, r.end_tok = unit, ukind, value, end_tok
    return None
