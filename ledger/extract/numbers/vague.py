"""Vague amounts and fractions: "thousands of", "tens of millions of" (``_finish_vague``),
"a third of", "two-thirds of", "half of", "one in three", "3 out of 10" (``_fraction``,
and "1/4 pound" in ``_slash_fraction``), multipliers in words ("a fourfold rise") and "nearly
a decade". The stage ``_word_quantity`` runs first, before any figure is read. A new
vague or fractional form goes here.
"""
from __future__ import annotations

from ledger.extract.numbers_units import (
    CURRENCY_WORDS, FRACTIONS, GLUED_ONLY, SCALES, SMALL, STOP, TENS, UNITS, VAGUE,
)
from ledger.extract.numbers.limits import _readable, _whole
from ledger.extract.numbers.tokens import NOT_HERE, _DASHES, _Reading, _Toks, _emit
from ledger.extract.numbers.words import _A_UNIT, _FOLD, _figure, _unreadable_figure
from ledger.extract.numbers.units import _counted_noun, _unit_after
from ledger.extract.numbers.change import _after_an_amount, _change_before, _verb_before_by


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


# words before "half" that make it a part, not a share: "the first half", "the eastern half of the town"
_PART_HALF = {"first", "second", "this", "the", "a", "eastern", "western", "northern", "southern", "upper", "lower",
              "other", "back", "front", "bottom", "top", "latter", "better"}


_SPANS = frozenset("second minute hour day week month year decade centurie century".split())


def _part_of_one_unit(t: _Toks, i: int, x: int, val: float, lab: str, s0: int):
    """A fraction of one unit written from token x: "a tenth of a millimetre", "a quarter of a
    percentage point", "half a percentage point"; "a point" in a sentence about a rate or a
    share is a percentage point. The verdict, or None."""
    for k in (2, 1):
        key = " ".join(t.low[x:x + k])
        unit = UNITS.get(key) if x + k <= t.n else None
        if unit is None and key == "point" and any(w in _RATE_WORDS for w in t.low):
            unit = "percentage point"
        if unit is not None:
            if lab == "=" and t.lw(i - 1) == "by":
                lab = _verb_before_by(t, i - 1)  # "cut its rate by a quarter of a percentage point"
            q = _emit(t.text, t, s0, t.e[x + k - 1], val, None, unit, lab, None)
            return [(q, "phys")], x + k
    return None


_RATE_WORDS = frozenset("% rate rates percent per yield yields inflation".split())


def _fraction(t: _Toks, i: int):
    """'a third of', 'two-thirds of', 'half of', 'one in three'."""
    w = t.low[i]
    if w == "half" and t.lw(i + 1) in ("a", "an") and t.lw(i - 1) not in _PART_HALF:
        lab, cue = _change_before(t, i)
        part = _part_of_one_unit(t, i, i + 2, 0.5, lab, t.s[cue] if cue >= 0 and lab in ("~", ">", "<") else t.s[i])
        if part is not None:
            return part  # "raised its rate by half a percentage point"
    val = None
    end = None
    if w in ("a", "an", "one") and t.lw(i + 1) in FRACTIONS and t.lw(i + 2) == "of":
        val, end = FRACTIONS[t.low[i + 1]], i + 2
    elif w in SMALL and t.lw(i + 1) in _DASHES and t.lw(i + 2) in FRACTIONS and (
            t.lw(i + 3) == "of" or t.low[i + 2].endswith("s") and SMALL[w] > 1 and t.lw(i - 1) in ("a", "an", "the")):
        val, end = SMALL[w] * FRACTIONS[t.low[i + 2]], i + 3  # also "a two-thirds majority", "a three-quarters share"
    elif w in SMALL and t.lw(i + 1) in FRACTIONS and t.low[i + 1].endswith("s") and t.lw(i + 2) == "of":
        val, end = SMALL[w] * FRACTIONS[t.low[i + 1]], i + 2
    elif w == "half" and t.lw(i + 1) in ("of", "the", "their", "its", "his", "her", "all") and t.lw(i - 1) not in _PART_HALF:
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
    elif (w in SMALL or t.kind[i] == 1) and (t.lw(i + 1) == "in" or (t.lw(i + 1) == "out" and t.lw(i + 2) == "of")):
        # "one in three", "1 out of 5"; and "nine in ten", "three in 10": a share, not "ten voters"
        x = i + 2 if t.lw(i + 1) == "in" else i + 3
        skip = _unreadable_figure(t, x)
        if skip:
            return [], skip  # "1 in <400 digits>": skipped whole
        num = SMALL.get(w) if w in SMALL else _figure(t.txt[i])
        d = SMALL.get(t.lw(x)) or TENS.get(t.lw(x)) or (_figure(t.txt[x]) if x < t.n and t.kind[x] == 1 else None)
        if t.lw(x + 1).rstrip("s") in _SPANS:
            return None  # "5 in 10 years", "one in six months": a count over a span of time
        if num == 1 and d and 1 < d <= 1000 or num and d in (3, 4, 5, 10) and 1 < num < d:
            val, end = num / d, x + 1
    if val is None:
        return None
    lab, cue = _change_before(t, i)
    s0 = t.s[cue] if cue >= 0 and lab in ("~", ">", "<") else t.s[i]
    if t.lw(end) == "of" and t.lw(end + 1) in ("a", "one") and t.lw(end + 2) in ("thousand", "million", "billion"):
        # "a quarter of a million homes": a fraction of a scale is a figure, with its counted noun
        val *= SCALES[t.low[end + 2]]
        unit, cend = _counted_noun(t, end + 3, val)
        end = cend if unit else end + 3
        q = _emit(t.text, t, s0, t.e[end - 1], val, None, unit, lab, None)
        return [(q, "count" if unit else "frac")], end
    if t.lw(end) == "of" and t.lw(end + 1) in ("a", "an", "one"):
        part = _part_of_one_unit(t, i, end + 2, val, lab, s0)  # "a quarter of a percentage point"
        if part is not None:
            return part
    q = _emit(t.text, t, s0, t.e[end - 1], val, None, None, lab, None)
    return [(q, "frac")], end


# ------------------------------------------------------------------ stage: numbers written as vague words


def _word_quantity(t: _Toks, r: _Reading):
    """Stage: a quantity that is all words, read before any figure: vague words ("thousands
    of"), fractions ("a third of", "one in three"), multipliers ("a fourfold rise") and
    "nearly a decade". A verdict, or None to go on."""
    i = r.i
    if t.kind[i] == 2:
        done = _vague_word(t, i, r.lo)
        if done is not None:
            return done
    if t.kind[i] == 2 or t.txt[i] == "1" or t.lw(i + 1) in ("out", "in"):
        frac = _fraction(t, i)
        if frac is not None:
            return frac
    if t.kind[i] == 2:
        return _fold_or_a_unit(t, i)
    return None


def _vague_word(t: _Toks, i: int, lo: int):
    """"tens of thousands", "hundreds of millions", "dozens of", "thousands": a verdict or None."""
    w = t.low[i]
    if w == "minus":
        return NOT_HERE
    if w == "tens" and t.lw(i + 1) == "of" and t.lw(i + 2) in ("thousands", "millions", "billions"):
        a, b = VAGUE[t.low[i + 2]]
        return _finish_vague(t, i, i + 3, a * 10, b * 10, lo)
    if w in VAGUE:
        if t.lw(i + 1) == "of" and t.lw(i + 2) in ("thousands", "millions", "billions"):
            a, b = VAGUE[w]
            m = VAGUE[t.low[i + 2]][0]
            return _finish_vague(t, i, i + 3, a * m, b * m, lo)
        if t.lw(i + 1) == "of" or t.lw(i + 2) in STOP or i + 1 >= t.n or t.kind[i + 1] == 3:
            if i > 0 and (t.kind[i - 1] == 1 or t.low[i - 1] in SMALL or t.low[i - 1] in ("several", "few", "many")):
                return NOT_HERE
            a, b = VAGUE[w]
            return _finish_vague(t, i, i + 1, a, b, lo)
        return NOT_HERE
    return None


_A_UNIT_HEDGES = {"nearly", "almost", "about", "over", "than", "around", "roughly", "some", "under", "just"}


def _fold_or_a_unit(t: _Toks, i: int):
    """"a fourfold rise", "nearly a decade": a verdict or None."""
    text = t.text
    w = t.low[i]
    m = _FOLD.match(w)
    if m:
        # "a fourfold rise", "grew more than tenfold": a multiplier
        v = SMALL.get(m.group(1)) or TENS.get(m.group(1))
        lab, cue = _change_before(t, i)
        s_at = t.s[cue] if cue >= 0 and lab in ("~", ">", "<") else t.s[i]
        q = _emit(text, t, s_at, t.e[i], v, None, None, lab if lab in ("~", ">", "<") else "up", None)
        return [(q, "fold")], i + 1
    if w in ("a", "an") and t.lw(i + 1) in _A_UNIT:
        # "nearly a decade", "more than a year": one unit with a bound
        if t.lw(i - 1) == "than" and t.lw(i + 2) in ("ago", "earlier", "before", "previously"):
            return NOT_HERE  # a time compared with, not a span: "3% higher than a year ago"
        lab, cue = _change_before(t, i)
        if lab in ("up", "down") and t.lw(i - 1) in _A_UNIT_HEDGES:
            cue = i - 1  # "rose nearly a metre": a rise of about one metre
        elif lab not in ("~", ">", "<"):
            return NOT_HERE
        elif lab == ">" and t.low[cue] == "over" and _after_an_amount(t, cue):
            lab = "="  # "stole 2 million euros over a decade": the span spread over, as "over 10 years" is
        q = _emit(text, t, t.s[cue], t.e[i + 1], 1, None, UNITS[t.low[i + 1]], lab, None)
        return [(q, "phys")], i + 2
    return None


def _slash_fraction(t: _Toks, i: int, j: int, value: float, has_cur: bool):
    """A figure written with a slash at token j, "1/4 pound of flour", "1/16 of a US pint";
    "24/7" and "$3/$5" are not fractions. Always a verdict."""
    den = _figure(t.txt[j + 1])
    if not (0 < value < den <= 1000 and _whole(value) and _whole(den)) or has_cur:
        return [], j + 2  # 24/7, $3/$5
    lab, cue = _change_before(t, i)
    fu, fend, fk = _unit_after(t, j + 2, value / den, False, i)  # "1/4 pound of flour"
    if fk not in ("phys", "cur"):
        fu, fend = None, j + 2
        x = j + 4 if t.lw(j + 2) == "of" and t.lw(j + 3) in ("a", "an") else 0
        if x and t.lw(x) in ("us", "u.s", "imperial", "metric"):
            x += 1
        if x and (t.lw(x) in UNITS and t.lw(x) not in GLUED_ONLY or t.lw(x) in ("pint", "quart", "cup")):
            fu, fend = UNITS.get(t.low[x]) or t.low[x], x + 1  # "1/16 of a US pint"
    q = _emit(t.text, t, t.s[i], t.e[fend - 1], value / den, None, fu, lab, None)
    return [(q, "frac")], fend
