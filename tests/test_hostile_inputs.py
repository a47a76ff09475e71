"""Whatever a file, a folder or a file name does, `ledger add` reads the rest of the batch,
says in one line what went wrong with each input, and never waits on one forever."""
from __future__ import annotations

import os
import signal
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.exc import DataError, OperationalError

from ledger.errors import ExitCode
from ledger.workflow import ingest
from test_cli import claims_of

MARKER = "TRIGGER-EXTRACTOR-BUG"
GOOD = ["The mayor said 9 roads were closed.\n", "Officials said 300 homes were flooded.\n",
        "The council said it would spend $4 million on repairs.\n"]


def documents(ledger) -> int:
    return ledger.json("stats", "--json")["documents"]


@contextmanager
def deadline(seconds: int = 20):
    """Fail instead of hanging when reading blocks."""
    def expired(*_):
        raise AssertionError(f"still waiting after {seconds} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture
def buggy_extractor(monkeypatch):
    """The extractor raises on a text holding MARKER, as a bug the text triggers would."""
    real = ingest.extract

    def extract(text, **kwargs):
        if MARKER in text:
            raise OverflowError("cannot convert float infinity to integer")
        return real(text, **kwargs)

    monkeypatch.setattr(ingest, "extract", extract)


def batch_with_a_bad_file(folder: Path) -> list[str]:
    folder.mkdir()
    paths = []
    for i, text in enumerate([GOOD[0], f"The agency said {MARKER} 5 people left.\n", GOOD[1], GOOD[2]]):
        (folder / f"{i}.txt").write_text(text)
        paths.append(str(folder / f"{i}.txt"))
    return paths


# ------------------------------------------------------------------ the document boundary


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_that_makes_extraction_raise_fails_alone(ledger, tmp_path, buggy_extractor, jobs):
    paths = batch_with_a_bad_file(tmp_path / "in")
    result = ledger("add", "--jobs", jobs, *paths)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == (
        f"Error: {paths[1]}: could not extract claims (OverflowError: cannot convert float infinity to integer)\n")
    assert result.stdout == "Added 3 documents with 3 claims (0 already in the ledger, 0 skipped, 1 failed, 0 ignored).\n"
    assert sorted(c["quantity"]["value"] for c in claims_of(ledger)) == [9, 300, 4_000_000]
    again = ledger("add", "--jobs", jobs, *paths)  # nothing blocks a re-run
    assert again.exit_code == ExitCode.INPUT
    assert again.stdout.startswith("Added 0 documents with 0 claims (3 already in the ledger, 0 skipped, 1 failed")
    assert documents(ledger) == 3


def test_the_310_digit_number_does_not_stop_the_batch(ledger, tmp_path):
    big, good = tmp_path / "big.txt", tmp_path / "good.txt"
    big.write_text("The council said it spent " + "1" * 310 + " dollars on 12 bridges.")
    good.write_text(GOOD[0])
    result = ledger("add", str(big), str(good))
    assert result.exit_code in (ExitCode.OK, ExitCode.INPUT)  # OK once extraction itself copes
    assert "Traceback" not in result.output
    assert 9 in [c["quantity"]["value"] for c in claims_of(ledger) if c["quantity"]]


def test_stdin_that_makes_extraction_raise_is_one_error(ledger, buggy_extractor):
    result = ledger("add", "-", input=f"The agency said {MARKER} 5 people left.\n")
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.startswith("Error: -: could not extract claims (OverflowError: ")
    assert len(result.stderr.splitlines()) == 1


def test_extract_reports_an_extraction_bug_in_one_line(ledger, tmp_path, monkeypatch):
    import ledger.extract as extraction
    from ledger.extract import contract  # noqa: F401 - bound to the real extract before it is patched
    from ledger.workflow import ingest

    def broken(text, **kwargs):
        raise OverflowError("cannot convert float infinity to integer")

    monkeypatch.setattr(extraction, "extract", broken)
    monkeypatch.setattr(ingest, "extract", broken)  # `extract PATH` extracts the way `add` does
    path = tmp_path / "a.txt"
    path.write_text(GOOD[0])
    result = ledger("extract", str(path))
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == f"Error: {path}: could not extract claims (OverflowError: cannot convert float infinity to integer)\n"


def test_one_bad_request_does_not_end_the_jsonl_stream(ledger, monkeypatch):
    import json

    from ledger.extract import contract

    real = contract.extract
    monkeypatch.setattr(contract, "extract", lambda text, **kw: 1 / 0 if MARKER in text else real(text, **kw))
    lines = [json.dumps({"id": 1, "text": GOOD[0]}), json.dumps({"id": 2, "text": MARKER}), "not json",
             json.dumps({"id": 3, "text": GOOD[1]})]
    result = ledger("extract", "--jsonl", "-", input="\n".join(lines) + "\n")
    assert result.exit_code == ExitCode.INPUT
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 3]
    assert result.stderr.splitlines() == [
        "Error: line 2: could not extract claims (ZeroDivisionError: division by zero)",
        "Error: line 3: not valid JSON (Expecting value)",
    ]


# ------------------------------------------------------------------ storing one document


def refuse(monkeypatch, error):
    """repo.create_documents raises ``error`` for a document whose text holds MARKER."""
    from ledger.storage import repo

    real = repo.create_documents

    def create_documents(session, *, documents):
        if any(MARKER in d.text for d in documents):
            raise error
        return real(session, documents=documents)

    monkeypatch.setattr(repo, "create_documents", create_documents)


def test_a_document_the_database_refuses_fails_alone(ledger, tmp_path, monkeypatch):
    refuse(monkeypatch, DataError("INSERT INTO documents", {}, Exception("value too long for type")))
    paths = batch_with_a_bad_file(tmp_path / "in")
    result = ledger("add", *paths)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == f"Error: {paths[1]}: the database refused it (Exception: value too long for type)\n"
    assert documents(ledger) == 3


@pytest.mark.parametrize("message", ["database or disk is full", "attempt to write a readonly database"])
def test_a_database_wide_failure_still_stops_the_run(ledger, tmp_path, monkeypatch, message):
    refuse(monkeypatch, OperationalError("INSERT INTO documents", {}, sqlite3.OperationalError(message)))
    paths = batch_with_a_bad_file(tmp_path / "in")
    result = ledger("add", *paths)
    assert result.exit_code == ExitCode.DATABASE
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("Error: ")


def test_adding_to_a_read_only_database_stops_with_exit_4(tmp_path):
    from conftest import SEED, Ledger

    path = tmp_path / "l.db"
    Ledger(f"sqlite:///{path}")("add", str(SEED))
    files = []
    for i, text in enumerate(GOOD):
        (tmp_path / f"{i}.txt").write_text(text)
        files.append(str(tmp_path / f"{i}.txt"))
    result = Ledger(f"sqlite:///file:{path}?mode=ro&uri=true")("add", *files)
    assert result.exit_code == ExitCode.DATABASE
    assert result.stderr.startswith("Error: ") and "read-only" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_postgresql_refusing_one_document_fails_only_that_one(pg_url):
    from ledger.extract import extract
    from ledger.storage.db import open_ledger

    engine = open_ledger(pg_url)
    batch = [ingest.ready(extract(text), f"{i}.txt") for i, text in
             enumerate([GOOD[0], "The agency said 5\x00 people left.\n", GOOD[1]])]
    outcomes = ingest.store_batch(engine, batch)
    assert [o.status for o in outcomes] == ["added", "failed", "added"]
    assert outcomes[1].message.startswith("1.txt: the database refused it (")


def test_a_nul_character_anywhere_refuses_the_file(ledger, tmp_path):
    late = tmp_path / "late.txt"
    late.write_text("The mayor said 9 roads were closed. " * 2000 + "\x00")
    wide = tmp_path / "wide.txt"
    wide.write_bytes("\ufeffThe mayor said 9\x00 roads were closed.".encode("utf-16"))
    result = ledger("add", str(late), str(wide))
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.splitlines() == [f"Error: {late}: not a text file (it holds NUL characters)",
                                          f"Error: {wide}: not a text file (it holds NUL characters)"]


# ------------------------------------------------------------------ regular files only


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_without_reading_it(ledger, tmp_path, device):
    good = tmp_path / "good.txt"
    good.write_text(GOOD[0])
    with deadline():
        result = ledger("add", device, str(good))
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == f"Error: {device}: not a regular file\n"
    assert documents(ledger) == 1


def test_a_fifo_named_or_in_a_folder_is_refused_without_waiting(ledger, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    os.mkfifo(inbox / "pipe.txt")
    (inbox / "good.txt").write_text(GOOD[0])
    os.mkfifo(tmp_path / "named")
    with deadline():
        result = ledger("add", str(tmp_path / "named"), str(inbox))
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.splitlines() == [f"Error: {tmp_path / 'named'}: not a regular file",
                                          f"Error: {inbox / 'pipe.txt'}: not a regular file"]
    assert documents(ledger) == 1


def test_a_file_swapped_for_a_fifo_after_the_check_is_refused_after_opening(tmp_path, monkeypatch):
    fifo = tmp_path / "a.txt"
    os.mkfifo(fifo)
    real = os.stat
    regular = real(__file__)
    monkeypatch.setattr(os, "stat", lambda p, **kw: regular if os.fspath(p) == str(fifo) else real(p, **kw))
    with deadline(), pytest.raises(ingest.InputError, match="not a regular file"):
        ingest.read_input("a.txt", fifo, stdin_data=None, max_bytes=1000)


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc")
def test_the_size_limit_counts_the_bytes_read_not_the_size_reported(ledger):
    assert os.stat("/proc/self/maps").st_size == 0  # it says it is empty, and it is not
    result = ledger("add", "/proc/self/maps", "--max-bytes", "100")
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == "Error: /proc/self/maps: larger than the limit of 100 bytes (see --max-bytes)\n"


def test_standard_input_over_the_limit_is_refused(ledger):
    result = ledger("add", "-", "--max-bytes", "20", input=GOOD[1] * 1000)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == "Error: -: larger than the limit of 20 bytes (see --max-bytes)\n"
    assert documents(ledger) == 0


def test_a_file_deleted_after_the_walk_fails_alone(db_url, tmp_path):
    from ledger.storage.db import open_ledger

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, text in enumerate(GOOD):
        (inbox / f"{i}.txt").write_text(text)
    inputs = list(ingest.expand_inputs([str(inbox)]))
    (inbox / "1.txt").unlink()
    outcomes = list(ingest.add_inputs(open_ledger(db_url), inputs))
    assert [(o.status, o.message) for o in outcomes] == [
        ("added", ""), ("failed", f"{inbox / '1.txt'}: no such file"), ("added", "")]


def test_a_file_swapped_for_a_link_after_the_walk_is_not_followed(db_url, tmp_path):
    from ledger.storage.db import open_ledger

    inbox, secret = tmp_path / "inbox", tmp_path / "secret.txt"
    inbox.mkdir()
    secret.write_text(GOOD[1])
    (inbox / "a.txt").write_text(GOOD[0])
    inputs = list(ingest.expand_inputs([str(inbox)]))
    (inbox / "a.txt").unlink()
    os.symlink(secret, inbox / "a.txt")
    [outcome] = ingest.add_inputs(open_ledger(db_url), inputs)
    assert outcome.status == "failed"



def test_ctrl_c_while_a_batch_is_stored_waits_for_it_and_counts_what_was_stored(db_url, tmp_path, monkeypatch):
    from sqlalchemy import text

    from ledger.storage.db import open_ledger

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, body in enumerate(GOOD):
        (inbox / f"{i}.txt").write_text(body)
    real = ingest.store_batch

    def interrupted(engine, batch, known=None):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C lands while the first batch is being written
        return real(engine, batch, known)

    monkeypatch.setattr(ingest, "store_batch", interrupted)
    engine, tally = open_ledger(db_url), ingest.Tally()
    with pytest.raises(KeyboardInterrupt):
        for _ in ingest.add_inputs(engine, list(ingest.expand_inputs([str(inbox)])), batch_size=2, tally=tally):
            pass  # (the interrupt comes after the batch is stored, before any of its outcomes is seen)
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
    assert tally.added == stored == 2


# ------------------------------------------------------------------ walking folders


def test_links_out_of_the_folder_are_skipped_unless_asked_for(ledger, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(GOOD[1])
    (outside / "more.txt").write_text(GOOD[2])
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(GOOD[0])
    os.symlink(outside / "secret.txt", inbox / "shadow.txt")
    os.symlink(outside, inbox / "elsewhere")
    os.symlink(inbox / "a.txt", inbox / "same.txt")  # inside the folder: read (a duplicate of a.txt)
    result = ledger("add", str(inbox))
    assert result.exit_code == ExitCode.SKIPPED
    assert result.stderr.splitlines() == [
        f"Warning: {inbox / 'elsewhere'}: skipped (a link to outside the folder; --follow-symlinks reads it)",
        f"{inbox / 'same.txt'}: already in the ledger, nothing added",
        f"Warning: {inbox / 'shadow.txt'}: skipped (a link to outside the folder; --follow-symlinks reads it)",
    ]
    assert [c["quantity"]["value"] for c in claims_of(ledger)] == [9]
    result = ledger("add", "--follow-symlinks", str(inbox))
    assert result.exit_code == 0, result.output
    assert documents(ledger) == 3


def test_hidden_folders_are_not_walked_and_other_types_are_counted(ledger, tmp_path):
    inbox = tmp_path / "inbox"
    for hidden in (".git", ".pytest_cache", "sub/.cache"):
        (inbox / hidden).mkdir(parents=True)
        (inbox / hidden / "note.txt").write_text(GOOD[2])
    (inbox / "sub" / "a.md").write_text(GOOD[0])
    (inbox / ".hidden.txt").write_text(GOOD[1])
    (inbox / "scan.pdf").write_bytes(b"%PDF-1.4")
    (inbox / "sub" / "photo.JPG").write_bytes(b"\xff\xd8\xff")
    result = ledger("add", str(inbox))
    assert result.exit_code == 0, result.output
    assert result.stdout == "Added 1 document with 1 claim (0 already in the ledger, 0 skipped, 0 failed, 2 ignored).\n"


def test_a_file_named_with_another_suffix_is_still_read(ledger, tmp_path):
    path = tmp_path / "story.eml"
    path.write_text(GOOD[0])
    assert ledger("add", str(path)).exit_code == 0
    assert documents(ledger) == 1


def test_a_folder_that_cannot_be_listed_is_named_and_the_rest_goes_in(ledger, tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    (inbox / "locked").mkdir(parents=True)
    (inbox / "a.txt").write_text(GOOD[0])
    real = os.scandir

    def scandir(path):  # root lists any folder: refuse this one as a user is refused
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = ledger("add", str(inbox))
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == f"Error: {inbox / 'locked'}: cannot read the folder (Permission denied)\n"
    assert documents(ledger) == 1


def test_a_very_deep_folder_is_walked(ledger, tmp_path, monkeypatch):
    depth = 1100  # deeper than Python's recursion limit
    monkeypatch.chdir(tmp_path)
    try:
        for _ in range(depth):
            os.mkdir("d")
            os.chdir("d")
        Path("a.txt").write_text(GOOD[0])
        os.chdir(tmp_path)
        result = ledger("add", "d")
    finally:  # removed here, bottom up: shutil.rmtree (pytest's clean-up) recurses and would fail
        os.chdir(tmp_path / ("d/" * depth))
        Path("a.txt").unlink(missing_ok=True)
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
    assert result.exit_code == 0, result.output
    assert documents(ledger) == 1


# ------------------------------------------------------------------ file names that try to forge output


def test_file_names_cannot_forge_lines_or_drive_the_terminal(ledger, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "evil\nError: fake.txt").write_text("  \n")  # empty: a warning naming it
    (inbox / "esc\x1b[2J copy.txt").write_text(GOOD[0])
    (inbox / "esc\x1b[2J.txt").write_text(GOOD[0])  # a duplicate: a line naming it
    (inbox / "bidi\u202etxt.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00")  # refused: an error naming it
    result = ledger("add", str(inbox))
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert result.stderr.splitlines() == [
        f"Error: {inbox}/bidi\\u202etxt.md: not a text file",
        f"{inbox}/esc\\x1b[2J.txt: already in the ledger, nothing added",
        f"Warning: {inbox}/evil\\nError: fake.txt: skipped (empty file)",
    ]
    assert len(result.stdout.splitlines()) == 1


def test_a_file_name_that_is_not_utf8_is_shown_escaped_and_stored(ledger, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with open(os.path.join(os.fsencode(inbox), b"caf\xe9.txt"), "w") as fh:
        fh.write(GOOD[0])
    result = ledger("add", str(inbox))
    assert result.exit_code == 0, result.output
    from sqlalchemy import create_engine, text

    engine = create_engine(ledger.url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT source FROM documents")).scalars().all() == [f"{inbox}/caf\\xe9.txt"]
    engine.dispose()
