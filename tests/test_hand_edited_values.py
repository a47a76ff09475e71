"""Values written into a SQLite ledger behind its back that its columns' types do not allow
(SQLite keeps whatever it is given): no command shows a traceback, and `audit verify`
names the rows. PostgreSQL refuses such writes itself."""
from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

from conftest import SEED, Ledger
from ledger.errors import ExitCode


@pytest.fixture
def edited(tmp_path):
    path = tmp_path / "ledger.db"
    ledger = Ledger(f"sqlite:///{path}")
    assert ledger("add", str(SEED)).exit_code == 0
    return ledger, path


def _sql(path, statement: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text(statement))
    engine.dispose()


def _run(path, *args: str):
    return subprocess.run([sys.executable, "-m", "ledger", "--db", str(path), *args],
                          capture_output=True, text=True, timeout=120)


def test_a_date_column_holding_text_reads_as_no_date_and_verify_names_the_document(edited):
    ledger, path = edited
    _sql(path, "UPDATE documents SET published = 'not a date' WHERE id = 1")
    for args in (("queue",), ("show", "1"), ("export",), ("export", "--format", "json")):
        result = ledger(*args)
        assert result.exit_code == 0, (args, result.output)
    verify = ledger("audit", "verify")
    assert verify.exit_code == ExitCode.DATABASE
    assert verify.stderr.startswith("Error: audit failed: document 1: text or metadata")


def test_text_in_a_number_column_is_one_line_and_exit_5_never_a_traceback(edited):
    ledger, path = edited
    claim_id = next(c["id"] for c in ledger.json("queue", "--json") if c["quantity"])
    _sql(path, f"UPDATE claims SET q_value = 'abc', q_start = 'k' WHERE id = {claim_id}")
    for args in (("queue",), ("show", str(claim_id))):
        result = _run(path, *args)
        assert result.returncode in (0, ExitCode.INTERNAL), result.stderr
        assert "Traceback" not in result.stderr
        if result.returncode:
            assert len(result.stderr.strip().splitlines()) == 1
            assert result.stderr.startswith("Error: unexpected ") and "ledger audit verify" in result.stderr
    verify = _run(path, "audit", "verify")
    assert verify.returncode == ExitCode.DATABASE, verify.stderr
    assert f"claim {claim_id}: text, sentence, quantity or speaker changed" in verify.stderr
