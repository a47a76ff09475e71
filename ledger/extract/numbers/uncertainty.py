"""Stage: an uncertainty written after the figure: "1.7±0.7 g/cm³", "51±19%",
"4.2 ± 0.3 billion years", "12.5 +/- 0.4 kg", "30 plus or minus 2 metres".

The figure is the value, the number after the sign its uncertainty, in the same unit and
scale (read after it): one quantity, not two. A margin stated on its own ("a margin of
error of plus or minus 3 points") is not an uncertainty of a figure and is left to the
other stages.
"""
from __future__ import annotations

from ledger.extract.numbers.tokens import _Reading, _Toks
from ledger.extract.numbers.words import _figure, _parse_number

_SIGNS = (("±",), ("+/-",), ("+", "/", "-"), ("+", "-"), ("plus", "or", "minus"), ("plus", "/", "minus"),
          ("plus-minus",))


def _sign_end(t: _Toks, j: int) -> int | None:
    """The token after a plus-or-minus sign that starts at token j, or None."""
    for sign in _SIGNS:
        if all(t.lw(j + k) == w for k, w in enumerate(sign)):
            return j + len(sign)
    return None


def _uncertainty(t: _Toks, r: _Reading):
    """Stage: the number after "±" is the figure's uncertainty; the reading goes on after it
    (so the unit written after the uncertainty is the figure's). Sets uncertainty, j, e_num."""
    k = _sign_end(t, r.j) if r.j < t.n else None
    if k is None or k >= t.n or t.kind[k] != 1:
        return None
    parsed = _parse_number(t, k)
    if parsed is None:
        return None
    value, end, _, scaled = parsed
    if value < 0:
        return None
    if scaled and not r.scaled:  # "4.2 ± 0.3 billion years": the scale is the figure's too
        raw = _figure(t.txt[k])
        if not raw:
            return None
        r.value, r.scaled = r.value * (value / raw), True
    r.uncertainty, r.j, r.e_num = value, end, end
    return None
