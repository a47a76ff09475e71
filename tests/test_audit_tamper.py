"""What the report publishes cannot change behind the ledger's back: a raw-SQL edit of a
claim, its speaker or its document is named by `ledger audit verify` (exit 4), and so is
one that also rewrites the row's fingerprint, once the claim has been reviewed."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import create_engine, text

from ledger.errors import ExitCode
from test_audit import raw
from test_cli import claims_of


@pytest.fixture
def book(seeded):
    """The seeded ledger with claim ``a`` reviewed twice (verified, then disputed), claim
    ``b`` pending; both have a figure and a speaker."""
    figures = [c for c in claims_of(seeded) if c.get("quantity") and c.get("speaker")]
    a, b = figures[0]["id"], figures[1]["id"]
    for verdict in ("verified", "disputed"):
        assert seeded("mark", str(a), "--status", verdict, "--reviewer", "ana").exit_code == 0
    seeded.a, seeded.b = a, b
    seeded.row = lambda sql, **p: _one(seeded, sql, **p)
    return seeded


def _one(ledger, sql: str, **params):
    engine = create_engine(ledger.url)
    with engine.connect() as conn:
        row = conn.execute(text(sql), params).mappings().first()
    engine.dispose()
    return row


def failure(ledger, *args: str) -> str:
    """The first line verify prints; it must have failed with the database exit code."""
    result = ledger("audit", "verify", *args)
    assert result.exit_code == ExitCode.DATABASE, result.output
    return result.stderr.splitlines()[0]


def test_an_untouched_ledger_verifies(book):
    result = book("audit", "verify")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Audit chain ok: 2 reviews, head ")


CLAIM_EDITS = {
    "text": "text = 'Officials said 3 homes flooded.'",
    "sentence offsets": "sentence_start = sentence_start + 1",
    "claim span": "\"end\" = \"end\" - 1",
    "q_surface": "q_surface = '12,345 widgets'",
    "q_value": "q_value = 12345",
    "q_value_max": "q_value_max = 12346",
    "q_unit": "q_unit = 'dollar'",
    "q_change": "q_change = '+'",
    "q_concept": "q_concept = 'deaths'",
    "quantity offsets": "q_start = q_start + 1",
    "speaker_id": "speaker_id = NULL",
    "cue": "cue = 'denied'",
}


@pytest.mark.parametrize("which", ["a", "b"], ids=["reviewed", "pending"])
@pytest.mark.parametrize("edit", list(CLAIM_EDITS.values()), ids=list(CLAIM_EDITS))
def test_a_claim_edit_is_named(book, edit, which):
    claim = getattr(book, which)
    raw(book, f"UPDATE claims SET {edit} WHERE id = :id", id=claim)
    assert failure(book) == (
        f"Error: audit failed: claim {claim}: text, sentence, quantity or speaker changed since it was stored")


def test_a_status_edit_is_named_against_the_latest_review(book):
    raw(book, "UPDATE claims SET status = 'verified' WHERE id = :id", id=book.a)
    assert failure(book) == (
        f"Error: audit failed: claim {book.a}: status is verified but its latest review says disputed")


def test_a_status_edit_of_a_claim_never_reviewed_is_named(book):
    raw(book, "UPDATE claims SET status = 'verified' WHERE id = :id", id=book.b)
    assert failure(book) == f"Error: audit failed: claim {book.b}: status is verified but it has no review"


@pytest.mark.parametrize("edit", ["name = 'Vladimir Lenin'", "role = 'tsar'"])
def test_a_speaker_edit_is_named(book, edit):
    speaker = book.row("SELECT speaker_id FROM claims WHERE id = :id", id=book.a)["speaker_id"]
    raw(book, f"UPDATE speakers SET {edit} WHERE id = :id", id=speaker)
    assert failure(book) == f"Error: audit failed: speaker {speaker}: name or role changed since it was stored"


DOCUMENT_EDITS = {
    "text": ("text = :v", "Nothing happened."),
    "title": ("title = :v", "A different story"),
    "url": ("url = :v", "https://example.com/spoof"),
    "outlet": ("outlet = :v", "Other Times"),
    "published": ("published = :v", datetime(1999, 1, 1, tzinfo=timezone.utc)),
    "published_raw": ("published_raw = :v", "1 January 1999"),
    "flags": ("flags = :v", None),
    # how the date is shown (revision 0010): moving the offset moves the day a reader sees
    "published_offset": ("published_offset = :v", 600),
    "published_precision": ("published_precision = :v", "year"),
    "author": ("author = :v", "Someone Else"),
}


@pytest.mark.parametrize("edit", list(DOCUMENT_EDITS.values()), ids=list(DOCUMENT_EDITS))
def test_a_document_edit_is_named(book, edit):
    sql, value = edit
    document = book.row("SELECT document_id FROM claims WHERE id = :id", id=book.a)["document_id"]
    if sql.startswith("flags"):
        value = '["edited"]'
    if sql.startswith("published =") and book.url.startswith("sqlite"):
        value = value.replace(tzinfo=None)
    raw(book, f"UPDATE documents SET {sql} WHERE id = :id", id=document, v=value)
    assert failure(book) == (
        f"Error: audit failed: document {document}: text or metadata (title, URL, outlet, date, author) changed"
        " since it was stored")


def _refingerprint_claim(ledger, claim_id: int) -> None:
    """What an attacker who knows the formula does after editing a claim."""
    from ledger.storage import fingerprint

    row = ledger.row("SELECT c.*, d.fingerprint AS doc_fp, s.name AS speaker_name FROM claims c"
                     " JOIN documents d ON d.id = c.document_id LEFT JOIN speakers s ON s.id = c.speaker_id"
                     " WHERE c.id = :id", id=claim_id)
    row = {**row, "created_at": _aware(row["created_at"])}
    digest = fingerprint.claim(row, document_fingerprint=row["doc_fp"], speaker_name=row["speaker_name"])
    raw(ledger, "UPDATE claims SET fingerprint = :f WHERE id = :id", f=digest, id=claim_id)


def _aware(value):
    if isinstance(value, str):  # SQLite through a bare connection
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def test_a_reviewed_claim_edited_and_refingerprinted_breaks_the_review_chain(book):
    raw(book, "UPDATE claims SET q_value = 12345 WHERE id = :id", id=book.a)
    _refingerprint_claim(book, book.a)
    reviews = [r for r in _ids(book, "SELECT id FROM reviews WHERE claim_id = :c ORDER BY id", c=book.a)]
    result = book("audit", "verify")
    assert result.exit_code == ExitCode.DATABASE
    assert result.stderr.splitlines() == [
        f"Error: audit failed: review {reviews[0]}: claim {book.a} is not the claim as it was reviewed (edited since)",
        f"  also: review {reviews[1]}: claim {book.a} is not the claim as it was reviewed (edited since)",
    ]


def test_a_document_refingerprinted_after_an_edit_shows_in_its_claims(book):
    from ledger.storage import fingerprint

    document = book.row("SELECT document_id FROM claims WHERE id = :id", id=book.a)["document_id"]
    raw(book, "UPDATE documents SET outlet = 'Other Times' WHERE id = :id", id=document)
    row = dict(book.row("SELECT * FROM documents WHERE id = :id", id=document))
    for when in ("published", "updated", "ingested_at"):
        row[when] = _aware(row[when]) if row[when] else None
    raw(book, "UPDATE documents SET fingerprint = :f WHERE id = :id", f=fingerprint.document(row), id=document)
    first = min(_ids(book, "SELECT id FROM claims WHERE document_id = :d", d=document))
    assert failure(book) == (
        f"Error: audit failed: claim {first}: text, sentence, quantity or speaker changed since it was stored")


def _ids(ledger, sql: str, **params) -> list[int]:
    engine = create_engine(ledger.url)
    with engine.connect() as conn:
        out = [r[0] for r in conn.execute(text(sql), params)]
    engine.dispose()
    return out


def test_rows_inserted_without_a_fingerprint_are_named(book):
    raw(book, "INSERT INTO speakers (name) VALUES ('nobody')")
    speaker = book.row("SELECT id FROM speakers WHERE name = 'nobody'")["id"]
    assert failure(book) == f"Error: audit failed: speaker {speaker}: has no fingerprint (inserted out of band)"


def test_every_problem_is_listed_after_the_first(book):
    claims = _ids(book, "SELECT id FROM claims ORDER BY id")
    raw(book, "UPDATE claims SET text = 'edited'")
    result = book("audit", "verify")
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"Error: audit failed: claim {claims[0]}: ")
    assert lines[1].startswith(f"  also: claim {claims[1]}: ")
    assert len(lines) == 11 and lines[-1] == f"  and {len(claims) - 10} more problems"


def test_a_verdict_recorded_after_the_edit_does_not_launder_it(book):
    raw(book, "UPDATE claims SET q_value = 12345 WHERE id = :id", id=book.b)
    assert book("mark", str(book.b), "--status", "verified", "--reviewer", "ana").exit_code == 0
    assert "claim {}: text".format(book.b) in failure(book)


# ------------------------------------------------------------------ the head, kept outside


def test_the_head_is_one_line_to_keep_and_verify_checks_it(book):
    line = book("audit", "head").stdout
    head = book("audit", "verify").stdout.split("head ")[1].strip()
    last = max(_ids(book, "SELECT id FROM reviews"))
    assert line.startswith(f"ledger audit head: {head} after review {last} (2 reviews) at 20")
    assert line.endswith("Z\n") and line.count("\n") == 1
    as_json = book.json("audit", "head", "--json")
    assert (as_json["head"], as_json["review_id"], as_json["reviews"]) == (head, last, 2)
    book("mark", str(book.b), "--status", "verified", "--reviewer", "ana")
    assert book("audit", "verify", "--head", head).exit_code == 0
    assert book("audit", "verify", "--head", line.strip()).exit_code == 0  # the whole line will do


def test_an_empty_ledger_has_the_genesis_head(ledger):
    assert ledger("audit", "head").stdout == f"ledger audit head: {'0' * 64} (0 reviews)\n"
    assert ledger("audit", "verify", "--head", "0" * 64).exit_code == 0


def test_a_head_that_is_not_a_hash_is_a_usage_error(book):
    assert book("audit", "verify", "--head", "yesterday").exit_code == ExitCode.USAGE


def test_deleting_the_newest_review_and_moving_the_head_back_is_caught_by_the_kept_head(book, tmp_path):
    report = tmp_path / "report.csv"
    assert book("export", "-o", str(report)).exit_code == 0
    kept = book("audit", "head").stdout
    newest, previous = _ids(book, "SELECT id, hash FROM reviews ORDER BY id DESC")[:2]
    older = book.row("SELECT hash, verdict FROM reviews WHERE id = :i", i=previous)
    raw(book, "DELETE FROM reviews WHERE id = :i", i=newest)
    raw(book, "UPDATE audit_head SET review_id = :i, hash = :h", i=previous, h=older["hash"])
    raw(book, "UPDATE claims SET status = :s WHERE id = :c", s=older["verdict"], c=book.a)
    assert book("audit", "verify").exit_code == 0  # consistent, as far as the database alone can tell
    assert "is not in this ledger's chain" in failure(book, "--head", kept)
    assert "is not in this ledger's chain" in failure(book, "--report", str(report))


def test_deleting_every_review_and_the_head_is_caught(book, tmp_path):
    report = tmp_path / "report.csv"
    assert book("export", "-o", str(report)).exit_code == 0
    raw(book, "DELETE FROM reviews")
    raw(book, "DELETE FROM audit_head")
    assert failure(book) == f"Error: audit failed: claim {book.a}: status is disputed but it has no review"
    raw(book, "UPDATE claims SET status = 'pending'")
    assert book("audit", "verify").exit_code == 0  # an empty history is a consistent one
    assert "is not in this ledger's chain" in failure(book, "--report", str(report))


def test_what_changes_legitimately_keeps_the_ledger_verified(book):
    """A role a later article gives, re-scoring, appearance groups, new verdicts."""
    from ledger.storage import repo
    from ledger.storage.db import open_ledger, session_scope
    from ledger.workflow.audit import verify

    engine = open_ledger(book.url)
    with session_scope(engine) as session:
        repo.speaker_ids(session, speakers={"Ana Diaz": None})
    with session_scope(engine) as session:
        repo.speaker_ids(session, speakers={"Ana Diaz": "mayor"})
    raw(book, "UPDATE claims SET worthiness = 99, base_score = 1, group_id = id, q_signature = 'x', q_topic = 'y'")
    assert book("mark", str(book.b), "--status", "unverified", "--reviewer", "bo").exit_code == 0
    result = verify(engine)
    engine.dispose()
    assert result.ok, result.problems
