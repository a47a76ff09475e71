"""The concept of a counted quantity: a few words saying what is counted, the counted noun
and the verb phrase after it ("troops at its border with eastern Ukraine"). A change to
how a concept is worded goes here.
"""
from __future__ import annotations

from ledger.extract.numbers_units import ADJ, STOP
from ledger.extract.numbers.tokens import _Toks


def _concept(t: _Toks, unit_kind, u_start: int, u_end: int) -> str | None:
    """A few words saying what is counted: the counted noun and the verb phrase after it."""
    if unit_kind != "count":
        return None
    words = [t.txt[x] for x in range(u_start, u_end) if t.kind[x] == 2]
    x = u_end
    n = 0
    while x < t.n and n < 7:
        if t.kind[x] != 2:
            break
        w = t.low[x]
        if w in ("and", "but", "said", "says", "while", "which", "who", "that", "because", "although"):
            break
        x += 1
        if w in ("have", "has", "had", "been", "be", "were", "was", "are", "is", "will", "would", "the", "a", "an"):
            continue
        words.append(t.txt[x - 1])
        n += 1
    while len(words) > 1 and (words[-1].lower() in STOP or words[-1].lower() in ADJ):
        words.pop()  # "pages with" -> "pages"
    return " ".join(words) or None
