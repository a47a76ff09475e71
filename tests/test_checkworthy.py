"""Check-worthiness of a sentence: figures that can be checked come before spans of time."""
from __future__ import annotations

import pytest

from ledger.extract import checkworthy
from ledger.extract.numbers import find_quantities


def score(sentence: str) -> float:
    found = find_quantities(sentence, 0, len(sentence))
    return checkworthy.score(checkworthy.features(sentence, quantity=found[0] if found else None))


@pytest.mark.parametrize("duration", [
    "The talks will go on for two more weeks, the envoy said.",
    "The bakery has a 42-year history on the high street.",
    "Repairs should take less than a week, the engineer said.",
])
@pytest.mark.parametrize("checkable", [
    "The envoy said 3,200 families had been moved from the valley.",
    "The city spent $14 million on the new tram depot.",
    "Youth unemployment rose to 17 percent in the spring.",
])
def test_a_span_of_time_ranks_below_a_count_a_sum_or_a_rate(duration, checkable):
    assert score(duration) < score(checkable)


def test_the_kind_of_figure_is_named_in_the_features():
    kinds = {s: [k for k, v in checkworthy.features(s, quantity=find_quantities(s, 0, len(s))[0]).items()
                 if k.startswith("figure: ") and v]
             for s in ("The talks lasted 11 days.", "Fares rose 4 percent.", "The fund holds $9 million.")}
    assert list(kinds.values()) == [["figure: duration"], ["figure: rate"], ["figure: money"]]
