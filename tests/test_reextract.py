"""`ledger reextract`: today's extractor over stored documents, reviews kept."""
from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import SEED
from ledger.errors import ExitCode


def without(real, words: str):
    """An extractor that misses the claims whose text holds ``words`` (an older rule set)."""
    def extract(text, **meta):
        doc = real(text, **meta)
        return replace(doc, claims=[c for c in doc.claims if words not in c.text])
    return extract


@pytest.fixture
def older(ledger, monkeypatch):
    """The seed added by an extractor that missed the Crimea sentence's claims."""
    import ledger.workflow.ingest as ingest

    monkeypatch.setattr(ingest, "extract", without(ingest.extract, "Crimea"))
    assert ledger("add", str(SEED)).exit_code == 0
    monkeypatch.undo()
    return ledger


def test_reextract_adds_what_the_new_rules_find_and_keeps_reviews(older):
    before = older.json("claims", "--json", "-n", "100")
    assert not any("Crimea" in c["text"] for c in before)
    psaki = next(c["id"] for c in before if "Psaki" in c["text"])
    older("mark", str(psaki), "-s", "verified", "--reviewer", "ana")
    result = older("reextract", "1", "--reviewer", "ben")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (f"Document 1: {len(before)} kept, 2 new, 0 superseded\n"
                             f"Re-extracted 1 document with extractor {version()}: {len(before)} claims kept"
                             " (with their reviews), 2 new, 0 superseded.\n")
    after = older.json("claims", "--json", "-n", "100")
    assert sum("Crimea" in c["text"] for c in after) == 2
    assert older.json("show", str(psaki), "--json")["reviews"][0]["reviewer"] == "ana"
    assert older("audit", "verify").exit_code == 0
    again = older("reextract", "--all")
    assert again.stdout.endswith(f"{len(after)} claims kept (with their reviews), 0 new, 0 superseded.\n")


def test_a_claim_the_new_rules_no_longer_find_is_superseded_with_its_history(ledger, monkeypatch):
    import ledger.workflow.reextract as reextract

    assert ledger("add", str(SEED)).exit_code == 0
    troops = next(c["id"] for c in ledger.json("claims", "--json", "-n", "100") if "41,000 troops" in
                  (c["quantity"] or {}).get("surface", ""))
    ledger("mark", str(troops), "-s", "disputed", "--reviewer", "ana")
    monkeypatch.setattr(reextract, "extract", without(reextract.extract, "Crimea"))
    result = ledger("reextract", "--all")
    assert "0 new, 2 superseded" in result.stdout
    assert troops not in [c["id"] for c in ledger.json("claims", "--json", "-n", "100")]
    assert ledger.json("show", str(troops), "--json")["reviews"][0]["verdict"] == "disputed"
    assert ledger("audit", "verify").exit_code == 0


def test_supersession_behind_the_ledgers_back_is_caught(ledger):
    from sqlalchemy import create_engine, text

    assert ledger("add", str(SEED)).exit_code == 0
    engine = create_engine(ledger.url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE claims SET superseded_at = created_at WHERE id = 3"))
    engine.dispose()
    result = ledger("audit", "verify")
    assert result.exit_code == ExitCode.DATABASE
    assert "claim 3: superseded without a recorded re-extraction" in result.stderr


def test_reextract_needs_ids_or_all_and_names_an_unknown_document(ledger):
    assert ledger("add", str(SEED)).exit_code == 0
    assert ledger("reextract").exit_code == ExitCode.USAGE
    missing = ledger("reextract", "7")
    assert (missing.exit_code, missing.stderr) == (ExitCode.INPUT, "Error: document 7: no such document (or removed)\n")


def version() -> str:
    from ledger.extract import VERSION

    return VERSION


def test_claims_found_by_a_reextraction_are_linked_to_other_documents(ledger, monkeypatch, tmp_path):
    import ledger.workflow.ingest as ingest

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Daily Planet\n\nOfficials said 41,000 troops were massed at the border of Ukraine on Monday.\n")
    second.write_text("Valley News\n\nOfficials said 35,000 troops were massed at the border of Ukraine on Monday.\n")
    ledger("add", str(first), "--published", "2024-03-01")
    monkeypatch.setattr(ingest, "extract", without(ingest.extract, "35,000"))
    ledger("add", str(second), "--published", "2024-03-01")
    monkeypatch.undo()
    assert ledger.json("conflicts", "--json") == []
    assert "1 new" in ledger("reextract", "2").stdout
    [pair] = ledger.json("conflicts", "--json")
    assert {pair["claim"]["value"], pair["other"]["value"]} == {41000.0, 35000.0}


def first_speaker_only(real):
    """An extractor that kept one speaker per sentence (rules before revision 4)."""
    def extract(text, **meta):
        doc = real(text, **meta)
        seen, claims = set(), []
        for c in doc.claims:
            if c.quantity is None and (c.start, c.end) in seen:
                continue
            seen.add((c.start, c.end))
            claims.append(c)
        return replace(doc, claims=claims)
    return extract


def test_a_second_speaker_of_a_sentence_is_added_and_the_first_keeps_its_review(ledger, monkeypatch, tmp_path):
    import ledger.workflow.ingest as ingest

    article = tmp_path / "two.txt"
    article.write_text("TITLE: Road\n\nThe council said the road was closed, but residents said it reopened.\n")
    monkeypatch.setattr(ingest, "extract", first_speaker_only(ingest.extract))
    assert ledger("add", str(article)).exit_code == 0
    monkeypatch.undo()
    [council] = ledger.json("claims", "--json")
    assert council["speaker"]["name"] == "council"
    ledger("mark", str(council["id"]), "-s", "verified", "--reviewer", "ana")
    result = ledger("reextract", "--all")
    assert "1 kept, 1 new, 0 superseded" in result.stdout, result.stdout
    speakers = {c["speaker"]["name"]: c for c in ledger.json("claims", "--json")}
    assert set(speakers) == {"council", "residents"}
    assert speakers["council"]["id"] == council["id"]
    assert ledger.json("show", str(council["id"]), "--json")["reviews"][0]["reviewer"] == "ana"
    assert "0 new, 0 superseded" in ledger("reextract", "--all").stdout
