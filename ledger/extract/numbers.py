"""Numeric quantities in a sentence: our own rule-based parser (no quantulum3 at run time).

``find_quantities(text, start, end)`` returns the quantities a fact-checker could verify
in ``text[start:end]`` (see GUIDELINES: counts, money, measurements, rates, durations,
ages), with value/value_max, a normalised singular unit, a change label and a short
concept. Dates, years, times of day, ordinals, identifiers, phone numbers and idioms
("one of the", "a third country") are left out.

The parser works on a light tokenisation of the sentence: a quick regex check skips
sentences with no digit and no number word, so most of the text costs one search.

Figures too large to read (one rule, three guards; see "figures too large to read" below).
Every value returned is a finite float of magnitude at most ``MAX_VALUE`` (1e30: the
largest figures news prints, world GDP or a national debt, are below 1e15, and a float
cannot hold more than 17 significant digits anyway). A figure beyond that is not a
quantity, and nothing of it is read; the rest of the sentence is read as usual
("<400 digits> dollars on 12 bridges" gives "12 bridges"):

1. a run of digits (with its commas and decimals) longer than ``_MAX_FIGURE_CHARS``
   characters is not a number token at all;
2. a figure whose value, read from its digits, words, multipliers ("5 trillion
   billion") or exponent ("5 x 10^N", "10^N"), is not finite or exceeds ``MAX_VALUE``
   is skipped whole, so its exponent or digits are not read as another figure;
   exponents beyond ``_MAX_EXPONENT`` (30) either way are not read;
3. a quantity whose value or value_max (after ranges, fractions and carried
   multipliers) is still not finite or above the bound is dropped.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left

from ledger.extract.numbers_units import (
    ABBR_SCALES, ADJ, CHANGE_AFTER, CHANGE_BEFORE, CHANGE_GLUE, CURRENCY_ADJ, CURRENCY_PREFIX,
    CROWNS, CURRENCY_WORDS, FRACTIONS, GLUED_ONLY, ID_NOUNS, IRREGULAR_PLURAL, MONTHS, PERCENT, SCALES,
    SMALL, STOP, STREET_WORDS, TENS, TIME_UNITS, TIME_ZONES, UNITS, UNITS_CASED, VAGUE,
)
from ledger.extract.types import Quantity

__all__ = ["find_quantities", "MAX_VALUE"]

# ------------------------------------------------------------------ figures too large to read

MAX_VALUE = 1e30  # the largest magnitude of a value or value_max (see the module docstring)
_MAX_FIGURE_CHARS = 48  # a longer run of digits, commas and decimals is not a number token
_MAX_EXPONENT = 30  # "x 10^N", "10^N": larger N, either sign, is not read


def _readable(v: float) -> bool:
    """A value extraction may hold and return: finite and at most MAX_VALUE in magnitude."""
    return math.isfinite(v) and abs(v) <= MAX_VALUE


def _readable_quantity(q) -> bool:
    return _readable(q.value) and (q.value_max is None or _readable(q.value_max))


def _whole(v: float) -> bool:
    """``v`` is a whole number (False for inf and NaN, where ``v == int(v)`` would raise)."""
    return float(v).is_integer()


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


_NUMWORD_ALT = "|".join(sorted(
    set(SMALL) | set(TENS) | set(SCALES) | set(VAGUE) | {"dozen", "half", "tens", "minus"} | set(FRACTIONS),
    key=len, reverse=True))
_QUICK = re.compile(
    r"\d|\b(?:" + _NUMWORD_ALT + r")(?:fold)?\b"
    r"|\b(?:nearly|almost|about|over|than|around|within|roughly|some|under) an? (?:decade|year|century|month|week|day|hour"
    r"|minute|mile|kilomet)", re.I)
_FOLD = re.compile(r"(" + "|".join(sorted(set(SMALL) | set(TENS), key=len, reverse=True)) + r")fold$")

_TOKEN = re.compile(
    r"(\d+(?:\.\d+)?[eE][+-]?\d+(?![\w.])"  # 1: digits: scientific notation (1e6, 2.5E-3),
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?|(?<![\w.])\.\d+)"  # groups of three, plain
    r"|([^\W\d_]+(?:['’][^\W\d_]+)?)"  # 2: words
    r"|(\S)"  # 3: symbols
)
# spans to mask before parsing: phone numbers, numeric dates, clock times, identifiers
_MASK = re.compile(
    r"\+\d[\d ().-]{7,}\d"
    r"|\(?\b\d{3}\)?[ .-]\d{3}[.-]\d{4}\b"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b"
    r"|\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\b"
    r"|\b\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.?m\b\.?)"
    r"|\b(?:9/11|24/7|7/7|20/20|50/50|365)\b"
)
_CUR_BEFORE = re.compile(
    r"(?:\b(US|U\.S\.|A|AU|C|CA|CDN|NZ|HK|S|R)\s?)?([$£€¥₹₪₩₽])\s?$"
    r"|\$\s?(US|A|AU|NZ|C|CA|HK|S)\s?$"
    r"|(?<![A-Za-z])(PS|Y=)$"
    r"|\b(USD|EUR|GBP|JPY|CNY|RMB|AUD|CAD|INR|Rs\.?|RM|CHF|NIS|HKD|SGD|NZD|ZAR|KRW|MYR|BRL)\s?$"
)
_DASHES = {"-", "–", "—"}
_CAP_OK = {"about", "around", "over", "nearly", "almost", "some", "approximately", "roughly",
           "only", "just", "at", "by", "the", "a", "an", "and", "but", "in", "on", "for", "with",
           "from", "to", "of", "than", "under", "up", "down", "more", "less", "fewer", "all",
           "another", "another", "these", "those", "its", "his", "her", "their", "our", "my",
           "between", "within", "after", "before", "since", "during", "until", "as", "nearly",
           "exactly", "precisely", "estimated", "aged", "age", "ages", "us", "u.s"}
_AGE_CUES = {"aged", "age", "ages"}
_A_UNIT = {"decade", "year", "century", "month", "week", "day", "hour", "minute", "mile", "kilometre", "kilometer"}
_OPENERS = {'"', "“", "(", "[", ":", "-", "—", "‘", "'", ".", "!", "?", ";"}
_AGE_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}
_ONE_IDIOM_NEXT = {"day", "point", "time", "way", "thing", "side", "another", "more",
                   "by", "on", "of", "another", "other", "piece", "night", "morning", "evening",
                   "afternoon", "week", "year", "month", "kind", "sort", "too", "last", "single",
                   "big", "such", "like", "must", "can", "could", "would", "should", "will", "who",
                   "which", "that", "thing", "place", "direction", "step", "person"}
_ONE_DURATION_BEFORE = {"in", "for", "within", "only", "just", "about", "than", "after", "over",
                        "past", "last", "every", "per", "least", "nearly", "almost"}
_PRONOUN_BEFORE = {"the", "this", "that", "no", "any", "every", "each", "which", "someone",
                   "anyone", "everyone", "last", "new", "big", "little", "one", "other", "'s", "’s",
                   "another", "such", "a", "an", "whichever", "whatever"}
_PERSON_AFTER = {"killed", "injured", "dead", "died", "aboard", "wounded", "hurt", "arrested", "missing",
                 "survivors", "hospitalised", "hospitalized", "rescued", "evacuated"}
_SPEECH_AFTER = {"said", "says", "wrote", "told", "noted", "asked", "writing", "saying", "posted", "commented",
                 "tweeted", "explained", "added", "admitted", "claimed", "who", "whose"}
_VERBISH = {"come", "go", "live", "work", "die", "say", "make", "take", "get", "need", "want", "hold", "face",
            "remain", "stay", "join", "leave", "vote", "own", "run", "use", "see", "pay", "earn", "cost", "win",
            "lose", "play", "watch", "took", "made", "got", "left", "won", "lost", "ran", "saw", "gave", "came",
            "went", "fell", "rose", "put", "set", "cut", "hit", "became", "become", "seem", "appear"}
# words that are verbs and never the first part of a compound noun
_VERB_ONLY = {"find", "finds", "drew", "draw", "draws", "bring", "brings", "brought", "keep", "keeps", "kept",
              "meet", "meets", "met", "tell", "tells", "told", "bought", "sold", "built", "spent", "sent", "took",
              "made", "got", "gave", "came", "went", "fell", "rose", "became", "seem", "seems", "seemed",
              "appear", "appears", "appeared", "want", "wants", "wanted", "need", "needs", "needed", "think",
              "thought", "know", "knew", "believe", "believed", "went", "began", "begin", "begins"}
_LY_NOUNS = {"family", "ally", "rally", "belly", "fly", "supply", "assembly", "monopoly", "anomaly", "melly"}
_COUNT_BLOCK = {"percent", "per", "am", "pm", "st", "nd", "rd", "th", "s"}


def _singular(word: str) -> str:
    w = word.lower()
    if w in IRREGULAR_PLURAL:
        return IRREGULAR_PLURAL[w]
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
    if w in IRREGULAR_PLURAL:
        return True
    if len(w) > 5 and w.endswith("men") and not w.endswith(("omen", "imen")):
        return True
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")) and w not in _NOT_PLURAL


# singular nouns that end in -s
_NOT_PLURAL = {"gas", "lens", "news", "canvas", "atlas", "bias", "alias", "chaos", "kudos", "physics",
               "economics", "politics", "mathematics", "athletics", "measles", "diabetes", "herpes"}


class _Toks:
    """The sentence as parallel lists of token kind/text/lower/start/end."""

    __slots__ = ("kind", "txt", "low", "s", "e", "n", "text", "money")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        kind, txt, low, s, e = [], [], [], [], []
        for m in _TOKEN.finditer(text, start, end):
            g = m.lastindex
            t = m.group(g)
            if g == 1 and len(t) > _MAX_FIGURE_CHARS:
                g = 3  # too long to be a figure anyone could check: an inert symbol token
            kind.append(g)
            txt.append(t)
            low.append(t.lower())
            s.append(m.start())
            e.append(m.end())
        self.kind, self.txt, self.low, self.s, self.e, self.n = kind, txt, low, s, e, len(txt)
        self.money = None

    def glued(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return 0 < i < self.n and self.s[i] == self.e[i - 1]

    def lw(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""


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
        elif w in ("a", "an") and not seen and j + 1 < t.n and (t.low[j + 1] in SCALES or t.low[j + 1] == "dozen"):
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
        if j < t.n:
            w = t.low[j]
            if t.glued(j) and w in ABBR_SCALES and w != "m":
                v *= ABBR_SCALES[w]
                j += 1
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


# ------------------------------------------------------------------ context tests


def _cur_prefix(t: _Toks, i: int, lo: int) -> tuple[str | None, int, bool]:
    """Currency written before token i: (unit, start offset of the quantity, negative)."""
    s = t.s[i]
    neg = False
    if i > 0 and t.txt[i - 1] in _DASHES and t.glued(i) and (i == 1 or not t.glued(i - 1) or t.txt[i - 2] in "$£€¥"):
        # "-5" or "$-50.8bn": a minus sign (not a range dash: that needs a number before)
        if not (i >= 2 and t.kind[i - 2] == 1 and t.glued(i - 1)):
            neg = True
            s = t.s[i - 1]
    window = t.text[max(lo, s - 10):s]
    m = _CUR_BEFORE.search(window)
    if m:
        if m.group(2):
            sym = m.group(2)
            pre = (m.group(1) or "").lower()
            key = (pre + sym) if pre and pre not in ("us", "u.s.") else sym
            if pre in ("us", "u.s."):
                key = "us$"
            unit = CURRENCY_PREFIX.get(key) or CURRENCY_PREFIX.get(sym)
        elif m.group(3):
            g = m.group(3).lower()
            unit = CURRENCY_PREFIX["us$" if g == "us" else g + "$"]
        elif m.group(4):
            # '£' and '¥' mangled to 'PS' and 'Y=' by a lossy encoding
            unit = "pound sterling" if m.group(4) == "PS" else "japanese yen"
            if m.group(4) == "PS" and len(t.txt[i]) == 1 and t.lw(i + 1) not in ABBR_SCALES:
                return None, s, neg  # "PS5" is a games console
        else:
            unit = CURRENCY_PREFIX.get(m.group(5).lower().rstrip("."))
        return unit, s - (len(window) - m.start()), neg
    if i > 0 and t.low[i - 1] == "minus" or (i > 1 and t.txt[i - 1] in _DASHES and t.low[i - 2] == "minus"):
        j = i - 1 if t.low[i - 1] == "minus" else i - 2
        return None, t.s[j], True
    return None, s, neg


def _unit_after(t: _Toks, j: int, value: float, has_cur: bool, i0: int):
    """Unit written at token j: (unit, end index, kind) with kind in
    'pct' 'cur' 'phys' 'age' 'count' 'fold'; or (None, j, None)."""
    if j >= t.n:
        return None, j, None
    w = t.low[j]
    glued = t.glued(j)
    # percent
    if w == "%":
        return "percentage", j + 1, "pct"
    if glued and w in ("″", '"', "”", "′", "'", "’") and t.kind[j - 1] == 1 and t.txt[i0 - 1:i0] != [w] and \
            not (i0 > 0 and t.txt[i0 - 1] in ('"', "“", "'", "‘")) and (j + 1 >= t.n or not t.glued(j + 1)):
        return ("inch" if w in ("″", '"', "”") else "foot"), j + 1, "phys"  # 12.5″, 40'
    if w == "p" and t.kind[j - 1] == 1 and (glued or j + 1 >= t.n or t.kind[j + 1] == 3 or t.low[j + 1] == "at"):
        return "penny", j + 1, "cur"  # "250p", "down 12 p at 430 p"
    if glued and t.txt[j] in ("C", "F") and t.kind[j - 1] == 1:
        return ("celsius" if t.txt[j] == "C" else "fahrenheit"), j + 1, "phys"  # 40C, 104F
    if not glued and t.txt[j] in ("C", "F") and t.kind[j - 1] == 1 and -90 <= value <= 150 and (
            j + 1 >= t.n or t.kind[j + 1] == 3 or t.txt[j + 1].islower() and not _is_plural(t.low[j + 1])) \
            and not (j >= 2 and t.kind[j - 2] == 2 and t.txt[j - 2][0].isupper()):
        return ("celsius" if t.txt[j] == "C" else "fahrenheit"), j + 1, "phys"  # "highs of 38 C today"
    if glued and t.txt[j] == "c" and t.kind[j - 1] == 1:
        return "cent", j + 1, "cur"  # 50c
    if t.txt[j] == "Nm":
        return "newton metre", j + 1, "phys"
    if w == "m" and t.lw(j + 1) == "." and t.lw(j + 2) == "p" and t.lw(j + 4) == "h":
        return "mile per hour", j + 6 if t.lw(j + 5) == "." else j + 5, "phys"
    if w == "per" and t.lw(j + 1) == "cent":
        return "percentage", j + 2, "pct"
    if w in PERCENT:
        if t.lw(j + 1) in ("point", "points"):
            return "percentage point", j + 2, "pct"
        return "percentage", j + 1, "pct"
    # a suspended hyphen takes the unit of the next compound: "7- or 8-inch", "two- and three-bedroom"
    if w in _DASHES and glued and j + 1 < t.n and t.low[j + 1] in (",", "or", "and", "to"):
        for x in range(j + 2, min(j + 8, t.n - 2)):
            if (t.kind[x] == 1 or t.low[x] in SMALL or t.low[x] in TENS) and t.txt[x + 1] in _DASHES \
                    and t.glued(x + 1) and t.glued(x + 2) and t.kind[x + 2] == 2:
                u2, _, k2 = _unit_after(t, x + 1, value, has_cur, x)
                if u2 and k2 in ("phys", "count", "age"):
                    return u2, j + 1, k2
                break
    # hyphenated compounds: 14-year-old, 131-page, six-member, 18-fold, 6.1-inch
    if w in _DASHES and glued and j + 1 < t.n and t.kind[j + 1] == 2 and t.glued(j + 1):
        nw = t.low[j + 1]
        if nw in ("year", "month", "week", "day") and t.lw(j + 2) in _DASHES and t.lw(j + 3) == "old":
            return UNITS[nw], j + 4, "age"
        if nw.endswith("ed") or (value == 1 and nw not in UNITS) or t.txt[j + 1][0].isupper():
            # "one-sided", "two-faced", "one-off", "7-Eleven", "3-Series"
            return None, j, "skip"
        if nw == "fold":
            return None, j + 2, "fold"
        if nw in ("plus",):
            return None, j + 2, "plus"
        if nw in SCALES or nw in SMALL or nw in TENS:
            return None, j, None
        joined = nw
        if t.lw(j + 2) in _DASHES and t.glued(j + 2) and j + 3 < t.n and t.glued(j + 3) and t.kind[j + 3] == 2:
            joined2 = nw + "-" + t.low[j + 3]
            if joined2 in UNITS:
                return UNITS[joined2], j + 4, "phys"
        if joined in UNITS:
            return UNITS[joined], j + 2, "phys"
        if joined in CURRENCY_WORDS:
            return CURRENCY_WORDS[joined], j + 2, "cur"
        if joined in STOP or joined in _COUNT_BLOCK:
            return None, j, None
        return _singular(joined), j + 2, "count"
    if t.kind[j] == 1:
        return None, j, None
    # multiword units first: "miles per hour", "degrees Celsius", "km/h", "square feet"
    for k in (3, 2):
        if j + k <= t.n:
            key = ""
            for x in range(j, j + k):
                if x > j and not t.glued(x):
                    key += " "
                key += t.low[x]
            if key in UNITS:
                return UNITS[key], j + k, "phys"
    if w in _AGE_UNITS and t.lw(j + 1) == "old":
        return UNITS[w], j + 2, "age"
    if w in _AGE_UNITS and t.lw(j + 1) in _DASHES and t.lw(j + 2) == "old":
        return UNITS[w], j + 3, "age"
    if w in ("year", "years") and t.lw(j + 1) == "of" and t.lw(j + 2) == "age":
        return "year", j + 3, "age"
    # "10.5 million Australian dollars", "200 US dollars", "5,000 Chinese yuan"
    for k in (2, 1):
        adj = " ".join(t.low[j:j + k])
        if adj in CURRENCY_ADJ and t.lw(j + k) in CURRENCY_WORDS:
            cw = CURRENCY_WORDS[t.low[j + k]]
            return (CURRENCY_ADJ[adj] + "dollar" if cw == "dollar" else cw), j + k + 1, "cur"
    if t.txt[j] in UNITS_CASED and not glued:
        return UNITS_CASED[t.txt[j]], j + 1, "phys"  # "0.4 WAR"
    if w in CROWNS and t.lw(j + 1) in ("crown", "crowns"):
        return CROWNS[w], j + 2, "cur"  # "7 million Danish crowns"
    # "1999 Miles": a capitalised word after a year is a name, not a unit
    if not glued and t.txt[j][:1].isupper() and t.txt[j][1:].islower() and 1000 <= value <= 2100 and _whole(value):
        return None, j, None
    if w in CURRENCY_WORDS and not (w == "won" or w == "pound" or w == "pounds") or \
            (w in ("pound", "pounds") and not _weight_context(t)):
        if w in ("cent", "cents") and has_cur:
            return None, j, None
        return CURRENCY_WORDS[w], j + 1, "cur"
    if w in ("pound", "pounds"):
        return "pound-mass", j + 1, "phys"
    if w in UNITS:
        if w in GLUED_ONLY and not glued and not (t.txt[j] in ("W", "V") and j + 1 < t.n and t.kind[j + 1] != 1):
            if w != "m" or has_cur:
                return None, j, None
        if w == "m" and glued and has_cur:
            return None, j, None
        return UNITS[w], j + 1, "phys"
    if w == "m" and glued:
        return "metre", j + 1, "phys"
    return None, j, None


_MONEY_WORDS = {"£", "sterling", "cost", "costs", "price", "prices", "paid", "pay", "pays", "worth", "fund",
                "funding", "fine", "fined", "salary", "wage", "budget", "spend", "spent", "bill", "tax", "sold",
                "buy", "bought", "raise", "raised", "profit", "loss", "revenue", "deal", "bid", "offer", "fee",
                "fees", "million", "billion", "bn", "m", "k", "bonus", "donated", "award", "compensation",
                "damages", "debt", "loan", "cash", "money", "value", "valued", "earn", "earned", "earns"}


def _weight_context(t: _Toks) -> bool:
    if t.money is None:
        t.money = any(w in _MONEY_WORDS for w in t.low)  # once per sentence, not once per 'pound'
    return not t.money


def _counted_noun(t: _Toks, j: int, value: float):
    """The counted noun after a bare number: ("troop", end index) or (None, j)."""
    x = j
    words: list[int] = []
    adverbs = 0
    while x < t.n and len(words) < 4 + adverbs:
        if t.kind[x] != 2:
            # allow hyphenated words like "first-team"
            if t.txt[x] in _DASHES and words and t.glued(x) and x + 1 < t.n and t.glued(x + 1) and t.kind[x + 1] == 2:
                x += 2
                continue
            if t.kind[x] == 1 and value != 1 and x + 1 < t.n and t.kind[x + 1] == 2 and "," not in t.txt[x] \
                    and not t.glued(x) and (
                        t.txt[x + 1][0].isupper() and all(t.low[y] in ADJ for y in words)
                        or words and t.txt[words[-1]][0].isupper() and _is_plural(t.low[x + 1])):
                words.append(x)  # a model number: "two new 737 Max jets", "63,000 Model 3 cars"
                x += 1
                continue
            break
        w = t.low[x]
        if w in ("and", "or") and words and not _is_plural(t.low[words[-1]]):
            # modifiers joined by and/or before one plural noun: "4.3M digital and physical
            # sales", "460 Ford and Kia vehicles": the count is of the head noun
            h = _coordinated_head(t, x + 1)
            if h is not None:
                return _singular(t.txt[h]) if t.txt[h][:1].isupper() and t.txt[h][1:].islower() \
                    and not t.txt[h - 1][:1].isupper() else _singular(t.low[h]), h + 1
            break
        if w in STOP and not (w in ("more", "other", "additional") and not words):
            break
        if w in _VERB_ONLY:
            break  # "500 festival drew crowds": the phrase ends before a verb
        if w in MONTHS and t.txt[x][0].isupper():
            break
        if w.endswith("ly") and len(w) > 4 and w not in _LY_NOUNS:
            if not (all(t.low[y] in ADJ or t.low[y].endswith("ly") for y in words) and x + 1 < t.n
                    and t.kind[x + 1] == 2 and (t.low[x + 1].endswith(("ed", "ing")) or t.low[x + 1] in ADJ)):
                break  # "20 decently sized plants": an adverb is kept only before an adjective
            adverbs = 1
        words.append(x)
        if _is_plural(w) and w not in ADJ and not (
                t.txt[x][0].isupper() and x + 1 < t.n and t.txt[x + 1].islower() and _is_plural(t.low[x + 1])):
            break  # the head noun; "Leeds fans" goes on to "fans"
        x += 1
    if not words:
        return None, j
    last = words[-1]
    head = t.low[last]
    # the phrase ends at its head noun: the first plural, else (for 1) the first word
    if not _is_plural(head):
        if value == 1 or (t.txt[last][0].isupper() is False and head in ("crew", "staff", "police")):
            # "one shell", "seven crew": a single word after the number
            first = words[0]
            w0 = t.low[first]
            if value == 1 and w0 in ADJ and len(words) > 1 and t.txt[words[1]].islower() \
                    and t.low[words[1]] not in ADJ and not t.low[words[1]].endswith(("ed", "ing", "ly")):
                first = words[1]  # "one particular demand", "one new member": the noun after the adjective
                w0 = t.low[first]
            if w0 in ADJ or w0 in STOP or w0.endswith(("ed", "ing")):
                return None, j
            end = t.e[first]
            # hyphenated word "first-team" spans several tokens
            return _singular(t.text[t.s[first]:end]), first + 1
        return None, j
    if head in ("others", "ones", "percent", "thousands", "millions", "hundreds", "dozens"):
        return None, j
    # drop adjectives and capitalised nationality words from the front
    first_i = 0
    for k, idx in enumerate(words[:-1]):
        w = t.low[idx]
        tx = t.txt[idx]
        if (w in ADJ and tx.islower()) or (tx[0].isupper() and not tx.isupper() and t.txt[last].islower()) \
                or (w.endswith("ly") and w not in _LY_NOUNS) \
                or (t.kind[idx] == 1 and t.txt[last].islower()) \
                or w.endswith(("ed", "est")) \
                or (w.endswith("er") and w[:-2] + "est" not in ("est",) and w in _COMPARATIVE):
            first_i = k + 1
        else:
            break
    kept = words[first_i:]
    s0 = t.s[kept[0]]
    e0 = t.e[kept[-1]]
    phrase = t.text[s0:e0]
    parts = phrase.split(" ")
    last_w = parts[-1]
    sing = _singular(last_w)
    if len(last_w) > 2 and last_w[:-1].isupper() and last_w[-1] == "s":
        sing = last_w[:-1]  # an acronym's plural: "TDs", "MPs"
    parts[-1] = sing[:1].upper() + sing[1:] if last_w[:1].isupper() and not last_w.isupper() else sing
    unit = " ".join(parts)
    if not unit or unit in STOP:
        return None, j
    return unit, last + 1


def _coordinated_head(t: _Toks, x: int) -> int | None:
    """After 'and'/'or' at x-1: the plural head noun within a few modifier words, or None."""
    for y in range(x, min(t.n, x + 4)):
        if t.kind[y] != 2 or t.low[y] in STOP or t.low[y] in MONTHS:
            return None
        if _is_plural(t.low[y]) and t.low[y] not in ADJ and t.low[y] not in ("others", "ones"):
            return y
    return None


def _change_before(t: _Toks, p: int) -> tuple[str, int]:
    """Change label from the cue words ending right before token p: (label, first cue token)."""
    for _ in range(3):
        for k in (4, 3, 2, 1):
            if p - k < 0:
                continue
            phrase = " ".join(t.low[p - k:p])
            if phrase in CHANGE_BEFORE:
                lab = CHANGE_BEFORE[phrase]
                if phrase == "up" and t.lw(p) == "to":
                    continue
                if phrase in ("up", "down") and t.lw(p - k - 1) in (_PHRASAL if phrase == "up" else _PHRASAL_DOWN):
                    return "=", -1  # "sign up 3 million voters", "racked up 20 wins"
                if lab == "~" and p - k > 0:
                    # "rose about 2%", "up nearly 40%": the direction wins over the estimate
                    b = p - k - 1
                    if t.low[b] == "by" and b > 0:
                        b -= 1
                    if CHANGE_BEFORE.get(t.low[b]) in ("up", "down") and not (t.low[b] == "up" and t.lw(b + 1) == "to"):
                        return CHANGE_BEFORE[t.low[b]], p - k
                return lab, p - k
        if p > 0 and t.low[p - 1] in CHANGE_GLUE:
            p -= 1
            continue
        break
    return "=", -1


def _is_id_before(t: _Toks, p: int, unit_follows: bool = False) -> bool:
    """The number at token p names something: 'Flight 370', 'posts 542', 'No. 5', 'G7', 'COVID-19'."""
    if p == 0:
        return False
    if t.glued(p) and t.txt[p - 1] in _DASHES and t.lw(p - 2) == "sub":
        return False  # "sub-5 nanometre chips"
    prev = t.txt[p - 1]
    lp = t.low[p - 1]
    if t.glued(p):
        if t.kind[p - 1] == 2:
            return True  # G7, mk5
        if prev in _DASHES and p >= 2 and t.glued(p - 1) and t.kind[p - 2] in (1, 2) \
                and t.low[p - 2] not in ("minus", "now", "then"):
            return True  # COVID-19, F-150 (not "the then-45-year-old", "her now-18-month-old")
        if prev == "#":
            return True
        if prev == "." and p >= 2 and t.glued(p - 1) and t.kind[p - 2] == 2:
            return True  # ID.3, v.2
    if unit_follows:
        return False
    if t.kind[p - 1] == 2:
        if lp in ID_NOUNS:
            return True
        if any(c.isupper() for c in prev[1:]) and not prev.isupper():
            return True  # eBook 3, NetPhone 7
        if prev[0].isupper() and lp not in _CAP_OK and lp not in MONTHS and lp not in CHANGE_BEFORE \
                and lp not in SMALL and lp not in CURRENCY_ADJ and lp not in STOP and lp not in _AGE_CUES:
            return True
    if prev == "." and p >= 2 and t.low[p - 2] in ("no", "nos", "vol", "art", "sec", "p", "pp", "ch"):
        return True
    return False


def _is_date(t: _Toks, p: int, q: int, value: float) -> bool:
    if not _whole(value) or value < 1 or value > 31:
        return False
    b = p - 1
    if b >= 0 and t.txt[b] == "." and b > 0:
        b -= 1
    if b >= 0 and t.low[b] in MONTHS and t.txt[b][0].isupper():
        return True
    if q < t.n and t.low[q] in MONTHS and t.txt[q][0].isupper():
        return True
    if q + 1 < t.n and t.low[q] == "of" and t.low[q + 1] in MONTHS:
        return True
    return False


def _is_time(t: _Toks, p: int, q: int, value: float) -> bool:
    if q < t.n:
        w = t.low[q]
        if w in TIME_ZONES and w not in ("hrs",) and (w in ("am", "pm", "o'clock", "o’clock") or t.txt[q].isupper()):
            return True
        if w == "a" and t.lw(q + 1) == "." and t.lw(q + 2) == "m":
            return True
        if w == "p" and t.lw(q + 1) == "." and t.lw(q + 2) == "m":
            return True
        if t.txt[q] == ":" and t.glued(q) and q + 1 < t.n and t.kind[q + 1] == 1:
            return True
    if p >= 2 and t.txt[p - 1] == ":" and t.glued(p) and t.kind[p - 2] == 1:
        return True
    return False


_CODE = re.compile(r"\d+(?:(?P<sep>[-.–‑])\d+)(?:(?P=sep)\d+)+")


def _phone_end(t: _Toks, i: int) -> int | None:
    """The token after a phone number or code starting at token i, or None: three or more
    groups of digits joined by one kind of separator, dashes or dots, with no space
    ("1-800-555-0143", "020.7946.0958", "12.05.2024"); a figure has at most two groups
    ("10-15"), and a range of decimals mixes them ("1.5-2.5")."""
    x = i
    while x + 1 < t.n and t.glued(x + 1) and (t.txt[x + 1] in ("-", ".", *_DASHES) or t.txt[x + 1][:1].isdigit()):
        x += 1
    if x == i or not _CODE.fullmatch("".join(t.txt[i:x + 1])):
        return None
    return x + 1


_CLOCK_DOT = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_AT_TIME = {"at", "until", "till", "before", "after", "from"}
_PRICED_AT = {"closed", "close", "closing", "traded", "trading", "trades", "ended", "stood", "stands", "finished",
              "settled", "priced", "valued", "peaked", "fixed", "set", "sold", "bought", "opened", "capped"}


def _is_clock_dot(t: _Toks, i: int, j: int) -> bool:
    """A clock time written with a dot, as British and European papers do ("the hearing
    begins at 10.30", "until 18.45"): hours and two-digit minutes after at/until/before/
    after/from, with no unit after it ("at 10.30 percent" is a rate), and not a price
    ("shares closed at 10.30", "traded at 12.45")."""
    if j != i + 1 or not _CLOCK_DOT.fullmatch(t.txt[i]) or t.lw(i - 1) not in _AT_TIME or _unit_follows(t, j):
        return False
    return not (t.lw(i - 1) == "at" and t.lw(i - 2) in _PRICED_AT)


def _is_year(value: float, txt: str) -> bool:
    return len(txt) == 4 and txt.isdigit() and 1000 <= value <= 2200


# ------------------------------------------------------------------ main scanner

# The counted noun of the last quantity in the document being read, so that a bare
# "over 9,000" in the next sentence can inherit "visa application". Holding the text
# itself (not its id) means a new document can never be mistaken for the old one.
_DOC_MEMORY: dict = {"text": None, "unit": None, "end": -1}


def _emit(text, t, s0, e0, value, vmax, unit, change, concept):
    return Quantity(surface=text[s0:e0], start=s0, end=e0, value=float(value),
                    value_max=None if vmax is None else float(vmax), unit=unit, change=change, concept=concept)


def _concept(t: _Toks, unit_kind, u_start: int, u_end: int) -> str | None:
    """A few words saying what is counted: the counted noun and the verb phrase after it."""
    if unit_kind != "count":
        return None
    words = [t.txt[x] for x in range(u_start, u_end) if t.kind[x] == 2]
    x = u_end
    n = 0
    while x < t.n and n < 7:
        if t.kind[x] != 2:
            break
        w = t.low[x]
        if w in ("and", "but", "said", "says", "while", "which", "who", "that", "because", "although"):
            break
        x += 1
        if w in ("have", "has", "had", "been", "be", "were", "was", "are", "is", "will", "would", "the", "a", "an"):
            continue
        words.append(t.txt[x - 1])
        n += 1
    while len(words) > 1 and (words[-1].lower() in STOP or words[-1].lower() in ADJ):
        words.pop()  # "pages with" -> "pages"
    return " ".join(words) or None


def find_quantities(text: str, start: int, end: int) -> list[Quantity]:
    """Quantities in ``text[start:end]``, offsets absolute in ``text``."""
    if not _QUICK.search(text, start, end):
        return []
    t = _Toks(text, start, end)
    if t.n == 0:
        return []
    masked = [False] * t.n
    for m in _MASK.finditer(text, start, end):
        # tokens are in text order: only those from the first one starting inside the match
        x = bisect_left(t.s, m.start())
        while x < t.n and t.s[x] < m.end():
            if t.e[x] <= m.end():
                masked[x] = True
            x += 1
    if _DOC_MEMORY["text"] is not text or _DOC_MEMORY["end"] > start:
        _DOC_MEMORY.update(text=text, unit=None, end=-1)
    out: list[Quantity] = []
    last_count_unit = None
    i = 0
    while i < t.n:
        if masked[i]:
            i += 1
            continue
        k = t.kind[i]
        w = t.low[i]
        if k == 3 or (k == 2 and not _could_start(t, i)):
            i += 1
            continue
        r = _read_quantity(t, i, start, masked, last_count_unit)
        if r is None:
            i += 1
            continue
        qs, nxt = r
        for q, kind in qs:
            if q is None or not _readable_quantity(q):
                continue  # a range, fraction or carried multiplier left it unreadable
            if kind == "count" and q.unit:
                last_count_unit = q.unit
            out.append(q)
        i = max(nxt, i + 1)
    # inherit the counted noun: "41,000 troops ... and 42,000 more"; across sentences too
    fixed = []
    prev_unit = _DOC_MEMORY["unit"] if start - _DOC_MEMORY["end"] < 600 else None
    prev_q = None
    index_sentence = any(q.unit == "point" for q in out) or _INDEX_WORD.search(text, start, end) is not None
    for n, q in enumerate(out):
        nxt_q = out[n + 1] if n + 1 < len(out) else None
        if q.unit is None and q.value_max is None and nxt_q is not None and nxt_q.unit \
                and _OPEN_BRACKET.fullmatch(text, q.end, nxt_q.start):
            # "2,435,000 yen ($22,480) ... and 2,380,000 ($21,972)": the same pair written twice
            recent = fixed[-8:]  # a few quantities back, so a long sentence stays linear
            for a, b in zip(recent, recent[1:]):
                if a.unit and b.unit == nxt_q.unit and a.unit != b.unit and _OPEN_BRACKET.fullmatch(text, a.end, b.start):
                    q = Quantity(**{**q.__dict__, "unit": a.unit})
        if q.unit is None and q.value_max is None and nxt_q is not None and nxt_q.unit and \
                _SHARE_NEXT.fullmatch(text, q.end, nxt_q.start) and (
                    text[q.end:nxt_q.start].strip() != "or" or nxt_q.surface[:1] in "$£€¥"):
            # "40 million of the 2 billion rupees", "about 7 or $8": the unit written once serves both
            q = Quantity(**{**q.__dict__, "unit": nxt_q.unit})
        elif q.unit is None and q.change in (">", "<") and _noun_before(text, start, q.start):
            # "outstanding asylum claims over 150,000": the plural noun before the bound is counted
            q = Quantity(**{**q.__dict__, "unit": _noun_before(text, start, q.start)})
        elif q.unit is None and _whole(q.value) and q.value >= 2 and q.value_max is None and prev_unit \
                and _bare_end(text, q.end, end):
            q = Quantity(**{**q.__dict__, "unit": prev_unit})
        elif q.unit is None and prev_q is not None and prev_q.unit == "point" and q.value_max is None:
            q = Quantity(**{**q.__dict__, "unit": "point"})  # "gained 12.5 points to 3,210.40"
        elif q.unit is None and q.value_max is None and index_sentence and _LEVEL_NUM.fullmatch(q.surface) and (
                _LEVEL_BEFORE.search(text, max(start, q.start - 12), q.start) or _LEVEL_AFTER.match(text, q.end, end)):
            q = Quantity(**{**q.__dict__, "unit": "point"})  # an index level: "the TA-100 ended at 1,401.52"
        elif q.unit is None and q.value_max is None:
            par = _parallel_unit(text, start, fixed, q)
            if par:
                q = Quantity(**{**q.__dict__, "unit": par})
        if prev_q is not None and q.change == "=" and prev_q.change != "=" and \
                text[prev_q.end:q.start].strip() in ("(", ", or", "or", "(or", "/"):
            # a restatement keeps the change: "more than 50 km (31 miles)", "shed 80 points, or 1.2%"
            q = Quantity(**{**q.__dict__, "change": prev_q.change})
        if prev_q is not None and prev_q.value_max is not None and q.value_max is None and \
                text[prev_q.end:q.start] == " to " and q.unit in (None, prev_q.unit) and " to " in prev_q.surface and \
                re.search(r"\bfrom\s+$", text[max(start, prev_q.start - 8):prev_q.start]):
            # "goes from $20 to $25 to $30": the next step runs from the last end
            q = Quantity(**{**q.__dict__, "value": prev_q.value_max, "value_max": q.value, "unit": prev_q.unit})
        if q.unit and q.unit not in _NON_COUNT:
            prev_unit = q.unit
        fixed.append(q)
        prev_q = q
    _DOC_MEMORY.update(unit=prev_unit, end=end)
    return fixed


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


_PEOPLE = {"person", "child", "man", "woman", "adult", "kid", "teen", "teenager", "boy", "girl", "student", "pupil",
           "voter", "resident", "patient", "worker", "employee", "member", "citizen", "american", "youngster"}
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


def _could_start(t: _Toks, i: int) -> bool:
    w = t.low[i]
    if w in SMALL or w in TENS or w in VAGUE or w in ("tens", "half", "minus") or w.endswith("fold"):
        return True
    if w in ("a", "an") and (t.lw(i + 1) in SCALES or t.lw(i + 1) in ("dozen", "third", "quarter", "half", "fifth", "tenth")
                             or t.lw(i + 1) in _A_UNIT):
        return True
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


def _read_quantity(t: _Toks, i: int, lo: int, masked, last_count_unit):
    """Parse the quantity that starts at token i: ([(Quantity|None, kind)], next index) or None."""
    text = t.text
    w = t.low[i]
    # ---- vague and fractional words
    if t.kind[i] == 2:
        if w == "minus":
            return None
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
                    return None
                a, b = VAGUE[w]
                return _finish_vague(t, i, i + 1, a, b, lo)
            return None
    if t.kind[i] == 2 or t.txt[i] == "1" or t.lw(i + 1) == "out":
        frac = _fraction(t, i)
        if frac is not None:
            return frac
    if t.kind[i] == 2:
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
            lab, cue = _change_before(t, i)
            if lab not in ("~", ">", "<"):
                return None
            q = _emit(text, t, t.s[cue], t.e[i + 1], 1, None, UNITS[t.low[i + 1]], lab, None)
            return [(q, "phys")], i + 2
    pn = _parse_number(t, i)
    if pn is None:
        return None
    value, j, words, scaled = pn
    p = i
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
            return None
        value, j = power
        if value is None:
            return [], j  # a power too large (or small) to read: skipped whole
        scaled = True
    # ---- things that are not quantities
    txt0 = t.txt[i]
    unit, s0, neg = _cur_prefix(t, i, lo)
    has_cur = unit is not None
    ukind = "cur" if has_cur else None
    if neg and i >= 2 and t.kind[i - 2] == 2 and t.txt[i - 2][0].isupper() and t.txt[i - 1] in _DASHES \
            and not _unit_follows(t, j):
        return _skip_list(t, j)
    if t.kind[i] == 1:
        if t.lw(i - 1) == "(" and t.lw(j) == ")" and t.kind[i - 2 if i >= 2 else 0] == 2:
            return [], j + 1  # "Jane Doe (7)": a shirt number or reference
        if _is_time(t, p, j, value):
            return [], j + 2
        phone = _phone_end(t, i)
        if phone is not None:
            return [], phone
        if _is_clock_dot(t, i, j):
            return [], j
        if j + 1 < t.n and t.txt[j] in ("/", "⁄") and t.glued(j) and t.glued(j + 1) and t.kind[j + 1] == 1 and j == i + 1:
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
            q = _emit(text, t, t.s[i], t.e[fend - 1], value / den, None, fu, lab, None)
            return [(q, "frac")], fend
        if not has_cur and _is_id_before(t, p, _unit_follows(t, j)):
            return _skip_list(t, j)
        # glued letters after digits that are not a unit or multiplier: 5G, 1990s, 22nd, 3D
        if j < t.n and t.glued(j) and t.kind[j] == 2 and j == i + 1:
            lw = t.low[j]
            if (lw not in ABBR_SCALES and lw != "m" and _unit_after(t, j, value, has_cur, i)[2] not in ("phys", "pct", "cur")) \
                    or (len(t.txt[j]) == 1 and t.txt[j] in "GDKXSP"):
                return [], j + 1
        if _is_date(t, p, j, value):
            return [], j
        # street addresses: "10 Downing Street"
        if j + 1 < t.n and t.kind[j] == 2 and t.txt[j][0].isupper() and (
                t.low[j + 1] in STREET_WORDS or t.lw(j + 2) in STREET_WORDS) and t.low[j] not in MONTHS:
            return [], j + 1
        b = i - 1
        while b > 0 and t.low[b] in ADJ and t.txt[b].islower():
            b -= 1
        if not has_cur and not scaled and "," not in txt0 and "." not in txt0 and b >= 0 and \
                (t.low[b] in SMALL or t.low[b] in TENS) and j < t.n and t.kind[j] == 2 and t.txt[j][0].isupper():
            return [], j  # "two new 737 Max jets": the number names the model
        if not has_cur and (t.lw(j) in ("zip", "postal", "area", "dialling", "dialing") and t.lw(j + 1) in ("code", "codes")
                            or t.lw(j) in ("postcode", "zipcode")):
            return [], j + 1  # "the 90210 ZIP code" is an identifier
        # model names: "320 Skyliner", "9 Ultra" (a capitalised singular right after a bare number)
        if not has_cur and not scaled and j < t.n and t.kind[j] == 2 and not t.glued(j) and value != 1 \
                and "," not in txt0 and not _unit_follows(t, j) and not _is_plural(t.lw(j + 1)) \
                and t.txt[j][0].isupper() and not _is_plural(t.low[j]) and t.low[j] not in UNITS \
                and _counted_noun(t, j, value)[0] is None \
                and t.low[j] not in CURRENCY_WORDS and t.low[j] not in MONTHS and t.low[j] not in CURRENCY_ADJ \
                and t.low[j] not in PERCENT and t.low[j] not in STOP and not t.txt[j].isupper():
            return [], j + 1
    elif t.lw(j) in ("o'clock", "o’clock"):
        return [], j + 1  # "three o'clock"
    elif i >= 2 and t.txt[i - 1] in _DASHES and t.glued(i) and t.glued(i - 1) and t.kind[i - 2] == 2:
        return None  # "high-five", "Catch-22"
    elif t.txt[i][0].isupper() and i > 0 and t.txt[i - 1] not in _OPENERS and t.low[i - 1] not in CHANGE_BEFORE:
        return None  # "Channel Four", "Ocean Eleven": a name, not a number
    if neg:
        value = -value
    # "1.5m" is a million, unless it reads as metres ("a 100m sprint", "8m tall")
    if t.kind[i] == 1 and j < t.n and t.low[j] == "m" and t.glued(j) and not scaled:
        nxt = t.lw(j + 1)
        if has_cur or t.txt[j] == "M" or (j + 1 < t.n and t.kind[j + 1] == 2 and nxt not in _METRE_CONTEXT):
            value *= 1e6
            scaled = True
            j += 1
    if t.kind[i] == 1 and j < t.n and t.low[j] == "b" and t.glued(j) and not scaled:
        value *= 1e9
        scaled = True
        j += 1
    if j + 1 < t.n and t.txt[j] == "]" and t.glued(j) and i > 0 and t.txt[i - 1] == "[":
        j += 1  # "[Ten] years ago": an editor's bracket inside a quotation
    e_num = j
    # ---- unit after the number
    u, uend, uk = _unit_after(t, j, value, has_cur, i)
    if uk == "skip":
        return [], j + 2
    change_after = None
    if uk == "fold":
        change_after = "up"
    elif uk == "plus":
        change_after = ">"
    if uk == "phys" and has_cur and not t.glued(j):
        u, uend, uk = None, j, None  # "an $800 stone oven": the money is the quantity
    if uk in ("pct", "phys", "age", "count") or (uk == "cur" and not has_cur):
        unit, ukind = u, uk
    elif uk == "cur" and has_cur and u:
        ukind = "cur"
    end_tok = uend if uk else j
    if ukind in ("cur", "pct", "phys"):
        unit, end_tok = _per_suffix(t, end_tok, unit)
    # ---- ranges: 10-15, between 12 and 15 million, from $36,040 to $34,935, 8–10 years, one or two
    vmax = None
    lab0, _ = _change_before(t, _tok_at(t, s0, i))
    unit_explicit = bool(unit) and end_tok > e_num
    rng = _range_tail(t, i, end_tok if unit_explicit else e_num, value, words, scaled, has_cur, unit,
                      unit_explicit, lab0, s0)
    if rng is not None:
        v2, end2, unit2, kind2, score = rng
        if score == "score" and _is_year(value, txt0) and len(t.txt[end2 - 1]) == 2 and v2[0] == (value + 1) % 100:
            return [], end2  # "the 2014-15 season": a span of years
        if score == "score":
            # a score or tally is one pair (the guidelines accept either reading)
            q = _emit(text, t, s0, t.e[end2 - 1], value, v2[0], None, "=", None)
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
            unit, end_tok = _per_suffix(t, end_tok, unit)
    # years and decades: bare four-digit numbers in 1000..2100 without a unit
    if t.kind[i] == 1 and not has_cur and not scaled and unit is None and _is_year(value, txt0) \
            and t.lw(end_tok) in _YEAR_NOUNS:
        return [], end_tok  # "below 1990 levels", "10% of 2000 levels"
    if t.kind[i] == 1 and not has_cur and not scaled and unit is None and _is_year(value, txt0) \
            and lab0 not in (">", "<") and t.lw(i - 1) not in ("about", "some", "nearly", "approximately", "roughly", "almost"):
        nxt = t.lw(end_tok)
        if not (_is_plural(nxt) and nxt not in STOP and (t.lw(i - 1) not in _YEAR_PREP or vmax is not None)
                and not t.txt[end_tok][0].isupper()):
            return _skip_list(t, end_tok, years=True)
    if vmax is not None and t.kind[i] == 1 and _is_year(value, txt0) and unit is None and (
            _is_year(vmax, str(int(vmax))) or (t.low[e_num] in _DASHES and t.glued(e_num) and len(t.txt[e_num + 1]) == 2
                                                and vmax == (value + 1) % 100)) \
            and not (_is_plural(t.lw(end_tok)) and t.lw(end_tok) not in STOP):
        return [], end_tok
    # ---- counted noun
    u_s = end_tok
    if unit is None and uk is None and t.kind[i] == 1 and vmax is None and t.lw(i - 1) in ("annual", "yearly") \
            and end_tok < t.n and t.kind[end_tok] == 2 and not _is_plural(t.low[end_tok]) and t.low[end_tok] not in STOP:
        return [], end_tok  # "the annual 420 event": the number names the event
    if unit is None and uk is None and end_tok < t.n and t.kind[end_tok] == 1 and t.kind[i] != 1 \
            and not t.glued(end_tok):
        mu, mend, mk = _unit_after(t, end_tok + 1, 2.0, False, end_tok)
        if mk == "phys" and mend == end_tok + 2 and (t.glued(end_tok + 1) or t.low[end_tok + 1] in _DASHES):
            cn, cend = _counted_noun(t, mend, value)
            if cn and _is_plural(t.low[cend - 1]):
                # "eight million 250ml bottles": count the bottles, leave the 250ml to its own quantity
                q = _emit(text, t, s0, t.e[e_num - 1], value, None, cn, _change_before(t, _tok_at(t, s0, i))[0], None)
                return [(q, "count")], end_tok
    if unit is None and uk is None and t.lw(i - 1) == "of" and t.lw(i - 2) in ("age", "ages") and value < 125:
        unit, ukind = "year", "age"  # "under the age of 12"
    if unit is None and uk is None and value < 111 and t.lw(i - 1) in ("under", "over", "above", "below") \
            and _is_plural(t.lw(i - 2)) and _singular(t.lw(i - 2)) in _PEOPLE:
        unit, ukind = "year", "age"  # "people under 30", "children over 5"
    if unit is None and uk is None and words and value in (2, 3) and j == i + 1 and t.lw(i - 1) == "or" \
            and t.kind[i - 2] == 2 and t.low[i - 2] not in STOP and t.lw(i - 3) in ("a", "an", "another", "one"):
        # "a day or two", "another pick or two": the noun before 'or' is counted
        unit = UNITS.get(t.low[i - 2]) or _singular(t.low[i - 2])
        ukind = "phys" if t.low[i - 2] in UNITS else "count"
    if unit is None and uk is None and scaled and t.kind[i] == 1 and t.lw(end_tok) == "of" \
            and t.lw(end_tok + 1) in ("its", "their", "his", "her", "our", "the"):
        cn, cend = _counted_noun(t, end_tok + 2, value)
        if cn and _is_plural(t.low[cend - 1]):
            unit, ukind = cn, "count"  # "35m of its smart speakers"
    if unit is None and uk is None and last_count_unit and vmax is None and t.lw(end_tok) in ("per", "a") \
            and t.lw(end_tok + 1) in TIME_UNITS:
        unit, ukind = f"{last_count_unit} per {t.low[end_tok + 1]}", "count"  # "22 burglaries ... 20 per week"
        end_tok += 2
    if unit is None and uk is None:
        if t.lw(end_tok) == "of" and words and t.lw(end_tok + 1) not in ("the", "them", "us", "those", "these", "his", "her", "their", "its", "our", "my", "your", "whom", "which"):
            pass
        cn, cend = _counted_noun(t, end_tok, value)
        if cn:
            unit, ukind = cn, "count"
            end_tok = cend
            unit, end_tok = _per_suffix(t, end_tok, unit)
    if unit is None and vmax is None and 0 < value <= 12 and (
            t.lw(end_tok) == "in" and t.lw(end_tok + 1) == "the" and t.lw(end_tok + 2) in ("morning", "afternoon", "evening")
            or t.lw(end_tok) == "at" and t.lw(end_tok + 1) == "night"):
        return [], end_tok  # "at 9 in the morning": a time of day
    if unit is None and t.kind[i] == 1 and t.lw(i - 1) in ("top", "bottom") and vmax is None:
        return [], end_tok  # "made the top 10": a rank
    # a bare number naming a thing: "the 747,", "the annual 800 festival", "'800'"
    if unit is None and t.kind[i] == 1 and lab0 == "=" and vmax is None and "," not in txt0 and value != 1:
        nxt = t.lw(end_tok)
        if t.lw(i - 1) == "the" and (end_tok >= t.n or t.kind[end_tok] == 3):
            return [], end_tok
        if t.lw(i - 1) in ("'", "‘", '"', "“") and nxt in ("'", "’", '"', "”"):
            return [], end_tok + 1
    # compound modifiers: "the 40 page report", "a 6 cylinder motor" -> the singular noun
    if unit is None and value != 1 and end_tok + 1 < t.n and t.kind[end_tok] == 2 and t.kind[end_tok + 1] == 2 \
            and t.txt[end_tok].islower() and t.txt[end_tok + 1].islower() and not _is_plural(t.low[end_tok]) \
            and t.low[end_tok] not in STOP and t.low[end_tok + 1] not in STOP and t.low[end_tok] not in _PERSON_AFTER \
            and t.low[end_tok] not in ADJ and not _is_plural(t.low[end_tok + 1]) \
            and not (t.low[end_tok].endswith(("ly", "ed", "ing")) and not t.low[end_tok].endswith("eed")) \
            and t.low[end_tok] not in _VERBISH and not t.low[end_tok + 1].endswith("ly"):
        unit, ukind = t.low[end_tok], "count"
        end_tok += 1
    # ages: "aged 14", "age seventeen", "Jane Roe, 42,"
    if unit is None and _whole(value) and 0 < value < 125:
        if t.lw(i - 1) in _AGE_CUES or (i >= 2 and t.txt[i - 1] == "," and t.kind[i - 2] == 2 and t.txt[i - 2][0].isupper()
                                         and t.lw(end_tok) in (",", ")", ".", "") and t.kind[i] == 1):
            unit, ukind = "year", "age"
    # people by what they did: "80 injured", "300 attended", "nearly 900 who", "killing four"
    if unit is None and _whole(value) and value >= 2 and vmax is None and (
            t.lw(end_tok) in _PERSON_AFTER or t.lw(end_tok) in ("who", "attended", "were", "had")
            and t.lw(end_tok + 1) not in ("of",) or t.lw(i - 1) in ("killing", "killed", "injuring", "wounding")):
        if not (t.lw(end_tok) in ("were", "had") and last_count_unit and t.lw(end_tok + 1) not in _PERSON_AFTER):
            unit, ukind = "person", "count"
    # ages: "when she was six", "until he was 18", "his daughter, who was 10"
    if unit is None and _whole(value) and 0 < value < 120 and (
            t.lw(i - 1) in ("was", "is", "turned", "turns") and t.lw(i - 2) in ("he", "she", "i", "you", "they", "we", "who")
            or t.lw(i - 1) == "be" and t.lw(i - 2) == "will" and t.lw(i - 3) in ("he", "she", "i", "you", "they", "we")) and (end_tok >= t.n or t.kind[end_tok] == 3
                                                                         or t.lw(end_tok) in STOP):
        unit, ukind = "year", "age"
    # "life expectancy for men is around 73": a life expectancy is in years
    if unit is None and vmax is None and 30 <= value <= 110 and any(
            t.low[x] == "expectancy" and t.lw(x - 1) == "life" for x in range(max(0, i - 12), i)):
        unit, ukind = "year", "age"
    # "210 passengers and crew" are people
    if ukind == "count" and unit in ("passenger",) and t.lw(end_tok) == "and" and t.lw(end_tok + 1) in ("crew", "staff"):
        unit = "person"
        end_tok += 2
    # ---- idioms with "one"; bare small words
    if words and unit is None and t.lw(i - 1) in ("top", "bottom", "final", "last", "first", "big", "fab", "famous"):
        return None  # "the bottom three", "the Big Five"
    if words and w == "one" and ukind == "count" and t.txt[i] == "One" and (i == 0 or t.txt[i - 1] in _OPENERS):
        return None  # "One reader wrote": a someone, not a count
    if words:
        if w == "one" and j == i + 1:
            if unit is None:
                return None
            if t.lw(j) in _ONE_IDIOM_NEXT and t.lw(i - 1) not in _ONE_DURATION_BEFORE:
                return None
            if t.lw(i - 1) in _PRONOUN_BEFORE and t.lw(i - 1) not in ("a", "an"):
                return None
            if ukind == "count" and t.lw(end_tok) in _SPEECH_AFTER:
                return None  # "one reader writing", "one visitor noted"
        if value == 0 and unit is None:
            return None
        if unit is None and t.lw(end_tok) == "of" and value >= 2:
            # "two of the passengers", "Three of Smith's aides": a count of the plural after
            x = end_tok + 1
            if t.lw(x) in ("the", "its", "his", "her", "their", "our", "my", "these", "those"):
                x += 1
            elif x + 2 < t.n and t.kind[x] == 2 and t.txt[x][0].isupper() and t.low[x + 1] in ("'", "’") \
                    and t.low[x + 2] == "s":
                x += 3
            elif x + 1 < t.n and t.kind[x] == 2 and t.low[x].endswith(("'s", "’s")):
                x += 1
            cn, cend = _counted_noun(t, x, value) if x > end_tok + 1 else (None, x)
            if cn:
                unit, ukind = cn, "count"
                end_tok = cend
        if unit is None and (t.lw(end_tok) == "of" or t.lw(i - 1) in ("the", "these", "those", "all", "both", "'s", "’s")
                             or t.lw(i - 1) == "of" and not scaled):
            # "two of them", "the two": not counts on their own
            return None
        if unit is None and t.lw(end_tok) in ("or", "to") and t.lw(end_tok + 1) in ("two", "three"):
            return None
    # ---- change
    lab, cue_tok = _change_before(t, _tok_at(t, s0, i))
    if change_after is None and end_tok < t.n:
        a1 = t.low[end_tok]
        a2 = a1 + " " + t.lw(end_tok + 1)
        if a2 in CHANGE_AFTER:
            change_after = CHANGE_AFTER[a2]
            if change_after in (">", "<", "~"):
                end_tok += 2
        elif a1 in CHANGE_AFTER and a1 not in ("up", "down") and ukind in ("pct", "cur", "phys", None):
            change_after = CHANGE_AFTER[a1]
    change = lab
    q0 = _tok_at(t, s0, i)
    if change == "=" and t.lw(q0 - 1) in ("by", "either"):
        b = q0 - 1
        clause = b  # start of the clause that holds "by N": "..., Acme by 2.6%" borrows the verb before it
        for x in range(b - 1, max(-1, b - 24), -1):
            lx = t.low[x]
            if t.kind[x] == 3 and lx in (",", ";", ".", ":"):
                if lx != "," or not all(t.kind[y] != 2 or t.txt[y][0].isupper() or t.low[y] in _ELLIPSIS_OK
                                        for y in range(x + 1, b)):
                    break
                clause = x
                continue
            if CHANGE_BEFORE.get(lx) in ("up", "down") and (lx not in ("up", "down", "higher", "lower") or x < clause):
                change = CHANGE_BEFORE[lx]
                break
            if clause == b and b - x >= 7:
                break  # within its own clause the verb must be near: "rose sharply in May by 3%"
    if lab == "up" and cue_tok == q0 - 1 and t.low[cue_tok] == "raised" and ukind != "pct" and unit != "point":
        change = "="  # "raised $5m", "raised three children": collected or brought up, not a rise
    if lab == "down" and cue_tok >= 0 and t.low[cue_tok] in ("lost", "lose", "loses", "losing") and ukind == "count" \
            and unit not in ("point", "percentage point", "basis point"):
        change = "="  # "lost 5 games", "lose 15 IQ points": things lost, not a level that fell
    if change == "=" and t.lw(q0 - 1) in ("added", "adds", "add") and (ukind in ("pct", "cur") or unit == "point"):
        change = "up"  # "added 15 cents", "adds 0.4%"
    if change == "=" and t.glued(i) and i >= 2 and t.txt[i - 1] in _DASHES and t.low[i - 2] == "sub":
        change = "<"  # "sub-5 nanometre"
    if change == "=" and t.glued(i) and i >= 1 and t.txt[i - 1] == "+":
        change = "up"  # "Index +0.4%"
    if change == "=" and change_after:
        change = change_after
    if change == "=" and value < 0 and ukind in ("pct", "cur") and vmax is None:
        change = "down"  # "Index -0.9%", "fell to $-50.8bn"
    elif change in ("up", "down") and change_after in (">", "<", "~"):
        change = change_after
    if rng is not None and t.lw(_tok_at(t, s0, i) - 1) == "from":
        change = "=" if lab not in ("~", ">", "<") else lab
    s_start = t.s[cue_tok] if cue_tok >= 0 and CHANGE_BEFORE.get(" ".join(t.low[cue_tok:_tok_at(t, s0, i)])) in ("~", ">", "<") else s0
    if s_start != s0 and cue_tok >= 0 and t.low[cue_tok] in ("up", "down") and t.lw(cue_tok + 1) != "to":
        s_start = s0
    e_end = t.e[end_tok - 1] if end_tok > i else t.e[i]
    if e_end < t.e[e_num - 1]:
        e_end = t.e[e_num - 1]
    concept = _concept(t, ukind, u_s, end_tok)
    q = _emit(text, t, s_start, e_end, value, vmax, unit, change, concept)
    return [(q, ukind)], end_tok


_METRE_CONTEXT = {"tall", "high", "long", "wide", "deep", "away", "above", "below", "sprint", "race", "freestyle",
                  "backstroke", "butterfly", "breaststroke", "hurdles", "pool", "from", "under", "beneath",
                  "metres", "in", "into", "down", "up", "high", "thick", "across", "short", "final", "relay",
                  "medley", "run", "dash", "deep", "length", "radius", "diameter", "altitude", "wall", "drop"}


def _unit_follows(t: _Toks, j: int) -> bool:
    """A unit (%, currency, physical unit) written right after token j-1."""
    u, _, k = _unit_after(t, j, 2.0, False, j)
    return k in ("pct", "phys", "cur")


_YEAR_PREP = {"in", "since", "by", "from", "until", "to", "before", "after", "during", "'s", "’s", "the",
              "and", "between", "early", "late", "mid", "summer", "winter", "spring", "autumn", "fall", "till",
              "through", "circa", "around", "for"}


# plurals after a year that make it a date: "2000 levels", "2019 figures"
_YEAR_NOUNS = {"levels", "figures", "baselines", "standards", "values", "prices", "rates", "terms"}
_COMPARATIVE = {"newer", "older", "bigger", "smaller", "larger", "younger", "greater", "higher", "lower", "fewer",
                "earlier", "later", "longer", "shorter", "wider", "further", "farther"}
_PHRASAL = {"sign", "signed", "signing", "set", "setting", "pick", "picked", "make", "made", "making", "take",
            "took", "taken", "give", "gave", "given", "end", "ended", "open", "opened", "line", "lined", "show",
            "showed", "step", "stepped", "back", "backed", "beef", "beefed", "ramp", "ramped", "build", "built",
            "shore", "free", "freed", "round", "rounded", "sum", "summed", "add", "adds", "tally", "tallied",
            "put", "call", "called", "bring", "brought", "come", "came", "turn", "turned", "pop", "popped", "wrap",
            "wrapped", "clean", "cleaned", "dig", "dug", "rack", "racked", "racking", "chalk", "chalked", "shut",
            "broke", "break", "narrow", "narrowed", "water", "watered", "tone", "toned", "wind", "wound", "gobble",
            "gobbled", "snap", "snapped", "scoop", "scooped", "sew", "sewed", "lock", "locked", "mop", "mopped"}
# verbs whose "down" is a particle ("cut down 40 trees", "narrowed it down"), not a fall:
# "ended down 1%" and "closed down 2%" are falls
_PHRASAL_DOWN = {"narrow", "narrowed", "water", "watered", "tone", "toned", "wind", "wound", "shut", "broke",
                 "break", "cut", "back", "backed", "step", "stepped", "lock", "locked", "put", "turn", "turned",
                 "bring", "brought", "mop", "mopped", "hunt", "hunted", "track", "tracked", "write", "wrote",
                 "written", "take", "took", "taken", "calm", "calmed", "settle", "settled", "sit", "sat"}
# lower-case words allowed in a verbless list of changes: "Acme by 2.6% and Globex by 1 per cent"
_ELLIPSIS_OK = {"and", "&", "'s", "’s", "by", "per", "cent", "percent", "pc", "pct", "point", "points"}
_NOT_RATE = {"earlier", "ago", "later", "before", "after", "previously", "prior", "on", "from", "in"}


def _per_suffix(t: _Toks, j: int, unit):
    """'dollar per barrel', 'percentage per year', '$70 a barrel', 'barrels a day': (unit, end)."""
    if not unit or j + 1 >= t.n:
        return unit, j
    if t.low[j] == "(" or (t.low[j] == ")" and j >= 1):
        # a restatement in brackets shares the rate written after it:
        # "C$6 (US$4.46) per share" gives both amounts "per share"
        close = j
        if t.low[j] == "(":
            close = next((x for x in range(j + 1, min(j + 12, t.n)) if t.low[x] in ("(", ")")), j)
            if t.low[close] != ")" or not any(t.kind[x] == 1 for x in range(j + 1, close)):
                return unit, j
        elif "(" not in t.low[max(0, j - 8):j]:
            return unit, j
        u2, _ = _per_suffix(t, close + 1, unit)
        return u2, j
    if t.low[j] in _DASHES and t.glued(j) and t.lw(j + 1) in ("a", "per") and t.glued(j + 1) \
            and t.lw(j + 2) in _DASHES and t.glued(j + 2) and t.glued(j + 3) and t.lw(j + 3) in TIME_UNITS:
        return f"{unit} per {t.low[j + 3]}", j + 4  # "a 52,000 barrel-a-day refinery"
    if t.kind[j + 1] != 2:
        if t.low[j] in ("a", "an") and t.low[j + 1] in _DASHES and t.glued(j + 1) and t.glued(j + 2) \
                and t.lw(j + 2) in TIME_UNITS:
            return f"{unit} per {t.low[j + 2]}", j + 3  # "£24 a-year"
        return unit, j
    pw = t.low[j]
    nw = t.low[j + 1]
    if pw in ("per", "/") and nw not in STOP and nw != "cent":
        for k in (3, 2):
            key = " ".join(t.low[j + 1:j + 1 + k])
            if j + 1 + k <= t.n and key in UNITS:
                return f"{unit} per {UNITS[key]}", j + 1 + k
        return f"{unit} per {UNITS.get(nw) or _singular(nw)}", j + 2
    if pw in ("a", "an") and (nw in UNITS or nw in ("barrel", "share", "head", "person", "piece", "gallon", "ounce")) \
            and (t.lw(j + 2) not in _NOT_RATE or UNITS.get(nw) not in TIME_UNITS):
        return f"{unit} per {UNITS.get(nw) or _singular(nw)}", j + 2
    return unit, j


def _tok_at(t: _Toks, off: int, default: int) -> int:
    """Index of the token that starts at char offset ``off``."""
    x = default
    while x > 0 and t.s[x] > off:
        x -= 1
    return x


def _skip_list(t: _Toks, j: int, years: bool = False):
    """Skip an identifier and the list it heads: 'posts 542 and 543', 'G7 and G20'."""
    while j + 1 < t.n and t.kind[j + 1] == 1 and (t.low[j] in ("and", "or", ",", "&") or (
            t.low[j] in _DASHES and t.glued(j) and t.glued(j + 1))):
        if years and not (len(t.txt[j + 1]) in (2, 4) and "." not in t.txt[j + 1]):
            break
        if not years and ("." in t.txt[j + 1] or "," in t.txt[j + 1]):
            break
        j += 2
    return [], j


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
        if (unit_explicit or has_cur) and _moved_by(t, first):
            return None  # "raised it by 4 cents to 38 cents": a change and a level
        if k + 1 < t.n and t.txt[k] in _DASHES and t.glued(k) and t.glued(k + 1):
            k += 1  # "100,000 to-150,000"
    elif c == "and":
        if not between:
            return None
    elif c == "or":
        if not words:
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
    if skipped and t.kind[k] == 1 and _is_year(v2, t.txt[k]) and not _is_year(value, t.txt[i]):
        return None  # "from 5 staff in 2010 to 2012": the second number is a year
    if c == "or" and not (v2 == value + 1 and _whole(value)):
        return None
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
    if c in _DASHES and not words and not w2 and v2 <= value and not sc2 and unit is None:
        return (v2, None), j2, None, None, "score"  # a score: 2-1, 507-19
    if c == "/" and v2 <= value:
        return None
    if v2 < value and (c in _DASHES or (c == "to" and prev != "from")):
        if c == "to" and unit is None and not has_cur and _whole(value) and _whole(v2) and value <= 20:
            return (v2, None), j2, None, None, True  # "a 5 to 2 margin": a ratio
        return None
    u2, uend2, uk2 = _unit_after(t, j2, v2, has_cur, k)
    if uk2 in ("fold", "plus"):
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
    end = uend2 if uk2 else j2
    return (v2, scale2), end, u2, uk2, False


# verbs of movement: "went", "moved" and those CHANGE_BEFORE reads as a rise or a fall
_MOVED = {"went", "gone", "moved", "changed", "shifted", "swung", *(
    w for w, lab in CHANGE_BEFORE.items() if lab in ("up", "down") and " " not in w and w not in ("up", "down"))}


def _moved_by(t: _Toks, first: int) -> bool:
    """Whether the figure at token ``first`` is the size of a change followed by the level it
    reached: "by" after a verb of change, a few words back, and the first figure with its own
    unit ("raised its dividend by 4 cents to 38 cents"; "dropped by 1 to 1.5 degrees" is a
    range of changes). The figure after "to" is then a figure of its own. "Rose from 33% to 38%" stays one figure, a range from the old level to the new, as
    the benchmarks read it."""
    if t.lw(first - 1) != "by":
        return False
    return any(t.lw(x) in _MOVED for x in range(max(0, first - 6), first - 1))


_GAP_STOP = {",", ";", ":", "(", ")", "and", "but", "or", "while", "from", "whereas", "then", "before", "after"}
# "from 9 in the morning to 5": bare numbers around a time of day are clock times, not a range
_GAP_CLOCK = {"morning", "afternoon", "evening", "night", "noon", "midnight", "o'clock", "o’clock"}


def _from_to_gap(t: _Toks, j: int, bare: bool) -> int | None:
    """Index of the 'to' that closes 'from X ... to Y' when only a few words of time, place or
    unit lie between (no clause break, no other quantity): None otherwise."""
    for x in range(j, min(t.n - 1, j + 8)):
        lx = t.low[x]
        if lx == "to":
            return x if x > j else None
        if lx in _GAP_STOP or lx in _DASHES or (bare and lx in _GAP_CLOCK):
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
