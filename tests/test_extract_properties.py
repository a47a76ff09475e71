"""Extraction never breaks: on any text it returns claims whose offsets are true to the text."""
from __future__ import annotations

from pathlib import Path

import json
import math

from hypothesis import HealthCheck, given, settings, strategies as st

from ledger.extract import extract
from ledger.extract.numbers import MAX_VALUE

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "biden-putin-2021-04-14.txt").read_text()
NEWSY = st.sampled_from(
    ["41,000", " troops", "£40m", "$-50.8bn", " more than ", "10-15", " between 12 and 15 million", "%", " per cent",
     '"', "“", "”", " said ", ", she added.", " according to ", "\n\n", ". ", "Mr. ", "U.S.", "—", "½", "٣", "一",
     "\u200b", "\ufeff", "\r\n", "\t", "Published April 14th, 2021 at 11:43 IST\n", "| Image:self\n", "2014", "11:43"]
)

# huge figures: digit runs, comma groups, exponents, powers, stacked multiplier words
HUGE = st.one_of(
    st.integers(31, 500).map(lambda n: "1" + "0" * n),
    st.integers(11, 130).map(lambda n: "1" + ",000" * n),
    st.integers(-999, 999).map(lambda n: f"1e{n}"),
    st.integers(-999, 999).map(lambda n: f"10^{n}"),
    st.integers(-999, 999).map(lambda n: f"5 x 10^{n}"),
    st.integers(2, 60).map(lambda n: "5" + " trillion" * n),
    st.integers(2, 400).map(lambda n: "a" + " hundred" * n),
    st.integers(2, 400).map(lambda n: "one" + " dozen" * n),
    st.sampled_from(["$", "between 3 and ", "1 in ", " out of ", "/", "%", "-", " to ", "bn", "m"]),
)
# what a terminal obeys or hides: controls, ANSI CSI and OSC sequences, bidi and zero-width characters
CONTROLS = st.one_of(
    st.sampled_from(["\x1b[2J", "\x1b[31;1m", "\x1b[10;20H", "\x1b[0m", "\x1b]0;title 42\x07",
                     "\x1b]8;;http://x/1\x1b\\", "\x1b]8;;\x1b\\", "\x9b5m", "\x9b", "\x1b", "\x1b]", "\x07",
                     "\u202e", "\u202d", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c",
                     "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u2028", "\r"]),
    st.characters(min_codepoint=0, max_codepoint=0x9f),
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
            for v in (q.value, q.value_max):
                assert v is None or (math.isfinite(v) and abs(v) <= MAX_VALUE)  # no inf, no NaN, in the bound
        if c.speaker:
            s = c.speaker
            assert 0 <= s.start <= s.end <= n
            assert s.surface == text[s.start:s.end]
            assert s.name
    json.dumps([c.contract() for c in doc.claims], allow_nan=False)
    for f in doc.flags:
        assert not any(ch in f for ch in "\x1b\x9b\u202e\u2066\u200b"), f  # a flag is safe to print


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


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(HUGE, NEWSY, st.sampled_from([" ", " people", " dollars", " and 12 bridges"])), max_size=12))
def test_huge_figures(parts):
    check("".join(parts))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(CONTROLS, NEWSY, st.text(max_size=6)), max_size=40))
def test_controls_and_escapes(parts):
    check("".join(parts))
