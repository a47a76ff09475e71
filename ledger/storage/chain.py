"""The review hash chain: each review row carries a hash over its content and the
previous row's hash, so an edit, deletion or insertion made behind the ledger's back
(raw SQL, a restored backup) shows up when the chain is recomputed.

The chain runs over all reviews of a database in id order, starting from GENESIS. The
newest hash is also kept in ``audit_head`` (with the review id it covers), so deleting
the newest rows is caught too. Writers serialise on the chain: SQLite's write
transaction already excludes other writers; on PostgreSQL a transaction-scoped advisory
lock is taken before the head is read, so review ids follow chain order.

Since revision 0009 each review also hashes the fingerprint of its claim as it was
reviewed (storage/fingerprint.py), and the check compares it with the claim's stored
fingerprint: rewriting a reviewed claim and its fingerprint still breaks here.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Iterator

from sqlalchemy import text
from sqlmodel import Session, select

from ledger.storage.models import AuditHead, Claim, Review

GENESIS = "0" * 64
_ADVISORY_KEY = 0x1ED6E4  # any constant shared by all ledger writers


def _utc(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def review_hash(review, prev_hash: str) -> str:
    """sha256 over the previous hash and the review's content, canonically encoded.

    Two formulas, told apart by the row itself: reviews recorded since revision 0009 carry
    ``claim_fingerprint`` (the claim as reviewed, see storage/fingerprint.py) and it is
    hashed too; older reviews have it NULL and keep the formula they were chained with."""
    content = [review.id, review.claim_id, review.verdict, review.reviewer, review.note, review.evidence_url,
               review.previous_status, _utc(review.created_at)]
    claim_fingerprint = getattr(review, "claim_fingerprint", None)
    if claim_fingerprint is not None:
        content.append(claim_fingerprint)
    encoded = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}\n{encoded}".encode("utf-8")).hexdigest()


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


class ChainCheck:
    """Recomputes the chain (:meth:`problems`), then holds what it found: ``reviews``
    checked, the ``head`` hash reached, and whether ``expected_head`` (from a published
    report or ``ledger audit head``) is one of the chain's verified links."""

    def __init__(self, expected_head: str | None = None, explains=None):
        self.reviews, self.head, self.last_id = 0, GENESIS, None
        # explains(claim_id, fingerprint reviewed, current): a recorded correction moved it
        self.explains = explains or (lambda claim_id, reviewed, current: False)
        self.expected = expected_head
        self.found_expected = expected_head in (None, GENESIS)

    def problems(self, session: Session) -> Iterator[str]:
        """Each problem, in chain order; after one, the check goes on from the row's stored
        hash, so one edit is named once and the rows after it are still checked."""
        reviews, claims = Review.__table__, Claim.__table__
        stmt = (select(reviews, claims.c.fingerprint.label("current_claim_fingerprint"))
                .select_from(reviews).outerjoin(claims, claims.c.id == reviews.c.claim_id)
                .order_by(reviews.c.id).execution_options(yield_per=2000))
        for review in session.connection().execute(stmt):
            self.reviews += 1
            yield from self._link(review)
        yield from self._recorded_head(session)

    def _link(self, review) -> Iterator[str]:
        if review.hash is None:
            yield f"review {review.id}: not in the chain (inserted out of band)"
            return
        if review.prev_hash != self.head:
            yield (f"review {review.id}: does not follow review {self.last_id or 'genesis'} (a review before it"
                   " was deleted or inserted out of band)")
        elif review_hash(review, self.head) != review.hash:
            yield f"review {review.id}: content altered since it was recorded"
        elif review.hash == self.expected:
            self.found_expected = True
        if (review.claim_fingerprint is not None and review.claim_fingerprint != review.current_claim_fingerprint
                and not self.explains(review.claim_id, review.claim_fingerprint, review.current_claim_fingerprint)):
            yield f"review {review.id}: claim {review.claim_id} is not the claim as it was reviewed (edited since)"
        self.head, self.last_id = review.hash, review.id

    def _recorded_head(self, session: Session) -> Iterator[str]:
        recorded = head(session)
        if recorded is not None and (recorded.hash != self.head or recorded.review_id != self.last_id):
            yield f"review {recorded.review_id}: the newest recorded review is missing (deleted out of band)"
        if recorded is None and self.reviews:
            yield "the chain head is missing (deleted out of band)"


def verify(session: Session) -> tuple[int, str, str | None]:
    """The chain alone: (reviews checked, head hash, first problem or None)."""
    check = ChainCheck()
    problems = list(check.problems(session))
    return check.reviews, check.head, problems[0] if problems else None
