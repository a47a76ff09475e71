"""The review workflow: the pending queue, one claim in full, and recording verdicts."""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from ledger.errors import InputError
from ledger.storage import repo
from ledger.storage.models import VERDICTS, Review, ReviewCreate, Status
from ledger.workflow.views import ClaimView

VERDICT_NAMES = tuple(v.value for v in VERDICTS)
REOPEN = Status.pending.value  # a review row with this "verdict" puts the claim back in the queue
STATUS_NAMES = (*VERDICT_NAMES, REOPEN)


def list_claims(
    session: Session,
    *,
    where: repo.ClaimFilter,
    limit: int | None = None,
    offset: int = 0,
    after_id: int | None = None,
    with_reviews: bool = True,
    order: str = "oldest",
    first_appearance_only: bool = False,
) -> list[ClaimView]:
    rows = repo.claim_rows(session, where=where, limit=limit, offset=offset, after_id=after_id, order=order,
                           first_appearance_only=first_appearance_only)
    ids = [c.id for c, _, _ in rows]
    reviews = repo.reviews_of(session, claim_ids=ids) if with_reviews else {}
    sizes = repo.group_sizes(session, group_ids=sorted({c.group_id for c, _, _ in rows if c.group_id}))
    members = repo.group_members(session, group_ids=list(sizes))  # links of any appearance count
    links: dict[int, list] = {}
    for link in repo.links_of(session, claim_ids=sorted(set(ids) | {m for ms in members.values() for m in ms})):
        links.setdefault(link.claim_id, []).append(link)
        links.setdefault(link.other_id, []).append(link)

    def links_for(c) -> list:
        found = {}
        for member in members.get(c.group_id, [c.id]) if c.group_id else [c.id]:
            for link in links.get(member, []):
                found[link.id] = link
        return [found[k] for k in sorted(found)]

    sources = repo.sources_of(session, document_ids=[d.id for _, d, _ in rows])
    return [
        ClaimView(c, d, s, reviews.get(c.id, []), appearances=sizes.get(c.group_id, 1), links=links_for(c),
                  group=frozenset(members.get(c.group_id, ())) if c.group_id else frozenset(),
                  source=sources.get(d.id))
        for c, d, s in rows
    ]


def iter_claims(engine, *, where: repo.ClaimFilter, page: int = 2000):
    """Every claim matching ``where``, oldest first, read a page at a time."""
    from ledger.storage.db import session_scope

    after = None
    while True:
        with session_scope(engine) as session:
            views = list_claims(session, where=where, limit=page, after_id=after)
        yield from views
        if len(views) < page:
            return
        after = views[-1].id


def queue(
    session: Session, *, where: repo.ClaimFilter | None = None, limit: int | None = None, order: str = "worthiness"
) -> list[ClaimView]:
    """Pending claims, most check-worthy first (``order="oldest"``: oldest first); a claim
    that appears in several documents is listed once, with its count of appearances."""
    where = where or repo.ClaimFilter()
    where = repo.ClaimFilter(**{**where.__dict__, "status": (Status.pending.value,)})
    return list_claims(session, where=where, limit=limit, order=order, first_appearance_only=True)


def claim_view(session: Session, *, claim_id: int) -> ClaimView:
    claim = repo.get_claim(session, claim_id=claim_id)
    from ledger.storage.models import Document, Speaker

    document = session.get(Document, claim.document_id)
    speaker = session.get(Speaker, claim.speaker_id) if claim.speaker_id else None
    reviews = repo.reviews_of(session, claim_ids=[claim.id])[claim.id]
    appearances = repo.appearances_of(session, claim=claim)
    links = repo.links_of(session, claim_ids=[c.id for c, _ in appearances])
    view = ClaimView(claim, document, speaker, reviews, appearances=len(appearances), links=links, others=appearances,
                     source=repo.sources_of(session, document_ids=[document.id]).get(document.id))
    view.linked = repo.claims_with_documents(session, claim_ids=sorted({view.linked_id(link) for link in links}))
    return view


def views_of_document(engine, *, document_id: int) -> list[ClaimView]:
    """Every claim of one document as the claim object, in id order (what ``add`` created)."""
    from sqlmodel import select

    from ledger.storage.db import session_scope
    from ledger.storage.models import Claim

    with session_scope(engine) as session:
        ids = session.exec(select(Claim.id).where(Claim.document_id == document_id).order_by(Claim.id)).all()
        return [claim_view(session, claim_id=i) for i in ids]


@dataclass(frozen=True)
class VerdictResult:
    review: Review
    changed_since_shown: bool  # the claim's status moved between showing it and this verdict
    status_when_recorded: str


def record_verdict(
    session: Session,
    *,
    claim_id: int,
    verdict: str,
    reviewer: str,
    note: str | None = None,
    evidence_url: str | None = None,
    status_seen: str | None = None,
) -> VerdictResult:
    """Append a verdict to the claim's history and make it its current status. The verdict
    ``pending`` reopens the claim: a review row like any other, so the reopening is chained
    and audited, and the claim goes back to the queue.

    ``status_seen`` is the status the reviewer was shown; if the claim has moved on since,
    the verdict is still recorded and the result says so. ``evidence_url`` must be an
    http(s) link (:mod:`ledger.workflow.evidence`); anything else is an InputError.
    """
    if verdict not in STATUS_NAMES:
        raise InputError(f"invalid status {verdict!r}: choose one of {', '.join(STATUS_NAMES)}")
    if not reviewer or not reviewer.strip():
        raise InputError("a verdict needs a reviewer name")
    from ledger.workflow.evidence import check_evidence_url

    evidence_url = check_evidence_url(evidence_url)  # only http(s) links are stored as evidence
    before = repo.lock_claim(session, claim_id=claim_id).status
    review = repo.add_review(
        session,
        review=ReviewCreate(
            claim_id=claim_id, verdict=verdict, reviewer=reviewer.strip(), note=note or None, evidence_url=evidence_url or None
        ),
    )
    repo.release_lease(session, claim_id=claim_id)  # a verdict ends the lease, whoever held it
    if verdict != Status.pending.value:  # a checked claim: later claims are matched against it
        from ledger.storage.references import index_checked

        index_checked(session, claim_id=claim_id)
    changed = status_seen is not None and status_seen != before
    return VerdictResult(review=review, changed_since_shown=changed, status_when_recorded=before)


def undo_review(session: Session, *, review_id: int, reviewer: str, note: str | None = None) -> VerdictResult:
    """Undo a claim's latest review: a new review row that restores the status the claim had
    before it (nothing is deleted; the history shows the verdict and its undoing). Only the
    latest review of a claim can be undone, so undoing twice walks back one step at a time."""
    from sqlalchemy import func
    from sqlmodel import select

    review = session.get(Review, review_id)
    if review is None:
        raise InputError(f"review {review_id}: no such review (`ledger show CLAIM_ID` lists a claim's reviews)")
    repo.lock_claim(session, claim_id=review.claim_id)
    latest = session.exec(select(func.max(Review.id)).where(Review.claim_id == review.claim_id)).one()
    if latest != review.id:
        raise InputError(f"review {review_id} is not the latest review of claim {review.claim_id} (review {latest}"
                         f" is); undo that one first")
    why = f"undo of review {review_id} ({review.verdict} by {review.reviewer})"
    return record_verdict(session, claim_id=review.claim_id, verdict=review.previous_status, reviewer=reviewer,
                          note=f"{why}: {note}" if note else why)


def undo(engine, **kwargs) -> VerdictResult:
    """:func:`undo_review` in its own write transaction, retried under contention."""
    from ledger.storage.db import write

    return write(engine, lambda session: undo_review(session, **kwargs))


DEFAULT_LEASE_MINUTES = 15.0


def new_holder() -> str:
    """A token for one review session: the leases it takes are its own."""
    import uuid

    return uuid.uuid4().hex


def take_next(
    engine,
    *,
    reviewer: str,
    holder: str | None = None,
    where: repo.ClaimFilter | None = None,
    skip: tuple[int, ...] = (),
    minutes: float = DEFAULT_LEASE_MINUTES,
) -> ClaimView | None:
    """Lease the next pending claim for the review session ``holder`` (see
    :func:`new_holder`; without one, this call is a session of its own) of ``reviewer``
    and return it in full (or None).

    Two sessions asking at once get different claims, whether or not their reviewer's
    name is the same; a lease lapses after ``minutes`` if its session vanishes.
    """
    from ledger.storage.db import write

    holder = holder or new_holder()

    def work(session: Session) -> int | None:
        claim = repo.take_lease(session, reviewer=reviewer, holder=holder, minutes=minutes,
                                where=where or repo.ClaimFilter(), skip=skip)
        return claim.id if claim else None

    claim_id = write(engine, work)
    if claim_id is None:
        return None
    from ledger.storage.db import session_scope

    with session_scope(engine) as session:
        return claim_view(session, claim_id=claim_id)


def release(engine, *, claim_id: int, holder: str | None = None, reviewer: str | None = None) -> None:
    """End the lease on the claim held by the review session ``holder`` (skip or quit);
    without a holder, the one held by ``reviewer``."""
    from ledger.storage.db import write

    write(engine, lambda session: repo.release_lease(session, claim_id=claim_id, holder=holder, reviewer=reviewer))


def verdict(engine, **kwargs) -> VerdictResult:
    """:func:`record_verdict` in its own write transaction, retried under contention."""
    from ledger.storage.db import write

    return write(engine, lambda session: record_verdict(session, **kwargs))


def appearance_ids(engine, *, claim_id: int) -> list[int]:
    """The ids of every appearance of the claim, itself included, oldest first."""
    from ledger.storage.db import session_scope

    with session_scope(engine) as session:
        claim = repo.get_claim(session, claim_id=claim_id)
        return [c.id for c, _ in repo.appearances_of(session, claim=claim)]


def conflict_pairs(session: Session, *, include_updates: bool = True, where: repo.ClaimFilter | None = None,
                   limit: int | None = None) -> list[dict]:
    """Every pair of claims whose figures disagree ("conflict") or that form a series
    ("update"), newest link first, each side with its source and date. With ``where``,
    the pairs of which either side has the status, outlet, document or date asked for;
    ``limit``: the first so many."""
    from ledger.workflow.views import published_as_stated

    kinds = ("conflict", "update") if include_updates else ("conflict",)
    named = where is not None and (where.speaker or where.search)
    allowed = repo.claim_ids_matching(session, where=where) if named else None
    out = []
    for link, a, da, b, db in repo.conflict_rows(session, kinds=kinds):
        if where is not None and not (_side_matches(a, da, where, allowed) or _side_matches(b, db, where, allowed)):
            continue
        if limit is not None and len(out) >= limit:
            break
        side = lambda c, d: {  # noqa: E731
            "id": c.id, "status": c.status, "surface": c.q_surface, "value": c.q_value, "unit": c.q_unit,
            "text": c.text, "title": d.title, "outlet": d.outlet, "url": d.url, "published": published_as_stated(d),
        }
        out.append({"kind": link.kind, "claim": side(a, da), "other": side(b, db)})
    return out


def _side_matches(claim, document, where: repo.ClaimFilter, allowed: set[int] | None = None) -> bool:
    if allowed is not None and claim.id not in allowed:
        return False
    if where.status and claim.status not in where.status:
        return False
    if where.outlet and where.outlet.lower() not in (document.outlet or "").lower():
        return False
    if where.document_id is not None and claim.document_id != where.document_id:
        return False
    published = document.published
    if where.since and (published is None or published < where.since):
        return False
    return not (where.until and (published is None or published >= where.until))


def speaker_table(session: Session, *, sort: str = "total", where: repo.ClaimFilter | None = None) -> list[dict]:
    """Per speaker: claims by status and how often their figures were disputed.

    ``disputed_rate`` is disputed / reviewed (verified + disputed + unverified), None
    before any review."""
    rows: dict[int, dict] = {}
    for sid, name, role, status, n in repo.speaker_counts(session, where=where):
        r = rows.setdefault(sid, {"id": sid, "speaker": name, "role": role, "total": 0, "pending": 0, "verified": 0,
                                  "disputed": 0, "unverified": 0})
        r[status] = r.get(status, 0) + n
        r["total"] += n
    aliases = repo.speaker_aliases(session, speaker_ids=sorted(rows))
    for sid, r in rows.items():
        reviewed = r["verified"] + r["disputed"] + r["unverified"]
        r["disputed_rate"] = round(r["disputed"] / reviewed, 3) if reviewed else None
        named = aliases.get(sid, [])
        # the other names documents gave them, and the roles they gave them
        r["aliases"] = sorted({a for a, _ in named if a != r["speaker"]})
        r["roles"] = sorted({role for _, role in named if role})
    keys = {
        "total": lambda r: (-r["total"], r["speaker"]),
        "disputed": lambda r: (-r["disputed"], -r["total"], r["speaker"]),
        "disputed-rate": lambda r: (-(r["disputed_rate"] or 0), -r["disputed"], r["speaker"]),
        "name": lambda r: r["speaker"].lower(),
    }
    return sorted(rows.values(), key=keys[sort])


def iter_claim_views(engine, *, where: repo.ClaimFilter):
    """Every claim matching ``where`` in full (appearances loaded), oldest first."""
    from ledger.storage.db import session_scope

    for view in iter_claims(engine, where=where):
        with session_scope(engine) as session:
            yield claim_view(session, claim_id=view.id)
