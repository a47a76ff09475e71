"""Shared fixtures: a fresh temporary ledger per test, on SQLite or on PostgreSQL.

The suite runs against SQLite by default. With ``LEDGER_TEST_PG`` set to the URL of a
PostgreSQL server's maintenance database (``.ci/run`` starts one), every test that uses
``db_url`` gets a fresh database on that server instead.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "biden-putin-2021-04-14.txt"
PG_ADMIN_URL = os.environ.get("LEDGER_TEST_PG")


def _pg_database():
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"ledger_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    return admin, name, url


@pytest.fixture
def db_url(tmp_path):
    """The URL of an empty ledger database that exists only for this test."""
    if not PG_ADMIN_URL:
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    from sqlalchemy import text

    admin, name, url = _pg_database()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_url():
    """A fresh PostgreSQL database; skips when no server is configured."""
    if not PG_ADMIN_URL:
        pytest.skip("no PostgreSQL server: set LEDGER_TEST_PG (as .ci/run does) to run this test")
    from sqlalchemy import text

    admin, name, url = _pg_database()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


class Ledger:
    """Runs the CLI against one database, the way a user types it."""

    def __init__(self, url: str):
        self.url = url
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, env: dict | None = None):
        from ledger.cli import app

        return self.runner.invoke(app, ["--db", self.url, *args], input=input, env=env, catch_exceptions=False)

    def json(self, *args: str):
        import json

        result = self(*args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)


@pytest.fixture
def ledger(db_url):
    """A ledger that exists and is empty (a command that only reads refuses a missing one)."""
    from ledger.storage.db import open_ledger

    open_ledger(db_url).dispose()
    return Ledger(db_url)


@pytest.fixture
def seeded(ledger):
    result = ledger("add", str(SEED))
    assert result.exit_code == 0, result.output
    return ledger


def report_rows(csv_text: str) -> list[dict]:
    """The claim rows of a CSV report: every row is a claim."""
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert all(row["claim_id"].isdigit() for row in rows), "every row of a report is a claim"
    return rows
