"""Extraction never breaks: on any text it returns claims whose offsets are true to the text."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from ledger.extract import extract

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "biden-putin-2021-04-14.txt").read_text()
NEWSY = st.sampled_from(
    ["41,000", " troops", "£40m", "$-50.8bn", " more than ", "10-15", " between 12 and 15 million", "%", " per cent",
     '"', "“", "”", " said ", ", she added.", " according to ", "\n\n", ". ", "Mr. ", "U.S.", "—", "½", "٣", "一",
     "\u200b", "\ufeff", "\r\n", "\t", "Published April 14th, 2021 at 11:43 IST\n", "| Image:self\n", "2014", "11:43"]
)


def check(text: str) -> None:
    doc = extract(text)
    n = len(text)
    for c in doc.claims:
        assert 0 <= c.start <= c.end <= n
        assert c.text == text[c.start:c.end]
        if c.quantity:
            q = c.quantity
            assert c.start <= q.start <= q.end <= c.end
            assert q.surface == text[q.start:q.end]
            assert q.value == q.value  # not NaN
        if c.speaker:
            s = c.speaker
            assert 0 <= s.start <= s.end <= n
            assert s.surface == text[s.start:s.end]
            assert s.name


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
def test_any_unicode_text(text):
    check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=60))
def test_newsy_fragments(parts):
    check("".join(parts))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SEED)), st.integers(0, 40), st.one_of(NEWSY, st.text(max_size=8))),
                max_size=12))
def test_mutated_real_article(edits):
    text = SEED
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut:]
    check(text)
