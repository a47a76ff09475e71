"""Corrections: each edit of stored data (``ledger doc edit``, ``doc rm``) is a row with what changed,
from what to what, who, why, and how the fingerprints of the rows it touched moved;
chained by hash like the reviews, the newest link kept in ``audit_head`` as id 2. A
removed document is kept, with ``documents.removed_at`` set (its claims and their reviews
stay readable; they leave the queue, the listings and the report).

Revision ID: 0013
Revises: 0012
"""
import sqlalchemy as sa
from alembic import op

from ledger.storage.types import UTCDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("fingerprints", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
    )
    op.create_index("ix_corrections_target", "corrections", ["kind", "target_id"])
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("removed_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE documents DROP COLUMN removed_at")
    op.drop_index("ix_corrections_target", table_name="corrections")
    op.drop_table("corrections")
