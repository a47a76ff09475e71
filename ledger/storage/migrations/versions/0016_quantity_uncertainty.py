"""A figure's stated uncertainty (``1.7±0.7 g/cm³``: 0.7), ``claims.q_uncertainty``; NULL
where none is stated and on claims stored before (``ledger reextract`` reads them again).
Not in the claim's fingerprint.

Revision ID: 0016
Revises: 0015
"""
import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("q_uncertainty", sa.Float(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE claims DROP COLUMN q_uncertainty")
