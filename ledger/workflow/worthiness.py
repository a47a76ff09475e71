"""Check-worthiness: which pending claims a desk should look at first.

A claim's score is its base score plus what its links add:

- the base score is :mod:`ledger.extract.checkworthy`'s: a weighted sum of named features of
  the claim's sentence (figures by kind, comparisons, named entities, causal and statistical
  language, the record, against promises, opinions, questions and hedges), its weights fitted
  on debate transcripts by ``bench/fit_worthiness.py`` and kept in
  ``ledger/extract/worthiness_weights.json``; :func:`reasons` lists what contributed;
- links: +2.0 when the claim conflicts with another document's figure, +0.5 for each further
  appearance of the same claim in another document (at most +1.5);
- a prior check: +1.0 when the claim strongly matches an earlier verdict, the desk's own or
  an imported fact-check (:mod:`ledger.workflow.prior`): the claim is being repeated after it
  was checked, and the earlier verdict makes it a quick one to settle.
"""
from __future__ import annotations

from ledger.extract import checkworthy
from ledger.extract.types import Quantity


def _features(*, text: str, has_quantity: bool, value: float | None, unit: str | None, change: str | None,
              speaker: str | None, role: str | None) -> dict[str, float]:
    q = Quantity(surface="", start=0, end=0, value=value or 0.0, unit=unit, change=change or "=") if has_quantity else None
    return checkworthy.features(text, quantity=q, speaker=speaker, role=role)


def base_score(*, text: str, has_quantity: bool, value: float | None, unit: str | None, change: str | None,
               speaker: str | None, role: str | None) -> float:
    return checkworthy.score(_features(text=text, has_quantity=has_quantity, value=value, unit=unit, change=change,
                                       speaker=speaker, role=role))


def reasons(*, text: str, has_quantity: bool, value: float | None, unit: str | None, change: str | None,
            speaker: str | None, role: str | None, appearances: int = 0, conflicts: int = 0,
            prior: bool = False) -> list[tuple[str, float]]:
    """What made the claim's score: (feature, contribution), largest first, links last.

    A transcript's claim is scored with what only its transcript knows (how much its speaker
    asks); that part is not recomputed here, so the list explains the sentence's own features."""
    out = checkworthy.explain(_features(text=text, has_quantity=has_quantity, value=value, unit=unit, change=change,
                                        speaker=speaker, role=role))
    if conflicts:
        out.append(("conflicts with another document", 2.0))
    if appearances:
        out.append((f"appears in {appearances} other document(s)", 0.5 * min(APPEARANCES_COUNTED, appearances)))
    if prior:
        out.append(("matches an earlier verdict", PRIOR_BONUS))
    return out


APPEARANCES_COUNTED = 3  # further appearances after these add nothing
PRIOR_BONUS = 1.0


def link_bonus(*, appearances: int, conflicts: int, prior: bool = False) -> float:
    """``appearances`` counts the other documents the claim appears in; ``prior``: the claim
    strongly matches an earlier verdict."""
    return (2.0 if conflicts else 0.0) + 0.5 * min(APPEARANCES_COUNTED, appearances) + (PRIOR_BONUS if prior else 0.0)
