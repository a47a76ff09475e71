"""Numbers themselves: figures ("12,500", "2.5e6", "10^6"), number words ("twenty-one",
"a dozen", "two and a half"), multipliers ("3bn", "2.5 million", "8 B people") and the
singular and plural forms of nouns. A new way of writing a number, or a new multiplier,
goes here; the number words themselves are in ``numbers_units.py``.
"""
from __future__ import annotations

import math
import re

from ledger.extract.numbers_units import ABBR_SCALES, FRACTIONS, IRREGULAR_PLURAL, SCALES, SMALL, TENS, VAGUE
from ledger.extract.numbers.limits import _MAX_EXPONENT, _readable, _whole
from ledger.extract.numbers.tokens import NOT_HERE, _DASHES, _Reading, _Toks


_NUMWORD_ALT = "|".join(sorted(
    set(SMALL) | set(TENS) | set(SCALES) | set(VAGUE) | {"dozen", "half", "tens", "minus"} | set(FRACTIONS),
    key=len, reverse=True))
_QUICK = re.compile(
    r"\d|\b(?:" + _NUMWORD_ALT + r")(?:fold)?\b"
    r"|\b(?:nearly|almost|about|over|than|around|within|roughly|some|under) an? (?:decade|year|century|month|week|day|hour"
    r"|minute|mile|kilomet|met|foot|inch|degree|tonne|litre|gallon|hectare|acre)", re.I)
_FOLD = re.compile(r"(" + "|".join(sorted(set(SMALL) | set(TENS), key=len, reverse=True)) + r")fold$")


_A_UNIT = {"decade", "year", "century", "month", "week", "day", "hour", "minute", "mile", "kilometre", "kilometer",
           "metre", "meter", "foot", "inch", "degree", "tonne", "litre", "gallon", "hectare", "acre"}


_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}


def _singular(word: str) -> str:
    w = word.lower()
    if w in IRREGULAR_PLURAL:
        return IRREGULAR_PLURAL[w]
    if w.endswith(("women", "children")) and len(w) > 8:
        return w[:-5] + "woman" if w.endswith("women") else w[:-8] + "child"  # policewomen, grandchildren
    if len(w) > 5 and w.endswith("men") and not w.endswith(("omen", "imen")):
        return w[:-3] + "man"  # fishermen, gunmen
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and re.search(r"(ches|shes|xes|sses|zes)$", w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w.endswith(("'s", "’s")):
        return False  # a possessive: "24 sheriff's deputies" counts deputies
    if w in IRREGULAR_PLURAL:
        return True
    if len(w) > 5 and w.endswith("men") and not w.endswith(("omen", "imen")) or w.endswith(("women", "children")):
        return True
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")) and w not in _NOT_PLURAL


# singular nouns that end in -s
_NOT_PLURAL = {"gas", "lens", "news", "canvas", "atlas", "bias", "alias", "chaos", "kudos", "physics",
               "economics", "politics", "mathematics", "athletics", "measles", "diabetes", "herpes"}


def _figure(txt: str) -> float:
    """The value of a digit token; inf (unreadable) for an exponent beyond _MAX_EXPONENT.
    The tokeniser keeps digit tokens short, so the rest is a cheap, finite float()."""
    digits = txt.replace(",", "")
    _, e, exp = digits.lower().partition("e")
    if e and abs(int(exp)) > _MAX_EXPONENT:
        return math.inf
    return float(digits)


def _unreadable_figure(t, k: int) -> int | None:
    """The index after the figure at token k when it is too large to read (an overlong
    digit run, or a value beyond MAX_VALUE); None when token k holds no such figure."""
    if k >= t.n:
        return None
    if t.kind[k] == 3 and len(t.txt[k]) > 1:  # only an overlong digit run is a symbol of 2+ characters
        return k + 1
    if t.kind[k] == 1 or t.low[k] in SMALL or t.low[k] in TENS or t.low[k] in ("a", "an"):
        r = _parse_number0(t, k)
        if r is not None and not _readable(r[0]):
            return r[1]
    return None


def _power(base: float, exp: int) -> float | None:
    """``base ** exp`` when the exponent and the result are readable, else None."""
    if abs(exp) > _MAX_EXPONENT:
        return None
    try:
        v = float(base) ** exp
    except (OverflowError, ZeroDivisionError):
        return None
    return v if _readable(v) else None


# ------------------------------------------------------------------ number parsing


def _parse_words(t: _Toks, i: int) -> tuple[float, int] | None:
    """A number written in words from token i: (value, index after it)."""
    total = 0.0
    current = 0.0
    j = i
    seen = False
    last = None  # "small" | "tens" | "hundred" | "scale"
    while j < t.n:
        w = t.low[j]
        if w in SMALL:
            if last == "small":
                break  # "one two" is two numbers; "twenty one" and "twenty-one" are one
            current += SMALL[w]
            last = "small"
        elif w in TENS:
            if last in ("small", "tens"):
                break
            current += TENS[w]
            last = "tens"
        elif w == "hundred":
            current = float(current or 1) * 100  # a float: "hundred hundred ..." ends at inf, not a huge int
            last = "hundred"
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
            last = "scale"
        elif w == "dozen":
            current = float(current or 1) * 12
            last = "hundred"
        elif w in _DASHES and seen and last == "tens" and j + 1 < t.n and t.low[j + 1] in SMALL \
                and t.glued(j) and t.glued(j + 1):
            j += 1
            continue
        elif w == "and" and seen and last in ("hundred", "scale") and j + 1 < t.n and \
                (t.low[j + 1] in SMALL or t.low[j + 1] in TENS):
            j += 1
            continue
        elif w in ("a", "an", "another") and not seen and j + 1 < t.n and (t.low[j + 1] in SCALES or t.low[j + 1] == "dozen"):
            current = 1
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j


def _and_a_half(t: _Toks, j: int) -> int:
    """Tokens of 'and a half' / '-and-a-half' at j: the index after them, or j."""
    x = j
    for want in ("and", "a", "half"):
        if x < t.n and t.low[x] in _DASHES and t.glued(x):
            x += 1
        if x < t.n and t.low[x] == want:
            x += 1
        else:
            return j
    return x


def _parse_number(t: _Toks, i: int) -> tuple[float, int, bool, bool] | None:
    """(value, end index, written in words, has scale) for a number starting at token i;
    None when there is none, or when its value is not readable (see MAX_VALUE)."""
    r = _parse_number0(t, i)
    if r is not None and not _readable(r[0]):
        return None
    if r is not None and _whole(r[0]) and not r[3]:
        x = _and_a_half(t, r[1])
        if x != r[1]:
            return r[0] + 0.5, x, r[2], r[3]
    return r


def _parse_number0(t: _Toks, i: int) -> tuple[float, int, bool, bool] | None:
    k = t.kind[i]
    if k == 1:
        v = _figure(t.txt[i])
        j = i + 1
        scaled = False
        if j < t.n and t.txt[j] in _VULGAR and t.glued(j) and v is not None and v == int(v):
            v += _VULGAR[t.txt[j]]  # "1½ hours"
            j += 1
        if j < t.n:
            w = t.low[j]
            if t.glued(j) and w in ABBR_SCALES and w != "m":
                v *= ABBR_SCALES[w]
                j += 1
                scaled = True
            elif w in ("-", "‑") and t.glued(j) and j + 1 < t.n and t.glued(j + 1) and t.low[j + 1] in SCALES \
                    and t.low[j + 1] not in ("hundred", "thousand"):
                v *= SCALES[t.low[j + 1]]  # "a 100-million-pound fund", "a $40-million contract"
                j += 2
                scaled = True
            elif not t.glued(j) and w in SCALES:
                # "2.5 million", "12 thousand"; "2 hundred thousand"
                while j < t.n and t.low[j] in SCALES:
                    v *= SCALES[t.low[j]]
                    j += 1
                scaled = True
            elif not t.glued(j) and t.txt[j] in ("M", "B") and t.kind[j] == 2 and j + 1 < t.n and t.kind[j + 1] == 2 \
                    and t.txt[j + 1].islower() and (_is_plural(t.low[j + 1]) or t.low[j + 1] == "of"):
                v *= ABBR_SCALES[w]  # "8 B people", "2 M of them": a spaced multiplier
                j += 1
                scaled = True
            elif not t.glued(j) and w in ("mn", "bn", "mln", "bln", "tn", "trn", "crore", "lakh"):
                v *= ABBR_SCALES[w]
                j += 1
                if w == "lakh" and t.lw(j) == "crore":
                    v *= ABBR_SCALES["crore"]  # "₹2.5 lakh crore": 2.5 trillion rupees
                    j += 1
                scaled = True
        return v, j, False, scaled
    w = t.low[i]
    if w == "half" and t.lw(i + 1) in ("a", "an") and t.lw(i + 2) in SCALES:
        return 0.5 * SCALES[t.low[i + 2]], i + 3, True, True
    r = _parse_words(t, i)
    if r is None:
        return None
    v, j = r
    scaled = any(t.low[x] in SCALES for x in range(i, j))
    return v, j, True, scaled


def _could_start(t: _Toks, i: int) -> bool:
    w = t.low[i]
    if w in SMALL or w in TENS or w in VAGUE or w in ("tens", "half", "minus") or w.endswith("fold"):
        return True
    if w in ("a", "an") and (t.lw(i + 1) in SCALES or t.lw(i + 1) in ("dozen", "third", "quarter", "half", "fifth", "tenth")
                             or t.lw(i + 1) in _A_UNIT):
        return True
    if w == "another" and t.lw(i + 1) in SCALES:
        return True  # "Another hundred dollars a year"
    return False


def _inline_power(t: _Toks, base: float, j: int) -> tuple[float | None, int] | None:
    """The power at tokens j ("^"), [minus], digits: (value or None when unreadable, index
    after it); None when no exponent follows the caret."""
    k = j + 1
    sign = 1
    if k < t.n and t.txt[k] in ("−", "-", "–") and t.glued(k):
        sign, k = -1, k + 1
    if k < t.n and t.glued(k) and t.kind[k] == 3 and _unreadable_figure(t, k):
        return None, k + 1
    if not (k < t.n and t.kind[k] == 1 and t.glued(k) and t.txt[k].isdigit()):
        return None
    return _power(base, sign * int(t.txt[k])), k + 1


_METRE_CONTEXT = {"tall", "high", "long", "wide", "deep", "away", "above", "below", "sprint", "race", "freestyle",
                  "backstroke", "butterfly", "breaststroke", "hurdles", "pool", "from", "under", "beneath",
                  "metres", "in", "into", "down", "up", "high", "thick", "across", "short", "final", "relay",
                  "medley", "run", "dash", "deep", "length", "radius", "diameter", "altitude", "wall", "drop"}


# ------------------------------------------------------------------ stages: the figure and its multiplier


def _read_figure(t: _Toks, r: _Reading):
    """Stage: the number at token i, with an exponent written after it ("5 x 10^6",
    "10^6", "2^-3"). Sets value, j (the token after it), words, scaled; a verdict when
    there is no number here or it is too large to read."""
    i = r.i
    pn = _parse_number(t, i)
    if pn is None:
        return NOT_HERE
    value, j, words, scaled = pn
    if not words and j + 1 < t.n and t.txt[j] in ("×", "x", "*") and t.txt[j + 1] == "10":
        k = j + 2
        sign = 1
        if k < t.n and t.txt[k] in ("^",):
            k += 1
        if k < t.n and t.txt[k] in ("−", "-", "–"):
            sign = -1
            k += 1
        if k < t.n and t.kind[k] == 3 and _unreadable_figure(t, k) and (t.glued(k) or t.txt[k - 1] in "^−-–"):
            return [], k + 1  # an exponent of hundreds of digits: the figure is skipped whole
        if k < t.n and t.kind[k] == 1 and t.txt[k].isdigit() and (t.glued(k) or t.txt[k - 1] in "^−-–"):
            p10 = _power(10.0, sign * int(t.txt[k]))
            if p10 is None or not _readable(value * p10):
                return [], k + 1  # a figure too large (or small) to read: skipped whole
            value = value * p10
            j = k + 1
            scaled = True
    elif not words and j + 1 < t.n and t.txt[j] == "^" and t.glued(j):
        # "10^6", "2^-3": a power written inline
        power = _inline_power(t, value, j)
        if power is None:
            return NOT_HERE
        value, j = power
        if value is None:
            return [], j  # a power too large (or small) to read: skipped whole
        scaled = True
    r.value, r.j, r.words, r.scaled = value, j, words, scaled
    return None


def _multipliers(t: _Toks, r: _Reading):
    """Stage: the sign read with the currency ("-5", "$-50.8bn") and a multiplier glued to
    the figure ("1.5m", "3b"); an editor's bracket ("[Ten] years"). Sets e_num."""
    i, j, value, scaled = r.i, r.j, r.value, r.scaled
    if r.neg:
        value = -value
    # "1.5m" is a million, unless it reads as metres ("a 100m sprint", "8m tall")
    if t.kind[i] == 1 and j < t.n and t.low[j] == "m" and t.glued(j) and not scaled:
        nxt = t.lw(j + 1)
        if r.has_cur or t.txt[j] == "M" or (j + 1 < t.n and t.kind[j + 1] == 2 and nxt not in _METRE_CONTEXT):
            value *= 1e6
            scaled = True
            j += 1
    if t.kind[i] == 1 and j < t.n and t.low[j] == "b" and t.glued(j) and not scaled:
        value *= 1e9
        scaled = True
        j += 1
    if j + 1 < t.n and t.txt[j] == "]" and t.glued(j) and i > 0 and t.txt[i - 1] == "[":
        j += 1  # "[Ten] years ago": an editor's bracket inside a quotation
    r.value, r.j, r.scaled, r.e_num = value, j, scaled, j
    return None
