"""Checking the ledger against its fingerprints and its review hash chain."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import chain as chained

from sqlalchemy.engine import Engine

from ledger.storage import chain, fingerprint
from ledger.storage.db import session_scope

SHOWN = 10  # problems kept by name; the rest are counted


@dataclass(frozen=True)
class AuditResult:
    reviews: int
    head: str  # the recomputed head hash (of the reviews that verified)
    corrections: int = 0
    problems: tuple[str, ...] = ()  # the first SHOWN problems, in the order found
    more: int = 0  # problems found beyond those

    @property
    def problem(self) -> str | None:
        return self.problems[0] if self.problems else None

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(engine: Engine, *, expected_head: str | None = None) -> AuditResult:
    """Recompute the review chain and every document's, speaker's and claim's fingerprint,
    check each kept raw source against its SHA-256,
    and check each claim's status against its latest review; with ``expected_head`` (from
    a published report or ``ledger audit head``), also check that the ledger still holds
    the history that head was taken from. Reads the ledger a page at a time."""
    from ledger.storage.corrections import CorrectionCheck

    corrected = CorrectionCheck()
    check = chain.ChainCheck(expected_head, explains=corrected.explains)
    shown, more = [], 0
    with session_scope(engine) as session:
        for problem in chained(corrected.problems(session), check.problems(session),
                               fingerprint.document_problems(session),
                               fingerprint.source_problems(session), fingerprint.speaker_problems(session), fingerprint.claim_problems(session)):
            if len(shown) < SHOWN:
                shown.append(problem)
            else:
                more += 1
    if not check.found_expected:
        shown.insert(0, f"the chain head {expected_head[:12]}… is not in this ledger's chain")
    return AuditResult(reviews=check.reviews, head=check.head, problems=tuple(shown), more=more,
                       corrections=corrected.count)


@dataclass(frozen=True)
class Head:
    review_id: int | None  # the newest review (None: no reviews yet)
    hash: str
    reviews: int
    recorded_at: datetime | None  # when the newest review was recorded (UTC)


def current_head(engine: Engine) -> tuple[int | None, str]:
    """(newest review id, head hash) as recorded; the genesis hash for an empty ledger."""
    with session_scope(engine) as session:
        h = chain.head(session)
        return (h.review_id, h.hash) if h else (None, chain.GENESIS)


def head_summary(engine: Engine) -> Head:
    """The recorded chain head with what it covers, to keep a copy outside the database."""
    from sqlalchemy import func
    from sqlmodel import select

    from ledger.storage.models import Review

    with session_scope(engine) as session:
        h = chain.head(session)
        n = session.exec(select(func.count()).select_from(Review)).one()
        newest = session.get(Review, h.review_id) if h else None
        return Head(review_id=h.review_id if h else None, hash=h.hash if h else chain.GENESIS, reviews=n,
                    recorded_at=newest.created_at if newest else None)
