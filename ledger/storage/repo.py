"""Repository functions: keyword-only, each taking the session it works in.

Nothing here commits; the caller owns the transaction (see ``db.session_scope``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from ledger.errors import ClaimNotFound
from ledger.storage.models import (
    Claim,
    ClaimCreate,
    Document,
    DocumentCreate,
    Review,
    ReviewCreate,
    Speaker,
    Status,
)
from ledger.storage.types import utcnow

# ------------------------------------------------------------------ documents


def get_document_by_hash(session: Session, *, content_hash: str) -> Document | None:
    return session.exec(select(Document).where(Document.content_hash == content_hash)).first()


def create_document(session: Session, *, document: DocumentCreate) -> Document:
    row = Document.model_validate(document)
    session.add(row)
    session.flush()
    return row


# ------------------------------------------------------------------ speakers


def get_or_create_speaker(session: Session, *, name: str, role: str | None = None) -> Speaker:
    """The one row for canonical ``name``; a role learnt later fills an empty one."""
    row = session.exec(select(Speaker).where(Speaker.name == name)).first()
    if row is None:
        row = Speaker(name=name, role=role)
        session.add(row)
        session.flush()
    elif role and not row.role:
        row.role = role
        session.add(row)
    return row


# ------------------------------------------------------------------ claims


def create_claims(session: Session, *, document_id: int, claims: list[ClaimCreate]) -> list[Claim]:
    rows = []
    speakers: dict[str, Speaker] = {}
    for c in claims:
        speaker_id = None
        if c.speaker_name:
            sp = speakers.get(c.speaker_name) or get_or_create_speaker(
                session, name=c.speaker_name, role=c.speaker_role
            )
            speakers[c.speaker_name] = sp
            speaker_id = sp.id
        row = Claim.model_validate(
            c.model_dump(exclude={"speaker_name", "speaker_role"}),
            update={"document_id": document_id, "speaker_id": speaker_id},
        )
        session.add(row)
        rows.append(row)
    session.flush()
    return rows


def get_claim(session: Session, *, claim_id: int) -> Claim:
    row = session.get(Claim, claim_id)
    if row is None:
        raise ClaimNotFound(claim_id)
    return row


@dataclass(frozen=True)
class ClaimFilter:
    status: tuple[str, ...] = ()
    speaker: str | None = None  # case-insensitive substring of the canonical name
    outlet: str | None = None  # case-insensitive substring
    since: datetime | None = None  # document published at or after
    until: datetime | None = None  # document published before
    document_id: int | None = None


def claim_rows(
    session: Session, *, where: ClaimFilter, limit: int | None = None, offset: int = 0, after_id: int | None = None
):
    """(Claim, Document, Speaker | None) rows matching ``where``, oldest claim first.

    ``after_id`` pages by key (claims with a larger id), which stays fast deep in a big ledger.
    """
    stmt = (
        select(Claim, Document, Speaker)
        .join(Document, Document.id == Claim.document_id)
        .outerjoin(Speaker, Speaker.id == Claim.speaker_id)
    )
    if where.status:
        stmt = stmt.where(col(Claim.status).in_(where.status))
    if where.speaker:
        stmt = stmt.where(func.lower(Speaker.name).contains(where.speaker.lower()))
    if where.outlet:
        stmt = stmt.where(func.lower(Document.outlet).contains(where.outlet.lower()))
    if where.since:
        stmt = stmt.where(Document.published >= where.since)
    if where.until:
        stmt = stmt.where(Document.published < where.until)
    if where.document_id is not None:
        stmt = stmt.where(Claim.document_id == where.document_id)
    if after_id is not None:
        stmt = stmt.where(col(Claim.id) > after_id)
    stmt = stmt.order_by(col(Claim.id)).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return session.exec(stmt).all()


# ------------------------------------------------------------------ reviews


def add_review(session: Session, *, review: ReviewCreate) -> Review:
    """Append a verdict and make it the claim's current status, in the caller's transaction."""
    claim = get_claim(session, claim_id=review.claim_id)
    row = Review.model_validate(review, update={"previous_status": claim.status})
    session.add(row)
    claim.status = review.verdict
    claim.updated_at = utcnow()
    session.add(claim)
    session.flush()
    return row


def reviews_of(session: Session, *, claim_ids: list[int]) -> dict[int, list[Review]]:
    """Each claim's reviews, oldest first."""
    out: dict[int, list[Review]] = {i: [] for i in claim_ids}
    if not claim_ids:
        return out
    for chunk in range(0, len(claim_ids), 500):
        ids = claim_ids[chunk : chunk + 500]
        stmt = select(Review).where(col(Review.claim_id).in_(ids)).order_by(col(Review.claim_id), col(Review.id))
        for r in session.exec(stmt):
            out[r.claim_id].append(r)
    return out


# ------------------------------------------------------------------ stats


def count_by(session: Session, *, field: str) -> list[tuple[str | None, str, int]]:
    """(group, status, count) for ``field`` in {"status", "outlet", "speaker"}."""
    group = {"status": Claim.status, "outlet": Document.outlet, "speaker": Speaker.name}[field]
    stmt = (
        select(group, Claim.status, func.count())
        .select_from(Claim)
        .join(Document, Document.id == Claim.document_id)
        .outerjoin(Speaker, Speaker.id == Claim.speaker_id)
        .group_by(group, Claim.status)
    )
    return [(g, s, n) for g, s, n in session.exec(stmt)]


def totals(session: Session) -> dict[str, int]:
    return {
        "documents": session.exec(select(func.count()).select_from(Document)).one(),
        "claims": session.exec(select(func.count()).select_from(Claim)).one(),
        "speakers": session.exec(select(func.count()).select_from(Speaker)).one(),
        "reviews": session.exec(select(func.count()).select_from(Review)).one(),
    }


__all__ = [
    "ClaimFilter",
    "Status",
    "add_review",
    "claim_rows",
    "count_by",
    "create_claims",
    "create_document",
    "get_claim",
    "get_document_by_hash",
    "get_or_create_speaker",
    "reviews_of",
    "totals",
]
