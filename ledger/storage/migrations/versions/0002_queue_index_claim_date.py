"""The queue's index (status, id) and the date a claim's relative date resolves to.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("date_mentioned", sa.String(), nullable=True))
    op.create_index("ix_claims_status_id", "claims", ["status", "id"])


def downgrade() -> None:
    op.drop_index("ix_claims_status_id", table_name="claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("date_mentioned")
