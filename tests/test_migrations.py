"""Schema migrations: from a blank database, from the first revision with data, and
refusing what this version does not understand."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import inspect, text

from ledger.errors import DatabaseError
from ledger.storage.db import create_ledger_engine, current_revision, head_revision, migrate, open_ledger


def test_a_blank_database_is_brought_to_the_newest_revision(db_url):
    engine = open_ledger(db_url)
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"documents", "speakers", "claims", "reviews"} <= tables


def test_migrations_match_the_models(db_url):
    """What the migrations build is what the models declare (no forgotten migration)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import ledger.storage.models  # noqa: F401

    descending = "ix_claims_status_worthiness"  # an index with DESC: autogenerate cannot compare those

    def include(obj, name, kind, reflected, compare_to):
        if kind == "table" and name.startswith(("claim_search", "checked_search", "reference_search")):
            # the search indexes: not models (storage/search.py)
            return False
        return not (kind == "index" and name == descending)

    engine = open_ledger(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"include_object": include}), SQLModel.metadata)
        if engine.dialect.name == "sqlite":
            ddl = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = :n"), {"n": descending}).scalar()
        else:
            ddl = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = :n"), {"n": descending}).scalar()
    assert diff == []
    assert "worthiness DESC" in ddl


def test_upgrade_from_the_first_revision_keeps_every_row(db_url):
    engine = create_ledger_engine(db_url)
    migrate(engine, "0001")
    assert current_revision(engine) == "0001"
    now = datetime(2021, 4, 14, 6, 13, tzinfo=timezone.utc)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO documents (id, title, by_hand, content_hash, text, ingested_at, published) "
                "VALUES (1, 'Old article', false, 'abc', 'Officials said 300 homes flooded.', :now, :now)"
            ),
            {"now": now.replace(tzinfo=None) if engine.dialect.name == "sqlite" else now},
        )
        conn.execute(text("INSERT INTO speakers (id, name) VALUES (1, 'officials')"))
        conn.execute(
            text(
                "INSERT INTO claims (id, document_id, speaker_id, start, \"end\", sentence_start, sentence_end, text,"
                " q_surface, q_value, q_unit, q_change, status, created_at, updated_at) VALUES (1, 1, 1, 0, 33, 0, 33,"
                " 'Officials said 300 homes flooded.', '300 homes', 300, 'home', '=', 'verified', :now, :now)"
            ),
            {"now": now.replace(tzinfo=None) if engine.dialect.name == "sqlite" else now},
        )
        conn.execute(
            text(
                "INSERT INTO reviews (id, claim_id, verdict, reviewer, note, previous_status, created_at)"
                " VALUES (1, 1, 'verified', 'ana', 'council minutes', 'pending', :now)"
            ),
            {"now": now.replace(tzinfo=None) if engine.dialect.name == "sqlite" else now},
        )
    engine.dispose()

    engine = open_ledger(db_url)  # opening upgrades
    assert current_revision(engine) == head_revision()
    from ledger.storage.db import session_scope
    from ledger.workflow.review import claim_view

    with session_scope(engine) as session:
        view = claim_view(session, claim_id=1)
    assert view.claim.text == "Officials said 300 homes flooded."
    assert (view.claim.q_value, view.claim.q_unit, view.claim.status) == (300, "home", "verified")
    assert view.claim.date_mentioned is None
    assert view.speaker.name == "officials"
    assert view.document.published == now
    assert [(r.reviewer, r.note) for r in view.reviews] == [("ana", "council minutes")]
    from ledger.workflow.audit import verify

    assert verify(engine).ok and view.reviews[0].hash  # reviews made before the chain were chained


def test_a_schema_newer_than_this_version_is_refused(db_url):
    engine = open_ledger(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="schema revision 9999_from_the_future is newer"):
        open_ledger(db_url)
    engine = create_ledger_engine(db_url)
    assert current_revision(engine) == "9999_from_the_future"


def test_a_database_of_something_else_is_refused(db_url):
    engine = create_ledger_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name VARCHAR)"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="not a ledger"):
        open_ledger(db_url)
    assert inspect(create_ledger_engine(db_url)).get_table_names() == ["recipes"]


def test_sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    engine = open_ledger(str(tmp_path / "l.db"))
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000



def _first_revision_ledger(engine, documents: int = 250, per_document: int = 10) -> None:
    """A ledger at revision 0001 with ``documents`` articles of ``per_document`` claims each
    (more than one page of the 0009 backfill) and a review of claim 1."""
    now = datetime(2021, 4, 14, 6, 13, tzinfo=timezone.utc)
    when = now.replace(tzinfo=None) if engine.dialect.name == "sqlite" else now
    sentence = "Officials said 300 homes flooded."
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO speakers (id, name) VALUES (1, 'officials')"))
        conn.execute(text(
            "INSERT INTO documents (id, title, by_hand, content_hash, text, ingested_at, published) "
            "VALUES (:id, :title, false, :digest, :text, :now, :now)"),
            [{"id": d, "title": f"Article {d}", "digest": f"h{d}", "text": sentence * per_document, "now": when}
             for d in range(1, documents + 1)])
        conn.execute(text(
            "INSERT INTO claims (id, document_id, speaker_id, start, \"end\", sentence_start, sentence_end, text,"
            " q_surface, q_value, q_unit, q_change, status, created_at, updated_at) VALUES (:id, :doc, 1, :at,"
            " :to, :at, :to, :text, '300 homes', 300, 'home', '=', 'pending', :now, :now)"),
            [{"id": (d - 1) * per_document + k + 1, "doc": d, "at": k * len(sentence), "to": (k + 1) * len(sentence),
              "text": sentence, "now": when} for d in range(1, documents + 1) for k in range(per_document)])
        conn.execute(text("UPDATE claims SET status = 'verified' WHERE id = 1"))
        conn.execute(text(
            "INSERT INTO reviews (id, claim_id, verdict, reviewer, note, previous_status, created_at)"
            " VALUES (1, 1, 'verified', 'ana', 'council minutes', 'pending', :now)"), {"now": when})


def test_upgrade_fingerprints_what_is_stored_and_catches_edits_after_it(db_url):
    """0009 fingerprints an old ledger as it stands (trust on first use): it verifies, the
    review chained by 0005 keeps its hash, and an edit made after the upgrade is named."""
    engine = create_ledger_engine(db_url)
    migrate(engine, "0001")
    _first_revision_ledger(engine)
    migrate(engine, "0008")
    old_hash = _scalar(engine, "SELECT hash FROM reviews WHERE id = 1")
    engine.dispose()
    engine = open_ledger(db_url)  # opening upgrades
    from ledger.workflow.audit import verify

    result = verify(engine)
    assert result.ok, result.problems
    assert _scalar(engine, "SELECT hash FROM reviews WHERE id = 1") == old_hash
    assert _scalar(engine, "SELECT claim_fingerprint FROM reviews WHERE id = 1") is None  # the first formula
    assert _scalar(engine, "SELECT count(*) FROM claims WHERE fingerprint IS NULL") == 0
    assert _scalar(engine, "SELECT count(*) FROM documents WHERE fingerprint IS NULL") == 0
    with engine.begin() as conn:
        conn.execute(text("UPDATE claims SET q_value = 3000 WHERE id = 2499"))
        conn.execute(text("UPDATE documents SET title = 'Spoof' WHERE id = 201"))
        conn.execute(text("UPDATE claims SET status = 'disputed' WHERE id = 1"))
    assert verify(engine).problems == (
        "document 201: text or metadata (title, URL, outlet, date, author) changed since it was stored",
        "claim 1: status is disputed but its latest review says verified",
        "claim 2499: text, sentence, quantity or speaker changed since it was stored",
    )


def _scalar(engine, sql):
    with engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def test_upgrade_builds_the_search_index_over_the_claims_already_stored(db_url):
    """0012 indexes an old ledger's claims; claims stored afterwards are indexed as they go in."""
    from ledger.storage.db import session_scope
    from ledger.storage.repo import ClaimFilter, claim_rows
    from ledger.workflow.ingest import add_claim_by_hand

    engine = create_ledger_engine(db_url)
    migrate(engine, "0001")
    _first_revision_ledger(engine, documents=3, per_document=2)
    migrate(engine, "0011")
    if engine.dialect.name == "postgresql":  # the fixture's explicit ids left the sequences behind
        with engine.begin() as conn:
            for table in ("documents", "claims", "speakers"):
                conn.execute(text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))"))
    engine.dispose()
    engine = open_ledger(db_url)
    with session_scope(engine) as session:
        found = claim_rows(session, where=ClaimFilter(search="flooded homes"))
        assert [c.id for c, _, _ in found] == list(range(1, 7))
        assert claim_rows(session, where=ClaimFilter(search="officials")) != []  # the speaker's name
    add_claim_by_hand(engine, text="The council said 40 bridges were flooded", speaker="Ana Lima")
    with session_scope(engine) as session:
        assert [c.id for c, _, _ in claim_rows(session, where=ClaimFilter(search="bridges flooded"))] == [7]
        assert [c.id for c, _, _ in claim_rows(session, where=ClaimFilter(search="lima"))] == [7]


def test_upgrade_indexes_the_claims_reviewed_already_for_prior_checks(db_url):
    """0015 puts an old ledger's reviewed claims in the checked index: a later claim repeating
    one is matched to its verdict (claim 1 of the fixture is verified); pending claims are
    not verdicts. 0017 records each old document's speaker as an alias."""
    from ledger.storage.db import session_scope
    from ledger.workflow import prior
    from ledger.workflow.ingest import add_claim_by_hand

    engine = create_ledger_engine(db_url)
    migrate(engine, "0001")
    _first_revision_ledger(engine, documents=2, per_document=2)
    engine.dispose()
    engine = open_ledger(db_url)
    if engine.dialect.name == "postgresql":  # the fixture's explicit ids left the sequences behind
        with engine.begin() as conn:
            for table in ("documents", "claims", "speakers"):
                conn.execute(text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))"))
    # no figure: the fixture's old rows have no figure offsets for linking to read
    out = add_claim_by_hand(engine, text="Officials said that homes were flooded", speaker="officials")
    with session_scope(engine) as session:
        new_id = session.connection().execute(
            text("SELECT id FROM claims WHERE document_id = :d"), {"d": out.document_id}).scalar()
        found = prior.matches_of(session, claim_id=new_id)
        assert [(m.kind, m.id, m.verdict) for m in found] == [("claim", 1, "verified")]
        assert session.connection().execute(text("SELECT prior_id FROM claims WHERE id = :i"), {"i": new_id}).scalar() == 1
        aliases = session.connection().execute(text("SELECT count(*) FROM speaker_aliases WHERE speaker_id = 1")).scalar()
        assert aliases == 3  # the two old documents and the new one
