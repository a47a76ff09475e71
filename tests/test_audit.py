"""The tamper-evident review history: raw-SQL edits, deletions and insertions are caught."""
from __future__ import annotations

import json

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


def test_the_report_keeps_its_chain_head_beside_it_and_checks_against_the_ledger(reviewed, tmp_path):
    import hashlib

    target = tmp_path / "report.csv"
    assert reviewed("export", "-o", str(target)).exit_code == 0
    checked = reviewed("audit", "verify").stdout  # "Audit chain ok: N reviews, head HASH"
    head, reviews = checked.split("head ")[1].strip(), int(checked.split(": ")[1].split(" ")[0])
    side = json.loads((tmp_path / "report.csv.audit.json").read_text(encoding="utf-8"))
    rows = report_rows(target.read_text(encoding="utf-8"))
    assert len(rows) == len(claims_of(reviewed)) + 3  # 3 reviewed
    assert side == {"report": "report.csv", "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
                    "rows": len(rows), "chain_head": head, "head_review_id": side["head_review_id"], "reviews": reviews}
    # later reviews extend the chain; the old report still checks out
    reviewed("mark", str(claims_of(reviewed)[0]["id"]), "--status", "verified")
    assert reviewed("audit", "verify", "--report", str(target)).exit_code == 0
    # a history rewritten from scratch does not hold the report's head
    raw(reviewed, "UPDATE reviews SET hash = NULL")
    assert reviewed("audit", "verify", "--report", str(target)).exit_code == ExitCode.DATABASE


def test_a_report_edited_after_export_or_without_its_audit_file_is_refused(reviewed, tmp_path):
    target = tmp_path / "report.csv"
    assert reviewed("export", "-o", str(target)).exit_code == 0
    target.write_text(target.read_text(encoding="utf-8").replace("disputed", "verified"), encoding="utf-8")
    result = reviewed("audit", "verify", "--report", str(target))
    assert (result.exit_code, result.stderr) == (ExitCode.INPUT, f"Error: {target}: changed since it was exported"
                                                 f" (its SHA-256 is not the one in {target}.audit.json)\n")
    (tmp_path / "report.csv.audit.json").unlink()
    result = reviewed("audit", "verify", "--report", str(target))
    assert (result.exit_code, result.stderr) == (ExitCode.INPUT, f"Error: {target}.audit.json: not found (a report's"
                                                 " chain head is kept in REPORT.audit.json, written by `ledger export"
                                                 " -o REPORT`)\n")


def test_a_report_on_stdout_is_only_claims_and_writes_no_audit_file(reviewed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = reviewed("export").stdout
    assert len(report_rows(out)) == len(claims_of(reviewed)) + 3
    assert list(tmp_path.glob("*.audit.json")) == []


def test_an_empty_ledger_verifies(ledger):
    result = ledger("audit", "verify")
    assert result.exit_code == 0
    assert result.stdout == f"Audit chain ok: 0 reviews, head {'0' * 64}\n"
