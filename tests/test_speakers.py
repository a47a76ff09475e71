"""A reviewer fixes speakers: `speakers rename` and `speakers merge`, each an audited correction."""
from __future__ import annotations


def add(ledger, tmp_path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert ledger("add", str(path)).exit_code == 0


def speakers(ledger) -> dict[str, int]:
    return {r["speaker"]: r["total"] for r in ledger.json("speakers", "--json")}


def test_merge_makes_two_speakers_one_and_the_audit_still_verifies(ledger, tmp_path):
    add(ledger, tmp_path, "a.txt", "Strike\n\nUnion leader Tom Reyes said 3,400 dock workers walked out.\n")
    add(ledger, tmp_path, "b.txt", "Strike spreads\n\nT. Reyes said 2,000 more dock workers would join on Friday.\n")
    assert speakers(ledger) == {"Tom Reyes": 1, "T. Reyes": 1}
    reviewed = next(c["id"] for c in ledger.json("claims", "--json") if c["speaker"]["name"] == "T. Reyes")
    assert ledger("mark", str(reviewed), "-s", "disputed", "--reviewer", "ana").exit_code == 0
    result = ledger("speakers", "merge", "T. Reyes", "Tom Reyes", "--note", "the same union leader", "--reviewer", "ana")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Merged T. Reyes into Tom Reyes (speaker 1): 1 claim(s) moved (correction 1).\n"
    assert speakers(ledger) == {"Tom Reyes": 2}
    shown = ledger.json("show", str(reviewed), "--json")
    assert shown["speaker"]["name"] == "Tom Reyes" and shown["status"] == "disputed"
    assert [c["id"] for c in ledger.json("claims", "--search", "reyes", "--speaker", "tom", "--json")] == [1, 2]
    verify = ledger("audit", "verify")
    assert verify.exit_code == 0, verify.output
    assert "2 corrections" not in verify.stdout and "1 correction" in verify.stdout


def test_rename_changes_the_name_on_every_claim_and_is_audited(ledger, tmp_path):
    add(ledger, tmp_path, "a.txt", "Port\n\nLena Ortz said the port handles 12 million tonnes a year.\n")
    result = ledger("speakers", "rename", "Lena Ortz", "Lena Ortiz-Vidal", "--role", "port director")
    assert result.exit_code == 0, result.output
    assert speakers(ledger) == {"Lena Ortiz-Vidal": 1}
    assert ledger.json("speakers", "--json")[0]["role"] == "port director"
    # the search index has the new name (the claim's text still says "Ortz")
    assert [c["speaker"]["name"] for c in ledger.json("claims", "--search", "vidal", "--json")] == ["Lena Ortiz-Vidal"]
    assert ledger("audit", "verify").exit_code == 0


def test_a_rename_onto_a_taken_name_or_an_unknown_speaker_is_refused(ledger, tmp_path):
    add(ledger, tmp_path, "a.txt", "Strike\n\nTom Reyes said 3,400 dock workers walked out.\n")
    add(ledger, tmp_path, "b.txt", "Port\n\nLena Ortiz said the port handles 12 million tonnes a year.\n")
    taken = ledger("speakers", "rename", "Lena Ortiz", "Tom Reyes")
    assert taken.exit_code == 3
    assert taken.stderr == "Error: speaker 'Tom Reyes' exists already: `ledger speakers merge` joins two speakers\n"
    missing = ledger("speakers", "merge", "Nobody", "Tom Reyes")
    assert missing.exit_code == 3 and "speaker 'Nobody': no such speaker" in missing.stderr
    assert ledger("speakers", "merge", "Tom Reyes", "Tom Reyes").exit_code == 3
    assert speakers(ledger) == {"Tom Reyes": 1, "Lena Ortiz": 1}


def test_a_short_form_in_a_later_document_is_the_one_known_speaker_it_names(ledger, tmp_path):
    add(ledger, tmp_path, "a.txt", "Budget\n\nSenate Majority Leader Ruth Calder said 51 votes were needed.\n")
    add(ledger, tmp_path, "b.txt", "Vote\n\nCalder said 49 senators had signed the letter.\n")
    rows = ledger.json("speakers", "--json")
    assert [(r["speaker"], r["total"], r["aliases"], r["roles"]) for r in rows] == [
        ("Ruth Calder", 2, ["Calder"], ["Senate Majority Leader"])]
    assert ledger("audit", "verify").exit_code == 0


def test_a_short_form_that_could_name_two_speakers_stays_apart(ledger, tmp_path):
    add(ledger, tmp_path, "a.txt", "Budget\n\nRuth Calder said 51 votes were needed.\n")
    add(ledger, tmp_path, "b.txt", "Budget 2\n\nJames Calder said 12 amendments were tabled.\n")
    add(ledger, tmp_path, "c.txt", "Vote\n\nCalder said 49 senators had signed the letter.\n")
    assert speakers(ledger) == {"Ruth Calder": 1, "James Calder": 1, "Calder": 1}


def test_a_description_is_a_speaker_of_its_own_document_only(ledger, tmp_path):
    add(ledger, tmp_path, "a.txt", "Plant\n\nThe company said 120 drivers would be hired in May.\n")
    add(ledger, tmp_path, "b.txt", "Depot\n\nThe company said 80 drivers would lose their jobs.\n")
    rows = [r for r in ledger.json("speakers", "--json") if r["speaker"] == "company"]
    assert [r["total"] for r in rows] == [1, 1] and rows[0]["id"] != rows[1]["id"]
    ambiguous = ledger("speakers", "rename", "company", "Acme Corp")
    assert ambiguous.exit_code == 3 and "several speakers have this name" in ambiguous.stderr
    assert ledger("speakers", "rename", str(rows[0]["id"]), "Acme Corp").exit_code == 0
    assert ledger("audit", "verify").exit_code == 0


def test_the_same_name_in_two_documents_is_one_speaker(ledger, tmp_path):
    add(ledger, tmp_path, "a.txt", "Plant\n\nAcme Corp said 120 drivers would be hired in May.\n")
    add(ledger, tmp_path, "b.txt", "Depot\n\nAcme Corp said 80 drivers would lose their jobs.\n")
    assert speakers(ledger) == {"Acme Corp": 2}


def test_reextract_splits_a_description_stored_before_descriptions_were_per_document(ledger, tmp_path, monkeypatch):
    from dataclasses import replace

    import ledger.workflow.ingest as ingest

    real = ingest.extract

    def before_0018(text, **meta):  # descriptions were stored as one ledger-wide speaker
        doc = real(text, **meta)
        return replace(doc, claims=[replace(c, speaker=c.speaker and replace(c.speaker, generic=False))
                                    for c in doc.claims])

    monkeypatch.setattr(ingest, "extract", before_0018)
    add(ledger, tmp_path, "a.txt", "Plant\n\nThe company said 120 drivers would be hired in May.\n")
    add(ledger, tmp_path, "b.txt", "Depot\n\nThe company said 80 drivers would lose their jobs.\n")
    monkeypatch.undo()
    assert speakers(ledger) == {"company": 2}
    claim = ledger.json("claims", "--json")[0]["id"]
    assert ledger("mark", str(claim), "-s", "verified", "--reviewer", "ana").exit_code == 0
    assert ledger("reextract", "--all").exit_code == 0
    rows = [r for r in ledger.json("speakers", "--json") if r["speaker"] == "company" and r["total"]]
    assert [r["total"] for r in rows] == [1, 1] and rows[0]["id"] != rows[1]["id"]
    assert ledger.json("show", str(claim), "--json")["reviews"][0]["reviewer"] == "ana"
    assert ledger("audit", "verify").exit_code == 0


def test_international_first_names_give_pronouns_their_person():
    from ledger.extract.attribution import attribute
    from ledger.extract.sentences import split_sentences
    text = ("The returning officer, Harriet Pike, opened the count, as did candidate Rafael Bain. "
            "Turnout was 41.8 percent, she said.")
    spans = split_sentences(text, 0, len(text))
    assert attribute(text, spans)[-1].name == "Harriet Pike"
