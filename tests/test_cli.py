"""The CLI end to end, as a fact-checker uses it, each test on a fresh temporary ledger."""
from __future__ import annotations

import csv
import io
import json

from conftest import SEED, report_rows

from ledger.errors import ExitCode


def claims_of(ledger, *args):
    return ledger.json("queue", "--json", "--limit", "1000", *args)


def by_surface(claims):
    return {c["quantity"]["surface"]: c for c in claims if c["quantity"]}


# ------------------------------------------------------------------ add + queue on the seed


def test_seed_article_yields_the_checkable_figures(seeded):
    claims = claims_of(seeded)
    q = by_surface(claims)
    troops = q["41,000 troops"]
    assert troops["quantity"]["value"] == 41000 and troops["quantity"]["unit"] == "troop"
    assert troops["speaker"]["name"] == "Ukraine"
    more = q["42,000"]
    assert more["quantity"]["value"] == 42000 and more["quantity"]["unit"] == "troop"
    assert more["speaker"]["name"] == "Ukraine"
    dead = next(c for s, c in q.items() if s.lower() == "more than 14,000 people")
    assert dead["quantity"]["change"] == ">" and dead["quantity"]["value"] == 14000
    assert dead["speaker"] is None
    weeks = q["two more weeks"]
    assert weeks["quantity"]["value"] == 2 and weeks["quantity"]["unit"] == "week"
    assert "defense minister" in weeks["speaker"]["name"]


def test_seed_article_has_no_claims_for_years_idioms_or_timestamps(seeded):
    surfaces = " | ".join(c["quantity"]["surface"] for c in claims_of(seeded) if c["quantity"])
    assert "2014" not in surfaces
    assert "third" not in surfaces
    assert "11" not in surfaces and "43" not in surfaces


def test_seed_article_metadata(seeded):
    claim = claims_of(seeded)[0]
    assert claim["document"]["published"].startswith("2021-04-14")
    assert claim["document"]["published_raw"] == "April 14th, 2021 at 11:43 IST"
    assert claim["document"]["title"] == "WH: Biden raises concerns with Putin about Ukraine"


def test_repeated_lead_paragraph_yields_its_claims_once(seeded):
    texts = [c["text"] for c in claims_of(seeded)]
    assert len(texts) == len(set((c["text"], json.dumps(c["quantity"])) for c in claims_of(seeded)))
    lead = [t for t in texts if t.startswith("The White House says President Joe Biden")]
    assert len(lead) <= 1


def test_adding_the_same_article_twice_changes_nothing(seeded):
    before = seeded.json("stats", "--json")
    result = seeded("add", str(SEED))
    assert result.exit_code == 0
    assert "already in the ledger" in result.stderr
    assert result.stdout.startswith("Added 0 documents with 0 claims (1 already in the ledger")
    assert seeded.json("stats", "--json") == before


def test_add_reports_what_it_added(ledger):
    result = ledger("add", str(SEED))
    n = len(claims_of(ledger))
    assert result.exit_code == 0
    assert result.stdout == f"Added 1 document with {n} claims (0 already in the ledger, 0 skipped, 0 failed, 0 ignored).\n"


def test_add_walks_folders_and_reads_stdin(ledger, tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("Officials said 300 homes were flooded.\n")
    (tmp_path / "a" / "b" / "two.md").write_text("The council said it would spend $4 million on repairs.\n")
    (tmp_path / "a" / "skip.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = ledger("add", str(tmp_path / "a"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Added 2 documents")
    assert result.stdout.endswith(" 0 failed, 1 ignored).\n")  # skip.png
    result = ledger("add", "-", "--outlet", "Daily Planet", input="The mayor said 12 bridges were closed.\n")
    assert result.exit_code == 0, result.output
    claims = claims_of(ledger, "--outlet", "daily planet")
    assert [c["quantity"]["value"] for c in claims] == [12]


def test_add_overrides_metadata(ledger, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Published March 3, 2020\n\nThe agency said 40 flights were cancelled.\n")
    ledger("add", str(article), "--title", "Flights", "--url", "https://example.org/f", "--outlet", "Wire",
           "--published", "2020-03-05")
    doc = claims_of(ledger)[0]["document"]
    assert doc["title"] == "Flights" and doc["url"] == "https://example.org/f" and doc["outlet"] == "Wire"
    assert doc["published"].startswith("2020-03-05")


def test_a_missing_file_is_named_and_the_rest_of_the_batch_goes_in(ledger, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The ministry said 25 schools had closed.\n")
    result = ledger("add", str(tmp_path / "missing.txt"), str(good))
    assert result.exit_code == ExitCode.INPUT
    assert f"Error: {tmp_path / 'missing.txt'}: no such file or folder\n" in result.stderr
    assert [c["quantity"]["value"] for c in claims_of(ledger)] == [25]


def test_an_empty_file_is_skipped_with_a_warning(ledger, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    result = ledger("add", str(empty))
    assert result.exit_code == ExitCode.SKIPPED
    assert f"Warning: {empty}: skipped (empty file)" in result.stderr


def test_add_a_claim_by_hand(ledger):
    result = ledger("add", "--claim", "Unemployment fell to 4.2% in May", "--speaker", "Jane Roe",
                    "--url", "https://example.org/jobs", "--published", "2024-06-07")
    assert result.exit_code == 0, result.output
    [claim] = claims_of(ledger)
    assert claim["text"] == "Unemployment fell to 4.2% in May"
    assert claim["quantity"]["value"] == 4.2
    assert claim["speaker"]["name"] == "Jane Roe"
    assert claim["document"]["by_hand"] is True
    assert claim["document"]["url"] == "https://example.org/jobs"


# ------------------------------------------------------------------ queue


def test_queue_table_lists_pending_claims(seeded):
    result = seeded("queue", "--limit", "2")
    assert result.exit_code == 0
    first = claims_of(seeded)[0]
    assert result.stdout.splitlines()[0].startswith("┏")
    assert f"│ {first['id']:>2} │" in result.stdout
    assert "published" in result.stdout


def test_queue_filters(seeded, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Published January 2, 2019\n\nThe governor said 80 roads were closed.\n")
    seeded("add", str(other), "--outlet", "State Wire")
    assert len(claims_of(seeded, "--limit", "1")) == 1
    assert {c["document"]["outlet"] for c in claims_of(seeded, "--outlet", "state")} == {"State Wire"}
    assert all(c["document"]["published"].startswith("2019") for c in claims_of(seeded, "--until", "2020-01-01"))
    assert all(c["document"]["published"].startswith("2021") for c in claims_of(seeded, "--since", "2020-01-01"))
    ukraine = claims_of(seeded, "--speaker", "ukraine")
    assert ukraine and all(c["speaker"]["name"] == "Ukraine" for c in ukraine)


def test_queue_sorted_oldest_first_drops_reviewed_claims(seeded):
    ids = [c["id"] for c in claims_of(seeded, "--sort", "oldest")]
    assert ids == sorted(ids)
    seeded("mark", str(ids[0]), "--status", "verified")
    assert [c["id"] for c in claims_of(seeded, "--sort", "oldest")] == ids[1:]


def test_queue_puts_the_most_check_worthy_claims_first(seeded):
    claims = claims_of(seeded)
    scores = [c["worthiness"] for c in claims]
    assert scores == sorted(scores, reverse=True)
    top = claims[0]
    assert top["quantity"] is not None and top["speaker"] is not None  # a figure with a named source
    last = claims[-1]
    assert last["quantity"] is None or last["speaker"] is None


def test_a_bad_date_is_a_usage_error_naming_the_option(seeded):
    result = seeded("queue", "--since", "yesterdayish")
    assert result.exit_code == ExitCode.USAGE
    assert "--since" in result.stderr and "'yesterdayish' is not a date" in result.stderr


def test_queue_json_has_the_stable_shape(seeded):
    claim = claims_of(seeded)[0]
    assert set(claim) >= {"id", "status", "text", "quantity", "speaker", "document"}
    assert set(claim["document"]) >= {"title", "outlet", "url", "published"}
    assert claim["status"] == "pending"


# ------------------------------------------------------------------ mark / show / export


def test_mark_show_export_round_trip(seeded):
    cid = claims_of(seeded)[0]["id"]
    result = seeded("mark", str(cid), "--status", "disputed", "--note", "Figure is from 2019",
                    "--evidence", "https://example.org/source", "--reviewer", "ana")
    assert result.exit_code == 0
    assert result.stdout == f"Claim {cid}: disputed (was pending)\n"
    shown = seeded.json("show", str(cid), "--json")
    assert shown["status"] == "disputed"
    [review] = shown["reviews"]
    assert (review["verdict"], review["reviewer"], review["note"], review["evidence_url"]) == (
        "disputed", "ana", "Figure is from 2019", "https://example.org/source")
    text = seeded("show", str(cid)).stdout
    assert "ana: pending → disputed — Figure is from 2019 <https://example.org/source>" in text
    rows = report_rows(seeded("export").stdout)
    row = next(r for r in rows if r["claim_id"] == str(cid))
    assert (row["status"], row["last_reviewer"], row["last_note"], row["last_evidence"], row["reviews"]) == (
        "disputed", "ana", "Figure is from 2019", "https://example.org/source", "1")


def test_a_re_review_keeps_both_reviews(seeded):
    cid = str(claims_of(seeded)[0]["id"])
    seeded("mark", cid, "--status", "unverified", "--reviewer", "ana")
    seeded("mark", cid, "--status", "verified", "--reviewer", "ben", "--note", "found the report")
    shown = seeded.json("show", cid, "--json")
    assert [(r["reviewer"], r["previous_status"], r["verdict"]) for r in shown["reviews"]] == [
        ("ana", "pending", "unverified"), ("ben", "unverified", "verified")]
    assert shown["status"] == "verified"


def test_mark_unknown_id_is_an_input_error_and_the_others_are_marked(seeded):
    cid = claims_of(seeded)[0]["id"]
    result = seeded("mark", str(cid), "999999", "--status", "verified")
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == "Error: no claim with id 999999\n"
    assert seeded.json("show", str(cid), "--json")["status"] == "verified"


def test_mark_invalid_status_is_a_usage_error(seeded):
    result = seeded("mark", "1", "--status", "true")
    assert result.exit_code == ExitCode.USAGE
    assert "'true' is not one of" in result.stderr


def test_reviewer_defaults_to_the_environment(seeded):
    cid = str(claims_of(seeded)[0]["id"])
    seeded("mark", cid, "--status", "verified", env={"LEDGER_REVIEWER": "desk-3"})
    assert seeded.json("show", cid, "--json")["reviews"][0]["reviewer"] == "desk-3"


def test_show_unknown_claim(seeded):
    result = seeded("show", "424242")
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == "Error: no claim with id 424242\n"


def test_export_csv_has_the_audit_columns_and_one_row_per_claim(seeded):
    out = seeded("export").stdout
    rows = report_rows(out)
    assert len(rows) == len(claims_of(seeded))
    assert list(rows[0]) == [
        "claim_id", "status", "claim", "sentence", "quantity_surface", "quantity_value", "quantity_value_max",
        "quantity_unit", "quantity_change", "quantity_concept", "speaker", "speaker_role", "cue", "document_title",
        "outlet", "url", "source", "published", "added_at", "last_reviewer", "last_reviewed_at", "last_note", "last_evidence",
        "reviews", "document_flags", "appearances", "conflicts", "worthiness"]
    troops = next(r for r in rows if r["quantity_surface"] == "41,000 troops")
    assert (troops["quantity_value"], troops["quantity_unit"], troops["speaker"]) == ("41000", "troop", "Ukraine")


def test_export_file_is_rfc4180_with_crlf_rows(seeded, tmp_path):
    target = tmp_path / "r.csv"
    seeded("export", "-o", str(target))
    data = target.read_bytes()
    assert data.startswith(b"claim_id,status,claim,") and data.endswith(b"\r\n")
    assert data.split(b"\n", 1)[0].endswith(b"\r")


def test_export_filters_and_writes_files(seeded, tmp_path):
    cid = claims_of(seeded)[0]["id"]
    seeded("mark", str(cid), "--status", "verified")
    target = tmp_path / "report.csv"
    result = seeded("export", "-o", str(target), "--status", "verified")
    assert result.exit_code == 0
    assert result.stderr == f"Wrote 1 claim to {target}.\n"
    rows = report_rows(target.read_text(encoding="utf-8"))
    assert [r["claim_id"] for r in rows] == [str(cid)]


def test_export_json_uses_the_queue_shape(seeded):
    exported = json.loads(seeded("export", "--format", "json").stdout)
    queued = claims_of(seeded, "--sort", "oldest")
    assert exported == queued


def test_export_neutralises_formulas(ledger):
    ledger("add", "--claim", '=HYPERLINK("http://x","click") says 5 people', "--speaker", "@someone")
    rows = report_rows(ledger("export").stdout)
    assert rows[0]["claim"] == "'" + '=HYPERLINK("http://x","click") says 5 people'
    assert rows[0]["speaker"] == "'@someone"


# ------------------------------------------------------------------ review (interactive)


def test_review_records_a_verdict_with_note_and_evidence(seeded):
    first = claims_of(seeded)[0]["id"]
    result = seeded("review", "--reviewer", "ana", input="v\nChecked the ministry release\nhttps://e.org/1\nq\n")
    assert result.exit_code == 0, result.output
    assert f"Claim {first}: verified." in result.stdout
    assert "Reviewed 1 claim, skipped 0." in result.stdout
    [review] = seeded.json("show", str(first), "--json")["reviews"]
    assert (review["reviewer"], review["note"], review["evidence_url"]) == (
        "ana", "Checked the ministry release", "https://e.org/1")


def test_review_skip_moves_on_and_leaves_the_claim_pending(seeded):
    ids = [c["id"] for c in claims_of(seeded)]
    result = seeded("review", "--reviewer", "ana", input="s\nd\n\n\nq\n")
    assert result.exit_code == 0, result.output
    assert seeded.json("show", str(ids[0]), "--json")["status"] == "pending"
    assert seeded.json("show", str(ids[1]), "--json")["status"] == "disputed"
    assert "Reviewed 1 claim, skipped 1." in result.stdout


def test_review_shows_context_and_earlier_reviews(seeded):
    first = claims_of(seeded)[0]
    seeded("mark", str(first["id"]), "--status", "unverified", "--reviewer", "ben", "--note", "no source")
    seeded("mark", str(first["id"]), "--status", "verified", "--reviewer", "ben")
    # the claim is no longer pending; re-open nothing, so show it directly
    text = seeded("show", str(first["id"])).stdout
    assert first["text"] in " ".join(text.split()) or first["text"][:40] in text
    assert "ben: pending → unverified — no source" in text


def test_review_on_an_empty_queue(ledger):
    result = ledger("review", input="q\n")
    assert result.exit_code == 0
    assert "The queue is empty." in result.stdout


# ------------------------------------------------------------------ stats / extract / misc


def test_stats(seeded, db_url):
    cid = str(claims_of(seeded, "--sort", "oldest")[0]["id"])
    seeded("mark", cid, "--status", "disputed")
    stats = seeded.json("stats", "--json")
    assert stats["documents"] == 1 and stats["reviews"] == 1
    assert stats["by_status"]["disputed"] == 1
    assert stats["by_status"]["pending"] == stats["claims"] - 1
    assert stats["by_speaker"]["Ukraine"]["pending"] == 2
    text = seeded("stats").stdout
    assert text.splitlines()[0].startswith("Database: ")


def test_extract_prints_claims_without_touching_the_database(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from ledger.cli import app

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert out["published"].startswith("2021-04-14")
    assert any(c["quantity"] and c["quantity"]["surface"] == "41,000 troops" for c in out["claims"])
    assert not (tmp_path / "db").exists()


def test_extract_jsonl_contract(tmp_path):
    from typer.testing import CliRunner

    from ledger.cli import app

    text = "The mayor said 12 bridges were closed."
    lines = json.dumps({"id": "a", "text": text}) + "\n" + json.dumps({"id": 7, "text": "No numbers here."}) + "\n"
    result = CliRunner().invoke(app, ["extract", "--jsonl", "-"], input=lines)
    assert result.exit_code == 0
    out = [json.loads(l) for l in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 7]
    [claim] = out[0]["claims"]
    assert claim["text"] == text[claim["start"]:claim["end"]]
    q = claim["quantity"]
    assert text[q["start"]:q["end"]] == q["surface"] and q["value"] == 12
    assert out[1]["claims"] == []


def test_extract_jsonl_rejects_bad_lines_loudly():
    from typer.testing import CliRunner

    from ledger.cli import app

    result = CliRunner().invoke(app, ["extract", "--jsonl", "-"], input='{"id": 1}\nnot json\n{"id": 2, "text": "x"}\n')
    assert result.exit_code == ExitCode.INPUT
    assert 'line 1: needs an "id" and a string "text"' in result.stderr
    assert "line 2: not valid JSON" in result.stderr
    assert json.loads(result.stdout) == {"id": 2, "claims": []}


def test_ledger_db_environment_variable(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from ledger.cli import app

    target = tmp_path / "elsewhere.db"
    assert CliRunner().invoke(app, ["add", "--claim", "Prices rose 5%."], env={"LEDGER_DB": str(target)}).exit_code == 0
    result = CliRunner().invoke(app, ["stats", "--json"], env={"LEDGER_DB": str(target)})
    assert result.exit_code == 0
    assert json.loads(result.stdout)["database"] == str(target)


def test_not_a_database_is_refused_and_left_untouched(tmp_path):
    from typer.testing import CliRunner

    from ledger.cli import app

    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 100)
    before = bogus.read_bytes()
    result = CliRunner().invoke(app, ["--db", str(bogus), "stats"])
    assert result.exit_code == ExitCode.DATABASE
    assert result.stderr == f"Error: {bogus}: not a SQLite database file\n"
    assert bogus.read_bytes() == before


def test_python_dash_m_ledger():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "ledger", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for command in ("add", "queue", "review", "mark", "show", "export", "stats", "extract"):
        assert command in out.stdout


def test_a_saved_web_page_goes_in_as_its_article(ledger, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Site | Floods</title>"
        '<meta property="og:site_name" content="The Wire">'
        '<meta property="article:published_time" content="2022-03-01T10:00:00Z">'
        "<script>var tracking = 12345;</script><style>p { margin: 0 }</style></head><body>"
        "<nav>Home | 24 sections</nav><article><h1>Floods close schools</h1>"
        "<p>Officials said <b>300</b> homes were flooded on Monday.</p>"
        "<p>The river rose through the night and the water reached the main road before dawn, "
        "leaving the lower streets of the town under a layer of mud by the time the crews arrived.</p>"
        "<p>Volunteers spent the day moving furniture out of the ground floors while the rain went on.</p>"
        "</article>"
        "<footer>Copyright 2022, 10 rights</footer></body></html>"
    )
    result = ledger("add", str(page))
    assert result.exit_code == 0, result.output
    [claim] = claims_of(ledger)
    assert claim["quantity"]["value"] == 300
    assert claim["text"] == "Officials said 300 homes were flooded on Monday."
    assert claim["document"]["title"] == "Floods close schools"
    assert claim["document"]["outlet"] == "The Wire"
    assert claim["document"]["published"].startswith("2022-03-01")
    assert claim["date_mentioned"] == "2022-02-28"


def test_version_and_help_list_exit_codes():
    from typer.testing import CliRunner

    from ledger import __version__
    from ledger.cli import app

    assert CliRunner().invoke(app, ["--version"]).stdout == f"ledger, version {__version__}\n"
    assert "Exit codes: 0 ok, 1 some inputs skipped" in " ".join(CliRunner().invoke(app, ["--help"]).stdout.split())


def test_show_of_a_claim_in_the_last_paragraph_has_one_blank_line_after_it(ledger):
    assert ledger("add", "-", input="First paragraph.\n\nThe council said 52 votes were cast.\n").exit_code == 0
    lines = ledger("show", "1").stdout.splitlines()
    at = lines.index("The council said 52 votes were cast.")
    assert lines[at + 1] == "" and lines[at + 2].startswith("quantity: 52 votes")
