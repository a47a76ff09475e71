"""The main scanner: ``find_quantities`` walks the tokens of a sentence and, at each
token that could start a quantity, reads one through the stages of ``_STAGES`` in
order (``_read_quantity``); once the sentence is read, units are carried between its
quantities (inherit.py).

Each stage takes the tokens and the reading so far (``tokens._Reading``) and either
passes it on (returns None, having set what it found) or decides: a quantity, a skip
past something that is not one (``([], next index)``), or ``NOT_HERE``. A new rule goes
in the module of its kind (see the package docstring); a new stage goes in
``_STAGES`` at the point in the reading where what it needs is known.
"""
from __future__ import annotations

from bisect import bisect_left

from ledger.extract.numbers.limits import _readable_quantity
from ledger.extract.numbers.tokens import NOT_HERE, _Reading, _Toks, _emit
from ledger.extract.numbers.words import _QUICK, _could_start, _multipliers, _read_figure
from ledger.extract.numbers.units import (
    _ages_and_people, _compound_modifier, _count_stage, _counted_noun_stage, _currency_before, _measure_word,
    _count_per_population, _per_population, _unit_stage,
)
from ledger.extract.numbers.change import _change_stage
from ledger.extract.numbers.not_quantities import _MASK, _bare_not_counts, _idioms, _not_a_quantity, _years
from ledger.extract.numbers.ranges import _range_stage
from ledger.extract.numbers.uncertainty import _uncertainty
from ledger.extract.numbers.vague import _word_quantity
from ledger.extract.numbers.concepts import _concept
from ledger.extract.numbers.durations import compound_durations, race_times
from ledger.extract.numbers.inherit import _carry_units, _counted_before
from ledger.extract.types import Quantity


# ------------------------------------------------------------------ main scanner


def find_quantities(text: str, start: int, end: int) -> list[Quantity]:
    """Quantities in ``text[start:end]``, offsets absolute in ``text``."""
    if not _QUICK.search(text, start, end):
        return []
    t = _Toks(text, start, end)
    if t.n == 0:
        return []
    masked = _masked(t, text, start, end)
    out = race_times(text, start, end, compound_durations(text, _scan(t, start, masked, _counted_before(text, start))))
    return _carry_units(text, start, end, out)


def _masked(t: _Toks, text: str, start: int, end: int) -> list[bool]:
    """Tokens inside a phone number, numeric date, clock time or identifier (_MASK)."""
    masked = [False] * t.n
    for m in _MASK.finditer(text, start, end):
        # tokens are in text order: only those from the first one starting inside the match
        x = bisect_left(t.s, m.start())
        while x < t.n and t.s[x] < m.end():
            if t.e[x] <= m.end():
                masked[x] = True
            x += 1
    return masked


def _scan(t: _Toks, start: int, masked: list[bool], them_unit: str | None = None) -> list[Quantity]:
    """The quantities read left to right, each from a token that could start one;
    ``them_unit`` is what the sentence before counted last, for "Nine of them"."""
    out: list[Quantity] = []
    last_count_unit = None
    i = 0
    while i < t.n:
        if masked[i]:
            i += 1
            continue
        k = t.kind[i]
        if k == 3 or (k == 2 and not _could_start(t, i)):
            i += 1
            continue
        r = _read_quantity(t, i, start, masked, last_count_unit, them_unit)
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
    return out


# ------------------------------------------------------------------ one quantity, stage by stage


def _finish(t: _Toks, r: _Reading):
    """Last stage: the quantity as read, its surface from the first cue to the last token."""
    i, end_tok, e_num = r.i, r.end_tok, r.e_num
    e_end = t.e[end_tok - 1] if end_tok > i else t.e[i]
    if e_end < t.e[e_num - 1]:
        e_end = t.e[e_num - 1]
    concept = _concept(t, r.ukind, r.u_s, end_tok)
    q = _emit(t.text, t, r.s_start, e_end, r.value, r.vmax, r.unit, r.change, concept, r.uncertainty)
    return [(q, r.ukind)], end_tok


_STAGES = (
    _word_quantity,       # vague.py: "thousands of", "a third of", "a fourfold rise", "nearly a decade"
    _read_figure,         # words.py: the number itself, and "x 10^6" or "^6" after it
    _currency_before,     # units.py: "$", "US$", "€", a minus sign
    _not_a_quantity,      # not_quantities.py: times, phone numbers, clock times, ids, dates, models, names
    _multipliers,         # words.py: the sign; "1.5m", "3b"; "[Ten]"
    _uncertainty,         # uncertainty.py: "1.7±0.7", "12.5 +/- 0.4 kg"
    _unit_stage,          # units.py: "%", "km", "-year-old", "18-fold"; "per barrel"
    _per_population,      # units.py: "365 per 100,000 adults"
    _measure_word,        # units.py: "magnitude 6.1", "level seven", "7.2 on the Richter scale"
    _range_stage,         # ranges.py: "10-15", "between 12 and 15 million"; scores
    _years,               # not_quantities.py: "in 1990", "2014-15"
    _count_stage,         # units.py: "eight million 250ml bottles", "under the age of 12", "a day or two"
    _counted_noun_stage,  # units.py: "41,000 troops", "35m of its speakers", "20 per week"
    _count_per_population,  # units.py: "12 murders per 100,000 people"
    _bare_not_counts,     # not_quantities.py: "at 9 in the morning", "the top 10", "the 747,"
    _compound_modifier,   # units.py: "the 40 page report"
    _ages_and_people,     # units.py: "aged 14", "80 injured", "when she was six"
    _idioms,              # not_quantities.py: "one of the", "the Big Five", "two of them"
    _change_stage,        # change.py: "rose", "more than", "or more", "by 3%"
    _finish,              # the quantity
)


def _read_quantity(t: _Toks, i: int, lo: int, masked, last_count_unit, them_unit=None):
    """Parse the quantity that starts at token i: ([(Quantity|None, kind)], next index) or None."""
    r = _Reading(i, lo, last_count_unit, them_unit)
    for stage in _STAGES:
        done = stage(t, r)
        if done is not None:
            return None if done is NOT_HERE else done
    raise AssertionError("_finish always decides")  # pragma: no cover
