"""Hostile text: no article can make extraction raise, store a non-finite value, read the
digits of a terminal escape as a claim, or hide bidi and invisible characters."""
from __future__ import annotations

import json
import math
import time

import pytest

from ledger.extract import extract
from ledger.extract.numbers import MAX_VALUE

HUGE = "9" * 310
TAIL = " and the town rebuilt 12 bridges."
HOSTILE_FIGURES = [
    f"The council said it spent {HUGE} dollars on 12 bridges.",
    "Officials put the bill at $1" + "0" * 400 + TAIL,
    "Officials put the bill at $1" + ",000" * 120 + TAIL,
    "A reading of 1e400 was logged" + TAIL,
    "A reading of 1e-400 was logged" + TAIL,
    "There are 10^999 grains" + TAIL,
    "There are 7 x 10^999 grains" + TAIL,
    "There are 7 × 10^-999 grains" + TAIL,
    "There are 7 x 10^" + "8" * 5000 + " grains" + TAIL,
    "The fund lost 3 " + "trillion " * 40 + "euros" + TAIL,
    "The fund lost a " + "hundred " * 400 + "euros" + TAIL,
    "The fund lost a " + "dozen " * 400 + "euros" + TAIL,
    f"Between 40 and {HUGE} million residents left" + TAIL,
    f"Between {HUGE} and {HUGE}9 residents left" + TAIL,
    f"Between 4 and 6 {'trillion ' * 30}residents left" + TAIL,
    f"Rents rose {HUGE}% last year" + TAIL,
    f"Rents rose {HUGE} per cent last year" + TAIL,
    f"Only {HUGE}/{HUGE}9 of voters agreed" + TAIL,
    f"Only {HUGE} out of {HUGE}9 voters agreed" + TAIL,
    f"Only 1 in {HUGE} voters agreed" + TAIL,
    "Only 1e400 out of 1e401 voters agreed" + TAIL,
    f"The deal was worth ${'9' * 40}m" + TAIL,
    f"The deal was worth ${'9' * 300}bn" + TAIL,
    f"From 1990-{HUGE} the town grew" + TAIL,
    "Sales were 5 x 10^30 units" + TAIL,
]


def _values(doc):
    return [v for c in doc.claims if c.quantity for v in (c.quantity.value, c.quantity.value_max) if v is not None]


@pytest.mark.parametrize("text", HOSTILE_FIGURES, ids=range(len(HOSTILE_FIGURES)))
def test_huge_figures_never_raise_and_the_rest_is_read(text):
    doc = extract(text)
    values = _values(doc)
    assert all(math.isfinite(v) and abs(v) <= MAX_VALUE for v in values)
    json.dumps([c.contract() for c in doc.claims], allow_nan=False)  # valid JSON: no inf, no NaN
    assert any(c.quantity and c.quantity.surface == "12 bridges" for c in doc.claims)


def test_a_huge_figure_leaves_nothing_of_itself():
    doc = extract(f"The council said it spent {HUGE} dollars on 12 bridges.")
    assert [c.quantity.surface for c in doc.claims if c.quantity] == ["12 bridges"]


def test_an_exponent_is_not_a_count():
    doc = extract("There are 10^999 grains of sand on 4 beaches.")
    assert [c.quantity.surface for c in doc.claims if c.quantity] == ["4 beaches"]


def test_figures_within_the_bound_are_still_read():
    def value(text):
        return [c.quantity.value for c in extract(text).claims if c.quantity][0]

    assert value("It lost 5 trillion billion dollars.") == 5e21
    assert value("Its debt is 2.5e6 dollars.") == 2.5e6
    assert value("The lab counted 10^6 cells.") == 1e6
    assert value("The lab counted 3 x 10^9 cells.") == 3e9
    assert value("There are 1e30 atoms in it.") == 1e30
    assert not [c for c in extract("There are 1e31 atoms in it.").claims if c.quantity]


# ---------------------------------------------------------------- escape sequences

ESCAPED = [
    ("\x1b[2J\x1b[10;20HCrews repaired 14 roads.", ["14 roads"]),
    ("Crews repaired \x1b[31;1m14 roads\x1b[0m in May.", ["14 roads"]),
    ("\x1b]0;window title 2024 with 99 items\x07Crews repaired 14 roads.", ["14 roads"]),
    ("See \x1b]8;;http://x/1\x1b\\the report\x1b]8;;\x1b\\ on 14 roads.", ["14 roads"]),
    ("\x9b33;44mCrews repaired 14 roads.\x9b0m", ["14 roads"]),
    ("Crews repaired 14 roads \x1b]2;77 unterminated and 3 bridges.", ["14 roads", "3 bridges"]),
    ("Crews repaired 14 roads.\x1b[38;5;208", ["14 roads"]),
]


@pytest.mark.parametrize("text,surfaces", ESCAPED, ids=range(len(ESCAPED)))
def test_escape_sequence_digits_are_not_claims(text, surfaces):
    doc = extract(text)
    qs = [c.quantity for c in doc.claims if c.quantity]
    assert [q.surface for q in qs] == surfaces
    for c in doc.claims:
        assert c.text == text[c.start:c.end]
        if c.quantity:
            assert c.quantity.surface == text[c.quantity.start:c.quantity.end]  # offsets index the original


def test_a_surface_keeps_the_escape_written_inside_it():
    text = "Crews repaired 14\x1b[0m roads."
    q = [c.quantity for c in extract(text).claims if c.quantity][0]
    assert q.value == 14 and q.surface == text[q.start:q.end]


def test_a_speaker_found_around_escapes_keeps_original_offsets():
    text = "\x1b[1mThe mayor\x1b[0m said 14 roads were repaired."
    claim = extract(text).claims[0]
    assert claim.speaker and claim.speaker.surface == text[claim.speaker.start:claim.speaker.end]


# ---------------------------------------------------------------- flags

_RAW = [chr(c) for c in range(0x20) if chr(c) not in "\n\t"] + ["\x7f", "\x9b", "\u202e", "\u2066", "\u200b", "\u200d"]


def _flag(text, word):
    flags = extract(text).flags
    for f in flags:
        assert not any(ch in f for ch in _RAW), f  # safe to print
    return [f for f in flags if word in f]


def test_bidi_controls_are_flagged_anywhere_and_shown_escaped():
    found = _flag("The file inv\u202eexe.pdf\u202c holds 14 invoices.", "bidi")
    assert found and "inv\\u202eexe.pdf\\u202c" in found[0]
    assert _flag("An isolate \u2067here\u2069 too.", "bidi")


@pytest.mark.parametrize("text,shown", [
    ("The bud\u200bget grew 4%.", "bud\\u200bget"),
    ("The bud\u2060get grew 4%.", "bud\\u2060get"),
    ("The bud\ufeffget grew 4%.", "bud\\ufeffget"),
    ("The bud\u200dget grew 4%.", "bud\\u200dget"),
    ("The bud\u200fget grew 4%.", "bud\\u200fget"),
    ("It grew by 1\u200b2 points.", "1\\u200b2"),
])
def test_invisible_characters_inside_words_are_flagged(text, shown):
    found = _flag(text, "invisible")
    assert found and shown in found[0]


@pytest.mark.parametrize("text", [
    "\ufeffA byte-order mark at the start of the text.",
    "A family emoji \U0001F469\u200d\U0001F469\u200d\U0001F467 is one picture.",
    "Persian writes \u0645\u06cc\u200c\u0631\u0648\u0645 with a non-joiner.",
    "Hindi writes \u0915\u094d\u200d\u0937 with a joiner.",
    "Hebrew \u05e9\u05dc\u05d5\u05dd\u200f\u05e2\u05d5\u05dc\u05dd with a mark.",
    "A space \u200b between words is not inside one.",
])
def test_legitimate_invisible_characters_are_not_flagged(text):
    assert not _flag(text, "invisible") and not _flag(text, "bidi")


def test_mixed_script_flag_is_shown_escaped_too():
    found = _flag("The ba\u0441k\u202eed plan cost $4m.", "Cyrillic")
    assert found and "\\u202e" in " ".join(extract("The ba\u0441k\u202eed plan.").flags)


def test_escape_sequences_are_flagged_escaped():
    found = _flag("\x1b[2JCrews repaired 14 roads.", "escape")
    assert found and "\\x1b[2J" in found[0]


# ---------------------------------------------------------------- dates and metadata

@pytest.mark.parametrize("text", [
    "PUBLISHED: December 31, 9999\n\nThe mayor said tomorrow 14 roads will close.",
    "PUBLISHED: January 1, 0001\n\nThe mayor said yesterday 14 roads closed.",
])
def test_a_relative_day_past_the_calendar_is_no_date(text):
    claims = extract(text).claims
    assert claims and claims[0].date_mentioned is None


def test_an_endless_date_header_is_not_parsed():
    t0 = time.perf_counter()
    doc = extract("PUBLISHED: " + "March 3 " * 20000 + "\n\nThe mayor said 14 roads closed.")
    assert doc.meta.published is None and time.perf_counter() - t0 < 2.0  # 3 s for this text before


# ---------------------------------------------------------------- linear time

@pytest.mark.parametrize("run", ["x" * 60_000, "a7" * 30_000])
def test_a_long_run_of_letters_is_linear(run):
    t0 = time.perf_counter()
    extract(f"A word: {run}. Crews repaired 14 roads.")
    assert time.perf_counter() - t0 < 5.0  # the mixed-script scan took about a minute on this before


@pytest.mark.parametrize("text", ["Mr.  troops", "Dr.  officials", "Ms. residents"])
def test_a_title_before_a_plural_at_the_end_of_a_text_does_not_crash(text):
    # found by tests/test_extract_properties.py: the post-modifier check read past the sentence
    doc = extract(text)
    assert all(c.quantity is None for c in doc.claims)
