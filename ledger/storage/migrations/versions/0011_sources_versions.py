"""Keep the source of every document: where it was read from (path, ``-`` or URL as
given, the final URL after redirects), when, the HTTP status and content type, the
SHA-256 and size of the raw bytes and the raw bytes themselves (zlib-compressed), and
for a page fetched again after it changed, the document it is a new version of.

Documents stored before this revision get a source row that says where they were read
from (``documents.source``) and when they were added, but no raw bytes and no hash: those
were not kept then, and `ledger source` says so. Documents entered by hand (``add
--claim``) have no source row.

Revision ID: 0011
Revises: 0009 (the lead re-points this to 0010 at merge)
"""
import sqlalchemy as sa
from alembic import op

from ledger.storage.types import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("final_url", sa.String(), nullable=True),
        sa.Column("read_at", UTCDateTime(), nullable=True),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("content_type", sa.String(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("raw", sa.LargeBinary(), nullable=True),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_sources_document_id"),
        sa.ForeignKeyConstraint(["previous_id"], ["documents.id"], name="fk_sources_previous_id"),
        sa.UniqueConstraint("document_id", name="uq_sources_document_id"),
    )
    op.create_index("ix_sources_final_url", "sources", ["final_url"])
    # the documents already stored: where they came from and when, their bytes not kept
    op.execute(
        "INSERT INTO sources (document_id, location, read_at, version) "
        "SELECT id, source, ingested_at, 1 FROM documents WHERE NOT by_hand AND source IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_index("ix_sources_final_url", table_name="sources")
    op.drop_table("sources")
