"""Storage: the ledger's tables, its engine and sessions, migrations, and repository functions."""
