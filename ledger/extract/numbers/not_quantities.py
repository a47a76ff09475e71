"""Numbers that are not quantities: numeric dates, years, clock times ("10:30", "at
10.30": ``_is_clock_dot``), phone numbers and codes (``_phone_end``), identifiers
("Flight 370", "G7", "COVID-19": ``_is_id_before``) and the lists they head, and idioms
("one of the"). Its stages run at several points of the reading (``_not_a_quantity``
right after the figure, ``_years`` after the range, ``_bare_not_counts`` and ``_idioms``
once the unit is known). A new kind of number to leave out goes here.
"""
from __future__ import annotations

import re

from ledger.extract.numbers_units import (
    ABBR_SCALES, ADJ, CHANGE_BEFORE, CURRENCY_ADJ, CURRENCY_WORDS, ID_NOUNS, MONTHS, PERCENT, SMALL, STOP,
    STREET_WORDS, TENS, TIME_ZONES, UNITS,
)
from ledger.extract.numbers.limits import _is_year, _whole
from ledger.extract.numbers.tokens import NOT_HERE, _DASHES, _Reading, _Toks
from ledger.extract.numbers.words import _figure, _is_plural
from ledger.extract.numbers.units import _AGE_CUES, _THE_PEOPLE, _counted_noun, _unit_after, _unit_follows
from ledger.extract.numbers.vague import _slash_fraction


# spans to mask before parsing: phone numbers, numeric dates, clock times, identifiers
_MASK = re.compile(
    r"\+\d[\d ().-]{7,}\d"
    r"|\(?\b\d{3}\)?[ .-]\d{3}[.-]\d{4}\b"
    r"|\b0\d{2,4}(?: \d{3,4}){1,2}\b"  # "0800 555 0199", "020 7946 0958": a leading 0 is no figure
    r"|\b\d{4} \d{3} \d{3,4}\b|\b\d{3} \d{3} \d{4}\b"  # "1800 226 400", "212 555 0143": not thousands (a group of four)
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b"
    r"|\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\b"
    r"|\b\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.?m\b\.?)"
    r"|\b(?:9/11|24/7(?:/365)?|7/7|20/20|50/50)\b"  # not "365" alone: "365 per 100,000" is a rate
)


_CAP_OK = {"about", "around", "over", "nearly", "almost", "some", "approximately", "roughly",
           "only", "just", "at", "by", "the", "a", "an", "and", "but", "in", "on", "for", "with",
           "from", "to", "of", "than", "under", "up", "down", "more", "less", "fewer", "all",
           "another", "another", "these", "those", "its", "his", "her", "their", "our", "my",
           "between", "within", "after", "before", "since", "during", "until", "as", "nearly",
           "exactly", "precisely", "estimated", "aged", "age", "ages", "us", "u.s"}


_OPENERS = {'"', "“", "(", "[", ":", "-", "—", "‘", "'", ".", "!", "?", ";"}


_ONE_IDIOM_NEXT = {"day", "point", "time", "way", "thing", "side", "another", "more",
                   "by", "on", "of", "another", "other", "piece", "night", "morning", "evening",
                   "afternoon", "week", "year", "month", "kind", "sort", "too", "last", "single",
                   "big", "such", "like", "must", "can", "could", "would", "should", "will", "who",
                   "which", "that", "thing", "place", "direction", "step", "person"}
# idioms whose first word would otherwise make "one" a duration or a count: "in one piece"
_ONE_IDIOMS = {("in", "piece"), ("in", "go"), ("in", "sitting"), ("in", "breath"), ("with", "voice"), ("at", "stage")}
_ONE_DURATION_BEFORE = {"in", "for", "within", "only", "just", "about", "than", "after", "over",
                        "past", "last", "every", "per", "least", "nearly", "almost"}
_PRONOUN_BEFORE = {"the", "this", "that", "no", "any", "every", "each", "which", "someone",
                   "anyone", "everyone", "last", "new", "big", "little", "one", "other", "'s", "’s",
                   "another", "such", "a", "an", "whichever", "whatever"}


_SPEECH_BEFORE = {"said", "says", "told", "added", "explained", "recalled", "according"}
_SPEECH_AFTER = {"said", "says", "wrote", "told", "noted", "asked", "writing", "saying", "posted", "commented",
                 "tweeted", "explained", "added", "admitted", "claimed", "who", "whose"}


_YEAR_PREP = {"in", "since", "by", "from", "until", "to", "before", "after", "during", "'s", "’s", "the",
              "and", "between", "early", "late", "mid", "summer", "winter", "spring", "autumn", "fall", "till",
              "through", "circa", "around", "for"}


# plurals after a year that make it a date: "2000 levels", "2019 figures"
# a bare number dialled is a phone number: "call 101", "dial 999"
_DIALLED = {"call", "calling", "dial", "dialling", "dialing", "ring", "text", "texting"}
_CLOCK_PARTS = {"half", "quarter", "ten", "twenty", "five", "twenty-five"}


# a group of people named by its size: "a crew of six", "a family of four", "a squad of 23"
_GROUPS = frozenset("crew team family staff workforce population crowd audience class group squad".split())

def _grouped_count(t: _Toks, i: int, j: int) -> bool:
    """A figure written with thousands separators before a plural noun counts something,
    even after a name: "gave Rosa Tenn 51,874 votes" (no flight or model is "51,874"), and so
    does the low end of a range of them: "cost Orbix 30,000 to 50,000 customers"."""
    if j + 2 < t.n and t.low[j] in ("to", "or", "-", "–") and t.kind[j + 1] == 1 and "," in t.txt[j + 1]:
        j += 2
    return "," in t.txt[i] and j < t.n and t.kind[j] == 2 and _is_plural(t.low[j]) and t.low[j] not in STOP


def _dialled(t: _Toks, i: int) -> bool:
    """The number at token i is dialled: "call 101", "ring us on 0345", "call detectives on 101"."""
    if t.lw(i - 1) in _DIALLED:
        return True
    return t.lw(i - 1) == "on" and any(t.lw(x) in _DIALLED for x in range(max(0, i - 4), i - 1))


_YEAR_NOUNS = {"levels", "figures", "baselines", "standards", "values", "prices", "rates", "terms"}


_BEFORE_VERB_NUMBER = {"now", "alone", "together", "still", "already", "combined", "may", "might", "could",
                       "would", "will", "which", "who", "that", "they"}


def _verb_number(t: _Toks, k: int) -> bool:
    """"number" at token k is the verb: "the over-85s now number 197,000", "they number 40",
    "its doctors number 300" (after a plural subject)."""
    before = t.lw(k - 1)
    return t.low[k] in ("number", "numbered", "numbering") and (
        before in _BEFORE_VERB_NUMBER or t.kind[k - 1] == 2 and _is_plural(before) and before != "numbers")


_ING_NAMES = frozenset("boeing beijing reading wellington kettering wing".split())  # names that end like a verb


def _a_side_and_its_count(t: _Toks, p: int) -> bool:
    """The figure at token p is what a named side has, listed after "the" and its name: "would
    give the Union 118 seats, the Social Democrats 91 and the Greens 46" (but "the iPhone 15"
    names a model)."""
    x = p - 1
    while x > 0 and t.kind[x] == 2 and t.txt[x][0].isupper() and p - x <= 3:
        x -= 1
    if t.low[x] != "the" or x == p - 1:
        return False
    after = t.lw(p + 1)
    counted = p + 1 < t.n and t.kind[p + 1] == 2 and t.txt[p + 1].islower() and _is_plural(after) and after not in STOP
    plural_side = t.low[p - 1].endswith("s") and not t.low[p - 1].endswith(("'s", "’s", "ss")) and len(t.low[p - 1]) > 3
    big = (_figure(t.txt[p]) or 0) >= 30  # (a model's number is small: "the Vela 7 charges in 19 minutes")
    tally = (after == "to" or p + 1 < t.n and t.txt[p + 1] in _DASHES) and p + 2 < t.n and t.kind[p + 2] == 1 \
        and not t.txt[p - 1].isupper()  # (not a standard's code: "the ISO 3888-2 test")
    # ("passed the House 58 to 41", "beat the Lions 24-17": a tally, not a name and its number)
    return counted and (big or plural_side) or plural_side and after in (",", "and", ".", ";", "") or tally


def _gerund_count(t: _Toks, p: int) -> bool:
    """The word in -ing before the number at token p is a verb that counts the plural noun
    after it, not an ID noun: "delay building 120 homes" (but "Building 120" names one)."""
    return t.low[p - 1].endswith("ing") and t.txt[p - 1].islower() and t.lw(p - 2) not in ("the", "a", "this") \
        and p + 1 < t.n and t.txt[p + 1].islower() \
        and _counted_noun(t, p + 1, 2.0)[0] is not None


def _when_then_count(t: _Toks, p: int) -> bool:
    """The ID noun before the number at token p says when, with "this", "last" or "next",
    and the number counts the plural noun after it: "This season 312 permits were issued",
    "Last season 22 players left" (but "Season 3" names one)."""
    return t.lw(p - 2) in ("this", "last", "next", "that", "every", "each") and p + 1 < t.n \
        and t.txt[p + 1].islower() and _is_plural(t.low[p + 1]) and _counted_noun(t, p + 1, 2.0)[0] is not None


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
            return not _verb_number(t, p - 1) and not _gerund_count(t, p) and not _when_then_count(t, p)
        base = prev[:-2] if lp.endswith(("'s", "’s")) else prev  # (an acronym's possessive: "VW's 120,000 German workers")
        if any(c.isupper() for c in base[1:]) and not base.isupper():
            return True  # eBook 3, NetPhone 7
        opening_verb = (p == 1 or t.txt[p - 2] in _OPENERS) and lp.endswith("ing") and lp not in _ING_NAMES \
            and p + 1 < t.n and t.txt[p + 1].islower()  # "Drinking 3 cups a day", "Adding 40 staff"
        if prev[0].isupper() and not lp.endswith(("'s", "’s")) and lp not in _CAP_OK and lp not in MONTHS and lp not in CHANGE_BEFORE \
                and lp not in SMALL and lp not in CURRENCY_ADJ and lp not in STOP and lp not in _AGE_CUES and not opening_verb \
                and not _a_side_and_its_count(t, p):
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
    while x > i and not t.txt[x][:1].isdigit():
        x -= 1  # a full stop or dash after the last group ends the sentence, not the number
    if x == i or not _CODE.fullmatch("".join(t.txt[i:x + 1])):
        return None
    return x + 1


_CLOCK_DOT = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_AT_TIME = {"at", "until", "till", "before", "after", "from"}
_MOVED_TO = {"moved", "brought", "put", "pushed", "rescheduled", "switched", "changed", "delayed", "postponed"}
_PRICED_AT = {"closed", "close", "closing", "traded", "trading", "trades", "ended", "stood", "stands", "finished",
              "settled", "priced", "valued", "peaked", "fixed", "set", "sold", "bought", "opened", "capped"}


def _is_clock_dot(t: _Toks, i: int, j: int) -> bool:
    """A clock time written with a dot, as British and European papers do ("the hearing
    begins at 10.30", "until 18.45"): hours and two-digit minutes after at/until/before/
    after/from, with no unit after it ("at 10.30 percent" is a rate), and not a price
    ("shares closed at 10.30", "traded at 12.45")."""
    if j != i + 1 or not _CLOCK_DOT.fullmatch(t.txt[i]) or _unit_follows(t, j):
        return False
    if t.lw(i - 1) == "to" and t.lw(i - 2) in _MOVED_TO:
        return True  # "kick-off has been moved to 12.30"
    if t.lw(i - 1) not in _AT_TIME or _counts_after(t, j) or _level_pair_before(t, i - 1):
        return False
    if t.lw(i - 1) == "from" and t.lw(i - 2) in ("up", "down"):
        return False  # "2.31 people in each, down from 2.47": an earlier level, no clock goes down
    return not (t.lw(i - 1) == "at" and t.lw(i - 2) in _PRICED_AT)


def _counts_after(t: _Toks, j: int) -> bool:
    """A plural noun after the figure counts something: "at 1.38 children per woman"."""
    w = t.lw(j)
    return t.kind[j] == 2 and _is_plural(w) and w not in STOP and w not in TIME_ZONES and w != "hours" \
        if j < t.n else False


def _level_pair_before(t: _Toks, k: int) -> bool:
    """"to 2.36 people from 2.46": "from" (or "to") right after a figure and its noun joins
    two levels of one measure, not a time; "from 10.30 to 12.30" (no noun between) is."""
    if t.lw(k) not in ("from", "to"):
        return False
    for x in range(k - 1, max(-1, k - 4), -1):
        if t.kind[x] == 1:
            return x < k - 1 and all(t.kind[y] == 2 and t.low[y] not in TIME_ZONES for y in range(x + 1, k))
    return False


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


# ------------------------------------------------------------------ stages: things that are not quantities


def _not_a_quantity(t: _Toks, r: _Reading):
    """Stage: the figure just read is not a quantity: a capitalised word joined to it by a
    dash read as a minus sign, a time, a phone number, a clock time, an identifier, a date, an address, a model name,
    or a number word inside a name ("Catch-22", "Channel Four"). A verdict, or None."""
    i, j, neg = r.i, r.j, r.neg
    if neg and i >= 2 and t.kind[i - 2] == 2 and t.txt[i - 2][0].isupper() and t.txt[i - 1] in _DASHES \
            and not _unit_follows(t, j):
        return _skip_list(t, j)
    if t.lw(i - 1) in ("past", "to") and t.lw(i - 2) in _CLOCK_PARTS and not r.has_cur and r.value <= 12:
        return [], j  # "half past five", "a quarter to six": a time of day
    if t.kind[i] == 1:
        done = _times_codes_and_ids(t, r)
        return done if done is not None else _names_and_models(t, r)
    return _number_word_names(t, r)


def _times_codes_and_ids(t: _Toks, r: _Reading):
    """Figures that are a reference, a time, a phone number or code, a clock time, a
    fraction with a slash (read in vague.py) or an identifier."""
    i, j, value, has_cur = r.i, r.j, r.value, r.has_cur
    p = i
    if t.lw(i - 1) == "(" and t.lw(j) == ")" and t.kind[i - 2 if i >= 2 else 0] == 2:
        return [], j + 1  # "Jane Doe (7)": a shirt number or reference
    if _is_time(t, p, j, value):
        return [], j + 2
    phone = _phone_end(t, i)
    if phone is not None:
        return [], phone
    if _is_clock_dot(t, i, j):
        return [], j
    if _dialled(t, i) and not has_cur and (j >= t.n or t.kind[j] != 2 or t.low[j] in STOP):
        return [], j  # "call 101", "call detectives on 101", "dial 999 or"
    if j + 1 < t.n and t.txt[j] in ("/", "⁄") and t.glued(j) and t.glued(j + 1) and t.kind[j + 1] == 1 and j == i + 1:
        return _slash_fraction(t, i, j, value, has_cur)
    if not has_cur and not (r.scaled and not t.glued(p)) and _is_id_before(t, p, _unit_follows(t, j) or _grouped_count(t, i, j)):
        return _skip_list(t, j)  # (a figure in millions names nothing: "Belgium's Solvexa 121 million")
    return None


def _names_and_models(t: _Toks, r: _Reading):
    """Figures glued to letters ("5G", "1990s"), dates, street addresses, ZIP codes and
    model names ("two new 737 Max jets", "320 Skyliner")."""
    i, j, value, has_cur, scaled = r.i, r.j, r.value, r.has_cur, r.scaled
    p = i
    txt0 = t.txt[i]
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
    return None


def _number_word_names(t: _Toks, r: _Reading):
    """Number words that are part of a name or a time: "three o'clock", "Catch-22",
    "Channel Four"."""
    i, j = r.i, r.j
    if t.lw(j) in ("o'clock", "o’clock"):
        return [], j + 1  # "three o'clock"
    if i >= 2 and t.txt[i - 1] in _DASHES and t.glued(i) and t.glued(i - 1) and t.kind[i - 2] == 2:
        return NOT_HERE  # "high-five", "Catch-22"
    if t.txt[i][0].isupper() and i > 0 and t.txt[i - 1] not in _OPENERS and t.low[i - 1] not in CHANGE_BEFORE:
        return NOT_HERE  # "Channel Four", "Ocean Eleven": a name, not a number
    return None


# "an average of 1500", "a total of 2400": what follows names an amount, never a year
_AMOUNT_NOUNS = frozenset("average total maximum minimum sum tally".split())


def _names_an_amount(t: _Toks, i: int) -> bool:
    return t.lw(i - 1) == "of" and t.lw(i - 2) in _AMOUNT_NOUNS and t.lw(i - 3) in ("a", "an")


def _compared_with_a_year(t: _Toks, i: int) -> bool:
    """"6 percent below 2019", "3% above 2024": a share above or below a year compares with
    that year's level; the four digits are the year, not a bound."""
    return t.lw(i - 1) in ("below", "above", "under", "over") and t.lw(i - 2) in ("%", "percent", "cent", "pc")


def _years(t: _Toks, r: _Reading):
    """Stage: a bare four-digit year (or a span of years) is a date, not a quantity; a
    plural after it makes it a count ("2000 hires"). A verdict, or None."""
    i, value, vmax, unit, end_tok, e_num = r.i, r.value, r.vmax, r.unit, r.end_tok, r.e_num
    has_cur, scaled, lab0 = r.has_cur, r.scaled, r.lab0
    txt0 = t.txt[i]
    # years and decades: bare four-digit numbers in 1000..2100 without a unit
    if t.kind[i] == 1 and not has_cur and not scaled and unit is None and _is_year(value, txt0) \
            and t.lw(end_tok) in _YEAR_NOUNS:
        return [], end_tok  # "below 1990 levels", "10% of 2000 levels"
    if t.kind[i] == 1 and not has_cur and not scaled and unit is None and _is_year(value, txt0) \
            and (lab0 not in (">", "<") or _compared_with_a_year(t, i) or _since_at_least(t, i)) \
            and t.lw(i - 1) not in ("about", "some", "nearly", "approximately", "roughly", "almost") \
            and not _names_an_amount(t, i):
        nxt = t.lw(end_tok)
        if not (_is_plural(nxt) and nxt not in STOP and (t.lw(i - 1) not in _YEAR_PREP or vmax is not None)
                and not t.txt[end_tok][0].isupper()):
            return _skip_list(t, end_tok, years=True)
    if vmax is not None and t.kind[i] == 1 and _is_year(value, txt0) and unit is None and (
            _is_year(vmax, str(int(vmax))) or (t.low[e_num] in _DASHES and t.glued(e_num) and len(t.txt[e_num + 1]) == 2
                                                and vmax == (value + 1) % 100)) \
            and not (_is_plural(t.lw(end_tok)) and t.lw(end_tok) not in STOP):
        return [], end_tok
    return None


def _since_at_least(t: _Toks, i: int) -> bool:
    """A year bounded after a preposition of time is a date: "known since at least 1993",
    "from as early as 1870"."""
    bound = 2 if (t.lw(i - 2), t.lw(i - 1)) == ("at", "least") else 3 if t.low[max(0, i - 3):i] == ["as", "early", "as"] else 0
    return bound > 0 and t.lw(i - bound - 1) in ("since", "from", "until", "till", "before", "after", "by", "in")


def _bare_not_counts(t: _Toks, r: _Reading):
    """Stage: a bare number left without a unit that is a time of day ("at 9 in the
    morning"), a rank ("the top 10") or names a thing ("the 747,", "'800'")."""
    i, value, vmax, unit, end_tok, lab0 = r.i, r.value, r.vmax, r.unit, r.end_tok, r.lab0
    txt0 = t.txt[i]
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
    return None


def _idioms(t: _Toks, r: _Reading):
    """Stage: idioms with "one" and bare small number words ("one of the", "the bottom
    three", "One reader wrote", "two of them"); "two of the passengers" counts the
    passengers. Sets unit, ukind, end_tok; NOT_HERE for an idiom."""
    if not r.words:
        return None
    i, unit, ukind = r.i, r.unit, r.ukind
    w = t.low[i]
    # ---- idioms with "one"; bare small words
    if unit is None and t.lw(i - 1) in ("top", "bottom", "final", "last", "first", "big", "fab", "famous"):
        return NOT_HERE  # "the bottom three", "the Big Five"
    if w == "one" and ukind == "count" and t.txt[i] == "One" and (i == 0 or t.txt[i - 1] in _OPENERS):
        return NOT_HERE  # "One reader wrote": a someone, not a count
    return _one_and_small_words(t, r, w, unit, ukind)


# nouns that a number word names rather than counts: "day five of the 2018 Cup", "round three"
_NAMED_BY_NUMBER = frozenset("day round game week stage leg chapter part phase level season episode act".split())


def _one_and_small_words(t: _Toks, r: _Reading, w: str, unit, ukind):
    """"one" in an idiom ("one day", "the one"), zero, and small number words that are not
    counts on their own ("two of them", "the two"); "two of the passengers" is a count."""
    i, j, value, scaled, end_tok = r.i, r.j, r.value, r.scaled, r.end_tok
    if w == "one" and j == i + 1:
        if unit is None:
            return NOT_HERE
        if t.lw(j) in _ONE_IDIOM_NEXT and t.lw(i - 1) not in _ONE_DURATION_BEFORE or (t.lw(i - 1), t.lw(j)) in _ONE_IDIOMS:
            return NOT_HERE
        if t.lw(i - 1) in _PRONOUN_BEFORE and t.lw(i - 1) not in ("a", "an"):
            return NOT_HERE
        if ukind == "count" and (t.lw(end_tok) in _SPEECH_AFTER or t.kind[end_tok] == 2 and t.txt[end_tok].islower()
                                 and t.lw(end_tok + 1) in _SPEECH_AFTER and t.lw(end_tok + 2) != "to"):
            return NOT_HERE  # "one reader writing", "one visitor noted", "one freight forwarder said"
        if ukind == "count" and t.lw(end_tok) == "," and (i == 0 or t.txt[i - 1] in _OPENERS or t.txt[i - 1] == ",") \
                and any(t.low[x] in _SPEECH_AFTER for x in range(end_tok + 1, min(t.n, end_tok + 25))):
            return NOT_HERE  # ", one voter, a crane driver who ..., said": a someone described, not a count
        if ukind == "count" and t.lw(i - 1) in _SPEECH_BEFORE:
            return NOT_HERE  # '"...," said one farmer', "told one reporter": a someone, not a count
    if value == 0 and unit is None:
        return NOT_HERE
    whole = False
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
        if x + 1 < t.n and x > end_tok + 1 and t.kind[x] == 2 and t.low[x].endswith(("'s", "’s")):
            x += 1  # "Fourteen of the train's 62 wagons"
        if x + 1 < t.n and x > end_tok + 1 and t.low[x] in ("last", "first", "next", "past", "remaining", "top", "bottom"):
            x += 1  # "five of their last six games"
        if x + 1 < t.n and x > end_tok + 1 and CHANGE_BEFORE.get(t.low[x]) == "~" and t.kind[x + 1] == 1:
            x += 1  # "two of the roughly 10 common strains"
        bare = x == end_tok + 1 and x + 1 < t.n and t.kind[x] == 1 and not _is_year(_figure(t.txt[x]) or 0, t.txt[x])
        whole = x + 1 < t.n and (x > end_tok + 1 or bare) and (t.kind[x] == 1 or t.low[x] in SMALL or t.low[x] in TENS)
        # "of the 62 wagons", "Three of 22 economists": 62 and 22 are figures of their own
        cn, cend = _counted_noun(t, x + whole, value) if x > end_tok + 1 or bare else (None, x)
        if cn is None and not whole and x > end_tok + 1 and t.low[x - 1] == "the" and t.lw(x) in _THE_PEOPLE:
            cn, cend = "person", x + 1  # "Two of the missing are children": an adjective naming people
        if cn:
            unit, ukind = cn, "count"
            end_tok = end_tok if whole else cend
    if unit is None and whole and t.lw(end_tok) == "of" and t.kind[x] == 1 and not _is_year(_figure(t.txt[x]) or 0, t.txt[x]) \
            and t.lw(i - 1) not in _NAMED_BY_NUMBER:
        pass  # "only three of the 27 had expected": a part of a figure is a count, whatever it counts
    elif unit is None and (t.lw(end_tok) == "of" or t.lw(i - 1) in ("the", "these", "those", "all", "both", "'s", "’s")
                         or t.lw(i - 1) == "of" and not scaled and CHANGE_BEFORE.get(" ".join(t.low[i - 3:i])) is None
                         and t.lw(i - 2) not in ("majority", "margin", "lead") and t.lw(i - 2) not in _GROUPS):
        # ("a majority of seven" counts, and so does "a crew of six")
        # ("a gain of nine", "a rise of three" are changes)
        # "two of them", "the two": not counts on their own
        return NOT_HERE
    if unit is None and t.lw(end_tok) in ("or", "to") and t.lw(end_tok + 1) in ("two", "three"):
        return NOT_HERE
    r.unit, r.ukind, r.end_tok = unit, ukind, end_tok
    return None
