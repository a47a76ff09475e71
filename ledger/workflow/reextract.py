"""Re-extraction: today's extractor over documents already stored (``ledger reextract``).

For each document, the claims found again are matched to the stored ones by their span
and figure (claim start and end, quantity start, end and value): a match keeps its row,
reviews and status (its ``extractor_version`` is brought up to date); a claim found only
now is stored and enters the queue; a stored claim not found any more is kept with its
history and marked superseded (hidden from the queue, listings and report). Each
document's re-extraction is one transaction and one recorded correction.

New claims are linked to other documents' figures (appearances, conflicts) as ``add``
links a new document's; the claims kept keep the links they have. A kept claim whose speaker is a description
stored before descriptions were per document (0018) moves to its document's own speaker.
"""
from __future__ import annotations

from dataclasses import dataclass

from ledger.extract import VERSION, extract
from ledger.storage import corrections, repo
from ledger.storage.db import session_scope, write


@dataclass(frozen=True)
class Reextracted:
    document_id: int
    kept: int
    added: int
    superseded: int


def _key(row) -> tuple:
    get = row.get if isinstance(row, dict) else (lambda k: getattr(row, k))
    value = get("q_value")
    return get("start"), get("end"), get("q_start"), get("q_end"), None if value is None else round(float(value), 6)


def _match(stored: list, rows: list[dict]) -> tuple[list[tuple[int, dict]], list[int], list[int]]:
    """Each claim found again paired with one stored claim of the same key, one to one
    (a sentence with two speakers holds two claims of one key), the stored claim with the
    same speaker mention first: ((id kept, its row found again) pairs, indexes of the rows
    found only now, ids superseded)."""
    pool: dict[tuple, list] = {}
    for c in stored:
        pool.setdefault(_key(c), []).append(c)
    kept, only_now = [], []
    for n, r in enumerate(rows):
        candidates = pool.get(_key(r))
        if not candidates:
            only_now.append(n)
            continue
        pick = next((c for c in candidates if c.speaker_start == r["speaker_start"]), candidates[0])
        candidates.remove(pick)
        kept.append((pick.id, r))
    return kept, only_now, [c.id for left in pool.values() for c in left]


def document_ids(engine, *, every: bool, ids: list[int]) -> list[int]:
    from sqlmodel import select

    from ledger.storage.models import Document

    with session_scope(engine) as session:
        stmt = select(Document.id).where(Document.removed_at.is_(None)).order_by(Document.id)
        known = list(session.exec(stmt if every else stmt.where(Document.id.in_(ids))))
    missing = sorted(set(ids) - set(known)) if not every else []
    if missing:
        from ledger.errors import InputError

        raise InputError(f"document {missing[0]}: no such document (or removed)")
    return known


def reextract_document(engine, *, document_id: int, actor: str) -> Reextracted:
    from dataclasses import replace

    from ledger.storage.models import Document
    from ledger.workflow import linking
    from ledger.workflow.ingest import _claim_rows, ready

    def work(session):
        doc = session.get(Document, document_id)
        found = extract(doc.text, title=doc.title, url=doc.url, outlet=doc.outlet, published=doc.published,
                        published_raw=doc.published_raw)
        rows = _claim_rows(found)
        pairs, only_now, superseded = _match(corrections.live_claims(session, document_id=document_id), rows)
        kept = [claim_id for claim_id, _ in pairs]
        # descriptions stored before 0018 as one ledger-wide speaker become this document's own
        corrections.scope_descriptions(session, document_id=document_id, actor=actor, claim_names={
            claim_id: r["speaker_name"] for claim_id, r in pairs if r["speaker_generic"] and r["speaker_name"]})
        # the claims found only now, stored and linked as `add` stores and links a document's
        new = ready(replace(found, claims=[found.claims[n] for n in only_now]), f"document {document_id}")
        figures = linking.Figures()
        nearby = linking.prefetch(session, figures=[new.figures], known=figures)
        added = repo.create_claims(session, claims=[(document_id, new.rows)])[0] if new.rows else []
        if added:
            linking.link_documents(session, nearby=nearby, known=figures, documents=[
                linking.NewDocument(document_id=document_id, claim_ids=added, figures=new.figures,
                                    published=doc.published)])
        corrections.record_reextraction(session, document_id=document_id, version=VERSION, kept=kept, added=added,
                                        superseded=superseded, actor=actor)
        return Reextracted(document_id, len(kept), len(added), len(superseded))

    return write(engine, work)
