"""Repository functions for imported ClaimReviews and for the prior-check indexes.

Keyword-only, each taking the session it works in; nothing here commits.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, func, update
from sqlmodel import Session, col, select

from ledger.storage import search
from ledger.storage.models import Claim, Document, ReferenceCreate, ReferenceReview, Review, Speaker, Status
from ledger.storage.types import utcnow

_COMPARED = ("claim_text", "claimant", "claimant_type", "claim_date", "review_date", "publisher", "rating",
             "rating_value", "best_rating", "worst_rating", "url", "appearances")


@dataclass
class Stored:
    added: list[int]
    updated: list[int]  # the same review imported again with something changed (a new rating)
    unchanged: int


def store_references(session: Session, *, references: list[ReferenceCreate]) -> Stored:
    """Insert new references and update those already held (same ``key``), indexing both."""
    out = Stored([], [], 0)
    keys = [r.key for r in references]
    held = {r.key: r for r in session.exec(select(ReferenceReview).where(col(ReferenceReview.key).in_(keys)))} \
        if keys else {}
    fresh: list[ReferenceReview] = []
    for r in references:
        old = held.get(r.key)
        if old is None:
            row = ReferenceReview(**r.model_dump())
            session.add(row)
            held[r.key] = row
            fresh.append(row)
            continue
        if old in fresh or all(getattr(old, f) == getattr(r, f) for f in _COMPARED):
            out.unchanged += 1
            continue
        for f, value in r.model_dump().items():
            setattr(old, f, value)
        old.updated_at = utcnow()
        out.updated.append(old.id)
    session.flush()
    out.added = [row.id for row in fresh]
    if out.updated:
        search.unindex(session, search.REFERENCES, ids=out.updated)
    changed = set(out.added) | set(out.updated)
    search.index_rows(session, search.REFERENCES, rows=[
        (row.id, row.claim_text, row.claimant) for row in held.values() if row.id in changed])
    return out


def references(session: Session, *, ids: list[int] | None = None, words: str | None = None,
               publisher: str | None = None, limit: int | None = None, offset: int = 0) -> list[ReferenceReview]:
    """References by id, or matching every word of ``words`` and the publisher's name
    (a case-insensitive part of it), oldest import first."""
    stmt = select(ReferenceReview)
    if ids is not None:
        stmt = stmt.where(col(ReferenceReview.id).in_(ids))
    if words:
        found = search.found(session, search.REFERENCES, words=words)
        if found is None:
            return []
        stmt = stmt.where(col(ReferenceReview.id).in_(select(found.c.claim_id)))
    if publisher:
        stmt = stmt.where(func.lower(ReferenceReview.publisher).contains(publisher.lower(), autoescape=True))
    stmt = stmt.order_by(col(ReferenceReview.id)).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.exec(stmt))


def any_checked(session: Session) -> bool:
    """Whether there is anything to match new claims against (a reviewed claim or a reference)."""
    if session.exec(select(ReferenceReview.id).limit(1)).first() is not None:
        return True
    return session.exec(select(Claim.id).where(Claim.status != Status.pending.value).limit(1)).first() is not None


def index_checked(session: Session, *, claim_id: int) -> None:
    """Put a claim that has just had a verdict in the checked index (once)."""
    if search.indexed(session, search.CHECKED, ids=[claim_id]):
        return
    row = session.exec(select(Claim.text, Speaker.name).outerjoin(Speaker, Speaker.id == Claim.speaker_id)
                       .where(Claim.id == claim_id)).first()
    if row is not None:
        search.index_rows(session, search.CHECKED, rows=[(claim_id, row[0], row[1])])


def checked_claims(session: Session, *, ids: list[int]) -> list[tuple[Claim, Document, Speaker | None, Review | None]]:
    """Claims with a verdict now, with their document, speaker and latest review."""
    if not ids:
        return []
    rows = session.exec(
        select(Claim, Document, Speaker).join(Document, Document.id == Claim.document_id)
        .outerjoin(Speaker, Speaker.id == Claim.speaker_id)
        .where(col(Claim.id).in_(ids), Claim.status != Status.pending.value,
               col(Document.removed_at).is_(None), col(Claim.superseded_at).is_(None))
    ).all()
    latest = {}
    if rows:
        newest = select(func.max(Review.id)).where(col(Review.claim_id).in_([c.id for c, _, _ in rows])) \
            .group_by(Review.claim_id)
        for r in session.exec(select(Review).where(col(Review.id).in_(newest))):
            latest[r.claim_id] = r
    return [(c, d, s, latest.get(c.id)) for c, d, s in rows]


def pending_claims(session: Session, *, ids: list[int]) -> list[tuple[Claim, Speaker | None]]:
    if not ids:
        return []
    return list(session.exec(
        select(Claim, Speaker).outerjoin(Speaker, Speaker.id == Claim.speaker_id).join(Document)
        .where(col(Claim.id).in_(ids), Claim.status == Status.pending.value,
               col(Document.removed_at).is_(None), col(Claim.superseded_at).is_(None))).all())


def set_priors(session: Session, *, marks: dict[int, tuple[str, int, float]]) -> None:
    """Record on each claim the earlier verdict it strongly matches: ``{claim_id: (kind, id, score)}``."""
    if not marks:
        return
    table = Claim.__table__
    session.connection().execute(
        update(table).where(table.c.id == bindparam("cid"))
        .values(prior_kind=bindparam("k"), prior_id=bindparam("p"), prior_score=bindparam("s")),
        [{"cid": c, "k": k, "p": p, "s": s} for c, (k, p, s) in marks.items()])
