"""Checking the ledger's review history against its hash chain."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from ledger.storage import chain
from ledger.storage.db import session_scope


@dataclass(frozen=True)
class AuditResult:
    reviews: int
    head: str  # the recomputed head hash (of the reviews that verified)
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify(engine: Engine, *, expected_head: str | None = None) -> AuditResult:
    """Recompute the chain; with ``expected_head`` (from an earlier report), also check
    that the ledger still holds the history that report was made from."""
    with session_scope(engine) as session:
        n, head, problem = chain.verify(session)
        if problem is None and expected_head and expected_head != head:
            from sqlmodel import select

            from ledger.storage.models import Review

            known = session.exec(select(Review.id).where(Review.hash == expected_head)).first()
            if known is None:
                problem = f"the report's chain head {expected_head[:12]}… is not in this ledger's chain"
    return AuditResult(reviews=n, head=head, problem=problem)


def current_head(engine: Engine) -> tuple[int | None, str]:
    """(newest review id, head hash) as recorded; the genesis hash for an empty ledger."""
    with session_scope(engine) as session:
        h = chain.head(session)
        return (h.review_id, h.hash) if h else (None, chain.GENESIS)
