"""The stage that makes one figure of a span written in several units of time, and reads race times."""
from __future__ import annotations

from ledger.extract.numbers.durations import compound_durations, race_times
from ledger.extract.types import Quantity


def q(text: str, surface: str, value: float, unit: str | None, change: str = "=") -> Quantity:
    start = text.index(surface)
    return Quantity(surface=surface, start=start, end=start + len(surface), value=value, unit=unit, change=change)


def test_joined_units_of_time_become_one_figure_and_others_stay():
    text = "It took 3 hours 20 minutes, then 12 km more."
    parts = [q(text, "3 hours", 3, "hour"), q(text, "20 minutes", 20, "minute"), q(text, "12 km", 12, "kilometre")]
    out = compound_durations(text, parts)
    assert [(x.surface, x.value, x.unit) for x in out] == [("3 hours 20 minutes", 200, "minute"), ("12 km", 12, "kilometre")]


def test_a_larger_unit_after_a_smaller_one_is_not_joined():
    text = "It took 20 minutes 3 hours later."
    parts = [q(text, "20 minutes", 20, "minute"), q(text, "3 hours", 3, "hour")]
    assert compound_durations(text, parts) == parts


def test_a_race_time_already_read_is_not_read_twice():
    text = "She ran 2:18:04 in Berlin."
    already = [q(text, "2:18:04", 8284, "second")]
    assert race_times(text, 0, len(text), already) == already
