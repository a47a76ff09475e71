"""Alembic environment: runs on the connection ledger.storage.db hands it."""
from alembic import context
from sqlmodel import SQLModel

import ledger.storage.models  # noqa: F401  (registers the tables)

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
