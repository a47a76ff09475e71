"""`ledger claims`: every status, full-text search, filters, and the shared output formats."""
from __future__ import annotations

import csv
import io
import json

import pytest

from ledger.errors import ExitCode

ARTICLES = {
    "planet.txt": ("Daily Planet", "2024-03-01",
                   "The ministry said 41,000 troops were massed at the border on Monday.\n\n"
                   "Mayor Tom Reyes said the county spent $2.5 million on new bridges."),
    "valley.txt": ("Valley News", "2024-03-04",
                   "Officials said 12 schools closed after the storm.\n\n"
                   "Ana Lima said a troop convoy of 300 trucks crossed the river."),
}


@pytest.fixture
def desk(ledger, tmp_path):
    for name, (outlet, published, body) in ARTICLES.items():
        path = tmp_path / name
        path.write_text(f"{outlet} story\n\n{body}\n", encoding="utf-8")
        assert ledger("add", str(path), "--outlet", outlet, "--published", published).exit_code == 0
    return ledger


def ids(ledger, *args) -> list[int]:
    return [c["id"] for c in ledger.json("claims", *args, "--json")]


def claim_id(ledger, words: str) -> int:
    return next(c["id"] for c in ledger.json("claims", "--json", "-n", "100") if words in c["text"])


def test_search_finds_claims_by_their_words_and_stems_ranked(desk):
    troops = claim_id(desk, "41,000 troops")
    convoy = claim_id(desk, "troop convoy")
    assert sorted(ids(desk, "--search", "troops")) == sorted([troops, convoy])  # "troop" is found too
    assert ids(desk, "--search", "troops border") == [troops]  # every word must occur
    assert ids(desk, "--search", "Reyes") == [claim_id(desk, "Tom Reyes")]  # the speaker's name counts
    assert ids(desk, "--search", "submarines") == []


@pytest.mark.parametrize("typed", ['"troops', "troops*", "-troops", "troops:", "(troops", "troops’"])
def test_search_text_is_never_query_syntax(desk, typed):
    result = desk("claims", "--search", typed, "--json")
    assert result.exit_code == 0, result.stderr
    found = [c["id"] for c in json.loads(result.stdout)]
    assert claim_id(desk, "41,000 troops") in found


@pytest.mark.parametrize("typed", ["troops AND", "NOT troops", "troops OR schools", "NEAR(troops", "^troops", "trööps", "軍隊"])
def test_operators_typed_are_words_to_find_not_errors(desk, typed):
    result = desk("claims", "--search", typed, "--json")
    assert result.exit_code == 0, result.stderr


def test_search_reaches_claims_of_every_status_and_filters_combine(desk):
    troops = claim_id(desk, "41,000 troops")
    desk("mark", str(troops), "--status", "disputed", "--reviewer", "ana")
    assert troops not in [c["id"] for c in desk.json("queue", "--json")]
    assert ids(desk, "--search", "troops", "--status", "disputed") == [troops]
    assert ids(desk, "--status", "verified") == []
    assert len(ids(desk, "--search", "troops", "--outlet", "valley")) == 1
    assert ids(desk, "--search", "troops", "--since", "2024-03-02") == [claim_id(desk, "troop convoy")]
    doc = desk.json("claims", "--json", "--search", "schools")[0]["document"]["id"]
    assert sorted(ids(desk, "--doc", str(doc))) == sorted(
        c["id"] for c in desk.json("claims", "--json") if c["document"]["id"] == doc)


def test_sort_limit_and_offset_page_through_claims(desk):
    every = ids(desk, "-n", "100")
    assert every == sorted(every)
    assert ids(desk, "--sort", "newest", "-n", "100") == every[::-1]
    assert ids(desk, "-n", "2", "--offset", "1") == every[1:3]
    published = desk.json("claims", "--json", "--sort", "published", "-n", "100")
    assert published[0]["document"]["published"].startswith("2024-03-04")
    result = desk("claims", "--sort", "rank")
    assert result.exit_code == ExitCode.USAGE and "--sort rank needs --search" in result.stderr
    result = desk("claims", "--status", "true")
    assert result.exit_code == ExitCode.USAGE and "'true' is not one of" in result.stderr


def test_every_output_format_carries_the_same_claims(desk):
    objects = desk.json("claims", "--search", "troops", "--json")
    assert desk.json("claims", "--search", "troops", "--format", "json") == objects
    lines = desk("claims", "--search", "troops", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == objects
    rows = list(csv.DictReader(io.StringIO(desk("claims", "--search", "troops", "-f", "csv").stdout)))
    assert [int(r["id"]) for r in rows] == [o["id"] for o in objects]
    assert rows[0]["change"] == "exact" and rows[0]["unit"] == "troop"
    tsv = desk("claims", "--search", "troops", "-f", "tsv").stdout.splitlines()
    assert tsv[0].split("\t")[:4] == ["id", "status", "claim", "quantity"] and len(tsv) == len(objects) + 1


def test_a_piped_table_is_not_cut_to_80_columns(desk):
    out = desk("claims", "--search", "bridges").stdout
    assert "Mayor Tom Reyes said the county spent $2.5 million on new bridges." in out
    assert max(len(line) for line in out.splitlines()) > 80
    assert desk("claims", "--search", "submarines").stdout == "No claims match.\n"


def test_queue_conflicts_and_speakers_share_the_formats(desk):
    queue = desk("queue", "-f", "jsonl").stdout.splitlines()
    assert [json.loads(q)["id"] for q in queue] == [c["id"] for c in desk.json("queue", "--json")]
    speakers = list(csv.DictReader(io.StringIO(desk("speakers", "-f", "csv").stdout)))
    assert {"Tom Reyes", "Ana Lima"} <= {s["speaker"] for s in speakers}
    assert desk("conflicts", "-f", "csv", "--limit", "1").exit_code == 0


def test_export_takes_the_same_filters(desk):
    rows = list(csv.DictReader(io.StringIO(desk("export", "--search", "troops", "--outlet", "planet").stdout)))
    assert [r["claim"] for r in rows] == ["The ministry said 41,000 troops were massed at the border on Monday."]
    rows = list(csv.DictReader(io.StringIO(desk("export", "--speaker", "lima").stdout)))
    assert {r["speaker"] for r in rows} == {"Ana Lima"}


def test_speakers_take_the_filters_too(desk):
    everyone = {s["speaker"] for s in desk.json("speakers", "--json")}
    assert {"Tom Reyes", "Ana Lima"} <= everyone
    assert {s["speaker"] for s in desk.json("speakers", "--json", "--outlet", "valley")} == {"Officials", "Ana Lima"}
    assert [s["speaker"] for s in desk.json("speakers", "--json", "--search", "bridges")] == ["Tom Reyes"]
    assert [s["speaker"] for s in desk.json("speakers", "--json", "--speaker", "lima")] == ["Ana Lima"]


def test_conflicts_take_the_speaker_and_search_filters(ledger, tmp_path):
    for outlet, figure, who in (("Daily Planet", "41,000", "Ana Lima"), ("Valley News", "35,000", "Tom Reyes")):
        path = tmp_path / f"{outlet}.txt"
        path.write_text(f"{outlet}\n\n{who} said {figure} troops were massed at the border of Ukraine on Monday.\n")
        ledger("add", str(path), "--outlet", outlet, "--published", "2024-03-01")
    assert len(ledger.json("conflicts", "--json")) == 1
    assert len(ledger.json("conflicts", "--json", "--speaker", "lima")) == 1
    assert ledger.json("conflicts", "--json", "--speaker", "nobody") == []
    assert len(ledger.json("conflicts", "--json", "--search", "troops border")) == 1
    assert ledger.json("conflicts", "--json", "--search", "submarines") == []
