"""Have we checked this before? The earlier verdicts likely about the same claim.

Earlier verdicts are the desk's own reviewed claims and the imported fact-checks of other
desks (``ledger import claimreview``). For a claim, candidates are found by its words
(any of them) in two full-text indexes, the checked claims' and the references'
(``storage/search.py``), the best :data:`CANDIDATES` of each by the index's rank. Each is
then scored, the same way on every database engine, from three parts in 0..1:

- **text**: how much the two claims' content words overlap, the cosine of the two sets
  (shared / √(|A|·|B|)). Words are stemmed and folded as figure matching folds them
  (``killed``, ``died`` and ``deaths`` are one word); names count, numbers do not (the
  figure is compared on its own), nor do function words and reporting verbs;
- **figure**: 1 when both state a figure of one unit (or of one dimension, converted:
  ``workflow/units.py``) and the values agree within the tolerance appearances use (1 %;
  3 % converted; 5 % for "about"; 10 % for a bound such as "more than");
  0.75 when the values agree and both count things named by different nouns (``41,000
  troops`` and ``41,000 soldiers``: a count is rarely repeated by chance, its noun often
  is reworded); 0 when the units match and the values disagree; 0.5 when either states
  none, or one is a sum of money, a rate or a measure and the other is not;
- **speaker**: 1 for the same speaker (case-folded; a surname alone matches the full
  name), 0.2 for different ones, 0.5 when either is unknown.

``score = 0.5·text + 0.35·figure + 0.15·speaker``, and halved when the figures disagree:
the same words with another figure are another claim (a related check, not this one).
A match is listed from :data:`SHOWN` (0.35); from :data:`STRONG` (0.6) it is *strong*: the
claim gets the queue's mark and +1.0 check-worthiness (``workflow/worthiness.py``).

Strong matches are recorded on pending claims as they arrive (:func:`mark_new_claims`,
called when articles are stored) and when references are imported
(:func:`mark_for_references`); ``show``, ``review`` and ``matches`` work them out afresh.
Measured by ``bench/matching.py``.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass

from ledger.workflow import matching

TEXT, FIGURE, SPEAKER = 0.5, 0.35, 0.15
SHOWN = 0.35
STRONG = 0.6
CANDIDATES = 40
_REPORTING = frozenset("say said says saying told tell tells claim claimed claims claiming state stated states "
                       "add added adds according warn warned warns announce announced note noted".split())


@dataclass(frozen=True)
class Side:
    """What matching compares of a claim or a reference."""

    text: str
    speaker: str | None = None
    value: float | None = None
    unit: str | None = None
    change: str | None = None


def words(text: str) -> frozenset[str]:
    """The stemmed, folded content words of a claim (names included, numbers not)."""
    out = set()
    for w in matching._WORD.findall(text):
        low = w.lower()
        if low in matching._STOP or low in _REPORTING or len(low) < 3:
            continue
        out.add(matching._stem(w))
    return frozenset(out)


def text_part(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def figure_part(a: Side, b: Side) -> float:
    if a.value is None or b.value is None:
        return 0.5
    fa = matching.Figure(value=a.value, unit=a.unit, change=a.change, signature=frozenset(), published=None,
                         document_id=0)
    fb = matching.Figure(value=b.value, unit=b.unit, change=b.change, signature=frozenset(), published=None,
                         document_id=1)
    if a.unit == b.unit or matching.units_match(a.unit, b.unit):
        return 1.0 if matching._agree(fa, fb) else 0.0
    converted = matching.in_units_of(fa, fb)  # 6 feet and 1.8 metres
    if converted is not None:
        return 1.0 if matching._agree(fa, converted) else 0.0
    if matching.is_count(a.unit) and matching.is_count(b.unit) and matching._agree(fa, fb):
        return 0.75  # the same count of things named by other nouns
    return 0.5  # figures of different kinds: nothing to compare


def _name_parts(name: str) -> list[str]:
    return [p for p in matching._WORD.findall(name.lower()) if p not in ("the", "mr", "mrs", "ms", "dr")]


def speaker_part(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.5
    pa, pb = _name_parts(a), _name_parts(b)
    if not pa or not pb:
        return 0.5
    if pa == pb:
        return 1.0
    short, long_ = sorted((pa, pb), key=len)
    if len(short) == 1 and short[0] == long_[-1]:
        return 1.0
    return 0.2


@dataclass(frozen=True)
class Parts:
    score: float
    text: float
    figure: float
    speaker: float


def score(a: Side, b: Side, *, words_a: frozenset[str] | None = None) -> Parts:
    t = text_part(words(a.text) if words_a is None else words_a, words(b.text))
    f, s = figure_part(a, b), speaker_part(a.speaker, b.speaker)
    total = TEXT * t + FIGURE * f + SPEAKER * s
    if f == 0.0:
        total /= 2
    return Parts(round(total, 3), round(t, 3), f, s)


@dataclass(frozen=True)
class Match:
    """An earlier verdict and how well it matches."""

    kind: str  # "claim" (this desk's) or "reference" (imported)
    id: int
    score: float
    text_score: float
    figure_score: float
    speaker_score: float
    verdict: str  # the desk's status, or the reference's rating as its desk words it
    by: str | None  # the reviewer, or the reference's publisher
    date: str | None  # ISO date of the verdict
    text: str
    speaker: str | None
    url: str | None  # the reviewed claim's document, or the fact-check's page
    note: str | None = None
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None

    @property
    def strong(self) -> bool:
        return self.score >= STRONG

    def to_json(self) -> dict:
        return {**asdict(self), "strong": self.strong}


def side_of_claim(claim, speaker) -> Side:
    """A description ("officials") is no speaker to compare across documents."""
    named = speaker.name if speaker is not None and not getattr(speaker, "scope", "") else None
    return Side(text=claim.text, speaker=named, value=claim.q_value, unit=claim.q_unit, change=claim.q_change)


def side_of_reference(ref) -> Side:
    return Side(text=ref.claim_text, speaker=ref.claimant, value=ref.q_value, unit=ref.q_unit, change=ref.q_change)


def _query(side: Side) -> str:
    return " ".join(sorted({w.lower() for w in matching._WORD.findall(side.text)
                            if w.lower() not in matching._STOP and len(w) > 2}))


def find(session, *, side: Side, exclude_claim: int | None = None, exclude_document: int | None = None,
         limit: int = 5, least: float = SHOWN) -> list[Match]:
    """The best earlier verdicts for ``side``, scored at least ``least``, best first."""
    from ledger.storage import references as refs, search

    query = _query(side)
    if not query:
        return []
    own = side.text and words(side.text)
    out: list[Match] = []
    claim_ids = [i for i in search.ranked_ids(session, search.CHECKED, words=query, best=CANDIDATES) if i != exclude_claim]
    for c, d, s, last in refs.checked_claims(session, ids=claim_ids):
        if d.id == exclude_document:
            continue
        p = score(side, side_of_claim(c, s), words_a=own)
        if p.score >= least:
            out.append(Match("claim", c.id, p.score, p.text, p.figure, p.speaker, c.status,
                             last.reviewer if last else None, _iso_date(last.created_at) if last else None, c.text,
                             s.name if s else None, d.url, note=last.note if last else None))
    ref_ids = search.ranked_ids(session, search.REFERENCES, words=query, best=CANDIDATES)
    for r in refs.references(session, ids=ref_ids) if ref_ids else []:
        p = score(side, side_of_reference(r), words_a=own)
        if p.score >= least:
            out.append(Match("reference", r.id, p.score, p.text, p.figure, p.speaker, r.rating or _rating(r),
                             r.publisher, (r.review_date or r.claim_date or "")[:10] or None, r.claim_text, r.claimant,
                             r.url, rating_value=r.rating_value, best_rating=r.best_rating,
                             worst_rating=r.worst_rating))
    out.sort(key=lambda m: (-m.score, m.kind != "claim", m.id))
    return out[:limit]


def _rating(r) -> str:
    scale = f"/{r.best_rating:g}" if r.best_rating is not None else ""
    return f"rated {r.rating_value:g}{scale}"


def _iso_date(instant) -> str:
    return instant.date().isoformat()


def matches_of(session, *, claim_id: int, limit: int = 5, least: float = SHOWN) -> list[Match]:
    """The earlier verdicts a stored claim likely repeats (never itself, nor its own document's)."""
    from ledger.storage import repo
    from ledger.storage.models import Speaker

    claim = repo.get_claim(session, claim_id=claim_id)
    speaker = session.get(Speaker, claim.speaker_id) if claim.speaker_id else None
    return find(session, side=side_of_claim(claim, speaker), exclude_claim=claim.id,
                exclude_document=claim.document_id, limit=limit, least=least)


def _rescore(session, claim_ids: list[int]) -> None:
    from ledger.storage import repo
    from ledger.workflow import worthiness

    repo.rescore(session, claim_ids=sorted(claim_ids), bonus=worthiness.link_bonus,
                 saturation=worthiness.APPEARANCES_COUNTED)


def mark_new_claims(session, *, claim_ids: list[int]) -> int:
    """Record, on each of these new claims that strongly matches an earlier verdict, the
    best such verdict, and rescore them; how many were marked. Nothing to do (one query)
    in a ledger with no verdict and no reference yet."""
    from ledger.storage import references as refs

    if not claim_ids or not refs.any_checked(session):
        return 0
    marks = {}
    for claim, speaker in refs.pending_claims(session, ids=claim_ids):
        best = find(session, side=side_of_claim(claim, speaker), exclude_claim=claim.id,
                    exclude_document=claim.document_id, limit=1, least=STRONG)
        if best:
            marks[claim.id] = (best[0].kind, best[0].id, best[0].score)
    refs.set_priors(session, marks=marks)
    _rescore(session, list(marks))
    return len(marks)


def mark_for_references(session, *, reference_ids: list[int]) -> int:
    """Mark the pending claims that strongly match these (new or updated) references,
    where the match is better than the mark they have; how many claims were marked."""
    from ledger.storage import references as refs, search

    marks: dict[int, tuple[str, int, float]] = {}
    for r in refs.references(session, ids=reference_ids):
        side = side_of_reference(r)
        own = words(side.text)
        ids = search.ranked_ids(session, search.CLAIMS, words=_query(side), best=CANDIDATES)
        for claim, speaker in refs.pending_claims(session, ids=ids):
            p = score(side, side_of_claim(claim, speaker), words_a=own)
            held = marks.get(claim.id, (None, None, claim.prior_score or 0.0))[2]
            if p.score >= STRONG and p.score > held:
                marks[claim.id] = ("reference", r.id, p.score)
    refs.set_priors(session, marks=marks)
    _rescore(session, list(marks))
    return len(marks)


def appearances_json(value: str | None) -> list[str]:
    return json.loads(value) if value else []
