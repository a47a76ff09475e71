"""`add --claim` says which claim it created, and --json gives the claim object."""
from __future__ import annotations

from ledger.errors import ExitCode


def test_add_claim_prints_the_new_claim_id(ledger):
    first = ledger("add", "--claim", "The mayor said 12 bridges were built", "--speaker", "Tom Reyes")
    assert first.stdout == "Added claim 1 by hand (document 1).\n"
    second = ledger("add", "--claim", "The mayor said 13 bridges were built")
    assert second.stdout == "Added claim 2 by hand (document 2).\n"
    assert ledger.json("show", "2", "--json")["text"] == "The mayor said 13 bridges were built"


def test_add_claim_json_is_the_claim_object_show_gives(ledger):
    created = ledger.json("add", "--claim", "Officials said 40 schools closed", "--speaker", "Ana Lima", "--json")
    shown = ledger.json("show", str(created["id"]), "--json")
    assert created == shown
    assert (created["quantity"]["value"], created["speaker"]["name"]) == (40.0, "Ana Lima")


def test_a_repeated_claim_adds_nothing_and_json_needs_a_claim(ledger, tmp_path):
    ledger("add", "--claim", "Officials said 40 schools closed")
    again = ledger("add", "--claim", "Officials said 40 schools closed")
    assert again.stdout == "That claim is already in the ledger; nothing added.\n"
    article = tmp_path / "a.txt"
    article.write_text("Officials said 40 schools closed.\n")
    result = ledger("add", str(article), "--json")
    assert result.exit_code == ExitCode.USAGE
    assert "--json goes with --claim" in result.stderr


def test_show_lists_review_ids_to_undo_and_times_in_the_local_zone(ledger, monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    try:
        ledger("add", "--claim", "Officials said 40 schools closed")
        ledger("mark", "1", "--status", "disputed", "--reviewer", "ana")
        [review] = ledger.json("show", "1", "--json")["reviews"]
        from datetime import datetime, timedelta, timezone

        utc = datetime.fromisoformat(review["created_at"].replace("Z", "+00:00"))
        local = utc.astimezone(timezone(timedelta(hours=5, minutes=30))).strftime("%Y-%m-%d %H:%M")
        assert f"#{review['id']} {local} IST ana: pending → disputed" in ledger("show", "1").stdout
        assert review["created_at"].endswith(("Z", "+00:00"))  # --json stays UTC
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_mark_pending_reopens_and_undo_walks_back_one_review_at_a_time(ledger):
    ledger("add", "--claim", "Officials said 40 schools closed")
    assert ledger("mark", "1", "-s", "disputed", "--reviewer", "ana").stdout == "Claim 1: disputed (was pending)\n"
    assert ledger("mark", "1", "-s", "pending", "--reviewer", "ana").stdout == "Claim 1: pending (was disputed)\n"
    assert [c["id"] for c in ledger.json("queue", "--json")] == [1]
    result = ledger("undo", "2", "--reviewer", "ben")
    assert result.stdout == "Claim 1: disputed again (review 2 undone by review 3)\n"
    assert ledger.json("queue", "--json") == []
    refused = ledger("undo", "2", "--reviewer", "ben")
    assert (refused.exit_code, refused.stderr) == (
        ExitCode.INPUT, "Error: review 2 is not the latest review of claim 1 (review 3 is); undo that one first\n")
    missing = ledger("undo", "99")
    assert missing.stderr == "Error: review 99: no such review (`ledger show CLAIM_ID` lists a claim's reviews)\n"
    history = ledger.json("show", "1", "--json")["reviews"]
    assert [(r["verdict"], r["note"]) for r in history] == [
        ("disputed", None), ("pending", None), ("disputed", "undo of review 2 (pending by ana)")]
    assert ledger("audit", "verify").exit_code == 0
