"""``ledger import claimreview``: other desks' fact-checks into the ledger as references.

Each input (a file, ``-`` or a URL) is read like an article (the same size limit, the
same one-line errors, fetched with the same client), its ClaimReviews read by
:mod:`ledger.extract.claimreview`, the figure of each claim found by the extractor, and
all of one input stored in one transaction: de-duplicated on the review's key, indexed for
search and matching, and the pending claims that strongly match them marked
(:mod:`ledger.workflow.prior`). References are not claims: not in the queue, not in the
desk's audit chain.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ledger.errors import InputError
from ledger.extract import claimreview as reading

JSON_TYPES = frozenset({"application/json", "application/ld+json", "text/json", "text/plain", "text/html",
                        "application/xhtml+xml"})


@dataclass
class Imported:
    name: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    marked: int = 0  # pending claims now marked as matching one of them
    problems: list[str] = field(default_factory=list)
    urls_left_out: int = 0


def _figure(text: str) -> dict:
    from ledger.extract import extract

    for c in extract(text).claims:
        q = c.quantity
        if q is not None:
            return {"q_surface": q.surface, "q_value": q.value, "q_unit": q.unit, "q_change": q.change}
    return {}


def _create(ref: reading.Reference, source: str):
    from ledger.storage.models import ReferenceCreate

    return ReferenceCreate(
        key=ref.key, claim_text=ref.claim_text, claimant=ref.claimant, claimant_type=ref.claimant_type,
        claim_date=_capped(ref.claim_date), review_date=_capped(ref.review_date), publisher=ref.publisher,
        rating=ref.rating, rating_value=ref.rating_value, best_rating=ref.best_rating, worst_rating=ref.worst_rating,
        url=ref.url, appearances=json.dumps(list(ref.appearances)) if ref.appearances else None, source=source,
        **_figure(ref.claim_text),
    )


def _capped(value: str | None) -> str | None:
    return value[:64] if value else value


def read_text(name: str, *, stdin_data: bytes | None, max_bytes: int, timeout: float) -> str:
    """The text of one input: a URL fetched, ``-`` (``stdin_data``) or a file."""
    from ledger.workflow.decoding import decode
    from ledger.workflow.ingest import looks_like_url, read_bytes

    if looks_like_url(name):
        from ledger.workflow.fetch import fetch

        got = fetch(name, max_bytes=max_bytes, timeout=timeout, accept=JSON_TYPES)
        data = got.data
    else:
        data = read_bytes(name, None if name == "-" else Path(name), stdin_data=stdin_data, max_bytes=max_bytes)
    return decode(data, name)[0]


def import_text(engine, *, name: str, text: str) -> Imported:
    """Read the ClaimReviews of ``text`` and store them; InputError (naming ``name``) if it
    holds none. Reviews that cannot be used are listed in ``problems``, the others stored."""
    from ledger.storage import references as refs
    from ledger.storage.db import write
    from ledger.workflow import prior

    try:
        read = reading.read_claimreviews(text)
    except reading.NotClaimReview as exc:
        raise InputError(f"{name}: {exc}") from None
    out = Imported(name, problems=[f"{name}: {p}" for p in read.problems],
                   urls_left_out=sum(r.urls_left_out for r in read.references))
    rows = [_create(r, name) for r in read.references]

    def store(session):
        stored = refs.store_references(session, references=rows)
        marked = prior.mark_for_references(session, reference_ids=stored.added + stored.updated)
        return stored, marked

    if rows:
        stored, out.marked = write(engine, store)
        out.added, out.updated, out.unchanged = len(stored.added), len(stored.updated), stored.unchanged
    return out
