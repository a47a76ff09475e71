"""Prior checks: imported ClaimReviews (``reference_reviews``, with their full-text index
``reference_search``), an index of the claims that have a verdict (``checked_search``,
filled here from the claims reviewed already), and on each claim the earlier verdict it
strongly matches (``prior_kind``, ``prior_id``, ``prior_score``). See
``ledger.workflow.prior``. None of this is in a fingerprint or the audit chain: references
are other desks' data, and a match is worked out again whenever it is shown.

Revision ID: 0015
Revises: 0014
"""
import sqlalchemy as sa
from alembic import op

from ledger.storage import search
from ledger.storage.types import UTCDateTime

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reference_reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("claim_text", sa.Text(), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=True),
        sa.Column("claimant_type", sa.String(length=40), nullable=True),
        sa.Column("claim_date", sa.String(length=64), nullable=True),
        sa.Column("review_date", sa.String(length=64), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("rating", sa.Text(), nullable=True),
        sa.Column("rating_value", sa.Float(), nullable=True),
        sa.Column("best_rating", sa.Float(), nullable=True),
        sa.Column("worst_rating", sa.Float(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("appearances", sa.Text(), nullable=True),
        sa.Column("q_surface", sa.String(), nullable=True),
        sa.Column("q_value", sa.Float(), nullable=True),
        sa.Column("q_unit", sa.String(), nullable=True),
        sa.Column("q_change", sa.String(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("key", name="uq_reference_reviews_key"),
    )
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("prior_kind", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("prior_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("prior_score", sa.Float(), nullable=True))
    conn = op.get_bind()
    search.create_index(conn, search.REFERENCES)
    search.create_index(conn, search.CHECKED)
    search.fill_checked(conn)


def downgrade() -> None:
    conn = op.get_bind()
    search.drop_index(conn, search.CHECKED)
    search.drop_index(conn, search.REFERENCES)
    for column in ("prior_score", "prior_id", "prior_kind"):
        op.execute(f"ALTER TABLE claims DROP COLUMN {column}")
    op.drop_table("reference_reviews")
