"""Content fingerprints: what the ledger publishes about each document, speaker and claim,
hashed when the row is stored so that ``ledger audit verify`` can tell an edit made behind
the ledger's back (raw SQL, a doctored backup) by recomputing them.

Each fingerprint is one sha256 over a compact canonical JSON array: a format tag, then the
covered columns in the order of the ``*_FIELDS`` tuples below (the one place that says what
is covered). Floats are encoded as floats, datetimes as UTC ISO strings, so a value hashes
the same when stored and when read back, from SQLite or PostgreSQL.

- document: every column set when it is stored and never changed afterwards: its text, the
  dedup hash of that text, title, URL, outlet, dates (raw and parsed; since 0010 also the
  precision and offset the source stated them with), author, source, by_hand, flags,
  ingested_at.
- speaker: name and role (a role is filled in once, when a later article gives one; the
  fingerprint is recomputed then).
- claim: its offsets, text, quantity, speaker (id and name), cue, mentioned date and
  creation time, plus its document's fingerprint, so that rewriting a document *and* its
  fingerprint still changes the claim's.

Not covered, because they change without a review: ``claims.status`` and ``updated_at``
(checked against the latest review instead, see :func:`claim_problems`), ``group_id``,
``base_score``/``worthiness`` (re-scored as links arrive), ``q_signature``/``q_topic``
(matching words, NULL on claims older than 0007), and the ``claim_links`` table.

Each review also carries the fingerprint of its claim as reviewed (``reviews.claim_fingerprint``,
covered by the review hash, see ``chain.review_hash``), so a claim edited and re-fingerprinted
still breaks against the review chain.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Iterator, Mapping

import sqlalchemy as sa
from sqlalchemy.orm import Session

DOCUMENT_FIELDS = ("content_hash", "text", "title", "url", "outlet", "published", "published_raw", "updated",
                   "updated_raw", "source", "by_hand", "flags", "ingested_at")
# columns added by revision 0010 (how the source stated its date, the byline): hashed after
# the others when any is set, so rows stored before 0010 (all NULL) keep their fingerprint,
# and setting or clearing one behind the ledger's back still changes it
STATED_FIELDS = ("published_precision", "published_offset", "author")
SPEAKER_FIELDS = ("name", "role")
CLAIM_FIELDS = ("document_id", "start", "end", "sentence_start", "sentence_end", "text", "q_surface", "q_start",
                "q_end", "q_value", "q_value_max", "q_unit", "q_change", "q_concept", "speaker_id",
                "speaker_surface", "speaker_start", "speaker_end", "cue", "date_mentioned", "created_at")
_TAGS = {"document": "d1", "speaker": "s1", "claim": "c1"}
_PAGE = 2000


def _utc(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat()


def _plan(fields: tuple[str, ...]) -> tuple:
    """The fields, and (position, how to encode it) of those not hashed as they are: floats
    as floats (an integer read back from SQLite is the same figure), datetimes in UTC,
    flags as booleans."""
    special = {"published": _utc, "updated": _utc, "ingested_at": _utc, "created_at": _utc, "q_value": float,
               "q_value_max": float, "by_hand": bool}
    return fields, tuple((i, special[f]) for i, f in enumerate(fields) if f in special)


_PLANS = {"document": _plan(DOCUMENT_FIELDS), "speaker": _plan(SPEAKER_FIELDS), "claim": _plan(CLAIM_FIELDS)}


def _digest(kind: str, row: Mapping, *extra) -> str:
    fields, special = _PLANS[kind]
    get = row.get
    values = [_TAGS[kind], *[get(f) for f in fields], *extra]
    for i, encode in special:
        if values[i + 1] is not None:
            try:
                values[i + 1] = encode(values[i + 1])
            except (ValueError, TypeError, AttributeError, OverflowError):  # text edited into a number column
                values[i + 1] = ["unreadable", repr(values[i + 1])]
    encoded = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


def document(row: Mapping) -> str:
    stated = [row.get(f) for f in STATED_FIELDS]
    return _digest("document", row, *stated) if any(v is not None for v in stated) else _digest("document", row)


def speaker(row: Mapping) -> str:
    return _digest("speaker", row)


def claim(row: Mapping, *, document_fingerprint: str | None, speaker_name: str | None) -> str:
    return _digest("claim", row, document_fingerprint, speaker_name)


# ------------------------------------------------------------------ checking


def _pages(session: Session, stmt, key, size: int = _PAGE) -> Iterator[Mapping]:
    """Rows of ``stmt`` by ascending ``key``, a page at a time (keyset), so a big ledger is
    never loaded at once and no cursor stays open across pages."""
    last = None
    while True:
        page = stmt if last is None else stmt.where(key > last)
        rows = session.execute(page.order_by(key).limit(size)).mappings().all()
        yield from rows
        if len(rows) < size:
            return
        last = rows[-1][key.name]


def document_problems(session: Session) -> Iterator[str]:
    from ledger.storage.models import Document

    t = Document.__table__
    columns = (t.c[f] for f in (*DOCUMENT_FIELDS, *STATED_FIELDS))
    for row in _pages(session, sa.select(t.c.id, t.c.fingerprint, *columns), t.c.id, 200):
        if row["fingerprint"] is None:
            yield f"document {row['id']}: has no fingerprint (inserted out of band)"
        elif document(row) != row["fingerprint"]:
            yield (f"document {row['id']}: text or metadata (title, URL, outlet, date, author) changed since it"
                   " was stored")


def source_problems(session: Session) -> Iterator[str]:
    """Each kept raw source against the SHA-256 and size stored with it when it was read:
    what the page said when it was checked must still be what the ledger gives back."""
    import zlib

    from ledger.storage.models import Source

    t = Source.__table__
    stmt = sa.select(t.c.id, t.c.document_id, t.c.sha256, t.c.size, t.c.raw).where(t.c.sha256.is_not(None))
    for row in _pages(session, stmt, t.c.id, 50):
        try:
            data = zlib.decompress(row["raw"] or b"")
        except zlib.error:
            yield f"document {row['document_id']}: its stored source is damaged (cannot be decompressed)"
            continue
        if hashlib.sha256(data).hexdigest() != row["sha256"] or (row["size"] is not None and len(data) != row["size"]):
            yield f"document {row['document_id']}: its stored source does not match the SHA-256 taken when it was read"


def speaker_problems(session: Session) -> Iterator[str]:
    from ledger.storage.models import Speaker

    t = Speaker.__table__
    for row in _pages(session, sa.select(t.c.id, t.c.fingerprint, t.c.name, t.c.role), t.c.id):
        if row["fingerprint"] is None:
            yield f"speaker {row['id']}: has no fingerprint (inserted out of band)"
        elif speaker(row) != row["fingerprint"]:
            yield f"speaker {row['id']}: name or role changed since it was stored"


def claim_problems(session: Session) -> Iterator[str]:
    """Each claim against its fingerprint, and its status against its latest review."""
    from ledger.storage.models import Claim, Document, Review, Speaker

    c, d, s, r = Claim.__table__, Document.__table__, Speaker.__table__, Review.__table__
    latest = (sa.select(r.c.verdict).where(r.c.claim_id == c.c.id).order_by(r.c.id.desc()).limit(1)
              .correlate(c).scalar_subquery())
    stmt = (
        sa.select(c.c.id, c.c.fingerprint, c.c.status, *(c.c[f] for f in CLAIM_FIELDS),
                  d.c.fingerprint.label("document_fingerprint"), s.c.name.label("speaker_name"),
                  latest.label("latest_verdict"))
        .select_from(c).outerjoin(d, d.c.id == c.c.document_id).outerjoin(s, s.c.id == c.c.speaker_id)
    )
    for row in _pages(session, stmt, c.c.id):
        if row["fingerprint"] is None:
            yield f"claim {row['id']}: has no fingerprint (inserted out of band)"
        elif claim(row, document_fingerprint=row["document_fingerprint"],
                   speaker_name=row["speaker_name"]) != row["fingerprint"]:
            yield f"claim {row['id']}: text, sentence, quantity or speaker changed since it was stored"
        expected = row["latest_verdict"] or "pending"
        if row["status"] != expected:
            said = f"its latest review says {expected}" if row["latest_verdict"] else "it has no review"
            yield f"claim {row['id']}: status is {row['status']} but {said}"
