"""A full-text index of claims (text and speaker) for ``ledger claims --search``: SQLite
FTS5 ranked by bm25, PostgreSQL tsvector with a GIN index ranked by ts_rank. Filled here
from the claims already stored; from then on written by the transaction that stores
claims. See ``ledger.storage.search``.

Revision ID: 0012
Revises: 0011
"""
from alembic import op

from ledger.storage import search

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search.create_index(op.get_bind())


def downgrade() -> None:
    search.drop_index(op.get_bind())
