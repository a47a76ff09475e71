"""Descriptions are speakers of one document: ``speakers.scope`` is "" for a named speaker
(one across the ledger, as before) and "document:<id>" for a description the extractor did
not resolve to a name ("officials", "the company", "one resident"), so Acme's "company"
and Globex's "company" are two speakers. The unique name becomes unique (name, scope).
Speakers stored before keep the scope "": this migration does not split them.

Revision ID: 0018
Revises: 0017
"""
import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite rebuilds the table to drop a constraint; the migration runs with foreign keys
    # off and checks them all before it commits (storage/db.py, schema_lock)
    with op.batch_alter_table("speakers") as batch:
        batch.add_column(sa.Column("scope", sa.String(length=40), nullable=False, server_default=""))
        batch.drop_constraint("uq_speakers_name", type_="unique")
        batch.create_unique_constraint("uq_speakers_name_scope", ["name", "scope"])


def downgrade() -> None:
    # one name, one speaker again: a description's name takes its document ("company
    # (document:12)") so that no two rows collide
    op.execute("UPDATE speakers SET name = name || ' (' || scope || ')' WHERE scope <> ''")
    with op.batch_alter_table("speakers") as batch:
        batch.drop_constraint("uq_speakers_name_scope", type_="unique")
        batch.create_unique_constraint("uq_speakers_name", ["name"])
        batch.drop_column("scope")
