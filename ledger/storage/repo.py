"""Repository functions: keyword-only, each taking the session it works in.

Nothing here commits; the caller owns the transaction (see ``db.session_scope``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime, timedelta

from sqlalchemy import bindparam, case, delete, func, insert, or_, union_all, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from ledger.errors import ClaimNotFound
from ledger.storage.models import (
    Claim,
    ClaimCreate,
    ClaimLink,
    Document,
    DocumentCreate,
    Lease,
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


def speaker_ids(session: Session, *, speakers: dict[str, str | None]) -> dict[str, int]:
    """Ids for canonical names (``{name: role}``), creating the missing ones: one query for
    all of a document's speakers instead of one each."""
    if not speakers:
        return {}
    table = Speaker.__table__
    found = {name: (sid, role) for sid, name, role in session.execute(
        select(table.c.id, table.c.name, table.c.role).where(table.c.name.in_(list(speakers))))}
    missing = [{"name": n, "role": r} for n, r in speakers.items() if n not in found]
    for values in missing:
        found[values["name"]] = (session.execute(insert(table).values(**values)).inserted_primary_key[0], values["role"])
    for name, role in speakers.items():
        sid, known_role = found[name]
        if role and not known_role:
            session.execute(update(table).where(table.c.id == sid).values(role=role))
    return {name: sid for name, (sid, _) in found.items()}


# ------------------------------------------------------------------ claims


def create_claims(session: Session, *, document_id: int, claims: list[ClaimCreate | dict]) -> int:
    """Insert a document's claims in one statement; returns how many.

    Bulk Core inserts: a batch of articles holds thousands of claims, and building an
    ORM object per claim made the single writer the bottleneck of a parallel add.
    """
    if not claims:
        return 0
    now = utcnow()
    rows, wanted = [], {}
    for c in claims:
        values = c.model_dump() if isinstance(c, ClaimCreate) else dict(c)
        name, role = values.pop("speaker_name", None), values.pop("speaker_role", None)
        if name and (name not in wanted or (role and not wanted[name])):
            wanted[name] = role
        values["_speaker"] = name
        values.update(document_id=document_id, status=Status.pending.value, created_at=now, updated_at=now)
        rows.append(values)
    ids = speaker_ids(session, speakers=wanted)
    for values in rows:
        name = values.pop("_speaker")
        values["speaker_id"] = ids[name] if name else None
    session.execute(insert(Claim), rows)
    return len(rows)


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
    session: Session,
    *,
    where: ClaimFilter,
    limit: int | None = None,
    offset: int = 0,
    after_id: int | None = None,
    order: str = "oldest",
    first_appearance_only: bool = False,
):
    """(Claim, Document, Speaker | None) rows matching ``where``.

    ``order``: "oldest" (claim id) or "worthiness" (highest score first, then oldest).
    ``after_id`` pages by key (claims with a larger id), which stays fast deep in a big
    ledger. ``first_appearance_only`` shows a claim that appears in several documents once:
    the oldest of its appearances that match.
    """
    stmt = (
        select(Claim, Document, Speaker)
        .join(Document, Document.id == Claim.document_id)
        .outerjoin(Speaker, Speaker.id == Claim.speaker_id)
    )
    stmt = _filtered(stmt, where)
    if first_appearance_only:
        earlier = aliased(Claim)
        clash = select(earlier.id).where(earlier.group_id == Claim.group_id, earlier.id < Claim.id)
        if where.status:
            clash = clash.where(col(earlier.status).in_(where.status))
        stmt = stmt.where(or_(col(Claim.group_id).is_(None), ~clash.exists()))
    if after_id is not None:
        stmt = stmt.where(col(Claim.id) > after_id)
    if order == "worthiness":
        stmt = stmt.order_by(col(Claim.worthiness).desc(), col(Claim.id))
    else:
        stmt = stmt.order_by(col(Claim.id))
    stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return session.exec(stmt).all()


def _filtered(stmt, where: ClaimFilter):
    """``stmt`` (which joins Claim, Document and Speaker) narrowed to ``where``."""
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
    return stmt


def report_rows(session: Session, *, where: ClaimFilter, page: int = 5000):
    """The audit report's rows (a tuple per claim, in ``REPORT_FIELDS`` order), streamed
    oldest first in one query: claim, quantity, speaker, document and latest review."""
    latest = (
        select(func.max(Review.id)).where(Review.claim_id == Claim.id).correlate(Claim).scalar_subquery()
    )
    count = select(func.count()).where(Review.claim_id == Claim.id).correlate(Claim).scalar_subquery()
    other = aliased(Claim)
    appearances = case(
        (col(Claim.group_id).is_(None), 1),
        else_=select(func.count()).where(other.group_id == Claim.group_id).correlate(Claim).scalar_subquery(),
    )
    conflicts = (
        select(func.count()).select_from(ClaimLink)
        .where(ClaimLink.kind == "conflict", or_(ClaimLink.claim_id == Claim.id, ClaimLink.other_id == Claim.id))
        .correlate(Claim).scalar_subquery()
    )
    last = Review.__table__.alias("last_review")
    stmt = (
        select(
            Claim.id, Claim.status, Claim.text,
            func.substr(Document.text, Claim.sentence_start + 1, Claim.sentence_end - Claim.sentence_start),
            Claim.q_surface, Claim.q_value, Claim.q_value_max, Claim.q_unit, Claim.q_change, Claim.q_concept,
            Speaker.name, Speaker.role, Claim.cue, Document.title, Document.outlet, Document.url,
            Document.published, Claim.created_at, last.c.reviewer, last.c.created_at, last.c.note,
            last.c.evidence_url, count, Document.flags, appearances, conflicts, Claim.worthiness,
        )
        .select_from(Claim)
        .join(Document, Document.id == Claim.document_id)
        .outerjoin(Speaker, Speaker.id == Claim.speaker_id)
        .outerjoin(last, last.c.id == latest)
    )
    stmt = _filtered(stmt, where).order_by(col(Claim.id))
    return session.execute(stmt.execution_options(yield_per=page))


# ------------------------------------------------------------------ reviews


def lock_claim(session: Session, *, claim_id: int) -> Claim:
    """The claim, row-locked until the transaction ends (PostgreSQL; SQLite's write
    transaction already excludes other writers), so verdicts on it queue up in order."""
    row = session.exec(
        select(Claim).where(Claim.id == claim_id).with_for_update().execution_options(populate_existing=True)
    ).first()
    if row is None:
        raise ClaimNotFound(claim_id)
    return row


def add_review(session: Session, *, review: ReviewCreate) -> Review:
    """Append a verdict and make it the claim's current status, in the caller's transaction.

    The claim row is locked first, so the review ids of one claim follow the order in which
    their transactions commit and the status is always that of the latest review."""
    from ledger.storage import chain

    claim = lock_claim(session, claim_id=review.claim_id)
    chain.lock_chain(session)
    row = Review.model_validate(review, update={"previous_status": claim.status})
    session.add(row)
    claim.status = review.verdict
    claim.updated_at = utcnow()
    session.add(claim)
    session.flush()
    chain.append(session, row)
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


# ------------------------------------------------------------------ appearances and conflicts


def numeric_claims_of(session: Session, *, document_id: int) -> list:
    """Rows (the columns matching needs) of the document's claims that have a value and a unit."""
    stmt = (
        select(Claim.id, Claim.document_id, Claim.group_id, Claim.start, Claim.text, Claim.q_start, Claim.q_end,
               Claim.q_value, Claim.q_unit, Claim.q_change, Claim.q_concept)
        .where(Claim.document_id == document_id, col(Claim.q_value).is_not(None), col(Claim.q_unit).is_not(None))
        .order_by(col(Claim.id))
    )
    return list(session.connection().execute(stmt))


@lru_cache(maxsize=2)
def _candidate_statement(bare_numbers: bool):
    """One UNION ALL of the nearest values above and below, for the units and (optionally)
    for bare numbers, built once: one round trip per figure, each part read in index order."""
    base = (
        select(Claim.id, Claim.document_id, Claim.group_id, Claim.start, Claim.text, Claim.q_start, Claim.q_end,
               Claim.q_value, Claim.q_unit, Claim.q_change, Claim.q_concept, Document.published, Document.title)
        .join(Document, Document.id == Claim.document_id)
        .where(Claim.document_id != bindparam("doc"))
    )
    filters = [col(Claim.q_unit).in_(bindparam("units", expanding=True))]
    if bare_numbers:
        filters.append(col(Claim.q_unit).is_(None))
    parts = []
    for unit_filter in filters:
        scoped = base.where(unit_filter)
        parts.append(scoped.where(col(Claim.q_value) >= bindparam("value"), col(Claim.q_value) <= bindparam("high"))
                     .order_by(col(Claim.q_value)).limit(bindparam("n")).subquery())
        parts.append(scoped.where(col(Claim.q_value) < bindparam("value"), col(Claim.q_value) >= bindparam("low"))
                     .order_by(col(Claim.q_value).desc()).limit(bindparam("n")).subquery())
    return union_all(*(select(*part.c) for part in parts))


def figure_candidates(
    session: Session,
    *,
    units: tuple[str, ...],
    value: float,
    low: float,
    high: float,
    exclude_document: int,
    each_side: int = 8,
    bare_numbers: bool = False,
) -> list:
    """Rows (id, document_id, group_id, start, text, q_start, q_end, q_value, q_unit,
    q_change, q_concept, published, title) of claims elsewhere in one of ``units`` (and,
    with ``bare_numbers``, with no unit) whose values are nearest ``value`` within
    [low, high]: ``each_side`` at or above it and below it, read in index order
    (ix_claims_unit_value) so the work per figure stays bounded however big the ledger."""
    params = {"doc": exclude_document, "units": list(units), "value": value, "low": low, "high": high,
              "n": each_side}
    return list(session.connection().execute(_candidate_statement(bare_numbers), params))


def set_groups(session: Session, *, groups: dict[int, int]) -> None:
    """Put each claim id (key) in the appearance group (value), in one statement."""
    if groups:
        table = Claim.__table__
        session.execute(
            update(table).where(table.c.id == bindparam("cid")).values(group_id=bindparam("gid")),
            [{"cid": c, "gid": g} for c, g in groups.items()],
        )


def add_links(session: Session, *, links: list[dict]) -> None:
    """Insert claim links ({claim_id, other_id, kind}) in one statement."""
    if links:
        now = utcnow()
        session.execute(insert(ClaimLink), [{**link, "created_at": now} for link in links])


def links_of(session: Session, *, claim_ids: list[int]) -> list[ClaimLink]:
    if not claim_ids:
        return []
    stmt = select(ClaimLink).where(or_(col(ClaimLink.claim_id).in_(claim_ids), col(ClaimLink.other_id).in_(claim_ids)))
    return list(session.exec(stmt.order_by(col(ClaimLink.id))))


def conflict_rows(session: Session, *, kinds: tuple[str, ...]):
    """(link, claim, its document, other claim, its document) for links of ``kinds``."""
    a, b = aliased(Claim), aliased(Claim)
    da, db = aliased(Document), aliased(Document)
    stmt = (
        select(ClaimLink, a, da, b, db)
        .join(a, a.id == ClaimLink.claim_id).join(da, da.id == a.document_id)
        .join(b, b.id == ClaimLink.other_id).join(db, db.id == b.document_id)
        .where(col(ClaimLink.kind).in_(kinds))
        .order_by(col(ClaimLink.id).desc())
    )
    return list(session.exec(stmt))


def group_sizes(session: Session, *, group_ids: list[int]) -> dict[int, int]:
    """How many claims each group holds."""
    if not group_ids:
        return {}
    stmt = select(Claim.group_id, func.count()).where(col(Claim.group_id).in_(group_ids)).group_by(Claim.group_id)
    return {g: n for g, n in session.exec(stmt)}


def claims_with_documents(session: Session, *, claim_ids: list[int]) -> dict[int, tuple[Claim, Document]]:
    if not claim_ids:
        return {}
    stmt = select(Claim, Document).join(Document, Document.id == Claim.document_id).where(col(Claim.id).in_(claim_ids))
    return {c.id: (c, d) for c, d in session.exec(stmt)}


def group_members(session: Session, *, group_ids: list[int]) -> dict[int, list[int]]:
    """The claim ids of each group."""
    out: dict[int, list[int]] = {}
    if group_ids:
        for cid, gid in session.exec(select(Claim.id, Claim.group_id).where(col(Claim.group_id).in_(group_ids))):
            out.setdefault(gid, []).append(cid)
    return out


def appearances_of(session: Session, *, claim: Claim) -> list[tuple[Claim, Document]]:
    """Every appearance of the claim (itself included), oldest first."""
    if claim.group_id is None:
        return [(claim, session.get(Document, claim.document_id))]
    stmt = (
        select(Claim, Document).join(Document, Document.id == Claim.document_id)
        .where(Claim.group_id == claim.group_id).order_by(col(Claim.id))
    )
    return list(session.exec(stmt))


def rescore(session: Session, *, claim_ids: list[int], bonus) -> None:
    """worthiness = base score + ``bonus(appearances=, conflicts=)`` from the claims' links,
    for ``claim_ids`` in three queries whatever their number."""
    if not claim_ids:
        return
    conn = session.connection()  # Core: no ORM bookkeeping for these plain reads and writes
    claims = conn.execute(
        select(Claim.id, Claim.group_id, Claim.base_score).where(col(Claim.id).in_(claim_ids))
    ).all()
    groups = sorted({g for _, g, _ in claims if g is not None})
    docs_in_group = dict(conn.execute(
        select(Claim.group_id, func.count(func.distinct(Claim.document_id)))
        .where(col(Claim.group_id).in_(groups)).group_by(Claim.group_id)
    ).all()) if groups else {}
    conflicts: dict[int, int] = {}
    for a, b in conn.execute(
        select(ClaimLink.claim_id, ClaimLink.other_id).where(
            ClaimLink.kind == "conflict",
            or_(col(ClaimLink.claim_id).in_(claim_ids), col(ClaimLink.other_id).in_(claim_ids)))
    ):
        conflicts[a] = conflicts.get(a, 0) + 1
        conflicts[b] = conflicts.get(b, 0) + 1
    values = [
        {"cid": cid, "w": base + bonus(appearances=max(0, docs_in_group.get(g, 1) - 1), conflicts=conflicts.get(cid, 0))}
        for cid, g, base in claims
    ]
    conn.execute(
        update(Claim.__table__).where(Claim.__table__.c.id == bindparam("cid")).values(worthiness=bindparam("w")),
        values,
    )


# ------------------------------------------------------------------ leases


def take_lease(
    session: Session, *, reviewer: str, minutes: float, where: ClaimFilter, skip: tuple[int, ...] = ()
) -> Claim | None:
    """Lease the oldest pending claim matching ``where`` that no one else holds.

    PostgreSQL: the candidate is picked ``FOR UPDATE SKIP LOCKED``, so two reviewers
    asking at once lock different rows. SQLite: the caller's write transaction (BEGIN
    IMMEDIATE) excludes other writers; the lease itself is a conditional update or an
    insert that a primary key guards, so a claim is never leased twice either way.
    """
    now = utcnow()
    expires = now + timedelta(minutes=minutes)
    for _ in range(20):
        stmt = (
            select(Claim)
            .join(Document, Document.id == Claim.document_id)
            .outerjoin(Speaker, Speaker.id == Claim.speaker_id)
            .outerjoin(Lease, Lease.claim_id == Claim.id)
            .where(Claim.status == Status.pending.value)
            .where(or_(col(Lease.claim_id).is_(None), Lease.expires_at <= now, Lease.reviewer == reviewer))
        )
        stmt = _filtered(stmt, where)
        if skip:
            stmt = stmt.where(col(Claim.id).notin_(skip))
        stmt = stmt.order_by(col(Claim.worthiness).desc(), col(Claim.id)).limit(1)
        stmt = stmt.with_for_update(of=Claim, skip_locked=True)
        claim = session.exec(stmt).first()
        if claim is None:
            return None
        taken = session.execute(
            update(Lease)
            .where(Lease.claim_id == claim.id)
            .where(or_(Lease.expires_at <= now, Lease.reviewer == reviewer))
            .values(reviewer=reviewer, taken_at=now, expires_at=expires)
        ).rowcount
        if not taken:
            try:
                with session.begin_nested():
                    session.add(Lease(claim_id=claim.id, reviewer=reviewer, taken_at=now, expires_at=expires))
                taken = 1
            except IntegrityError:  # someone leased it between our look and our insert
                taken = 0
        if taken:
            return claim
        skip = (*skip, claim.id)
    return None


def release_lease(session: Session, *, claim_id: int, reviewer: str | None = None) -> None:
    stmt = delete(Lease).where(Lease.claim_id == claim_id)
    if reviewer is not None:
        stmt = stmt.where(Lease.reviewer == reviewer)
    session.execute(stmt)


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


def speaker_counts(session: Session) -> list[tuple[str, str | None, str, int]]:
    """(speaker name, role, status, claims) for every speaker with claims."""
    stmt = (
        select(Speaker.name, Speaker.role, Claim.status, func.count())
        .join(Claim, Claim.speaker_id == Speaker.id)
        .group_by(Speaker.name, Speaker.role, Claim.status)
    )
    return list(session.exec(stmt))


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
    "lock_claim",
    "release_lease",
    "report_rows",
    "rescore",
    "set_groups",
    "add_links",
    "reviews_of",
    "take_lease",
    "totals",
]
