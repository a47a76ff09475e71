"""`ledger doc edit`: a document's metadata corrected, the old values kept in an audited history."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from conftest import SEED
from ledger.errors import ExitCode


def raw(ledger, sql: str, **params) -> None:
    engine = create_engine(ledger.url)
    with engine.begin() as conn:
        conn.execute(text(sql), params)
    engine.dispose()


@pytest.fixture
def reviewed(ledger):
    assert ledger("add", str(SEED)).exit_code == 0
    claim = ledger.json("queue", "--json")[0]["id"]
    assert ledger("mark", str(claim), "-s", "disputed", "--reviewer", "ana").exit_code == 0
    ledger.claim = claim
    return ledger


def test_doc_edit_corrects_metadata_and_says_what_changed(reviewed):
    result = reviewed("doc", "edit", "1", "--title", "Biden calls Putin", "--published", "2021-04-13",
                      "--outlet", "AP", "--note", "wrong day", "--reviewer", "ben")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "title: 'WH: Biden raises concerns with Putin about Ukraine' → 'Biden calls Putin'\n"
        "outlet: (none) → 'AP'\n"
        "published: 'April 14th, 2021 at 11:43 IST' → '2021-04-13'\n"
        "Document 1 corrected (correction 1).\n")
    document = reviewed.json("show", str(reviewed.claim), "--json")["document"]
    assert (document["title"], document["outlet"], document["published"]) == ("Biden calls Putin", "AP", "2021-04-13")
    assert reviewed("audit", "verify").stdout.startswith("Audit chain ok: 1 review, 1 correction, head ")
    history = reviewed.json("doc", "history", "1", "--json")
    assert [(h["actor"], h["note"], h["before"]["outlet"], h["after"]["outlet"]) for h in history] == [
        ("ben", "wrong day", None, "AP")]
    assert reviewed.json("claims", "--outlet", "AP", "--json", "-n", "50") != []


def test_an_edit_behind_the_ledgers_back_is_still_caught_after_a_correction(reviewed):
    reviewed("doc", "edit", "1", "--outlet", "AP")
    raw(reviewed, "UPDATE documents SET outlet = 'Reuters' WHERE id = 1")
    result = reviewed("audit", "verify")
    assert result.exit_code == ExitCode.DATABASE
    assert "document 1: text or metadata" in result.stderr


def test_a_correction_altered_or_deleted_is_caught(reviewed):
    reviewed("doc", "edit", "1", "--outlet", "AP")
    raw(reviewed, "UPDATE corrections SET actor = 'mallory'")
    assert "correction 1: content altered since it was recorded" in reviewed("audit", "verify").stderr
    raw(reviewed, "DELETE FROM corrections")
    result = reviewed("audit", "verify")
    assert result.exit_code == ExitCode.DATABASE
    assert "the newest recorded correction is missing" in result.stderr
    assert f"review 1: claim {reviewed.claim} is not the claim as it was reviewed" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["9", "--outlet", "AP"], "Error: document 9: no such document"),
    (["1"], "Error: nothing to change: give --title, --published, --outlet or --url"),
    (["1", "--url", "javascript:alert(1)"], "Error: --url: the URL is a javascript: URL"),
    (["1", "--published", "not a date"], "Error: --published: 'not a date' is not a date"),
])
def test_bad_corrections_are_refused_and_change_nothing(reviewed, args, message):
    result = reviewed("doc", "edit", *args)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.startswith(message)
    assert reviewed("audit", "verify").stdout.startswith("Audit chain ok: 1 review, head ")


def test_the_same_value_again_is_no_correction(reviewed):
    reviewed("doc", "edit", "1", "--outlet", "AP")
    result = reviewed("doc", "edit", "1", "--outlet", "AP")
    assert (result.exit_code, result.stderr) == (
        ExitCode.INPUT, "Error: document 1: nothing to change (the values given are the stored ones)\n")
    assert len(reviewed.json("doc", "history", "1", "--json")) == 1


def test_add_update_corrects_the_document_already_in_the_ledger(reviewed, tmp_path):
    result = reviewed("add", str(SEED), "--update", "--outlet", "AP", "--title", "Biden calls Putin")
    assert result.exit_code == 0, result.stderr
    assert f"{SEED}: corrected document 1's title, outlet (correction 1)" in result.stderr
    assert result.stdout == "Added 0 documents with 0 claims (1 already in the ledger, 0 skipped, 0 failed, 0 ignored).\n"
    history = reviewed.json("doc", "history", "1", "--json")
    assert history[0]["after"] == {"outlet": "AP", "title": "Biden calls Putin"}
    again = reviewed("add", str(SEED), "--update", "--outlet", "AP")
    assert "corrected" not in again.stderr and len(reviewed.json("doc", "history", "1", "--json")) == 1
    bare = reviewed("add", str(SEED), "--update")
    assert bare.exit_code == ExitCode.USAGE and "--update needs the corrected" in bare.stderr
    assert reviewed("audit", "verify").exit_code == 0


def test_doc_rm_is_refused_while_claims_have_reviews_unless_forced(reviewed):
    result = reviewed("doc", "rm", "1")
    assert (result.exit_code, result.stderr) == (ExitCode.INPUT, "Error: document 1: 1 of its claims has reviews;"
                                                 " --force removes it and keeps their history (`ledger show` still"
                                                 " shows them)\n")
    claims = len(reviewed.json("claims", "--json", "-n", "100"))
    result = reviewed("doc", "rm", "1", "--force", "--note", "duplicate wire copy", "--reviewer", "ben")
    assert result.stdout == (f"Document 1 removed: {claims} claims left the queue and the report; the history of the"
                             " 1 reviewed claim is kept (correction 1).\n")
    assert reviewed.json("queue", "--json") == []
    assert reviewed.json("claims", "--json") == []
    assert reviewed("export").stdout.count("\n") == 1  # the header only
    shown = reviewed.json("show", str(reviewed.claim), "--json")
    assert shown["document"]["removed_at"] is not None and shown["reviews"][0]["reviewer"] == "ana"
    assert "document removed" in reviewed("show", str(reviewed.claim)).stdout
    assert reviewed("audit", "verify").exit_code == 0
    again = reviewed("doc", "rm", "1", "--force")
    assert again.stderr == "Error: document 1: already removed\n"


def test_a_document_removed_or_restored_behind_the_ledgers_back_is_caught(ledger, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Officials said 40 schools closed.\n")
    ledger("add", str(article))
    assert ledger("doc", "rm", "1").exit_code == 0
    raw(ledger, "UPDATE documents SET removed_at = NULL")
    assert "document 1: removed by a correction but back in the ledger" in ledger("audit", "verify").stderr
    raw(ledger, "UPDATE documents SET removed_at = '2024-01-01 00:00:00'")
    raw(ledger, "DELETE FROM corrections")
    raw(ledger, "DELETE FROM audit_head WHERE id = 2")
    assert "document 1: removed without a recorded correction" in ledger("audit", "verify").stderr
