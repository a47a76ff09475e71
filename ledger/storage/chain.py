"""The review hash chain: each review row carries a hash over its content and the
previous row's hash, so an edit, deletion or insertion made behind the ledger's back
(raw SQL, a restored backup) shows up when the chain is recomputed.

The chain runs over all reviews of a database in id order, starting from GENESIS. The
newest hash is also kept in ``audit_head`` (with the review id it covers), so deleting
the newest rows is caught too. Writers serialise on the chain: SQLite's write
transaction already excludes other writers; on PostgreSQL a transaction-scoped advisory
lock is taken before the head is read, so review ids follow chain order.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

from sqlalchemy import text
from sqlmodel import Session, col, select

from ledger.storage.models import AuditHead, Review

GENESIS = "0" * 64
_ADVISORY_KEY = 0x1ED6E4  # any constant shared by all ledger writers


def _utc(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def review_hash(review: Review, prev_hash: str) -> str:
    """sha256 over the previous hash and the review's content, canonically encoded."""
    content = json.dumps(
        [review.id, review.claim_id, review.verdict, review.reviewer, review.note, review.evidence_url,
         review.previous_status, _utc(review.created_at)],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(f"{prev_hash}\n{content}".encode("utf-8")).hexdigest()


def lock_chain(session: Session) -> None:
    """Hold the chain for this transaction (PostgreSQL; a no-op where writers are exclusive)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ADVISORY_KEY})


def head(session: Session) -> AuditHead | None:
    return session.get(AuditHead, 1)


def append(session: Session, review: Review) -> None:
    """Chain ``review`` (already flushed, so it has its id) onto the head, in the caller's
    transaction, which must hold :func:`lock_chain` since before the review was inserted."""
    current = head(session)
    prev = current.hash if current else GENESIS
    review.prev_hash = prev
    review.hash = review_hash(review, prev)
    session.add(review)
    if current is None:
        session.add(AuditHead(id=1, review_id=review.id, hash=review.hash))
    else:
        current.review_id, current.hash = review.id, review.hash
        session.add(current)


def verify(session: Session) -> tuple[int, str, str | None]:
    """Recompute the chain: (reviews checked, head hash, first problem or None)."""
    prev = GENESIS
    n = 0
    last_id = None
    for review in session.exec(select(Review).order_by(col(Review.id)).execution_options(yield_per=2000)):
        n += 1
        if review.hash is None:
            return n, prev, f"review {review.id}: not in the chain (inserted out of band)"
        if review.prev_hash != prev:
            return n, prev, f"review {review.id}: does not follow review {last_id or 'genesis'} (a review before it was deleted or inserted out of band)"
        if review_hash(review, prev) != review.hash:
            return n, prev, f"review {review.id}: content altered since it was recorded"
        prev, last_id = review.hash, review.id
    recorded = head(session)
    if recorded is not None and (recorded.hash != prev or recorded.review_id != last_id):
        return n, prev, f"review {recorded.review_id}: the newest recorded review is missing (deleted out of band)"
    if recorded is None and n:
        return n, prev, "the chain head is missing (deleted out of band)"
    return n, prev, None
