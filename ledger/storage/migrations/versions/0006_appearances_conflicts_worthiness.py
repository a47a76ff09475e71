"""Appearances of one claim across documents, links between claims that agree or
conflict, and a check-worthiness score that orders the queue.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

from ledger.storage.types import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("base_score", sa.Float(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("worthiness", sa.Float(), nullable=False, server_default="0"))
    op.create_index("ix_claims_group_id", "claims", ["group_id"])
    op.create_index("ix_claims_unit_value", "claims", ["q_unit", "q_value"])
    op.create_index("ix_claims_status_worthiness", "claims", ["status", sa.desc("worthiness"), "id"])
    op.create_table(
        "claim_links",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claims.id"), nullable=False),
        sa.Column("other_id", sa.Integer(), sa.ForeignKey("claims.id"), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_claim_links_claim_id", "claim_links", ["claim_id"])
    op.create_index("ix_claim_links_other_id", "claim_links", ["other_id"])


def downgrade() -> None:
    op.drop_table("claim_links")
    op.drop_index("ix_claims_status_worthiness", table_name="claims")
    op.drop_index("ix_claims_unit_value", table_name="claims")
    op.drop_index("ix_claims_group_id", table_name="claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("worthiness")
        batch.drop_column("base_score")
        batch.drop_column("group_id")
