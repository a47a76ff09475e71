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

Where each kind of rule lives (the stages ``scan._read_quantity`` runs, in order):

- ``tokens``: the tokeniser (``_Toks``) and helpers every stage shares;
- ``words``: figures, number words, exponents and multipliers ("3bn", "2.5 million");
- ``vague``: vague amounts and fractions ("thousands of", "two-thirds of", "one in three");
- ``not_quantities``: dates, years, clock times, phone numbers, identifiers, idioms;
- ``units``: currency before, unit after, rates, counted nouns, ages, people;
- ``ranges``: "10-15", "between 12 and 15 million", "from $36,040 to $34,935"; scores;
- ``change``: the change label from the cue words ("rose", "more than", "or more");
- ``concepts``: the few words saying what is counted;
- ``durations``: one figure for a span in several units of time, and race times like
  clocks ("4 hours 52 minutes 18 seconds", "2:41 behind"), after the sentence is read;
- ``inherit``: units carried between quantities, after the sentence is read;
- ``scan``: ``find_quantities`` and the order of the stages;
- ``limits``: ``MAX_VALUE`` and the guards above.

The word lists (units, currencies, cue words, number words) are data, in
``ledger/extract/numbers_units.py``.
"""
from __future__ import annotations

from ledger.extract.numbers.limits import MAX_VALUE
from ledger.extract.numbers.scan import find_quantities

__all__ = ["find_quantities", "MAX_VALUE"]
