"""A hash chain over reviews (tamper evidence), backfilled for reviews already recorded.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
    )
    _backfill()


def _backfill() -> None:
    """Chain the reviews already recorded (explicit columns: later models may differ)."""
    from types import SimpleNamespace

    from ledger.storage.chain import GENESIS, review_hash
    from ledger.storage.types import UTCDateTime

    reviews = sa.table(
        "reviews", sa.column("id", sa.Integer), sa.column("claim_id", sa.Integer), sa.column("verdict", sa.String),
        sa.column("reviewer", sa.String), sa.column("note", sa.Text), sa.column("evidence_url", sa.String),
        sa.column("previous_status", sa.String), sa.column("created_at", UTCDateTime()),
        sa.column("prev_hash", sa.String), sa.column("hash", sa.String),
    )
    head = sa.table("audit_head", sa.column("id", sa.Integer), sa.column("review_id", sa.Integer),
                    sa.column("hash", sa.String))
    bind = op.get_bind()
    rows = bind.execute(sa.select(reviews).order_by(reviews.c.id)).mappings().all()
    prev, last = GENESIS, None
    for row in rows:
        digest = review_hash(SimpleNamespace(**row), prev)
        bind.execute(reviews.update().where(reviews.c.id == row["id"]).values(prev_hash=prev, hash=digest))
        prev, last = digest, row["id"]
    if last is not None:
        bind.execute(head.insert().values(id=1, review_id=last, hash=prev))


def downgrade() -> None:
    op.drop_table("audit_head")
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
