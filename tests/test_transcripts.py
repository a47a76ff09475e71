"""Transcripts: each turn's speaker, stage directions ignored, moderators asking, the score."""
from __future__ import annotations

import json

import pytest

from ledger.extract.transcript import extract_transcript, looks_like_transcript

DEBATE = """Riverton council debate
Participants: Dana Okafor, Luis Ferreira
Moderator: Priya Raman

RAMAN: Good evening. How many homes has the city built since 2019?
OKAFOR: The city has built 1,200 affordable homes since 2019.
OKAFOR: I think we can do better.
(APPLAUSE)
FERREIRA: The council spent $48 million on roads last year. [CROSSTALK]
SYSTEM: (LAUGHTER)
"""


def spoken(text, **kw):
    return [(c.speaker.name, c.text) for c in extract_transcript(text, **kw).claims]


def test_each_sentence_is_the_turns_speaker_with_the_headers_full_name():
    said = spoken(DEBATE)
    assert ("Dana Okafor", "The city has built 1,200 affordable homes since 2019.") in said
    assert ("Luis Ferreira", "The council spent $48 million on roads last year.") in said
    assert not any(name == "Priya Raman" for name, _ in said)  # the moderator's question is no claim of hers


def test_stage_directions_are_not_text_and_offsets_stay_exact():
    doc = extract_transcript(DEBATE)
    assert not any("APPLAUSE" in c.text or "CROSSTALK" in c.text or "LAUGHTER" in c.text for c in doc.claims)
    for c in doc.claims:
        assert DEBATE[c.start:c.end] == c.text
        assert DEBATE[c.speaker.start:c.speaker.end] in ("OKAFOR", "FERREIRA")


@pytest.mark.parametrize("text, speaker", [
    ("Mr. SMITH: We cut the deficit by 40 percent.\nMs. JONES: It rose 3 percent.\nMr. SMITH: Not so.\n",
     "Mr. Smith"),
    ("[Moderator] Welcome.\n[Ana Ruiz] Crime fell 12 percent in 2023.\n[Moderator] Thanks.\n", "Ana Ruiz"),
    ("Q: Jane Doe\nA: Sam Lee\n\nQ: How many homes?\nA: We built 400 homes in 2023.\n", "Sam Lee"),
    ("Joe Vance: Wages rose 6 percent.\nMia Holt: They fell.\n", "Joe Vance"),
])
def test_the_common_label_forms(text, speaker):
    assert speaker in {name for name, _ in spoken(text, forced=True)}


def test_a_label_names_the_full_name_the_transcript_uses():
    text = ("MODERATOR: Welcome, Senator Maria Quintero and Governor Tom Alder.\n"
            "QUINTERO: Unemployment fell to 4 percent in my state.\nALDER: Ours fell to 3 percent.\n")
    assert {name for name, _ in spoken(text)} == {"Maria Quintero", "Tom Alder"}


def test_detection_without_the_flag_only_when_unambiguous(tmp_path):
    assert looks_like_transcript(DEBATE)
    article = "URL: https://example.org/a\nOUTLET: Daily Planet\nTITLE: Storm\n\nThe storm flooded 300 homes.\n"
    assert not looks_like_transcript(article)
    assert not looks_like_transcript("NOTE: one line.\nThe rest is prose with 12 bridges.\nMore prose.\n")


@pytest.mark.parametrize("text", [
    "Just an article that mentions 12 bridges and no speaker at all.\n",
    " ".join(f"W{i}: word" for i in range(3000)),  # a label on every word, none starting a line
    "\n".join(f"W{i}:" for i in range(3000)),  # labels with nothing said
])
def test_no_turns_give_no_claims_and_say_why(text):
    doc = extract_transcript(text, forced=True)
    assert doc.claims == [] and doc.warnings == ["no speaker labels found (a transcript has lines like 'NAME: text')"]


def test_a_ten_megabyte_transcript_is_read_whole():
    turn = "SMITH: We cut the deficit by 40 percent in four years. (APPLAUSE)\nJONES: Unemployment rose 3 percent.\n"
    big = "MODERATOR: Welcome.\n" + turn * (10_000_000 // len(turn))
    doc = extract_transcript(big)
    assert len(doc.claims) == 3 * (10_000_000 // len(turn))  # "40 percent", "four years", "3 percent"
    assert {c.speaker.name for c in doc.claims} == {"Smith", "Jones"}


def test_add_reads_a_transcript_and_the_queue_puts_figures_first(ledger, tmp_path):
    path = tmp_path / "debate.txt"
    path.write_text(DEBATE, encoding="utf-8")
    assert ledger("add", str(path)).exit_code == 0
    queue = ledger.json("queue", "--json")
    assert {c["speaker"]["name"] for c in queue} <= {"Dana Okafor", "Luis Ferreira"}
    assert queue == sorted(queue, key=lambda c: -c["worthiness"])
    shown = ledger("show", str(queue[0]["id"])).stdout
    assert "worthiness " in shown  # the score with the features that made it


def test_add_transcript_forces_title_case_labels(ledger, tmp_path):
    path = tmp_path / "interview.txt"
    path.write_text("Joe Vance: Wages rose 6 percent last year.\nMia Holt: They fell 2 percent.\n", encoding="utf-8")
    ledger("add", "--transcript", str(path))
    assert {c["speaker"]["name"] for c in ledger.json("queue", "--json")} == {"Joe Vance", "Mia Holt"}


def test_the_contract_reads_transcripts_and_gives_every_claim_its_worthiness(ledger):
    from ledger.extract.contract import answer

    out = answer(json.dumps({"id": "d1", "text": DEBATE, "format": "transcript"}), 1)
    assert out["id"] == "d1" and out["claims"]
    assert all(isinstance(c["worthiness"], float) for c in out["claims"])
    article = answer(json.dumps({"id": "a1", "text": "Officials said 40 schools closed."}), 1)
    assert isinstance(article["claims"][0]["worthiness"], float)
