"""The words matching compares, stored with each figure: its signature (what is counted)
and topic (which story), worked out once when the claim is extracted instead of every
time the figure is a candidate for a new one.

Claims stored before this revision keep NULL here and have their words worked out when
they are read.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("q_signature", sa.Text(), nullable=True))
        batch.add_column(sa.Column("q_topic", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("q_topic")
        batch.drop_column("q_signature")
