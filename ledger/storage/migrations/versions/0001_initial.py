"""The first ledger: documents, speakers, claims and append-only reviews.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

from ledger.storage.types import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("outlet", sa.String(), nullable=True),
        sa.Column("published", UTCDateTime(), nullable=True),
        sa.Column("published_raw", sa.String(), nullable=True),
        sa.Column("updated", UTCDateTime(), nullable=True),
        sa.Column("updated_raw", sa.String(), nullable=True),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("by_hand", sa.Boolean(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_index("ix_documents_outlet", "documents", ["outlet"])
    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=True),
        sa.UniqueConstraint("name", name="uq_speakers_name"),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("speaker_id", sa.Integer(), sa.ForeignKey("speakers.id"), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("q_surface", sa.String(), nullable=True),
        sa.Column("q_start", sa.Integer(), nullable=True),
        sa.Column("q_end", sa.Integer(), nullable=True),
        sa.Column("q_value", sa.Float(), nullable=True),
        sa.Column("q_value_max", sa.Float(), nullable=True),
        sa.Column("q_unit", sa.String(), nullable=True),
        sa.Column("q_change", sa.String(), nullable=True),
        sa.Column("q_concept", sa.String(), nullable=True),
        sa.Column("speaker_surface", sa.String(), nullable=True),
        sa.Column("speaker_start", sa.Integer(), nullable=True),
        sa.Column("speaker_end", sa.Integer(), nullable=True),
        sa.Column("cue", sa.String(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_claims_document_id", "claims", ["document_id"])
    op.create_index("ix_claims_speaker_id", "claims", ["speaker_id"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claims.id"), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("evidence_url", sa.String(), nullable=True),
        sa.Column("previous_status", sa.String(length=16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_reviews_claim_id", "reviews", ["claim_id", "id"])


def downgrade() -> None:
    op.drop_table("reviews")
    op.drop_table("claims")
    op.drop_table("speakers")
    op.drop_table("documents")
