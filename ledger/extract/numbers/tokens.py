"""The tokeniser: a sentence as parallel lists of token kind, text, lower-case text and
offsets (``_Toks``; kinds 1 digits, 2 words, 3 symbols), and the small helpers every
stage shares (``_tok_at``, ``_emit``). A change to what counts as one token goes here
(``_TOKEN``).
"""
from __future__ import annotations

import re

from ledger.extract.numbers.limits import _MAX_FIGURE_CHARS
from ledger.extract.types import Quantity


_TOKEN = re.compile(
    r"(\d+(?:\.\d+)?[eE][+-]?\d+(?![\w.])"  # 1: digits: scientific notation (1e6, 2.5E-3),
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?|(?<![\w.])\.\d+)"  # groups of three, plain
    r"|([^\W\d_]+(?:['’][^\W\d_]+)?)"  # 2: words
    r"|(\S)"  # 3: symbols
)


_DASHES = {"-", "–", "—"}


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


def _emit(text, t, s0, e0, value, vmax, unit, change, concept, uncertainty=None):
    return Quantity(surface=text[s0:e0], start=s0, end=e0, value=_tidy(value),
                    value_max=None if vmax is None else _tidy(vmax), unit=unit, change=change, concept=concept,
                    uncertainty=None if uncertainty is None else float(uncertainty))


def _tidy(v) -> float:
    """A value as written, without the float noise of scaling: 4.1 million is 4100000.0,
    not 4099999.9999999995 (15 significant digits, more than any figure in news has)."""
    v = float(v)
    if not 1 <= abs(v) < float("inf"):
        return v  # (shares like 1/3 stay exact)
    return float(f"{v:.15g}")


def _tok_at(t: _Toks, off: int, default: int) -> int:
    """Index of the token that starts at char offset ``off``."""
    x = default
    while x > 0 and t.s[x] > off:
        x -= 1
    return x


# ------------------------------------------------------------------ one quantity being read

# A stage's verdict that no quantity starts at this token: the scanner moves one token on
# (a stage returns None to pass the reading on, or ([(Quantity, kind)...], next index)
# to decide: a quantity, or an empty list to skip past something that is not one).
NOT_HERE = ("no quantity starts here",)


class _Reading:
    """What the stages of ``scan._read_quantity`` know so far about the quantity that
    starts at token ``i``; each stage reads what the ones before it set."""

    __slots__ = ("i", "lo", "last_count_unit", "them_unit",
                 "value", "j", "words", "scaled",  # the figure (words.py)
                 "unit", "s0", "neg", "has_cur", "ukind",  # currency before, then unit (units.py)
                 "e_num",  # the token after the figure and its multiplier
                 "uk", "change_after", "end_tok",  # the unit written after it, and the token after all read
                 "lab0", "rng", "vmax",  # the range (ranges.py)
                 "u_s",  # where a counted noun starts (for the concept)
                 "change", "s_start",  # the change label and where the surface starts (change.py)
                 "uncertainty")  # "±0.7" (uncertainty.py)

    def __init__(self, i: int, lo: int, last_count_unit, them_unit=None):
        self.i, self.lo, self.last_count_unit = i, lo, last_count_unit
        self.them_unit = them_unit  # the counted noun of the sentence before, for "Nine of them"
        self.uncertainty = None
