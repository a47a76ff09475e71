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
