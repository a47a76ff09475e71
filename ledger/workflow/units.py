"""Figures of one dimension given in different units: 6 feet and 1.8 metres, 100 km and 62 miles.

Each unit the extractor names has a size in its dimension's base unit, kept as data in
``unit_factors.json``; which dimension a unit measures is quantulum3's unit registry's
(its ``entity``), and a test holds the two together. Units whose size depends on the
country (``ton``, ``gallon``) and temperatures are never converted.

Converted figures are compared with a wider tolerance than figures in one unit
(:data:`CONVERTED_TOLERANCE`, 3 %): a writer converting a figure rounds it to two or three
significant figures (6 feet is 1.83 metres, written 1.8).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

CONVERTED_TOLERANCE = 0.03


@lru_cache(maxsize=1)
def _sizes() -> dict[str, tuple[str, float]]:
    data = json.loads(resources.files("ledger.workflow").joinpath("unit_factors.json").read_text(encoding="utf-8"))
    return {unit: (dimension, float(size)) for dimension, units in data.items() if not dimension.startswith("_")
            for unit, size in units.items()}


def dimension(unit: str | None) -> str | None:
    """The dimension a unit measures, when it can be converted (``length``, ``mass``...)."""
    found = _sizes().get(unit) if unit else None
    return found[0] if found else None


def factor(to_unit: str | None, from_unit: str | None) -> float | None:
    """What a figure in ``from_unit`` is multiplied by to be given in ``to_unit``; None when
    the two are not units of one dimension (or are the same unit)."""
    if not to_unit or not from_unit or to_unit == from_unit:
        return None
    a, b = _sizes().get(to_unit), _sizes().get(from_unit)
    if a is None or b is None or a[0] != b[0]:
        return None
    return b[1] / a[1]


def others(unit: str | None) -> list[tuple[str, float]]:
    """The other units of ``unit``'s dimension, each with the factor that gives a figure in
    ``unit`` in that unit."""
    found = _sizes().get(unit) if unit else None
    if found is None:
        return []
    return [(u, found[1] / size) for u, (dim, size) in _sizes().items() if dim == found[0] and u != unit]
