"""Numbers that are not quantities: numeric dates, years, clock times ("10:30", "at
10.30": ``_is_clock_dot``), phone numbers and codes (``_phone_end``), identifiers
("Flight 370", "G7", "COVID-19": ``_is_id_before``) and the lists they head, and idioms
("one of the"). A new kind of number to leave out goes here.
"""
from __future__ import annotations

import re

from ledger.extract.numbers_units import (
    CHANGE_BEFORE, CURRENCY_ADJ, ID_NOUNS, MONTHS, SMALL, STOP, TIME_ZONES,
)
from ledger.extract.numbers.limits import _whole
from ledger.extract.numbers.tokens import _DASHES, _Toks
from ledger.extract.numbers.units import _AGE_CUES, _unit_follows


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
_ONE_DURATION_BEFORE = {"in", "for", "within", "only", "just", "about", "than", "after", "over",
                        "past", "last", "every", "per", "least", "nearly", "almost"}
_PRONOUN_BEFORE = {"the", "this", "that", "no", "any", "every", "each", "which", "someone",
                   "anyone", "everyone", "last", "new", "big", "little", "one", "other", "'s", "’s",
                   "another", "such", "a", "an", "whichever", "whatever"}


_SPEECH_AFTER = {"said", "says", "wrote", "told", "noted", "asked", "writing", "saying", "posted", "commented",
                 "tweeted", "explained", "added", "admitted", "claimed", "who", "whose"}


_YEAR_PREP = {"in", "since", "by", "from", "until", "to", "before", "after", "during", "'s", "’s", "the",
              "and", "between", "early", "late", "mid", "summer", "winter", "spring", "autumn", "fall", "till",
              "through", "circa", "around", "for"}


# plurals after a year that make it a date: "2000 levels", "2019 figures"
_YEAR_NOUNS = {"levels", "figures", "baselines", "standards", "values", "prices", "rates", "terms"}


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
