"""The tamper-evident review history: raw-SQL edits, deletions and insertions are caught."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from conftest import report_rows
from ledger.errors import ExitCode
from test_cli import claims_of


@pytest.fixture
def reviewed(seeded):
    ids = [c["id"] for c in claims_of(seeded)][:3]
    for i, verdict in zip(ids * 2, ["verified", "disputed", "unverified", "disputed", "verified", "verified"]):
        assert seeded("mark", str(i), "--status", verdict, "--note", f"note {verdict}", "--reviewer", "ana").exit_code == 0
    return seeded


def raw(ledger, sql: str, **params) -> None:
    engine = create_engine(ledger.url)
    with engine.begin() as conn:
        conn.execute(text(sql), params)
    engine.dispose()


def review_ids(ledger) -> list[int]:
    engine = create_engine(ledger.url)
    with engine.connect() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM reviews ORDER BY id"))]
    engine.dispose()
    return ids


def test_an_untouched_history_verifies(reviewed):
    result = reviewed("audit", "verify")
    assert result.exit_code == 0
    assert result.stdout.startswith("Audit chain ok: 6 reviews, head ")


def test_an_edited_review_is_named(reviewed):
    target = review_ids(reviewed)[2]
    raw(reviewed, "UPDATE reviews SET note = 'nothing to see' WHERE id = :i", i=target)
    result = reviewed("audit", "verify")
    assert result.exit_code == ExitCode.DATABASE
    assert result.stderr == f"Error: audit failed: review {target}: content altered since it was recorded\n"


def test_an_edited_verdict_is_named(reviewed):
    target = review_ids(reviewed)[0]
    raw(reviewed, "UPDATE reviews SET verdict = 'disputed' WHERE id = :i", i=target)
    assert f"review {target}: content altered" in reviewed("audit", "verify").stderr


def test_a_deleted_review_is_caught_at_the_one_after_it(reviewed):
    ids = review_ids(reviewed)
    raw(reviewed, "DELETE FROM reviews WHERE id = :i", i=ids[3])
    result = reviewed("audit", "verify")
    assert result.exit_code == ExitCode.DATABASE
    assert f"review {ids[4]}: does not follow review {ids[2]}" in result.stderr


def test_deleting_the_newest_review_is_caught(reviewed):
    ids = review_ids(reviewed)
    raw(reviewed, "DELETE FROM reviews WHERE id = :i", i=ids[-1])
    result = reviewed("audit", "verify")
    assert result.exit_code == ExitCode.DATABASE
    assert f"review {ids[-1]}: the newest recorded review is missing" in result.stderr


def test_a_review_inserted_out_of_band_is_caught(reviewed):
    claim = claims_of(reviewed)[0]["id"]
    raw(reviewed, "INSERT INTO reviews (claim_id, verdict, reviewer, previous_status, created_at) "
                  "VALUES (:c, 'verified', 'mallory', 'pending', '2024-01-01 00:00:00')", c=claim)
    result = reviewed("audit", "verify")
    assert result.exit_code == ExitCode.DATABASE
    assert "not in the chain (inserted out of band)" in result.stderr


def test_the_report_ends_with_the_chain_head_and_checks_against_the_ledger(reviewed, tmp_path):
    target = tmp_path / "report.csv"
    assert reviewed("export", "-o", str(target)).exit_code == 0
    head = reviewed("audit", "verify").stdout.split("head ")[1].strip()
    last = target.read_text(encoding="utf-8").strip().splitlines()[-1]
    assert last.startswith(f"# audit chain head,{head},")
    assert len(report_rows(target.read_text(encoding="utf-8"))) == len(claims_of(reviewed)) + 3  # 3 reviewed
    # later reviews extend the chain; the old report still checks out
    reviewed("mark", str(claims_of(reviewed)[0]["id"]), "--status", "verified")
    assert reviewed("audit", "verify", "--report", str(target)).exit_code == 0
    # a history rewritten from scratch does not hold the report's head
    raw(reviewed, "UPDATE reviews SET hash = NULL")
    assert reviewed("audit", "verify", "--report", str(target)).exit_code == ExitCode.DATABASE


def test_an_empty_ledger_verifies(ledger):
    result = ledger("audit", "verify")
    assert result.exit_code == 0
    assert result.stdout == f"Audit chain ok: 0 reviews, head {'0' * 64}\n"
