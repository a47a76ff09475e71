"""A document's publication date as the source stated it: how much of a date it gives
(``published_precision``: year, month, day or time), the offset from UTC it states
(``published_offset``, minutes east; NULL when it states no zone), and the byline's names
(``author``). ``published`` stays the UTC instant, for ordering and filters.

Rows already stored keep NULL in all three: a NULL precision is shown as before (the UTC
instant), since what the source stated was not kept. Nothing is backfilled, and the
fingerprints of stored rows do not cover these columns, so they still verify.

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("published_precision", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("published_offset", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("author", sa.String(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch copy of the table would
    # trip over the claims that reference it on SQLite
    for column in ("author", "published_offset", "published_precision"):
        op.execute(f"ALTER TABLE documents DROP COLUMN {column}")
