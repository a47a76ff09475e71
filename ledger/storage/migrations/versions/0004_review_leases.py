"""Review leases: the claim a reviewer is looking at, held until a verdict, skip, quit or expiry.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

from ledger.storage.types import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "leases",
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claims.id"), primary_key=True, autoincrement=False),
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("taken_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("leases")
