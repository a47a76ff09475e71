"""Repository functions: keyword-only, each taking the session it works in.

Nothing here commits; the caller owns the transaction (see ``db.session_scope``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import bindparam, case, delete, func, insert, or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from ledger.errors import ClaimNotFound
from ledger.storage import fingerprint, search
from ledger.storage.models import (
    Claim,
    ClaimCreate,
    ClaimLink,
    Document,
    DocumentCreate,
    Lease,
    Review,
    ReviewCreate,
    Source,
    SourceCreate,
    Speaker,
    SpeakerAlias,
    Status,
)
from ledger.storage.types import utcnow

# ------------------------------------------------------------------ documents


def get_document_by_hash(session: Session, *, content_hash: str) -> Document | None:
    return session.exec(select(Document).where(Document.content_hash == content_hash)).first()


def known_hashes(session: Session, *, digests: list[str]) -> set[str]:
    """Which of the content hashes ``digests`` the ledger already holds (one query)."""
    if not digests:
        return set()
    table = Document.__table__
    return set(session.execute(select(table.c.content_hash).where(table.c.content_hash.in_(digests))).scalars())


def create_documents(session: Session, *, documents: list[DocumentCreate]) -> list[int]:
    """Insert documents in one statement; their ids, in the order given."""
    if not documents:
        return []
    now = utcnow()
    rows = [{**d.model_dump(), "ingested_at": now} for d in documents]
    for row in rows:
        row["fingerprint"] = fingerprint.document(row)
    return _insert_ids(session, Document.__table__, rows)


def _insert_ids(session: Session, table, rows: list[dict]) -> list[int]:
    """Insert ``rows`` in a few multi-row statements; their new ids, in the order given.

    PostgreSQL returns them in order when asked. SQLite cannot promise an order for
    RETURNING (SQLAlchemy then inserts row by row), but the writer holds the database's
    write lock, so each new rowid is one more than the last: sorted, they are in order."""
    if session.get_bind().dialect.name == "sqlite":
        return sorted(session.execute(insert(table).returning(table.c.id), rows).scalars())
    return list(session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).scalars())


# ------------------------------------------------------------------ speakers


def speaker_ids(session: Session, *, speakers: dict) -> dict:
    """Ids for speakers (``{name: role}``, or ``{(name, scope): role}``: see
    ``Speaker.scope``), creating the missing ones: one query for all of a batch's speakers
    instead of one each. The result is keyed as the argument."""
    if not speakers:
        return {}
    keyed = {(k if isinstance(k, tuple) else (k, "")): role for k, role in speakers.items()}
    table = Speaker.__table__
    found = {}
    names = sorted({n for n, _ in keyed})
    for first in range(0, len(names), 500):
        for sid, name, scope, role in session.execute(
            select(table.c.id, table.c.name, table.c.scope, table.c.role).where(table.c.name.in_(names[first:first + 500]))
        ):
            if (name, scope) in keyed:
                found[(name, scope)] = (sid, role)
    missing = [{"name": n, "scope": s, "role": r} for (n, s), r in keyed.items() if (n, s) not in found]
    for values in missing:
        values["fingerprint"] = fingerprint.speaker(values)
    for values, sid in zip(missing, _insert_ids(session, table, missing) if missing else []):
        found[(values["name"], values["scope"])] = (sid, values["role"])
    for (name, scope), role in keyed.items():
        sid, known_role = found[(name, scope)]
        if role and not known_role:  # a role is filled in once: the fingerprint follows
            new = {"name": name, "role": role}
            session.execute(update(table).where(table.c.id == sid).values(**new, fingerprint=fingerprint.speaker(new)))
    return {k: found[k if isinstance(k, tuple) else (k, "")][0] for k in speakers}


_SHORT = re.compile(r"[A-Z][\w'’-]+")


def short_forms(session: Session, *, names: list[str]) -> dict[str, str]:
    """The full names that one-word names stand for, across documents: "Schumer" is
    "Chuck Schumer" when exactly one known speaker's name ends with it (and no speaker is
    called "Schumer" itself). A safe match only: none, or several, and the name stays."""
    out: dict[str, str] = {}
    table = Speaker.__table__
    for name in names:
        if not _SHORT.fullmatch(name):
            continue
        if session.execute(select(table.c.id).where(table.c.name == name, table.c.scope == "")).first() is not None:
            continue
        found = list(session.execute(select(table.c.name).where(
            table.c.name.endswith(" " + name, autoescape=True), table.c.scope == "").limit(2)).scalars())
        if len(found) == 1 and found[0][:1].isupper():
            out[name] = found[0]
    return out


def _record_aliases(session: Session, *, aliases: dict[tuple[int, int, str], str | None]) -> None:
    """How each document named each speaker (``(speaker_id, document_id, alias): role``),
    those not recorded yet."""
    if not aliases:
        return
    t = SpeakerAlias.__table__
    documents = sorted({d for _, d, _ in aliases})
    held = set()
    for first in range(0, len(documents), 500):
        held.update(tuple(row) for row in session.execute(select(t.c.speaker_id, t.c.document_id, t.c.alias)
                                                          .where(t.c.document_id.in_(documents[first:first + 500]))))
    rows = [{"speaker_id": s, "document_id": d, "alias": a, "role": r}
            for (s, d, a), r in aliases.items() if (s, d, a) not in held]
    if rows:
        session.execute(insert(t), rows)


def speaker_aliases(session: Session, *, speaker_ids: list[int]) -> dict[int, list[tuple[str, str | None]]]:
    """``{speaker_id: [(alias, role), ...]}``: the names and roles documents gave them."""
    t = SpeakerAlias.__table__
    out: dict[int, list[tuple[str, str | None]]] = {}
    for first in range(0, len(speaker_ids), 500):
        for sid, alias, role in session.execute(
            select(t.c.speaker_id, t.c.alias, t.c.role).where(t.c.speaker_id.in_(speaker_ids[first:first + 500]))
            .distinct().order_by(t.c.speaker_id, t.c.alias)
        ):
            out.setdefault(sid, []).append((alias, role))
    return out


# ------------------------------------------------------------------ claims


def create_claims(session: Session, *, claims: list[tuple[int, list[ClaimCreate | dict]]]) -> list[list[int]]:
    """Insert the claims of several documents (``(document_id, claims)`` pairs) in one
    statement; the new ids, a list per document in the order given.

    Bulk Core inserts: a batch of articles holds thousands of claims, and building an
    ORM object per claim made the single writer the bottleneck of a parallel add.
    """
    now = utcnow()
    rows, wanted, sizes = [], {}, []
    for document_id, items in claims:
        sizes.append(len(items))
        for c in items:
            values = c.model_dump() if isinstance(c, ClaimCreate) else dict(c)
            name, role = values.pop("speaker_name", None), values.pop("speaker_role", None)
            key = (name, f"document:{document_id}" if values.pop("speaker_generic", False) else "") if name else None
            if key and (key not in wanted or (role and not wanted[key])):
                wanted[key] = role
            values["_speaker"], values["_role"] = key, role
            values.update(document_id=document_id, status=Status.pending.value, created_at=now, updated_at=now)
            rows.append(values)
    if not rows:
        return [[] for _ in sizes]
    canonical = {(short, ""): (full, "") for short, full in
                 short_forms(session, names=[n for n, scope in wanted if not scope]).items()}
    for short, full in canonical.items():
        role = wanted.pop(short)
        wanted[full] = wanted.get(full) or role
    ids = speaker_ids(session, speakers=wanted)
    documents = _document_fingerprints(session, document_ids=[d for d, _ in claims])
    names, aliases = [], {}
    for values in rows:
        said = values.pop("_speaker")
        key = canonical.get(said, said)
        name = key[0] if key else None
        names.append(name)
        if key:
            alias = (ids[key], values["document_id"], said[0])
            aliases[alias] = aliases.get(alias) or values.pop("_role", None)
        values.pop("_role", None)
        values["speaker_id"] = ids[key] if key else None
        values["fingerprint"] = fingerprint.claim(
            values, document_fingerprint=documents.get(values["document_id"]), speaker_name=name)
    new_ids = _insert_ids(session, Claim.__table__, rows)
    search.index_claims(session, rows=[(i, v["text"], n) for i, v, n in zip(new_ids, rows, names)])
    _record_aliases(session, aliases=aliases)
    out, at = [], 0
    for n in sizes:
        out.append(new_ids[at:at + n])
        at += n
    return out


def _document_fingerprints(session: Session, *, document_ids: list[int]) -> dict[int, str | None]:
    table, out = Document.__table__, {}
    ids = sorted(set(document_ids))
    for first in range(0, len(ids), 500):
        stmt = select(table.c.id, table.c.fingerprint).where(table.c.id.in_(ids[first:first + 500]))
        out.update((i, fp) for i, fp in session.execute(stmt))
    return out


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
    search: str | None = None  # words every matching claim's text or speaker holds (storage/search.py)


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

    ``order``: "oldest" (claim id), "newest", "worthiness" (highest score first, then
    oldest), "published" (newest document first) or "rank" (best search match first; with
    ``where.search`` only).
    ``after_id`` pages by key (claims with a larger id), which stays fast deep in a big
    ledger. ``first_appearance_only`` shows a claim that appears in several documents once:
    the oldest of its appearances that match.
    """
    stmt = (
        select(Claim, Document, Speaker)
        .join(Document, Document.id == Claim.document_id)
        .outerjoin(Speaker, Speaker.id == Claim.speaker_id)
    )
    only_search = where == ClaimFilter(search=where.search) and not first_appearance_only and after_id is None
    best = offset + limit if order == "rank" and only_search and limit is not None else None
    found = search.matches(session, words=where.search, best=best) if where.search else None
    stmt = _filtered(stmt, ClaimFilter(**{**where.__dict__, "search": None}))
    if where.search:
        if found is None:  # no word to look for: nothing matches
            return []
        stmt = stmt.join(found, found.c.claim_id == Claim.id)
    if first_appearance_only:
        earlier = aliased(Claim)
        clash = select(earlier.id).where(earlier.group_id == Claim.group_id, earlier.id < Claim.id)
        if where.status:
            clash = clash.where(col(earlier.status).in_(where.status))
        stmt = stmt.where(or_(col(Claim.group_id).is_(None), ~clash.exists()))
    if after_id is not None:
        stmt = stmt.where(col(Claim.id) > after_id)
    stmt = stmt.order_by(*_order(order, found))
    stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return session.exec(stmt).all()


ORDERS = ("oldest", "newest", "worthiness", "published", "rank")


def _order(order: str, found) -> list:
    if order == "rank" and found is not None:
        return [found.c.rank.desc(), col(Claim.id)]
    if order == "worthiness":
        return [col(Claim.worthiness).desc(), col(Claim.id)]
    if order == "newest":
        return [col(Claim.id).desc()]
    if order == "published":
        return [col(Document.published).desc().nulls_last(), col(Claim.id)]
    return [col(Claim.id)]


def _filtered(stmt, where: ClaimFilter, session: Session | None = None):
    """``stmt`` (which joins Claim, Document and Speaker) narrowed to ``where`` (a search
    needs the ``session``, whose engine decides how to search). The claims of a removed
    document (``doc rm``) and claims re-extraction superseded are never listed."""
    stmt = stmt.where(col(Document.removed_at).is_(None), col(Claim.superseded_at).is_(None))
    if where.status:
        stmt = stmt.where(col(Claim.status).in_(where.status))
    # autoescape: % and _ in what the user typed are letters, not LIKE wildcards (ESCAPE '/')
    if where.speaker:
        stmt = stmt.where(func.lower(Speaker.name).contains(where.speaker.lower(), autoescape=True))
    if where.outlet:
        stmt = stmt.where(func.lower(Document.outlet).contains(where.outlet.lower(), autoescape=True))
    if where.since:
        stmt = stmt.where(Document.published >= where.since)
    if where.until:
        stmt = stmt.where(Document.published < where.until)
    if where.document_id is not None:
        stmt = stmt.where(Claim.document_id == where.document_id)
    if where.search and session is not None:
        found = search.matches(session, words=where.search)
        stmt = stmt.where(col(Claim.id).in_(select(found.c.claim_id)) if found is not None else False)
    return stmt


def report_rows(session: Session, *, where: ClaimFilter, page: int = 5000):
    """The audit report's rows (a tuple per claim, in ``REPORT_FIELDS`` order, then the
    publication date's precision and offset), streamed oldest first in one query: claim,
    quantity, speaker, document and latest review."""
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
            func.coalesce(Source.final_url, Source.location, Document.source),
            Document.published, Claim.created_at, last.c.reviewer, last.c.created_at, last.c.note,
            last.c.evidence_url, count, Document.flags, appearances, conflicts, Claim.worthiness,
            Document.published_precision, Document.published_offset,  # after the columns: how to show published
        )
        .select_from(Claim)
        .join(Document, Document.id == Claim.document_id)
        .outerjoin(Speaker, Speaker.id == Claim.speaker_id)
        .outerjoin(Source, Source.document_id == Document.id)
        .outerjoin(last, last.c.id == latest)
    )
    stmt = _filtered(stmt, where, session).order_by(col(Claim.id))
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
    row = Review.model_validate(review, update={"previous_status": claim.status,
                                                "claim_fingerprint": claim.fingerprint})
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


FIGURE_COLUMNS = ("id", "document_id", "group_id", "start", "text", "q_start", "q_end", "q_value", "q_unit",
                  "q_change", "q_concept", "q_signature", "q_topic", "published", "title")
_COMPOUND_LIMIT = 480  # SQLite allows 500 terms in one compound SELECT


class Probe(NamedTuple):
    """Claims with this unit (None: a bare number) and a value in [low, high]."""

    unit: str | None
    value: float
    low: float
    high: float


def _placeholder(session: Session) -> str:
    style = session.get_bind().dialect.paramstyle
    if style == "qmark":
        return "?"
    if style in ("format", "pyformat"):
        return "%s"
    raise NotImplementedError(f"parameter style {style}")


def nearest_figures(
    session: Session, *, probes: list[Probe], each_side: int = 8
) -> dict[Probe, tuple[list[tuple], list[tuple]]]:
    """For each probe, ``(value, id, group_id)`` of the ``each_side`` claims nearest its
    value: those at or above it (by value, then id) and those below it (by value
    descending, then id descending), within [low, high].

    Each part reads the (q_unit, q_value) index in order and stops after ``each_side``
    rows, so the work per probe stays bounded however big the ledger; the probes of a whole
    batch of documents go in a few round trips (a UNION ALL of up to 480 parts each), as
    plain driver SQL: the statement differs every time, and compiling it cost more than
    running it.
    """
    probes = list(dict.fromkeys(probes))
    out: dict[Probe, tuple[list, list]] = {p: ([], []) for p in probes}
    mark, n = _placeholder(session), int(each_side)
    conn = session.connection()
    per_statement = _COMPOUND_LIMIT // 2
    for first in range(0, len(probes), per_statement):
        chunk = probes[first:first + per_statement]
        parts, params = [], []
        for k, probe in enumerate(chunk):
            unit = "q_unit IS NULL" if probe.unit is None else f"q_unit = {mark}"
            for side, (bounds, order, values) in enumerate((
                (f"q_value >= {mark} AND q_value <= {mark}", "q_value, id", (probe.value, probe.high)),
                (f"q_value < {mark} AND q_value >= {mark}", "q_value DESC, id DESC", (probe.value, probe.low)),
            )):
                parts.append(f"SELECT * FROM (SELECT {k} AS probe, {side} AS side, q_value, id, group_id FROM claims"
                             f" WHERE {unit} AND {bounds} ORDER BY {order} LIMIT {n}) AS p{k}_{side}")
                if probe.unit is not None:
                    params.append(probe.unit)
                params.extend(values)
        for k, side, value, cid, group in conn.exec_driver_sql(" UNION ALL ".join(parts), tuple(params)):
            out[chunk[k]][side].append((value, cid, group))
    return out


def figure_rows(session: Session, *, claim_ids: list[int]) -> list:
    """Rows (``FIGURE_COLUMNS``: the claim's text and quantity, its document's date and
    title) of the claims ``claim_ids``, for comparing their figures."""
    claims, documents = Claim.__table__, Document.__table__
    columns = [documents.c[c] if c in ("published", "title") else claims.c[c] for c in FIGURE_COLUMNS]
    out = []
    for first in range(0, len(claim_ids), 500):
        stmt = (select(*columns).join_from(claims, documents, documents.c.id == claims.c.document_id)
                .where(claims.c.id.in_(claim_ids[first:first + 500])))
        out.extend(session.connection().execute(stmt))
    return out


def set_groups(session: Session, *, groups: dict[int, int]) -> None:
    """Put each claim id (key) in the appearance group (value), in one statement."""
    if groups:
        table = Claim.__table__
        session.connection().execute(
            update(table).where(table.c.id == bindparam("cid")).values(group_id=bindparam("gid")),
            [{"cid": c, "gid": g} for c, g in groups.items()],
        )


def add_links(session: Session, *, links: list[dict]) -> None:
    """Insert claim links ({claim_id, other_id, kind}) in one statement."""
    if links:
        now = utcnow()
        session.connection().execute(insert(ClaimLink.__table__), [{**link, "created_at": now} for link in links])


def links_of(session: Session, *, claim_ids: list[int]) -> list[ClaimLink]:
    if not claim_ids:
        return []
    stmt = select(ClaimLink).where(or_(col(ClaimLink.claim_id).in_(claim_ids), col(ClaimLink.other_id).in_(claim_ids)))
    return list(session.exec(stmt.order_by(col(ClaimLink.id))))


def claim_ids_matching(session: Session, *, where: ClaimFilter) -> set[int]:
    """The ids of the claims ``where`` selects (for filters applied to linked pairs)."""
    stmt = (select(Claim.id).join(Document, Document.id == Claim.document_id)
            .outerjoin(Speaker, Speaker.id == Claim.speaker_id))
    return set(session.exec(_filtered(stmt, where, session)))


def conflict_rows(session: Session, *, kinds: tuple[str, ...]):
    """(link, claim, its document, other claim, its document) for links of ``kinds``."""
    a, b = aliased(Claim), aliased(Claim)
    da, db = aliased(Document), aliased(Document)
    stmt = (
        select(ClaimLink, a, da, b, db)
        .join(a, a.id == ClaimLink.claim_id).join(da, da.id == a.document_id)
        .join(b, b.id == ClaimLink.other_id).join(db, db.id == b.document_id)
        .where(col(ClaimLink.kind).in_(kinds))
        .where(col(da.removed_at).is_(None), col(db.removed_at).is_(None))
        .where(col(a.superseded_at).is_(None), col(b.superseded_at).is_(None))
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


def group_documents(session: Session, *, limits: dict[int, int]) -> dict[int, set[int]]:
    """Up to ``limits[g]`` of the documents each appearance group ``g`` appears in: enough
    to know its size below the point where size stops mattering, in reads bounded however
    big the group (a figure repeated by a thousand articles)."""
    groups = sorted(limits)
    out: dict[int, set[int]] = {g: set() for g in groups}
    mark, conn = _placeholder(session), session.connection()
    for first in range(0, len(groups), _COMPOUND_LIMIT):
        chunk = groups[first:first + _COMPOUND_LIMIT]
        sql = " UNION ALL ".join(
            f"SELECT * FROM (SELECT DISTINCT group_id, document_id FROM claims WHERE group_id = {mark}"
            f" LIMIT {int(limits[g])}) AS g{k}" for k, g in enumerate(chunk))
        for g, document_id in conn.exec_driver_sql(sql, tuple(chunk)):
            out[g].add(document_id)
    return out


def rescore(session: Session, *, claim_ids: list[int], bonus, saturation: int, new_documents: list[int] = ()) -> None:
    """worthiness = base score + ``bonus(appearances=, conflicts=, prior=)`` from the claims'
    links (``conflicts``: 1 when the claim conflicts with a figure, else 0) and its strong
    match to an earlier verdict (``prior``: True or False), for ``claim_ids`` and
    for every other member of their appearance groups whose bonus the new documents
    (``new_documents``, just added; all their claims that joined a group are among
    ``claim_ids``) can have changed: groups that had at most ``saturation`` other
    appearances before them (after that the bonus stops growing).

    A handful of queries whatever the number of claims, each bounded however many links
    or appearances a popular figure has gathered."""
    if not claim_ids:
        return
    conn = session.connection()  # Core: no ORM bookkeeping for these plain reads and writes
    table = Claim.__table__
    new = set(new_documents)
    claims, new_in_group = {}, {}
    for cid, g, base, document_id, prior in conn.execute(
        select(table.c.id, table.c.group_id, table.c.base_score, table.c.document_id, table.c.prior_id)
        .where(table.c.id.in_(claim_ids))
    ):
        claims[cid] = (g, base, prior is not None)
        if g is not None:
            new_in_group.setdefault(g, set())
            if document_id in new:
                new_in_group[g].add(document_id)
    # saturation + 1 documents were there before, or all of them are read
    counted = group_documents(session, limits={g: saturation + 1 + len(n) for g, n in new_in_group.items()})
    appearances = {g: min(saturation, len(docs) - 1) for g, docs in counted.items()}
    growing = [g for g, docs in counted.items() if len(docs - new) - 1 < saturation]
    if growing:  # the group's other members gained an appearance too
        for cid, g, base, prior in conn.execute(
            select(table.c.id, table.c.group_id, table.c.base_score, table.c.prior_id)
            .where(table.c.group_id.in_(growing))
        ):
            claims.setdefault(cid, (g, base, prior is not None))
    ids = sorted(claims)
    links = ClaimLink.__table__

    def conflict(end):
        return select(links.c.id).where(links.c.kind == "conflict", end == table.c.id).exists()

    disputed: set[int] = set()
    for first in range(0, len(ids), 500):
        disputed.update(conn.execute(
            select(table.c.id).where(table.c.id.in_(ids[first:first + 500]),
                                     or_(conflict(links.c.claim_id), conflict(links.c.other_id)))).scalars())
    values = [
        {"cid": cid, "w": base + bonus(appearances=max(0, appearances.get(g, 0)), conflicts=int(cid in disputed),
                                       prior=prior)}
        for cid, (g, base, prior) in sorted(claims.items())
    ]
    conn.execute(update(table).where(table.c.id == bindparam("cid")).values(worthiness=bindparam("w")), values)


# ------------------------------------------------------------------ leases


def take_lease(
    session: Session, *, reviewer: str, holder: str, minutes: float, where: ClaimFilter, skip: tuple[int, ...] = ()
) -> Claim | None:
    """Lease the most check-worthy pending claim matching ``where`` that no other review
    session holds.

    A lease belongs to the session ``holder`` (a token each review run makes), not to the
    reviewer's name: two terminals of the same reviewer are given different claims, and a
    session can take its own lease again. A lease held by another session is passed over
    until it ends or lapses; leases from before holders (``holder`` NULL) simply lapse.

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
            .where(or_(col(Lease.claim_id).is_(None), Lease.expires_at <= now, Lease.holder == holder))
        )
        stmt = _filtered(stmt, where, session)
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
            .where(or_(Lease.expires_at <= now, Lease.holder == holder))
            .values(reviewer=reviewer, holder=holder, taken_at=now, expires_at=expires)
        ).rowcount
        if not taken:
            try:
                with session.begin_nested():
                    session.add(Lease(claim_id=claim.id, reviewer=reviewer, holder=holder, taken_at=now,
                                      expires_at=expires))
                taken = 1
            except IntegrityError:  # someone leased it between our look and our insert
                taken = 0
        if taken:
            return claim
        skip = (*skip, claim.id)
    return None


def release_lease(session: Session, *, claim_id: int, reviewer: str | None = None, holder: str | None = None) -> None:
    """End the lease on the claim: the one session ``holder`` holds, else the one
    ``reviewer`` holds, else whoever holds it (a verdict)."""
    stmt = delete(Lease).where(Lease.claim_id == claim_id)
    if holder is not None:
        stmt = stmt.where(Lease.holder == holder)
    elif reviewer is not None:
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


def speaker_counts(session: Session, *, where: ClaimFilter | None = None) -> list[tuple[int, str, str | None, str, int]]:
    """(speaker id, name, role, status, claims) for every speaker with claims matching ``where``."""
    stmt = (
        select(Speaker.id, Speaker.name, Speaker.role, Claim.status, func.count())
        .join(Claim, Claim.speaker_id == Speaker.id)
        .join(Document, Document.id == Claim.document_id)
    )
    stmt = _filtered(stmt, where or ClaimFilter(), session)
    return list(session.exec(stmt.group_by(Speaker.id, Speaker.name, Speaker.role, Claim.status)))


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
    "create_documents",
    "get_claim",
    "get_document_by_hash",
    "known_hashes",
    "nearest_figures",
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


# ------------------------------------------------------------------ sources


def create_sources(session: Session, *, sources: list[SourceCreate]) -> None:
    """Insert the source rows of documents just stored (same transaction)."""
    if sources:
        session.execute(insert(Source.__table__), [s.model_dump() for s in sources])


def source_of(session: Session, *, document_id: int) -> Source | None:
    return session.exec(select(Source).where(Source.document_id == document_id)).first()


def sources_of(session: Session, *, document_ids: list[int]) -> dict[int, Source]:
    """The source rows of these documents, without their raw bytes (deferred)."""
    if not document_ids:
        return {}
    from sqlalchemy.orm import defer

    rows = session.exec(
        select(Source).where(col(Source.document_id).in_(set(document_ids))).options(defer(Source.raw))
    ).all()
    return {s.document_id: s for s in rows}


class Latest(NamedTuple):
    document_id: int
    version: int


def latest_versions(session: Session, *, urls: list[str]) -> dict[str, Latest]:
    """For each of ``urls`` the ledger has fetched, its newest document (by final URL)."""
    if not urls:
        return {}
    table = Source.__table__
    rows = session.execute(
        select(table.c.final_url, table.c.document_id, table.c.version)
        .where(table.c.final_url.in_(set(urls))).order_by(table.c.version, table.c.document_id)
    ).all()
    return {url: Latest(doc, version) for url, doc, version in rows}  # the newest wins


def known_urls(session: Session, *, urls: list[str]) -> set[str]:
    """Which of ``urls`` the ledger has already fetched a page from (by final URL)."""
    if not urls:
        return set()
    table = Source.__table__
    return set(session.execute(select(table.c.final_url).where(table.c.final_url.in_(set(urls)))).scalars())


__all__ += ["create_sources", "source_of", "sources_of", "latest_versions", "known_urls", "Latest"]
