"""Vague amounts and fractions: "thousands of", "tens of millions of" (``_finish_vague``),
"a third of", "two-thirds of", "half of", "one in three", "3 out of 10" (``_fraction``).
A new vague or fractional form goes here.
"""
from __future__ import annotations

from ledger.extract.numbers_units import CURRENCY_WORDS, FRACTIONS, SMALL, TENS, UNITS
from ledger.extract.numbers.limits import _readable
from ledger.extract.numbers.tokens import _DASHES, _Toks, _emit
from ledger.extract.numbers.words import _figure, _unreadable_figure
from ledger.extract.numbers.units import _counted_noun
from ledger.extract.numbers.change import _change_before


def _finish_vague(t: _Toks, i: int, j: int, a: float, b: float, lo: int):
    unit, ukind = None, None
    end = j
    if t.lw(j) == "of":
        if t.lw(j + 1) in CURRENCY_WORDS:
            unit, ukind, end = CURRENCY_WORDS[t.low[j + 1]], "cur", j + 2
        elif t.lw(j + 1) in UNITS:
            unit, ukind, end = UNITS[t.low[j + 1]], "phys", j + 2
        else:
            cn, cend = _counted_noun(t, j + 1, 2)
            if cn:
                unit, ukind, end = cn, "count", cend
    s0 = t.s[i]
    lab, cue = _change_before(t, i)
    q = _emit(t.text, t, s0, t.e[end - 1], a, b, unit, lab, None)
    return [(q, "vague")], end


def _fraction(t: _Toks, i: int):
    """'a third of', 'two-thirds of', 'half of', 'one in three'."""
    w = t.low[i]
    val = None
    end = None
    if w in ("a", "an", "one") and t.lw(i + 1) in FRACTIONS and t.lw(i + 2) == "of":
        val, end = FRACTIONS[t.low[i + 1]], i + 2
    elif w in SMALL and t.lw(i + 1) in _DASHES and t.lw(i + 2) in FRACTIONS and t.lw(i + 3) == "of":
        val, end = SMALL[w] * FRACTIONS[t.low[i + 2]], i + 3
    elif w in SMALL and t.lw(i + 1) in FRACTIONS and t.low[i + 1].endswith("s") and t.lw(i + 2) == "of":
        val, end = SMALL[w] * FRACTIONS[t.low[i + 1]], i + 2
    elif w == "half" and t.lw(i + 1) in ("of", "the", "their", "its", "his", "her", "all") and t.lw(i - 1) not in ("first", "second", "this", "the", "a"):
        val, end = 0.5, i + 1
    elif (w in SMALL or t.kind[i] == 1) and t.lw(i + 1) == "out" and t.lw(i + 2) == "of" and \
            (t.kind[i + 3] == 1 if i + 3 < t.n else False or t.lw(i + 3) in SMALL or t.lw(i + 3) in TENS):
        num = SMALL.get(w) if w in SMALL else _figure(t.txt[i])
        x = i + 3
        skip = _unreadable_figure(t, x)
        if skip or not _readable(num):
            return [], skip or x + 1  # "<huge> out of <huge>": skipped whole
        d = SMALL.get(t.lw(x)) or TENS.get(t.lw(x)) or (_figure(t.txt[x]) if t.kind[x] == 1 else None)
        if d and 0 < num <= d:
            val, end = num / d, x + 1
    elif (w == "one" or t.txt[i] == "1") and (t.lw(i + 1) == "in" or (t.lw(i + 1) == "out" and t.lw(i + 2) == "of")):
        x = i + 2 if t.lw(i + 1) == "in" else i + 3
        skip = _unreadable_figure(t, x)
        if skip:
            return [], skip  # "1 in <400 digits>": skipped whole
        d = SMALL.get(t.lw(x)) or TENS.get(t.lw(x)) or (_figure(t.txt[x]) if x < t.n and t.kind[x] == 1 else None)
        if d and 1 < d <= 1000:
            val, end = 1 / d, x + 1
    if val is None:
        return None
    lab, cue = _change_before(t, i)
    s0 = t.s[cue] if cue >= 0 and lab in ("~", ">", "<") else t.s[i]
    q = _emit(t.text, t, s0, t.e[end - 1], val, None, None, lab, None)
    return [(q, "frac")], end
