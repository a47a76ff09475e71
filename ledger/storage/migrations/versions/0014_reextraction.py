"""Re-extraction: the extractor's version on each claim (``extractor_version``; NULL on
claims stored before, whose version was not kept), and ``superseded_at`` on a claim that
``ledger reextract`` no longer finds (kept with its reviews, hidden from the queue, the
listings and the report). Neither is in the claim's fingerprint; a supersession is a
recorded correction, checked by ``audit verify``.

Revision ID: 0014
Revises: 0013
"""
import sqlalchemy as sa
from alembic import op

from ledger.storage.types import UTCDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("extractor_version", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("superseded_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    for column in ("superseded_at", "extractor_version"):
        op.execute(f"ALTER TABLE claims DROP COLUMN {column}")
