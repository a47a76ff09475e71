"""Figures too large to read: the bound on every value extraction returns.

Every value is a finite float of magnitude at most ``MAX_VALUE``; the three guards that
keep it so are described in the package docstring ("figures too large to read"). A new
guard on overlong or unreadable figures goes here.
"""
from __future__ import annotations

import math



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


def _is_year(value: float, txt: str) -> bool:
    """Four digits written as a year, 1000 to 2200."""
    return len(txt) == 4 and txt.isdigit() and 1000 <= value <= 2200
