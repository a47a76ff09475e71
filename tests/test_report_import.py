"""The CSV report opens in data tools with typed columns: every row is a claim."""
from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from conftest import SEED


@pytest.fixture
def report(ledger, tmp_path):
    assert ledger("add", str(SEED)).exit_code == 0
    ledger("add", "--claim", "=SUM(A1) The minister said 12 bridges were built", "--speaker", "Tom Reyes")
    claim = ledger.json("queue", "--json")[0]["id"]
    assert ledger("mark", str(claim), "--status", "disputed", "--note", "-3 is the real figure").exit_code == 0
    path = tmp_path / "report.csv"
    assert ledger("export", "-o", str(path)).exit_code == 0
    return path


def test_sqlite_utils_detects_integer_ids_and_numeric_quantities(report, tmp_path):
    db = tmp_path / "imported.db"
    cli = [sys.executable, "-m", "sqlite_utils", "insert", str(db), "claims", str(report), "--csv"]
    usage = subprocess.run([*cli[:4], "--help"], check=True, capture_output=True, text=True).stdout
    detect = ["--detect-types"] if "--detect-types" in usage else []  # sqlite-utils 4 detects by default
    subprocess.run(cli + detect, check=True, capture_output=True)
    con = sqlite3.connect(db)
    types = {row[1]: row[2] for row in con.execute("PRAGMA table_info(claims)")}
    assert (types["claim_id"], types["reviews"], types["appearances"]) == ("INTEGER", "INTEGER", "INTEGER")
    assert types["quantity_value"] in {"INTEGER", "FLOAT", "REAL"}  # whole figures are written as integers
    assert types["worthiness"] in {"FLOAT", "REAL"}  # sqlite-utils 3 says FLOAT, 4 REAL
    assert {row[0] for row in con.execute("SELECT typeof(quantity_value) FROM claims")} <= {"integer", "real", "null"}
    assert types["quantity_change"] == "TEXT"
    changes = {row[0] for row in con.execute("SELECT DISTINCT quantity_change FROM claims")}
    assert changes <= {"exact", "approx", "more than", "less than", "up", "down", ""}
    assert "more than" in changes  # the seed's "More than 14,000 people"


def test_pandas_reads_integer_ids_and_numeric_quantities(report):
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(report)
    assert str(frame["claim_id"].dtype) == "int64"
    assert str(frame["reviews"].dtype) == "int64"
    assert str(frame["quantity_value"].dtype) == "float64"
    assert frame["claim_id"].is_unique
    assert set(frame["status"]) <= {"pending", "verified", "disputed", "unverified"}
    note = frame.loc[frame["status"] == "disputed", "last_note"].iloc[0]
    assert note == "'-3 is the real figure"  # text cells keep the formula guard
