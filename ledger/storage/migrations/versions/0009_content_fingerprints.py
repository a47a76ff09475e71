"""Content fingerprints on documents, speakers and claims, and on each review the
fingerprint of the claim it reviewed (storage/fingerprint.py), so that `ledger audit
verify` names a document, speaker or claim edited behind the ledger's back.

Trust on first use: the rows already stored are fingerprinted as they are when this
migration runs. An edit made before the upgrade cannot be told from the original; only
edits after it are caught. Reviews already recorded keep ``claim_fingerprint`` NULL and
their hash formula (chain.review_hash tells the two apart by that NULL), so an untouched
older ledger still verifies; reviews recorded from now on cover their claim.

The backfill reads and writes in keyset pages (by id), a few thousand rows per round trip,
on SQLite and PostgreSQL alike; it names its columns explicitly, since later models may
differ.

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_TABLES = ("documents", "speakers", "claims")
_INTEGERS = ("document_id", "start", "end", "sentence_start", "sentence_end", "q_start", "q_end", "speaker_id",
             "speaker_start", "speaker_end")


def upgrade() -> None:
    for name in _TABLES:
        with op.batch_alter_table(name) as batch:
            batch.add_column(sa.Column("fingerprint", sa.String(length=64), nullable=True))
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("claim_fingerprint", sa.String(length=64), nullable=True))
    _backfill()


def _table(name: str, *columns: str) -> sa.Table:
    from ledger.storage.types import UTCDateTime

    types = {"published": UTCDateTime(), "updated": UTCDateTime(), "ingested_at": UTCDateTime(),
             "created_at": UTCDateTime(), "by_hand": sa.Boolean(), "q_value": sa.Float(), "q_value_max": sa.Float(),
             **{c: sa.Integer() for c in _INTEGERS}}
    return sa.table(name, sa.column("id", sa.Integer), sa.column("fingerprint", sa.String),
                    *(sa.column(c, types.get(c, sa.Text)) for c in columns))


def _backfill() -> None:
    from ledger.storage import fingerprint

    documents = _table("documents", *fingerprint.DOCUMENT_FIELDS)
    speakers = _table("speakers", *fingerprint.SPEAKER_FIELDS)
    claims = _table("claims", *fingerprint.CLAIM_FIELDS)
    _fill(documents, sa.select(documents), fingerprint.document, page=200)
    _fill(speakers, sa.select(speakers), fingerprint.speaker)
    claim_rows = (
        sa.select(claims, documents.c.fingerprint.label("document_fingerprint"), speakers.c.name.label("speaker_name"))
        .select_from(claims).outerjoin(documents, documents.c.id == claims.c.document_id)
        .outerjoin(speakers, speakers.c.id == claims.c.speaker_id)
    )
    _fill(claims, claim_rows, lambda row: fingerprint.claim(
        row, document_fingerprint=row["document_fingerprint"], speaker_name=row["speaker_name"]))


def _fill(table: sa.Table, select: sa.Select, digest, page: int = 2000) -> None:
    """Set ``fingerprint`` on every row of ``table`` (read through ``select``), a page at a time."""
    bind, last = op.get_bind(), 0
    update = table.update().where(table.c.id == sa.bindparam("row_id")).values(fingerprint=sa.bindparam("fp"))
    while True:
        rows = bind.execute(select.where(table.c.id > last).order_by(table.c.id).limit(page)).mappings().all()
        if rows:
            bind.execute(update, [{"row_id": r["id"], "fp": digest(r)} for r in rows])
            last = rows[-1]["id"]
        if len(rows) < page:
            return


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("claim_fingerprint")
    for name in reversed(_TABLES):
        with op.batch_alter_table(name) as batch:
            batch.drop_column("fingerprint")
