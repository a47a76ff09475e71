"""Corrections of stored data, each one an audited row (``corrections``, chained by hash).

A document's metadata is corrected in place, and with it the fingerprints it changes: the
document's, and each of its claims' (a claim's fingerprint covers its document's). The
correction row keeps the fields before and after and every fingerprint's move (old, new),
so that ``audit verify`` accepts a review of a claim as it was before a recorded
correction, and still names any change that no correction explains.
"""
from __future__ import annotations

import hashlib
import json
from typing import Iterator

import sqlalchemy as sa
from sqlmodel import Session, select

from ledger.errors import InputError
from ledger.storage import chain, fingerprint
from ledger.storage.models import AuditHead, Claim, Correction, Document, Speaker
from ledger.storage.types import utcnow

HEAD_ID = 2  # the corrections' row in audit_head (1 is the reviews')
DOCUMENT_EDITABLE = ("title", "url", "outlet", "published", "published_raw", "published_precision",
                     "published_offset")


def _plain(value):
    return chain._utc(value) if hasattr(value, "astimezone") else value


def correction_hash(c, prev_hash: str) -> str:
    content = [c.id, c.kind, c.target_id, c.before, c.after, c.fingerprints, c.actor, c.note, chain._utc(c.created_at)]
    encoded = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}\n{encoded}".encode("utf-8")).hexdigest()


def edit_document(session: Session, *, document_id: int, changes: dict, actor: str, note: str | None) -> Correction:
    """Apply ``changes`` (fields of DOCUMENT_EDITABLE) to a document and record it, in the
    caller's transaction. Fields whose value does not change are left out; nothing to
    change is an InputError."""
    chain.lock_chain(session)
    doc = session.get(Document, document_id)
    if doc is None:
        raise InputError(f"document {document_id}: no such document (`ledger claims --json` shows documents' ids)")
    changed = {k: v for k, v in changes.items() if getattr(doc, k) != v}
    if not changed:
        raise InputError(f"document {document_id}: nothing to change (the values given are the stored ones)")
    before = {k: _plain(getattr(doc, k)) for k in changed}
    old_fp = doc.fingerprint
    for k, v in changed.items():
        setattr(doc, k, v)
    session.add(doc)
    session.flush()
    doc.fingerprint = fingerprint.document(_row(session, Document, doc.id))
    session.add(doc)
    moves = {"document": [old_fp, doc.fingerprint], "claims": _refingerprint_claims(session, doc)}
    return _record(session, kind="document", target_id=document_id, before=before,
                   after={k: _plain(v) for k, v in changed.items()}, moves=moves, actor=actor, note=note)


def remove_document(session: Session, *, document_id: int, actor: str, note: str | None,
                    force: bool = False) -> tuple[Correction, int, int]:
    """Remove a document from the queue, the listings and the report, in the caller's
    transaction: it is kept, with its claims and their reviews, and ``removed_at`` set.
    Refused (InputError) while its claims have reviews, unless ``force``. Returns the
    correction, the number of its claims and of those with reviews."""
    from sqlalchemy import func

    from ledger.storage.models import Review

    chain.lock_chain(session)
    doc = session.get(Document, document_id)
    if doc is None or doc.removed_at is not None:
        state = "no such document" if doc is None else "already removed"
        raise InputError(f"document {document_id}: {state}")
    claims = session.exec(select(func.count()).select_from(Claim).where(Claim.document_id == document_id)).one()
    reviewed = session.exec(select(func.count(func.distinct(Review.claim_id))).join(Claim, Claim.id == Review.claim_id)
                            .where(Claim.document_id == document_id)).one()
    if reviewed and not force:
        raise InputError(f"document {document_id}: {reviewed} of its claims {'has' if reviewed == 1 else 'have'}"
                         " reviews; --force removes it and keeps their history (`ledger show` still shows them)")
    doc.removed_at = utcnow()
    session.add(doc)
    row = _record(session, kind="document-removed", target_id=document_id, before={"removed_at": None},
                  after={"removed_at": chain._utc(doc.removed_at), "claims": claims, "reviewed": reviewed},
                  moves={}, actor=actor, note=note)
    return row, claims, reviewed


def live_claims(session: Session, *, document_id: int) -> list[Claim]:
    """The document's claims that re-extraction has not superseded, in id order."""
    stmt = select(Claim).where(Claim.document_id == document_id, Claim.superseded_at.is_(None))
    return list(session.exec(stmt.order_by(Claim.id)))


def record_reextraction(session: Session, *, document_id: int, version: str, kept: list[int], added: list[int],
                        superseded: list[int], actor: str) -> Correction:
    """Mark ``superseded`` claims and record what a re-extraction did, in the caller's
    transaction (the new claims are stored by the caller, ``kept`` ones get ``version``)."""
    now = utcnow()
    t = Claim.__table__
    if superseded:
        session.execute(sa.update(t).where(t.c.id.in_(superseded)).values(superseded_at=now))
    if kept:
        session.execute(sa.update(t).where(t.c.id.in_(kept)).values(extractor_version=version))
    return _record(session, kind="reextract", target_id=document_id, before={},
                   after={"version": version, "kept": len(kept), "added": added, "superseded": superseded},
                   moves={}, actor=actor, note=None)


# ------------------------------------------------------------------ speakers


def find_speaker(session: Session, *, name_or_id: str) -> Speaker:
    """A speaker by its id or its exact name; InputError naming the value otherwise."""
    found = session.get(Speaker, int(name_or_id)) if name_or_id.isdigit() else None
    if found is None:
        named = list(session.exec(select(Speaker).where(Speaker.name == name_or_id).order_by(Speaker.id).limit(4)))
        if len(named) > 1:  # a description, one speaker per document ("company")
            ids = ", ".join(str(s.id) for s in named[:3])
            raise InputError(f"speaker {name_or_id!r}: several speakers have this name (ids {ids}"
                             f"{', ...' if len(named) > 3 else ''}); give the id (`ledger speakers --json`)")
        found = named[0] if named else None
    if found is None:
        raise InputError(f"speaker {name_or_id!r}: no such speaker (`ledger speakers` lists them)")
    return found


def rename_speaker(session: Session, *, speaker: Speaker, name: str, role: str | None, actor: str,
                   note: str | None) -> Correction:
    """Give a speaker another name (and role), re-fingerprint it and its claims, re-index
    their search text and record the correction, in the caller's transaction."""
    chain.lock_chain(session)
    changes = {"name": name, **({"role": role} if role is not None else {})}
    changed = {k: v for k, v in changes.items() if getattr(speaker, k) != v}
    if not changed:
        raise InputError(f"speaker {speaker.id}: nothing to change (the values given are the stored ones)")
    if "name" in changed and session.exec(
            select(Speaker.id).where(Speaker.name == name, Speaker.scope == speaker.scope)).first() is not None:
        raise InputError(f"speaker {name!r} exists already: `ledger speakers merge` joins two speakers")
    before = {k: getattr(speaker, k) for k in changed}
    old_fp = speaker.fingerprint
    for k, v in changed.items():
        setattr(speaker, k, v)
    session.add(speaker)
    session.flush()
    speaker.fingerprint = fingerprint.speaker(_row(session, Speaker, speaker.id))
    session.add(speaker)
    moves = {"speaker": [old_fp, speaker.fingerprint], "claims": _refingerprint_speakers_claims(session, speaker.id)}
    return _record(session, kind="speaker", target_id=speaker.id, before=before, after=changed, moves=moves,
                   actor=actor, note=note)


def merge_speakers(session: Session, *, source: Speaker, into: Speaker, actor: str, note: str | None) -> Correction:
    """Make every claim of ``source`` a claim of ``into`` and delete ``source``, with the
    claims re-fingerprinted and re-indexed and the correction recorded (its ``before``
    keeps the merged speaker's name and role)."""
    chain.lock_chain(session)
    if source.id == into.id:
        raise InputError(f"speaker {source.id}: cannot be merged into itself")
    t = Claim.__table__
    ids = list(session.execute(sa.select(t.c.id).where(t.c.speaker_id == source.id)).scalars())
    if ids:
        session.execute(sa.update(t).where(t.c.id.in_(ids)).values(speaker_id=into.id))
    before = {"id": source.id, "name": source.name, "role": source.role, "fingerprint": source.fingerprint}
    _move_aliases(session, source_id=source.id, into_id=into.id)
    if into.role is None and source.role is not None:
        into.role = source.role
        into.fingerprint = None
    session.delete(source)
    session.flush()
    if into.fingerprint is None:
        into.fingerprint = fingerprint.speaker(_row(session, Speaker, into.id))
        session.add(into)
    moves = {"claims": _refingerprint_speakers_claims(session, into.id, only=ids)}
    return _record(session, kind="speaker-merge", target_id=into.id, before=before,
                   after={"into": into.id, "name": into.name, "claims": ids}, moves=moves, actor=actor, note=note)


def scope_descriptions(session: Session, *, document_id: int, claim_names: dict[int, str], actor: str) -> int:
    """Claims (``{claim_id: name}``) whose description ("company", "officials") is still
    the one ledger-wide speaker stored before descriptions were per document (0018), moved
    to that document's own speaker of the name, re-fingerprinted and recorded as one
    correction, so the reviews they had still verify. How many were moved."""
    from ledger.storage import repo

    if not claim_names:
        return 0
    scope = f"document:{document_id}"
    t, s = Claim.__table__, Speaker.__table__
    shared = dict(session.execute(sa.select(t.c.id, s.c.name).join(s, s.c.id == t.c.speaker_id).where(
        t.c.id.in_(sorted(claim_names)), s.c.scope == "")).all())
    moving = {c: n for c, n in claim_names.items() if shared.get(c) == n}
    if not moving:
        return 0
    chain.lock_chain(session)
    ids = repo.speaker_ids(session, speakers={(n, scope): None for n in set(moving.values())})
    moves = {}
    for name in sorted(set(moving.values())):
        claims = sorted(c for c, n in moving.items() if n == name)
        session.execute(sa.update(t).where(t.c.id.in_(claims)).values(speaker_id=ids[(name, scope)]))
        repo._record_aliases(session, aliases={(ids[(name, scope)], document_id, name): None})
        moves.update(_refingerprint_speakers_claims(session, ids[(name, scope)], only=claims))
    _record(session, kind="speaker-scope", target_id=document_id, before={"scope": ""},
            after={"scope": scope, "claims": sorted(moving)}, moves={"claims": moves}, actor=actor, note=None)
    return len(moving)


def _move_aliases(session: Session, *, source_id: int, into_id: int) -> None:
    """The merged speaker's aliases become the other's (those it has already are dropped)."""
    from ledger.storage.models import SpeakerAlias

    t = SpeakerAlias.__table__
    theirs = {(d, a) for d, a in session.execute(sa.select(t.c.document_id, t.c.alias).where(t.c.speaker_id == into_id))}
    for row_id, d, a in list(session.execute(sa.select(t.c.id, t.c.document_id, t.c.alias).where(t.c.speaker_id == source_id))):
        if (d, a) in theirs:
            session.execute(sa.delete(t).where(t.c.id == row_id))
        else:
            session.execute(sa.update(t).where(t.c.id == row_id).values(speaker_id=into_id))


def _refingerprint_speakers_claims(session: Session, speaker_id: int, only: list[int] | None = None) -> dict:
    """New fingerprints (and search text) for a speaker's claims; the moves, by claim id."""
    from ledger.storage import search

    t, s, d = Claim.__table__, Speaker.__table__, Document.__table__
    stmt = (sa.select(t, s.c.name.label("speaker_name"), d.c.fingerprint.label("document_fingerprint"))
            .join(s, s.c.id == t.c.speaker_id).join(d, d.c.id == t.c.document_id).where(t.c.speaker_id == speaker_id))
    if only is not None:
        stmt = stmt.where(t.c.id.in_(only))
    moves, texts = {}, []
    for row in session.execute(stmt).mappings().all():
        new = fingerprint.claim(row, document_fingerprint=row["document_fingerprint"], speaker_name=row["speaker_name"])
        if new != row["fingerprint"]:
            session.execute(sa.update(t).where(t.c.id == row["id"]).values(fingerprint=new))
            moves[str(row["id"])] = [row["fingerprint"], new]
        texts.append((row["id"], row["text"], row["speaker_name"]))
    for index in (search.CLAIMS, search.CHECKED):
        held = search.indexed(session, index, ids=[i for i, _, _ in texts])
        search.unindex(session, index, ids=sorted(held))
        search.index_rows(session, index, rows=[r for r in texts if r[0] in held])
    return moves


def _row(session: Session, model, row_id: int) -> dict:
    t = model.__table__
    return dict(session.execute(sa.select(t).where(t.c.id == row_id)).mappings().one())


def _refingerprint_claims(session: Session, doc: Document) -> dict[str, list]:
    moves = {}
    t, s = Claim.__table__, Speaker.__table__
    stmt = sa.select(t, s.c.name.label("speaker_name")).outerjoin(s, s.c.id == t.c.speaker_id).where(
        t.c.document_id == doc.id)
    for row in session.execute(stmt).mappings().all():
        new = fingerprint.claim(row, document_fingerprint=doc.fingerprint, speaker_name=row["speaker_name"])
        if new != row["fingerprint"]:
            session.execute(sa.update(t).where(t.c.id == row["id"]).values(fingerprint=new))
            moves[str(row["id"])] = [row["fingerprint"], new]
    return moves


def _record(session: Session, *, kind, target_id, before, after, moves, actor, note) -> Correction:
    dump = lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True)  # noqa: E731
    row = Correction(kind=kind, target_id=target_id, before=dump(before), after=dump(after), fingerprints=dump(moves),
                     actor=actor, note=note or None, created_at=utcnow(), prev_hash="", hash="")
    session.add(row)
    session.flush()
    head = session.get(AuditHead, HEAD_ID)
    row.prev_hash = head.hash if head else chain.GENESIS
    row.hash = correction_hash(row, row.prev_hash)
    session.add(row)
    if head is None:
        session.add(AuditHead(id=HEAD_ID, review_id=row.id, hash=row.hash))
    else:
        head.review_id, head.hash = row.id, row.hash
        session.add(head)
    session.flush()
    return row


def of_document(session: Session, *, document_id: int) -> list[Correction]:
    stmt = select(Correction).where(Correction.kind == "document", Correction.target_id == document_id)
    return list(session.exec(stmt.order_by(Correction.id)))


# ------------------------------------------------------------------ checking


class CorrectionCheck:
    """Recomputes the corrections' chain; then holds each claim's recorded fingerprint
    moves (``moves[claim_id][old] == new``) for the review check."""

    def __init__(self) -> None:
        self.count, self.head, self.last_id = 0, chain.GENESIS, None
        self.moves: dict[int, dict[str, str]] = {}

    def problems(self, session: Session) -> Iterator[str]:
        for c in session.exec(select(Correction).order_by(Correction.id)):
            self.count += 1
            if c.prev_hash != self.head:
                yield f"correction {c.id}: does not follow correction {self.last_id or 'genesis'} (deleted or inserted out of band)"
            elif correction_hash(c, self.head) != c.hash:
                yield f"correction {c.id}: content altered since it was recorded"
            self.head, self.last_id = c.hash, c.id
            self._note_moves(c)
        yield from self._removals(session)
        yield from self.superseded_problems(session)
        recorded = session.get(AuditHead, HEAD_ID)
        at_head = (recorded.hash, recorded.review_id) if recorded is not None else (chain.GENESIS, None)
        if at_head != (self.head, self.last_id):
            yield "the newest recorded correction is missing (deleted out of band)"

    def _removals(self, session: Session) -> Iterator[str]:
        """A document is removed exactly when a correction removed it."""
        recorded = set(session.exec(select(Correction.target_id).where(Correction.kind == "document-removed")))
        removed = set(session.exec(select(Document.id).where(Document.removed_at.is_not(None))))
        for document_id in sorted(removed - recorded):
            yield f"document {document_id}: removed without a recorded correction (out of band)"
        for document_id in sorted(recorded - removed):
            yield f"document {document_id}: removed by a correction but back in the ledger (out of band)"

    def superseded_problems(self, session: Session) -> Iterator[str]:
        """A claim is superseded exactly when a recorded re-extraction superseded it."""
        recorded: set[int] = set()
        for after in session.exec(select(Correction.after).where(Correction.kind == "reextract")):
            try:
                recorded.update(int(i) for i in json.loads(after).get("superseded", []))
            except (ValueError, AttributeError, TypeError):
                continue
        marked = set(session.exec(select(Claim.id).where(Claim.superseded_at.is_not(None))))
        for claim_id in sorted(marked - recorded)[:10]:
            yield f"claim {claim_id}: superseded without a recorded re-extraction (out of band)"
        for claim_id in sorted(recorded - marked)[:10]:
            yield f"claim {claim_id}: superseded by a re-extraction but back in the ledger (out of band)"

    def _note_moves(self, c: Correction) -> None:
        try:
            claims = json.loads(c.fingerprints).get("claims", {})
        except (ValueError, AttributeError):
            return
        for claim_id, (old, new) in claims.items():
            self.moves.setdefault(int(claim_id), {})[old] = new

    def explains(self, claim_id: int, reviewed: str, current: str) -> bool:
        """Whether recorded corrections lead from the fingerprint a review saw to the current one."""
        moves, seen, fp = self.moves.get(claim_id, {}), set(), reviewed
        while fp != current and fp in moves and fp not in seen:
            seen.add(fp)
            fp = moves[fp]
        return fp == current
