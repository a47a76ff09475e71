"""Keeping the source: every document read from a file, standard input or a URL keeps its
raw bytes, their SHA-256 and when they were read; `ledger source` gives them back exactly."""
from __future__ import annotations

import hashlib
import zlib
from datetime import datetime, timezone

from sqlalchemy import text

from ledger.storage.db import create_ledger_engine, migrate, open_ledger
from webserver import page, site  # noqa: F401 - site is a fixture

# Windows-1252 bytes, CRLF line ends and a trailing space: none of it survives as text
RAW = b"Council tax rises 4.99 %\r\n\r\nThe council said bills rise by 4.99 % in April, caf\xe9 owners said. \r\n"


def test_a_file_comes_back_byte_for_byte(ledger, tmp_path):
    article = tmp_path / "tax.txt"
    article.write_bytes(RAW)
    assert ledger("add", str(article)).exit_code == 0
    out = tmp_path / "back.txt"
    result = ledger("source", "1", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == RAW
    [claim, *_] = ledger.json("export", "--format", "json")
    src = claim["document"]["source"]
    assert src["location"] == str(article)
    assert src["sha256"] == hashlib.sha256(RAW).hexdigest() and src["size"] == len(RAW)
    read_at = datetime.fromisoformat(src["read_at"])
    assert read_at.tzinfo is not None and abs((datetime.now(timezone.utc) - read_at).total_seconds()) < 60


def test_a_fetched_page_comes_back_as_served(ledger, site, tmp_path):
    body = page("Tunnel", "The council said the tunnel cost 412 million dollars.").encode() + b"\n<!-- 7f3a -->\n"
    url = site.serve("/tunnel", body)
    assert ledger("add", url).exit_code == 0
    out = tmp_path / "page.html"
    assert ledger("source", "1", "-o", str(out)).exit_code == 0
    assert out.read_bytes() == body


def test_standard_input_is_kept_too_and_written_to_a_pipe(ledger):
    assert ledger("add", "-", input="Officials said 300 homes flooded.\n").exit_code == 0
    result = ledger("source", "1")  # the test runner's stdout is not a terminal
    assert result.exit_code == 0
    assert result.stdout_bytes == b"Officials said 300 homes flooded.\n"


def test_a_damaged_stored_source_is_refused(ledger, tmp_path):
    article = tmp_path / "tax.txt"
    article.write_bytes(RAW)
    assert ledger("add", str(article)).exit_code == 0
    engine = create_ledger_engine(ledger.url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE sources SET raw = :raw"), {"raw": zlib.compress(RAW.replace(b"4.99", b"1.99"))})
    engine.dispose()
    out = tmp_path / "back.txt"
    result = ledger("source", "1", "-o", str(out))
    assert result.exit_code == 4
    assert result.stderr == "Error: document 1: the stored source does not match its SHA-256; not written\n"
    assert not out.exists()


def test_no_such_document_and_a_hand_typed_claim(ledger):
    assert ledger("add", "--claim", "Unemployment fell to 3.9 % in May.").exit_code == 0
    result = ledger("source", "1", "-o", "unused.txt")
    assert result.exit_code == 3 and "no source kept (it was entered by hand)" in result.stderr
    result = ledger("source", "99", "-o", "unused.txt")
    assert result.exit_code == 3 and "no document with id 99" in result.stderr


def test_show_and_the_csv_report_name_the_source(ledger, tmp_path):
    from conftest import report_rows

    article = tmp_path / "tax.txt"
    article.write_bytes(RAW)
    assert ledger("add", str(article)).exit_code == 0
    shown = ledger("show", "1").stdout
    assert f"source: {article}" in shown and f"sha256 {hashlib.sha256(RAW).hexdigest()[:16]}" in shown
    assert "UTC" in shown
    rows = report_rows(ledger("export").stdout)
    assert {r["source"] for r in rows} == {str(article)}


def test_documents_from_before_sources_were_kept(db_url, tmp_path):
    """After the upgrade an old document says where it came from, and that its bytes
    were not kept; a hand-typed claim's record gets no source."""
    from conftest import Ledger

    engine = create_ledger_engine(db_url)
    migrate(engine, "0009")
    now = datetime(2021, 4, 14, 6, 13, tzinfo=timezone.utc)
    stamp = now.replace(tzinfo=None) if engine.dialect.name == "sqlite" else now
    with engine.begin() as conn:
        for id_, by_hand, source in ((1, False, "inbox/old.txt"), (2, True, "--claim")):
            conn.execute(text(
                "INSERT INTO documents (id, title, by_hand, content_hash, text, ingested_at, source) "
                "VALUES (:id, 'Old', :by_hand, :hash, 'Officials said 300 homes flooded.', :now, :source)"),
                {"id": id_, "by_hand": by_hand, "hash": f"h{id_}", "now": stamp, "source": source})
    engine.dispose()
    open_ledger(db_url).dispose()  # upgrades
    engine = create_ledger_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT document_id, location, sha256, raw, version FROM sources")).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [(1, "inbox/old.txt", None, None, 1)]
    ledger = Ledger(db_url)
    result = ledger("source", "1", "-o", str(tmp_path / "x"))
    assert result.exit_code == 3
    assert "the raw source was not kept" in result.stderr


def test_audit_verify_names_a_source_edited_behind_the_ledgers_back(ledger, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(RAW.replace(b"April", name.encode()))
    assert ledger("add", str(tmp_path)).exit_code == 0
    assert ledger("audit", "verify").exit_code == 0
    engine = create_ledger_engine(ledger.url)
    with engine.begin() as conn:  # the page now says something else; its hash is left as it was
        conn.execute(text("UPDATE sources SET raw = :raw WHERE document_id = 2"),
                     {"raw": zlib.compress(RAW.replace(b"4.99", b"1.99"))})
    engine.dispose()
    result = ledger("audit", "verify")
    assert result.exit_code == 4
    assert "document 2: its stored source does not match the SHA-256 taken when it was read" in result.stderr
    assert "document 1" not in result.stderr
