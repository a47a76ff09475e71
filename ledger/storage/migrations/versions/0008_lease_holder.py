"""Leases belong to a review session, not to a reviewer's name: two terminals of the same
reviewer are shown different claims. ``holder`` is a token each `ledger review` run makes
for itself; leases taken before this revision have none and simply lapse.

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("leases") as batch:
        batch.add_column(sa.Column("holder", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("leases") as batch:
        batch.drop_column("holder")
