"""Speakers as entities across documents: ``speaker_aliases`` holds how each document names
a speaker and the role it gives them. Filled here with one row per speaker and document
already stored (the speaker's name and role). See ``repo.create_claims``.

Revision ID: 0017
Revises: 0016
"""
import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "speaker_aliases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("speaker_id", sa.Integer(), sa.ForeignKey("speakers.id"), nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.UniqueConstraint("speaker_id", "document_id", "alias", name="uq_speaker_aliases"),
    )
    op.create_index("ix_speaker_aliases_document_id", "speaker_aliases", ["document_id"])
    op.execute("INSERT INTO speaker_aliases (speaker_id, document_id, alias, role)"
               " SELECT DISTINCT c.speaker_id, c.document_id, s.name, s.role FROM claims c"
               " JOIN speakers s ON s.id = c.speaker_id")


def downgrade() -> None:
    op.drop_index("ix_speaker_aliases_document_id", table_name="speaker_aliases")
    op.drop_table("speaker_aliases")
