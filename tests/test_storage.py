"""The ledger's guarantees: append-only reviews, status = latest verdict, one speaker row
per canonical name, atomic documents."""
from __future__ import annotations

import pytest
from sqlmodel import select

from ledger.errors import ClaimNotFound, InputError
from ledger.extract.types import Claim, DocumentMeta, ExtractedDocument, Quantity, Speaker
from ledger.storage import repo
from ledger.storage.db import open_ledger, session_scope
from ledger.storage.models import Claim as ClaimRow, Document, Review, Speaker as SpeakerRow
from ledger.workflow.ingest import store_extracted
from ledger.workflow.review import record_verdict


def doc_with(text: str, claims: list[Claim]) -> ExtractedDocument:
    return ExtractedDocument(text=text, meta=DocumentMeta(title="t"), claims=claims)


def spoken(text: str, name: str, surface: str, role=None) -> Claim:
    at = text.index(surface)
    return Claim(0, len(text), text, speaker=Speaker(name, surface, at, at + len(surface), "said", role),
                 sentence_start=0, sentence_end=len(text))


@pytest.fixture
def engine(db_url):
    return open_ledger(db_url)


def test_status_always_equals_the_latest_review(engine):
    text = "Officials said 300 homes were flooded."
    q = Quantity("300 homes", 15, 24, 300.0, unit="home")
    store_extracted(engine, doc=doc_with(text, [Claim(0, len(text), text, quantity=q)]), source="t")
    with session_scope(engine) as s:
        cid = s.exec(select(ClaimRow.id)).one()
    for verdict in ("disputed", "verified", "unverified"):
        with session_scope(engine) as s:
            record_verdict(s, claim_id=cid, verdict=verdict, reviewer="ana")
    with session_scope(engine) as s:
        claim = s.get(ClaimRow, cid)
        reviews = s.exec(select(Review).where(Review.claim_id == cid).order_by(Review.id)).all()
    assert claim.status == reviews[-1].verdict == "unverified"
    assert [r.previous_status for r in reviews] == ["pending", "disputed", "verified"]


def test_a_verdict_on_a_claim_that_moved_on_is_kept_and_flagged(engine):
    text = "The mayor said 12 bridges were closed."
    store_extracted(engine, doc=doc_with(text, [spoken(text, "Mayor", "The mayor")]), source="t")
    with session_scope(engine) as s:
        cid = s.exec(select(ClaimRow.id)).one()
        record_verdict(s, claim_id=cid, verdict="disputed", reviewer="ben")
    with session_scope(engine) as s:
        result = record_verdict(s, claim_id=cid, verdict="verified", reviewer="ana", status_seen="pending")
    assert result.changed_since_shown and result.status_when_recorded == "disputed"
    with session_scope(engine) as s:
        assert len(s.exec(select(Review)).all()) == 2


def test_bad_verdicts_are_refused(engine):
    with session_scope(engine) as s:
        with pytest.raises(ClaimNotFound):
            record_verdict(s, claim_id=12345, verdict="verified", reviewer="ana")
        with pytest.raises(InputError, match="invalid status 'true'"):
            record_verdict(s, claim_id=1, verdict="true", reviewer="ana")


def test_speakers_are_stored_once_per_canonical_name(engine):
    a = "Jen Psaki said the talks went well."
    b = "Press secretary Jen Psaki said sanctions stay."
    store_extracted(engine, doc=doc_with(a, [spoken(a, "Jen Psaki", "Jen Psaki")]), source="a")
    store_extracted(engine, doc=doc_with(b, [spoken(b, "Jen Psaki", "Press secretary Jen Psaki", "press secretary")]),
                    source="b")
    with session_scope(engine) as s:
        speakers = s.exec(select(SpeakerRow)).all()
    assert [(sp.name, sp.role) for sp in speakers] == [("Jen Psaki", "press secretary")]


def test_a_document_that_fails_to_store_leaves_nothing_behind(engine):
    text = "Officials said 300 homes were flooded."
    bad = Claim(0, len(text), None, quantity=Quantity("300", 15, 18, 300.0))  # text is required: the insert fails
    with pytest.raises(Exception):
        store_extracted(engine, doc=doc_with(text, [spoken(text, "officials", "Officials"), bad]), source="t")
    with session_scope(engine) as s:
        assert s.exec(select(Document)).all() == []
        assert s.exec(select(ClaimRow)).all() == []
        assert s.exec(select(SpeakerRow)).all() == []


def test_queue_filters_by_speaker_and_pages_by_key(engine):
    for i in range(5):
        text = f"Officials said {i + 10} homes were flooded in district {i}."
        store_extracted(engine, doc=doc_with(text, [spoken(text, "officials", "Officials")]), source=str(i))
    with session_scope(engine) as s:
        first = repo.claim_rows(s, where=repo.ClaimFilter(speaker="OFFIC"), limit=2)
        rest = repo.claim_rows(s, where=repo.ClaimFilter(speaker="offic"), after_id=first[-1][0].id)
    assert len(first) == 2 and len(rest) == 3
    assert [c.id for c, _, _ in first + rest] == sorted(c.id for c, _, _ in first + rest)


def test_the_queue_query_uses_the_status_index(engine):
    """EXPLAIN shows the pending-oldest-first query reading ix_claims_status_id."""
    from sqlalchemy import text as sql

    from ledger.storage.models import Claim as C, Document as D, Speaker as S

    stmt = (
        select(C, D, S).join(D, D.id == C.document_id).outerjoin(S, S.id == C.speaker_id)
        .where(C.status == "pending").order_by(C.id).limit(20)
    )
    with engine.connect() as conn:
        compiled = stmt.compile(conn, compile_kwargs={"literal_binds": True})
        if engine.dialect.name == "sqlite":
            plan = " ".join(str(r) for r in conn.execute(sql(f"EXPLAIN QUERY PLAN {compiled}")))
        else:
            conn.execute(sql("SET enable_seqscan = off"))
            plan = " ".join(str(r) for r in conn.execute(sql(f"EXPLAIN {compiled}")))
    assert "ix_claims_status_id" in plan


def test_the_default_queue_order_reads_the_worthiness_index_without_sorting(engine):
    import sqlalchemy
    from sqlalchemy import text as sql

    captured = []
    sqlalchemy.event.listen(engine, "before_cursor_execute", lambda c, cur, st, p, ctx, em: captured.append((st, p)))
    from sqlmodel import Session

    with engine.connect() as conn:
        repo.claim_rows(Session(bind=conn), where=repo.ClaimFilter(status=("pending",)), limit=20,
                        order="worthiness", first_appearance_only=True)
        statement, params = captured[-1]
        if engine.dialect.name == "sqlite":
            plan = " ".join(r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params))
            assert "ix_claims_status_worthiness" in plan and "TEMP B-TREE" not in plan
        else:
            conn.execute(sql("SET enable_seqscan = off"))
            plan = " ".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, params))
            assert "ix_claims_status_worthiness" in plan and "Sort" not in plan
