"""Numeric quantities in a sentence (first cut: bare quantulum3; being replaced)."""
from __future__ import annotations

from ledger.extract.types import Quantity


def find_quantities(text: str, start: int, end: int) -> list[Quantity]:
    """Quantities in ``text[start:end]``, offsets absolute in ``text``."""
    from quantulum3 import parser

    out = []
    for q in parser.parse(text[start:end]):
        s0, s1 = q.span
        unit = None if q.unit.name == "dimensionless" else q.unit.name
        out.append(Quantity(surface=q.surface, start=start + s0, end=start + s1, value=float(q.value), unit=unit))
    return out
